package bot

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/newshound/newshound/internal/telegramtest"
)

// A 429 on setWebhook waits its retry_after before registering again, not
// the backoff's second (which Telegram refuses again).
func TestWebhookRegisterWaitsA429sRetryAfter(t *testing.T) {
	srv := telegramtest.New(t, token)
	refused := 0
	var mu sync.Mutex
	srv.Inject(func(c telegramtest.Call) *telegramtest.Reply {
		mu.Lock()
		defer mu.Unlock()
		if c.Method == "setWebhook" && refused < 2 {
			refused++
			return &telegramtest.Reply{Code: 429, Description: "Too Many Requests: retry after 17", RetryAfter: 17}
		}
		return nil
	})
	var logs strings.Builder
	tg := newTestTelegram(t, srv, &logs, time.Second)
	var slept []time.Duration
	tg.sleep = func(_ context.Context, d time.Duration) { slept = append(slept, d) }
	w := NewWebhook(tg, WebhookOptions{URL: "https://bot.example/hook", Secret: hookSecret, Listen: "127.0.0.1:0"})
	if err := w.register(context.Background()); err != nil {
		t.Fatal(err)
	}
	if len(srv.Calls("setWebhook")) != 3 {
		t.Fatalf("setWebhook calls = %d, want 3 (two refused, then accepted)", len(srv.Calls("setWebhook")))
	}
	want := []time.Duration{17 * time.Second, 17 * time.Second}
	if len(slept) != 2 || slept[0] != want[0] || slept[1] != want[1] {
		t.Errorf("waits between setWebhook calls = %v, want %v (retry_after)", slept, want)
	}
}
