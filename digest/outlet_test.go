package digest

import (
	"strings"
	"testing"
	"time"

	"github.com/newshound/newshound/news"
)

// TestBuilderNamesAnOutletOnceInAnyCase: a story's item from an outlet
// (an aggregator's item names it: "ABC15 Arizona") and that outlet's own
// source spelled in another case ("abc15 arizona") are one outlet.
func TestBuilderNamesAnOutletOnceInAnyCase(t *testing.T) {
	t0 := time.Date(2026, 11, 27, 11, 0, 0, 0, time.UTC)
	content := news.DigestContent{
		Items: []news.DigestItem{{StoryID: 1, ArticleID: 1, SubscriptionID: 1, Query: "courthouse", Title: "Courthouse shooting",
			URL: "https://news.example/1", SourceName: "ABC15 Arizona", PublishedAt: t0}},
		Sources: map[int64][]news.StorySource{1: {{Name: "abc15 arizona", Latest: t0}, {Name: "Daily Courier", Latest: t0}}},
	}
	msgs := Builder{MaxItems: 10}.Build(content, Heading{Title: "Daily digest", Date: "Friday 27 November"})
	if len(msgs) != 1 || !strings.Contains(msgs[0], "ABC15 Arizona, Daily Courier") || strings.Contains(msgs[0], "abc15 arizona") {
		t.Errorf("digest does not name the two outlets once each:\n%s", strings.Join(msgs, "\n---\n"))
	}
}
