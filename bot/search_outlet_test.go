package bot

import (
	"context"
	"strings"
	"testing"

	"github.com/newshound/newshound/news"
)

// TestSearchNamesTheOutlet: /search and inline results named an
// aggregator's item by the aggregator ("Google News"), where its alert names
// the outlet it carries; they now name it as the alert does.
func TestSearchNamesTheOutlet(t *testing.T) {
	h := newHarness(t)
	ctx := context.Background()
	src, err := h.st.UpsertSource(ctx, "Google News", "https://news.google.example/rss", "config")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := h.st.InsertArticles(ctx, src.ID, []news.Article{
		{GUID: "g1", URL: "https://news.google.example/g1", Title: "Dam bursts near Kursk", Text: "The dam near Kursk burst.",
			PublishedAt: h.clock.Now(), Outlet: "ABC15 Arizona"},
	}); err != nil {
		t.Fatal(err)
	}
	if got := h.reply(40, "private", 40, "/search kursk").Text(); !strings.Contains(got, "<i>ABC15 Arizona via Google News · ") {
		t.Errorf("/search:\n%s\nwant the outlet via the aggregator", got)
	}
	h.queued.Add(1)
	res, _ := acceptedInline(t, h.tg, h.tg.SendInlineQuery(5, "kursk"))
	if len(res) != 1 {
		t.Fatalf("inline results = %v, want the one article", res)
	}
	if d, _ := res[0]["description"].(string); !strings.HasPrefix(d, "ABC15 Arizona via Google News · ") {
		t.Errorf("inline description = %q, want the outlet via the aggregator first", d)
	}
}
