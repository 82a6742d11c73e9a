-- 0061_outbox_language: the language a reply was written in (a locale code;
-- '' = the chat's own). In a group that chose no language each member is
-- answered in theirs, so a notice the sender adds to a reply (the forum
-- topic it was meant for is gone: bot/topics.go) speaks the reply's
-- language, not English above a Russian reply.
ALTER TABLE outbox ADD COLUMN language TEXT NOT NULL DEFAULT '';
