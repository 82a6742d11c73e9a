package feeds

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/newshound/newshound/internal/testkit"
	"github.com/newshound/newshound/news"
)

// heldTransport answers every request with body, the first only once
// release is closed; started is closed when that first request came.
type heldTransport struct {
	body             string
	started, release chan struct{}
	first            chan struct{} // one token: taken by the first request
}

func (h heldTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	select {
	case <-h.first:
		close(h.started)
		select {
		case <-h.release:
		case <-r.Context().Done():
			return nil, r.Context().Err()
		}
	default:
	}
	return &http.Response{StatusCode: http.StatusOK, Header: http.Header{"Content-Type": {"application/rss+xml"}},
		Body: io.NopCloser(strings.NewReader(h.body)), Request: r}, nil
}

// A look at the store's sources while one of them is being fetched leaves
// the fetch's source alone (the race detector watches: the worker reads
// it meanwhile), and the fetch, once done, is recorded.
func TestRunLooksAtSourcesWhileOneIsFetched(t *testing.T) {
	ctx := context.Background()
	clock := movingClock()
	st := &listCounter{Store: testkit.OpenStore(t, clock)}
	src := testkit.UpsertSource(t, st.Store, "World", "https://world.example/feed", news.OriginConfig)
	tr := heldTransport{body: mustRead(t, "../testdata/feeds/world-v1.xml"), started: make(chan struct{}), release: make(chan struct{}), first: make(chan struct{}, 1)}
	tr.first <- struct{}{}
	watch := fetchWatch{fetched: make(chan string, 16)}
	p, err := NewPoller(Options{Schedule: "@every 1s", MaxAge: 48 * time.Hour, Concurrency: 2,
		MinInterval: time.Hour, MaxInterval: time.Hour, Fetcher: NewFetcher(FetcherOptions{MaxBytes: 1 << 20, Transport: tr}),
		Store: st, Now: clock, Observer: watch, Logger: slog.New(slog.DiscardHandler), Rand: func() float64 { return 0 }})
	if err != nil {
		t.Fatal(err)
	}
	runCtx, cancel := context.WithCancel(ctx)
	stopped := make(chan error)
	go func() { stopped <- p.Run(runCtx) }()
	t.Cleanup(func() {
		cancel()
		if err := <-stopped; err != nil {
			t.Errorf("Run: %v", err)
		}
	})
	testkit.Receive(t, "the first fetch", tr.started)
	looks := st.lists.Load()
	testkit.WaitFor(t, "a look at the sources during the fetch", func() bool { return st.lists.Load() > looks })
	close(tr.release)
	waitFetch(t, watch, "ok")
	testkit.WaitFor(t, "the fetch recorded", func() bool {
		s, err := st.FindSource(ctx, src.ID)
		return err == nil && s.Fetches == 1
	})
}
