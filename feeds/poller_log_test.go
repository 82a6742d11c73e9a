package feeds

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/newshound/newshound/internal/feedtest"
	"github.com/newshound/newshound/internal/testkit"
	"github.com/newshound/newshound/news"
	"github.com/newshound/newshound/store"
	"github.com/newshound/newshound/summarize"
)

// refusingStore is the store refusing every write of a fetch, as on a full
// disk.
type refusingStore struct {
	*store.Store
	refused atomic.Int64
}

var errFull = errors.New("database or disk is full")

func (r *refusingStore) StoreFeedItemsFinished(context.Context, int64, []news.Article, func(int, *news.Article) bool) ([]news.Article, error) {
	r.refused.Add(1)
	return nil, errFull
}

func (r *refusingStore) RecordFetch(context.Context, int64, news.FetchResult) error {
	r.refused.Add(1)
	return errFull
}

// lockedBuffer collects log lines from several goroutines.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// 100 sources fetched while the database refuses writes: their 200 failed
// writes (the items, the fetch's record) within a minute log one line; the
// first failure a minute later logs the next, with the count held back.
func TestRefusedWritesLoggedOncePerMinute(t *testing.T) {
	clock := testkit.NewClock(testNow)
	st := testkit.OpenStore(t, clock.Now)
	feed := feedtest.New(t, "../testdata/feeds/world-v1.xml", "application/rss+xml")
	for i := range 100 {
		testkit.UpsertSource(t, st, fmt.Sprintf("World %d", i), fmt.Sprintf("%s?edition=%d", feed.URL, i), "config")
	}
	sum, err := summarize.New(summarize.Options{Sentences: 3, MaxChars: 600})
	if err != nil {
		t.Fatal(err)
	}
	var logs lockedBuffer
	refusing := &refusingStore{Store: st}
	p, err := NewPoller(Options{
		Schedule: "@every 1h", MaxAge: 48 * time.Hour, Concurrency: 4,
		Fetcher: newTestFetcher(1<<20, 2*time.Second), Store: refusing, Sink: &recordingSink{}, Summarizer: sum,
		Logger: slog.New(slog.NewTextHandler(&logs, nil)), Now: clock.Now,
		StoreFix: func(err error) string {
			if errors.Is(err, errFull) {
				return "free space in /data"
			}
			return ""
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	failures := func() int {
		s := logs.String()
		return strings.Count(s, `msg="fetch failed"`) + strings.Count(s, `msg="record fetch"`)
	}
	mustPoll(t, p)
	if n := refusing.refused.Load(); n != 200 || failures() != 1 {
		t.Fatalf("%d refused writes in one poll logged %d lines, want 200 and 1:\n%s", n, failures(), logs.String())
	}
	if !strings.Contains(logs.String(), "database or disk is full") {
		t.Fatalf("the line does not say why:\n%s", logs.String())
	}
	// The source is not at fault: the line says the database's failure is
	// the cause, names no count of the source's failures, and names the fix
	// Options.StoreFix gives.
	if line := logs.String(); !strings.Contains(line, "cause=") || !strings.Contains(line, "fix=\"free space in /data\"") || strings.Contains(line, "failures=") {
		t.Fatalf("the line does not name the database as the cause and its fix:\n%s", line)
	}
	clock.Advance(time.Minute)
	mustPoll(t, p) // nothing was recorded: every source is due again
	if failures() != 2 || !strings.Contains(logs.String(), "suppressed_since_last_log=199") {
		t.Fatalf("a minute later: %d lines, want 2, the second with the 199 held back:\n%s", failures(), logs.String())
	}
}
