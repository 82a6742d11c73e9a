package feeds

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/newshound/newshound/internal/testkit"

	"github.com/newshound/newshound/internal/feedtest"
)

// TestTitleOnlyItems: an item with only a title gets no summary (the alert
// shows the title already) unless summary.fetch_full_text is on, when the
// article page completes it (issue 13, point 3).
func TestTitleOnlyItems(t *testing.T) {
	ctx := context.Background()
	st := testkit.OpenStore(t, func() time.Time { return testNow })
	page := feedtest.New(t, "testdata/pages/article.html", "text/html; charset=utf-8")
	feed := feedtest.New(t, "../testdata/feeds/world-v1.xml", "application/rss+xml")
	if _, err := st.UpsertSource(ctx, "Headlines", feed.URL, "config"); err != nil {
		t.Fatal(err)
	}
	item := func(title, path, description string) []byte {
		return []byte(`<?xml version="1.0"?><rss version="2.0"><channel><title>Headlines</title>
<item><title>` + title + `</title><link>` + page.URL + path + `</link><pubDate>Fri, 27 Nov 2026 11:00:00 GMT</pubDate>` +
			description + `</item></channel></rss>`)
	}
	for _, tt := range []struct {
		name, path, description string
		title                   string // the item's title when not the row's own
		fetch                   bool
		wantSummary             bool
	}{
		{name: "title only, fetching off", path: "/a"},
		{name: "text repeating the title, fetching off", path: "/b",
			description: "<description>Harbor city approves flood barrier (text repeating the title, fetching off)</description>"},
		// Headline feeds put the title and their name in the description.
		// Headline feeds put the title and their name in the description;
		// a short title is most of such a text.
		{name: "text repeating the title with the outlet's name", path: "/d", title: "Grandma detained after boy killed with her gun",
			description: "<description>&lt;p&gt;Grandma detained after boy killed with her gun - WSB-TV&lt;/p&gt;</description>"},
		{name: "text repeating the title with a longer name", path: "/e", title: "Mayor quits over budget row",
			description: "<description>Mayor quits over budget row | The Coast Herald</description>"},
		{name: "title only, fetching on", path: "/c", fetch: true, wantSummary: true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			sink := &recordingSink{}
			p := newTestPoller(t, st, sink, 1<<20)
			if tt.fetch {
				p.opts.Pages = NewPageFetcher(PageOptions{Timeout: 2 * time.Second, AllowPrivate: true})
			}
			if err := p.PollOnce(ctx); err != nil { // the first fetch, or nothing new
				t.Fatal(err)
			}
			title := "Harbor city approves flood barrier (" + tt.name + ")"
			if tt.title != "" {
				title = tt.title
			}
			feed.Set(item(title, tt.path, tt.description), "application/rss+xml")
			if err := p.PollOnce(ctx); err != nil {
				t.Fatal(err)
			}
			if len(sink.got) != 1 {
				t.Fatalf("handed over %d articles, want 1", len(sink.got))
			}
			a := sink.got[0]
			if got := a.Summary != ""; got != tt.wantSummary {
				t.Fatalf("summary %q, want one: %v", a.Summary, tt.wantSummary)
			}
			if strings.Contains(a.Summary, "Harbor city approves flood barrier (") || tt.title != "" && strings.Contains(a.Summary, tt.title) {
				t.Errorf("summary repeats the title: %q", a.Summary)
			}
		})
	}
}
