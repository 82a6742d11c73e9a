-- 0020_terms: search in bounded time and compact rows at a million articles
-- (issue 18).
--
-- articles_fts indexed the raw text with FTS5's own tokenizer, so a bare
-- query word had to be a prefix of its stem ("govern"*), whose posting lists
-- FTS5 merges whole on every search. articles_terms holds what the query
-- engine reads instead: the title's and the text's tokens as query.Terms
-- makes them (for phrases and prefixes) and their stems (tstems, bstems; see
-- query.Columns), so a bare word is a few exact terms that FTS5 reads newest
-- first and stops. It is contentless (the store feeds it from Go, see
-- store/terms.go), so it keeps no copy of the text, and contentless_delete
-- lets retention delete its rows.
DROP TRIGGER IF EXISTS articles_fts_insert;
DROP TRIGGER IF EXISTS articles_fts_delete;
DROP TRIGGER IF EXISTS articles_fts_update;
DROP TRIGGER IF EXISTS articles_fts_enter;
DROP TABLE IF EXISTS articles_fts;

CREATE VIRTUAL TABLE articles_terms USING fts5(
    title, body, tstems, bstems,
    content = '', contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 0 categories ''L* N* M* Co'''
);

-- Search ranks its candidates by age: this index gives an id's published_at
-- without reading the article's row (a few dozen bytes an article, where
-- rows read one by one cost a page each).
CREATE INDEX articles_id_published ON articles (id, published_at);

-- Articles at pending = 'text' are not indexed yet (UpdateArticleText
-- indexes them), as with articles_fts.
CREATE TRIGGER articles_terms_delete AFTER DELETE ON articles WHEN old.pending <> 'text' BEGIN
    DELETE FROM articles_terms WHERE rowid = old.id;
END;

-- The articles stored before this migration are indexed, and their text and
-- summary compressed, by the store in Go when it opens the database
-- (Store.upgradeArticles), newest first, in batches: every id below
-- terms_backfill.below is still to do. The table goes when it is done.
CREATE TABLE terms_backfill (below INTEGER NOT NULL);
INSERT INTO terms_backfill (below) SELECT coalesce(max(id), 0) + 1 FROM articles;
