package feeds

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/newshound/newshound/internal/feedtest"
	"github.com/newshound/newshound/internal/testkit"
)

// TestPageTextIsCleaned: the text of an article page fetched to complete a
// teaser is stored cleaned, as a feed's own text is: a stamp line and a
// byline above the article ("February 7, 2013 5:40 PM", "By Staff") are
// page furniture, not text to search or to compare stories by.
func TestPageTextIsCleaned(t *testing.T) {
	ctx := context.Background()
	st := testkit.OpenStore(t, func() time.Time { return testNow })
	page := feedtest.New(t, "testdata/pages/article.html", "text/html; charset=utf-8")
	page.Set([]byte(`<html><head><title>Four wounded in South Shore shooting</title></head><body><article><h1>Four wounded in South Shore shooting</h1>`+
		`<p>February 7, 2013 5:40 PM</p><p>By Staff</p>`+
		`<p>Four people were wounded in a Thursday afternoon shooting on a South Shore neighborhood street, a block away from where five people were wounded in December.</p>`+
		`<p>The four were shot about 3:15 p.m. outside in the 2500 block of East 75th Street, police said. Their ages were not immediately available.</p>`+
		`<p>Paramedics took two of them to Stroger Hospital and the others to Northwestern Memorial and South Shore hospitals, the fire department said.</p>`+
		`</article></body></html>`), "text/html; charset=utf-8")
	feed := feedtest.New(t, "../testdata/feeds/world-v1.xml", "application/rss+xml")
	if _, err := st.UpsertSource(ctx, "Headlines", feed.URL, "config"); err != nil {
		t.Fatal(err)
	}
	sink := &recordingSink{}
	p := newTestPoller(t, st, sink, 1<<20)
	p.opts.Pages = NewPageFetcher(PageOptions{Timeout: 2 * time.Second, AllowPrivate: true})
	if err := p.PollOnce(ctx); err != nil { // the first fetch
		t.Fatal(err)
	}
	feed.Set([]byte(`<?xml version="1.0"?><rss version="2.0"><channel><title>Headlines</title>
<item><title>Four wounded in South Shore shooting</title><link>`+page.URL+`/a</link><pubDate>Fri, 27 Nov 2026 11:00:00 GMT</pubDate>`+
		`<description>Four people were wounded in a Thursday afternoon shooting…</description></item></channel></rss>`), "application/rss+xml")
	if err := p.PollOnce(ctx); err != nil {
		t.Fatal(err)
	}
	if len(sink.got) != 1 {
		t.Fatalf("handed over %d articles, want 1", len(sink.got))
	}
	text := sink.got[0].Text
	if !strings.Contains(text, "Paramedics took two of them") {
		t.Fatalf("text %q: not the page's", text)
	}
	for _, furniture := range []string{"February 7, 2013", "By Staff"} {
		if strings.Contains(text, furniture) {
			t.Errorf("text holds %q: %q", furniture, text)
		}
	}
}
