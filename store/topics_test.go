package store

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/newshound/newshound/news"
)

// TestAQueryLivesOncePerTopic: the same query in two forum topics of a
// group is two subscriptions; an article both match is alerted once in each
// topic, a second article of its story becomes an edit in each; when one
// topic goes, its duplicate of a General query is removed.
func TestAQueryLivesOncePerTopic(t *testing.T) {
	ctx := context.Background()
	st := mustOpenStore(t)
	const group = -100123
	if _, err := st.EnsureChat(ctx, group, "supergroup", "Forum", news.ChatDefaults{}); err != nil {
		t.Fatal(err)
	}
	in10, created, err := st.CreateSubscriptionIn(ctx, group, 10, "kursk", "kursk", 5)
	if err != nil || !created {
		t.Fatalf("in topic 10: %+v, %v, %v", in10, created, err)
	}
	in20, created, err := st.CreateSubscriptionIn(ctx, group, 20, "kursk", "kursk", 5)
	if err != nil || !created || in20.ID == in10.ID || in20.ThreadID != 20 {
		t.Fatalf("in topic 20: %+v, %v, %v", in20, created, err)
	}
	again, created, err := st.CreateSubscriptionIn(ctx, group, 20, "kursk", "kursk", 5)
	if err != nil || created || again.ID != in20.ID {
		t.Fatalf("again in topic 20: %+v, %v, %v", again, created, err)
	}
	general, _, err := st.CreateSubscription(ctx, group, "kursk", "kursk", 5)
	if err != nil || general.ThreadID != 0 {
		t.Fatalf("in General: %+v, %v", general, err)
	}
	targets, err := st.AlertTargets(ctx, []int64{in10.ID, in20.ID})
	if err != nil || len(targets) != 2 || targets[0].ThreadID != 10 || targets[1].ThreadID != 20 {
		t.Fatalf("targets = %+v, %v", targets, err)
	}

	src, err := st.UpsertSource(ctx, "Wire", "https://wire.example/rss", news.OriginConfig)
	if err != nil {
		t.Fatal(err)
	}
	agency, err := st.UpsertSource(ctx, "Agency", "https://agency.example/rss", news.OriginConfig)
	if err != nil {
		t.Fatal(err)
	}
	arts, err := st.InsertArticles(ctx, src.ID, []news.Article{{GUID: "1", Title: "Kursk one"}})
	if err != nil || len(arts) != 1 {
		t.Fatalf("articles: %v", err)
	}
	// the story's second article comes from another source, which an edit names
	second, err := st.InsertArticles(ctx, agency.ID, []news.Article{{GUID: "2", Title: "Kursk two"}})
	if err != nil || len(second) != 1 {
		t.Fatalf("articles: %v", err)
	}
	arts = append(arts, second...)
	n, err := st.QueueAlerts(ctx, []news.Alert{
		{ChatID: group, ArticleID: arts[0].ID, SubscriptionID: in10.ID},
		{ChatID: group, ArticleID: arts[0].ID, SubscriptionID: in20.ID},
		{ChatID: group, ArticleID: arts[0].ID, SubscriptionID: in20.ID}, // the same again: nothing
	})
	if err != nil || n != 2 {
		t.Fatalf("queued %d, %v; want one alert per topic", n, err)
	}
	var rows int
	if err := st.w.QueryRowContext(ctx, `SELECT count(*) FROM alerts WHERE chat_id = ? AND article_id = ?`, group, arts[0].ID).Scan(&rows); err != nil || rows != 2 {
		t.Fatalf("alerts rows = %d, %v", rows, err)
	}
	// The second article of the story: an edit of each topic's alert.
	if _, err := st.w.ExecContext(ctx, `UPDATE articles SET story_id = ? WHERE id IN (?, ?)`, arts[0].ID, arts[0].ID, arts[1].ID); err != nil {
		t.Fatal(err)
	}
	n, err = st.QueueAlerts(ctx, []news.Alert{
		{ChatID: group, ArticleID: arts[1].ID, SubscriptionID: in10.ID},
		{ChatID: group, ArticleID: arts[1].ID, SubscriptionID: in20.ID},
	})
	if err != nil || n != 2 {
		t.Fatalf("queued %d, %v; want an edit per topic", n, err)
	}
	var edits, alerted int
	if err := st.w.QueryRowContext(ctx, `SELECT count(*), count(DISTINCT target_id) FROM outbox WHERE chat_id = ? AND kind = 'edit'`, group).Scan(&edits, &alerted); err != nil || edits != 2 || alerted != 2 {
		t.Fatalf("edits = %d of %d alerts, %v; want one of each topic's alert", edits, alerted, err)
	}

	moved, merged, err := st.MoveThreadToGeneral(ctx, group, 10)
	if err != nil || moved != 0 || len(merged) != 1 || merged[0].ID != in10.ID || merged[0].Query != "kursk" {
		t.Fatalf("moving topic 10 (General has its query): moved %d, merged %+v, %v; want topic 10's kursk merged", moved, merged, err)
	}
	subs, err := st.ListSubscriptions(ctx, group)
	if err != nil || len(subs) != 2 || subs[0].ID != in20.ID || subs[1].ID != general.ID {
		t.Fatalf("after topic 10 went: %+v, %v; want topic 20's and General's", subs, err)
	}
	other, _, err := st.CreateSubscriptionIn(ctx, group, 30, "dam", "dam", 5)
	if err != nil {
		t.Fatal(err)
	}
	if moved, merged, err := st.MoveThreadToGeneral(ctx, group, 30); err != nil || moved != 1 || len(merged) != 0 {
		t.Fatalf("moving topic 30: moved %d, merged %+v, %v", moved, merged, err)
	}
	if sub, err := st.FindSubscription(ctx, group, other.ID); err != nil || sub.ThreadID != 0 {
		t.Errorf("topic 30's query after the move: %+v, %v; want in General", sub, err)
	}
}

