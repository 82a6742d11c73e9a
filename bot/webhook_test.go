package bot

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/newshound/newshound/internal/testkit"

	"github.com/newshound/newshound/internal/telegramtest"
)

const hookSecret = "hook_S3cret-value"

// hookRig is a Webhook running against the fake Telegram on a free local port.
type hookRig struct {
	srv  *telegramtest.Server
	logs *strings.Builder
	url  string // where the webhook server listens
	got  chan Incoming
	done chan error   // Updates' result
	stop func() error // cancels and waits for Updates to return
}

// startWebhook runs a webhook; tweak, if given, changes it before it starts.
func startWebhook(t *testing.T, srv *telegramtest.Server, tweak ...func(*Webhook)) *hookRig {
	t.Helper()
	logs := &strings.Builder{}
	tg := newTestTelegram(t, srv, logs, time.Second)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	w := NewWebhook(tg, WebhookOptions{URL: "https://bot.example/hook", Secret: hookSecret, Listener: ln})
	for _, f := range tweak {
		f(w)
	}
	ctx, cancel := context.WithCancel(context.Background())
	r := &hookRig{srv: srv, logs: logs, url: "http://" + ln.Addr().String() + "/hook", got: make(chan Incoming, 10)}
	done := make(chan error, 1)
	r.done = done
	go func() { done <- w.Updates(ctx, func(_ context.Context, in Incoming) { r.got <- in }) }()
	stopped := false
	var result error
	r.stop = func() error {
		if stopped {
			return result
		}
		stopped = true
		cancel()
		select {
		case result = <-done:
		case <-time.After(10 * time.Second):
			t.Fatal("Updates did not return within 10s of cancel")
		}
		return result
	}
	t.Cleanup(func() {
		if stopped {
			return // the test stopped the rig and checked what Updates returned
		}
		if err := r.stop(); err != nil && !errors.Is(err, context.Canceled) {
			t.Errorf("Updates: %v", err)
		}
	})
	return r
}

// waitRegistered waits for the setWebhook call.
func (r *hookRig) waitRegistered(t *testing.T) telegramtest.Call {
	t.Helper()
	testkit.WaitFor(t, "a setWebhook call", func() bool { return len(r.srv.Calls("setWebhook")) > 0 })
	return r.srv.Calls("setWebhook")[0]
}

