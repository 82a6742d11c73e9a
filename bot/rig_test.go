package bot

import (
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"sync"
	"testing"
	"time"

	"github.com/newshound/newshound/internal/telegramtest"
	"github.com/newshound/newshound/internal/testkit"
	"github.com/newshound/newshound/news"
	"github.com/newshound/newshound/store"
)

const rigToken = "4242:RIG-token"

// testClock is real time shifted by an offset that a test moves forward, so
// that retries and pauses come due without sleeping.
type testClock struct {
	mu     sync.Mutex
	offset time.Duration
}

func (c *testClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return time.Now().Add(c.offset)
}

func (c *testClock) Advance(d time.Duration) {
	c.mu.Lock()
	c.offset += d
	c.mu.Unlock()
}

// rigLogBuffer collects log lines from several goroutines.
type rigLogBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *rigLogBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *rigLogBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// senderRig is a real store, a fake Telegram and a Sender between them,
// talking through the real Telegram transport.
type senderRig struct {
	st     *store.Store
	tg     *telegramtest.Server
	clock  *testClock
	logs   *rigLogBuffer
	source int64
	opts   SenderOptions
	guid   int
	// wrap, when set, stands between the sender and the Telegram transport.
	wrap func(Transport) Transport
}

// fastRates make tests quick; tests of the limits set their own.
var fastRates = Rates{GlobalPerSecond: 1000, ChatPerSecond: 1000, GroupPerMinute: 60000}

func newSenderRig(t *testing.T) *senderRig {
	t.Helper()
	r := &senderRig{clock: &testClock{}, logs: &rigLogBuffer{}}
	st := testkit.OpenStore(t, r.clock.Now)
	r.st = st
	src, err := st.UpsertSource(context.Background(), "Wire", "https://wire.example/rss", "config")
	if err != nil {
		t.Fatal(err)
	}
	r.source = src.ID
	r.tg = telegramtest.New(t, rigToken)
	r.opts = SenderOptions{Outbox: st, Alerts: st, Chats: st, Rates: fastRates, BurstMax: 1000, Now: r.clock.Now,
		Logger: slog.New(slog.NewTextHandler(r.logs, &slog.HandlerOptions{Level: slog.LevelDebug}))}
	return r
}

// start runs the sender until the test ends.
func (r *senderRig) start(t *testing.T) *Sender {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	tr, err := NewTelegram(ctx, TelegramOptions{Token: rigToken, Endpoint: r.tg.Endpoint(), PollTimeout: time.Second, Logger: r.opts.Logger})
	if err != nil {
		t.Fatal(err)
	}
	opts := r.opts
	opts.Transport = tr
	if r.wrap != nil {
		opts.Transport = r.wrap(tr)
	}
	s := NewSender(opts)
	done := make(chan struct{})
	go func() {
		defer close(done)
		if err := s.Run(ctx); err != nil && ctx.Err() == nil {
			t.Errorf("sender: %v", err)
		}
	}()
	t.Cleanup(func() {
		cancel()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			t.Error("sender did not stop within 10s")
		}
	})
	return s
}

// chat creates a chat with a subscription and returns the subscription's id.
func (r *senderRig) chat(t *testing.T, id int64, typ string) int64 {
	t.Helper()
	ctx := context.Background()
	if _, err := r.st.EnsureChat(ctx, id, typ, "", news.ChatDefaults{Timezone: "UTC"}); err != nil {
		t.Fatal(err)
	}
	sub, _, err := r.st.CreateSubscription(ctx, id, "kursk", "kursk", 50)
	if err != nil {
		t.Fatal(err)
	}
	return sub.ID
}

// article stores an article of a source (0 = the rig's) titled title.
func (r *senderRig) article(t *testing.T, src int64, title string) int64 {
	t.Helper()
	if src == 0 {
		src = r.source
	}
	r.guid++
	added, err := r.st.InsertArticles(context.Background(), src, []news.Article{{GUID: fmt.Sprint(r.guid),
		URL: fmt.Sprintf("https://wire.example/%d", r.guid), Title: title, Summary: "Summary of " + title, PublishedAt: r.clock.Now()}})
	if err != nil || len(added) != 1 {
		t.Fatalf("insert article: %v", err)
	}
	return added[0].ID
}

// alerts queues one alert per title for the chat's subscription sub.
func (r *senderRig) alerts(t *testing.T, chat, sub int64, titles ...string) {
	t.Helper()
	var as []news.Alert
	for _, title := range titles {
		as = append(as, news.Alert{ChatID: chat, ArticleID: r.article(t, 0, title), SubscriptionID: sub})
	}
	if _, err := r.st.QueueAlerts(context.Background(), as); err != nil {
		t.Fatal(err)
	}
}

func (r *senderRig) reply(t *testing.T, chat int64, text string) {
	t.Helper()
	if _, err := r.st.Enqueue(context.Background(), news.Message{ChatID: chat, Kind: news.KindReply, Priority: news.PriorityReply, Text: text}); err != nil {
		t.Fatal(err)
	}
}

// statuses counts the outbox rows by status.
func (r *senderRig) statuses(t *testing.T) map[string]int {
	t.Helper()
	out := map[string]int{}
	for _, s := range []string{news.StatusPending, news.StatusSent, news.StatusDropped, news.StatusHeld} {
		n, err := r.countRows(s)
		if err != nil {
			t.Fatal(err)
		}
		out[s] = n
	}
	return out
}

func (r *senderRig) countRows(status string) (int, error) {
	n := 0
	for id := int64(1); ; id++ {
		m, err := r.st.FindMessage(context.Background(), id)
		if err != nil {
			return n, nil
		}
		if m.Status == status {
			n++
		}
	}
}

// waitLooks waits until the sender has twice read the outbox and finished
// what it chose to send: after it, what was not sent is not going out.
func waitLooks(t *testing.T, s *Sender) {
	t.Helper()
	for range 2 {
		testkit.Receive(t, "the sender's look at the outbox", s.Looked())
	}
}

// texts returns the text of each call.
func texts(calls []telegramtest.Call) []string {
	out := make([]string, len(calls))
	for i, c := range calls {
		out[i] = c.Text()
	}
	return out
}
