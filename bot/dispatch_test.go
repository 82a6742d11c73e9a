package bot

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/newshound/newshound/internal/telegramtest"
	"github.com/newshound/newshound/internal/testkit"
	"github.com/newshound/newshound/news"
	"github.com/newshound/newshound/settings"
	"github.com/newshound/newshound/subscriptions"
)

// gatedList holds /list of one chat until the gate opens: a slow command.
type gatedList struct {
	Subscriptions
	chat    int64
	entered chan struct{} // closed when the held /list has started
	open    chan struct{} // close to let it finish
	once    sync.Once
}

func newGatedList(subs Subscriptions, chat int64) *gatedList {
	return &gatedList{Subscriptions: subs, chat: chat, entered: make(chan struct{}), open: make(chan struct{})}
}

func (g *gatedList) List(ctx context.Context, chatID int64) ([]news.Subscription, error) {
	if chatID == g.chat {
		g.once.Do(func() { close(g.entered) })
		select {
		case <-g.open:
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
	return g.Subscriptions.List(ctx, chatID)
}

// TestSlowCommandHoldsOnlyItsChat: while one chat's command hangs, other
// chats' commands, inline queries and button presses are answered, and the
// slow chat's next command waits for its first one — by long poll and by
// webhook.
func TestSlowCommandHoldsOnlyItsChat(t *testing.T) {
	for _, webhook := range []bool{false, true} {
		t.Run(map[bool]string{false: "long poll", true: "webhook"}[webhook], func(t *testing.T) {
			const slow, other = 21, 22
			var gate *gatedList
			h := newHarnessIn(t, webhook, func(o *RouterOptions) {
				gate = newGatedList(o.Subscriptions, slow)
				o.Subscriptions = gate
			})
			h.send(slow, "private", slow, "/list")
			select {
			case <-gate.entered:
			case <-time.After(10 * time.Second):
				t.Fatal("the slow /list did not start")
			}
			h.send(slow, "private", slow, "/help") // waits behind the slow /list
			if got := h.reply(other, "private", other, "/help").Text(); !strings.Contains(got, "Commands") {
				t.Fatalf("another chat's /help = %q", got)
			}
			waitInline(t, h.tg, h.tg.SendInlineQuery(other, "anything"))
			h.press(other+1, "private", other+1, 1, "not a button of ours") // answered, whatever it says
			if n := len(h.tg.Sent(slow)); n != 0 {
				t.Fatalf("the slow chat got %d replies while its first command hung", n)
			}
			close(gate.open)
			sent := h.tg.WaitSent(t, slow, 2, 10*time.Second)
			if !strings.Contains(sent[0].Text(), "No subscriptions") || !strings.Contains(sent[1].Text(), "Commands") {
				t.Fatalf("the slow chat's replies, in order: %q, %q; want /list's, then /help's", sent[0].Text(), sent[1].Text())
			}
			h.settle()
		})
	}
}

// TestOneChatsCommandsAnsweredInOrder: many commands of one chat, among
// other chats' traffic, are answered in the order they were sent.
func TestOneChatsCommandsAnsweredInOrder(t *testing.T) {
	h := newHarness(t, func(o *RouterOptions) { o.CommandBurst = 50 })
	const chat = 31
	queries := []string{"alpha", "bravo", "charlie", "delta", "echo", "foxtrot"}
	for i, q := range queries {
		h.send(chat, "private", chat, "/subscribe "+q)
		h.send(int64(100+i), "private", int64(100+i), "/help")
	}
	h.send(chat, "private", chat, "/list")
	sent := h.tg.WaitSent(t, chat, len(queries)+1, 10*time.Second)
	for i, q := range queries {
		if !strings.Contains(sent[i].Text(), q) {
			t.Fatalf("reply %d = %q, want the one to /subscribe %s", i, sent[i].Text(), q)
		}
	}
	list := sent[len(queries)].Text()
	last := 0
	for _, q := range queries {
		at := strings.Index(list, q)
		if at < last {
			t.Fatalf("/list after the subscribes = %q, want every query in order", list)
		}
		last = at
	}
	h.settle()
}

// newDispatchRouter is a router on a real database with no transport: its
// replies stay queued in the outbox.
func newDispatchRouter(t *testing.T) *Router {
	t.Helper()
	clock := testkit.NewClock(time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC))
	st := testkit.OpenStore(t, clock.Now)
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	subs := subscriptions.NewService(subscriptions.Options{Store: st, MaxPerChat: 50, Now: clock.Now, Logger: log})
	return NewRouter(RouterOptions{Store: st, Subscriptions: subs, Logger: log, Now: clock.Now,
		Settings: settings.NewService(settings.Options{Store: st, Subscriptions: subs, Logger: log})})
}

// TestDispatcherFloodLeavesNoGoroutines: 1,000 chats each send a text and a
// command through the real router; after Close every update is handled or
// counted as dropped, and no goroutine of the dispatcher is left.
func TestDispatcherFloodLeavesNoGoroutines(t *testing.T) {
	router := newDispatchRouter(t)
	before := runtime.NumGoroutine()
	var handled atomic.Int64
	d := NewDispatcher(context.Background(), func(ctx context.Context, in Incoming) {
		router.Handle(ctx, in)
		handled.Add(1)
	}, DispatchOptions{Workers: 8, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	const chats = 1000
	for i := range chats {
		id := int64(1_000_000 + i)
		for _, text := range []string{"hello?", "/help"} {
			if !d.Submit(context.Background(), Incoming{ChatID: id, ChatType: "private", UserID: id, Text: text}) {
				t.Fatalf("chat %d: %q refused", id, text)
			}
		}
	}
	d.Close(context.Background())
	if got := handled.Load() + d.Dropped(); got != 2*chats {
		t.Fatalf("handled %d + dropped %d = %d, want %d", handled.Load(), d.Dropped(), got, 2*chats)
	}
	if d.Abandoned() != 0 {
		t.Errorf("abandoned %d updates with no deadline", d.Abandoned())
	}
	d.mu.Lock()
	lanes, queued := len(d.lanes), d.queued
	d.mu.Unlock()
	if lanes != 0 || queued != 0 {
		t.Errorf("after Close: %d lanes, %d queued; want none", lanes, queued)
	}
	testkit.WaitFor(t, fmt.Sprintf("the goroutines to be back to %d", before), func() bool { return runtime.NumGoroutine() <= before })
	if d.Submit(context.Background(), Incoming{ChatID: 1, Text: "/help"}) {
		t.Error("a closed dispatcher took an update")
	}
}

// recorder is a handler that records what it handled, per lane, and can
// hold one chat's updates.
type recorder struct {
	mu      sync.Mutex
	got     map[int64][]string
	running map[int64]int
	hold    int64         // this chat's updates wait for release
	held    chan struct{} // gets a value each time a held update starts
	release chan struct{}
	t       *testing.T
}

func newRecorder(t *testing.T, hold int64) *recorder {
	return &recorder{got: map[int64][]string{}, running: map[int64]int{}, hold: hold,
		held: make(chan struct{}, 100), release: make(chan struct{}), t: t}
}

func (r *recorder) handle(ctx context.Context, in Incoming) {
	key := in.ChatID
	text := in.Text
	if in.Inline != nil {
		key, text = -in.UserID, in.Inline.Query
	}
	r.mu.Lock()
	r.running[key]++
	if r.running[key] > 1 {
		r.t.Errorf("two updates of chat %d at once", key)
	}
	r.mu.Unlock()
	if key == r.hold {
		r.held <- struct{}{}
		select {
		case <-r.release:
		case <-ctx.Done():
		}
	}
	r.mu.Lock()
	r.running[key]--
	r.got[key] = append(r.got[key], text)
	r.mu.Unlock()
}

func (r *recorder) of(key int64) []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]string(nil), r.got[key]...)
}

