package feeds

import (
	"context"
	"database/sql"
	"errors"
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

	"github.com/newshound/newshound/news"
	"github.com/newshound/newshound/store"
	"github.com/newshound/newshound/summarize"
)

// The tests of this file stop a poll at each of its steps (a cancelled
// context, as SIGTERM does, or a database error) and check that a second
// poller on the same database queues exactly the alerts that are missing.

// clock is a settable test clock.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *clock) Add(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

// subscribers are the chats every article matches.
var subscribers = []int64{101, 102, 103}

// queueingSink matches every article for every subscriber and queues the
// alerts through the real store, as the subscription service does.
type queueingSink struct {
	st   *store.Store
	hook func(ctx context.Context, queued bool) error // before and after queueing
}

func (q *queueingSink) HandleArticles(ctx context.Context, arts []news.Article) error {
	if q.hook != nil {
		if err := q.hook(ctx, false); err != nil {
			return err
		}
	}
	var alerts []news.Alert
	for _, a := range arts {
		for _, chat := range subscribers {
			alerts = append(alerts, news.Alert{ChatID: chat, ArticleID: a.ID, SubscriptionID: 1})
		}
	}
	if _, err := q.st.QueueAlerts(ctx, alerts); err != nil {
		return err
	}
	if q.hook != nil {
		return q.hook(ctx, true)
	}
	return nil
}

// pipelineRig is one database, one feed of teasers whose article pages are
// served too, and what a poller on them needs.
type pipelineRig struct {
	t     *testing.T
	path  string
	st    *store.Store
	clock *clock
	feed  *httptest.Server
	body  atomic.Value // the feed's current body
	onGet atomic.Value // func(r *http.Request), called on every feed request
}

func newPipelineRig(t *testing.T) *pipelineRig {
	t.Helper()
	r := &pipelineRig{t: t, path: filepath.Join(t.TempDir(), "pipeline.db"), clock: &clock{t: testNow}}
	r.onGet.Store(func(*http.Request) {})
	r.feed = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		if strings.HasPrefix(req.URL.Path, "/page/") {
			if strings.HasSuffix(req.URL.Path, "-pic") { // a page with its own image, named relatively
				fmt.Fprintf(w, `<html><head><meta property="og:image" content="/img%s.jpg"></head>`, req.URL.Path)
			}
			fmt.Fprintf(w, "<html><body><article><h1>%s</h1><p>%s</p></article></body></html>", req.URL.Path,
				strings.Repeat("The full story of the article page, with many more words than the teaser. ", 20))
			return
		}
		r.onGet.Load().(func(*http.Request))(req)
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, r.body.Load().(string))
	}))
	t.Cleanup(r.feed.Close)
	r.open()
	if _, err := r.st.UpsertSource(context.Background(), "Wire", r.feed.URL+"/feed", news.OriginConfig); err != nil {
		t.Fatal(err)
	}
	for _, chat := range subscribers {
		if _, err := r.st.EnsureChat(context.Background(), chat, "private", "", news.ChatDefaults{}); err != nil {
			t.Fatal(err)
		}
	}
	return r
}

// open (re)opens the database, as a restarted bot does.
func (r *pipelineRig) open() {
	r.t.Helper()
	if r.st != nil {
		r.st.Close()
	}
	st, err := store.Open(context.Background(), r.path, r.clock.Now)
	if err != nil {
		r.t.Fatal(err)
	}
	st.SetLogger(slog.New(slog.DiscardHandler))
	r.st = st
	r.t.Cleanup(func() { st.Close() })
}

