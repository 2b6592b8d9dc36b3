-- The dispatcher claims due reminders with a lease and commits before it publishes, so that no transaction waits
-- for Kafka. A reminder stays PLANNED while claimed; a lease that ran out (the instance died mid-publish) makes it
-- claimable again, and it is re-published with the same event id, which the notification service de-duplicates.
ALTER TABLE reminder ADD COLUMN claimed_until timestamptz;
