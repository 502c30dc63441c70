-- The platform database's extensions and the services' own roles (ARCHITECTURE.md §5): each
-- service connects as the role named after it, which owns the schema of the same name and has no
-- rights on any other service's schema.
--
-- Runs as superuser in the platform's database, once or again (idempotent; passwords are reset
-- to the given ones):
--   * by the postgres image on its first start (docker-compose.yml mounts it into
--     /docker-entrypoint-initdb.d; POSTGRES_DB=bildungsraum);
--   * by hand: PARTNERS_DB_PASSWORD=... psql -h <host> -U postgres -d bildungsraum -f deploy/postgres/init.sql
-- Needs psql >= 15 (\getenv). On Kubernetes the CloudNativePG Cluster (deploy/k8s) creates the
-- roles from Secrets and runs the same statements as its postInitApplicationSQL.
-- A new service: copy the block between the dashed lines and replace "partners"/PARTNERS.
\set ON_ERROR_STOP on

CREATE EXTENSION IF NOT EXISTS postgis;   -- places: venues, company sites, district polygons
CREATE EXTENSION IF NOT EXISTS unaccent;  -- catalogue search ("Schweissen" finds "Schweißen")
CREATE EXTENSION IF NOT EXISTS pg_trgm;   -- fuzzy name search

-- Only the owner creates objects in public (PostgreSQL >= 15 default; explicit for older ones),
-- and only granted roles may connect to this database.
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
SELECT format('REVOKE ALL ON DATABASE %I FROM PUBLIC', current_database()) \gexec

CREATE TEMPORARY TABLE service_roles (service text PRIMARY KEY, password text NOT NULL);

-- ----------------------------------------------------------------------------- partners ----
\getenv password PARTNERS_DB_PASSWORD
\if :{?password}
\else
\set password partners-dev
\endif
INSERT INTO service_roles VALUES ('partners', :'password');
\unset password
-- --------------------------------------------------------------------------------------------
-- ----------------------------------------------------------------------------- notifications ----
\getenv password NOTIFICATIONS_DB_PASSWORD
\if :{?password}
\else
\set password notifications-dev
\endif
INSERT INTO service_roles VALUES ('notifications', :'password');
\unset password
-- --------------------------------------------------------------------------------------------
-- ----------------------------------------------------------------------------- matching ----
\getenv password MATCHING_DB_PASSWORD
\if :{?password}
\else
\set password matching-dev
\endif
INSERT INTO service_roles VALUES ('matching', :'password');
\unset password
-- --------------------------------------------------------------------------------------------
-- ----------------------------------------------------------------------------- catalogue ----
\getenv password CATALOGUE_DB_PASSWORD
\if :{?password}
\else
\set password catalogue-dev
\endif
INSERT INTO service_roles VALUES ('catalogue', :'password');
\unset password
-- --------------------------------------------------------------------------------------------
-- ----------------------------------------------------------------------------- needs ----
\getenv password NEEDS_DB_PASSWORD
\if :{?password}
\else
\set password needs-dev
\endif
INSERT INTO service_roles VALUES ('needs', :'password');
\unset password
-- --------------------------------------------------------------------------------------------

SELECT format('CREATE ROLE %I', service) FROM service_roles
 WHERE service NOT IN (SELECT rolname FROM pg_roles) \gexec
SELECT format('ALTER ROLE %I WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT PASSWORD %L', service, password)
  FROM service_roles \gexec
-- CREATE on the database: the migration runner issues CREATE SCHEMA IF NOT EXISTS, and
-- PostgreSQL checks that privilege before it sees that the schema exists.
SELECT format('GRANT CONNECT, TEMPORARY, CREATE ON DATABASE %I TO %I', current_database(), service)
  FROM service_roles \gexec
SELECT format('CREATE SCHEMA IF NOT EXISTS %I AUTHORIZATION %I', service, service) FROM service_roles \gexec
SELECT format('ALTER SCHEMA %I OWNER TO %I', service, service) FROM service_roles \gexec
SELECT format('REVOKE ALL ON SCHEMA %I FROM PUBLIC', service) FROM service_roles \gexec
SELECT format('ALTER ROLE %I SET search_path = %I, public', service, service) FROM service_roles \gexec

DROP TABLE service_roles;
