-- 0050_source_moved: where a source's feed moved for good (every redirect on
-- the way 301 or 308, a feed there), as its last successful fetch found it;
-- '' = it did not move. Kept so that /sources still says so after a
-- restart, before the source's next fetch; the source's url stays the one
-- its operator or chat chose.
ALTER TABLE sources ADD COLUMN moved_to TEXT NOT NULL DEFAULT '';
