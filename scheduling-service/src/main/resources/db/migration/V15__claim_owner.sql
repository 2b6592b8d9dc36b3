-- Which scheduling instance (aftercare.instance-id) last claimed a reminder for dispatch. With it, an instance that
-- starts again under its name gives back at once the claims its earlier life left (no thread of that life is still
-- publishing them), and the others take over the claims of an instance that is gone (it has no connection to this
-- database any more) instead of waiting out the lease. Kept once the reminder is dispatched: it then says which
-- instance dispatched it. In no index, like claimed_until, so that a claim stays a HOT update (V12).
ALTER TABLE reminder ADD COLUMN claimed_by text;