// TestAReopenedTopicGetsItsSubscriptionsBack: a closed topic's
// subscriptions went to General for good; they now remember the topic and
// go back when it is reopened, once; a General subscription of the user's own
// stays, and another topic's moved ones stay in General.
func TestAReopenedTopicGetsItsSubscriptionsBack(t *testing.T) {
	ctx := context.Background()
	st := mustOpenStore(t)
	const group = -100124
	mk := forumSubscriber(t, st, group)
	kursk, dam, flood, own := mk(10, "kursk"), mk(10, "dam"), mk(20, "flood"), mk(0, "storm")
	for _, thread := range []int{10, 20} {
		if _, _, err := st.MoveThreadToGeneral(ctx, group, thread); err != nil {
			t.Fatal(err)
		}
	}
	moved, _, err := st.MoveThreadBack(ctx, group, 10)
	if err != nil || moved != 2 {
		t.Fatalf("MoveThreadBack(10) = %d, %v; want 2", moved, err)
	}
	for _, want := range []struct {
		sub    news.Subscription
		thread int
	}{{kursk, 10}, {dam, 10}, {flood, 0}, {own, 0}} {
		if sub, err := st.FindSubscription(ctx, group, want.sub.ID); err != nil || sub.ThreadID != want.thread {
			t.Errorf("%s after topic 10 reopened: %+v, %v; want in thread %d", want.sub.Query, sub, err, want.thread)
		}
	}
	if moved, _, err := st.MoveThreadBack(ctx, group, 10); err != nil || moved != 0 {
		t.Errorf("a second MoveThreadBack(10) = %d, %v; want 0", moved, err)
	}
}

