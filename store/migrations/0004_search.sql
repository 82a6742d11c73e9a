-- Full-text search over articles (/search, /latest), the result lists that
-- /search pages through, and the secrets the bot keeps (the key that signs
-- callback data).

-- articles_fts indexes title and text of articles; it is external-content,
-- so it stores only the index, and the triggers below keep it in step.
CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, text,
    content = 'articles', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);

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

INSERT INTO articles_fts (articles_fts) VALUES ('rebuild');

-- searches keeps the ranked result of a /search for its "More" button.
CREATE TABLE searches (
    id          INTEGER PRIMARY KEY,
    chat_id     INTEGER NOT NULL REFERENCES chats(id) ON DELETE CASCADE ON UPDATE CASCADE,
    query       TEXT    NOT NULL,
    article_ids TEXT    NOT NULL,  -- comma-separated, best first
    created_at  INTEGER NOT NULL
);
CREATE INDEX searches_chat ON searches (chat_id, id);
CREATE INDEX searches_created ON searches (created_at);

-- secrets holds random keys generated once per database.
CREATE TABLE secrets (
    name       TEXT    PRIMARY KEY,
    value      BLOB    NOT NULL,
    created_at INTEGER NOT NULL
);
