package feeds

import (
	"context"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/newshound/newshound/internal/feedtest"
	"github.com/newshound/newshound/internal/testkit"
	"github.com/newshound/newshound/news"
	"github.com/newshound/newshound/store"
	"github.com/newshound/newshound/summarize"
)

// mustFindSource reads a source back, failing the test on error.
func mustFindSource(tb testing.TB, st *store.Store, id int64) news.Source {
	tb.Helper()
	src, err := st.FindSource(context.Background(), id)
	if err != nil {
		tb.Fatalf("find source %d: %v", id, err)
	}
	return src
}

// mustListArticles lists up to limit stored articles, failing the test on error.
func mustListArticles(tb testing.TB, st *store.Store, limit int) []news.Article {
	tb.Helper()
	arts, err := st.ListArticlesSince(context.Background(), time.Time{}, limit)
	if err != nil {
		tb.Fatalf("list articles: %v", err)
	}
	return arts
}

// mustPoll runs one poll, failing the test when it returns an error.
func mustPoll(tb testing.TB, p *Poller) {
	tb.Helper()
	if err := p.PollOnce(context.Background()); err != nil {
		tb.Fatalf("poll: %v", err)
	}
}

// recordingSink keeps what the poller handed over.
type recordingSink struct {
	mu   sync.Mutex
	got  []news.Article
	hook func()
}

func (r *recordingSink) HandleArticles(ctx context.Context, arts []news.Article) error {
	if r.hook != nil {
		r.hook()
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	r.got = append(r.got, arts...)
	return nil
}

func (r *recordingSink) titles() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	var out []string
	for _, a := range r.got {
		out = append(out, a.Title)
	}
	return out
}

var testNow = time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)

func newTestPoller(t *testing.T, st *store.Store, sink Sink, maxBytes int64) *Poller {
	t.Helper()
	sum, err := summarize.New(summarize.Options{Sentences: 3, MaxChars: 600})
	if err != nil {
		t.Fatal(err)
	}
	p, err := NewPoller(Options{
		Schedule: "@every 1h", MaxAge: 48 * time.Hour, Concurrency: 4,
		Fetcher: newTestFetcher(maxBytes, 2*time.Second), Store: st, Sink: sink, Summarizer: sum,
		Logger: slog.New(slog.DiscardHandler), Now: func() time.Time { return testNow },
	})
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func TestFirstFetchIsStoredButNotAlerted(t *testing.T) {
	ctx := context.Background()
	st := testkit.OpenStore(t, func() time.Time { return testNow })
	feed := feedtest.New(t, "../testdata/feeds/world-v1.xml", "application/rss+xml")
	src := testkit.UpsertSource(t, st, "World", feed.URL, "config")
	sink := &recordingSink{}
	p := newTestPoller(t, st, sink, 1<<20)

	if err := p.PollOnce(ctx); err != nil {
		t.Fatal(err)
	}
	if got := sink.titles(); len(got) != 0 {
		t.Fatalf("first fetch alerted %v", got)
	}
	stored := mustListArticles(t, st, 100)
	if len(stored) != 2 {
		t.Fatalf("stored %d articles, want 2", len(stored))
	}

	feed.SetFile(t, "../testdata/feeds/world-v2.xml", "application/rss+xml")
	if err := p.PollOnce(ctx); err != nil {
		t.Fatal(err)
	}
	got := sink.titles()
	want := []string{"Markets rally as inflation cools", `Deminers clear fields near Kursk & Sudzha as farmers "wait"`}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Fatalf("alertable = %q, want %q (oldest first)", got, want)
	}
	if a := sink.got[1]; a.Summary == "" || a.SourceName != "World" || a.ID == 0 {
		t.Errorf("handed-over article lacks summary, source or id: %+v", a)
	}
	src = mustFindSource(t, st, src.ID)
	if src.Fetches != 2 || src.ETag == "" || src.LastError != "" {
		t.Errorf("source after two fetches = %+v", src)
	}

	// Nothing changed: a 304, nothing new.
	if err := p.PollOnce(ctx); err != nil {
		t.Fatal(err)
	}
	if len(sink.titles()) != 2 {
		t.Fatalf("a third poll handed over more: %v", sink.titles())
	}
	if _, _, nm := feed.Counts(); nm != 1 {
		t.Errorf("304 answers = %d, want 1", nm)
	}
}

