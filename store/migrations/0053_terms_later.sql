-- 0053_terms_later: new articles enter articles_terms in batches, not each
-- fetch's few in its own commit (issue 18 point 1). Every commit that
-- inserts into articles_terms makes FTS5 write a segment and merge older
-- ones (automerge 4): five articles a segment cost about 100 µs more CPU an
-- article than hundreds (BENCHMARKS.md, "session 25"). The store keeps the
-- terms of the articles it stored in memory and indexes them together
-- (store/terms_later.go); this row says how far the index goes: every
-- article of id <= through that is past StepText is in articles_terms, and
-- none above. A stop loses only the memory: the store indexes the articles
-- above through from their stored text when it opens again.
CREATE TABLE terms_indexed (through INTEGER NOT NULL);
INSERT INTO terms_indexed (through) SELECT coalesce(max(id), 0) FROM articles;

-- An article above through is not in articles_terms: deleting its entry
-- would leave a tombstone that hides nothing (contentless_delete).
DROP TRIGGER IF EXISTS articles_terms_delete;
CREATE TRIGGER articles_terms_delete AFTER DELETE ON articles
    WHEN old.pending <> 'text' AND old.id <= (SELECT through FROM terms_indexed) BEGIN
    DELETE FROM articles_terms WHERE rowid = old.id;
END;
