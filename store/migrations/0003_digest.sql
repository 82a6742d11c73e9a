-- digests records every digest queued, so that no restart sends one twice and
-- the next digest knows where the previous one ended.
CREATE TABLE digests (
    id         INTEGER PRIMARY KEY,
    chat_id    INTEGER NOT NULL REFERENCES chats(id) ON DELETE CASCADE ON UPDATE CASCADE,
    kind       TEXT    NOT NULL,              -- scheduled (the daily one) or now (/digest now)
    local_date TEXT,                          -- YYYY-MM-DD in the chat's zone; NULL for /digest now
    due_at     INTEGER NOT NULL,              -- when it was due (Unix seconds)
    since      INTEGER NOT NULL,              -- it covers the alerts created in [since, until)
    until      INTEGER NOT NULL,
    stories    INTEGER NOT NULL DEFAULT 0,    -- stories matched in the window (shown or not)
    messages   INTEGER NOT NULL DEFAULT 0,    -- outbox rows queued; 0 = an empty day, nothing sent
    first_message INTEGER,                    -- outbox id of its first message; the rest follow in order
    queued_at  INTEGER NOT NULL,
    UNIQUE (chat_id, local_date)              -- one daily digest per chat and local date
);
CREATE INDEX digests_chat_until ON digests (chat_id, until);

-- A digest reads a chat's alerts by time and the articles of each story.
CREATE INDEX IF NOT EXISTS alerts_chat_created ON alerts (chat_id, created_at);
CREATE INDEX IF NOT EXISTS articles_story ON articles (story_id);
