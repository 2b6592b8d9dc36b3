-- A provider's status report (delivered, undelivered, failed) that came before the outcome of its send was recorded:
-- the provider's message id is learnt only then, so the report found no delivery. It is kept here and applied when
-- that outcome is recorded, instead of being lost (the provider does not send a report again once we answered it).
CREATE TABLE early_provider_status (
    message_sid  varchar(64)  NOT NULL,
    status       varchar(16)  NOT NULL,
    reason       varchar(200),
    received_at  timestamptz  NOT NULL,
    PRIMARY KEY (message_sid, status)
);

CREATE INDEX early_provider_status_received_idx ON early_provider_status (received_at);
