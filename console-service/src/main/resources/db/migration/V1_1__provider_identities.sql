-- Which account of a clinic's OpenID Connect provider is which console person: the provider's issuer and the ID
-- token's subject (stable, unlike an email address). A person has at most one; the first sign-in through the provider
-- links it, found by the verified email or created. Version 1.1 so that it sorts after V1 whatever V2 becomes.
CREATE TABLE provider_identity (
    user_id    uuid         PRIMARY KEY REFERENCES console_user (id) ON DELETE CASCADE,
    issuer     varchar(255) NOT NULL,
    subject    varchar(255) NOT NULL,
    created_at timestamptz  NOT NULL,
    CONSTRAINT provider_identity_subject_uk UNIQUE (issuer, subject)
);
