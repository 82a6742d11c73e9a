package bot

import (
	"context"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/newshound/newshound/internal/telegramtest"
	"github.com/newshound/newshound/internal/testkit"
)

// A webhook behind a reverse proxy that does not reach the bot (a wrong
// upstream, nothing listening: the proxy answers 502): Telegram kept the
// updates and said why only to getWebhookInfo, and the bot, hearing
// nothing, logged nothing. The running webhook asks Telegram how its posts
// fare and logs the failure Telegram reports, with the fix; a healthy
// webhook logs no such line, and a webhook set elsewhere by another process
// (a second Newshound on the token) is named too.
func TestWebhookLogsWhatTelegramCannotDeliver(t *testing.T) {
	srv := telegramtest.New(t, token)
	logs := &lockedBuffer{}
	tg, err := NewTelegram(context.Background(), TelegramOptions{Token: token, Endpoint: srv.Endpoint(), PollTimeout: time.Second,
		Logger: slog.New(slog.NewTextHandler(logs, nil))})
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	// The reverse proxy in front of the bot; broken, it has lost its upstream.
	var broken atomic.Bool
	upstream := &url.URL{Scheme: "http", Host: ln.Addr().String()}
	forward := httputil.NewSingleHostReverseProxy(upstream)
	proxy := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if broken.Load() {
			http.Error(w, "no upstream", http.StatusBadGateway)
			return
		}
		forward.ServeHTTP(w, r)
	}))
	t.Cleanup(proxy.Close)
	srv.ForwardWebhookTo(proxy.URL + "/hook")
	w := NewWebhook(tg, WebhookOptions{URL: "https://bot.example/hook", Secret: hookSecret, Listener: ln})
	w.checkEvery = 10 * time.Millisecond
	ctx, cancel := context.WithCancel(context.Background())
	got := make(chan Incoming, 10)
	done := make(chan error, 1)
	go func() { done <- w.Updates(ctx, func(_ context.Context, in Incoming) { got <- in }) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("Updates: %v", err)
		}
	})

	srv.SendText(42, "private", 9, "/start")
	select {
	case <-got:
	case <-time.After(10 * time.Second):
		t.Fatalf("the healthy webhook got nothing:\n%s", logs)
	}
	asked := len(srv.Calls("getWebhookInfo"))
	testkit.WaitFor(t, "two more checks", func() bool { return len(srv.Calls("getWebhookInfo")) >= asked+2 })
	if strings.Contains(logs.String(), "cannot deliver") || strings.Contains(logs.String(), "elsewhere") {
		t.Fatalf("a healthy webhook logged a failure:\n%s", logs)
	}

	broken.Store(true)
	srv.SendText(42, "private", 9, "/list")
	testkit.WaitFor(t, "the failure logged", func() bool { return strings.Contains(logs.String(), "cannot deliver updates") })
	for _, want := range []string{"502 Bad Gateway", "pending_updates=1", "fix=", "telegram.webhook_listen"} {
		if !strings.Contains(logs.String(), want) {
			t.Errorf("the line lacks %q:\n%s", want, logs)
		}
	}

	resp, err := http.PostForm(strings.Replace(srv.Endpoint(), "bot%s/%s", "bot"+token+"/setWebhook", 1), url.Values{"url": {"https://other.example/hook"}})
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	testkit.WaitFor(t, "the other webhook named", func() bool { return strings.Contains(logs.String(), "another process set its webhook") })
	if !strings.Contains(logs.String(), "other.example") || strings.Contains(logs.String(), token) {
		t.Errorf("the line does not name the other URL, or shows the token:\n%s", logs)
	}
}

// A second Newshound started on the same token in long-poll mode removes
// the webhook (deleteWebhook at its start): the first one heard nothing
// more. It says the webhook is gone and why that may be.
func TestWebhookLogsItsRemovalByAnotherProcess(t *testing.T) {
	srv := telegramtest.New(t, token)
	logs := &lockedBuffer{}
	w := newLocalWebhook(t, srv, logs)
	w.checkEvery = 10 * time.Millisecond
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- w.Updates(ctx, func(context.Context, Incoming) {}) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("Updates: %v", err)
		}
	})
	testkit.WaitFor(t, "the webhook set", func() bool { return len(srv.Calls("setWebhook")) > 0 })
	asked := len(srv.Calls("getWebhookInfo"))
	testkit.WaitFor(t, "two checks", func() bool { return len(srv.Calls("getWebhookInfo")) >= asked+2 })
	if strings.Contains(logs.String(), "another process") {
		t.Fatalf("the bot's own webhook is told as another's:\n%s", logs)
	}
	resp, err := http.PostForm(strings.Replace(srv.Endpoint(), "bot%s/%s", "bot"+token+"/deleteWebhook", 1), nil)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	testkit.WaitFor(t, "the removal told", func() bool { return strings.Contains(logs.String(), "no webhook for this bot any more") })
}
