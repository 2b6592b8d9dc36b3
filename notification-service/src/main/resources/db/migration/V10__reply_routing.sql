-- Reply routing by conversation. A reply belongs to the clinic whose sender the patient is answering, and within it to
-- the booking whose text reached the number most recently. A booking alone (recipient_booking) says nothing of that:
-- another clinic may book any number, and a booking may never have been texted (no SMS consent, email only).
-- One row per number, sender and booking that a text actually went to, written with the send's outcome.
CREATE TABLE sms_conversation (
    phone          varchar(16) NOT NULL,
    -- The number or Messaging Service SID the text went from: the clinic's own, or the deployment's shared one.
    sender         varchar(34) NOT NULL,
    clinic_id      varchar(64) NOT NULL,
    booking_id     uuid        NOT NULL,
    last_texted_at timestamptz NOT NULL,
    PRIMARY KEY (phone, sender, booking_id)
);

CREATE INDEX sms_conversation_latest_idx ON sms_conversation (phone, sender, last_texted_at DESC);

-- Replies that no conversation claims (nobody texted the number from the sender it answered): the operator's queue,
-- never a clinic's guess. Bodies are personal health information, deleted with the replies' retention.
CREATE TABLE unrouted_reply (
    id            uuid PRIMARY KEY,
    message_sid   varchar(64)  NOT NULL,
    phone         varchar(16)  NOT NULL,
    -- What the patient texted: our number (To) or, through a Messaging Service, its SID.
    sender        varchar(34),
    body          text         NOT NULL,
    urgent        boolean      NOT NULL,
    urgent_reason varchar(300),
    received_at   timestamptz  NOT NULL,
    handled_at    timestamptz,
    handled_by    varchar(64),
    -- When the operator's alert address took the email about an urgent one.
    alerted_at    timestamptz,
    CONSTRAINT unrouted_reply_message_uk UNIQUE (message_sid)
);

CREATE INDEX unrouted_reply_open_idx ON unrouted_reply (received_at DESC, id DESC) WHERE handled_at IS NULL;
CREATE INDEX unrouted_reply_unalerted_idx ON unrouted_reply (received_at) WHERE urgent AND alerted_at IS NULL;
CREATE INDEX unrouted_reply_received_idx ON unrouted_reply (received_at);

-- STOP stops the sender it was sent to, as carriers do: another clinic's own number still reaches the patient. The
-- rows from before this change name no sender ('*') and keep stopping every sender.
ALTER TABLE opt_out ADD COLUMN sender varchar(34) NOT NULL DEFAULT '*';
ALTER TABLE opt_out DROP CONSTRAINT opt_out_pkey;
ALTER TABLE opt_out ADD PRIMARY KEY (channel, address, sender);