// TestTheTopicMigrationKeepsEverything migrates a database of the release
// before 0041: subscriptions keep their ids, topics and sequence, alerts
// their topic (their subscription's).
func TestTheTopicMigrationKeepsEverything(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	st := openUpgraded(t, path, 40,
		`INSERT INTO chats (id, created_at, updated_at) VALUES (-100, 0, 0)`,
		`INSERT INTO sources (id, name, url, created_at) VALUES (1, 'Wire', 'https://wire.example/rss', 0)`,
		`INSERT INTO articles (id, source_id, guid, url, title, text, published_at, fetched_at, alertable) VALUES (5, 1, 'g5', 'https://wire.example/5', 'Kursk', 'x', 0, 0, 1)`,
		`INSERT INTO subscriptions (id, chat_id, query, query_key, created_at, thread_id) VALUES (4, -100, 'kursk', 'kursk', 0, 77)`,
		`INSERT INTO subscriptions (id, chat_id, query, query_key, created_at) VALUES (9, -100, 'dam', 'dam', 0)`,
		`DELETE FROM subscriptions WHERE id = 9`, // its id must not come back
		`INSERT INTO alerts (chat_id, article_id, subscription_id, created_at, story_id) VALUES (-100, 5, 4, 0, 5)`,
	)
	sub, err := st.FindSubscription(ctx, -100, 4)
	if err != nil || sub.ThreadID != 77 || sub.Query != "kursk" {
		t.Errorf("subscription 4 = %+v, %v", sub, err)
	}
	var thread int
	if err := st.w.QueryRowContext(ctx, `SELECT thread_id FROM alerts WHERE chat_id = -100 AND article_id = 5`).Scan(&thread); err != nil || thread != 77 {
		t.Errorf("the alert's topic = %d, %v; want 77", thread, err)
	}
	again, _, err := st.CreateSubscriptionIn(ctx, -100, 0, "kursk", "kursk", 10)
	if err != nil || again.ID <= 9 {
		t.Errorf("a new subscription = %+v, %v; want an id above 9", again, err)
	}
}

// TestTheAlertsKeyMigrationKeepsEverything migrates a database of the release
// before 0047: every alert keeps every column, one article alerted twice in a
// chat (two topics) stays twice, and alerts_article is gone.
func TestTheAlertsKeyMigrationKeepsEverything(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	st := openUpgraded(t, path, 46, oldAlertRows(nil)...)
	wantOldAlerts(t, st)
	var n int
	if err := st.w.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_master WHERE name = 'alerts_article'`).Scan(&n); err != nil || n != 0 {
		t.Errorf("alerts_article: %d, %v; want gone", n, err)
	}
	// The key still refuses an article twice in one chat's topic.
	if _, err := st.w.ExecContext(ctx, `INSERT INTO alerts (chat_id, thread_id, article_id, subscription_id, created_at) VALUES (-100, 77, 5, 4, 0)`); err == nil {
		t.Error("an alert of the same chat, topic and article was stored twice")
	}
}

// TestTheLeanAlertsMigrationKeepsEverything migrates a database of the
// release before 0048: every alert keeps every column in the key-only
// table, alerts_outbox is gone, and the pending outbox rows (only they) are
// in the new outbox_pending, the sender finding each chat's first.
func TestTheLeanAlertsMigrationKeepsEverything(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	st := openUpgraded(t, path, 47, oldAlertRows([]string{
		`INSERT INTO outbox (id, chat_id, kind, priority, article_id, status, created_at) VALUES
			(11, -100, 'alert', 10, 5, 'sent', 100), (12, 7, 'alert', 10, 6, 'pending', 102), (13, 7, 'reply', 0, NULL, 'pending', 103),
			(14, -100, 'alert', 10, 6, 'held', 104), (15, -100, 'alert', 10, 5, 'pending', 105)`,
	})...)
	wantOldAlerts(t, st)
	var n int
	if err := st.w.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_master WHERE name IN ('alerts_outbox', 'sqlite_autoindex_alerts_1')`).Scan(&n); err != nil || n != 0 {
		t.Errorf("alerts_outbox or the key's own index: %d, %v; want gone", n, err)
	}
	if _, err := st.w.ExecContext(ctx, `INSERT INTO alerts (chat_id, thread_id, article_id, subscription_id, created_at) VALUES (-100, 77, 5, 4, 0)`); err == nil {
		t.Error("an alert of the same chat, topic and article was stored twice")
	}
	// The index holds the three pending rows, not the sent or held ones.
	if err := st.w.QueryRowContext(ctx, `SELECT count(*) FROM outbox INDEXED BY outbox_pending WHERE status = 'pending'`).Scan(&n); err != nil || n != 3 {
		t.Errorf("pending rows in outbox_pending: %d, %v; want 3", n, err)
	}
	if n, err := st.CountPending(ctx); err != nil || n != 3 {
		t.Errorf("CountPending = %d, %v; want 3", n, err)
	}
	due, err := st.DueMessages(ctx, time.Unix(1000, 0), 10)
	if err != nil {
		t.Fatal(err)
	}
	var ids []int64
	for _, m := range due {
		ids = append(ids, m.ID)
	}
	if want := []int64{13, 15}; !slices.Equal(ids, want) { // chat 7's reply before its alert; chat -100's pending alert
		t.Errorf("due messages %v, want %v", ids, want)
	}
	if err := st.MarkSent(ctx, 13, 1); err != nil {
		t.Fatal(err)
	}
	if err := st.w.QueryRowContext(ctx, `SELECT count(*) FROM outbox INDEXED BY outbox_pending WHERE status = 'pending'`).Scan(&n); err != nil || n != 2 {
		t.Errorf("pending rows in outbox_pending after a send: %d, %v; want 2", n, err)
	}
}

