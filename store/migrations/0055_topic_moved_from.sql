-- 0055_topic_moved_from: a subscription moved to General because its forum
-- topic was closed (or looked gone) remembers that topic, so that when the
-- topic is reopened (the forum_topic_reopened service message) it moves
-- back (Store.MoveThreadBack). 0: never moved, or moved back.
ALTER TABLE subscriptions ADD COLUMN moved_from INTEGER NOT NULL DEFAULT 0;
