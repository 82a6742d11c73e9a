package main

import (
	"context"
	"log/slog"
	"time"

	"github.com/newshound/newshound/internal/throttle"
	"github.com/newshound/newshound/store"
)

// logSyncEvery is how often the database's write-ahead log is put on the
// disk when it changed: what a power cut can take back of the writes that
// kick no sync (alerts queued, queued again from the feed if it still
// carries the item; a setting a command made). The records of messages
// sent kick a sync at once (syncedOutbox). At most four syncs a second
// besides, off the writer's connection.
const logSyncEvery = 250 * time.Millisecond

// logSyncer is the store's SyncLog.
type logSyncer interface {
	SyncLog() (bool, error)
}

// syncLog syncs st's log at every tick and at every kick (a message just
// recorded as sent, see syncedOutbox) until ctx is done (see store.SyncLog:
// SQLite syncs it only at checkpoints). A failure is logged once a minute
// at most and the loop goes on: the disk refusing a sync refuses the writes
// too, which say so where they fail.
func syncLog(ctx context.Context, st logSyncer, tick <-chan time.Time, kick <-chan struct{}, log *slog.Logger) error {
	failed := &throttle.Log{}
	for {
		select {
		case <-ctx.Done():
			return nil
		case <-tick:
		case <-kick:
		}
		if _, err := st.SyncLog(); err != nil {
			failed.Warn(log, "could not put the database's log on the disk: a power cut now may lose its last writes (alerts marked sent would be sent again)", "err", err)
		}
	}
}

// syncedOutbox is the sender's outbox: a message recorded as sent kicks
// the log's sync at once (kick does not wait). The record is what keeps
// a message from being sent again after a restart, and a power cut takes
// back what the disk does not hold yet: with it synced as it is written,
// a power cut repeats about what a kill -9 does (the messages in flight),
// for one sync per burst of sends (the syncs of a burst coalesce: a kick
// while one runs makes one more). The store's other methods pass through
// (the sender's journal asks it CheckWritable).
type syncedOutbox struct {
	*store.Store
	kick func()
}

// MarkSent is the store's, then kicks the sync when it recorded the message.
func (o syncedOutbox) MarkSent(ctx context.Context, id int64, telegramID int) error {
	err := o.Store.MarkSent(ctx, id, telegramID)
	if err == nil {
		o.kick()
	}
	return err
}

// MarkBurstSent is the store's, then kicks the sync when it recorded the burst.
func (o syncedOutbox) MarkBurstSent(ctx context.Context, ids []int64, telegramID int) error {
	err := o.Store.MarkBurstSent(ctx, ids, telegramID)
	if err == nil {
		o.kick()
	}
	return err
}

// kicker returns a kick channel and the function that kicks it without
// waiting (a kick pending already is enough).
func kicker() (chan struct{}, func()) {
	ch := make(chan struct{}, 1)
	return ch, func() {
		select {
		case ch <- struct{}{}:
		default:
		}
	}
}
