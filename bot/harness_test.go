package bot

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"net"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/newshound/newshound/internal/telegramtest"
	"github.com/newshound/newshound/internal/testkit"
	"github.com/newshound/newshound/news"
	"github.com/newshound/newshound/search"
	"github.com/newshound/newshound/settings"
	"github.com/newshound/newshound/store"
	"github.com/newshound/newshound/subscriptions"
)

const testToken = "123456:TEST-token"

// lockedBuffer collects log output from several goroutines.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}
func (l *lockedBuffer) String() string { l.mu.Lock(); defer l.mu.Unlock(); return l.b.String() }

// harness is a Router and a Sender on a real database, talking to the fake
// Telegram through the real transport, as the running bot does.
type harness struct {
	sender   *Sender
	t        *testing.T
	tg       *telegramtest.Server
	st       *store.Store
	subs     *subscriptions.Service
	router   *Router
	routerMu sync.Mutex    // guards router against restartRouter while updates are handled
	opts     RouterOptions // the router's options, for restartRouter
	clock    *testkit.Clock
	logs     *lockedBuffer
	dispatch *Dispatcher
	handled  atomic.Int64 // updates the router has finished with
	queued   atomic.Int64 // updates the test has queued
}

// newHarness starts a bot on the long poll; configure adjusts the router's options.
func newHarness(t *testing.T, configure ...func(*RouterOptions)) *harness {
	t.Helper()
	return newHarnessIn(t, false, configure...)
}

// newHarnessIn starts a bot that takes its updates by long poll or, with
// webhook, from the fake posting them to its webhook.
func newHarnessIn(t *testing.T, webhook bool, configure ...func(*RouterOptions)) *harness {
	t.Helper()
	h := &harness{t: t, tg: telegramtest.New(t, testToken), clock: testkit.NewClock(time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)), logs: &lockedBuffer{}}
	log := slog.New(slog.NewTextHandler(h.logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	ctx, cancel := context.WithCancel(context.Background())
	st := testkit.OpenStore(t, h.clock.Now) // closed after the cleanup below, which runs first
	h.st = st
	h.subs = subscriptions.NewService(subscriptions.Options{Store: st, MaxPerChat: 50, Now: h.clock.Now, Logger: log})
	tg, err := NewTelegram(ctx, TelegramOptions{Token: testToken, Endpoint: h.tg.Endpoint(), PollTimeout: time.Second, Logger: log})
	if err != nil {
		t.Fatal(err)
	}
	sender := NewSender(SenderOptions{Outbox: st, Alerts: st, Chats: st, Transport: tg, Logger: log, Now: h.clock.Now,
		Rates: Rates{GlobalPerSecond: 1000, ChatPerSecond: 1000, GroupPerMinute: 60000}, Threads: st})
	h.sender = sender
	chatSettings := settings.NewService(settings.Options{Store: st, Subscriptions: h.subs, Logger: log})
	opts := RouterOptions{Store: st, Subscriptions: h.subs, BotName: tg.BotName(), Notify: sender.Notify, Logger: log,
		Now: h.clock.Now, Interactor: tg, Files: tg, Secret: []byte("test secret"),
		Search:   search.NewService(search.Options{Store: st, Now: h.clock.Now, Logger: log}),
		Settings: chatSettings, Preview: chatSettings, Shares: st, Inline: tg, Topics: st, Prompts: st}
	for _, c := range configure {
		c(&opts)
	}
	h.opts = opts
	h.router = NewRouter(opts)
	// Updates go through the dispatcher, as in the running bot: chats are
	// handled concurrently, each in order.
	h.dispatch = NewDispatcher(ctx, func(ctx context.Context, in Incoming) {
		h.routerMu.Lock()
		r := h.router
		h.routerMu.Unlock()
		r.Handle(ctx, in)
		h.handled.Add(1)
	}, DispatchOptions{Workers: 4, Logger: log})
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		if err := sender.Run(ctx); err != nil && ctx.Err() == nil {
			t.Errorf("sender: %v", err)
		}
	}()
	var updater interface {
		Updates(ctx context.Context, handle func(context.Context, Incoming)) error
	} = tg
	if webhook {
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		h.tg.ForwardWebhookTo("http://" + ln.Addr().String() + "/hook")
		updater = NewWebhook(tg, WebhookOptions{URL: "https://bot.example/hook", Listener: ln})
	}
	go func() {
		defer wg.Done()
		err := updater.Updates(ctx, h.dispatch.Handle)
		grace, cancel := context.WithTimeout(context.Background(), shutdownGrace)
		defer cancel()
		h.dispatch.Close(grace)
		if err != nil && ctx.Err() == nil {
			t.Errorf("updates: %v", err)
		}
	}()
	t.Cleanup(func() {
		cancel()
		wg.Wait()
		h.router.Wait()
	})
	return h
}

