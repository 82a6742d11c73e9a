package feeds

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/newshound/newshound/internal/testkit"
	"github.com/newshound/newshound/news"
	"github.com/newshound/newshound/store"
	"github.com/newshound/newshound/summarize"
)

// teaserSite is a feed of teasers whose bodies can be changed.
type teaserSite struct {
	srv  *httptest.Server
	body atomic.Value
	gate atomic.Value // a chan struct{} each request waits for, when set
}

func newTeaserSite(t *testing.T) *teaserSite {
	t.Helper()
	s := &teaserSite{}
	s.set(t, testNow)
	s.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if gate, ok := s.gate.Load().(chan struct{}); ok {
			select {
			case <-gate:
			case <-r.Context().Done():
				return
			}
		}
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, s.body.Load().(string))
	}))
	t.Cleanup(s.srv.Close)
	return s
}

// set makes the feed carry teasers with these titles, dated an hour before now.
func (s *teaserSite) set(t *testing.T, now time.Time, titles ...string) {
	t.Helper()
	var b strings.Builder
	b.WriteString(`<?xml version="1.0"?><rss version="2.0"><channel><title>Site</title>`)
	for i, title := range titles {
		slug := strings.ReplaceAll(strings.ToLower(title), " ", "-")
		base := ""
		if s.srv != nil {
			base = s.srv.URL
		}
		fmt.Fprintf(&b, `<item><title>%s</title><link>%s/page/%s</link><guid>%s</guid><pubDate>%s</pubDate><description>%s… Read more</description></item>`,
			title, base, slug, slug, now.Add(-time.Hour+time.Duration(i)*time.Minute).Format(time.RFC1123Z), title)
	}
	b.WriteString(`</channel></rss>`)
	s.body.Store(b.String())
}

// stuckPages answers the pages of one host after release closes (or the
// fetch is given up), every other page at once.
type stuckPages struct {
	host     string
	release  chan struct{}
	inFlight atomic.Int32
}

func (p *stuckPages) Fetch(ctx context.Context, pageURL string) (ArticlePage, error) {
	if strings.HasPrefix(pageURL, p.host) {
		p.inFlight.Add(1)
		defer p.inFlight.Add(-1)
		select {
		case <-p.release:
		case <-ctx.Done():
			return ArticlePage{}, ctx.Err()
		}
	}
	return ArticlePage{Text: strings.Repeat("The full story of the article page, with many more words than the teaser. ", 20)}, nil
}

// titleSink records the titles of the articles it was handed.
type titleSink struct {
	mu     sync.Mutex
	titles map[string]int
}

func (s *titleSink) HandleArticles(_ context.Context, arts []news.Article) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, a := range arts {
		s.titles[a.Title]++
	}
	return nil
}

func (s *titleSink) got(title string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.titles[title]
}

// TestStuckArticlePagesOfOneSourceDelayNoOtherSourcesAlert: with full text
// on, Run's finisher fetched the pages of every pending teaser and waited
// for all of them before it matched any article: a site whose article pages
// hang (each up to the page timeout, Concurrency at a time) held back every
// other source's alerts until the last of its pages gave up, a minute and
// more for a few teasers. Pages are fetched in the background now, one
// source in at most half the slots, and another source's alert is matched
// while the stuck pages still hang; they are matched once they answer.
func TestStuckArticlePagesOfOneSourceDelayNoOtherSourcesAlert(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "slow.db"), func() time.Time { return testNow })
	if err != nil {
		t.Fatal(err)
	}
	st.SetLogger(slog.New(slog.DiscardHandler))
	t.Cleanup(func() { st.Close() })
	slow, fast := newTeaserSite(t), newTeaserSite(t)
	slow.set(t, testNow, "Slow backlog")
	fast.set(t, testNow, "Fast backlog")
	for _, s := range []struct {
		name string
		site *teaserSite
	}{{"Slow", slow}, {"Fast", fast}} {
		if _, err := st.UpsertSource(ctx, s.name, s.site.srv.URL+"/feed", news.OriginConfig); err != nil {
			t.Fatal(err)
		}
	}
	pages := &stuckPages{host: slow.srv.URL, release: make(chan struct{})}
	sink := &titleSink{titles: map[string]int{}}
	sum, err := summarize.New(summarize.Options{Sentences: 2, MaxChars: 400})
	if err != nil {
		t.Fatal(err)
	}
	p, err := NewPoller(Options{Schedule: "@every 1h", MaxAge: 48 * time.Hour, Concurrency: 2,
		Fetcher: newTestFetcher(1<<20, 5*time.Second), Store: st, Sink: sink, Summarizer: sum, Pages: pages,
		Logger: slog.New(slog.DiscardHandler), Now: func() time.Time { return testNow }})
	if err != nil {
		t.Fatal(err)
	}
	if err := p.PollOnce(ctx); err != nil { // the backlogs: stored, not alerted
		t.Fatal(err)
	}
	slowTitles := []string{"Slow one", "Slow two", "Slow three", "Slow four", "Slow five"}
	slow.set(t, testNow, append([]string{"Slow backlog"}, slowTitles...)...)
	// The fast source's news is fetched once the slow pages hang.
	fast.set(t, testNow, "Fast backlog", "Fast news")
	gate := make(chan struct{})
	fast.gate.Store(gate)
	ran := make(chan error, 1)
	go func() { ran <- p.Run(ctx) }()
	testkit.WaitFor(t, "the slow site's pages in flight", func() bool { return pages.inFlight.Load() >= 1 })

	close(gate)
	testkit.WaitFor(t, "the fast source's alert while the slow pages hang", func() bool { return sink.got("Fast news") == 1 })
	if pages.inFlight.Load() == 0 {
		t.Fatal("the slow pages stopped hanging before the fast alert: the test proves nothing")
	}
	for _, title := range slowTitles {
		if n := sink.got(title); n != 0 {
			t.Errorf("%q matched %d times before its page answered", title, n)
		}
	}
	close(pages.release)
	testkit.WaitFor(t, "every slow article matched once its page answered", func() bool {
		for _, title := range slowTitles {
			if sink.got(title) != 1 {
				return false
			}
		}
		return true
	})
	cancel()
	if err := <-ran; err != nil {
		t.Fatal(err)
	}
	for _, title := range append(slowTitles, "Fast news") {
		if n := sink.got(title); n != 1 {
			t.Errorf("%q matched %d times, want 1", title, n)
		}
	}
}
