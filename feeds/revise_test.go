package feeds

import (
	"context"
	"log/slog"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/newshound/newshound/internal/feedtest"
	"github.com/newshound/newshound/internal/testkit"
	"github.com/newshound/newshound/news"
	"github.com/newshound/newshound/store"
	"github.com/newshound/newshound/summarize"
)

// TestItemUpdatedInPlace: a feed that updates an item in place (the same
// guid, a longer text) has the stored text and summary follow it, for
// /search and the digest, without a new alert; a revision that shrinks the
// text to a teaser is not followed, nor is the first version again (a cache
// edge that lags).
func TestItemUpdatedInPlace(t *testing.T) {
	ctx := context.Background()
	st := testkit.OpenStore(t, func() time.Time { return testNow })
	feed, src := wireSource(t, st)
	item := func(guid, title, text string) string {
		return `<item><title>` + title + `</title><guid>` + guid + `</guid><link>https://wire.example/` + guid +
			`</link><pubDate>Fri, 27 Nov 2026 11:00:00 GMT</pubDate><description><![CDATA[` + text + `]]></description></item>`
	}
	rss := wireRSS
	const (
		flash  = `<p>A magnitude 6.1 earthquake struck off the coast of Chile on Friday, the geological survey said.</p>`
		longer = `<p>A magnitude 6.1 earthquake struck off the coast of Chile on Friday, the geological survey said.</p>` +
			`<p>The quake was centred 40 kilometres west of Valparaiso at a depth of 30 kilometres.</p>` +
			`<p>Emergency services reported minor damage to buildings in Vina del Mar and no injuries.</p>`
		full = `<p>The city council of Lakeview voted seven to two on Thursday to build a flood barrier along the harbour front.</p>` +
			`<p>The barrier, a steel wall four metres high, is to be finished by 2029 at a cost of 120 million dollars.</p>` +
			`<p>Residents of the low-lying Eastbank district had asked for it since the floods of 2024.</p>`
		teaser = `<p>The city council of Lakeview voted on Thursday to build a flood barrier.</p>`
	)
	feed.Set(rss(item("quake", "Earthquake strikes off Chile", flash), item("barrier", "Lakeview votes for flood barrier", full)), "application/rss+xml")
	sink := &recordingSink{}
	p := newTestPoller(t, st, sink, 1<<20)
	pollOnce(t, p)
	feed.Set(rss(item("quake", "Earthquake strikes off Chile", longer), item("barrier", "Lakeview votes for flood barrier", teaser)), "application/rss+xml")
	pollOnce(t, p)
	if got := sink.titles(); len(got) != 0 {
		t.Fatalf("an update in place alerted %v", got)
	}
	// A cache edge still serving the first version: the longer text stays.
	feed.Set(rss(item("quake", "Earthquake strikes off Chile", flash), item("barrier", "Lakeview votes for flood barrier", teaser)), "application/rss+xml")
	pollOnce(t, p)
	arts := finishedByGUID(t, st, src.ID, "quake", "barrier")
	if a := arts["quake"]; !strings.Contains(a.Summary, "Valparaiso") || !strings.Contains(a.Text, "Vina del Mar") {
		t.Errorf("updated item keeps its old text: summary %q", a.Summary)
	}
	if a := arts["barrier"]; !strings.Contains(a.Text, "Eastbank") {
		t.Errorf("a teaser replaced the whole text: %q", a.Text)
	}
	hits, err := st.SearchArticles(ctx, "Valparaiso", 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(hits) != 1 {
		t.Errorf("search for a word of the new text found %d articles, want 1", len(hits))
	}
}

// TestRevised: which new text of an item replaces its stored one.
func TestRevised(t *testing.T) {
	for _, tt := range []struct {
		name, old, text string
		want            bool
	}{
		{"unchanged", "Quake hits Chile.", "Quake hits Chile.", false},
		{"grown into the whole text", "Quake hits Chile.", "Quake hits Chile. Buildings damaged in Valparaiso.", true},
		{"a word corrected, no longer", "Quake of magnitude 6.1 hits Chile.", "Quake of magnitude 6.3 hits Chile.", false},
		{"a word corrected, the text grown", "Quake of magnitude 6.1 hits Chile.", "Quake of magnitude 6.3 hits Chile, not 6.1.", true},
		{"shrunk to a teaser", "Quake hits Chile. Buildings damaged in Valparaiso. No injuries.", "Quake hits Chile.", false},
		{"emptied", "Quake hits Chile.", "", false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := revised(tt.old, tt.text); got != tt.want {
				t.Errorf("revised(%q, %q) = %v, want %v", tt.old, tt.text, got, tt.want)
			}
		})
	}
}

// countingReviser counts the store's reads of articles updated in place.
type countingReviser struct {
	*store.Store
	reads atomic.Int32
}

func (c *countingReviser) FinishedArticlesOf(ctx context.Context, sourceID int64, guids []string) ([]news.Article, error) {
	c.reads.Add(1)
	return c.Store.FinishedArticlesOf(ctx, sourceID, guids)
}