// post sends body to the webhook with the method and secret header (none when empty).
func (r *hookRig) post(t *testing.T, method, secret, body string) int {
	t.Helper()
	req, err := http.NewRequest(method, r.url, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	if secret != "" {
		req.Header.Set("X-Telegram-Bot-Api-Secret-Token", secret)
	}
	c := &http.Client{Timeout: 5 * time.Second, Transport: &http.Transport{DisableKeepAlives: true}}
	resp, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	return resp.StatusCode
}

func TestWebhookRegistersWithURLSecretAndKinds(t *testing.T) {
	r := startWebhook(t, telegramtest.New(t, token))
	c := r.waitRegistered(t)
	p := c.Params
	if p.Get("url") != "https://bot.example/hook" || p.Get("secret_token") != hookSecret || p.Get("drop_pending_updates") != "false" {
		t.Errorf("setWebhook params = %v", p)
	}
	if got := p.Get("allowed_updates"); got != `["message","edited_message","channel_post","edited_channel_post","callback_query","my_chat_member","inline_query"]` {
		t.Errorf("allowed_updates = %s", got)
	}
	if n := len(r.srv.Calls("deleteWebhook")) + len(r.srv.Calls("getUpdates")); n != 0 {
		t.Errorf("webhook mode made %d deleteWebhook/getUpdates calls, want none", n)
	}
}

func TestNewWebhookMakesUpASecret(t *testing.T) {
	a := NewWebhook(&Telegram{}, WebhookOptions{})
	b := NewWebhook(&Telegram{}, WebhookOptions{})
	if len(a.secret) < 20 || a.secret == b.secret {
		t.Fatalf("secrets %q, %q: want long random ones", a.secret, b.secret)
	}
}

func TestWebhookDeliversUpdates(t *testing.T) {
	tests := []struct {
		name  string
		body  string
		check func(in Incoming) bool
	}{
		{"message", `{"update_id":1,"message":{"message_id":7,"date":1700000000,"chat":{"id":42,"type":"private"},"from":{"id":9,"is_bot":false,"first_name":"T"},"text":"/start"}}`,
			func(in Incoming) bool {
				return in.ChatID == 42 && in.ChatType == "private" && in.UserID == 9 && in.Text == "/start" && in.MessageID == 7
			}},
		{"channel post", `{"update_id":2,"channel_post":{"message_id":3,"date":1700000000,"chat":{"id":-100,"type":"channel","title":"News"},"text":"/list"}}`,
			func(in Incoming) bool { return in.ChatID == -100 && in.SenderChatID == -100 && in.ChatTitle == "News" }},
		{"callback", `{"update_id":3,"callback_query":{"id":"cb1","from":{"id":9,"is_bot":false,"first_name":"T"},"chat_instance":"ci","data":"mute:1","message":{"message_id":5,"date":1700000000,"chat":{"id":42,"type":"private"}}}}`,
			func(in Incoming) bool {
				return in.Callback != nil && in.Callback.ID == "cb1" && in.Callback.Data == "mute:1" && in.ChatID == 42 && in.Callback.MessageID == 5
			}},
		{"my_chat_member", `{"update_id":4,"my_chat_member":{"chat":{"id":-5,"type":"group","title":"G"},"from":{"id":9,"is_bot":false,"first_name":"T"},"date":1700000000,"old_chat_member":{"user":{"id":777,"is_bot":true,"first_name":"B"},"status":"member"},"new_chat_member":{"user":{"id":777,"is_bot":true,"first_name":"B"},"status":"kicked"}}}`,
			func(in Incoming) bool { return in.ChatID == -5 && in.BotStatus == "kicked" && in.UserID == 9 }},
		{"forum topic", `{"update_id":5,"message":{"message_id":8,"message_thread_id":77,"is_topic_message":true,"date":1700000000,"chat":{"id":-100,"type":"supergroup","is_forum":true},"from":{"id":9,"is_bot":false,"first_name":"T"},"text":"/list"}}`,
			func(in Incoming) bool { return in.ChatID == -100 && in.ThreadID == 77 && in.Text == "/list" }},
		{"forum topic reopened", `{"update_id":11,"message":{"message_id":8,"message_thread_id":77,"is_topic_message":true,"date":1700000000,"chat":{"id":-100,"type":"supergroup","is_forum":true},"from":{"id":9,"is_bot":false,"first_name":"T"},"forum_topic_reopened":{}}}`,
			func(in Incoming) bool {
				return in.ChatID == -100 && in.ThreadID == 77 && in.TopicEvent == TopicReopened
			}},
		{"forum topic closed", `{"update_id":12,"message":{"message_id":8,"message_thread_id":77,"is_topic_message":true,"date":1700000000,"chat":{"id":-100,"type":"supergroup","is_forum":true},"from":{"id":9,"is_bot":false,"first_name":"T"},"forum_topic_closed":{}}}`,
			func(in Incoming) bool { return in.ThreadID == 77 && in.TopicEvent == TopicClosed }},
		{"General hidden", `{"update_id":13,"message":{"message_id":8,"date":1700000000,"chat":{"id":-100,"type":"supergroup","is_forum":true},"from":{"id":9,"is_bot":false,"first_name":"T"},"general_forum_topic_hidden":{}}}`,
			func(in Incoming) bool { return in.ThreadID == 0 && in.TopicEvent == TopicClosed }},
		{"General unhidden", `{"update_id":14,"message":{"message_id":8,"date":1700000000,"chat":{"id":-100,"type":"supergroup","is_forum":true},"from":{"id":9,"is_bot":false,"first_name":"T"},"general_forum_topic_unhidden":{}}}`,
			func(in Incoming) bool { return in.ThreadID == 0 && in.TopicEvent == TopicReopened }},
		{"thread of replies is no topic", `{"update_id":6,"message":{"message_id":9,"message_thread_id":3,"date":1700000000,"chat":{"id":-100,"type":"supergroup"},"from":{"id":9,"is_bot":false,"first_name":"T"},"text":"/list"}}`,
			func(in Incoming) bool { return in.ChatID == -100 && in.ThreadID == 0 }},
		{"inline query", `{"update_id":7,"inline_query":{"id":"iq1","from":{"id":9,"is_bot":false,"first_name":"T","language_code":"de"},"query":"kursk","offset":"","chat_type":"group"}}`,
			func(in Incoming) bool {
				return in.Inline != nil && in.Inline.ID == "iq1" && in.Inline.Query == "kursk" && in.UserID == 9 && in.Language == "de"
			}},
	}
	r := startWebhook(t, telegramtest.New(t, token))
	r.waitRegistered(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if code := r.post(t, http.MethodPost, hookSecret, tt.body); code != http.StatusOK {
				t.Fatalf("status %d, want 200", code)
			}
			select {
			case in := <-r.got:
				if !tt.check(in) {
					t.Fatalf("incoming = %+v", in)
				}
			case <-time.After(5 * time.Second):
				t.Fatal("nothing handled")
			}
		})
	}
}