// TestTheStoryIndexMigrationKeepsTheJoinedArticles: a database of the
// release before 0049 keeps, in the narrowed articles_story, the article
// that joined another's story, and the digest's story sources still find
// both articles of the story.
func TestTheStoryIndexMigrationKeepsTheJoinedArticles(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	st := openUpgraded(t, path, 48,
		`INSERT INTO sources (id, name, url, created_at) VALUES (1, 'Wire', 'https://wire.example/rss', 0), (2, 'Post', 'https://post.example/rss', 0)`,
		`INSERT INTO articles (id, source_id, guid, url, title, published_at, fetched_at, story_id) VALUES (5, 1, 'a5', '', 'Kursk', 10, 0, NULL), (6, 2, 'a6', '', 'Kursk', 20, 0, 5), (7, 1, 'a7', '', 'Dam', 30, 0, NULL)`)
	var joined int64
	if err := st.w.QueryRowContext(ctx, `SELECT id FROM articles INDEXED BY articles_story WHERE story_id = 5`).Scan(&joined); err != nil || joined != 6 {
		t.Errorf("articles_story: article %d, %v; want 6", joined, err)
	}
	var n int
	if err := st.w.QueryRowContext(ctx, `SELECT count(*) FROM articles INDEXED BY articles_story WHERE story_id IS NOT NULL`).Scan(&n); err != nil || n != 1 {
		t.Errorf("entries of articles_story = %d, %v; want 1", n, err)
	}
	got := map[int64][]news.StorySource{5: nil, 7: nil} // the stories asked for
	if err := st.tx(ctx, func(tx *wtx) error { return storySources(ctx, tx, []int64{5, 7}, got) }); err != nil {
		t.Fatal(err)
	}
	if len(got[5]) != 2 || len(got[7]) != 1 {
		t.Errorf("story sources = %v; want two for story 5, one for story 7", got)
	}
}

