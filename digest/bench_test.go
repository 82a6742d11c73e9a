package digest

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/newshound/newshound/news"
)

// BenchmarkTickIdle is the cost of one minute's tick with 10,000 chats, none due.
func BenchmarkTickIdle(b *testing.B) {
	start := time.Date(2026, 6, 10, 0, 0, 0, 0, time.UTC)
	f := newFixture(b, start)
	zones := []string{"America/New_York", "Europe/Berlin", "Asia/Kolkata", "+08:00"}
	for i := range 10000 {
		f.chat(int64(i+1), zones[i%len(zones)], fmt.Sprintf("%02d:%02d", 12+i%10, i%60))
	}
	s := f.scheduler(Options{})
	at := start.Add(time.Hour)
	b.ResetTimer()
	for range b.N {
		if _, err := s.Tick(context.Background(), at); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBuild200 builds a digest of 200 stories.
func BenchmarkBuild200(b *testing.B) {
	c := news.DigestContent{Sources: map[int64][]news.StorySource{}}
	t0 := time.Date(2026, 6, 10, 0, 0, 0, 0, time.UTC)
	for i := range 200 {
		id := int64(i + 1)
		c.Items = append(c.Items, news.DigestItem{StoryID: id, ArticleID: id, SubscriptionID: int64(i%5 + 1), Query: "query",
			Title: "A headline of ordinary length for a news story", URL: fmt.Sprintf("https://news.example/%d", i),
			Summary: "The first sentence says what happened. The second adds detail.", SourceName: "Wire", PublishedAt: t0.Add(time.Duration(i) * time.Minute)})
		c.Sources[id] = []news.StorySource{{Name: "Wire", Latest: t0}}
	}
	bl := Builder{MaxItems: 200}
	b.ResetTimer()
	for range b.N {
		bl.Build(c, Heading{Title: "Daily digest", Date: "today"})
	}
}
