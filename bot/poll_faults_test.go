package bot

import (
	"context"
	"log/slog"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/newshound/newshound/internal/telegramtest"
	"github.com/newshound/newshound/internal/testkit"
	"github.com/newshound/newshound/news"
)

// The long poll removes a webhook left from webhook mode; when that
// deleteWebhook fails (Telegram briefly down at the start), getUpdates is
// refused (409) while the webhook stays, and the poll removes it again
// rather than staying deaf until a restart.
func TestLongPollRemovesTheWebhookAfterAFailedStart(t *testing.T) {
	srv := telegramtest.New(t, token)
	srv.ForwardWebhookTo("http://127.0.0.1:1/hook") // nobody listens: posts fail, the webhook stays set
	var logs strings.Builder
	tg := newTestTelegram(t, srv, &logs, 0)
	if _, err := tg.send.MakeRequest("setWebhook", map[string]string{"url": "https://bot.example/hook"}); err != nil {
		t.Fatal(err)
	}
	failed := false
	var mu sync.Mutex
	srv.Inject(func(c telegramtest.Call) *telegramtest.Reply {
		mu.Lock()
		defer mu.Unlock()
		if c.Method == "deleteWebhook" && !failed {
			failed = true
			return &telegramtest.Reply{Code: 502, Description: "Bad Gateway"}
		}
		return nil
	})
	srv.SendText(5, "private", 5, "/help")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	sleeps := 0
	tg.sleep = func(ctx context.Context, d time.Duration) {
		mu.Lock()
		sleeps++
		n := sleeps
		mu.Unlock()
		if n > 20 {
			cancel() // deaf: the test fails below
		}
	}
	got := make(chan Incoming, 1)
	done := make(chan error, 1)
	go func() { done <- tg.Updates(ctx, func(_ context.Context, in Incoming) { got <- in }) }()
	select {
	case in := <-got:
		if in.Text != "/help" {
			t.Errorf("incoming = %+v", in)
		}
	case <-done:
		t.Fatalf("no update after %d tries: the webhook left by a failed deleteWebhook was never removed\n%s", sleeps, logs.String())
	}
	cancel()
	<-done
	if n := len(srv.Calls("deleteWebhook")); n != 2 {
		t.Errorf("deleteWebhook calls = %d, want 2 (failed, then again)", n)
	}
}

// updateFailures records what an UpdateObserver hears.
type updateFailures struct {
	mu  sync.Mutex
	got []string
}

func (u *updateFailures) UpdatesFailed(method string, code int) {
	u.mu.Lock()
	u.got = append(u.got, method+" "+strconv.Itoa(code))
	u.mu.Unlock()
}

func (u *updateFailures) list() []string {
	u.mu.Lock()
	defer u.mu.Unlock()
	return append([]string(nil), u.got...)
}

// Failures of getUpdates, deleteWebhook and setWebhook, and the posts the
// webhook refuses, reach the observer (the metrics): a bot that hears
// nothing shows why.
func TestUpdateFailuresAreObserved(t *testing.T) {
	srv := telegramtest.New(t, token)
	var mu sync.Mutex
	left := map[string]int{"deleteWebhook": 1, "getUpdates": 2, "setWebhook": 1}
	srv.Inject(func(c telegramtest.Call) *telegramtest.Reply {
		mu.Lock()
		defer mu.Unlock()
		if left[c.Method] == 0 {
			return nil
		}
		left[c.Method]--
		switch c.Method {
		case "getUpdates":
			if left[c.Method] == 1 {
				return &telegramtest.Reply{Hangup: true}
			}
			return &telegramtest.Reply{Code: 409, Description: "Conflict: terminated by other getUpdates request"}
		case "setWebhook":
			return &telegramtest.Reply{Code: 429, Description: "Too Many Requests: retry after 1", RetryAfter: 1}
		}
		return &telegramtest.Reply{Code: 502, Description: "Bad Gateway"}
	})
	obs := &updateFailures{}
	var logs strings.Builder
	tg, err := NewTelegram(context.Background(), TelegramOptions{Token: token, Endpoint: srv.Endpoint(), PollTimeout: 0,
		Logger: slog.New(slog.NewTextHandler(&logs, nil)), Observer: obs})
	if err != nil {
		t.Fatal(err)
	}
	tg.sleep = func(context.Context, time.Duration) {}
	srv.SendText(5, "private", 5, "/help")
	pollOne(context.Background(), t, tg)

	r := startWebhook(t, srv, func(w *Webhook) { w.tg.obs = obs; w.tg.sleep = func(context.Context, time.Duration) {} })
	testkit.WaitFor(t, "setWebhook again after the 429", func() bool { return len(srv.Calls("setWebhook")) >= 2 })
	if code := r.post(t, "POST", "wrong", `{"update_id":1}`); code != 401 {
		t.Fatalf("post with a wrong secret = %d, want 401", code)
	}
	want := []string{"deleteWebhook 502", "getUpdates 0", "getUpdates 409", "setWebhook 429", "webhook 401"}
	if g := obs.list(); strings.Join(g, ", ") != strings.Join(want, ", ") {
		t.Errorf("observed %q, want %q", g, want)
	}
}

