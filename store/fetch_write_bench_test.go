package store

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/newshound/newshound/news"
)

// BenchmarkFetchWrite is a fetch's write as the fill makes it: a feed of 20
// items, 5 of them new, stored final with a plan of 16 alerts to 14 of 40
// chats (no story links), the full-text batch every 256 articles (the
// clock of the batches is held still, so that it does not close them by
// time). "watched" gives it a context that can be cancelled, as the bot
// does; "background" one that cannot. Instructions a fetch: callgrind's
// count at two -test.benchtime values, their difference over the fetches'.
func BenchmarkFetchWrite(b *testing.B) {
	for _, mode := range []struct {
		name   string
		cancel bool
	}{{"background", false}, {"watched", true}} {
		b.Run(mode.name, func(b *testing.B) {
			ctx := context.Background()
			if mode.cancel {
				c, cancel := context.WithCancel(ctx)
				defer cancel()
				ctx = c
			}
			now := time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)
			st, src, subs := wireWithChats(ctx, b, now)
			st.later.mu.Lock()
			st.later.clock = func() time.Time { return now }
			st.later.mu.Unlock()
			item := func(g int) news.Article {
				return news.Article{GUID: fmt.Sprint(g), URL: fmt.Sprintf("https://wire.example/%d", g), Title: fmt.Sprintf("Kursk %d", g),
					Text: fmt.Sprintf("Kursk text of item %d, with a few more words for the index.", g), PublishedAt: now, Alertable: true}
			}
			finish := func(_ int, a *news.Article) bool {
				a.Summary = "Kursk summary of " + a.GUID
				return true
			}
			guid := 0
			b.ResetTimer()
			for range b.N {
				var items []news.Article
				for g := max(guid-14, 1); g <= guid; g++ {
					items = append(items, item(g)) // seen before
				}
				for range 5 {
					guid++
					items = append(items, item(guid))
				}
				plan := func(ctx context.Context, arts []news.Article) ([]news.StoryCandidate, []news.Alert, error) {
					var alerts []news.Alert
					for j := range 16 {
						c := (guid*7 + j*3) % 40
						alerts = append(alerts, news.Alert{ChatID: int64(c + 1), ArticleID: arts[j%len(arts)].ID, SubscriptionID: subs[c]})
					}
					return nil, alerts, nil
				}
				added, _, ok, err := st.StoreFeedItemsPlanned(ctx, src.ID, items, finish, plan)
				if err != nil || !ok || len(added) != 5 {
					b.Fatalf("stored %d, plan stored %v, %v", len(added), ok, err)
				}
				now = now.Add(time.Minute)
			}
		})
	}
}
