#!/bin/sh
# One database and owner role per service, and Keycloak's own; no service reads another's tables. Run once by the
# postgres image on an empty data directory; the passwords come from the container's environment.
set -eu

psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" -v password="$PAIRING_DB_PASSWORD" <<'SQL'
CREATE ROLE pairing LOGIN PASSWORD :'password';
CREATE DATABASE pairing OWNER pairing ENCODING 'UTF8' TEMPLATE template0;
SQL

psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" -v password="$ROTATION_DB_PASSWORD" <<'SQL'
CREATE ROLE rotation LOGIN PASSWORD :'password';
CREATE DATABASE rotation OWNER rotation ENCODING 'UTF8' TEMPLATE template0;
SQL

psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" -v password="$HEALTHCARE_DB_PASSWORD" <<'SQL'
CREATE ROLE healthcare LOGIN PASSWORD :'password';
CREATE DATABASE healthcare OWNER healthcare ENCODING 'UTF8' TEMPLATE template0;
SQL

psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" -v password="$KEYCLOAK_DB_PASSWORD" <<'SQL'
CREATE ROLE keycloak LOGIN PASSWORD :'password';
CREATE DATABASE keycloak OWNER keycloak ENCODING 'UTF8' TEMPLATE template0;
SQL
