-- The console's patient timeline (issue 22) reads one booking's conversation: the numbers it was texted at and from
-- which senders, to find the opt-outs that stop its texts. Both tables are keyed by number first; these find a booking.
CREATE INDEX recipient_booking_booking_idx ON recipient_booking (booking_id);
CREATE INDEX sms_conversation_booking_idx ON sms_conversation (booking_id);
