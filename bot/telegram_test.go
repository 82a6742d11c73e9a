package bot

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/newshound/newshound/internal/telegramtest"
	"github.com/newshound/newshound/internal/testkit"
)

const token = "987654:SECRET-test-token"

func newTestTelegram(t *testing.T, srv *telegramtest.Server, logs *strings.Builder, poll time.Duration) *Telegram {
	t.Helper()
	tg, err := NewTelegram(context.Background(), TelegramOptions{Token: token, Endpoint: srv.Endpoint(), PollTimeout: poll,
		Logger: slog.New(slog.NewTextHandler(logs, nil))})
	if err != nil {
		t.Fatal(err)
	}
	return tg
}

// pollOne runs tg.Updates until its first update, which it returns, then
// stops it. It fails the test when no update comes within 5 s, when Updates
// stops first, or when it stops with an error other than the cancel.
func pollOne(ctx context.Context, t *testing.T, tg *Telegram) Incoming {
	t.Helper()
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	got := make(chan Incoming, 1)
	done := make(chan error, 1)
	go func() {
		done <- tg.Updates(ctx, func(_ context.Context, in Incoming) {
			select {
			case got <- in:
			default:
			}
		})
	}()
	var in Incoming
	select {
	case in = <-got:
	case err := <-done:
		t.Fatalf("Updates stopped before any update: %v", err)
	case <-time.After(5 * time.Second):
		t.Fatal("no update handled")
	}
	cancel()
	if err := <-done; err != nil && !errors.Is(err, context.Canceled) {
		t.Errorf("Updates: %v", err)
	}
	return in
}

func TestNewTelegramErrorHidesToken(t *testing.T) {
	dead := httptest.NewServer(nil)
	url := dead.URL
	dead.Close()
	// An unreachable Telegram is waited out; the wait ends with ctx.
	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	logs := &rigLogBuffer{}
	_, err := NewTelegram(ctx, TelegramOptions{Token: token, Endpoint: url + "/bot%s/%s", PollTimeout: time.Second, retryWait: 10 * time.Millisecond,
		Logger: slog.New(slog.NewTextHandler(logs, nil))})
	if err == nil {
		t.Fatal("want an error from a dead endpoint")
	}
	for _, text := range []string{err.Error(), logs.String()} {
		if strings.Contains(text, token) || strings.Contains(text, "SECRET") {
			t.Fatalf("error or log shows the token: %v", text)
		}
	}
	if !strings.Contains(err.Error(), "<token>") {
		t.Fatalf("error should still say where it failed: %v", err)
	}
}

// TestNewTelegramWaitsForTelegram: a Telegram unreachable at start (the
// network not up yet) is waited out with a log line per failure, and the
// bot comes up once it answers; the wait ends when ctx does.
func TestNewTelegramWaitsForTelegram(t *testing.T) {
	srv := telegramtest.New(t, token)
	var mu sync.Mutex
	failures := 3
	srv.Inject(func(c telegramtest.Call) *telegramtest.Reply {
		mu.Lock()
		defer mu.Unlock()
		if c.Method != "getMe" || failures == 0 {
			return nil
		}
		failures--
		if failures == 1 {
			return &telegramtest.Reply{Code: 502, Description: "Bad Gateway"}
		}
		return &telegramtest.Reply{Hangup: true}
	})
	logs := &rigLogBuffer{}
	tg, err := NewTelegram(context.Background(), TelegramOptions{Token: token, Endpoint: srv.Endpoint(), PollTimeout: time.Second,
		retryWait: time.Millisecond, Logger: slog.New(slog.NewTextHandler(logs, nil))})
	if err != nil {
		t.Fatalf("NewTelegram gave up: %v", err)
	}
	if tg.BotName() != srv.BotName {
		t.Errorf("bot name %q", tg.BotName())
	}
	if n := strings.Count(logs.String(), "telegram unreachable; trying again"); n != 3 {
		t.Errorf("%d log lines about the wait, want 3:\n%s", n, logs)
	}

	srv.Inject(func(c telegramtest.Call) *telegramtest.Reply { return &telegramtest.Reply{Hangup: true} })
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		_, err := NewTelegram(ctx, TelegramOptions{Token: token, Endpoint: srv.Endpoint(), PollTimeout: time.Second, retryWait: time.Hour,
			Logger: slog.New(slog.NewTextHandler(&rigLogBuffer{}, nil))})
		done <- err
	}()
	testkit.WaitFor(t, "a getMe", func() bool { return len(srv.Calls("getMe")) >= 5 })
	cancel()
	select {
	case err := <-done:
		if err == nil {
			t.Fatal("want an error once ctx ends")
		}
	case <-time.After(5 * time.Second):
		t.Fatal("the wait for Telegram did not end with ctx")
	}
}