func TestWebhookRefusesBadPosts(t *testing.T) {
	good := `{"update_id":1,"message":{"message_id":7,"date":1700000000,"chat":{"id":42,"type":"private"},"text":"/start"}}`
	tests := []struct {
		name   string
		method string
		secret string
		body   string
		want   int
	}{
		{"wrong secret", http.MethodPost, "guess", good, http.StatusUnauthorized},
		{"secret with a prefix of the right one", http.MethodPost, hookSecret[:4], good, http.StatusUnauthorized},
		{"no secret", http.MethodPost, "", good, http.StatusUnauthorized},
		{"GET", http.MethodGet, hookSecret, "", http.StatusMethodNotAllowed},
		{"over 1 MiB", http.MethodPost, hookSecret, `{"update_id":1,"message":{"text":"` + strings.Repeat("a", 1<<20) + `"}}`, http.StatusRequestEntityTooLarge},
		{"malformed", http.MethodPost, hookSecret, `{"update_id":1,"message":`, http.StatusBadRequest},
		{"not an object", http.MethodPost, hookSecret, `"hello"`, http.StatusBadRequest},
		// Telegram's update that the library cannot read: refused, it
		// would come again and again; it is skipped, as the long poll does.
		{"an update the library cannot read", http.MethodPost, hookSecret, strings.Replace(good, `"message_id":7`, `"message_id":"seven"`, 1), http.StatusOK},
	}
	r := startWebhook(t, telegramtest.New(t, token))
	r.waitRegistered(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if code := r.post(t, tt.method, tt.secret, tt.body); code != tt.want {
				t.Fatalf("status %d, want %d", code, tt.want)
			}
		})
	}
	// Nothing above was handled: the first update to come out is the good one below.
	if code := r.post(t, http.MethodPost, hookSecret, strings.Replace(good, "/start", "/help", 1)); code != http.StatusOK {
		t.Fatalf("good post: status %d", code)
	}
	select {
	case in := <-r.got:
		if in.Text != "/help" {
			t.Fatalf("a refused post was handled: %+v", in)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("the good post was not handled")
	}
	if strings.Contains(r.logs.String(), "SECRET") || strings.Contains(r.logs.String(), hookSecret) {
		t.Fatalf("logs show the token or the secret:\n%s", r.logs)
	}
	// The three posts refused for their secret are told once, as a warning:
	// a proxy dropping the header would otherwise leave the bot deaf, silently.
	if n := strings.Count(r.logs.String(), "level=WARN msg=\"webhook post refused: its X-Telegram-Bot-Api-Secret-Token header is missing or wrong."); n != 1 {
		t.Errorf("%d warnings about refused secrets, want 1:\n%s", n, r.logs)
	}
}

func TestWebhookStopsWhenContextEnds(t *testing.T) {
	r := startWebhook(t, telegramtest.New(t, token))
	r.waitRegistered(t)
	if err := r.stop(); err != nil {
		t.Fatalf("Updates = %v, want nil after cancel", err)
	}
	addr := strings.TrimSuffix(strings.TrimPrefix(r.url, "http://"), "/hook")
	if c, err := net.DialTimeout("tcp", addr, time.Second); err == nil {
		c.Close()
		t.Fatal("the webhook server still listens after the stop")
	}
}