func quietLog() *slog.Logger { return slog.New(slog.NewTextHandler(io.Discard, nil)) }

// TestDispatcherChatQueueDropsTextFirst: past a chat's queue bound, text is
// dropped, a command takes the place of the newest waiting text, and a
// user's newer inline query replaces the waiting one.
func TestDispatcherChatQueueDropsTextFirst(t *testing.T) {
	rec := newRecorder(t, 1)
	var logs lockedBuffer
	d := NewDispatcher(context.Background(), rec.handle, DispatchOptions{Workers: 1, ChatQueue: 4,
		Logger: slog.New(slog.NewTextHandler(&logs, nil))})
	defer d.Close(context.Background())
	ctx := context.Background()
	d.Submit(ctx, Incoming{ChatID: 1, Text: "/slow"})
	<-rec.held // the one worker is busy: everything below waits
	for i := range 4 {
		d.Submit(ctx, Incoming{ChatID: 2, Text: fmt.Sprintf("text %d", i)})
	}
	d.Submit(ctx, Incoming{ChatID: 2, Text: "text 4"}) // the chat is full: dropped
	d.Submit(ctx, Incoming{ChatID: 2, Text: "/a"})     // takes text 3's place
	d.Submit(ctx, Incoming{ChatID: 2, Text: "/b"})     // takes text 2's place
	d.Submit(ctx, Incoming{ChatID: 2, BotStatus: "kicked", Text: "kicked"})
	for _, q := range []string{"n", "ne", "new"} {
		d.Submit(ctx, Incoming{UserID: 7, Inline: &InlineQuery{ID: q, Query: q}})
	}
	if got := d.Dropped(); got != 5 {
		t.Errorf("dropped %d, want 5 (text 4, texts 3 and 2, two older inline queries)", got)
	}
	close(rec.release)
	d.Close(ctx)
	if got, want := strings.Join(rec.of(2), ","), "text 0,text 1,/a,/b,kicked"; got != want {
		t.Errorf("chat 2 handled %s, want %s", got, want)
	}
	if got := strings.Join(rec.of(-7), ","); got != "new" {
		t.Errorf("inline queries handled %s, want only the newest", got)
	}
	if n := strings.Count(logs.String(), "updates dropped"); n != 1 {
		t.Errorf("%d warnings about drops within a minute, want 1:\n%s", n, logs.String())
	}
}

