package bot

import (
	"context"
	"log/slog"
	"sync"
	"time"

	"github.com/newshound/newshound/internal/throttle"
)

// UpdateLog remembers which updates the bot has begun to handle, across
// restarts (the store's updates_taken).
type UpdateLog interface {
	// TakeUpdate records update id of the bot botID as taken, at, and
	// reports whether it was new.
	TakeUpdate(ctx context.Context, botID, id int64, at time.Time) (bool, error)
	// PruneUpdates forgets the updates taken before before.
	PruneUpdates(ctx context.Context, before time.Time) (int64, error)
}

// updateMemory is how long a taken update is remembered: Telegram keeps an
// update at most 24 hours, and numbers them anew only after a week without.
const updateMemory = 48 * time.Hour

// OnceOptions configures HandleOnce.
type OnceOptions struct {
	Log    UpdateLog // required
	BotID  int64     // the bot's own user id (Telegram.BotID)
	Logger *slog.Logger
	Now    func() time.Time // nil: time.Now
}

// HandleOnce wraps handle so that an update is handled once across
// restarts: its update_id is recorded (opts.Log) as the handler begins, and
// an update found recorded is skipped. Telegram delivers an update again
// when the process that had it was killed before acknowledging it (a webhook
// post not yet answered, a long poll whose next getUpdates had not come),
// and the command it carries would be carried out, and answered, twice.
//
// It is given to a Dispatcher (it runs in a worker, as the update's turn
// comes): an update queued but not begun when the process was killed is
// handled after the restart, one begun is not begun again (a kill in the
// middle of a command leaves it half done rather than done twice). An
// update without an id (the console's) is handled as is; so is one whose
// record the database refuses or holds back beyond ReplyWriteWait (disk
// full, read-only, another process's lock): answering matters more than the
// rare repeat, and the failure is logged once a minute. Records older than
// two days are pruned about once an hour.
func HandleOnce(handle func(context.Context, Incoming), opts OnceOptions) func(context.Context, Incoming) {
	if opts.Logger == nil {
		opts.Logger = slog.Default()
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	o := &once{opts: opts, failed: &throttle.Log{Now: opts.Now}}
	return func(ctx context.Context, in Incoming) {
		if in.UpdateID != 0 && !o.take(ctx, in) {
			return
		}
		handle(ctx, in)
	}
}

// once is HandleOnce's state.
type once struct {
	opts   OnceOptions
	failed *throttle.Log

	mu     sync.Mutex
	pruned time.Time
}

// take records in's update and reports whether to handle it: true when it
// is new, or when the record failed.
func (o *once) take(ctx context.Context, in Incoming) bool {
	now := o.opts.Now()
	o.prune(ctx, now)
	fresh := true
	err := Within(ctx, ReplyWriteWait, func(ctx context.Context) error {
		var err error
		fresh, err = o.opts.Log.TakeUpdate(ctx, o.opts.BotID, int64(in.UpdateID), now)
		return err
	})
	if err != nil {
		o.failed.Warn(o.opts.Logger, "could not record an update as taken; handled anyway (after a restart Telegram may deliver it again)", "update", in.UpdateID, "err", err)
		return true
	}
	if !fresh {
		o.opts.Logger.Info("update delivered again after a restart; already handled, skipped", "update", in.UpdateID, "chat", in.ChatID)
	}
	return fresh
}

// prune forgets the updates taken more than updateMemory ago, at most once
// an hour; a failure is logged with take's.
func (o *once) prune(ctx context.Context, now time.Time) {
	o.mu.Lock()
	due := now.Sub(o.pruned) >= time.Hour
	if due {
		o.pruned = now
	}
	o.mu.Unlock()
	if !due {
		return
	}
	err := Within(ctx, ReplyWriteWait, func(ctx context.Context) error {
		_, err := o.opts.Log.PruneUpdates(ctx, now.Add(-updateMemory))
		return err
	})
	if err != nil {
		o.failed.Warn(o.opts.Logger, "could not prune the updates taken", "err", err)
	}
}
