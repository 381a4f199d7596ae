-- One database per service (docker-compose.yml).
CREATE DATABASE campaign ENCODING 'UTF8' TEMPLATE template0;
CREATE DATABASE participation ENCODING 'UTF8' TEMPLATE template0;
CREATE DATABASE evaluation ENCODING 'UTF8' TEMPLATE template0;