func TestOldArticlesAreNotAlerted(t *testing.T) {
	st := testkit.OpenStore(t, func() time.Time { return testNow })
	feed := feedtest.New(t, "../testdata/feeds/atom.xml", "application/atom+xml")
	src := testkit.UpsertSource(t, st, "Atom", feed.URL, "config")
	sink := &recordingSink{}
	p := newTestPoller(t, st, sink, 1<<20)
	mustPoll(t, p) // first fetch

	old := strings.ReplaceAll(`<?xml version="1.0"?><rss version="2.0"><channel><title>x</title>
<item><title>Old story</title><link>https://x.example/old</link><pubDate>Mon, 23 Nov 2026 08:00:00 GMT</pubDate><description>Old.</description></item>
<item><title>New story</title><link>https://x.example/new</link><pubDate>Fri, 27 Nov 2026 11:00:00 GMT</pubDate><description>New.</description></item>
</channel></rss>`, "\n", "")
	feed.Set([]byte(old), "application/rss+xml")
	mustPoll(t, p)
	if got := sink.titles(); len(got) != 1 || got[0] != "New story" {
		t.Fatalf("alertable = %v, want only the new story", got)
	}
	stored := mustListArticles(t, st, 100)
	if len(stored) != 3 {
		t.Fatalf("stored %d, want 3 (the old one is stored for /search)", len(stored))
	}
	_ = src
}

func TestAtomAndJSONFeedParse(t *testing.T) {
	ctx := context.Background()
	st := testkit.OpenStore(t, func() time.Time { return testNow })
	atom := feedtest.New(t, "../testdata/feeds/atom.xml", "application/atom+xml")
	js := feedtest.New(t, "../testdata/feeds/feed.json", "application/feed+json")
	testkit.UpsertSource(t, st, "Atom", atom.URL+"/feed/atom.xml", "config")
	testkit.UpsertSource(t, st, "JSON", js.URL+"/feed.json", "config")
	p := newTestPoller(t, st, &recordingSink{}, 1<<20)
	if err := p.PollOnce(ctx); err != nil {
		t.Fatal(err)
	}
	arts := mustListArticles(t, st, 100)
	byTitle := map[string]news.Article{}
	for _, a := range arts {
		byTitle[a.Title] = a
	}
	typhoon, ok := byTitle["Typhoon makes landfall in the Philippines"]
	if !ok || typhoon.URL != atom.URL+"/2026/11/typhoon" || !strings.Contains(typhoon.Text, "forcing thousands") {
		t.Errorf("atom entry = %+v (relative link must resolve against the feed URL)", typhoon)
	}
	fr, ok := byTitle["Élections régionales: la participation en hausse"]
	if !ok || fr.GUID != "json-1" || !fr.PublishedAt.Equal(time.Date(2026, 11, 27, 9, 30, 0, 0, time.UTC)) {
		t.Errorf("json item = %+v", fr)
	}
	nodate, ok := byTitle["An item without a date"]
	if !ok || !nodate.PublishedAt.Equal(testNow) || nodate.Text != "It has no date." {
		t.Errorf("undated json item = %+v (date should be now, markup stripped)", nodate)
	}
}

