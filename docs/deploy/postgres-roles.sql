-- Privileges for the role the application connects as in production (DATABASE_URL).
-- Run as the database owner after migrations (`npm run cli -- migrate` with the owner's URL):
--
--   psql "$OWNER_URL" -v app_role=rusfag_app -f docs/deploy/postgres-roles.sql
--
-- The application may read and write its tables, but the access log (audit_event) only
-- grows: no UPDATE, DELETE or TRUNCATE, whatever the triggers say. Migrations keep running as
-- the owner. Tested by packages/server/src/modules/audit/audit.test.ts.

grant usage on schema public to :"app_role";
grant select, insert, update, delete on all tables in schema public to :"app_role";
grant usage, select on all sequences in schema public to :"app_role";
revoke update, delete, truncate on audit_event from :"app_role";
revoke insert, update, delete, truncate on schema_migration, schema_migration_lock from :"app_role";

-- Tables created by later migrations get the same rights; audit-like tables must be revoked
-- again in this file when they are added.
alter default privileges in schema public grant select, insert, update, delete on tables to :"app_role";
alter default privileges in schema public grant usage, select on sequences to :"app_role";
