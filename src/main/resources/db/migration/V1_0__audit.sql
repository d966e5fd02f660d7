-- Audit module: an append-only, hash-chained log of every change.
-- One chain for the installation; the head row is locked by each append so links never fork.
create table audit_chain_head (
    id        int         primary key,
    last_seq  bigint      not null,
    last_hash varchar(64) not null
);
insert into audit_chain_head (id, last_seq, last_hash)
values (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

create table audit_event (
    seq          bigint                   primary key,
    org_id       bigint                   not null,
    occurred_at  timestamp with time zone not null,
    actor        varchar(100)             not null,
    action       varchar(40)              not null,
    entity_type  varchar(60)              not null,
    entity_id    varchar(64)              not null,
    before_state text,
    after_state  text,
    prev_hash    varchar(64)              not null,
    hash         varchar(64)              not null
);
create index audit_event_entity on audit_event (entity_type, entity_id);
create index audit_event_org on audit_event (org_id, seq);
