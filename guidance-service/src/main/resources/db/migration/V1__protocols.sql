CREATE TABLE protocol (
    id           bigint PRIMARY KEY,
    treatment    varchar(64)  NOT NULL,
    version      integer      NOT NULL,
    title        varchar(200) NOT NULL,
    published_at timestamptz  NOT NULL,
    CONSTRAINT protocol_treatment_version_uk UNIQUE (treatment, version)
);

-- The rules of this protocol arrive with the guidance issue; the row lets the service answer from day one.
INSERT INTO protocol (id, treatment, version, title, published_at)
VALUES (1, 'microneedling', 1, 'Microneedling aftercare', TIMESTAMPTZ '2026-11-21 00:00:00+00');
