-- 0057_prompts: the questions "/subscribe" (and /search, /unsubscribe) alone
-- asked, awaiting the words alone as their answer, outlive a restart: the
-- asker's next text in a private chat, or reply in a group, is still the
-- answer (bot/prompts.go). until: unix seconds after which it is not.
CREATE TABLE prompts (
    chat_id INTEGER NOT NULL,
    user_id INTEGER NOT NULL,
    command TEXT NOT NULL,
    until INTEGER NOT NULL,
    PRIMARY KEY (chat_id, user_id)
) WITHOUT ROWID;
