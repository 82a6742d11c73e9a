package store

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/newshound/newshound/news"
)

// BenchmarkQueueAlerts queues a fetch's alerts as the fill makes them: 5
// new articles, 16 alerts to 14 of 40 chats, in one transaction; "batch"
// queues them in a batch (queueBatch), "one by one" alert by alert (queue),
// as QueueAlerts queues fewer than alertBatchMin.
// For instructions an op, run it under callgrind at two -test.benchtime
// counts and divide the difference.
func BenchmarkQueueAlerts(b *testing.B) {
	for _, mode := range []struct {
		name  string
		batch bool
	}{{"batch", true}, {"one by one", false}} {
		b.Run(mode.name, func(b *testing.B) {
			ctx := context.Background()
			now := time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)
			st, src, subs := wireWithChats(ctx, b, now)
			guid := 0
			b.ResetTimer()
			for range b.N {
				b.StopTimer()
				var items []news.Article
				for range 5 {
					guid++
					items = append(items, news.Article{GUID: fmt.Sprint(guid), URL: fmt.Sprintf("https://wire.example/%d", guid), Title: "Kursk", PublishedAt: now})
				}
				added, err := st.InsertArticles(ctx, src.ID, items)
				if err != nil {
					b.Fatal(err)
				}
				var alerts []news.Alert
				for j := range 16 {
					c := (guid*7 + j*3) % 40
					alerts = append(alerts, news.Alert{ChatID: int64(c + 1), ArticleID: added[j%5].ID, SubscriptionID: subs[c]})
				}
				err = st.tx(ctx, func(tx *wtx) error {
					b.StartTimer()
					defer b.StopTimer() // not the commit
					if mode.batch {
						_, err := st.queueBatch(ctx, tx, alerts, now.Unix())
						return err
					}
					q, err := st.alertStatements(ctx, tx)
					if err != nil {
						return err
					}
					for _, a := range alerts {
						if _, err := q.queue(ctx, a, now.Unix()); err != nil {
							return err
						}
					}
					return nil
				})
				if err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// wireWithChats opens a store in b's temporary folder on a clock held at
// now, with one source, Wire, and 40 private chats each subscribed to
// "kursk"; it returns the store (closed when b ends), the source and the
// subscriptions' ids, chat 1's first.
func wireWithChats(ctx context.Context, b *testing.B, now time.Time) (*Store, news.Source, []int64) {
	b.Helper()
	st, err := Open(ctx, filepath.Join(b.TempDir(), "bench.db"), func() time.Time { return now })
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	src, err := st.UpsertSource(ctx, "Wire", "https://wire.example/rss", "config")
	if err != nil {
		b.Fatal(err)
	}
	var subs []int64
	for chat := int64(1); chat <= 40; chat++ {
		if _, err := st.EnsureChat(ctx, chat, "private", "", news.ChatDefaults{Timezone: "UTC"}); err != nil {
			b.Fatal(err)
		}
		sub, _, err := st.CreateSubscription(ctx, chat, "kursk", "kursk", 10)
		if err != nil {
			b.Fatal(err)
		}
		subs = append(subs, sub.ID)
	}
	return st, src, subs
}
