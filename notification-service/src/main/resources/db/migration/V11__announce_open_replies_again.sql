-- Scheduling now keeps the ops page's counts of open and urgent replies itself, from patient-replies and
-- replies-handled (it used to ask this service over HTTP). The replies still open when this runs are announced once
-- more through the outbox, under their own ids (the reply id is the event id): a consumer that read one before
-- ignores it, being idempotent on the event id, and scheduling's counts learn of it. Deploy scheduling's version that
-- reads replies-handled before this one, so that the events are read by the code that counts them.
INSERT INTO event_outbox (kind, payload, created_at)
SELECT 'PATIENT_REPLIED',
       json_build_object('replyId', id, 'clinicId', clinic_id, 'bookingId', booking_id, 'bookingRef', booking_ref,
                         'language', language, 'checkInScore', check_in_score, 'urgent', urgent,
                         'urgentReason', urgent_reason,
                         'receivedAt', to_char(received_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'))::text,
       now()
FROM patient_reply
WHERE state = 'OPEN'
ORDER BY received_at, id;
