-- foreign_keys: off
-- 0006_pipeline: nothing lost between the feed and the outbox (issue 11).
--
-- This migration rebuilds tables, so it runs with foreign keys off (the
-- marker on the first line): dropping a table with them on would cascade its
-- deletion to the rows that reference it. store.migrate checks the foreign
-- keys before committing.

-- Ids are never given again: sources, articles and subscriptions become
-- AUTOINCREMENT tables, so that a queued alert, a button or a digest naming a
-- removed row never reaches a new one. Columns, indexes and the full-text
-- triggers are those of 0001-0004; rows keep their ids (the search index is
-- keyed by them and stays valid).
CREATE TABLE sources_new (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    name          TEXT    NOT NULL,
    url           TEXT    NOT NULL UNIQUE,
    origin        TEXT    NOT NULL DEFAULT 'config', -- config, chat or retired
    etag          TEXT    NOT NULL DEFAULT '',
    last_modified TEXT    NOT NULL DEFAULT '',
    fetches       INTEGER NOT NULL DEFAULT 0,      -- successful fetches so far; 0 = first fetch pending
    failures      INTEGER NOT NULL DEFAULT 0,      -- consecutive failures
    last_fetch_at INTEGER NOT NULL DEFAULT 0,
    last_ok_at    INTEGER NOT NULL DEFAULT 0,
    last_error    TEXT    NOT NULL DEFAULT '',
    next_fetch_at INTEGER NOT NULL DEFAULT 0,
    created_at    INTEGER NOT NULL,
    items_seen_at INTEGER NOT NULL DEFAULT 0       -- when the items of the latest full fetch were recorded in seen_items
);
INSERT INTO sources_new (id, name, url, origin, etag, last_modified, fetches, failures, last_fetch_at, last_ok_at, last_error, next_fetch_at, created_at)
    SELECT id, name, url, origin, etag, last_modified, fetches, failures, last_fetch_at, last_ok_at, last_error, next_fetch_at, created_at FROM sources;
DROP TABLE sources;
ALTER TABLE sources_new RENAME TO sources;

-- pending is how far the poller got with a new article, so that a stop at
-- any moment resumes where it was: 'text' (full text and summary to do),
-- 'link' (story linking to do), 'match' (matching and queueing its alerts to
-- do), '' (done; every article stored before this migration).
CREATE TABLE articles_new (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    source_id     INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
    guid          TEXT    NOT NULL,
    url           TEXT    NOT NULL,
    title         TEXT    NOT NULL,
    text          TEXT    NOT NULL DEFAULT '',
    summary       TEXT    NOT NULL DEFAULT '',
    published_at  INTEGER NOT NULL,
    fetched_at    INTEGER NOT NULL,
    alertable     INTEGER NOT NULL DEFAULT 0,
    story_id      INTEGER,                        -- the first article of the same story; NULL = its own story
    canonical_url TEXT    NOT NULL DEFAULT '',
    story_sig     BLOB,
    pending       TEXT    NOT NULL DEFAULT '',
    UNIQUE (source_id, guid)
);
INSERT INTO articles_new (id, source_id, guid, url, title, text, summary, published_at, fetched_at, alertable, story_id, canonical_url, story_sig)
    SELECT id, source_id, guid, url, title, text, summary, published_at, fetched_at, alertable, story_id, canonical_url, story_sig FROM articles;
DROP TABLE articles;
ALTER TABLE articles_new RENAME TO articles;
CREATE INDEX articles_published ON articles (published_at);
CREATE INDEX articles_url ON articles (url);
CREATE INDEX articles_canonical ON articles (canonical_url) WHERE canonical_url <> '';
CREATE INDEX articles_story ON articles (story_id);
CREATE INDEX articles_pending ON articles (pending, id) WHERE pending <> '';

CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
END;

CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
END;

CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
    INSERT INTO articles_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
END;

CREATE TABLE subscriptions_new (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    chat_id    INTEGER NOT NULL REFERENCES chats(id) ON DELETE CASCADE ON UPDATE CASCADE,
    query      TEXT    NOT NULL,
    query_key  TEXT    NOT NULL,
    muted      INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL,
    UNIQUE (chat_id, query_key)
);
INSERT INTO subscriptions_new (id, chat_id, query, query_key, muted, created_at)
    SELECT id, chat_id, query, query_key, muted, created_at FROM subscriptions;
DROP TABLE subscriptions;
ALTER TABLE subscriptions_new RENAME TO subscriptions;

-- The sequences start above every id still named anywhere, so that not even
-- an id already removed before this migration comes back.
DELETE FROM sqlite_sequence WHERE name IN ('sources', 'articles', 'subscriptions');
INSERT INTO sqlite_sequence (name, seq) VALUES
    ('sources', (SELECT max(coalesce((SELECT max(id) FROM sources), 0), coalesce((SELECT max(source_id) FROM articles), 0)))),
    ('articles', (SELECT max(coalesce((SELECT max(id) FROM articles), 0), coalesce((SELECT max(article_id) FROM alerts), 0),
        coalesce((SELECT max(article_id) FROM outbox), 0)))),
    ('subscriptions', (SELECT max(coalesce((SELECT max(id) FROM subscriptions), 0), coalesce((SELECT max(subscription_id) FROM alerts), 0),
        coalesce((SELECT max(subscription_id) FROM outbox), 0))));

-- seen_items is the compact record of the items each source's feed carried
-- (a 64-bit hash of "guid:<guid>" and of "url:<link>"), kept while the feed
-- carries them: an item whose article retention pruned is still not new.
-- last_seen_at is the latest full fetch that carried the item; an item whose
-- last_seen_at is before its source's items_seen_at has left the feed, and
-- Prune forgets it once it is older than the retention.
CREATE TABLE seen_items (
    source_id    INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
    key_hash     INTEGER NOT NULL,
    last_seen_at INTEGER NOT NULL,
    PRIMARY KEY (source_id, key_hash)
) WITHOUT ROWID;
CREATE INDEX seen_items_last_seen ON seen_items (last_seen_at);
