package bot

import (
	"context"
	"errors"
	"fmt"
	"sync/atomic"
	"testing"
	"time"

	"github.com/newshound/newshound/internal/telegramtest"
	"github.com/newshound/newshound/internal/testkit"
	"github.com/newshound/newshound/news"
	"github.com/newshound/newshound/store"
)

// With the disk full, an operator's /status was held in memory until the
// database took writes again: it never came, and /status is how they learn
// what is wrong. A reply the database cannot queue now goes at once, from
// memory, with the sender's retries (a Telegram 5xx here) and no outbox
// row; the alerts stay rows, held as before.
func TestRepliesGoFromMemoryWhileTheDatabaseRefusesWrites(t *testing.T) {
	r := newSenderRig(t)
	disk := &fullDisk{Store: r.st}
	r.opts.Outbox = disk
	sub := r.chat(t, 5, "private")
	r.alerts(t, 5, sub, "queued-before")
	var refused atomic.Int64
	r.tg.Inject(func(c telegramtest.Call) *telegramtest.Reply {
		if c.Method == "sendMessage" && c.Text() == "status-now" && refused.Add(1) == 1 {
			return &telegramtest.Reply{Code: 502, Description: "Bad Gateway"}
		}
		return nil
	})
	disk.full.Store(true)
	sender := r.start(t)
	testkit.WaitFor(t, "the alert queued before", func() bool { return len(r.tg.Calls("sendMessage")) >= 1 })
	queue := ReplyQueue{RouterStore: disk, Sender: sender}
	if _, err := queue.Enqueue(context.Background(), news.Message{ChatID: 5, Kind: news.KindReply, Priority: news.PriorityReply, Text: "status-now"}); err != nil {
		t.Fatalf("a reply while the disk is full: %v", err)
	}
	testkit.WaitFor(t, "the reply's first try", func() bool { return refused.Load() >= 1 })
	r.clock.Advance(5 * time.Second) // past the retry's back-off
	sender.Notify()
	testkit.WaitFor(t, "the reply, retried", func() bool { return accepted(r.tg, "status-now") == 1 })
	r.clock.Advance(time.Minute)
	sender.Notify()
	waitLooks(t, sender)
	if n := accepted(r.tg, "status-now"); n != 1 {
		t.Errorf("the reply accepted %d times, want once", n)
	}
	if disk.failed.Load() == 0 {
		t.Fatal("no write failed: the test did not fill the disk")
	}
	if st := r.statuses(t); st[news.StatusPending] != 1 || st[news.StatusSent] != 0 {
		t.Errorf("outbox %v, want the alert alone, pending (its sending held in memory), and no row for the reply", st)
	}
}

// A reply still in memory when the sender stops (Telegram refused it so
// far) is queued as a row if the database takes it by then, for the restart
// to send.
func TestAReplyInMemoryIsQueuedAtStop(t *testing.T) {
	r := newSenderRig(t)
	disk := &fullDisk{Store: r.st}
	r.opts.Outbox = disk
	r.chat(t, 6, "private")
	r.tg.Inject(func(c telegramtest.Call) *telegramtest.Reply {
		if c.Method != "sendMessage" {
			return nil
		}
		return &telegramtest.Reply{Code: 502, Description: "Bad Gateway"}
	})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	tr, err := NewTelegram(ctx, TelegramOptions{Token: rigToken, Endpoint: r.tg.Endpoint(), PollTimeout: time.Second, Logger: r.opts.Logger})
	if err != nil {
		t.Fatal(err)
	}
	opts := r.opts
	opts.Transport = tr
	sender := NewSender(opts)
	done := make(chan error, 1)
	go func() { done <- sender.Run(ctx) }()
	disk.full.Store(true)
	queue := ReplyQueue{RouterStore: disk, Sender: sender}
	if _, err := queue.Enqueue(ctx, news.Message{ChatID: 6, Kind: news.KindReply, Priority: news.PriorityReply, Text: "later"}); err != nil {
		t.Fatalf("a reply while the disk is full: %v", err)
	}
	testkit.WaitFor(t, "the reply's first try", func() bool { return len(r.tg.Calls("sendMessage")) >= 1 })
	disk.full.Store(false)
	cancel()
	if err := testkit.Receive(t, "the sender's stop", done); err != nil {
		t.Fatal(err)
	}
	if st := r.statuses(t); st[news.StatusPending] != 1 {
		t.Errorf("outbox %v after the stop, want the reply pending", st)
	}
}

