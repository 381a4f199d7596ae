#!/bin/sh
# Makes the secrets docker-compose.yml needs, once, into .env next to it (readable by its owner only; never
# committed: .gitignore). docker compose reads .env by itself. Nothing has a default password.
set -eu
cd "$(dirname "$0")/.."
if [ -f .env ]; then
  echo ".env exists: keeping it (delete it first to make new secrets, then recreate the volumes)" >&2
  exit 1
fi
secret() { head -c 32 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 32; }
umask 077
{
  for name in POSTGRES_PASSWORD THIDUA_CAMPAIGN_DB_PASSWORD THIDUA_PARTICIPATION_DB_PASSWORD THIDUA_EVALUATION_DB_PASSWORD \
      KEYCLOAK_DB_PASSWORD KEYCLOAK_ADMIN_PASSWORD THIDUA_FEED_CLIENT_SECRET \
      KAFKA_ADMIN_PASSWORD KAFKA_CONTROLLER_PASSWORD KAFKA_CAMPAIGN_SERVICE_PASSWORD KAFKA_PARTICIPATION_SERVICE_PASSWORD \
      KAFKA_EVALUATION_SERVICE_PASSWORD KAFKA_DEPT_SYSTEM_PASSWORD KAFKA_AUDITOR_PASSWORD; do
    echo "$name=$(secret)"
  done
} > .env
echo "✓ secrets written to $(pwd)/.env"
