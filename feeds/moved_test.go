package feeds

import (
	"context"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/newshound/newshound/internal/testkit"
	"github.com/newshound/newshound/summarize"
)

// A feed that moved for good (301 or 308 all the way) is fetched at its new
// address and logged once, naming it; a temporary redirect on the way is
// no move.
func TestAFeedThatMovedIsLoggedOnce(t *testing.T) {
	body, err := os.ReadFile("../testdata/feeds/world-v1.xml")
	if err != nil {
		t.Fatal(err)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/feed.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Write(body)
	})
	mux.Handle("/old", http.RedirectHandler("/older", http.StatusMovedPermanently))
	mux.Handle("/older", http.RedirectHandler("/feed.xml", http.StatusPermanentRedirect))
	mux.Handle("/for-now", http.RedirectHandler("/older", http.StatusFound))
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)

	f := newTestFetcher(1<<20, 2*time.Second)
	for path, want := range map[string]string{"/old": srv.URL + "/feed.xml", "/for-now": "", "/feed.xml": ""} {
		resp, err := f.Fetch(context.Background(), srv.URL+path, "", "")
		if err != nil || resp.MovedTo != want {
			t.Errorf("Fetch %s: MovedTo %q, %v; want %q", path, resp.MovedTo, err, want)
		}
	}

	st := testkit.OpenStore(t, func() time.Time { return testNow })
	testkit.UpsertSource(t, st, "Moved", srv.URL+"/old", "config")
	testkit.UpsertSource(t, st, "Elsewhere for now", srv.URL+"/for-now", "chat")
	sum, err := summarize.New(summarize.Options{Sentences: 3, MaxChars: 600})
	if err != nil {
		t.Fatal(err)
	}
	var logs lockedBuffer
	p, err := NewPoller(Options{Schedule: "@every 1h", MaxAge: 48 * time.Hour, Fetcher: f, Store: st, Sink: &recordingSink{}, Summarizer: sum,
		Logger: slog.New(slog.NewTextHandler(&logs, nil)), Now: func() time.Time { return testNow }})
	if err != nil {
		t.Fatal(err)
	}
	mustPoll(t, p)
	mustPoll(t, p)
	got := logs.String()
	if n := strings.Count(got, "the feed moved permanently"); n != 1 || !strings.Contains(got, "moved_to="+srv.URL+"/feed.xml") ||
		!strings.Contains(got, "source=Moved") || !strings.Contains(got, "configuration's [[sources]]") {
		t.Errorf("%d lines about the move, want 1 naming the source and its new address:\n%s", n, got)
	}
	srcs, err := st.ListSources(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range srcs {
		want := ""
		if s.Name == "Moved" {
			want = srv.URL + "/feed.xml"
		}
		if got := p.MovedTo(s.ID); got != want {
			t.Errorf("MovedTo(%s) = %q, want %q", s.Name, got, want)
		}
	}
}

// A move is kept through Moves: a new poller on the same database knows it
// before its first fetch, and a fetch that meets no redirect any more
// forgets it, there too.
func TestAMoveIsKeptAcrossPollers(t *testing.T) {
	body, err := os.ReadFile("../testdata/feeds/world-v1.xml")
	if err != nil {
		t.Fatal(err)
	}
	var moved atomic.Bool
	moved.Store(true)
	mux := http.NewServeMux()
	mux.HandleFunc("/feed.xml", func(w http.ResponseWriter, r *http.Request) {
		if moved.Load() {
			http.Redirect(w, r, "/new.xml", http.StatusPermanentRedirect)
			return
		}
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Write(body)
	})
	mux.HandleFunc("/new.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Write(body)
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	st := testkit.OpenStore(t, func() time.Time { return testNow })
	src := testkit.UpsertSource(t, st, "Moving", srv.URL+"/feed.xml", "config")
	sum, err := summarize.New(summarize.Options{Sentences: 3, MaxChars: 600})
	if err != nil {
		t.Fatal(err)
	}
	newPoller := func() *Poller {
		t.Helper()
		p, err := NewPoller(Options{Schedule: "@every 1h", MaxAge: 48 * time.Hour, Fetcher: newTestFetcher(1<<20, 2*time.Second), Store: st,
			Sink: &recordingSink{}, Summarizer: sum, Moves: st, Now: func() time.Time { return testNow }})
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
	p := newPoller()
	mustPoll(t, p)
	if got, want := p.MovedTo(src.ID), srv.URL+"/new.xml"; got != want {
		t.Fatalf("MovedTo after the fetch = %q, want %q", got, want)
	}
	p = newPoller()
	p.loadMoved(context.Background()) // what Run does first
	if got, want := p.MovedTo(src.ID), srv.URL+"/new.xml"; got != want {
		t.Errorf("MovedTo of a new poller before its fetch = %q, want %q (kept)", got, want)
	}
	moved.Store(false)
	mustPoll(t, p)
	if got := p.MovedTo(src.ID); got != "" {
		t.Errorf("MovedTo after a fetch without redirect = %q, want none", got)
	}
	p = newPoller()
	p.loadMoved(context.Background())
	if got := p.MovedTo(src.ID); got != "" {
		t.Errorf("MovedTo of a new poller after the feed came back = %q, want none", got)
	}
}

// A stop while the poller reads the moved feeds (a quick Ctrl-D, a SIGTERM
// at start) logs nothing: it logged "read the feeds that moved ...: context
// canceled", a warning at every such stop.
func TestAStopWhileReadingMovesLogsNothing(t *testing.T) {
	st := testkit.OpenStore(t, func() time.Time { return testNow })
	sum, err := summarize.New(summarize.Options{Sentences: 3, MaxChars: 600})
	if err != nil {
		t.Fatal(err)
	}
	var logs lockedBuffer
	p, err := NewPoller(Options{Schedule: "@every 1h", MaxAge: 48 * time.Hour, Fetcher: newTestFetcher(1<<20, 2*time.Second), Store: st,
		Sink: &recordingSink{}, Summarizer: sum, Moves: st, Now: func() time.Time { return testNow }, Logger: slog.New(slog.NewTextHandler(&logs, nil))})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	p.loadMoved(ctx)
	if s := logs.String(); strings.Contains(s, "moved") {
		t.Errorf("a stop logged: %s", s)
	}
}
