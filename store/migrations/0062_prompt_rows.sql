-- 0061_prompt_rows: a question's outbox row outlives a restart with it, so
-- that in a group another member's reply to the question still answers it
-- after a restart (bot/prompts.go matches the reply to the row's Telegram
-- message); only the asker could answer then. 0: unknown (asked before).
ALTER TABLE prompts ADD COLUMN row INTEGER NOT NULL DEFAULT 0;