// TestDispatcherCommandsBeforeChatter: with the workers busy, a command that
// comes after a lot of other chats' text is handled before that text.
func TestDispatcherCommandsBeforeChatter(t *testing.T) {
	rec := newRecorder(t, 1)
	var order []int64
	var mu sync.Mutex
	d := NewDispatcher(context.Background(), func(ctx context.Context, in Incoming) {
		rec.handle(ctx, in)
		mu.Lock()
		order = append(order, in.ChatID)
		mu.Unlock()
	}, DispatchOptions{Workers: 1, Logger: quietLog()})
	ctx := context.Background()
	d.Submit(ctx, Incoming{ChatID: 1, Text: "/slow"})
	<-rec.held
	for i := range 50 {
		d.Submit(ctx, Incoming{ChatID: int64(100 + i), Text: "hello?"})
	}
	d.Submit(ctx, Incoming{ChatID: 99, Text: "/list"})
	close(rec.release)
	d.Close(ctx)
	if len(order) != 52 || order[0] != 1 || order[1] != 99 {
		t.Fatalf("handled chats in the order %v, want the slow one, then the /list of chat 99, then the texts", order)
	}
}

// TestDispatcherFullBlocksCommands: with MaxQueued updates waiting, text is
// dropped and a command waits for room (or for its context).
func TestDispatcherFullBlocksCommands(t *testing.T) {
	rec := newRecorder(t, 1)
	d := NewDispatcher(context.Background(), rec.handle, DispatchOptions{Workers: 1, MaxQueued: 4, Logger: quietLog()})
	defer d.Close(context.Background())
	ctx := context.Background()
	d.Submit(ctx, Incoming{ChatID: 1, Text: "/slow"})
	<-rec.held
	d.Submit(ctx, Incoming{ChatID: 2, Text: "a"})
	d.Submit(ctx, Incoming{ChatID: 3, Text: "b"})
	d.Submit(ctx, Incoming{ChatID: 4, Text: "c"}) // half full: text is dropped
	if d.Dropped() != 1 {
		t.Fatalf("dropped %d, want the third text", d.Dropped())
	}
	d.Submit(ctx, Incoming{ChatID: 5, Text: "/x"})
	d.Submit(ctx, Incoming{ChatID: 6, Text: "/y"}) // full now
	ended, cancel := context.WithCancel(ctx)
	cancel()
	if d.Submit(ended, Incoming{ChatID: 7, Text: "/z"}) {
		t.Fatal("a full dispatcher took a command whose context had ended")
	}
	took := make(chan bool)
	go func() { took <- d.Submit(ctx, Incoming{ChatID: 7, Text: "/z"}) }()
	close(rec.release) // the worker takes the waiting ones: room again
	if !<-took {
		t.Fatal("the waiting command was refused")
	}
	d.Close(ctx)
	if got := rec.of(7); len(got) != 1 || got[0] != "/z" {
		t.Errorf("chat 7 handled %v, want /z", got)
	}
}

// TestDispatcherCloseGivesUp: a Close whose context ends drops what waits,
// cancels the handlers in flight and still leaves no worker behind.
func TestDispatcherCloseGivesUp(t *testing.T) {
	rec := newRecorder(t, 1)
	d := NewDispatcher(context.Background(), rec.handle, DispatchOptions{Workers: 1, Logger: quietLog()})
	ctx := context.Background()
	d.Submit(ctx, Incoming{ChatID: 1, Text: "/slow"})
	<-rec.held
	d.Submit(ctx, Incoming{ChatID: 1, Text: "/next"})
	d.Submit(ctx, Incoming{ChatID: 2, Text: "/other"})
	ended, cancel := context.WithCancel(ctx)
	cancel()
	d.Close(ended) // returns only once the held handler saw its context end
	if d.Abandoned() != 2 {
		t.Errorf("abandoned %d, want 2", d.Abandoned())
	}
	if got := rec.of(1); len(got) != 1 {
		t.Errorf("chat 1 handled %v, want only the held command", got)
	}
}