func TestWebhookRefusedByTelegramIsAnError(t *testing.T) {
	srv := telegramtest.New(t, token)
	srv.Inject(func(c telegramtest.Call) *telegramtest.Reply {
		if c.Method == "setWebhook" {
			return &telegramtest.Reply{Code: 400, Description: "Bad Request: bad webhook: HTTPS url must be provided for webhook"}
		}
		return nil
	})
	r := startWebhook(t, srv)
	var err error
	select {
	case err = <-r.done:
		r.done <- nil // for the cleanup's stop; the error is checked below
	case <-time.After(5 * time.Second):
		t.Fatal("Updates did not end on a refused webhook")
	}
	var se *SendError
	if !errors.As(err, &se) || se.Code != 400 || !strings.Contains(err.Error(), "setWebhook") || !errors.Is(err, ErrWebhookRefused) {
		t.Fatalf("err = %v, want a setWebhook 400", err)
	}
}

func TestLongPollDeletesWebhookFirst(t *testing.T) {
	tests := []struct {
		name  string
		fails bool
	}{
		{"deleteWebhook succeeds", false},
		{"deleteWebhook fails: a warning, and the poll goes on", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := telegramtest.New(t, token)
			if tt.fails {
				srv.Inject(func(c telegramtest.Call) *telegramtest.Reply {
					if c.Method == "deleteWebhook" {
						return &telegramtest.Reply{Code: 502, Description: "Bad Gateway"}
					}
					return nil
				})
			}
			var logs strings.Builder
			tg := newTestTelegram(t, srv, &logs, time.Second)
			srv.SendText(5, "private", 5, "/help")
			pollOne(context.Background(), t, tg)
			calls := srv.Calls("")
			// (the fake does not record getUpdates; the handled update shows the poll ran)
			if len(srv.Calls("deleteWebhook")) != 1 || calls[1].Method != "deleteWebhook" {
				t.Fatalf("calls: want getMe, then deleteWebhook once; got %v", methods(calls))
			}
			if c := srv.Calls("deleteWebhook")[0]; c.Params.Get("drop_pending_updates") == "true" {
				t.Errorf("deleteWebhook dropped pending updates")
			}
			if warned := strings.Contains(logs.String(), "deleteWebhook failed"); warned != tt.fails {
				t.Errorf("warning logged = %v, want %v:\n%s", warned, tt.fails, logs.String())
			}
		})
	}
}

func methods(calls []telegramtest.Call) []string {
	out := make([]string, len(calls))
	for i, c := range calls {
		out[i] = c.Method
	}
	return out
}

func TestWebhookHandlesARepostedUpdateOnce(t *testing.T) {
	r := startWebhook(t, telegramtest.New(t, token))
	r.waitRegistered(t)
	first := `{"update_id":70,"message":{"message_id":7,"date":1700000000,"chat":{"id":42,"type":"private"},"text":"/list"}}`
	second := `{"update_id":71,"message":{"message_id":8,"date":1700000000,"chat":{"id":42,"type":"private"},"text":"/help"}}`
	for _, body := range []string{first, first, second} {
		if code := r.post(t, http.MethodPost, hookSecret, body); code != http.StatusOK {
			t.Fatalf("status %d", code)
		}
	}
	for _, want := range []string{"/list", "/help"} {
		select {
		case in := <-r.got:
			if in.Text != want {
				t.Fatalf("handled %q, want %q (the repost of update 70 must be ignored)", in.Text, want)
			}
		case <-time.After(5 * time.Second):
			t.Fatalf("%s not handled", want)
		}
	}
}

func TestRecentIDsForgetsTheOldest(t *testing.T) {
	var r recentIDs
	for id := 0; id < recentIDsSize; id++ {
		if !r.add(id) {
			t.Fatalf("id %d reported seen", id)
		}
	}
	if r.add(5) {
		t.Fatal("a recent id was not recognised")
	}
	r.add(recentIDsSize) // pushes out id 0
	if !r.add(0) {
		t.Fatal("the oldest id should have been forgotten")
	}
}

