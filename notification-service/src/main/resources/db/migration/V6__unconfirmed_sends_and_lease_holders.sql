-- Since when a provider call may have reached the provider without our knowing its answer: set when a delivery is
-- leased for a call, kept when the call got no answer (timeout, connection lost), cleared by any definite answer.
-- While it is set, the next attempt first asks the provider whether it already has the message.
ALTER TABLE delivery ADD COLUMN unconfirmed_since timestamptz;
UPDATE delivery SET unconfirmed_since = updated_at WHERE status = 'SENDING';

-- Which instance holds a SENDING delivery's lease (aftercare.instance-id): an instance that starts again after a
-- crash takes back its own leases at once instead of waiting for them to run out.
ALTER TABLE delivery ADD COLUMN leased_by text;