// TestNewTelegramWrongTokenStops: a 401 is no network trouble; the start
// fails at once and says where the token comes from.
func TestNewTelegramWrongTokenStops(t *testing.T) {
	srv := telegramtest.New(t, "111:right-token")
	_, err := NewTelegram(context.Background(), TelegramOptions{Token: token, Endpoint: srv.Endpoint(), PollTimeout: time.Second, retryWait: time.Hour})
	if !errors.Is(err, ErrUnauthorized) {
		t.Fatalf("err = %v, want ErrUnauthorized", err)
	}
	for _, want := range []string{"NEWSHOUND_TELEGRAM_TOKEN", "telegram.token", "@BotFather"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not name %s", err, want)
		}
	}
	if n := len(srv.Calls("getMe")); n > 1 {
		t.Errorf("%d getMe calls: a refused token was retried", n)
	}
}

func TestUpdatesBackOffOnErrorsAndPauseOnEmptyBatches(t *testing.T) {
	srv := telegramtest.New(t, token)
	var logs strings.Builder
	tg := newTestTelegram(t, srv, &logs, 0) // timeout 0: the fake answers empty batches at once
	var mu sync.Mutex
	var sleeps []time.Duration
	failures := 3
	srv.Inject(func(c telegramtest.Call) *telegramtest.Reply {
		mu.Lock()
		defer mu.Unlock()
		if c.Method == "getUpdates" && failures > 0 {
			failures--
			return &telegramtest.Reply{Code: 502, Description: "Bad Gateway"}
		}
		return nil
	})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	tg.sleep = func(ctx context.Context, d time.Duration) {
		mu.Lock()
		sleeps = append(sleeps, d)
		n := len(sleeps)
		mu.Unlock()
		if n == 4 { // after three errors and one empty batch, a message comes
			srv.SendText(5, "private", 5, "/help")
		}
		if n > 50 {
			cancel()
		}
	}
	if in := pollOne(ctx, t, tg); in.ChatID != 5 || in.Text != "/help" || in.ChatType != "private" {
		t.Fatalf("incoming = %+v", in)
	}
	mu.Lock()
	defer mu.Unlock()
	want := []time.Duration{time.Second, 2 * time.Second, 4 * time.Second, time.Second}
	for i, w := range want {
		if i >= len(sleeps) || sleeps[i] != w {
			t.Fatalf("sleeps = %v, want to start with %v (backoff, then a pause on an empty batch)", sleeps, want)
		}
	}
	if strings.Contains(logs.String(), "SECRET") {
		t.Fatalf("logs show the token:\n%s", logs.String())
	}
}

func TestUpdatesSkipConfirmedOffsets(t *testing.T) {
	srv := telegramtest.New(t, token)
	var logs strings.Builder
	tg := newTestTelegram(t, srv, &logs, time.Second)
	srv.SendText(1, "private", 1, "/start")
	srv.SendText(2, "group", 3, "/list")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var mu sync.Mutex
	var got []Incoming
	var polls atomic.Int64
	srv.Inject(func(c telegramtest.Call) *telegramtest.Reply {
		if c.Method == "getUpdates" {
			polls.Add(1)
		}
		return nil
	})
	done := make(chan error)
	go func() {
		done <- tg.Updates(ctx, func(_ context.Context, in Incoming) { mu.Lock(); got = append(got, in); mu.Unlock() })
	}()
	testkit.WaitFor(t, "both updates handled", func() bool {
		mu.Lock()
		defer mu.Unlock()
		return len(got) >= 2
	})
	// One more poll must not repeat them: the poll after the one that
	// delivered them has been answered and handled once a further poll starts.
	after := polls.Load()
	testkit.WaitFor(t, "two more getUpdates calls", func() bool { return polls.Load() >= after+2 })
	cancel()
	if err := <-done; err != nil && !errors.Is(err, context.Canceled) {
		t.Errorf("Updates: %v", err)
	}
	mu.Lock()
	defer mu.Unlock()
	if len(got) != 2 || got[1].ChatType != "group" || got[1].ChatTitle != "Chat 2" || got[1].UserID != 3 {
		t.Fatalf("got %+v, want each update once", got)
	}
}

