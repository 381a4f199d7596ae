-- One database and one role per service, and Keycloak's: each role owns its database and may connect to
-- no other (CONNECT is revoked from PUBLIC). The local stack does the same (local-stack's DatabaseRoles).
-- Run once by deploy/postgres-init.sh, which passes the passwords as psql variables from the environment.
CREATE ROLE campaign LOGIN PASSWORD :'campaign_password';
CREATE ROLE participation LOGIN PASSWORD :'participation_password';
CREATE ROLE evaluation LOGIN PASSWORD :'evaluation_password';
CREATE ROLE keycloak LOGIN PASSWORD :'keycloak_password';
CREATE DATABASE campaign OWNER campaign ENCODING 'UTF8' TEMPLATE template0;
CREATE DATABASE participation OWNER participation ENCODING 'UTF8' TEMPLATE template0;
CREATE DATABASE evaluation OWNER evaluation ENCODING 'UTF8' TEMPLATE template0;
CREATE DATABASE keycloak OWNER keycloak ENCODING 'UTF8' TEMPLATE template0;
REVOKE CONNECT, TEMPORARY ON DATABASE campaign, participation, evaluation, keycloak FROM PUBLIC;
GRANT CONNECT ON DATABASE campaign TO campaign;
GRANT CONNECT ON DATABASE participation TO participation;
GRANT CONNECT ON DATABASE evaluation TO evaluation;
GRANT CONNECT ON DATABASE keycloak TO keycloak;