// An error page that a proxy in front of Telegram answers (HTML, not the
// Bot API's JSON) counts as the status it carries: a 502 is a 5xx to retry
// and to count as such, a 429 holds the chat for its Retry-After.
func TestSenderReadsAProxysErrorPage(t *testing.T) {
	page := "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>"
	tests := []struct {
		name string
		rep  telegramtest.Reply
		code int
		hold time.Duration // how long the chat waits
	}{
		{"502 page", telegramtest.Reply{Code: 502, Body: page}, 502, 2 * time.Second}, // the first backoff
		{"429 page with Retry-After", telegramtest.Reply{Code: 429, Body: "<html>Too Many Requests</html>", RetryAfter: 40}, 429, 40 * time.Second},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := newSenderRig(t)
			sub := r.chat(t, 10, "private")
			r.alerts(t, 10, sub, "first")
			inject(r, 10, 1, tt.rep)
			codes := &codeObserver{}
			s, _ := r.runSender(t, codes)
			testkit.WaitFor(t, "the refused call", func() bool { return len(codes.list()) > 0 })
			if got := codes.list(); got[0] != tt.code {
				t.Errorf("observed code %d, want %d", got[0], tt.code)
			}
			waitLooks(t, s)
			r.clock.Advance(tt.hold - time.Second)
			s.Notify()
			waitLooks(t, s)
			if n := len(r.tg.Sent(10)); n != 0 {
				t.Fatalf("sent %d before the hold of %s was over", n, tt.hold)
			}
			r.clock.Advance(2 * time.Second)
			s.Notify()
			r.tg.WaitSent(t, 10, 1, 5*time.Second)
			if strings.Contains(r.logs.String(), "invalid character") {
				t.Errorf("the log shows a JSON error, not the status:\n%s", r.logs.String())
			}
		})
	}
}

// codeObserver records the codes of failed sends.
type codeObserver struct {
	mu    sync.Mutex
	codes []int
}

func (c *codeObserver) Sent(string) {}
func (c *codeObserver) SendFailed(code int) {
	c.mu.Lock()
	c.codes = append(c.codes, code)
	c.mu.Unlock()
}
func (c *codeObserver) list() []int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]int(nil), c.codes...)
}

// A token revoked while the bot runs (401 on getUpdates and on sends) is an
// error that names the token's settings, not a warning among the network's.
func TestRevokedTokenIsAnError(t *testing.T) {
	srv := telegramtest.New(t, token)
	var logs strings.Builder
	tg := newTestTelegram(t, srv, &logs, 0)
	srv.Inject(func(c telegramtest.Call) *telegramtest.Reply {
		if c.Method == "getUpdates" {
			return &telegramtest.Reply{Code: 401, Description: "Unauthorized"}
		}
		return nil
	})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	tg.sleep = func(context.Context, time.Duration) { cancel() }
	if err := tg.Updates(ctx, func(context.Context, Incoming) {}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(logs.String(), `level=ERROR msg="getUpdates refused: telegram refused the bot token (401 Unauthorized): check NEWSHOUND_TELEGRAM_TOKEN`) {
		t.Errorf("logs:\n%s", logs.String())
	}

	r := newSenderRig(t)
	sub := r.chat(t, 10, "private")
	r.alerts(t, 10, sub, "first")
	inject(r, 10, 1, telegramtest.Reply{Code: 401, Description: "Unauthorized"})
	r.start(t)
	testkit.WaitFor(t, "the error logged", func() bool {
		return strings.Contains(r.logs.String(), `level=ERROR msg="send refused: telegram refused the bot token (401 Unauthorized)`)
	})
	if st := r.statuses(t); st[news.StatusPending] != 1 {
		t.Errorf("outbox after a 401: %v, want the message still pending", st)
	}
}
