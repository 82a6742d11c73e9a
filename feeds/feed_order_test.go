package feeds

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/newshound/newshound/news"
	"github.com/newshound/newshound/store"
)

// orderSink records the titles it was handed, in order.
type orderSink struct {
	mu     sync.Mutex
	titles []string
}

func (s *orderSink) HandleArticles(_ context.Context, arts []news.Article) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, a := range arts {
		s.titles = append(s.titles, a.Title)
	}
	return nil
}

// TestItemsOfTheSameTimeAreAlertedOldestFirst: new items that carry no date
// (dated when fetched) or the same one were stored, and so alerted, in the
// feed's order, which lists the newest first: a chat read the day's news
// backwards. They follow the feed read from its end, unless its dated items
// show that it lists the oldest first.
func TestItemsOfTheSameTimeAreAlertedOldestFirst(t *testing.T) {
	day := testNow.Add(-3 * time.Hour).Format(time.RFC1123Z)
	later := testNow.Add(-2 * time.Hour).Format(time.RFC1123Z)
	tests := []struct {
		name  string
		items [][2]string // title, pubDate ("" = none), in the feed's order
		want  []string
	}{
		{"undated, newest first", [][2]string{{"Third", ""}, {"Second", ""}, {"First", ""}}, []string{"First", "Second", "Third"}},
		{"one date, newest first", [][2]string{{"Third", day}, {"Second", day}, {"First", day}}, []string{"First", "Second", "Third"}},
		{"dated newest first, a tie", [][2]string{{"Third", later}, {"Second", day}, {"First", day}}, []string{"First", "Second", "Third"}},
		{"dated oldest first, a tie", [][2]string{{"First", day}, {"Second", later}, {"Third", later}, {"Fourth", testNow.Add(-time.Hour).Format(time.RFC1123Z)}}, []string{"First", "Second", "Third", "Fourth"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ctx := context.Background()
			var body atomic.Value
			body.Store(`<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title></channel></rss>`)
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Content-Type", "application/rss+xml")
				fmt.Fprint(w, body.Load().(string))
			}))
			defer srv.Close()
			st, err := store.Open(ctx, filepath.Join(t.TempDir(), "order.db"), func() time.Time { return testNow })
			if err != nil {
				t.Fatal(err)
			}
			defer st.Close()
			if _, err := st.UpsertSource(ctx, "Wire", srv.URL+"/feed", news.OriginConfig); err != nil {
				t.Fatal(err)
			}
			sink := &orderSink{}
			p, err := NewPoller(Options{Schedule: "@every 1h", MaxAge: 48 * time.Hour, Concurrency: 1,
				Fetcher: newTestFetcher(1<<20, 5*time.Second), Store: st, Sink: sink,
				Logger: slog.New(slog.DiscardHandler), Now: func() time.Time { return testNow }})
			if err != nil {
				t.Fatal(err)
			}
			if err := p.PollOnce(ctx); err != nil { // the first fetch: nothing to alert
				t.Fatal(err)
			}
			var b strings.Builder
			b.WriteString(`<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>`)
			for _, it := range tc.items {
				date := ""
				if it[1] != "" {
					date = "<pubDate>" + it[1] + "</pubDate>"
				}
				fmt.Fprintf(&b, `<item><title>%s</title><guid>%s</guid><link>%s/%s</link>%s<description>The %s report of the day, told in full in the feed itself.</description></item>`,
					it[0], it[0], srv.URL, it[0], date, it[0])
			}
			b.WriteString(`</channel></rss>`)
			body.Store(b.String())
			if err := p.PollOnce(ctx); err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(sink.titles, tc.want) {
				t.Errorf("alerted in the order %q, want %q", sink.titles, tc.want)
			}
		})
	}
}