// oldAlertRows are the rows an older release's database is given before the
// alerts migrations run: two chats, a source, two articles, then extra
// (rows the alerts refer to, such as the outbox's), then three alerts — one
// article alerted in two topics of one chat.
func oldAlertRows(extra []string) []string {
	rows := []string{
		`INSERT INTO chats (id, created_at, updated_at) VALUES (-100, 0, 0), (7, 0, 0)`,
		`INSERT INTO sources (id, name, url, created_at) VALUES (1, 'Wire', 'https://wire.example/rss', 0)`,
		`INSERT INTO articles (id, source_id, guid, url, title, text, published_at, fetched_at, alertable) VALUES (5, 1, 'g5', 'https://wire.example/5', 'Kursk', 'x', 0, 0, 1), (6, 1, 'g6', 'https://wire.example/6', 'Dam', 'y', 0, 0, 1)`,
	}
	rows = append(rows, extra...)
	return append(rows, `INSERT INTO alerts (chat_id, thread_id, article_id, subscription_id, created_at, story_id, delivery, outbox_id) VALUES
			(-100, 0, 5, 4, 100, 5, 'alert', 11), (-100, 77, 5, 4, 101, 5, 'held', NULL), (7, 0, 6, 9, 102, 5, 'also', 12)`)
}

// wantOldAlerts checks that the three alerts of oldAlertRows came through a
// migration with every column as they were.
func wantOldAlerts(t *testing.T, st *Store) {
	t.Helper()
	rows, err := st.w.QueryContext(context.Background(), `SELECT chat_id, thread_id, article_id, subscription_id, created_at, story_id, delivery, coalesce(outbox_id, 0)
		FROM alerts ORDER BY created_at`)
	if err != nil {
		t.Fatal(err)
	}
	got, err := collect(rows, func(rs scanner) (string, error) {
		var chat, thread, article, sub, created, story, outbox int64
		var delivery string
		err := rs.Scan(&chat, &thread, &article, &sub, &created, &story, &delivery, &outbox)
		return fmt.Sprintln(chat, thread, article, sub, created, story, delivery, outbox), err
	})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"-100 0 5 4 100 5 alert 11\n", "-100 77 5 4 101 5 held 0\n", "7 0 6 9 102 5 also 12\n"}
	if !slices.Equal(got, want) {
		t.Errorf("alerts after the migration:\n%v\nwant\n%v", got, want)
	}
}

// TestAParkedMessageLetsTheChatsOthersGoFirst: a message General refused
// (closed) waits behind the chat's other messages, which a chat's queue in
// order would otherwise hold back; ResumeGeneral makes it due at once.
func TestAParkedMessageLetsTheChatsOthersGoFirst(t *testing.T) {
	ctx := context.Background()
	st := mustOpenStore(t)
	const group = -100125
	if _, err := st.EnsureChat(ctx, group, "supergroup", "Forum", news.ChatDefaults{}); err != nil {
		t.Fatal(err)
	}
	general, err := st.Enqueue(ctx, news.Message{ChatID: group, Kind: news.KindAlert, Priority: news.PriorityAlert, Text: "general"})
	if err != nil {
		t.Fatal(err)
	}
	topic, err := st.Enqueue(ctx, news.Message{ChatID: group, Kind: news.KindAlert, Priority: news.PriorityAlert, Text: "topic", ThreadID: 77})
	if err != nil {
		t.Fatal(err)
	}
	if err := st.ParkMessage(ctx, general, testNow.Add(time.Minute), "TOPIC_CLOSED"); err != nil {
		t.Fatal(err)
	}
	due, err := st.DueMessages(ctx, testNow, 10)
	if err != nil || len(due) != 1 || due[0].ID != topic {
		t.Fatalf("due while General's is parked = %+v, %v; want the topic's", due, err)
	}
	if err := st.MarkSent(ctx, topic, 1); err != nil {
		t.Fatal(err)
	}
	if due, err := st.DueMessages(ctx, testNow, 10); err != nil || len(due) != 0 {
		t.Fatalf("due = %+v, %v; want General's still parked", due, err)
	}
	if n, err := st.ResumeGeneral(ctx, group); err != nil || n != 1 {
		t.Fatalf("ResumeGeneral = %d, %v", n, err)
	}
	due, err = st.DueMessages(ctx, testNow, 10)
	if err != nil || len(due) != 1 || due[0].ID != general || due[0].Priority != news.PriorityAlert || due[0].Attempts != 1 {
		t.Fatalf("due after General reopened = %+v, %v; want General's, an alert again", due, err)
	}
}

