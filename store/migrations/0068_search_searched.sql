-- 0068_search_searched: how many of the newest articles a stored /search
-- read when its bound on cost stopped it before the oldest (0: it read all
-- it needed), so that every page of it says so, not only the first.
-- Searches stored before read 0; they live a day.
ALTER TABLE searches ADD COLUMN searched INTEGER NOT NULL DEFAULT 0;
