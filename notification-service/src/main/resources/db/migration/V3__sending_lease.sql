-- A delivery being sent is SENDING with a lease that ends at next_attempt_at: the provider call runs outside any
-- transaction. One still SENDING after its lease was abandoned mid-call and is claimed again, to be checked with the
-- provider before anything is sent, so the due index covers it too.
DROP INDEX delivery_due_idx;
CREATE INDEX delivery_due_idx ON delivery (next_attempt_at) WHERE status IN ('PENDING', 'RETRYING', 'WAITING', 'SENDING');