// TestAReopenedTopicGetsItsMergedSubscriptionsBack: a closed topic's
// "kursk", merged into General's "kursk", was gone for good; reopened, the
// topic has it back with its id and muting, once, while General keeps its
// own. One merged into a General subscription removed meanwhile stays gone,
// and one the topic subscribed anew is not doubled.
func TestAReopenedTopicGetsItsMergedSubscriptionsBack(t *testing.T) {
	ctx := context.Background()
	st := mustOpenStore(t)
	const group = -100125
	mk := forumSubscriber(t, st, group)
	kursk, dam, flood := mk(10, "kursk"), mk(10, "dam"), mk(10, "flood")
	if err := st.SetSubscriptionMuted(ctx, group, kursk.ID, true); err != nil {
		t.Fatal(err)
	}
	generalKursk, generalDam, generalFlood := mk(0, "kursk"), mk(0, "dam"), mk(0, "flood")
	moved, merged, err := st.MoveThreadToGeneral(ctx, group, 10)
	if err != nil || moved != 0 || len(merged) != 3 {
		t.Fatalf("MoveThreadToGeneral = %d, %+v, %v; want all three merged", moved, merged, err)
	}
	if err := st.DeleteSubscription(ctx, group, generalDam.ID); err != nil { // the chat removed "the one" dam
		t.Fatal(err)
	}
	again := mk(10, "flood") // subscribed anew in the topic while it was closed
	moved, restored, err := st.MoveThreadBack(ctx, group, 10)
	if err != nil || moved != 1 || len(restored) != 1 || restored[0].ID != kursk.ID {
		t.Fatalf("MoveThreadBack = %d, %+v, %v; want kursk back alone", moved, restored, err)
	}
	if sub, err := st.FindSubscription(ctx, group, kursk.ID); err != nil || sub.ThreadID != 10 || !sub.Muted || sub.Query != "kursk" {
		t.Errorf("kursk after the reopening: %+v, %v; want topic 10's, muted, with its id", sub, err)
	}
	for _, id := range []int64{dam.ID, flood.ID} {
		if sub, err := st.FindSubscription(ctx, group, id); !errors.Is(err, news.ErrNotFound) {
			t.Errorf("subscription %d after the reopening: %+v, %v; want gone", id, sub, err)
		}
	}
	for _, id := range []int64{generalKursk.ID, generalFlood.ID, again.ID} {
		if _, err := st.FindSubscription(ctx, group, id); err != nil {
			t.Errorf("subscription %d after the reopening: %v; want kept", id, err)
		}
	}
	if moved, restored, err := st.MoveThreadBack(ctx, group, 10); err != nil || moved != 0 || len(restored) != 0 {
		t.Errorf("a second MoveThreadBack = %d, %+v, %v; want nothing", moved, restored, err)
	}
}

