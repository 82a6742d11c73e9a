package store

import (
	"context"
	"errors"
	"path/filepath"
	"testing"
	"time"

	"github.com/newshound/newshound/news"
)

var testNow = time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)

func mustOpenStore(tb testing.TB) *Store {
	tb.Helper()
	st, err := Open(context.Background(), filepath.Join(tb.TempDir(), "store.db"), func() time.Time { return testNow })
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { st.Close() })
	return st
}

func TestOpenTwiceMigratesOnce(t *testing.T) {
	path := filepath.Join(t.TempDir(), "twice.db")
	ctx := context.Background()
	st, err := Open(ctx, path, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.UpsertSource(ctx, "A", "https://a.example/", "config"); err != nil {
		t.Fatal(err)
	}
	st.Close()
	st, err = Open(ctx, path, nil)
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	defer st.Close()
	srcs, err := st.ListSources(ctx)
	if err != nil || len(srcs) != 1 {
		t.Fatalf("sources after reopen = %v, %v", srcs, err)
	}
	var mode string
	if err := st.w.QueryRow(`PRAGMA journal_mode`).Scan(&mode); err != nil {
		t.Fatal(err)
	}
	if mode != "wal" {
		t.Errorf("journal_mode = %q, want wal", mode)
	}
	var fk int
	if err := st.w.QueryRow(`PRAGMA foreign_keys`).Scan(&fk); err != nil {
		t.Fatal(err)
	}
	if fk != 1 {
		t.Errorf("foreign_keys = %d, want 1", fk)
	}
}

func TestInsertArticlesSkipsKnownGuidOrLink(t *testing.T) {
	ctx := context.Background()
	st := mustOpenStore(t)
	src, err := st.UpsertSource(ctx, "A", "https://a.example/feed", "config")
	if err != nil {
		t.Fatal(err)
	}
	first, err := st.InsertArticles(ctx, src.ID, []news.Article{
		{GUID: "g1", URL: "https://a.example/1", Title: "One", PublishedAt: testNow},
		{GUID: "g2", URL: "https://a.example/2", Title: "Two", PublishedAt: testNow},
	})
	if err != nil || len(first) != 2 || first[0].ID == 0 {
		t.Fatalf("first insert = %+v, %v", first, err)
	}
	again, err := st.InsertArticles(ctx, src.ID, []news.Article{
		{GUID: "g1", URL: "https://a.example/1", Title: "One"},         // same guid
		{GUID: "g2-changed", URL: "https://a.example/2", Title: "Two"}, // same link, new guid
		{GUID: "g3", URL: "https://a.example/3", Title: "Three"},       // new
		{GUID: "g4", URL: "", Title: "No link"},                        // new, empty link
		{GUID: "g5", URL: "", Title: "No link either"},                 // empty links never collide
	})
	if err != nil {
		t.Fatal(err)
	}
	var titles []string
	for _, a := range again {
		titles = append(titles, a.Title)
	}
	if len(again) != 3 || again[0].Title != "Three" {
		t.Fatalf("second insert added %q, want Three and the two without links", titles)
	}
	other, err := st.UpsertSource(ctx, "B", "https://b.example/feed", "config")
	if err != nil {
		t.Fatal(err)
	}
	if got, err := st.InsertArticles(ctx, other.ID, []news.Article{{GUID: "g1", URL: "https://a.example/1", Title: "One"}}); err != nil || len(got) != 1 {
		t.Fatalf("another source's article with the same guid should be new, got %d", len(got))
	}
}

func TestQueueAlertsOncePerChatAndArticle(t *testing.T) {
	ctx := context.Background()
	st := mustOpenStore(t)
	src, err := st.UpsertSource(ctx, "A", "https://a.example/feed", "config")
	if err != nil {
		t.Fatal(err)
	}
	arts, err := st.InsertArticles(ctx, src.ID, []news.Article{{GUID: "g1", Title: "One"}, {GUID: "g2", Title: "Two"}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.EnsureChat(ctx, 10, "private", "", news.ChatDefaults{}); err != nil {
		t.Fatal(err)
	}
	if _, err := st.EnsureChat(ctx, 20, "group", "G", news.ChatDefaults{}); err != nil {
		t.Fatal(err)
	}
	s1, _, err := st.CreateSubscription(ctx, 10, "one", "one", 50)
	if err != nil {
		t.Fatal(err)
	}
	s2, _, err := st.CreateSubscription(ctx, 10, "two", "two", 50)
	if err != nil {
		t.Fatal(err)
	}
	s3, _, err := st.CreateSubscription(ctx, 20, "one", "one", 50)
	if err != nil {
		t.Fatal(err)
	}
	n, err := st.QueueAlerts(ctx, []news.Alert{
		{ChatID: 10, ArticleID: arts[0].ID, SubscriptionID: s1.ID},
		{ChatID: 10, ArticleID: arts[0].ID, SubscriptionID: s2.ID}, // same chat, same article
		{ChatID: 20, ArticleID: arts[0].ID, SubscriptionID: s3.ID},
		{ChatID: 10, ArticleID: arts[1].ID, SubscriptionID: s2.ID},
	})
	if err != nil || n != 3 {
		t.Fatalf("queued %d, %v; want 3", n, err)
	}
	if n, err := st.QueueAlerts(ctx, []news.Alert{{ChatID: 10, ArticleID: arts[0].ID, SubscriptionID: s1.ID}}); err != nil || n != 0 {
		t.Fatalf("queued again: %d", n)
	}
	if p, err := st.CountPending(ctx); err != nil || p != 3 {
		t.Fatalf("pending = %d, want 3", p)
	}
}

func TestDueMessagesKeepsEachChatsOrder(t *testing.T) {
	ctx := context.Background()
	st := mustOpenStore(t)
	if _, err := st.EnsureChat(ctx, 1, "private", "", news.ChatDefaults{}); err != nil {
		t.Fatal(err)
	}
	if _, err := st.EnsureChat(ctx, 2, "group", "", news.ChatDefaults{}); err != nil {
		t.Fatal(err)
	}
	a1, err := st.Enqueue(ctx, news.Message{ChatID: 1, Kind: news.KindAlert, Priority: news.PriorityAlert, Text: "a1"})
	if err != nil {
		t.Fatal(err)
	}
	a2, err := st.Enqueue(ctx, news.Message{ChatID: 1, Kind: news.KindAlert, Priority: news.PriorityAlert, Text: "a2"})
	if err != nil {
		t.Fatal(err)
	}
	r1, err := st.Enqueue(ctx, news.Message{ChatID: 1, Kind: news.KindReply, Priority: news.PriorityReply, Text: "r1"})
	if err != nil {
		t.Fatal(err)
	}
	b1, err := st.Enqueue(ctx, news.Message{ChatID: 2, Kind: news.KindAlert, Priority: news.PriorityAlert, Text: "b1"})
	if err != nil {
		t.Fatal(err)
	}

	due, err := st.DueMessages(ctx, testNow, 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(due) != 2 || due[0].ID != r1 || due[1].ID != b1 || due[1].ChatType != "group" {
		t.Fatalf("due = %+v; want the reply of chat 1 (ahead of its alerts) and chat 2's head", due)
	}
	if err := st.MarkSent(ctx, r1, 100); err != nil {
		t.Fatal(err)
	}
	// A head waiting for a retry holds back the rest of its chat.
	if err := st.MarkRetry(ctx, a1, testNow.Add(time.Minute), "boom"); err != nil {
		t.Fatal(err)
	}
	if due, err = st.DueMessages(ctx, testNow, 10); err != nil {
		t.Fatal(err)
	}
	if len(due) != 1 || due[0].ID != b1 {
		t.Fatalf("due = %+v; want only chat 2 while chat 1's head waits", due)
	}
	if due, err = st.DueMessages(ctx, testNow.Add(time.Minute), 10); err != nil {
		t.Fatal(err)
	}
	if len(due) != 2 || due[0].ID != a1 || due[0].Attempts != 1 {
		t.Fatalf("due later = %+v; want a1 again", due)
	}
	if err := st.MarkDropped(ctx, a1, "bad"); err != nil {
		t.Fatal(err)
	}
	if due, err = st.DueMessages(ctx, testNow.Add(time.Minute), 10); err != nil {
		t.Fatal(err)
	}
	if due[0].ID != a2 {
		t.Fatalf("after dropping a1 the head is %d, want a2", due[0].ID)
	}
}

func TestDeactivatingAChatDropsItsQueue(t *testing.T) {
	ctx := context.Background()
	st := mustOpenStore(t)
	if _, err := st.EnsureChat(ctx, 1, "private", "", news.ChatDefaults{}); err != nil {
		t.Fatal(err)
	}
	if _, err := st.Enqueue(ctx, news.Message{ChatID: 1, Kind: news.KindReply, Text: "x"}); err != nil {
		t.Fatal(err)
	}
	if _, _, err := st.CreateSubscription(ctx, 1, "q", "q", 5); err != nil {
		t.Fatal(err)
	}
	if err := st.SetChatActive(ctx, 1, false); err != nil {
		t.Fatal(err)
	}
	if n, err := st.CountPending(ctx); err != nil || n != 0 {
		t.Fatalf("pending = %d after deactivation", n)
	}
	if subs, err := st.ListSubscriptions(ctx, 1); err != nil || len(subs) != 1 {
		t.Fatalf("subscriptions = %d, want kept", len(subs))
	}
	c, err := st.FindChat(ctx, 1)
	if err != nil {
		t.Fatal(err)
	}
	if c.Active {
		t.Fatal("chat still active")
	}
	// EnsureChat does not reactivate; only /start does.
	if c, err = st.EnsureChat(ctx, 1, "private", "", news.ChatDefaults{}); err != nil {
		t.Fatal(err)
	}
	if c.Active {
		t.Fatal("EnsureChat reactivated the chat")
	}
}

func TestSubscriptionLimitsAndTargets(t *testing.T) {
	ctx := context.Background()
	st := mustOpenStore(t)
	if _, err := st.EnsureChat(ctx, 1, "private", "", news.ChatDefaults{Timezone: "Europe/Berlin", DigestTime: "07:30"}); err != nil {
		t.Fatal(err)
	}
	c, err := st.FindChat(ctx, 1)
	if err != nil {
		t.Fatal(err)
	}
	if c.Timezone != "Europe/Berlin" || c.DigestTime != "07:30" {
		t.Errorf("chat defaults not applied: %+v", c)
	}
	a, created, err := st.CreateSubscription(ctx, 1, "a", "a", 2)
	if err != nil || !created {
		t.Fatal(created, err)
	}
	dup, created, err := st.CreateSubscription(ctx, 1, "A", "a", 2)
	if err != nil {
		t.Fatal(err)
	}
	if created || dup.ID != a.ID {
		t.Fatalf("the same key created a second subscription")
	}
	b, _, err := st.CreateSubscription(ctx, 1, "b", "b", 2)
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := st.CreateSubscription(ctx, 1, "c", "c", 2); !errors.Is(err, news.ErrLimit) {
		t.Fatalf("err = %v, want ErrLimit", err)
	}
	if _, err := st.EnsureChat(ctx, 2, "private", "", news.ChatDefaults{}); err != nil {
		t.Fatal(err)
	}
	d, _, err := st.CreateSubscription(ctx, 2, "d", "d", 2)
	if err != nil {
		t.Fatal(err)
	}
	if err := st.SetSubscriptionMuted(ctx, 1, b.ID, true); err != nil {
		t.Fatal(err)
	}
	targets, err := st.AlertTargets(ctx, []int64{a.ID, b.ID, d.ID})
	if err != nil || len(targets) != 3 || targets[0].SubscriptionID != a.ID || targets[0].Muted || !targets[1].Muted || targets[2].ChatID != 2 || targets[2].Muted {
		t.Fatalf("targets = %+v, %v; want a (chat 1), the muted b marked muted (its matches only add Also:) and d (chat 2)", targets, err)
	}
	if err := st.SetChatPaused(ctx, 2, true); err != nil {
		t.Fatal(err)
	}
	if targets, err = st.AlertTargets(ctx, []int64{a.ID, d.ID}); err != nil {
		t.Fatal(err)
	}
	if len(targets) != 1 {
		t.Fatalf("a paused chat is still a target: %+v", targets)
	}
	if err := st.DeleteSubscription(ctx, 2, a.ID); !errors.Is(err, news.ErrNotFound) {
		t.Fatalf("deleting another chat's subscription: err = %v, want ErrNotFound", err)
	}
}

func TestSourcesLeavingTheConfigAreRetiredAndCanReturn(t *testing.T) {
	ctx := context.Background()
	st := mustOpenStore(t)
	a, err := st.UpsertSource(ctx, "A", "https://a.example/feed", news.OriginConfig)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.UpsertSource(ctx, "B", "https://b.example/feed", news.OriginConfig); err != nil {
		t.Fatal(err)
	}
	c, err := st.UpsertSource(ctx, "C", "https://c.example/feed", news.OriginChat)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.InsertArticles(ctx, a.ID, []news.Article{{GUID: "1", Title: "kept"}}); err != nil {
		t.Fatal(err)
	}

	retired, err := st.RetireConfigSources(ctx, []string{"https://b.example/feed"})
	if err != nil || len(retired) != 1 || retired[0].ID != a.ID || retired[0].Origin != news.OriginRetired {
		t.Fatalf("retired = %+v, %v; want A only", retired, err)
	}
	if c, err = st.FindSource(ctx, c.ID); err != nil || c.Origin != news.OriginChat {
		t.Errorf("a chat source was touched: %+v", c)
	}
	if arts, err := st.ListArticlesSince(ctx, time.Time{}, 10); err != nil || len(arts) != 1 {
		t.Errorf("a retired source's articles should stay, got %d", len(arts))
	}
	back, err := st.UpsertSource(ctx, "A again", "https://a.example/feed", news.OriginConfig)
	if err != nil {
		t.Fatal(err)
	}
	if back.ID != a.ID || back.Origin != news.OriginConfig || back.Name != "A again" {
		t.Errorf("re-listed source = %+v, want A back as config", back)
	}
	if all, err := st.RetireConfigSources(ctx, nil); err != nil || len(all) != 2 {
		t.Errorf("an empty configuration should retire both config sources, got %d", len(all))
	}
}

func TestPruneDeletesOldDataAndKeepsWhatIsPendingOrRecent(t *testing.T) {
	ctx := context.Background()
	st := mustOpenStore(t)
	now := testNow
	old := now.Add(-100 * 24 * time.Hour)
	src, err := st.UpsertSource(ctx, "A", "https://a.example/feed", news.OriginConfig)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.EnsureChat(ctx, 1, "private", "", news.ChatDefaults{}); err != nil {
		t.Fatal(err)
	}
	sub, _, err := st.CreateSubscription(ctx, 1, "q", "q", 5)
	if err != nil {
		t.Fatal(err)
	}

	st.now = func() time.Time { return old }
	oldArts, err := st.InsertArticles(ctx, src.ID, []news.Article{{GUID: "old", Title: "Old kursk story", PublishedAt: old}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.QueueAlerts(ctx, []news.Alert{{ChatID: 1, ArticleID: oldArts[0].ID, SubscriptionID: sub.ID}}); err != nil {
		t.Fatal(err)
	}
	// Its alert went (an article whose alert waits stays: TestPruneKeepsTheArticlesOfQueuedAlerts).
	due, err := st.DueMessages(ctx, old, 10)
	if err != nil || len(due) != 1 || due[0].ArticleID != oldArts[0].ID {
		t.Fatalf("the old alert queued: %+v, %v", due, err)
	}
	if err := st.MarkSent(ctx, due[0].ID, 6); err != nil {
		t.Fatal(err)
	}
	sentID, err := st.Enqueue(ctx, news.Message{ChatID: 1, Kind: news.KindReply, Text: "old reply"})
	if err != nil {
		t.Fatal(err)
	}
	if err := st.MarkSent(ctx, sentID, 7); err != nil {
		t.Fatal(err)
	}
	pendingID, err := st.Enqueue(ctx, news.Message{ChatID: 1, Kind: news.KindReply, Text: "old but never sent"})
	if err != nil {
		t.Fatal(err)
	}
	st.now = func() time.Time { return now }
	if _, err := st.InsertArticles(ctx, src.ID, []news.Article{{GUID: "new", Title: "New kursk story", PublishedAt: now}}); err != nil {
		t.Fatal(err)
	}

	p, err := st.Prune(ctx, now.Add(-90*24*time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	// The old reply never delivered stays.
	if p.Articles != 1 || p.Messages != 2 {
		t.Fatalf("pruned %+v, want 1 article and 2 sent messages (its alert, a reply)", p)
	}
	arts, err := st.ListArticlesSince(ctx, time.Time{}, 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(arts) != 1 || arts[0].Title != "New kursk story" {
		t.Fatalf("articles left = %+v", arts)
	}
	if hits, err := st.SearchRecent(ctx, `"kursk"`, nil, time.Time{}, 10); err != nil || len(hits) != 1 {
		t.Fatalf("the search index still finds %d articles, want 1", len(hits))
	}
	if _, err := st.FindMessage(ctx, pendingID); err != nil {
		t.Fatalf("a pending message was pruned: %v", err)
	}
	if _, err := st.FindMessage(ctx, sentID); !errors.Is(err, news.ErrNotFound) {
		t.Fatalf("the old sent message is still there: %v", err)
	}
	if again, err := st.Prune(ctx, now.Add(-90*24*time.Hour)); err != nil || again != (Pruned{}) {
		t.Fatalf("a second prune deleted %+v", again)
	}
}

// TestTheWriterCheckpointsEveryWalCheckpointPages: the writer's connection
// copies the write-ahead log into the database every walCheckpointPages
// pages, not SQLite's default 1,000.
func TestTheWriterCheckpointsEveryWalCheckpointPages(t *testing.T) {
	st := mustOpenStore(t)
	var pages int
	if err := st.w.QueryRowContext(context.Background(), `PRAGMA wal_autocheckpoint`).Scan(&pages); err != nil {
		t.Fatal(err)
	}
	if pages != walCheckpointPages {
		t.Errorf("wal_autocheckpoint = %d, want %d", pages, walCheckpointPages)
	}
}
