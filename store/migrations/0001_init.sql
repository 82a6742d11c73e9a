CREATE TABLE chats (
    id          INTEGER PRIMARY KEY,             -- Telegram chat id (the console chat is 1)
    type        TEXT    NOT NULL DEFAULT 'private', -- private, group, supergroup, channel, console
    title       TEXT    NOT NULL DEFAULT '',
    active      INTEGER NOT NULL DEFAULT 1,      -- 0 after 403 / chat not found
    paused      INTEGER NOT NULL DEFAULT 0,
    timezone    TEXT    NOT NULL DEFAULT '',
    digest_time TEXT    NOT NULL DEFAULT '',     -- HH:MM local, '' = off
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL
);

CREATE TABLE sources (
    id            INTEGER PRIMARY KEY,
    name          TEXT    NOT NULL,
    url           TEXT    NOT NULL UNIQUE,
    origin        TEXT    NOT NULL DEFAULT 'config', -- config or chat
    etag          TEXT    NOT NULL DEFAULT '',
    last_modified TEXT    NOT NULL DEFAULT '',
    fetches       INTEGER NOT NULL DEFAULT 0,      -- successful fetches so far; 0 = first fetch pending
    failures      INTEGER NOT NULL DEFAULT 0,      -- consecutive failures
    last_fetch_at INTEGER NOT NULL DEFAULT 0,
    last_ok_at    INTEGER NOT NULL DEFAULT 0,
    last_error    TEXT    NOT NULL DEFAULT '',
    next_fetch_at INTEGER NOT NULL DEFAULT 0,
    created_at    INTEGER NOT NULL
);

CREATE TABLE articles (
    id           INTEGER PRIMARY KEY,
    source_id    INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
    guid         TEXT    NOT NULL,
    url          TEXT    NOT NULL,
    title        TEXT    NOT NULL,
    text         TEXT    NOT NULL DEFAULT '',
    summary      TEXT    NOT NULL DEFAULT '',
    published_at INTEGER NOT NULL,
    fetched_at   INTEGER NOT NULL,
    alertable    INTEGER NOT NULL DEFAULT 0,
    story_id     INTEGER,                       -- the first article of the same story; NULL = its own story
    UNIQUE (source_id, guid)
);
CREATE INDEX articles_published ON articles (published_at);
CREATE INDEX articles_url ON articles (url);

CREATE TABLE subscriptions (
    id         INTEGER PRIMARY KEY,
    chat_id    INTEGER NOT NULL REFERENCES chats(id) ON DELETE CASCADE ON UPDATE CASCADE,
    query      TEXT    NOT NULL,
    query_key  TEXT    NOT NULL,
    muted      INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL,
    UNIQUE (chat_id, query_key)
);

-- alerts records every (chat, article) alerted, so an article is queued once per chat.
CREATE TABLE alerts (
    chat_id         INTEGER NOT NULL REFERENCES chats(id) ON DELETE CASCADE ON UPDATE CASCADE,
    article_id      INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    subscription_id INTEGER NOT NULL,
    created_at      INTEGER NOT NULL,
    PRIMARY KEY (chat_id, article_id)
);

-- outbox holds every outgoing message before its first attempt.
CREATE TABLE outbox (
    id              INTEGER PRIMARY KEY,
    chat_id         INTEGER NOT NULL REFERENCES chats(id) ON DELETE CASCADE ON UPDATE CASCADE,
    kind            TEXT    NOT NULL,             -- reply, alert, digest, edit
    priority        INTEGER NOT NULL DEFAULT 0,   -- lower goes first: replies 0, alerts 10, digests 20
    text            TEXT    NOT NULL DEFAULT '',  -- HTML, for replies and digests
    buttons         TEXT    NOT NULL DEFAULT '',  -- JSON inline keyboard, '' = none
    silent          INTEGER NOT NULL DEFAULT 0,   -- disable_notification
    article_id      INTEGER,                      -- alerts: rendered at send time
    subscription_id INTEGER,
    status          TEXT    NOT NULL DEFAULT 'pending', -- pending, sent, dropped
    attempts        INTEGER NOT NULL DEFAULT 0,
    not_before      INTEGER NOT NULL DEFAULT 0,
    last_error      TEXT    NOT NULL DEFAULT '',
    message_id      INTEGER NOT NULL DEFAULT 0,   -- Telegram's id once sent
    created_at      INTEGER NOT NULL,
    sent_at         INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX outbox_pending ON outbox (status, chat_id, priority, id);