// send queues a message from a user, as getUpdates will report it.
func (h *harness) send(chatID int64, chatType string, userID int64, text string) {
	h.queued.Add(1)
	h.tg.SendText(chatID, chatType, userID, text)
}

// reply sends a command and returns the next message the chat receives.
func (h *harness) reply(chatID int64, chatType string, userID int64, text string) telegramtest.Call {
	h.t.Helper()
	n := len(h.tg.Sent(chatID))
	h.send(chatID, chatType, userID, text)
	return h.tg.WaitSent(h.t, chatID, n+1, 5*time.Second)[n]
}

// waitHandled waits until the router has finished n updates in all (the
// dispatcher's drops count: they are done with too).
func (h *harness) waitHandled(n int64) {
	h.t.Helper()
	testkit.WaitFor(h.t, fmt.Sprintf("the router to handle %d updates", n), func() bool { return h.handled.Load()+h.dispatch.Dropped() >= n })
}

// settle waits for the router to finish every queued update and the outbox to drain.
func (h *harness) settle() {
	h.t.Helper()
	h.waitHandled(h.queued.Load())
	h.router.Wait()
	testkit.WaitFor(h.t, "the outbox to drain", func() bool {
		pending, err := h.st.CountPending(context.Background())
		if err != nil {
			h.t.Fatal(err)
		}
		return pending == 0
	})
}

// press presses a button and returns the answer to the callback query.
func (h *harness) press(chatID int64, chatType string, userID int64, messageID int, data string) string {
	h.t.Helper()
	h.queued.Add(1)
	id := h.tg.SendCallback(chatID, chatType, userID, messageID, data)
	var answer string
	testkit.WaitFor(h.t, fmt.Sprintf("an answer to callback %s (%q)", id, data), func() bool {
		for _, c := range h.tg.Calls("answerCallbackQuery") {
			if c.Params.Get("callback_query_id") == id {
				answer = c.Params.Get("text")
				return true
			}
		}
		return false
	})
	return answer
}

// buttons returns the inline keyboard of a sent or edited message.
func buttons(t *testing.T, c telegramtest.Call) [][]struct {
	Text string `json:"text"`
	Data string `json:"callback_data"`
	URL  string `json:"url"`
} {
	t.Helper()
	var kb struct {
		Rows [][]struct {
			Text string `json:"text"`
			Data string `json:"callback_data"`
			URL  string `json:"url"`
		} `json:"inline_keyboard"`
	}
	if raw := c.Params.Get("reply_markup"); raw != "" {
		if err := json.Unmarshal([]byte(raw), &kb); err != nil {
			t.Fatalf("reply_markup %q: %v", raw, err)
		}
	}
	return kb.Rows
}

// waitEdits waits until the chat has at least n editMessageText calls (they
// go through the outbox, so they follow the button's answer) and returns them.
func (h *harness) waitEdits(chatID int64, n int) []telegramtest.Call {
	h.t.Helper()
	testkit.WaitFor(h.t, fmt.Sprintf("%d edits in chat %d", n, chatID), func() bool { return len(h.edits(chatID)) >= n })
	return h.edits(chatID)
}

// edits returns the editMessageText calls for a chat.
func (h *harness) edits(chatID int64) []telegramtest.Call {
	var out []telegramtest.Call
	for _, c := range h.tg.Calls("editMessageText") {
		if c.ChatID() == chatID {
			out = append(out, c)
		}
	}
	return out
}

// mustSubscribe stores a subscription directly, as /subscribe would.
func (h *harness) mustSubscribe(chatID int64, chatType, query string) news.Subscription {
	h.t.Helper()
	ctx := context.Background()
	if _, err := h.st.EnsureChat(ctx, chatID, chatType, "", news.ChatDefaults{}); err != nil {
		h.t.Fatal(err)
	}
	res, err := h.subs.Subscribe(ctx, chatID, query)
	if err != nil {
		h.t.Fatal(err)
	}
	return res.Subscription
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

// restartRouter replaces the router by a new one with the same options on
// the same database, as a restart of the bot does: what the old one kept in
// memory is gone. Call it between settled updates.
func (h *harness) restartRouter() {
	h.routerMu.Lock()
	defer h.routerMu.Unlock()
	h.router = NewRouter(h.opts)
}
