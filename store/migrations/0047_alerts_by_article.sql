-- 0047_alerts_by_article: the keys of alerts lead with the article, so that
-- a fetch's new alerts land at the right edge of their b-trees (article and
-- story ids grow) instead of at each chat's part of them: each alert wrote a
-- random page of the key and of alerts_story (BENCHMARKS.md, "Fewer random
-- pages"). Every look-up of either is by all its columns (sqlAlertCheck,
-- sqlStoryAlert, AlsoSources), so the order costs them nothing;
-- alerts_article goes, the key serving a prune's delete by article; the
-- queries by chat (the digest, quiet hours, a chat's deletion, migration and
-- topics, and the cascades from chats) keep alerts_chat_created. The table is
-- rebuilt to change its key, once, at the first Open after the upgrade.
CREATE TABLE alerts_new (
    chat_id         INTEGER NOT NULL REFERENCES chats(id) ON DELETE CASCADE ON UPDATE CASCADE,
    thread_id       INTEGER NOT NULL DEFAULT 0,
    article_id      INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    subscription_id INTEGER NOT NULL,
    created_at      INTEGER NOT NULL,
    story_id        INTEGER NOT NULL DEFAULT 0,
    delivery        TEXT    NOT NULL DEFAULT 'alert',
    outbox_id       INTEGER,
    PRIMARY KEY (article_id, chat_id, thread_id)
);
INSERT INTO alerts_new (chat_id, thread_id, article_id, subscription_id, created_at, story_id, delivery, outbox_id)
    SELECT chat_id, thread_id, article_id, subscription_id, created_at, story_id, delivery, outbox_id
    FROM alerts ORDER BY article_id, chat_id, thread_id;
DROP TABLE alerts;
ALTER TABLE alerts_new RENAME TO alerts;
CREATE INDEX alerts_story ON alerts (story_id, chat_id, thread_id);
CREATE INDEX alerts_outbox ON alerts (outbox_id) WHERE outbox_id IS NOT NULL;
CREATE INDEX alerts_chat_created ON alerts (chat_id, created_at);