// TestChurningItemIsNotReadBack: many feeds change an item at every fetch
// without changing its text (an image URL's token, an ad's markup); each
// such item was read back from the store and cleaned again at every fetch
// (a third of the CPU of an HTML feed's fetch). One that changes without
// growing is left alone; one that grows is still followed.
func TestChurningItemIsNotReadBack(t *testing.T) {
	ctx := context.Background()
	st := &countingReviser{Store: testkit.OpenStore(t, func() time.Time { return testNow })}
	feed, src := wireSource(t, st.Store)
	rss := func(token, extra string) []byte {
		return wireRSS(`<item><title>Harbour fire</title>` +
			`<guid>fire</guid><pubDate>Fri, 27 Nov 2026 11:00:00 GMT</pubDate><description><![CDATA[<img src="https://wire.example/i.jpg?t=` + token +
			`"/><p>A fire broke out at the harbour of Eastport on Friday, the fire brigade said.</p>` + extra + `]]></description></item>`)
	}
	feed.Set(rss("a1b2", ""), "application/rss+xml")
	sum, err := summarize.New(summarize.Options{Sentences: 3, MaxChars: 600})
	if err != nil {
		t.Fatal(err)
	}
	p, err := NewPoller(Options{Schedule: "@every 1h", MaxAge: 48 * time.Hour, Concurrency: 1,
		Fetcher: newTestFetcher(1<<20, 2*time.Second), Store: st, Sink: &recordingSink{}, Summarizer: sum,
		Logger: slog.New(slog.DiscardHandler), Now: func() time.Time { return testNow }})
	if err != nil {
		t.Fatal(err)
	}
	for _, token := range []string{"a1b2", "c3d4", "e5f6"} {
		feed.Set(rss(token, ""), "application/rss+xml")
		pollOnce(t, p)
	}
	if n := st.reads.Load(); n != 0 {
		t.Errorf("an item whose image token changed was read back %d times, want 0", n)
	}
	feed.Set(rss("g7h8", `<p>Two warehouses burned down; nobody was hurt.</p>`), "application/rss+xml")
	pollOnce(t, p)
	if n := st.reads.Load(); n != 1 {
		t.Errorf("an item that grew was read back %d times, want 1", n)
	}
	arts, err := st.FinishedArticlesOf(ctx, src.ID, []string{"fire"})
	if err != nil || len(arts) != 1 || !strings.Contains(arts[0].Text, "warehouses") {
		t.Errorf("after the item grew: %+v, %v; want its text with the warehouses", arts, err)
	}
}

// TestItemUpdatedWhileDown: an item the feed updated in place while the
// bot was stopped is followed at the first fetch after the start (the
// bot's memory of the last fetch is gone), without a new alert; an item
// whose feed text did not grow keeps its stored text.
func TestItemUpdatedWhileDown(t *testing.T) {
	st := testkit.OpenStore(t, func() time.Time { return testNow })
	feed, src := wireSource(t, st)
	rss := func(quake string) []byte {
		return wireRSS(`<item><title>Earthquake strikes off Chile</title><guid>quake</guid><pubDate>Fri, 27 Nov 2026 11:00:00 GMT</pubDate>`+
			`<description><![CDATA[`+quake+`]]></description></item>`,
			`<item><title>Lakeview votes for flood barrier</title><guid>barrier</guid><pubDate>Fri, 27 Nov 2026 10:00:00 GMT</pubDate>`+
				`<description><![CDATA[<p>The city council of Lakeview voted seven to two on Thursday to build a flood barrier along the harbour.</p>]]></description></item>`)
	}
	feed.Set(rss(`<p>A magnitude 6.1 earthquake struck off the coast of Chile on Friday, the geological survey said.</p>`), "application/rss+xml")
	sink := &recordingSink{}
	pollOnce(t, newTestPoller(t, st, sink, 1<<20))
	// Stopped; meanwhile the flash grows into the whole report. A new
	// poller is the bot started again.
	feed.Set(rss(`<p>A magnitude 6.1 earthquake struck off the coast of Chile on Friday, the geological survey said.</p>`+
		`<p>The quake was centred 40 kilometres west of Valparaiso at a depth of 30 kilometres.</p>`), "application/rss+xml")
	pollOnce(t, newTestPoller(t, st, sink, 1<<20))
	if got := sink.titles(); len(got) != 0 {
		t.Fatalf("an update in place alerted %v", got)
	}
	arts := finishedByGUID(t, st, src.ID, "quake", "barrier")
	if a := arts["quake"]; !strings.Contains(a.Text, "Valparaiso") || !strings.Contains(a.Summary, "Valparaiso") {
		t.Errorf("an item updated while the bot was down keeps its old text: %q, summary %q", a.Text, a.Summary)
	}
	if a := arts["barrier"]; !strings.Contains(a.Text, "Lakeview") {
		t.Errorf("an unchanged item lost its text: %q", a.Text)
	}
}

// wireRSS returns an RSS document of the channel "Wire" holding items.
func wireRSS(items ...string) []byte {
	return []byte(`<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>` + strings.Join(items, "") + `</channel></rss>`)
}

// pollOnce runs one poll of p and ends the test when it fails.
func pollOnce(t *testing.T, p *Poller) {
	t.Helper()
	if err := p.PollOnce(context.Background()); err != nil {
		t.Fatal(err)
	}
}

// finishedByGUID returns the finished articles of source srcID with guids,
// by guid; it ends the test unless there is one for each.
func finishedByGUID(t *testing.T, st *store.Store, srcID int64, guids ...string) map[string]news.Article {
	t.Helper()
	arts, err := st.FinishedArticlesOf(context.Background(), srcID, guids)
	if err != nil {
		t.Fatal(err)
	}
	if len(arts) != len(guids) {
		t.Fatalf("found %d articles, want %d", len(arts), len(guids))
	}
	byGUID := make(map[string]news.Article, len(arts))
	for _, a := range arts {
		byGUID[a.GUID] = a
	}
	return byGUID
}

// wireSource serves a feed (world-v1.xml until the test sets another) and
// adds it to st as the source "Wire".
func wireSource(t *testing.T, st *store.Store) (*feedtest.Server, news.Source) {
	t.Helper()
	feed := feedtest.New(t, "../testdata/feeds/world-v1.xml", "application/rss+xml")
	return feed, testkit.UpsertSource(t, st, "Wire", feed.URL, "config")
}
