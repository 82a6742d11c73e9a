-- 0048_lean_alerts: fewer b-trees written for each alert queued.
--
-- alerts becomes WITHOUT ROWID: its key (article, chat, topic) is the row,
-- one b-tree where the rowid table and the key's index were two, each alert
-- written once. alerts_outbox goes: no query looks an alert up by its outbox
-- row (quiet hours find the chat's alerts by alerts_chat_created), and each
-- alert wrote an entry in it. The table is rebuilt, once, at the first Open
-- after the upgrade.
--
-- outbox_pending holds the pending rows only, keyed (chat, priority, id):
-- a message leaves it when it is sent or dropped, where it moved to the
-- sent or dropped part of the old index at its chat's place (a random page
-- per message sent), and the index stays the size of the backlog. Every
-- query by it says status = 'pending' (the sender's due messages and count,
-- a chat's pending alerts, quiet hours, a paused or closed chat, a clock
-- step); the prune of sent rows reads the table in id order, oldest first.
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
) WITHOUT ROWID;
INSERT INTO alerts_new (chat_id, thread_id, article_id, subscription_id, created_at, story_id, delivery, outbox_id)
    SELECT chat_id, thread_id, article_id, subscription_id, created_at, story_id, delivery, outbox_id
    FROM alerts ORDER BY article_id, chat_id, thread_id;
DROP TABLE alerts;
ALTER TABLE alerts_new RENAME TO alerts;
CREATE INDEX alerts_story ON alerts (story_id, chat_id, thread_id);
CREATE INDEX alerts_chat_created ON alerts (chat_id, created_at);

DROP INDEX outbox_pending;
CREATE INDEX outbox_pending ON outbox (chat_id, priority, id) WHERE status = 'pending';
