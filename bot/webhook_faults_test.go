package bot

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/newshound/newshound/internal/telegramtest"
	"github.com/newshound/newshound/internal/testkit"
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

// A repost of an update whose first post still waits for room in the queue
// (Telegram, or a proxy on the way, gave up on that post) is refused with
// 503: answered 200, it told Telegram the update arrived, and when the
// first post then ran out of time the update was lost. Reposted later, it
// is served.
func TestWebhookRefusesARepostWhileTheFirstWaits(t *testing.T) {
	srv := telegramtest.New(t, token)
	logs := &rigLogBuffer{}
	w := newLocalWebhook(t, srv, logs)
	w.queueSize, w.queueWait = 1, 500*time.Millisecond
	gate := make(chan struct{})
	got := make(chan string, 10)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		done <- w.Updates(ctx, func(_ context.Context, in Incoming) {
			got <- in.Text
			<-gate // the router is busy
		})
	}()
	var opened sync.Once
	open := func() { opened.Do(func() { close(gate) }) }
	t.Cleanup(func() {
		open()
		cancel()
		if err := <-done; err != nil && !errors.Is(err, context.Canceled) {
			t.Errorf("Updates: %v", err)
		}
	})
	r := &hookRig{srv: srv, url: "http://" + w.opts.Listener.Addr().String() + "/hook"}
	r.waitRegistered(t)
	body := func(id int, text string) string {
		return fmt.Sprintf(`{"update_id":%d,"message":{"message_id":%d,"date":1700000000,"chat":{"id":42,"type":"private"},"text":%q}}`, id, id, text)
	}
	if code := r.post(t, http.MethodPost, hookSecret, body(1, "one")); code != http.StatusOK {
		t.Fatalf("first post: status %d", code)
	}
	testkit.Receive(t, "the first update handled", got)
	if code := r.post(t, http.MethodPost, hookSecret, body(2, "two")); code != http.StatusOK {
		t.Fatalf("second post (queued): status %d", code)
	}
	first := make(chan int, 1)
	go func() { // waits for room
		req, err := http.NewRequest(http.MethodPost, r.url, strings.NewReader(body(3, "three")))
		if err != nil {
			first <- 0
			return
		}
		req.Header.Set("X-Telegram-Bot-Api-Secret-Token", hookSecret)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			first <- 0
			return
		}
		resp.Body.Close()
		first <- resp.StatusCode
	}()
	testkit.WaitFor(t, "the third post waiting for room", func() bool { return w.seen.waiting(3) })
	if code := r.post(t, http.MethodPost, hookSecret, body(3, "three")); code != http.StatusServiceUnavailable {
		t.Fatalf("repost while the first post waits: status %d, want 503", code)
	}
	if code := testkit.Receive(t, "the first post of the third update", first); code != http.StatusServiceUnavailable {
		t.Fatalf("first post of the third update: status %d, want 503 (no room)", code)
	}
	open()
	if code := r.post(t, http.MethodPost, hookSecret, body(3, "three")); code != http.StatusOK {
		t.Fatalf("a later repost: status %d, want 200", code)
	}
	for _, want := range []string{"two", "three"} {
		if text := testkit.Receive(t, want+" handled", got); text != want {
			t.Fatalf("handled %q, want %q", text, want)
		}
	}
}

// A webhook_listen on a taken port says which fix applies: it said
// "another process may hold the port" for every refusal, a typo'd host
// name or a privileged port included.
func TestWebhookListenRefusalNamesTheFix(t *testing.T) {
	srv := telegramtest.New(t, token)
	var logs strings.Builder
	tg := newTestTelegram(t, srv, &logs, time.Second)
	taken, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer taken.Close()
	w := NewWebhook(tg, WebhookOptions{URL: "https://bot.example/hook", Secret: hookSecret, Listen: taken.Addr().String()})
	err = w.Updates(context.Background(), func(context.Context, Incoming) {})
	if err == nil || !strings.Contains(err.Error(), "telegram.webhook_listen") || !strings.Contains(err.Error(), "another process holds the port") {
		t.Errorf("taken port: %v", err)
	}
	w = NewWebhook(tg, WebhookOptions{URL: "https://bot.example/hook", Secret: hookSecret, Listen: "192.0.2.1:8443"}) // TEST-NET-1
	err = w.Updates(context.Background(), func(context.Context, Incoming) {})
	if err == nil || !strings.Contains(err.Error(), "no such address") {
		t.Errorf("an address not this machine's: %v", err)
	}
}
