-- One database per service; each service migrates its own schema with Flyway at start.
CREATE DATABASE guidance;
CREATE DATABASE scheduling;
CREATE DATABASE notification;
CREATE DATABASE console;
