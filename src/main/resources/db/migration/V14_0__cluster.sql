-- Several application instances over one database (issue 15, "stateless app nodes"). None of these tables holds
-- an organisation's records, so none carries org_id: they are the instances' shared working memory.

-- HTTP sessions (Spring Session JDBC, its own schema for PostgreSQL; H2 in PostgreSQL mode reads it unchanged):
-- a user signed in through one instance stays signed in when the balancer sends the next request to another.
create table spring_session (
    primary_id            char(36)     not null,
    session_id            char(36)     not null,
    creation_time         bigint       not null,
    last_access_time      bigint       not null,
    max_inactive_interval int          not null,
    expiry_time           bigint       not null,
    principal_name        varchar(100),
    constraint spring_session_pk primary key (primary_id)
);
create unique index spring_session_ix1 on spring_session (session_id);
create index spring_session_ix2 on spring_session (expiry_time);
create index spring_session_ix3 on spring_session (principal_name);

create table spring_session_attributes (
    session_primary_id char(36)     not null,
    attribute_name     varchar(200) not null,
    attribute_bytes    bytea        not null,
    constraint spring_session_attributes_pk primary key (session_primary_id, attribute_name),
    constraint spring_session_attributes_fk foreign key (session_primary_id)
        references spring_session (primary_id) on delete cascade
);

-- Scheduled jobs run on one instance at a time (ShedLock): a row per job, held until lock_until.
create table shedlock (
    name       varchar(64)  not null,
    lock_until timestamp    not null,
    locked_at  timestamp    not null,
    locked_by  varchar(255) not null,
    constraint shedlock_pk primary key (name)
);

-- The token buckets of the anonymous doors (public form, partner API, refused ballot codes), counted together
-- by every instance: tokens left at refilled_at (epoch milliseconds). The key is a prefix and a client address.
create table rate_bucket (
    bucket_key  varchar(120)     not null,
    tokens      double precision not null,
    refilled_at bigint           not null,
    constraint rate_bucket_pk primary key (bucket_key)
);
create index rate_bucket_refilled on rate_bucket (refilled_at);

-- One version per in-memory cache: bumped in the transaction of a change, polled by every instance, which drops
-- its copy when the number moved.
create table cache_version (
    name    varchar(64) not null,
    version bigint      not null,
    constraint cache_version_pk primary key (name)
);
insert into cache_version (name, version) values ('calendar.days', 0), ('calendar.rules', 0), ('calendar.lineages', 0);
