-- Pruning by age (RecordRetention) reads only finished deliveries and acted-on webhooks older than a cutoff, a
-- batch at a time: these keep each batch an index range instead of a scan of the whole table.
CREATE INDEX delivery_finished_idx ON delivery (updated_at)
    WHERE status IN ('SENT', 'DELIVERED', 'UNDELIVERED', 'FAILED', 'SUPPRESSED', 'EXPIRED');
CREATE INDEX processed_webhook_processed_at_idx ON processed_webhook (processed_at);
