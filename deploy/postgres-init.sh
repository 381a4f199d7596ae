#!/bin/sh
# PostgreSQL's first start (docker-entrypoint-initdb.d): the databases and roles of deploy/postgres-init.sql,
# with the passwords from the environment (deploy/generate-secrets.sh makes them).
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
  -v campaign_password="$THIDUA_CAMPAIGN_DB_PASSWORD" \
  -v participation_password="$THIDUA_PARTICIPATION_DB_PASSWORD" \
  -v evaluation_password="$THIDUA_EVALUATION_DB_PASSWORD" \
  -v keycloak_password="$KEYCLOAK_DB_PASSWORD" \
  -f /deploy/postgres-init.sql