func TestBadSourcesAreLoggedAndTheRestGoesOn(t *testing.T) {
	ctx := context.Background()
	st := testkit.OpenStore(t, func() time.Time { return testNow })
	good := feedtest.New(t, "../testdata/feeds/world-v1.xml", "application/rss+xml")
	html := feedtest.New(t, "../testdata/feeds/not-a-feed.html", "text/html")
	huge := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		chunk := []byte(strings.Repeat("<x>", 1<<14))
		for i := 0; i < (50<<20)/len(chunk); i++ {
			if _, err := w.Write(chunk); err != nil {
				return
			}
		}
	}))
	defer huge.Close()
	dead := httptest.NewServer(http.NotFoundHandler())
	deadURL := dead.URL
	dead.Close() // nothing listens there now

	missing := httptest.NewServer(http.NotFoundHandler())
	defer missing.Close()

	for _, s := range []struct{ name, url string }{{"good", good.URL}, {"html", html.URL}, {"huge", huge.URL}, {"dead", deadURL}, {"404", missing.URL}} {
		testkit.UpsertSource(t, st, s.name, s.url, "config")
	}
	p := newTestPoller(t, st, &recordingSink{}, 1<<20)
	if err := p.PollOnce(ctx); err != nil {
		t.Fatal(err)
	}
	srcs := testkit.ListSources(t, st)
	wantErr := map[string]string{"html": "not a feed", "huge": "too large", "dead": "connect", "404": "404"}
	wantKind := map[string]news.FailureKind{"html": news.FailNotFeed, "huge": news.FailTooLarge, "dead": news.FailRefused, "404": news.FailStatus}
	for _, s := range srcs {
		switch s.Name {
		case "good":
			if s.Fetches != 1 || s.LastError != "" {
				t.Errorf("good source = %+v", s)
			}
		case "html", "huge", "dead", "404":
			if s.Failures != 1 || !strings.Contains(s.LastError, wantErr[s.Name]) {
				t.Errorf("%s: failures %d, last error %q; want 1 and %q", s.Name, s.Failures, s.LastError, wantErr[s.Name])
			}
			if f, ok := news.ParseFetchFailure(s.LastError); !ok || f.Kind != wantKind[s.Name] {
				t.Errorf("%s: last error %q reads as %+v (%v), want kind %s", s.Name, s.LastError, f, ok, wantKind[s.Name])
			}
			if !s.NextFetchAt.Equal(testNow.Add(time.Minute)) {
				t.Errorf("%s: next fetch %v, want a 1-minute backoff", s.Name, s.NextFetchAt)
			}
		}
	}
	arts := mustListArticles(t, st, 100)
	if len(arts) != 2 {
		t.Fatalf("the good source stored %d articles, want 2", len(arts))
	}
	// Backed-off sources are skipped until their time comes.
	reqs, _, _ := html.Counts()
	mustPoll(t, p)
	if again, _, _ := html.Counts(); again != reqs {
		t.Errorf("a backed-off source was fetched again before its time")
	}

}

func TestBackoffGrowsAndCaps(t *testing.T) {
	tests := []struct {
		failures int
		want     time.Duration
	}{{1, time.Minute}, {2, 2 * time.Minute}, {5, 16 * time.Minute}, {9, 256 * time.Minute}, {10, 6 * time.Hour}, {40, 6 * time.Hour}}
	for _, tt := range tests {
		if got := backoff(tt.failures); got != tt.want {
			t.Errorf("backoff(%d) = %v, want %v", tt.failures, got, tt.want)
		}
	}
}