// TestWebhookServesARepostOfARefusedUpdate: an update refused with 503
// because the queue stayed full is handled when Telegram posts it again.
func TestWebhookServesARepostOfARefusedUpdate(t *testing.T) {
	srv := telegramtest.New(t, token)
	logs := &rigLogBuffer{}
	w := newLocalWebhook(t, srv, logs)
	w.queueSize, w.queueWait = 1, 50*time.Millisecond
	gate := make(chan struct{})
	got := make(chan string, 10)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		done <- w.Updates(ctx, func(_ context.Context, in Incoming) {
			got <- in.Text
			<-gate // the router is busy with the first update
		})
	}()
	t.Cleanup(func() {
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
	if text := <-got; text != "one" {
		t.Fatalf("handled %q first", text)
	}
	if code := r.post(t, http.MethodPost, hookSecret, body(2, "two")); code != http.StatusOK {
		t.Fatalf("second post (queued): status %d", code)
	}
	if code := r.post(t, http.MethodPost, hookSecret, body(3, "three")); code != http.StatusServiceUnavailable {
		t.Fatalf("third post with the queue full: status %d, want 503", code)
	}
	close(gate)
	if code := r.post(t, http.MethodPost, hookSecret, body(3, "three")); code != http.StatusOK {
		t.Fatalf("repost: status %d", code)
	}
	for _, want := range []string{"two", "three"} {
		select {
		case text := <-got:
			if text != want {
				t.Fatalf("handled %q, want %q", text, want)
			}
		case <-time.After(5 * time.Second):
			t.Fatalf("%q never handled: the repost of a refused update was dropped as a duplicate", want)
		}
	}
}

// TestWebhookStopHandlesWhatItQueued: updates answered 200 and queued when
// the stop comes are handled before Updates returns, with a live context:
// Telegram will not post them again.
func TestWebhookStopHandlesWhatItQueued(t *testing.T) {
	srv := telegramtest.New(t, token)
	tg, err := NewTelegram(context.Background(), TelegramOptions{Token: token, Endpoint: srv.Endpoint(), PollTimeout: time.Second,
		Logger: slog.New(slog.NewTextHandler(&rigLogBuffer{}, nil))})
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	w := NewWebhook(tg, WebhookOptions{URL: "https://bot.example/hook", Secret: hookSecret, Listener: ln})
	gate := make(chan struct{})
	type handled struct {
		text string
		live bool
	}
	got := make(chan handled, 10)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		done <- w.Updates(ctx, func(hctx context.Context, in Incoming) {
			got <- handled{in.Text, hctx.Err() == nil}
			if in.Text == "one" {
				<-gate
			}
		})
	}()
	r := &hookRig{srv: srv, url: "http://" + ln.Addr().String() + "/hook"}
	r.waitRegistered(t)
	for i, text := range []string{"one", "two", "three"} {
		body := fmt.Sprintf(`{"update_id":%d,"message":{"message_id":%d,"date":1700000000,"chat":{"id":42,"type":"private"},"text":%q}}`, i+1, i+1, text)
		if code := r.post(t, http.MethodPost, hookSecret, body); code != http.StatusOK {
			t.Fatalf("post %q: status %d", text, code)
		}
		if i == 0 {
			<-got // "one" is being handled
		}
	}
	cancel()
	close(gate)
	select {
	case err := <-done:
		if err != nil && !errors.Is(err, context.Canceled) {
			t.Errorf("Updates: %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Updates did not return")
	}
	for _, want := range []string{"two", "three"} {
		select {
		case h := <-got:
			if h.text != want || !h.live {
				t.Fatalf("handled %+v, want %q with a live context", h, want)
			}
		default:
			t.Fatalf("%q, answered 200, was never handled", want)
		}
	}
}

// newLocalWebhook is a webhook of a Telegram on srv, logging to logs,
// listening on a free local port with the tests' secret.
func newLocalWebhook(t *testing.T, srv *telegramtest.Server, logs io.Writer) *Webhook {
	t.Helper()
	tg, err := NewTelegram(context.Background(), TelegramOptions{Token: token, Endpoint: srv.Endpoint(), PollTimeout: time.Second,
		Logger: slog.New(slog.NewTextHandler(logs, nil))})
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	return NewWebhook(tg, WebhookOptions{URL: "https://bot.example/hook", Secret: hookSecret, Listener: ln})
}
