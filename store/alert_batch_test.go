package store

import (
	"context"
	"database/sql"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/newshound/newshound/news"
)

// TestAlertBatchQueuesWhatOneByOneQueues: random batches of alerts (the
// same article for a chat twice, in two topics, several articles of a
// story, sources named in two cases, a chat and an article gone, earlier
// alerts sent, dropped or held) queued in a batch (queueBatch) and alert by
// alert (queue, each in its savepoint) by two stores holding the same rows
// leave the same outbox and alerts rows and count the same messages.
func TestAlertBatchQueuesWhatOneByOneQueues(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)
	clock := func() time.Time { return now }
	open := func(name string) *Store {
		st, err := Open(ctx, filepath.Join(t.TempDir(), name), clock)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { st.Close() })
		st.SetLogger(slog.New(slog.NewTextHandler(io.Discard, nil)))
		return st
	}
	batch, single := open("batch.db"), open("single.db")
	both := func(q string, args ...any) {
		t.Helper()
		for _, st := range []*Store{batch, single} {
			if _, err := st.w.ExecContext(ctx, q, args...); err != nil {
				t.Fatalf("%s: %v", q, err)
			}
		}
	}
	rnd := rand.New(rand.NewPCG(18, 27))
	var subs []int64 // by chat: 4 chats, a subscription in topic 0 and one in topic 7 each
	var articles []int64
	for _, st := range []*Store{batch, single} {
		subs, articles = nil, nil
		var sources []int64
		for i, name := range []string{"Wire", "WIRE", "Reuters", "Daily"} {
			src, err := st.UpsertSource(ctx, name, fmt.Sprintf("https://s%d.example/rss", i), "config")
			if err != nil {
				t.Fatal(err)
			}
			sources = append(sources, src.ID)
		}
		for chat := int64(1); chat <= 4; chat++ {
			if _, err := st.EnsureChat(ctx, chat, "supergroup", "", news.ChatDefaults{Timezone: "UTC"}); err != nil {
				t.Fatal(err)
			}
			for _, thread := range []int{0, 7} {
				sub, _, err := st.CreateSubscriptionIn(ctx, chat, thread, fmt.Sprintf("q%d", thread), fmt.Sprintf("q%d", thread), 10)
				if err != nil {
					t.Fatal(err)
				}
				subs = append(subs, sub.ID)
			}
		}
		for i := range 40 {
			added, err := st.InsertArticles(ctx, sources[i%len(sources)], []news.Article{{GUID: fmt.Sprint(i), URL: fmt.Sprintf("https://a.example/%d", i), Title: "Kursk", PublishedAt: now}})
			if err != nil || len(added) != 1 {
				t.Fatalf("article %d: %v", i, err)
			}
			articles = append(articles, added[0].ID)
			if story := i % 5; i >= 4 && story < 4 { // in the story of one of the first four
				if err := st.LinkArticle(ctx, added[0].ID, articles[story], "", nil); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
	dump := func(st *Store) [][]any {
		t.Helper()
		var out [][]any
		for _, q := range []string{
			`SELECT id, chat_id, kind, priority, article_id, subscription_id, COALESCE(target_id, -1), created_at, status FROM outbox ORDER BY id`,
			`SELECT chat_id, thread_id, article_id, subscription_id, created_at, story_id, delivery, COALESCE(outbox_id, -1) FROM alerts ORDER BY article_id, chat_id, thread_id`,
		} {
			rows, err := st.w.QueryContext(ctx, q)
			if err != nil {
				t.Fatal(err)
			}
			for rows.Next() {
				vals := make([]any, 9)
				ptrs := make([]any, len(vals))
				for i := range vals {
					ptrs[i] = &vals[i]
				}
				cols, _ := rows.Columns()
				if err := rows.Scan(ptrs[:len(cols)]...); err != nil {
					t.Fatal(err)
				}
				out = append(out, vals[:len(cols)])
			}
			rows.Close()
		}
		return out
	}
	batches := 0
	for round := range 150 {
		var alerts []news.Alert
		for range 2 + rnd.IntN(30) { // across chunks of alertChunk too
			s := rnd.IntN(len(subs))
			alerts = append(alerts, news.Alert{ChatID: int64(s/2 + 1), ArticleID: articles[rnd.IntN(len(articles))], SubscriptionID: subs[s],
				AlsoOnly: rnd.IntN(4) == 0}) // a muted subscription's: only an edit
			if rnd.IntN(8) == 0 { // the same alert twice
				alerts = append(alerts, alerts[len(alerts)-1])
			}
		}
		if rnd.IntN(10) == 0 { // a chat that does not exist
			alerts = append(alerts, news.Alert{ChatID: 99, ArticleID: articles[0], SubscriptionID: subs[0]})
		}
		if rnd.IntN(10) == 0 { // an article that does not exist
			alerts = append(alerts, news.Alert{ChatID: 1, ArticleID: 1 << 40, SubscriptionID: subs[0]})
		}
		var nb, ns int
		err := batch.tx(ctx, func(tx *wtx) (err error) {
			nb, err = batch.queueAlertsTx(ctx, tx, alerts, false)
			return err
		})
		if err != nil {
			t.Fatalf("round %d, batch: %v", round, err)
		}
		if len(alerts) >= alertBatchMin {
			batches++
		}
		if ns, err = single.queueAlerts(ctx, alerts, true); err != nil {
			t.Fatalf("round %d, one by one: %v", round, err)
		}
		if nb != ns {
			t.Fatalf("round %d: batch queued %d, one by one %d (%v)", round, nb, ns, alerts)
		}
		if b, s := dump(batch), dump(single); !reflect.DeepEqual(b, s) {
			t.Fatalf("round %d (%v): rows differ\nbatch:      %v\none by one: %v", round, alerts, b, s)
		}
		// Between fetches: messages sent or dropped, alerts held, time
		// going on (sometimes not: alerts of one second).
		for _, id := range []int{rnd.IntN(50), rnd.IntN(50)} {
			both(`UPDATE outbox SET status = 'sent' WHERE id = ?`, id)
		}
		both(`UPDATE outbox SET status = 'dropped' WHERE id = ?`, rnd.IntN(50))
		both(`UPDATE alerts SET delivery = 'held' WHERE article_id = ? AND delivery = 'alert'`, articles[rnd.IntN(len(articles))])
		if rnd.IntN(3) > 0 {
			now = now.Add(time.Duration(rnd.IntN(3)) * time.Second)
		}
	}
	if batches < 120 {
		t.Errorf("%d batches queued, want most of 150", batches)
	}
	var n int
	if err := batch.w.QueryRowContext(ctx, `SELECT count(*) FROM outbox WHERE kind = 'edit'`).Scan(&n); err != nil || n == 0 {
		t.Errorf("%d edits queued (%v): the rounds never found a story's alert", n, err)
	}
}

// TestFirstAlertIsTheEarliestThatCounts: a story's first alert is the
// earliest by time, then by article id, of those that reached or will reach
// the chat (held, or an alert whose message is pending or sent), not the
// article's own.
func TestFirstAlertIsTheEarliestThatCounts(t *testing.T) {
	status := func(s string) sql.NullString { return sql.NullString{String: s, Valid: s != ""} }
	rows := []storyAlertRow{
		{article: 9, created: 100, delivery: "alert", status: status("sent")},
		{article: 5, created: 100, delivery: "held"},
		{article: 2, created: 90, delivery: "alert", status: status("dropped")},
		{article: 3, created: 95, delivery: "also"},
		{article: 4, created: 99, delivery: "alert"}, // no outbox row
	}
	for _, tt := range []struct {
		name    string
		article int64
		want    int64 // 0: none
	}{
		{"a tie in time goes to the lower article", 1, 5},
		{"not the article's own", 5, 9},
	} {
		first, found := firstAlert(rows, tt.article)
		if got := map[bool]int64{true: first.article}[found]; got != tt.want {
			t.Errorf("%s: first = %d (found %v), want %d", tt.name, first.article, found, tt.want)
		}
	}
	if _, found := firstAlert(rows[2:], 1); found {
		t.Error("a dropped alert, an also and an alert without outbox row count as a first alert")
	}
}

// TestAlertBatchWritesRowsTogether: a batch of 16 new alerts, each to its
// own chat, writes its 16 outbox rows and 16 alert rows in inserts of
// writeRows rows (8 statements), not one insert a row (32), and the rows
// are those one-by-one queueing writes (TestAlertBatchQueuesWhatOneByOneQueues).
func TestAlertBatchWritesRowsTogether(t *testing.T) {
	r := newDeliveryRig(t)
	ctx := context.Background()
	art := r.article(t, 0, "a")
	var alerts []news.Alert
	for chat := int64(1); chat <= 16; chat++ {
		alerts = append(alerts, news.Alert{ChatID: chat, ArticleID: art, SubscriptionID: r.chat(t, chat, "private")})
	}
	before := r.st.prepared.inserts.Load()
	if n, err := r.st.QueueAlerts(ctx, alerts); err != nil || n != 16 {
		t.Fatalf("queued %d, %v; want 16", n, err)
	}
	if n := r.st.prepared.inserts.Load() - before; n != 2*16/writeRows {
		t.Errorf("%d inserts for 16 alerts, want %d", n, 2*16/writeRows)
	}
	if n := r.count(t, `SELECT count(*) FROM alerts a JOIN outbox o ON o.id = a.outbox_id AND o.chat_id = a.chat_id AND o.kind = 'alert'`); n != 16 {
		t.Errorf("%d alerts with their outbox rows, want 16", n)
	}
}
