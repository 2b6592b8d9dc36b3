-- Events this service has to tell the others, written in the same transaction as the change they report, and
-- published by a relay afterwards: no transaction waits for Kafka, and whatever a committed row says happened is
-- published eventually, exactly as recorded. A row is deleted once the broker acknowledged it.
CREATE TABLE event_outbox (
    id         bigserial    PRIMARY KEY,
    kind       varchar(20)  NOT NULL,
    payload    text         NOT NULL,
    created_at timestamptz  NOT NULL
);
