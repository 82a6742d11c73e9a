package stories

import (
	"context"
	"testing"
	"time"

	"github.com/newshound/newshound/internal/testkit"

	"github.com/newshound/newshound/news"
)

func TestLinker(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)
	st := testkit.OpenStore(t, func() time.Time { return now })
	srcA := testkit.UpsertSource(t, st, "AP", "https://ap.example/rss", "config")
	srcB := testkit.UpsertSource(t, st, "Reuters", "https://reuters.example/rss", "config")
	lead := "Teams of deminers began clearing farmland near Kursk on Friday, officials said, after months in which farmers could not sow."
	insert := func(src int64, guid, url, title, summary string, published time.Time) news.Article {
		t.Helper()
		added, err := st.InsertArticles(ctx, src, []news.Article{{GUID: guid, URL: url, Title: title, Summary: summary, PublishedAt: published}})
		if err != nil || len(added) != 1 {
			t.Fatalf("insert %s: %v", guid, err)
		}
		return added[0]
	}
	old := insert(srcA.ID, "old", "https://ap.example/old", "Deminers clear fields near Kursk", lead, now.Add(-72*time.Hour))
	first := insert(srcA.ID, "1", "https://ap.example/kursk?utm_source=rss", "Deminers clear fields near Kursk", lead, now)
	l := NewLinker(Options{Store: st, Window: 48 * time.Hour, Threshold: 0.7, Now: func() time.Time { return now }})
	if _, err := l.Link(ctx, []news.Article{old}); err != nil {
		t.Fatal(err)
	}
	if n, err := l.Link(ctx, []news.Article{first}); err != nil || n != 0 {
		t.Fatalf("first article: joined %d, %v; want a new story (the twin is outside the window)", n, err)
	}

	batch := []news.Article{
		insert(srcB.ID, "amp", "https://www.ap.example/kursk/amp#top", "Completely different headline", "Nothing alike.", now),
		insert(srcB.ID, "wire", "https://reuters.example/x", "Deminers clear fields near Kursk", lead+" Reuters", now),
		insert(srcB.ID, "other", "https://reuters.example/y", "Central bank holds rates", "The central bank kept its main rate unchanged.", now),
		insert(srcA.ID, "again", "https://ap.example/z", "Central bank holds rates", "The central bank kept its main rate unchanged.", now),
	}
	n, err := l.Link(ctx, batch)
	if err != nil {
		t.Fatal(err)
	}
	if n != 3 {
		t.Errorf("joined = %d, want 3", n)
	}
	tests := []struct {
		name  string
		id    int64
		story int64
	}{
		{"amp and mobile variant of the same URL", batch[0].ID, first.ID},
		{"near-duplicate wire copy", batch[1].ID, first.ID},
		{"new story", batch[2].ID, batch[2].ID},
		{"joins a story of the same batch", batch[3].ID, batch[2].ID},
	}
	cands, err := st.StoryCandidates(ctx, now.Add(-time.Hour), 0)
	if err != nil {
		t.Fatal(err)
	}
	stories := map[int64]int64{}
	for _, c := range cands {
		stories[c.ArticleID] = c.StoryID
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := stories[tt.id]; got != tt.story {
				t.Errorf("story of article %d = %d, want %d", tt.id, got, tt.story)
			}
		})
	}
}

func TestLinkerWindowZeroTurnsItOff(t *testing.T) {
	ctx := context.Background()
	st := testkit.OpenStore(t, nil)
	src := testkit.UpsertSource(t, st, "AP", "https://ap.example/rss", "config")
	added, err := st.InsertArticles(ctx, src.ID, []news.Article{
		{GUID: "1", URL: "https://ap.example/a", Title: "Same", PublishedAt: time.Now()},
		{GUID: "2", URL: "https://ap.example/a?utm_source=x", Title: "Same", PublishedAt: time.Now()},
	})
	if err != nil {
		t.Fatal(err)
	}
	l := NewLinker(Options{Store: st, Window: 0, Threshold: 0.7})
	if n, err := l.Link(ctx, added); err != nil || n != 0 {
		t.Fatalf("joined = %d, %v; want 0 with the window off", n, err)
	}
}
