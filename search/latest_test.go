package search_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/newshound/newshound/news"
	"github.com/newshound/newshound/search"
)

func TestLatest(t *testing.T) {
	r := newRig(t)
	r.articles("Alpha",
		news.Article{GUID: "a1", Title: "Kursk fields reopen", PublishedAt: r.now.Add(-2 * time.Hour)},
		news.Article{GUID: "a2", Title: "Tariffs on steel rise", PublishedAt: r.now.Add(-time.Hour)},
		news.Article{GUID: "a3", Title: "Kursk harvest late", PublishedAt: r.now.Add(-10 * 24 * time.Hour)},
		news.Article{GUID: "a4", Title: "Kursk steel tariffs", PublishedAt: r.now.Add(-3 * time.Hour)},
	)
	r.articles("Beta", news.Article{GUID: "b1", Title: "Kursk deminers at work", PublishedAt: r.now.Add(-30 * time.Minute)})
	var many []news.Article
	for i := range search.LatestCount + 3 {
		many = append(many, news.Article{GUID: fmt.Sprint("w", i), Title: fmt.Sprint("Weather bulletin ", i), PublishedAt: r.now.Add(-time.Duration(20+7*i) * time.Minute)})
	}
	r.articles("Gamma", many...)

	kursk := news.Subscription{ID: 1, Query: "kursk"}
	tariffs := news.Subscription{ID: 2, Query: "tariffs"}
	beta := news.Subscription{ID: 3, Query: "source:beta"}
	broken := news.Subscription{ID: 4, Query: `"unclosed`}
	weather := news.Subscription{ID: 5, Query: "weather"}
	tests := []struct {
		name string
		subs []news.Subscription
		want []string // "title #subscription", newest first
	}{
		{"each article once, for the first subscription that matched it", []news.Subscription{kursk, tariffs},
			[]string{"Kursk deminers at work #1", "Tariffs on steel rise #2", "Kursk fields reopen #1", "Kursk steel tariffs #1"}},
		{"the order of subscriptions decides whose an article is", []news.Subscription{tariffs, kursk},
			[]string{"Kursk deminers at work #1", "Tariffs on steel rise #2", "Kursk fields reopen #1", "Kursk steel tariffs #2"}},
		{"a query FTS5 cannot narrow reads the recent articles", []news.Subscription{beta}, []string{"Kursk deminers at work #3"}},
		{"a query that no longer parses is skipped", []news.Subscription{broken, tariffs}, []string{"Tariffs on steel rise #2", "Kursk steel tariffs #2"}},
		{"at most LatestCount, newest first", []news.Subscription{weather, kursk},
			[]string{"Weather bulletin 0 #5", "Weather bulletin 1 #5", "Kursk deminers at work #1", "Weather bulletin 2 #5", "Weather bulletin 3 #5"}},
		{"no subscriptions", nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			found, err := r.svc.Latest(context.Background(), tt.subs)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, m := range found {
				got = append(got, fmt.Sprintf("%s #%d", m.Article.Title, m.SubscriptionID))
			}
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("Latest =\n%q\nwant\n%q", got, tt.want)
			}
		})
	}
}

func TestTrending(t *testing.T) {
	r := newRig(t)
	ctx := context.Background()
	big := r.articles("Alpha", news.Article{GUID: "big", Title: "Big story", PublishedAt: r.now.Add(-time.Hour)})[0]
	lone := r.articles("Beta", news.Article{GUID: "lone", Title: "Lone story", PublishedAt: r.now.Add(-time.Minute)})[0]
	b2 := r.articles("Gamma", news.Article{GUID: "big2", Title: "Big story (C)", PublishedAt: r.now.Add(-30 * time.Minute)})[0]
	r.articles("Delta", news.Article{GUID: "old", Title: "Old story", PublishedAt: r.now.Add(-search.TrendingWindow - time.Minute)})
	if err := r.st.LinkArticle(ctx, b2.ID, big.ID, "", nil); err != nil {
		t.Fatal(err)
	}
	stories, err := r.svc.Trending(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, s := range stories {
		got = append(got, fmt.Sprintf("%d %v", s.ID, s.Sources))
	}
	want := []string{fmt.Sprintf("%d [Alpha Gamma]", big.ID), fmt.Sprintf("%d [Beta]", lone.ID)}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("Trending = %q, want %q", got, want)
	}
}