// Two topics closed while an article was queued for both (or one topic
// while General had it queued too) sent the article twice to General: the
// alerts rows were merged, the queued messages were not.
func TestMovingTopicsToGeneralQueuesAnArticleOnce(t *testing.T) {
	ctx := context.Background()
	st := mustOpenStore(t)
	const group = -100125
	if _, err := st.EnsureChat(ctx, group, "supergroup", "Forum", news.ChatDefaults{}); err != nil {
		t.Fatal(err)
	}
	var subs []news.Subscription
	for i, thread := range []int{5, 7, 0} {
		q := []string{"rates", "bank", "election"}[i]
		sub, _, err := st.CreateSubscriptionIn(ctx, group, thread, q, q, 10)
		if err != nil {
			t.Fatal(err)
		}
		subs = append(subs, sub)
	}
	src, err := st.UpsertSource(ctx, "Wire", "https://wire.example/rss", news.OriginConfig)
	if err != nil {
		t.Fatal(err)
	}
	arts, err := st.InsertArticles(ctx, src.ID, []news.Article{{GUID: "1", Title: "Bank rates"}, {GUID: "2", Title: "Bank election"}})
	if err != nil || len(arts) != 2 {
		t.Fatalf("articles: %v", err)
	}
	// The first in topics 5 and 7; the second in topic 7 and in General.
	n, err := st.QueueAlerts(ctx, []news.Alert{
		{ChatID: group, ArticleID: arts[0].ID, SubscriptionID: subs[0].ID},
		{ChatID: group, ArticleID: arts[0].ID, SubscriptionID: subs[1].ID},
		{ChatID: group, ArticleID: arts[1].ID, SubscriptionID: subs[1].ID},
		{ChatID: group, ArticleID: arts[1].ID, SubscriptionID: subs[2].ID},
	})
	if err != nil || n != 4 {
		t.Fatalf("queued %d, %v", n, err)
	}
	for _, thread := range []int{5, 7} {
		if _, _, err := st.MoveThreadToGeneral(ctx, group, thread); err != nil {
			t.Fatal(err)
		}
	}
	rows, err := st.w.QueryContext(ctx, `SELECT article_id, count(*) FROM outbox WHERE chat_id = ? AND status = 'pending' AND kind = 'alert' GROUP BY article_id`, group)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	got := map[int64]int{}
	for rows.Next() {
		var id int64
		var c int
		if err := rows.Scan(&id, &c); err != nil {
			t.Fatal(err)
		}
		got[id] = c
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	if got[arts[0].ID] != 1 || got[arts[1].ID] != 1 {
		t.Errorf("pending alerts per article in General = %v, want one each of %d and %d", got, arts[0].ID, arts[1].ID)
	}
	var elsewhere int
	if err := st.w.QueryRowContext(ctx, `SELECT count(*) FROM outbox WHERE chat_id = ? AND status = 'pending' AND thread_id != 0`, group).Scan(&elsewhere); err != nil || elsewhere != 0 {
		t.Errorf("pending outside General = %d, %v; want none", elsewhere, err)
	}
}

// TestAMergedSubscriptionGoesWithItsChat: /stop deletes a chat; what a
// closed topic merged into General goes with it.
func TestAMergedSubscriptionGoesWithItsChat(t *testing.T) {
	ctx := context.Background()
	st := mustOpenStore(t)
	const group = -100126
	if _, err := st.EnsureChat(ctx, group, "supergroup", "Forum", news.ChatDefaults{}); err != nil {
		t.Fatal(err)
	}
	for _, thread := range []int{10, 0} {
		if _, _, err := st.CreateSubscriptionIn(ctx, group, thread, "kursk", "kursk", 10); err != nil {
			t.Fatal(err)
		}
	}
	if _, merged, err := st.MoveThreadToGeneral(ctx, group, 10); err != nil || len(merged) != 1 {
		t.Fatalf("MoveThreadToGeneral: merged %+v, %v", merged, err)
	}
	if err := st.DeleteChat(ctx, group); err != nil {
		t.Fatal(err)
	}
	var n int
	if err := st.w.QueryRowContext(ctx, `SELECT count(*) FROM merged_subscriptions`).Scan(&n); err != nil || n != 0 {
		t.Errorf("merged subscriptions after the chat was deleted: %d, %v; want none", n, err)
	}
}

// forumSubscriber makes group a forum supergroup in st and returns a
// function that subscribes one of its topics (thread 0: General) to q.
func forumSubscriber(t *testing.T, st *Store, group int64) func(thread int, q string) news.Subscription {
	t.Helper()
	ctx := context.Background()
	if _, err := st.EnsureChat(ctx, group, "supergroup", "Forum", news.ChatDefaults{}); err != nil {
		t.Fatal(err)
	}
	return func(thread int, q string) news.Subscription {
		t.Helper()
		sub, _, err := st.CreateSubscriptionIn(ctx, group, thread, q, q, 10)
		if err != nil {
			t.Fatal(err)
		}
		return sub
	}
}