func mustRead(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestTeasersGetTheArticlePageText(t *testing.T) {
	ctx := context.Background()
	st := testkit.OpenStore(t, func() time.Time { return testNow })
	page := feedtest.New(t, "testdata/pages/article.html", "text/html; charset=utf-8")
	teaser := func(title, path string) []byte {
		return []byte(`<?xml version="1.0"?><rss version="2.0"><channel><title>Ledger</title>
<item><title>` + title + `</title><link>` + page.URL + path + `</link><pubDate>Fri, 27 Nov 2026 11:00:00 GMT</pubDate>
<description>The council voted on Tuesday… Read more</description></item></channel></rss>`)
	}
	feed := feedtest.New(t, "../testdata/feeds/world-v1.xml", "application/rss+xml")
	testkit.UpsertSource(t, st, "Ledger", feed.URL, "config")

	for _, tt := range []struct {
		name, path   string
		allowPrivate bool
		wantFull     bool
	}{
		{"page fetched", "/flood-barrier", true, true},
		{"private page refused, feed text kept", "/flood-barrier-2", false, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			sink := &recordingSink{}
			p := newTestPoller(t, st, sink, 1<<20)
			p.opts.Pages = NewPageFetcher(PageOptions{Timeout: 2 * time.Second, AllowPrivate: tt.allowPrivate})
			mustPoll(t, p) // the first fetch, or nothing new
			feed.Set(teaser("Harbor city approves flood barrier ("+tt.name+")", tt.path), "application/rss+xml")
			if err := p.PollOnce(ctx); err != nil {
				t.Fatal(err)
			}
			if len(sink.got) != 1 {
				t.Fatalf("handed over %d articles, want 1", len(sink.got))
			}
			a := sink.got[0]
			full := strings.Contains(a.Text, "flood barrier") && len(a.Text) > 500
			if full != tt.wantFull {
				t.Fatalf("full text = %v, want %v; text %q", full, tt.wantFull, a.Text)
			}
			stored, err := st.FindArticle(ctx, a.ID)
			if err != nil {
				t.Fatal(err)
			}
			if stored.Text != a.Text || stored.Summary == "" {
				t.Fatalf("stored text/summary not updated: %+v", stored)
			}
		})
	}
}

func TestRetiredSourcesAreNotFetched(t *testing.T) {
	ctx := context.Background()
	st := testkit.OpenStore(t, func() time.Time { return testNow })
	kept := feedtest.New(t, "../testdata/feeds/world-v1.xml", "application/rss+xml")
	gone := feedtest.New(t, "../testdata/feeds/atom.xml", "application/atom+xml")
	testkit.UpsertSource(t, st, "Kept", kept.URL, news.OriginConfig)
	testkit.UpsertSource(t, st, "Gone", gone.URL, news.OriginConfig)
	if _, err := st.RetireConfigSources(ctx, []string{kept.URL}); err != nil {
		t.Fatal(err)
	}
	if err := newTestPoller(t, st, &recordingSink{}, 1<<20).PollOnce(ctx); err != nil {
		t.Fatal(err)
	}
	if n, _, _ := kept.Counts(); n != 1 {
		t.Errorf("kept source fetched %d times, want 1", n)
	}
	if n, _, _ := gone.Counts(); n != 0 {
		t.Errorf("retired source fetched %d times, want 0", n)
	}
}

// recordingStories keeps what the poller asked to link.
type recordingStories struct{ got []string }

func (r *recordingStories) Link(ctx context.Context, arts []news.Article) (int, error) {
	for _, a := range arts {
		r.got = append(r.got, a.Title)
	}
	return 0, nil
}

func TestEveryNewArticleIsLinkedToItsStory(t *testing.T) {
	st := testkit.OpenStore(t, func() time.Time { return testNow })
	feed := feedtest.New(t, "../testdata/feeds/world-v1.xml", "application/rss+xml")
	testkit.UpsertSource(t, st, "World", feed.URL, news.OriginConfig)
	sink, linked := &recordingSink{}, &recordingStories{}
	p := newTestPoller(t, st, sink, 1<<20)
	p.opts.Stories = linked
	mustPoll(t, p)
	if len(linked.got) != 2 || len(sink.got) != 0 {
		t.Fatalf("first fetch: linked %q, alerted %q; want the backlog linked (for /trending and the digest) and nothing alerted", linked.got, sink.titles())
	}
	feed.SetFile(t, "../testdata/feeds/world-v2.xml", "application/rss+xml")
	mustPoll(t, p)
	if len(linked.got) != 4 || len(sink.got) != 2 {
		t.Fatalf("second fetch: linked %d, alerted %d; want 4 and 2", len(linked.got), len(sink.got))
	}
}

