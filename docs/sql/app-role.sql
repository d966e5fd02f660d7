-- Renda on PostgreSQL: the application's own role, which cannot rewrite the audit log.
--
-- Run as the role that owns Renda's tables (the one Flyway migrates with, e.g. "renda"), after the first
-- start and again after every upgrade (new tables need their grants); it is idempotent:
--   psql -h <host> -U renda -d renda -f docs/sql/app-role.sql
--   psql -h <host> -U renda -d renda -c "alter role renda_app password '<a long random password>'"
-- Then run Renda as renda_app and keep migrations with the owner (see docs/operations.md):
--   SPRING_DATASOURCE_USERNAME=renda_app  SPRING_DATASOURCE_PASSWORD=...
--   SPRING_FLYWAY_USER=renda              SPRING_FLYWAY_PASSWORD=...
-- Creating the role needs CREATEROLE (or a superuser); a DBA can create it once and skip that block.

DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'renda_app') THEN
        CREATE ROLE renda_app LOGIN;
    END IF;
END
$$;

-- Renda's schema is the current one: public, unless the connection sets another search_path
-- (e.g. PGOPTIONS="-c search_path=renda" psql ...).
DO $$
DECLARE
    s text := current_schema();
BEGIN
    EXECUTE format('GRANT USAGE ON SCHEMA %I TO renda_app', s);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %I TO renda_app', s);
    EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA %I TO renda_app', s);
END
$$;

-- The audit log and its signed checkpoints are append-only: read and add, never change or remove.
REVOKE UPDATE, DELETE, TRUNCATE ON audit_event, audit_checkpoint FROM renda_app;
-- The chain heads (one row per audit partition, docs/architecture.md "Audit partitions") are moved forward by
-- every append and added when a partition writes its first entry: never removed or emptied. With
-- renda.audit.partition-depth=0 (one chain) INSERT may be revoked as well.
REVOKE DELETE, TRUNCATE ON audit_chain_head FROM renda_app;
-- The schema is the owner's: the application neither migrates nor rewrites migration history.
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON flyway_schema_history FROM renda_app;
