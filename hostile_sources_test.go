package main

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/newshound/newshound/internal/feedtest"
	"github.com/newshound/newshound/internal/telegramtest"
	"github.com/newshound/newshound/internal/testkit"
	"github.com/newshound/newshound/news"
)

// hostileMaxBytes is poller.max_bytes in the hostile-sources test: small,
// so that the bomb, the endless feed and the huge one reach it at once.
const hostileMaxBytes = 256 << 10

// hostile is a misbehaving news site: its requests counted, and those that
// began and have not ended yet.
type hostile struct {
	name             string
	srv              *httptest.Server
	started, running atomic.Int32
	slow             bool // its fetch never ends within the test: it holds a worker
}

// newHostile serves handle, counting its requests.
func newHostile(t *testing.T, name string, slow bool, handle http.HandlerFunc) *hostile {
	t.Helper()
	h := &hostile{name: name, slow: slow}
	h.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h.started.Add(1)
		h.running.Add(1)
		defer h.running.Add(-1)
		handle(w, r)
	}))
	t.Cleanup(h.srv.Close)
	return h
}

// hostileSites are ten sources that misbehave every way a fetcher meets:
// two never end their answer until release is closed or the fetch is
// given up; the others fail at once, each its own way.
func hostileSites(t *testing.T, release <-chan struct{}) []*hostile {
	t.Helper()
	var bomb bytes.Buffer
	zw, err := gzip.NewWriterLevel(&bomb, gzip.BestSpeed)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := zw.Write(bytes.Repeat([]byte(" "), 8*hostileMaxBytes)); err != nil { // 2 MB of blanks in a few KB
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	rss := func(w http.ResponseWriter) { w.Header().Set("Content-Type", "application/rss+xml") }
	return []*hostile{
		newHostile(t, "Byte a second", true, func(w http.ResponseWriter, r *http.Request) {
			rss(w)
			tick := time.NewTicker(time.Second)
			defer tick.Stop()
			for _, b := range []byte(strings.Repeat(`<?xml version="1.0"?><rss version="2.0">`, 100)) {
				if _, err := w.Write([]byte{b}); err != nil {
					return
				}
				w.(http.Flusher).Flush()
				select {
				case <-tick.C:
				case <-release:
					return
				case <-r.Context().Done():
					return
				}
			}
		}),
		newHostile(t, "Hangs", true, func(w http.ResponseWriter, r *http.Request) {
			select { // a minute and more: until the test has seen what it waits for
			case <-release:
			case <-r.Context().Done():
			}
		}),
		newHostile(t, "Gzip bomb", false, func(w http.ResponseWriter, r *http.Request) {
			rss(w)
			w.Header().Set("Content-Encoding", "gzip")
			w.Write(bomb.Bytes())
		}),
		newHostile(t, "Redirect loop", false, func(w http.ResponseWriter, r *http.Request) {
			http.Redirect(w, r, r.URL.Path, http.StatusFound)
		}),
		newHostile(t, "Endless", false, func(w http.ResponseWriter, r *http.Request) {
			rss(w)
			fmt.Fprint(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Endless</title>`)
			for i := 0; r.Context().Err() == nil; i++ {
				if _, err := fmt.Fprintf(w, `<item><title>Item %d</title><guid>e%d</guid></item>`, i, i); err != nil {
					return
				}
			}
		}),
		newHostile(t, "Huge", false, func(w http.ResponseWriter, r *http.Request) {
			rss(w)
			w.Header().Set("Content-Length", strconv.Itoa(50*hostileMaxBytes))
			w.Write(bytes.Repeat([]byte(" "), 64<<10))
		}),
		newHostile(t, "Server error", false, func(w http.ResponseWriter, r *http.Request) {
			http.Error(w, "boom", http.StatusInternalServerError)
		}),
		newHostile(t, "Too many requests", false, func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Retry-After", "3600")
			http.Error(w, "slow down", http.StatusTooManyRequests)
		}),
		newHostile(t, "Invalid XML", false, func(w http.ResponseWriter, r *http.Request) {
			rss(w)
			fmt.Fprint(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Broken</title><item><title>Unclosed <b>tag</item></rss`)
		}),
		newHostile(t, "Connection reset", false, func(w http.ResponseWriter, r *http.Request) {
			conn, _, err := w.(http.Hijacker).Hijack()
			if err != nil {
				return
			}
			if tcp, ok := conn.(*net.TCPConn); ok {
				tcp.SetLinger(0) // close with a RST
			}
			conn.Close()
		}),
	}
}

// lighthouseFeed is the healthy source's feed: the reports added so far,
// each published when added.
type lighthouseFeed struct {
	*feedtest.Server
	mu    sync.Mutex
	items []string
}

// add publishes report n (n < 100) and returns its title.
func (f *lighthouseFeed) add(n int, at time.Time) string {
	f.mu.Lock()
	defer f.mu.Unlock()
	title := fmt.Sprintf("Lighthouse report %d near %s", n, placeName(n, n%10))
	slug := strconv.Itoa(n)
	f.items = append(f.items, fmt.Sprintf(`<item><title>%s</title><link>https://lighthouse.example/%s</link><guid>lh-%s</guid><pubDate>%s</pubDate><description>%s</description></item>`,
		title, slug, slug, at.Format(time.RFC1123Z), distinctText(title)))
	f.Set([]byte(`<?xml version="1.0"?><rss version="2.0"><channel><title>Lighthouse News</title>`+strings.Join(f.items, "")+`</channel></rss>`), "application/rss+xml")
	return title
}

// TestHostileSourcesDelayNoAlert is issue 12's trial: ten sources that
// misbehave (a byte a second, a gzip bomb, a redirect loop, an endless
// feed, one that hangs, one past poller.max_bytes, a 500, a 429 with
// Retry-After, invalid XML, a reset connection) beside a healthy source
// polled @every 2s, through the real poller, store, subscriptions and the
// fake Telegram. Every new report of the healthy source is alerted while
// the hanging and the byte-a-second fetches are still in progress: they
// end only when the test releases them, after the last alert. No time is
// asserted: the order of events is.
func TestHostileSourcesDelayNoAlert(t *testing.T) {
	const rounds = 5
	tg := telegramtest.New(t, testToken)
	release := make(chan struct{})
	sites := hostileSites(t, release)
	feed := &lighthouseFeed{Server: feedtest.New(t, "testdata/feeds/world-v1.xml", "application/rss+xml")}
	base, began := time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC), time.Now()
	now := func() time.Time { return base.Add(time.Since(began)) }
	feed.add(0, now()) // the backlog, stored at the first fetch without an alert
	var released sync.Once
	t.Cleanup(func() { released.Do(func() { close(release) }) }) // before the servers close: their handlers return

	var cfg strings.Builder
	fmt.Fprintf(&cfg, "[telegram]\ntoken = %q\napi_endpoint = %q\npoll_timeout = \"1s\"\n", testToken, tg.Endpoint())
	fmt.Fprintf(&cfg, "[storage]\npath = \"{{db}}\"\n")
	// The fetch timeout outlasts the test: the slow fetches hold their
	// workers throughout. concurrency 4: two held, two for eleven sources.
	fmt.Fprintf(&cfg, "[poller]\nschedule = \"@every 2s\"\ntimeout = \"5m\"\nmax_bytes = %d\nconcurrency = 4\n", hostileMaxBytes)
	fmt.Fprintf(&cfg, "[[sources]]\nname = \"Lighthouse News\"\nurl = %q\n", feed.URL+"/feed.xml")
	for _, h := range sites {
		fmt.Fprintf(&cfg, "[[sources]]\nname = %q\nurl = %q\n", h.name, h.srv.URL+"/feed.xml")
	}
	a := startApp(t, cfg.String(), now)

	// Every hostile source has been met: the slow ones are in progress, the
	// others have failed (and back off). The healthy one has been fetched.
	byURL := func() map[string]news.Source {
		out := map[string]news.Source{}
		for _, s := range testkit.ListSources(t, a.parts.Store) {
			out[s.URL] = s
		}
		return out
	}
	testkit.WaitFor(t, "every source fetched or in progress", func() bool {
		srcs := byURL()
		if srcs[feed.URL+"/feed.xml"].Fetches < 1 {
			return false
		}
		for _, h := range sites {
			if h.slow && h.running.Load() == 0 || !h.slow && srcs[h.srv.URL+"/feed.xml"].Failures == 0 {
				return false
			}
		}
		return true
	})
	for _, h := range sites {
		if s := byURL()[h.srv.URL+"/feed.xml"]; !h.slow && s.Fetches != 0 {
			t.Errorf("%s: %d successful fetches, want none (last error %q)", h.name, s.Fetches, s.LastError)
		}
	}

	const chat = 7301
	tg.SendText(chat, "private", 9, "/subscribe lighthouse")
	if got := tg.WaitSent(t, chat, 1, 10*time.Second)[0].Text(); !strings.Contains(got, "Subscribed") {
		t.Fatalf("subscribe reply = %q", got)
	}

	for n := 1; n <= rounds; n++ {
		title := feed.add(n, now())
		sent := tg.WaitSent(t, chat, 1+n, testkit.WaitTimeout)
		if got := sent[n].Text(); !strings.Contains(got, title) {
			t.Fatalf("round %d: message %q, want the alert for %q", n, got, title)
		}
		for _, h := range sites {
			if h.slow && (h.started.Load() != 1 || h.running.Load() != 1) {
				t.Fatalf("round %d: %s has %d fetches begun, %d in progress; want its first still in progress when the alert arrived",
					n, h.name, h.started.Load(), h.running.Load())
			}
		}
	}
	released.Do(func() { close(release) })
	a.stop()
	if got := tg.Sent(chat); len(got) != 1+rounds {
		t.Errorf("%d messages to the chat, want the reply and %d alerts", len(got), rounds)
	}
}
