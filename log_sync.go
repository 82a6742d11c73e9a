package main

import (
	"context"
	"log/slog"
	"time"

	"github.com/newshound/newshound/internal/throttle"
)

// logSyncEvery is how often the database's write-ahead log is put on the
// disk (when it changed): what a power cut can take back (outbox rows
// marked sent, which are then sent again; alerts queued, queued again from
// the feed). A quarter second holds about as many messages at Telegram's
// 30 a second as the sender may have in flight (a kill -9 repeats those),
// for at most four syncs a second, off the writer's connection.
const logSyncEvery = 250 * time.Millisecond

// logSyncer is the store's SyncLog.
type logSyncer interface {
	SyncLog() (bool, error)
}

// syncLog syncs st's log at every tick until ctx is done (see
// store.SyncLog: SQLite syncs it only at checkpoints). A failure is logged
// once a minute at most and the loop goes on: the disk refusing a sync
// refuses the writes too, which say so where they fail.
func syncLog(ctx context.Context, st logSyncer, tick <-chan time.Time, log *slog.Logger) error {
	failed := &throttle.Log{}
	for {
		select {
		case <-ctx.Done():
			return nil
		case <-tick:
		}
		if _, err := st.SyncLog(); err != nil {
			failed.Warn(log, "could not put the database's log on the disk: a power cut now may lose its last writes (alerts marked sent would be sent again)", "err", err)
		}
	}
}
