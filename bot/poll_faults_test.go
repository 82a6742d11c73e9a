package bot

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/newshound/newshound/internal/telegramtest"
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
