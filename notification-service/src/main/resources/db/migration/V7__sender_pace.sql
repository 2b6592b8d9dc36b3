-- The pace of each SMS sender (a number or a Messaging Service), shared by every notification instance: each
-- reserves the next send slots here, so that together they never exceed the sender's rate.
CREATE TABLE sender_pace (
    sender    text PRIMARY KEY,
    next_slot timestamptz NOT NULL
);