// TestUpdatesAcknowledgeAtStop: at a stop, the long poll acknowledges the
// updates it handed over and leaves the rest for Telegram to deliver again.
func TestUpdatesAcknowledgeAtStop(t *testing.T) {
	srv := telegramtest.New(t, token)
	var logs strings.Builder
	tg := newTestTelegram(t, srv, &logs, time.Second)
	for i := range 3 {
		srv.SendText(int64(40+i), "private", int64(40+i), "/help") // update ids 1, 2, 3
	}
	var mu sync.Mutex
	var polls []telegramtest.Call
	srv.Inject(func(c telegramtest.Call) *telegramtest.Reply {
		if c.Method == "getUpdates" {
			mu.Lock()
			polls = append(polls, c)
			mu.Unlock()
		}
		return nil
	})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var n int
	err := tg.Updates(ctx, func(_ context.Context, in Incoming) {
		if n++; n == 2 {
			cancel() // the stop comes while the second is handed over: it may not have been taken
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	mu.Lock()
	defer mu.Unlock()
	last := polls[len(polls)-1].Params
	if last.Get("offset") != "2" || last.Get("timeout") != "0" {
		t.Fatalf("last getUpdates = %v, want offset 2 (update 1 acknowledged, 2 and 3 left) with timeout 0", last)
	}
}

// TestDispatcherRecoversFromPanic: a handler that panics loses its update,
// not the worker.
func TestDispatcherRecoversFromPanic(t *testing.T) {
	var logs lockedBuffer
	var handled atomic.Int64
	d := NewDispatcher(context.Background(), func(_ context.Context, in Incoming) {
		if in.Text == "/boom" {
			panic("boom")
		}
		handled.Add(1)
	}, DispatchOptions{Workers: 1, Logger: slog.New(slog.NewTextHandler(&logs, nil))})
	d.Submit(context.Background(), Incoming{ChatID: 1, Text: "/boom"})
	d.Submit(context.Background(), Incoming{ChatID: 1, Text: "/help"})
	d.Close(context.Background())
	if handled.Load() != 1 || !strings.Contains(logs.String(), "panicked") {
		t.Fatalf("handled %d after a panic; logs:\n%s", handled.Load(), logs.String())
	}
}

// TestManyChatsAtOnce runs every kind of command in many chats at once
// through the dispatcher (run with -race: the router's state is shared by
// the workers); each chat gets the same replies as it would alone.
func TestManyChatsAtOnce(t *testing.T) {
	h := newHarness(t, func(o *RouterOptions) { o.CommandBurst = 50 })
	commands := []string{"/subscribe solar power", "/list", "/search solar", "/latest", "/pause", "/resume",
		"/timezone Europe/Berlin", "/digest 09:00", "/quiet 23:00-07:00", "/preview off", "/trending", "/help", "/id"}
	const chats = 24
	for _, c := range commands {
		for i := range chats {
			id := int64(500 + i)
			h.send(id, "private", id, c)
		}
	}
	h.settle()
	want := len(h.tg.Sent(500))
	if want < len(commands) {
		t.Fatalf("chat 500 got %d replies to %d commands", want, len(commands))
	}
	for i := range chats {
		if got := len(h.tg.Sent(int64(500 + i))); got != want {
			t.Errorf("chat %d got %d replies, chat 500 %d", 500+i, got, want)
		}
	}
}

// TestUpdatesPassAnUndecodableUpdate: an update the decoder refuses is
// acknowledged with the others, not fetched again at every poll.
func TestUpdatesPassAnUndecodableUpdate(t *testing.T) {
	srv := telegramtest.New(t, token)
	var logs strings.Builder
	tg := newTestTelegram(t, srv, &logs, time.Second)
	srv.AddUpdate(map[string]any{"message": "not a message"}) // update 1
	var mu sync.Mutex
	var offsets []string
	srv.Inject(func(c telegramtest.Call) *telegramtest.Reply {
		if c.Method == "getUpdates" {
			mu.Lock()
			offsets = append(offsets, c.Params.Get("offset"))
			mu.Unlock()
		}
		return nil
	})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan error)
	go func() { done <- tg.Updates(ctx, func(context.Context, Incoming) {}) }()
	testkit.WaitFor(t, "a poll past the undecodable update", func() bool {
		mu.Lock()
		defer mu.Unlock()
		return len(offsets) > 0 && offsets[len(offsets)-1] == "2"
	})
	cancel()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
}
