package bot

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/newshound/newshound/news"
)

// TestSubscribePreviewShowsAStoryOnce: two outlets' articles of one story
// were two lines of the /subscribe preview, as if the volcano had erupted
// twice; the preview names each story once (the count still counts
// articles).
func TestSubscribePreviewShowsAStoryOnce(t *testing.T) {
	h := newHarness(t)
	now := h.clock.Now()
	first := h.mustArticles("Alpha News", news.Article{GUID: "a1", URL: "https://alpha.example/v", Title: "Volcano erupts near Reykjavik, Grindavik evacuated",
		Text: "A volcano erupted near Reykjavik.", PublishedAt: now.Add(-2 * time.Hour)})[0]
	second := h.mustArticles("Beta Times", news.Article{GUID: "b1", URL: "https://beta.example/v", Title: "Volcano erupts near Reykjavik forcing evacuation",
		Text: "A volcano erupted near Reykjavik.", PublishedAt: now.Add(-time.Hour)})[0]
	h.mustArticles("Gamma Post", news.Article{GUID: "c1", URL: "https://gamma.example/m", Title: "Volcano museum opens in Naples",
		Text: "A museum about the volcano opened.", PublishedAt: now.Add(-3 * time.Hour)})
	if err := h.st.LinkArticle(context.Background(), second.ID, first.ID, "", nil); err != nil {
		t.Fatal(err)
	}
	got := h.reply(50, "private", 50, "/subscribe volcano").Text()
	if !strings.Contains(got, "matched 3 stored articles") {
		t.Errorf("the count changed:\n%s", got)
	}
	if n := strings.Count(got, "\n• "); n != 2 {
		t.Errorf("%d preview lines, want 2 (one per story):\n%s", n, got)
	}
	for _, want := range []string{"• Volcano erupts near Reykjavik forcing evacuation (2 articles)\n", "• Volcano museum opens in Naples"} {
		if !strings.Contains(got, want) {
			t.Errorf("the preview lacks %q:\n%s", want, got)
		}
	}
}

// /latest showed one story twice, once per outlet that reported it: it is
// one entry, naming the other outlet as the story's alert does.
func TestLatestShowsAStoryOnce(t *testing.T) {
	h := newHarness(t)
	now := h.clock.Now()
	first := h.mustArticles("Alpha News", news.Article{GUID: "a1", URL: "https://alpha.example/v", Title: "Volcano erupts near Reykjavik, Grindavik evacuated",
		Text: "A volcano erupted near Reykjavik.", PublishedAt: now.Add(-2 * time.Hour)})[0]
	second := h.mustArticles("Beta & Times", news.Article{GUID: "b1", URL: "https://beta.example/v", Title: "Volcano erupts near Reykjavik forcing evacuation",
		Text: "A volcano erupted near Reykjavik.", PublishedAt: now.Add(-time.Hour)})[0]
	if err := h.st.LinkArticle(context.Background(), second.ID, first.ID, "", nil); err != nil {
		t.Fatal(err)
	}
	h.mustSubscribe(51, "private", "volcano")
	got := h.reply(51, "private", 51, "/latest").Text()
	if n := strings.Count(got, "<a href="); n != 1 {
		t.Errorf("%d entries, want 1 (one per story):\n%s", n, got)
	}
	if !strings.Contains(got, "forcing evacuation") || !strings.Contains(got, "➕ Also: Alpha News") {
		t.Errorf("/latest lacks the newest report and the other outlet:\n%s", got)
	}
}
