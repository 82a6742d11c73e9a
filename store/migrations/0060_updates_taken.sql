-- 0060_updates_taken: the Telegram updates the bot has begun to handle, so
-- that one delivered again after a restart is handled once: Telegram posts
-- a webhook update again when the killed process never answered its post,
-- and the long poll gets again what the next getUpdates had not yet
-- acknowledged (bot/once.go). bot: the bot's own user id (getMe), as a new
-- token's bot numbers its updates anew; at: unix seconds when taken. Rows
-- past two days are pruned: Telegram keeps an update at most 24 hours.
CREATE TABLE updates_taken (
    bot INTEGER NOT NULL,
    update_id INTEGER NOT NULL,
    at INTEGER NOT NULL,
    PRIMARY KEY (bot, update_id)
) WITHOUT ROWID;