func TestSendMapsTelegramErrors(t *testing.T) {
	srv := telegramtest.New(t, token)
	var logs strings.Builder
	tg := newTestTelegram(t, srv, &logs, time.Second)
	srv.Inject(func(c telegramtest.Call) *telegramtest.Reply {
		if c.Method == "sendMessage" {
			return &telegramtest.Reply{Code: 429, Description: "Too Many Requests: retry after 7", RetryAfter: 7}
		}
		return nil
	})
	_, err := tg.Send(context.Background(), Outgoing{ChatID: 1, Text: "<b>x</b>"})
	se, ok := err.(*SendError)
	if !ok || se.Code != 429 || se.RetryAfter != 7*time.Second {
		t.Fatalf("err = %#v, want a 429 SendError with RetryAfter 7s", err)
	}
	srv.Inject(nil)
	id, err := tg.Send(context.Background(), Outgoing{ChatID: 1, Text: "<b>x</b>", Silent: true, Buttons: [][]Button{{{Text: "Mute", Data: "mute:1"}}}})
	if err != nil || id == 0 {
		t.Fatal(id, err)
	}
	c := srv.Sent(1)[0]
	if c.Params.Get("parse_mode") != "HTML" || c.Params.Get("disable_notification") != "true" || !strings.Contains(c.Params.Get("reply_markup"), `"callback_data":"mute:1"`) {
		t.Fatalf("sent params = %v", c.Params)
	}
}

// The library leaves the error code unset for uploads; Send must still tell
// a 400 from a 429 from a 5xx for documents.
func TestSendDocumentMapsTelegramErrors(t *testing.T) {
	tests := []struct {
		name  string
		rep   telegramtest.Reply
		code  int
		after time.Duration
	}{
		{"429", telegramtest.Reply{Code: 429, Description: "Too Many Requests: retry after 7", RetryAfter: 7}, 429, 7 * time.Second},
		{"400", telegramtest.Reply{Code: 400, Description: "Bad Request: can't parse entities"}, 400, 0},
		{"migrate", telegramtest.Reply{Code: 400, Description: "Bad Request: group chat was upgraded to a supergroup chat", MigrateTo: -100123}, 400, 0},
		{"403", telegramtest.Reply{Code: 403, Description: "Forbidden: bot was blocked by the user"}, 403, 0},
		{"502", telegramtest.Reply{Code: 502, Description: "Bad Gateway"}, 502, 0},
		{"a code the description does not name", telegramtest.Reply{Code: 400, Description: "message text is empty"}, 400, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := telegramtest.New(t, token)
			var logs strings.Builder
			tg := newTestTelegram(t, srv, &logs, time.Second)
			srv.Inject(func(c telegramtest.Call) *telegramtest.Reply { rep := tt.rep; return &rep })
			_, err := tg.Send(context.Background(), Outgoing{ChatID: 1, Text: "x", Document: &Document{Name: "a.txt", Data: []byte("a")}})
			se, ok := err.(*SendError)
			if !ok || se.Code != tt.code || se.RetryAfter != tt.after || se.MigrateTo != tt.rep.MigrateTo {
				t.Fatalf("err = %#v, want a SendError with code %d, RetryAfter %s", err, tt.code, tt.after)
			}
		})
	}
}

func TestSendDocument(t *testing.T) {
	srv := telegramtest.New(t, token)
	var logs strings.Builder
	tg := newTestTelegram(t, srv, &logs, time.Second)
	data := []byte("<opml>\x00 any bytes</opml>")
	id, err := tg.Send(context.Background(), Outgoing{ChatID: 5, Text: "<b>2</b> sources", Silent: true, Document: &Document{Name: "list.opml", Data: data}})
	if err != nil || id == 0 {
		t.Fatal(id, err)
	}
	docs := srv.Documents(5)
	if len(docs) != 1 {
		t.Fatalf("%d documents, want 1", len(docs))
	}
	c := docs[0]
	if d := c.Document(); d.Name != "list.opml" || string(d.Data) != string(data) {
		t.Errorf("document %q %q, want list.opml %q", d.Name, d.Data, data)
	}
	if c.Params.Get("caption") != "<b>2</b> sources" || c.Params.Get("parse_mode") != "HTML" || c.Params.Get("disable_notification") != "true" {
		t.Errorf("params = %v", c.Params)
	}
	if len(srv.Sent(5)) != 0 {
		t.Errorf("a document went as sendMessage too")
	}
}

