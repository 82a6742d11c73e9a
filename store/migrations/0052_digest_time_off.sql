-- 0052_digest_time_off: the daily digest time a chat had when it turned its
-- digest off, so that "/digest on" brings back the chat's own time rather
-- than the configured default; '' = none remembered.
ALTER TABLE chats ADD COLUMN digest_time_off TEXT NOT NULL DEFAULT '';
