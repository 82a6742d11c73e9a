-- 0008_schedule: each source on its own clock (issue 12).
--
-- interval_secs is the wait the poller chose at the source's last fetch
-- (its adaptive interval, its backoff, or what the server asked for), and
-- interval_reason says why, for /sources. next_fetch_at is the last fetch
-- plus that wait; a next_fetch_at further ahead than interval_secs (a clock
-- stepped back, a database moved between machines) is clamped when read.
-- Numbered 0008: 0007 is taken by the scale work.
ALTER TABLE sources ADD COLUMN interval_secs INTEGER NOT NULL DEFAULT 0;
ALTER TABLE sources ADD COLUMN interval_reason TEXT NOT NULL DEFAULT '';
