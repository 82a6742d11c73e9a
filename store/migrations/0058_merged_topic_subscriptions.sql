-- 0058_merged_topic_subscriptions: a closed forum topic's subscription whose
-- query General has already is merged into General's (Store.MoveThreadToGeneral)
-- and so leaves the subscriptions table; it is kept here, as it was, so that
-- when the topic is reopened it comes back with its id (Store.MoveThreadBack),
-- as the moved ones do (0055). into_id: General's subscription it was merged
-- into; removed from General meanwhile, the topic's is not brought back.
CREATE TABLE merged_subscriptions (
    id         INTEGER PRIMARY KEY,
    chat_id    INTEGER NOT NULL REFERENCES chats(id) ON DELETE CASCADE ON UPDATE CASCADE,
    thread_id  INTEGER NOT NULL,
    query      TEXT    NOT NULL,
    query_key  TEXT    NOT NULL,
    muted      INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL,
    into_id    INTEGER NOT NULL
);
CREATE INDEX merged_subscriptions_thread ON merged_subscriptions (chat_id, thread_id);
