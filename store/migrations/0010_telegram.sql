-- 0010_telegram: forum topics, threaded replies, link previews and shared
-- subscriptions (issue 14).

-- The forum topic a subscription's alerts go to (0: the chat, or General).
ALTER TABLE subscriptions ADD COLUMN thread_id INTEGER NOT NULL DEFAULT 0;

-- The topic a queued message goes to and the message it answers (0: none).
ALTER TABLE outbox ADD COLUMN thread_id INTEGER NOT NULL DEFAULT 0;
ALTER TABLE outbox ADD COLUMN reply_to INTEGER NOT NULL DEFAULT 0;

-- How the chat's alerts show their link preview: '' (none), 'on', 'large',
-- 'small' or 'above'.
ALTER TABLE chats ADD COLUMN preview TEXT NOT NULL DEFAULT '';

-- Shared subscriptions: an opaque token in a t.me link names a query; it
-- carries nothing about the chat that shared it.
CREATE TABLE shares (
    token      TEXT    PRIMARY KEY,
    query      TEXT    NOT NULL,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
);