// setItems makes the feed carry teasers with these titles, dated an hour ago.
func (r *pipelineRig) setItems(titles ...string) {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>`)
	for i, title := range titles {
		slug := strings.ReplaceAll(strings.ToLower(title), " ", "-")
		fmt.Fprintf(&b, `<item><title>%s</title><link>%s/page/%s</link><guid>%s</guid><pubDate>%s</pubDate><description>The wire reports %s as it develops… Read more</description></item>`,
			title, r.feed.URL, slug, slug, r.clock.Now().Add(-time.Hour+time.Duration(i)*time.Minute).Format(time.RFC1123Z), strings.ToLower(title))
	}
	b.WriteString(`</channel></rss>`)
	r.body.Store(b.String())
}

// options are a poller's options on the rig, with nothing injected.
func (r *pipelineRig) options(sink Sink) Options {
	r.t.Helper()
	sum, err := summarize.New(summarize.Options{Sentences: 2, MaxChars: 400})
	if err != nil {
		r.t.Fatal(err)
	}
	return Options{Schedule: "@every 1h", MaxAge: 48 * time.Hour, Concurrency: 2,
		Fetcher: newTestFetcher(1<<20, 5*time.Second), Store: r.st, Sink: sink, Summarizer: sum,
		Pages:  NewPageFetcher(PageOptions{Timeout: 5 * time.Second, AllowPrivate: true}),
		Logger: slog.New(slog.DiscardHandler), Now: r.clock.Now}
}

func (r *pipelineRig) poller(opts Options) *Poller {
	r.t.Helper()
	p, err := NewPoller(opts)
	if err != nil {
		r.t.Fatal(err)
	}
	return p
}

// alerts returns how many alert rows the outbox holds per "chat/title".
func (r *pipelineRig) alerts() map[string]int {
	r.t.Helper()
	db, err := sql.Open("sqlite3", "file:"+r.path+"?_query_only=1")
	if err != nil {
		r.t.Fatal(err)
	}
	defer db.Close()
	rows, err := db.Query(`SELECT o.chat_id, a.title FROM outbox o JOIN articles a ON a.id = o.article_id WHERE o.kind = 'alert'`)
	if err != nil {
		r.t.Fatal(err)
	}
	defer rows.Close()
	out := map[string]int{}
	for rows.Next() {
		var chat int64
		var title string
		if err := rows.Scan(&chat, &title); err != nil {
			r.t.Fatal(err)
		}
		out[fmt.Sprintf("%d/%s", chat, title)]++
	}
	if err := rows.Err(); err != nil {
		r.t.Fatal(err)
	}
	return out
}

// alertRows counts the outbox's alerts, whether their articles are stored or not.
func (r *pipelineRig) alertRows() int {
	r.t.Helper()
	db, err := sql.Open("sqlite3", "file:"+r.path+"?_query_only=1")
	if err != nil {
		r.t.Fatal(err)
	}
	defer db.Close()
	var n int
	if err := db.QueryRow(`SELECT count(*) FROM outbox WHERE kind = 'alert'`).Scan(&n); err != nil {
		r.t.Fatal(err)
	}
	return n
}

// wantEachOnce fails unless the outbox holds exactly one alert per
// subscriber and title.
func (r *pipelineRig) wantEachOnce(titles ...string) {
	r.t.Helper()
	got := r.alerts()
	want := map[string]int{}
	for _, chat := range subscribers {
		for _, title := range titles {
			want[fmt.Sprintf("%d/%s", chat, title)] = 1
		}
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		r.t.Fatalf("alerts queued = %v\nwant each once: %v", got, want)
	}
}

// pollTwiceWantEachOnce polls with p (the restarted bot's poller) and
// wants each title alerted once, then polls again and wants nothing more.
func (r *pipelineRig) pollTwiceWantEachOnce(p *Poller, titles ...string) {
	r.t.Helper()
	for range 2 {
		if err := p.PollOnce(context.Background()); err != nil {
			r.t.Fatal(err)
		}
		r.wantEachOnce(titles...)
	}
}

// cancelOnCall wraps a page fetcher, a summarizer or a linker: its nth call
// cancels the poll's context first, as a SIGTERM at that moment does.
type cancelOnCall struct {
	n      int32
	calls  atomic.Int32
	cancel context.CancelFunc
	pages  PageTexter
	sum    Summarizer
}

func (c *cancelOnCall) hit() bool {
	if c.calls.Add(1) == c.n {
		c.cancel()
		return true
	}
	return false
}

func (c *cancelOnCall) Fetch(ctx context.Context, u string) (ArticlePage, error) {
	c.hit()
	return c.pages.Fetch(ctx, u)
}

func (c *cancelOnCall) Summarize(ctx context.Context, in summarize.Input) string {
	c.hit()
	return c.sum.Summarize(ctx, in)
}

func (c *cancelOnCall) Link(ctx context.Context, arts []news.Article) (int, error) {
	if c.hit() {
		return 0, ctx.Err()
	}
	return 0, nil
}

// failingStore fails one of its methods, as a database error (disk full,
// locked) at that moment does.
type failingStore struct {
	*store.Store
	failStore   bool   // StoreFeedItemsFinished
	failAdvance string // AdvanceArticles from this step
}

var errDisk = errors.New("disk I/O error (injected)")

func (f *failingStore) StoreFeedItemsFinished(ctx context.Context, id int64, items []news.Article, finish func(int, *news.Article) bool) ([]news.Article, error) {
	if f.failStore {
		return nil, errDisk
	}
	return f.Store.StoreFeedItemsFinished(ctx, id, items, finish)
}

func (f *failingStore) AdvanceArticles(ctx context.Context, ids []int64, from, to string) error {
	if from == f.failAdvance {
		return errDisk
	}
	return f.Store.AdvanceArticles(ctx, ids, from, to)
}

func TestAStopAtAnyStepOfAPollLosesNoAlertAndRepeatsNone(t *testing.T) {
	news3 := []string{"Dam breach floods valley", "Senate passes budget", "Comet seen over Andes"}
	for _, tt := range []struct {
		name   string
		inject func(r *pipelineRig, opts *Options, cancel context.CancelFunc)
	}{
		{"during the fetch", func(r *pipelineRig, opts *Options, cancel context.CancelFunc) {
			r.onGet.Store(func(*http.Request) { cancel() })
		}},
		{"during the first article-page fetch", func(r *pipelineRig, opts *Options, cancel context.CancelFunc) {
			opts.Pages = &cancelOnCall{n: 1, cancel: cancel, pages: opts.Pages}
		}},
		{"during the last article-page fetch", func(r *pipelineRig, opts *Options, cancel context.CancelFunc) {
			opts.Concurrency = 1
			opts.Pages = &cancelOnCall{n: 3, cancel: cancel, pages: opts.Pages}
		}},
		{"while summarizing", func(r *pipelineRig, opts *Options, cancel context.CancelFunc) {
			opts.Concurrency = 1
			opts.Summarizer = &cancelOnCall{n: 2, cancel: cancel, sum: opts.Summarizer}
		}},
		{"while summarizing a text the feed carries whole, before it is stored", func(r *pipelineRig, opts *Options, cancel context.CancelFunc) {
			opts.Concurrency = 1
			opts.Pages = nil // no page to fetch: the fetch's worker summarizes, then stores the text once
			opts.Summarizer = &cancelOnCall{n: 2, cancel: cancel, sum: opts.Summarizer}
		}},
		{"during story linking", func(r *pipelineRig, opts *Options, cancel context.CancelFunc) {
			opts.Stories = &cancelOnCall{n: 1, cancel: cancel}
		}},
		{"before queueing", func(r *pipelineRig, opts *Options, cancel context.CancelFunc) {
			opts.Sink.(*queueingSink).hook = func(ctx context.Context, queued bool) error {
				cancel()
				return ctx.Err()
			}
		}},
		{"right after queueing", func(r *pipelineRig, opts *Options, cancel context.CancelFunc) {
			opts.Sink.(*queueingSink).hook = func(ctx context.Context, queued bool) error {
				if queued {
					cancel()
					return ctx.Err()
				}
				return nil
			}
		}},
		{"by a database error after linking", func(r *pipelineRig, opts *Options, cancel context.CancelFunc) {
			opts.Store = &failingStore{Store: r.st, failAdvance: stepLink}
		}},
		{"by a database error after queueing", func(r *pipelineRig, opts *Options, cancel context.CancelFunc) {
			opts.Store = &failingStore{Store: r.st, failAdvance: stepMatch}
		}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r := newPipelineRig(t)
			r.setItems("Old news one", "Old news two")
			first := r.poller(r.options(&queueingSink{st: r.st}))
			if err := first.PollOnce(context.Background()); err != nil { // the backlog: stored, not alerted
				t.Fatal(err)
			}
			r.clock.Add(time.Hour)
			r.setItems(append([]string{"Old news one", "Old news two"}, news3...)...)

			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			opts := r.options(&queueingSink{st: r.st})
			tt.inject(r, &opts, cancel)
			_ = r.poller(opts).PollOnce(ctx) // stopped midway: its error is expected
			cancel()

			// The bot restarts: a new store and poller on the same database.
			r.open()
			r.onGet.Store(func(*http.Request) {})
			r.clock.Add(time.Hour) // past any backoff
			again := r.poller(r.options(&queueingSink{st: r.st}))
			r.pollTwiceWantEachOnce(again, news3...)
		})
	}
}

func TestArticlesResumeWithTheAlertRulesOfWhenTheyWereStored(t *testing.T) {
	// The first fetch stops during summarizing: its backlog must stay
	// unalerted after the restart, however the rules look then.
	r := newPipelineRig(t)
	r.setItems("Backlog one", "Backlog two")
	ctx, cancel := context.WithCancel(context.Background())
	opts := r.options(&queueingSink{st: r.st})
	opts.Summarizer = &cancelOnCall{n: 1, cancel: cancel, sum: opts.Summarizer}
	_ = r.poller(opts).PollOnce(ctx) // made to fail midway: its error is expected
	r.open()
	r.clock.Add(time.Hour)
	if err := r.poller(r.options(&queueingSink{st: r.st})).PollOnce(context.Background()); err != nil {
		t.Fatal(err)
	}
	r.wantEachOnce()
	arts, err := r.st.ListArticlesSince(context.Background(), time.Time{}, 10)
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range arts {
		if a.Summary == "" {
			t.Errorf("article %q resumed without its summary", a.Title)
		}
	}
}

func TestAFailedSaveIsAFailedFetch(t *testing.T) {
	r := newPipelineRig(t)
	ctx := context.Background()
	r.setItems("Backlog one", "Backlog two")
	opts := r.options(&queueingSink{st: r.st})
	opts.Store = &failingStore{Store: r.st, failStore: true}
	_ = r.poller(opts).PollOnce(ctx) // made to fail midway: its error is expected
	srcs, err := r.st.ListSources(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if s := srcs[0]; s.Fetches != 0 || s.ETag != "" || s.LastModified != "" || s.Failures != 0 || !strings.Contains(s.LastError, "injected") {
		t.Fatalf("after a failed save the source is %+v; want no fetch spent, no validators, the error kept but not counted as the source's", s)
	}

	// The database works again: the first fetch's backlog is stored, not alerted.
	r.clock.Add(time.Hour)
	p := r.poller(r.options(&queueingSink{st: r.st}))
	if err := p.PollOnce(ctx); err != nil {
		t.Fatal(err)
	}
	if arts := mustListArticles(t, r.st, 10); len(arts) != 2 {
		t.Fatalf("stored %d articles after the retry, want the 2 of the backlog", len(arts))
	}
	r.wantEachOnce()
	r.clock.Add(time.Hour)
	r.setItems("Backlog one", "Backlog two", "Fresh one")
	if err := p.PollOnce(ctx); err != nil {
		t.Fatal(err)
	}
	r.wantEachOnce("Fresh one")
}

func TestAnItemStillInTheFeedStaysSeenAfterRetention(t *testing.T) {
	r := newPipelineRig(t)
	ctx := context.Background()
	undated := func(extra string) {
		// One dated item and one undated; extra changes the body, so the feed is refetched in full.
		r.body.Store(`<?xml version="1.0"?><rss version="2.0"><channel><title>Wire ` + extra + `</title>
<item><title>Dated story</title><link>` + r.feed.URL + `/d</link><pubDate>` + r.clock.Now().Add(-time.Hour).Format(time.RFC1123Z) + `</pubDate><description>Dated.</description></item>
<item><title>Undated story</title><link>` + r.feed.URL + `/u</link><description>Undated.</description></item>
</channel></rss>`)
	}
	r.setItems("First")
	p := r.poller(r.options(&queueingSink{st: r.st}))
	if err := p.PollOnce(ctx); err != nil { // first fetch
		t.Fatal(err)
	}
	// A day later ("First" is taken for an item that left its feed once
	// its last sighting is a day older than the feed's last fetch: a fetch
	// does not write again the keys it saw within the day).
	r.clock.Add(25 * time.Hour)
	undated("a")
	if err := p.PollOnce(ctx); err != nil {
		t.Fatal(err)
	}
	r.wantEachOnce("Dated story", "Undated story")

	// Retention prunes both articles while the feed still carries them,
	// their alerts sent (an article whose alert waits stays).
	r.clock.Add(2 * time.Hour)
	for {
		due, err := r.st.DueMessages(ctx, r.clock.Now(), 100)
		if err != nil {
			t.Fatal(err)
		}
		if len(due) == 0 {
			break
		}
		for i, m := range due {
			if err := r.st.MarkSent(ctx, m.ID, int(m.ID)*100+i); err != nil {
				t.Fatal(err)
			}
		}
	}
	pruned, err := r.st.Prune(ctx, r.clock.Now())
	if err != nil {
		t.Fatal(err)
	}
	if pruned.Articles != 3 || pruned.Seen != 2 { // the seen records pruned: guid and link of "First", which left the feed
		t.Fatalf("pruned %+v, want 3 articles and the 2 seen records of the item that left the feed", pruned)
	}
	undated("b")
	if err := p.PollOnce(ctx); err != nil {
		t.Fatal(err)
	}
	if arts := mustListArticles(t, r.st, 10); len(arts) != 0 {
		t.Fatalf("items still in the feed were stored again after retention: %d articles", len(arts))
	}
	if n := r.alertRows(); n != 0 { // the first time's, sent, were pruned with their articles
		t.Fatalf("outbox holds %d alerts, want none queued again", n)
	}
}

func TestThePollersStepsAreTheStoresSteps(t *testing.T) {
	for _, tt := range [][2]string{{stepText, store.StepText}, {stepLink, store.StepLink}, {stepMatch, store.StepMatch}} {
		if tt[0] != tt[1] {
			t.Errorf("poller step %q, store step %q", tt[0], tt[1])
		}
	}
}

// An alertable teaser whose page the poller fetched loses the feed's image
// (alerts preview the page); an item whose full text the feed carries keeps
// it.
// TestAFetchedPageRecordsItsOwnImage: a teaser's page is fetched and its
// og:image recorded beside the feed's image, which is kept (alerts preview
// the page's, else the feed's); a page without one records none; an item
// whose text is whole is not fetched.
func TestAFetchedPageRecordsItsOwnImage(t *testing.T) {
	r := newPipelineRig(t)
	ctx := context.Background()
	r.setItems()
	p := r.poller(r.options(&queueingSink{st: r.st}))
	if err := p.PollOnce(ctx); err != nil {
		t.Fatal(err)
	}
	r.clock.Add(time.Hour)
	pub := r.clock.Now().Add(-time.Minute).Format(time.RFC1123Z)
	full := strings.Repeat("The whole story is in the feed itself, told in many plain words. ", 10)
	r.body.Store(`<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>` +
		`<item><title>Teaser</title><link>` + r.feed.URL + `/page/teaser</link><guid>teaser</guid><pubDate>` + pub + `</pubDate>` +
		`<description>Teaser… Read more</description><enclosure url="https://img.example/teaser.jpg" type="image/jpeg" length="1"/></item>` +
		`<item><title>Pictured</title><link>` + r.feed.URL + `/page/teaser-pic</link><guid>pictured</guid><pubDate>` + pub + `</pubDate>` +
		`<description>Teaser… Read more</description><enclosure url="https://img.example/pictured.jpg" type="image/jpeg" length="1"/></item>` +
		`<item><title>Whole</title><link>` + r.feed.URL + `/page/whole-pic</link><guid>whole</guid><pubDate>` + pub + `</pubDate>` +
		`<description>` + full + `</description><enclosure url="https://img.example/whole.jpg" type="image/jpeg" length="1"/></item>` +
		`</channel></rss>`)
	if err := p.PollOnce(ctx); err != nil {
		t.Fatal(err)
	}
	got := map[string][2]string{}
	for _, a := range mustListArticles(t, r.st, 10) {
		got[a.Title] = [2]string{a.PageImageURL, a.ImageURL}
	}
	want := map[string][2]string{
		"Teaser":   {"", "https://img.example/teaser.jpg"},
		"Pictured": {r.feed.URL + "/img/page/teaser-pic.jpg", "https://img.example/pictured.jpg"},
		"Whole":    {"", "https://img.example/whole.jpg"},
	}
	for title, w := range want {
		if got[title] != w {
			t.Errorf("%s: (page image, feed image) = %q, want %q", title, got[title], w)
		}
	}
}