// Two outlets' reports of one story were two lines of /latest, as if it had
// happened twice: the story is one line, its newest report, naming the
// other outlets (as its alert's "Also:"); another story stays apart.
func TestLatestShowsAStoryOnce(t *testing.T) {
	r := newRig(t)
	first := r.articles("Alpha", news.Article{GUID: "a1", Title: "Volcano erupts near Reykjavik", PublishedAt: r.now.Add(-2 * time.Hour)})[0]
	second := r.articles("Beta", news.Article{GUID: "b1", Title: "Volcano erupts, Grindavik evacuated", PublishedAt: r.now.Add(-time.Hour)})[0]
	third := r.articles("Gamma", news.Article{GUID: "c1", Title: "Reykjavik volcano: evacuation", PublishedAt: r.now.Add(-3 * time.Hour)})[0]
	r.articles("Delta", news.Article{GUID: "d1", Title: "Volcano museum opens in Naples", PublishedAt: r.now.Add(-90 * time.Minute)})
	ctx := context.Background()
	for _, a := range []news.Article{second, third} {
		if err := r.st.LinkArticle(ctx, a.ID, first.ID, "", nil); err != nil {
			t.Fatal(err)
		}
	}
	got, err := r.svc.Latest(ctx, []news.Subscription{{ID: 1, Query: "volcano"}})
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, m := range got {
		lines = append(lines, fmt.Sprintf("%s also %v", m.Article.Title, m.Also))
	}
	want := []string{"Volcano erupts, Grindavik evacuated also [Alpha Gamma]", "Volcano museum opens in Naples also []"}
	if fmt.Sprint(lines) != fmt.Sprint(want) {
		t.Errorf("Latest = %q, want %q", lines, want)
	}
}

// Two outlets' reports of one story were two inline entries (and two lines
// of a shared query's "Lately it found"): Top offers a story once, its
// best-ranked report, and still n stories when more follow.
func TestTopOffersAStoryOnce(t *testing.T) {
	r := newRig(t)
	first := r.articles("Alpha", news.Article{GUID: "a1", Title: "Volcano erupts near Reykjavik", Text: "The volcano erupted.", PublishedAt: r.now.Add(-2 * time.Hour)})[0]
	second := r.articles("Beta", news.Article{GUID: "b1", Title: "Volcano erupts, Grindavik evacuated", Text: "The volcano erupted.", PublishedAt: r.now.Add(-time.Hour)})[0]
	r.articles("Delta", news.Article{GUID: "d1", Title: "Volcano museum opens in Naples", Text: "A museum.", PublishedAt: r.now.Add(-90 * time.Minute)},
		news.Article{GUID: "d2", Title: "Volcano tours resume in Sicily", Text: "Tours.", PublishedAt: r.now.Add(-4 * time.Hour)})
	if err := r.st.LinkArticle(context.Background(), second.ID, first.ID, "", nil); err != nil {
		t.Fatal(err)
	}
	got, err := r.svc.Top(context.Background(), "volcano", 3)
	if err != nil {
		t.Fatal(err)
	}
	stories := map[string]int{}
	for _, a := range got {
		if a.ID == first.ID || a.ID == second.ID {
			stories["eruption"]++
		} else {
			stories[a.Title]++
		}
	}
	if len(got) != 3 || stories["eruption"] != 1 {
		t.Errorf("Top = %d articles, stories %v; want 3, the eruption once", len(got), stories)
	}
}
