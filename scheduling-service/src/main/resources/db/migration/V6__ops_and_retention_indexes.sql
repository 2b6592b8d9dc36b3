-- The ops overview counts what happened in a period (the last hour to 90 days). Without these, each figure scanned
-- the whole reminder table: with millions of future reminders, seconds per page load. Each index covers one range
-- the overview reads, and the partial ones stay small because they hold only the rows that need attention.
CREATE INDEX booking_created_idx ON booking (created_at);
CREATE INDEX reminder_created_idx ON reminder (created_at);
CREATE INDEX reminder_dispatched_idx ON reminder (dispatched_at) WHERE dispatched_at IS NOT NULL;
CREATE INDEX reminder_expired_due_idx ON reminder (due_at) WHERE state = 'EXPIRED';
CREATE INDEX reminder_failures_idx ON reminder (notified_at DESC)
    WHERE notified_status IN ('failed', 'undelivered', 'suppressed');

-- Pruning processed event ids by age reads them by age.
CREATE INDEX processed_event_processed_at_idx ON processed_event (processed_at);
