-- The dispatcher leases each due reminder (claimed_until) before it publishes it. claimed_until is in no index, so
-- PostgreSQL can write the new row version into the same page without touching the reminder table's indexes (a HOT
-- update), but only if the page has room: with the default fill factor a freshly inserted page has none, and each
-- lease wrote an entry into every index. A fifth of each new page is kept free for that.
ALTER TABLE reminder SET (fillfactor = 80);