// A 409 Conflict from getUpdates (another process polling the same token,
// or a webhook set by one) is an error that says what goes on and what to
// do, not a generic warning retried for ever.
func TestUpdatesSayWhoElsePolls(t *testing.T) {
	tests := []struct {
		name, desc, want string
	}{
		{"another poller", "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running", "another process is polling Telegram with this bot token"},
		{"a webhook", "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first", "a webhook is set for this bot token"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := telegramtest.New(t, token)
			var logs strings.Builder
			tg := newTestTelegram(t, srv, &logs, 0)
			srv.Inject(func(c telegramtest.Call) *telegramtest.Reply {
				if c.Method == "getUpdates" {
					return &telegramtest.Reply{Code: 409, Description: tt.desc}
				}
				return nil
			})
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			tg.sleep = func(context.Context, time.Duration) { cancel() } // one failure is enough
			if err := tg.Updates(ctx, func(context.Context, Incoming) {}); err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(logs.String(), "level=ERROR msg=\"getUpdates refused: "+strings.SplitN(tt.want, " ", 2)[0]) || !strings.Contains(logs.String(), tt.want) {
				t.Errorf("logs do not say %q:\n%s", tt.want, logs.String())
			}
		})
	}
}

// A 429 on getUpdates waits its retry_after before asking again, not the
// backoff's one second (which Telegram refuses again).
func TestUpdatesWaitA429sRetryAfter(t *testing.T) {
	srv := telegramtest.New(t, token)
	var logs strings.Builder
	tg := newTestTelegram(t, srv, &logs, 0)
	srv.Inject(func(c telegramtest.Call) *telegramtest.Reply {
		if c.Method == "getUpdates" {
			return &telegramtest.Reply{Code: 429, Description: "Too Many Requests: retry after 30", RetryAfter: 30}
		}
		return nil
	})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var slept time.Duration
	tg.sleep = func(_ context.Context, d time.Duration) { slept = d; cancel() }
	if err := tg.Updates(ctx, func(context.Context, Incoming) {}); err != nil {
		t.Fatal(err)
	}
	if slept != 30*time.Second {
		t.Errorf("after a 429 with retry_after 30, getUpdates waited %v, want 30s\n%s", slept, logs.String())
	}
}

// telegram.api_endpoint naming a web server instead of a Bot API server
// (a wrong port beside a local telegram-bot-api) answered getMe with an
// HTML page: the start logged "telegram unreachable; trying again" with
// "invalid character '<'" for ever, naming no key. The line names
// telegram.api_endpoint.
func TestAnEndpointThatIsNoBotAPIIsNamed(t *testing.T) {
	for _, status := range []int{http.StatusNotFound, http.StatusNotImplemented} {
		t.Run(http.StatusText(status), func(t *testing.T) { endpointThatIsNoBotAPI(t, status) })
	}
}

// endpointThatIsNoBotAPI runs the start against a web server answering
// every call with an HTML page of status, and checks the log names the key.
func endpointThatIsNoBotAPI(t *testing.T, status int) {
	web := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.WriteHeader(status)
		io.WriteString(w, "<html><body>No</body></html>")
	}))
	defer web.Close()
	logs := &rigLogBuffer{}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan error, 1)
	go func() {
		_, err := NewTelegram(ctx, TelegramOptions{Token: token, Endpoint: web.URL + "/bot%s/%s", PollTimeout: time.Second,
			retryWait: time.Millisecond, Logger: slog.New(slog.NewTextHandler(logs, nil))})
		done <- err
	}()
	testkit.WaitFor(t, "a telegram unreachable line", func() bool { return strings.Contains(logs.String(), "telegram unreachable") })
	cancel()
	<-done
	if got := logs.String(); !strings.Contains(got, "telegram.api_endpoint ("+web.URL+"/bot%s/%s)") || !strings.Contains(got, "Bot API server") {
		t.Errorf("the log does not name telegram.api_endpoint:\n%s", got)
	}
}
