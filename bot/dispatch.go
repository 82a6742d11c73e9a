package bot

import (
	"context"
	"fmt"
	"log/slog"
	"runtime/debug"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// Dispatch defaults; DispatchOptions overrides them.
const (
	// DefaultCommandWorkers is how many updates are handled at once
	// (telegram.command_workers).
	DefaultCommandWorkers = 8
	// DefaultChatQueue is how many updates of one chat may wait.
	DefaultChatQueue = 16
	// DefaultMaxQueued is how many updates of all chats together may wait.
	DefaultMaxQueued = 1024
)

// DispatchOptions configures a Dispatcher.
type DispatchOptions struct {
	// Workers is how many updates are handled at once, each of another
	// chat (default DefaultCommandWorkers).
	Workers int
	// ChatQueue caps the updates one chat may have waiting (default
	// DefaultChatQueue); see Dispatcher for what is dropped past it.
	ChatQueue int
	// MaxQueued caps the updates of all chats waiting together (default
	// DefaultMaxQueued); plain text is taken only while fewer than half of
	// it wait.
	MaxQueued int
	Logger    *slog.Logger
	Now       func() time.Time // nil: time.Now; paces the warning about drops
}

// Dispatcher hands updates to a bounded pool of workers so that chats are
// answered concurrently while each chat's updates are handled one at a time,
// in the order they came: one slow command holds only its own chat.
//
// Every chat (every user, for inline queries) has a lane: a FIFO of its
// waiting updates, with at most one of them being handled. Lanes that hold
// a command, a button press, an inline query or a membership change are
// served before lanes that hold only plain text (which gets at most a hint,
// hints.go), so a flood of text never delays a command of another chat.
//
// Memory is bounded, and what is dropped is what matters least:
//   - a chat with ChatQueue updates waiting drops a new plain text; a new
//     command takes the place of the chat's newest waiting plain text, or is
//     dropped when the chat has only commands waiting (the router's command
//     rate, ratelimit.go, would refuse it anyway: a chat gets a few commands
//     at once); a membership change or migration is always taken;
//   - a new inline query of a user replaces the user's waiting one (Telegram
//     shows only the latest query's results);
//   - plain text is dropped while MaxQueued/2 updates of all chats wait;
//     anything else waits (Submit blocks) while MaxQueued wait, which holds
//     the long poll back (it fetches no more) and makes the webhook answer
//     503 (Telegram posts the update again later).
//
// A Dispatcher is safe for concurrent use. Close stops it.
type Dispatcher struct {
	handle func(context.Context, Incoming)
	opts   DispatchOptions
	log    *slog.Logger
	run    context.Context // the handlers' context: outlives the caller's until Close gives up
	stop   context.CancelFunc
	wg     sync.WaitGroup

	mu      sync.Mutex
	work    *sync.Cond // a lane became ready, or the dispatcher closed
	lanes   map[laneKey]*lane
	urgent  laneQueue // lanes holding something other than plain text
	chatter laneQueue // lanes holding plain text only
	queued  int       // updates waiting, all lanes
	room    chan struct{}
	closed  bool
	warned  time.Time // when drops were last logged as a warning
	// Drops since that warning, and by which chats (at most
	// maxDropChats named), for the next one.
	dropsSince int
	dropChats  map[int64]int
	dropped    atomic.Int64
	abandoned  atomic.Int64
}

// laneKey names a lane: a chat, or a user's inline queries.
type laneKey struct {
	inline bool
	id     int64
}

// lane is one chat's waiting updates. Guarded by Dispatcher.mu.
type lane struct {
	key                 laneKey
	items               []Incoming
	urgent              int  // items that are not plain text
	running             bool // one of its updates is being handled
	inUrgent, inChatter bool
}

// laneQueue is a FIFO of lanes; entries may be stale (the lane ran or
// emptied since) and are skipped when taken.
type laneQueue struct{ q []*lane }

func (q *laneQueue) push(l *lane) { q.q = append(q.q, l) }

func (q *laneQueue) pop() *lane {
	if len(q.q) == 0 {
		return nil
	}
	l := q.q[0]
	q.q[0] = nil
	q.q = q.q[1:]
	if len(q.q) == 0 {
		q.q = nil // let the backing array go
	}
	return l
}

// NewDispatcher starts the workers that call handle. Handlers get a context
// that carries ctx's values but not its end: it is cancelled only when Close
// gives up waiting, so a stop lets the commands in flight finish.
func NewDispatcher(ctx context.Context, handle func(context.Context, Incoming), opts DispatchOptions) *Dispatcher {
	if opts.Workers <= 0 {
		opts.Workers = DefaultCommandWorkers
	}
	if opts.ChatQueue <= 0 {
		opts.ChatQueue = DefaultChatQueue
	}
	if opts.MaxQueued <= 0 {
		opts.MaxQueued = DefaultMaxQueued
	}
	if opts.Logger == nil {
		opts.Logger = slog.Default()
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	run, stop := context.WithCancel(context.WithoutCancel(ctx))
	d := &Dispatcher{handle: handle, opts: opts, log: opts.Logger, run: run, stop: stop,
		lanes: map[laneKey]*lane{}, room: make(chan struct{})}
	d.work = sync.NewCond(&d.mu)
	d.wg.Add(opts.Workers)
	for range opts.Workers {
		go d.worker()
	}
	return d
}

// Handle queues in, as Submit does, for updaters that take a
// func(context.Context, Incoming).
func (d *Dispatcher) Handle(ctx context.Context, in Incoming) { d.Submit(ctx, in) }

// Submit queues in for its chat's lane and reports whether the dispatcher
// took charge of it: queued, or dropped on purpose by the rules above (then
// logged at debug level and counted in Dropped). It blocks while the
// dispatcher is full and returns false, not queueing in, when ctx ends
// first or the dispatcher is closed.
func (d *Dispatcher) Submit(ctx context.Context, in Incoming) bool {
	key, urgent := laneOf(in)
	d.mu.Lock()
	defer d.mu.Unlock()
	for {
		if d.closed {
			return false
		}
		if !urgent && d.queued >= d.opts.MaxQueued/2 {
			d.drop(in, "too many updates waiting")
			return true
		}
		if d.queued < d.opts.MaxQueued {
			break
		}
		room := d.room
		d.mu.Unlock()
		select {
		case <-room:
		case <-ctx.Done():
		}
		d.mu.Lock()
		if ctx.Err() != nil {
			return false
		}
	}
	l := d.lanes[key]
	if l == nil {
		l = &lane{key: key}
		d.lanes[key] = l
	}
	if !d.admit(l, in, urgent) {
		return true
	}
	l.items = append(l.items, in)
	d.queued++
	if urgent {
		l.urgent++
	}
	d.ready(l)
	return true
}

// admit applies the per-lane rules to a new update: it may make room by
// removing a waiting one, or refuse the new one (false).
func (d *Dispatcher) admit(l *lane, in Incoming, urgent bool) bool {
	if in.Inline != nil && len(l.items) > 0 {
		d.dropped.Add(int64(len(l.items)))
		d.dequeued(len(l.items))
		l.items, l.urgent = l.items[:0], 0 // a newer query of the same user supersedes them
		return true
	}
	if len(l.items) < d.opts.ChatQueue || in.BotStatus != "" || in.MigrateTo != 0 {
		return true
	}
	if !urgent {
		d.drop(in, "the chat has too many updates waiting")
		return false
	}
	for i := len(l.items) - 1; i >= 0; i-- {
		if _, u := laneOf(l.items[i]); !u {
			d.drop(l.items[i], "a command of the chat took its place")
			l.items = append(l.items[:i], l.items[i+1:]...)
			d.dequeued(1)
			return true
		}
	}
	d.drop(in, "the chat has too many commands waiting")
	return false
}

// drop counts an update dropped by the bounds: each is logged at debug
// level, and a warning comes at most once a minute, at a drop: it names
// that update's chat and why, and counts the drops since the previous
// warning and the chats they hit, the chat that lost most named (one line
// said "dropped_so_far" alone, and an operator could not tell whose
// commands were lost nor how many in the last minute). Called with d.mu
// held.
func (d *Dispatcher) drop(in Incoming, why string) {
	n := d.dropped.Add(1)
	d.log.Debug("update dropped", "chat", in.ChatID, "user", in.UserID, "why", why)
	d.dropsSince++
	if d.dropChats == nil {
		d.dropChats = map[int64]int{}
	}
	if _, ok := d.dropChats[in.ChatID]; ok || len(d.dropChats) < maxDropChats {
		d.dropChats[in.ChatID]++
	}
	now := d.opts.Now()
	if now.Sub(d.warned) < time.Minute {
		return
	}
	var top int64
	for chat, k := range d.dropChats {
		if k > d.dropChats[top] || k == d.dropChats[top] && chat < top {
			top = chat
		}
	}
	d.log.Warn("updates dropped: more came in than the workers handle (telegram.command_workers); plain text goes first",
		"chat", in.ChatID, "why", why, "dropped_since_last_warning", d.dropsSince, "chats", len(d.dropChats),
		"most_in_chat", top, "most", d.dropChats[top], "dropped_so_far", n)
	d.warned, d.dropsSince = now, 0
	clear(d.dropChats)
}

// maxDropChats bounds the chats a drop warning counts by name.
const maxDropChats = 1000

// ready puts a lane that is not running into the queue of its class.
func (d *Dispatcher) ready(l *lane) {
	if l.running || len(l.items) == 0 {
		return
	}
	switch {
	case l.urgent > 0 && !l.inUrgent:
		l.inUrgent = true
		d.urgent.push(l)
	case l.urgent == 0 && !l.inChatter && !l.inUrgent:
		l.inChatter = true
		d.chatter.push(l)
	default:
		return
	}
	d.work.Signal()
}

// next takes the first update of the first ready lane, urgent lanes first,
// and marks the lane running; nil when none is ready.
func (d *Dispatcher) next() (*lane, *Incoming) {
	for {
		l := d.urgent.pop()
		if l != nil {
			l.inUrgent = false
		} else if l = d.chatter.pop(); l != nil {
			l.inChatter = false
		} else {
			return nil, nil
		}
		if l.running || len(l.items) == 0 { // a stale entry
			d.forget(l)
			continue
		}
		in := l.items[0]
		l.items[0] = Incoming{}
		l.items = l.items[1:]
		if _, u := laneOf(in); u {
			l.urgent--
		}
		l.running = true
		d.dequeued(1)
		return l, &in
	}
}

// worker handles updates until the dispatcher is closed and nothing waits.
func (d *Dispatcher) worker() {
	defer d.wg.Done()
	d.mu.Lock()
	defer d.mu.Unlock()
	for {
		l, in := d.next()
		if l == nil {
			if d.closed {
				return
			}
			d.work.Wait()
			continue
		}
		d.mu.Unlock()
		d.call(*in)
		d.mu.Lock()
		l.running = false
		d.ready(l)
		d.forget(l)
	}
}

// dequeued counts n updates that stopped waiting, and wakes the submitters
// waiting for room when there is some again.
func (d *Dispatcher) dequeued(n int) {
	if d.queued >= d.opts.MaxQueued && d.queued-n < d.opts.MaxQueued && !d.closed {
		close(d.room)
		d.room = make(chan struct{})
	}
	d.queued -= n
}

// forget removes a lane from the map once nothing refers to it: no update
// waits or runs, and no queue holds it.
func (d *Dispatcher) forget(l *lane) {
	if !l.running && len(l.items) == 0 && !l.inUrgent && !l.inChatter && d.lanes[l.key] == l {
		delete(d.lanes, l.key)
	}
}

// call runs the handler; a panic is logged with its stack and the update
// dropped, so that one bad update cannot stop the bot.
func (d *Dispatcher) call(in Incoming) {
	defer func() {
		if p := recover(); p != nil {
			d.log.Error("update handler panicked; update dropped", "chat", in.ChatID, "panic", fmt.Sprint(p), "stack", string(debug.Stack()))
		}
	}()
	d.handle(d.run, in)
}

// Close stops taking updates and waits for the workers to handle every
// update already taken, until ctx ends: then the updates still waiting are
// dropped (logged with their count, counted in Abandoned), the handlers
// still running have their context cancelled, and Close returns once they
// have returned. No goroutine of the dispatcher is left after Close. It is
// safe to call more than once.
func (d *Dispatcher) Close(ctx context.Context) {
	d.mu.Lock()
	if !d.closed {
		d.closed = true
		close(d.room) // submitters waiting for room give up
		d.work.Broadcast()
	}
	d.mu.Unlock()
	done := make(chan struct{})
	go func() { d.wg.Wait(); close(done) }()
	select {
	case <-done:
	case <-ctx.Done():
		d.mu.Lock()
		n := d.queued
		for _, l := range d.lanes {
			l.items, l.urgent = nil, 0
		}
		d.queued = 0
		d.mu.Unlock()
		if n > 0 {
			d.abandoned.Add(int64(n))
			d.log.Warn("updates taken but not handled before the stop", "count", n)
		}
		d.stop()
		<-done
	}
	d.stop()
}

// Dropped is how many updates were dropped by the queue bounds so far.
func (d *Dispatcher) Dropped() int64 { return d.dropped.Load() }

// Abandoned is how many taken updates Close dropped because its context
// ended before they were handled.
func (d *Dispatcher) Abandoned() int64 { return d.abandoned.Load() }

// laneOf is the lane of an update and whether it is urgent (anything but
// plain text, which gets at most a hint).
func laneOf(in Incoming) (laneKey, bool) {
	if in.Inline != nil {
		return laneKey{inline: true, id: in.UserID}, true
	}
	if in.MigrateTo != 0 {
		// Both service messages of a migration go to the new chat's lane,
		// ahead of its next commands, which find the chat moved.
		return laneKey{id: in.MigrateTo}, true
	}
	urgent := in.Callback != nil || in.BotStatus != "" || in.Document != nil ||
		strings.HasPrefix(strings.TrimSpace(in.Text), "/")
	return laneKey{id: in.ChatID}, urgent
}

// Updater is a source of updates: the long poll (Telegram), the Webhook or
// the Console. Updates calls handle for each update until ctx is done.
type Updater interface {
	Updates(ctx context.Context, handle func(context.Context, Incoming)) error
}

// Dispatch runs src through a Dispatcher calling handle until ctx is done
// (or src fails), then closes the dispatcher: the updates it took are
// handled within a grace of a few seconds, the rest are dropped with a log
// line (see Telegram.Updates and Webhook.Updates for when an update counts
// as taken, and so is not delivered again after a restart). It returns
// src's error.
func Dispatch(ctx context.Context, src Updater, handle func(context.Context, Incoming), opts DispatchOptions) error {
	d := NewDispatcher(ctx, handle, opts)
	err := src.Updates(ctx, d.Handle)
	grace, cancel := context.WithTimeout(context.WithoutCancel(ctx), shutdownGrace)
	defer cancel()
	d.Close(grace)
	return err
}
