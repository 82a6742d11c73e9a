package store

import (
	"context"
	"slices"
	"testing"

	"github.com/newshound/newshound/news"
)

// StoryOutlets names, in one read for several articles, the other outlets
// of each one's story as an alert's "Also:" does: an aggregator's item as
// the outlet it carries, the article's own outlet and repeats (in any case)
// left out, whether the article began its story or joined it; an article
// alone in its story has none.
func TestStoryOutletsNamesEachArticlesOtherOutlets(t *testing.T) {
	r := newDeliveryRig(t)
	ctx := context.Background()
	source := func(name string) int64 {
		s, err := r.st.UpsertSource(ctx, name, "https://"+name[:3]+".example/rss", "config")
		if err != nil {
			t.Fatal(err)
		}
		return s.ID
	}
	gnews, abc, reuters := source("Google News"), source("abc15 arizona"), source("Reuters")
	article := func(src int64, guid, outlet string, story int64) int64 {
		added, err := r.st.InsertArticles(ctx, src, []news.Article{{GUID: guid, URL: "https://x.example/" + guid, Title: "Kursk " + guid, Outlet: outlet, PublishedAt: r.now}})
		if err != nil || len(added) != 1 {
			t.Fatalf("insert article %s: %v", guid, err)
		}
		if err := r.st.LinkArticle(ctx, added[0].ID, story, "", nil); err != nil {
			t.Fatal(err)
		}
		return added[0].ID
	}
	first := article(gnews, "g1", "ABC15 Arizona", 0)
	article(abc, "a1", "", first)
	ktar := article(gnews, "g2", "KTAR News", first)
	article(reuters, "r1", "", first)
	article(reuters, "r2", "", first)
	alone := article(reuters, "r3", "", 0)

	got, err := r.st.StoryOutlets(ctx, []int64{first, ktar, alone, 999})
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"KTAR News", "Reuters"}; !slices.Equal(got[first], want) {
		t.Errorf("outlets of the story's first = %q, want %q (its own ABC15, in any case, left out)", got[first], want)
	}
	if want := []string{"ABC15 Arizona", "Reuters"}; !slices.Equal(got[ktar], want) {
		t.Errorf("outlets of a later report = %q, want %q", got[ktar], want)
	}
	if len(got[alone]) != 0 || len(got[999]) != 0 {
		t.Errorf("an article alone, a gone one: %q, %q; want none", got[alone], got[999])
	}
}
