-- One database and owner role per service; no service reads another's tables.
-- Passwords are for local, production-like runs only; set real secrets in a real deployment.
CREATE ROLE pairing LOGIN PASSWORD 'pairing-dev';
CREATE DATABASE pairing OWNER pairing ENCODING 'UTF8' TEMPLATE template0;
CREATE ROLE rotation LOGIN PASSWORD 'rotation-dev';
CREATE DATABASE rotation OWNER rotation ENCODING 'UTF8' TEMPLATE template0;
CREATE ROLE healthcare LOGIN PASSWORD 'healthcare-dev';
CREATE DATABASE healthcare OWNER healthcare ENCODING 'UTF8' TEMPLATE template0;
