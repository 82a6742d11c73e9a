package websub

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/newshound/newshound/feeds"
	"github.com/newshound/newshound/internal/feedtest"
	"github.com/newshound/newshound/internal/testkit"
	"github.com/newshound/newshound/news"
	"github.com/newshound/newshound/store"
)

var testNow = time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)

// testHub is a local WebSub hub: it records each request and, when verify
// is set, verifies it at once (before answering, as some hubs do) by a GET
// to the callback with a fresh challenge, granting lease.
type testHub struct {
	*httptest.Server
	mu       sync.Mutex
	requests []url.Values
	verify   bool
	lease    string // hub.lease_seconds granted; "" = what was asked
	status   int    // the answer to a request; 0 = 202
	verified []url.Values
	failures []string // verifications the callback did not answer right
}

func newTestHub(t *testing.T, verify bool) *testHub {
	h := &testHub{verify: verify}
	h.Server = httptest.NewServer(http.HandlerFunc(h.serve))
	t.Cleanup(h.Close)
	return h
}

func (h *testHub) serve(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil || r.Method != http.MethodPost {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	h.mu.Lock()
	h.requests = append(h.requests, r.PostForm)
	verify, lease, status := h.verify, h.lease, h.status
	h.mu.Unlock()
	if status != 0 {
		http.Error(w, "hub is unhappy", status)
		return
	}
	if verify {
		if lease == "" {
			lease = r.PostForm.Get("hub.lease_seconds")
		}
		if err := h.verifyRequest(r.PostForm, lease); err != "" {
			h.mu.Lock()
			h.failures = append(h.failures, err)
			h.mu.Unlock()
		}
	}
	w.WriteHeader(http.StatusAccepted)
}

// verifyRequest asks the callback to confirm a request; "" when it did.
func (h *testHub) verifyRequest(form url.Values, lease string) string {
	challenge := rand.Text()
	q := url.Values{"hub.mode": {form.Get("hub.mode")}, "hub.topic": {form.Get("hub.topic")}, "hub.challenge": {challenge}}
	if form.Get("hub.mode") == "subscribe" {
		q.Set("hub.lease_seconds", lease)
	}
	resp, err := http.Get(form.Get("hub.callback") + "?" + q.Encode())
	if err != nil {
		return err.Error()
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusOK || string(body) != challenge {
		return resp.Status + " " + string(body)
	}
	h.mu.Lock()
	h.verified = append(h.verified, form)
	h.mu.Unlock()
	return ""
}

func (h *testHub) count() int { h.mu.Lock(); defer h.mu.Unlock(); return len(h.requests) }

func (h *testHub) request(i int) url.Values { h.mu.Lock(); defer h.mu.Unlock(); return h.requests[i] }

// sign is the X-Hub-Signature of body with secret, by sha256.
func sign(secret string, body []byte) string {
	mac := hmac.New(sha256.New, []byte(secret))
	mac.Write(body)
	return "sha256=" + hex.EncodeToString(mac.Sum(nil))
}

// post pushes body to callback with the signature header sig ("" = none)
// and returns the answer's status.
func post(t *testing.T, callback, sig string, body []byte) int {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, callback, bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/rss+xml")
	if sig != "" {
		req.Header.Set("X-Hub-Signature", sig)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	return resp.StatusCode
}

// logBuffer collects log lines, safe for concurrent writers.
type logBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *logBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}
func (l *logBuffer) count(s string) int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return strings.Count(l.b.String(), s)
}

// chanSink hands every alertable article over on a channel.
type chanSink chan news.Article

func (c chanSink) HandleArticles(ctx context.Context, arts []news.Article) error {
	for _, a := range arts {
		select {
		case c <- a:
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	return nil
}

// rig is a source whose feed names the local hub, the real poller and
// store, and the service with its callbacks served on a local server.
type rig struct {
	t      *testing.T
	path   string
	st     *store.Store
	clock  *testkit.Clock
	hub    *testHub
	feed   *feedtest.Server
	src    news.Source
	poller *feeds.Poller
	svc    *Service
	cb     *httptest.Server
	sink   chanSink
	logs   *logBuffer
}

// feedWithHub is a fixture RSS feed naming hub, with self as its topic.
func feedWithHub(t *testing.T, fixture, hub, self string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "testdata", "feeds", fixture))
	if err != nil {
		t.Fatal(err)
	}
	return []byte(strings.Replace(string(b), `<rss version="2.0">
  <channel>`, `<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
  <channel><atom:link rel="hub" href="`+hub+`"/><atom:link rel="self" href="`+self+`"/>`, 1))
}

const testTopic = "https://news.example.org/world.xml"

func newRig(t *testing.T, verify bool) *rig {
	t.Helper()
	r := &rig{t: t, path: filepath.Join(t.TempDir(), "websub.db"), clock: testkit.NewClock(testNow), hub: newTestHub(t, verify),
		sink: make(chanSink, 16), logs: &logBuffer{}}
	r.st = testkit.OpenStoreAt(t, r.path, r.clock.Now)
	r.feed = feedtest.New(t, "../testdata/feeds/world-v1.xml", "application/rss+xml")
	r.feed.Set(feedWithHub(t, "world-v1.xml", r.hub.URL, testTopic), "application/rss+xml")
	r.src = testkit.UpsertSource(t, r.st, "World", r.feed.URL, news.OriginConfig)
	r.start()
	return r
}

// start builds the poller and the service on the rig's store, the
// callbacks served on a new local server.
func (r *rig) start() {
	r.t.Helper()
	log := slog.New(slog.NewTextHandler(r.logs, &slog.HandlerOptions{Level: slog.LevelInfo}))
	mux := http.NewServeMux()
	r.cb = httptest.NewServer(mux)
	r.t.Cleanup(r.cb.Close)
	var poller *feeds.Poller
	svc, err := New(Options{Store: r.st, PublicURL: r.cb.URL, Client: r.hub.Client(), MaxBytes: 64 << 10, Logger: log, Now: r.clock.Now,
		Pusher: PusherFunc(func(ctx context.Context, src news.Source, body []byte) (int, error) {
			return poller.Push(ctx, src, body)
		})})
	if err != nil {
		r.t.Fatal(err)
	}
	if err := svc.Load(context.Background()); err != nil {
		r.t.Fatal(err)
	}
	poller, err = feeds.NewPoller(feeds.Options{Schedule: "@every 2m", MaxInterval: 30 * time.Minute, MaxAge: 48 * time.Hour,
		Fetcher: feeds.NewFetcher(feeds.FetcherOptions{Timeout: 5 * time.Second, MaxBytes: 1 << 20}),
		Store:   r.st, Sink: r.sink, Logger: log, Now: r.clock.Now, Hubs: svc})
	if err != nil {
		r.t.Fatal(err)
	}
	mux.Handle(Prefix, svc.Handler())
	r.svc, r.poller = svc, poller
}

func (r *rig) poll() {
	r.t.Helper()
	if err := r.poller.PollOnce(context.Background()); err != nil {
		r.t.Fatal(err)
	}
}

func (r *rig) maintain() {
	r.t.Helper()
	if _, err := r.svc.Maintain(context.Background()); err != nil {
		r.t.Fatal(err)
	}
}

// subscription returns the source's one stored subscription.
func (r *rig) subscription() news.HubSubscription {
	r.t.Helper()
	all, err := r.st.ListHubSubscriptions(context.Background())
	if err != nil {
		r.t.Fatal(err)
	}
	if len(all) != 1 {
		r.t.Fatalf("%d subscriptions stored, want 1: %+v", len(all), all)
	}
	return all[0]
}

// subscribed polls the source once (its first fetch: the backlog), sends
// the subscription and checks the hub verified it.
func (r *rig) subscribed() news.HubSubscription {
	r.t.Helper()
	r.poll()
	r.maintain()
	h := r.subscription()
	if h.State != news.HubActive || !r.svc.Pushed(r.src.ID) {
		r.t.Fatalf("after the hub's verification: %+v (hub failures %q)", h, r.hub.failures)
	}
	return h
}

// signWith is the X-Hub-Signature of body with secret by method.
func signWith(method, secret string, body []byte) string { return fuzzSign(method, secret, body) }
