-- 0012_language: the language a chat is spoken to in (issue 15): a code of
-- locale.Languages, chosen with /language or taken from a private chat's
-- user's Telegram language; '' = none chosen (English for alerts and
-- digests, the sender's language for replies).
ALTER TABLE chats ADD COLUMN language TEXT NOT NULL DEFAULT '';