// accepted counts the sendMessage calls with text that the fake accepted.
func accepted(tg *telegramtest.Server, text string) int {
	n := 0
	for _, c := range tg.Calls("sendMessage") {
		if c.Text() == text && c.Params.Get("_accepted") == "1" {
			n++
		}
	}
	return n
}

// lockedDisk is the store with another process holding the database's
// write lock: every write of the router waits until its context ends, as
// a write waits out SQLite's busy timeout on the one writer connection.
type lockedDisk struct {
	*store.Store
	waited atomic.Int64
}

func (l *lockedDisk) wait(ctx context.Context) error {
	l.waited.Add(1)
	<-ctx.Done()
	return fmt.Errorf("database is locked: %w", ctx.Err())
}

func (l *lockedDisk) EnsureChat(ctx context.Context, id int64, typ, title string, def news.ChatDefaults) (news.Chat, error) {
	return news.Chat{}, l.wait(ctx)
}

func (l *lockedDisk) Enqueue(ctx context.Context, m news.Message) (int64, error) {
	return 0, l.wait(ctx)
}

// FindChat and DueMessages read through the writer connection, which waits
// on the lock; PeekChat reads through the readers and answers.
func (l *lockedDisk) FindChat(ctx context.Context, id int64) (news.Chat, error) {
	return news.Chat{}, l.wait(ctx)
}

func (l *lockedDisk) DueMessages(ctx context.Context, now time.Time, limit int) ([]news.Message, error) {
	return nil, l.wait(ctx)
}

// With the database locked by another process, /status came only once the
// lock was gone: every write waited its turn and its busy timeout, and so
// did the reads made through the writer connection (the chat's, the
// outbox's). A reply now waits at most ReplyWriteWait for the database,
// reads its chat through the readers, and goes from memory without the
// sender reading the outbox first.
func TestAReplyGoesFromMemoryWhileAnotherProcessLocksTheDatabase(t *testing.T) {
	r := newSenderRig(t)
	r.chat(t, 8, "private")
	locked := &lockedDisk{Store: r.st}
	r.opts.Outbox = locked
	sender := r.start(t)
	queue := ReplyQueue{RouterStore: locked, Sender: sender}
	ctx := context.Background()
	if _, err := queue.EnsureChat(ctx, 8, "private", "", news.ChatDefaults{}); err != nil {
		t.Fatalf("a known chat while the database is locked: %v", err)
	}
	if _, err := queue.Enqueue(ctx, news.Message{ChatID: 8, Kind: news.KindReply, Priority: news.PriorityReply, Text: "status-locked"}); err != nil {
		t.Fatalf("a reply while the database is locked: %v", err)
	}
	testkit.WaitFor(t, "the reply", func() bool { return accepted(r.tg, "status-locked") == 1 })
}

// Within gives fn's own answer when fn returns in time: it was a coin toss
// between that answer and "waited 2s: context canceled" (the goroutine
// cancelled the context it was selected on), and /status of a writable
// database then said it refused writes.
func TestWithinGivesFnsAnswer(t *testing.T) {
	ctx := context.Background()
	boom := errors.New("boom")
	for i := range 2000 {
		if err := Within(ctx, time.Minute, func(context.Context) error { return nil }); err != nil {
			t.Fatalf("run %d: Within of a fn that returned nil = %v", i, err)
		}
		if err := Within(ctx, time.Minute, func(context.Context) error { return boom }); !errors.Is(err, boom) {
			t.Fatalf("run %d: Within of a failing fn = %v, want its error", i, err)
		}
	}
	release := make(chan struct{})
	defer close(release)
	err := Within(ctx, time.Millisecond, func(context.Context) error { <-release; return nil })
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("Within of a fn that outlasts d = %v, want DeadlineExceeded", err)
	}
}