func TestCharsetsAndBrokenFeeds(t *testing.T) {
	ctx := context.Background()
	st := testkit.OpenStore(t, func() time.Time { return testNow })
	latin := feedtest.New(t, "../testdata/feeds/latin1.xml", "application/rss+xml; charset=ISO-8859-1")
	broken := feedtest.New(t, "../testdata/feeds/truncated.xml", "application/rss+xml")
	testkit.UpsertSource(t, st, "Latin", latin.URL, news.OriginConfig)
	testkit.UpsertSource(t, st, "Broken", broken.URL, news.OriginConfig)
	if err := newTestPoller(t, st, &recordingSink{}, 1<<20).PollOnce(ctx); err != nil {
		t.Fatal(err)
	}
	arts := mustListArticles(t, st, 10)
	if len(arts) != 1 || arts[0].Title != "Élection à Besançon : la participation augmente" || !strings.Contains(arts[0].Text, "électeurs") {
		t.Fatalf("latin-1 feed stored as %+v", arts)
	}
	srcs := testkit.ListSources(t, st)
	for _, s := range srcs {
		if s.Name == "Broken" && (s.Failures != 1 || s.LastError == "") {
			t.Errorf("a truncated feed should count as a failure with its error, got %+v", s)
		}
	}
}

// TestADatabaseFailureIsNotTheSources: a fetch that went well but could not
// be stored (a locked or full database) is tried again within a minute
// however often it happens, and is not counted as one of the source's
// failures; /sources still says what failed. Once the database takes writes
// again, the next fetch stores the articles.
func TestADatabaseFailureIsNotTheSources(t *testing.T) {
	ctx := context.Background()
	now := testNow
	st := testkit.OpenStore(t, func() time.Time { return now })
	feed := feedtest.New(t, "../testdata/feeds/world-v1.xml", "application/rss+xml")
	testkit.UpsertSource(t, st, "Wire", feed.URL, "config")
	fs := &failingStore{Store: st, failStore: true}
	sum, err := summarize.New(summarize.Options{Sentences: 3, MaxChars: 600})
	if err != nil {
		t.Fatal(err)
	}
	p, err := NewPoller(Options{
		Schedule: "@every 1h", MaxAge: 48 * time.Hour, Concurrency: 1,
		Fetcher: newTestFetcher(1<<20, 2*time.Second), Store: fs, Sink: &recordingSink{}, Summarizer: sum,
		Logger: slog.New(slog.DiscardHandler), Now: func() time.Time { return now },
	})
	if err != nil {
		t.Fatal(err)
	}
	for i := range 4 {
		if err := p.PollOnce(ctx); err != nil {
			t.Fatal(err)
		}
		s := testkit.ListSources(t, st)[0]
		if wait := s.NextFetchAt.Sub(now); wait <= 0 || wait > time.Minute {
			t.Errorf("database failure %d: next fetch in %v, want within a minute", i+1, wait)
		}
		if f, ok := news.ParseFetchFailure(s.LastError); s.Failures != 0 || !ok || f.Kind != news.FailDatabase {
			t.Errorf("database failure %d: failures %d, last error %q; want 0 and a database failure", i+1, s.Failures, s.LastError)
		}
		now = s.NextFetchAt
	}
	fs.failStore = false
	if err := p.PollOnce(ctx); err != nil {
		t.Fatal(err)
	}
	if s := testkit.ListSources(t, st)[0]; s.LastError != "" || s.Failures != 0 {
		t.Errorf("after the database is back: failures %d, last error %q", s.Failures, s.LastError)
	}
	if arts := mustListArticles(t, st, 100); len(arts) != 2 {
		t.Errorf("stored %d articles once the database was back, want 2", len(arts))
	}
}
