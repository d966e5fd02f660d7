-- Audit module: signed checkpoints of the hash chain. Each row is the installation's Ed25519 signature
-- (key file outside the database) over the chain head at a moment and the previous checkpoint, so a chain
-- recomputed by someone with database access no longer agrees with what was signed. Append-only: the
-- application never updates or deletes a row (see docs/sql/app-role.sql for the database privileges).
-- One sequence of checkpoints per installation, like the chain itself (no org_id: it spans every organisation).
create table audit_checkpoint (
    num             bigint                   primary key,
    head_seq        bigint                   not null,
    head_hash       varchar(64)              not null,
    signed_at       timestamp with time zone not null,
    previous        varchar(64)              not null,
    key_fingerprint varchar(64)              not null,
    public_key      varchar(200)             not null,
    signature       varchar(200)             not null
);
