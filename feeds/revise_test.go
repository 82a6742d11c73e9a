package feeds

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/newshound/newshound/internal/feedtest"
	"github.com/newshound/newshound/internal/testkit"
)

// TestItemUpdatedInPlace: a feed that updates an item in place (the same
// guid, a longer text) has the stored text and summary follow it, for
// /search and the digest, without a new alert; a revision that shrinks the
// text to a teaser is not followed.
func TestItemUpdatedInPlace(t *testing.T) {
	ctx := context.Background()
	st := testkit.OpenStore(t, func() time.Time { return testNow })
	feed := feedtest.New(t, "../testdata/feeds/world-v1.xml", "application/rss+xml")
	src := testkit.UpsertSource(t, st, "Wire", feed.URL, "config")
	item := func(guid, title, text string) string {
		return `<item><title>` + title + `</title><guid>` + guid + `</guid><link>https://wire.example/` + guid +
			`</link><pubDate>Fri, 27 Nov 2026 11:00:00 GMT</pubDate><description><![CDATA[` + text + `]]></description></item>`
	}
	rss := func(items ...string) []byte {
		return []byte(`<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>` + strings.Join(items, "") + `</channel></rss>`)
	}
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
	if err := p.PollOnce(ctx); err != nil {
		t.Fatal(err)
	}
	feed.Set(rss(item("quake", "Earthquake strikes off Chile", longer), item("barrier", "Lakeview votes for flood barrier", teaser)), "application/rss+xml")
	if err := p.PollOnce(ctx); err != nil {
		t.Fatal(err)
	}
	if got := sink.titles(); len(got) != 0 {
		t.Fatalf("an update in place alerted %v", got)
	}
	arts, err := st.FinishedArticlesOf(ctx, src.ID, []string{"quake", "barrier"})
	if err != nil {
		t.Fatal(err)
	}
	if len(arts) != 2 {
		t.Fatalf("found %d articles, want 2", len(arts))
	}
	for _, a := range arts {
		switch a.GUID {
		case "quake":
			if !strings.Contains(a.Summary, "Valparaiso") || !strings.Contains(a.Text, "Vina del Mar") {
				t.Errorf("updated item keeps its old text: summary %q", a.Summary)
			}
		case "barrier":
			if !strings.Contains(a.Text, "Eastbank") {
				t.Errorf("a teaser replaced the whole text: %q", a.Text)
			}
		}
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
		{"a word corrected", "Quake of magnitude 6.1 hits Chile.", "Quake of magnitude 6.3 hits Chile.", true},
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
