-- 0002_delivery: stories, edits, bursts and quiet hours (issue 5).
--
-- Tables added later that reference chats(id) must say ON UPDATE CASCADE:
-- a group upgraded to a supergroup moves to a new chat id (store.MigrateChat).

-- Story detection, set when an article is linked to its story: the canonical
-- URL (tracking parameters, amp/mobile variants and fragment removed) and the
-- MinHash signature of its title and lead. story_id (0001) stays NULL for the
-- first article of a story.
ALTER TABLE articles ADD COLUMN canonical_url TEXT NOT NULL DEFAULT '';
ALTER TABLE articles ADD COLUMN story_sig BLOB;
CREATE INDEX articles_canonical ON articles (canonical_url) WHERE canonical_url <> '';

-- alerts stays the record of every (chat, article) match. Each row now names
-- its story (the story's first article id) and what became of it:
--   alert  its own message was queued (outbox_id)
--   also   the chat already had the story: an edit adds "Also: <source>"
--   held   quiet hours in "hold" mode: not sent, left for the digest
ALTER TABLE alerts ADD COLUMN story_id  INTEGER NOT NULL DEFAULT 0;
ALTER TABLE alerts ADD COLUMN delivery  TEXT    NOT NULL DEFAULT 'alert';
ALTER TABLE alerts ADD COLUMN outbox_id INTEGER;
UPDATE alerts SET story_id = article_id;
CREATE INDEX alerts_story ON alerts (chat_id, story_id);
CREATE INDEX alerts_outbox ON alerts (outbox_id) WHERE outbox_id IS NOT NULL;

-- outbox: kind 'edit' rows name the row whose sent message they edit; alerts
-- sent together as one burst message share bundle_id (the first one's id) and
-- message_id. status gains 'held' (quiet hours, hold mode).
ALTER TABLE outbox ADD COLUMN target_id INTEGER;
ALTER TABLE outbox ADD COLUMN bundle_id INTEGER;
CREATE INDEX outbox_bundle ON outbox (bundle_id) WHERE bundle_id IS NOT NULL;
CREATE INDEX outbox_recent ON outbox (chat_id, sent_at) WHERE status = 'sent' AND kind = 'alert';

-- Quiet hours, in the chat's timezone: HH:MM to HH:MM ('' = none), and what
-- happens to alerts meanwhile: 'silent' (sent without a notification) or
-- 'hold' (left for the digest); '' = the configured default.
ALTER TABLE chats ADD COLUMN quiet_start TEXT NOT NULL DEFAULT '';
ALTER TABLE chats ADD COLUMN quiet_end   TEXT NOT NULL DEFAULT '';
ALTER TABLE chats ADD COLUMN quiet_mode  TEXT NOT NULL DEFAULT '';
