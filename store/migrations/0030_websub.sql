-- 0030_websub: WebSub subscriptions of sources whose feed names a hub (issue 12).
--
-- source_id has no foreign key on purpose: a row outlives its source until
-- the hub is told to stop pushing (state 'unsubscribing'). token names the
-- callback URL (unguessable), secret is the pushes' HMAC key. Times are
-- Unix seconds, 0 = none. Numbered 0030 to leave room for other work.
CREATE TABLE websub_subscriptions (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    source_id       INTEGER NOT NULL,
    hub             TEXT    NOT NULL,
    topic           TEXT    NOT NULL,
    token           TEXT    NOT NULL UNIQUE,
    secret          TEXT    NOT NULL,
    state           TEXT    NOT NULL DEFAULT 'subscribing', -- subscribing, active or unsubscribing
    lease_secs      INTEGER NOT NULL DEFAULT 0,
    expires_at      INTEGER NOT NULL DEFAULT 0,
    requested_at    INTEGER NOT NULL DEFAULT 0,
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL DEFAULT 0,
    last_error      TEXT    NOT NULL DEFAULT '',
    created_at      INTEGER NOT NULL
);
CREATE INDEX websub_subscriptions_source ON websub_subscriptions (source_id);
