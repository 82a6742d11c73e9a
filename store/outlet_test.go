package store

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/newshound/newshound/news"
)

// TestQueueAlertsFoldsAnAggregatorsOutlet: an aggregator's item (Google
// News) counts as the outlet it carries (news.Article.Outlet): its alert's
// story gains no edit from that outlet's own item (named in any case), an
// edit from another outlet's (an aggregator's item too), and AlsoSources
// and the digest name outlets, not the aggregator; FindArticle reads the
// outlet back. One
// alert at a time and a batch of them fold alike.
func TestQueueAlertsFoldsAnAggregatorsOutlet(t *testing.T) {
	for _, batch := range []bool{false, true} {
		r := newDeliveryRig(t)
		ctx := context.Background()
		sub := r.chat(t, 10, "private")
		source := func(name string) int64 {
			s, err := r.st.UpsertSource(ctx, name, "https://"+name[:3]+".example/rss", "config")
			if err != nil {
				t.Fatal(err)
			}
			return s.ID
		}
		gnews, abc, courier := source("Google News"), source("abc15 arizona"), source("Daily Courier")
		article := func(src int64, guid, outlet string) int64 {
			added, err := r.st.InsertArticles(ctx, src, []news.Article{{GUID: guid, URL: "https://x.example/" + guid, Title: "Kursk " + guid, Outlet: outlet, PublishedAt: r.now}})
			if err != nil || len(added) != 1 {
				t.Fatalf("insert article %s: %v", guid, err)
			}
			if err := r.st.LinkArticle(ctx, added[0].ID, 0, "", nil); err != nil {
				t.Fatal(err)
			}
			return added[0].ID
		}
		first := article(gnews, "g1", "ABC15 Arizona")
		for _, id := range []int64{article(abc, "a1", ""), article(gnews, "g2", "KTAR News"), article(courier, "c1", ""), article(gnews, "g3", "Daily Courier")} {
			if err := r.st.LinkArticle(ctx, id, first, "", nil); err != nil {
				t.Fatal(err)
			}
		}
		if a, err := r.st.FindArticle(ctx, first); err != nil || a.Outlet != "ABC15 Arizona" || a.SourceName != "Google News" {
			t.Fatalf("FindArticle = %q of %q, %v; want ABC15 Arizona of Google News", a.Outlet, a.SourceName, err)
		}
		ids := r.rows(t, `SELECT id FROM articles WHERE id <> ? ORDER BY id`, first)
		alerts := []news.Alert{{ChatID: 10, ArticleID: first, SubscriptionID: sub}}
		for _, row := range ids {
			alerts = append(alerts, news.Alert{ChatID: 10, ArticleID: row[0].(int64), SubscriptionID: sub})
		}
		queued := 0
		if batch {
			n, err := r.st.QueueAlerts(ctx, alerts)
			if err != nil {
				t.Fatal(err)
			}
			queued = n
		} else {
			for _, al := range alerts {
				n, err := r.st.QueueAlerts(ctx, []news.Alert{al})
				if err != nil {
					t.Fatal(err)
				}
				queued += n
			}
		}
		// The alert, an edit for KTAR News, one for Daily Courier; none for
		// ABC15's own item nor the aggregator's second Daily Courier item.
		if queued != 3 {
			t.Errorf("batch %v: queued %d, want 3 (the alert and two edits)", batch, queued)
		}
		also, err := r.st.AlsoSources(ctx, 10, 0, first)
		if err != nil || len(also) != 2 || also[0] != "KTAR News" || also[1] != "Daily Courier" {
			t.Errorf("batch %v: AlsoSources = %q, %v; want [KTAR News, Daily Courier]", batch, also, err)
		}
		// The digest names the story's outlets alike, once each.
		var content news.DigestContent
		build := func(c news.DigestContent) ([]string, error) { content = c; return []string{"Daily digest"}, nil }
		if _, err := r.st.QueueDigest(ctx, news.Digest{ChatID: 10, Kind: news.DigestNow, DueAt: r.now, Since: r.now.Add(-time.Hour), Until: r.now.Add(time.Second)}, build); err != nil {
			t.Fatal(err)
		}
		if len(content.Items) == 0 || content.Items[0].SourceName != "ABC15 Arizona" {
			t.Errorf("batch %v: digest items = %+v, want the first of ABC15 Arizona", batch, content.Items)
		}
		var names []string
		for _, src := range content.Sources[first] {
			names = append(names, strings.ToLower(src.Name))
		}
		slices.Sort(names)
		if want := []string{"abc15 arizona", "daily courier", "ktar news"}; !slices.Equal(names, want) {
			t.Errorf("batch %v: digest's outlets of the story = %q, want %q", batch, names, want)
		}
	}
}
