-- 0064_language_followed: 1 when a private chat's language is its user's
-- Telegram app language, taken at their messages and followed as they
-- change it (a user who switched the app from Russian to German kept
-- getting Russian); 0 when it was chosen (/language), which stays until
-- the next choice. Languages stored before 0064 read 0: a chat that chose
-- one keeps it, as it did.
ALTER TABLE chats ADD COLUMN language_followed INTEGER NOT NULL DEFAULT 0;
