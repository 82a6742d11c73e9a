-- 0041_topic_subscriptions: a query lives once per forum topic, not once per
-- chat (issue 14). The same query subscribed in two topics of a group is two
-- subscriptions, each alerting in its own topic, so an article is alerted once
-- per (chat, topic) and a story linked per topic. Both tables are rebuilt to
-- change their keys; ids and the subscriptions' sequence are kept.

CREATE TEMP TABLE subscriptions_seq AS SELECT seq FROM sqlite_sequence WHERE name = 'subscriptions';

CREATE TABLE subscriptions_new (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    chat_id    INTEGER NOT NULL REFERENCES chats(id) ON DELETE CASCADE ON UPDATE CASCADE,
    query      TEXT    NOT NULL,
    query_key  TEXT    NOT NULL,
    muted      INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL,
    thread_id  INTEGER NOT NULL DEFAULT 0,  -- the forum topic its alerts go to (0: the chat, or General)
    UNIQUE (chat_id, thread_id, query_key)
);
INSERT INTO subscriptions_new (id, chat_id, query, query_key, muted, created_at, thread_id)
    SELECT id, chat_id, query, query_key, muted, created_at, thread_id FROM subscriptions;
DROP TABLE subscriptions;
ALTER TABLE subscriptions_new RENAME TO subscriptions;
UPDATE sqlite_sequence SET seq = max(seq, coalesce((SELECT seq FROM subscriptions_seq), 0)) WHERE name = 'subscriptions';
INSERT INTO sqlite_sequence (name, seq)
    SELECT 'subscriptions', seq FROM subscriptions_seq WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'subscriptions');
DROP TABLE subscriptions_seq;

-- alerts: one row per (chat, topic, article); the topic is the one its
-- subscription sent it to.
CREATE TABLE alerts_new (
    chat_id         INTEGER NOT NULL REFERENCES chats(id) ON DELETE CASCADE ON UPDATE CASCADE,
    thread_id       INTEGER NOT NULL DEFAULT 0,
    article_id      INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    subscription_id INTEGER NOT NULL,
    created_at      INTEGER NOT NULL,
    story_id        INTEGER NOT NULL DEFAULT 0,
    delivery        TEXT    NOT NULL DEFAULT 'alert',
    outbox_id       INTEGER,
    PRIMARY KEY (chat_id, thread_id, article_id)
);
INSERT INTO alerts_new (chat_id, thread_id, article_id, subscription_id, created_at, story_id, delivery, outbox_id)
    SELECT al.chat_id, coalesce((SELECT thread_id FROM subscriptions sub WHERE sub.id = al.subscription_id), 0),
        al.article_id, al.subscription_id, al.created_at, al.story_id, al.delivery, al.outbox_id
    FROM alerts al;
DROP TABLE alerts;
ALTER TABLE alerts_new RENAME TO alerts;
CREATE INDEX alerts_story ON alerts (chat_id, thread_id, story_id);
CREATE INDEX alerts_outbox ON alerts (outbox_id) WHERE outbox_id IS NOT NULL;
CREATE INDEX alerts_chat_created ON alerts (chat_id, created_at);
CREATE INDEX alerts_article ON alerts (article_id);
