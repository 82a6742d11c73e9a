-- 0067_timed_pauses: when a chat's pause (/pause 3 days) or a subscription's
-- mute (/mute kursk 2h) ends by itself, in Unix seconds; 0 = not until
-- /resume or /unmute. An until that has passed reads as not paused (not
-- muted): the store compares it with its clock where alerts are decided
-- (Store.AlertTargets) and where chats and subscriptions are read, so no
-- timer is needed and a restart keeps it. Rows stored before 0067 read 0:
-- their pauses and mutes stay until /resume and /unmute, as they did.
ALTER TABLE chats ADD COLUMN paused_until INTEGER NOT NULL DEFAULT 0;
ALTER TABLE subscriptions ADD COLUMN muted_until INTEGER NOT NULL DEFAULT 0;
ALTER TABLE merged_subscriptions ADD COLUMN muted_until INTEGER NOT NULL DEFAULT 0;
