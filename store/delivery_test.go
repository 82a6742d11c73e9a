package store

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/newshound/newshound/news"
)

// deliveryRig is a store in a temporary directory with one source, for the
// delivery tests.
type deliveryRig struct {
	st     *Store
	source int64
	now    time.Time
}

func newDeliveryRig(t *testing.T) *deliveryRig {
	t.Helper()
	r := &deliveryRig{now: time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)}
	st, err := Open(context.Background(), filepath.Join(t.TempDir(), "test.db"), func() time.Time { return r.now })
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	r.st = st
	src, err := st.UpsertSource(context.Background(), "Wire", "https://wire.example/rss", "config")
	if err != nil {
		t.Fatal(err)
	}
	r.source = src.ID
	return r
}

// chat creates a chat with one subscription and returns the subscription's id.
func (r *deliveryRig) chat(t *testing.T, id int64, typ string) int64 {
	t.Helper()
	ctx := context.Background()
	if _, err := r.st.EnsureChat(ctx, id, typ, "", news.ChatDefaults{Timezone: "UTC"}); err != nil {
		t.Fatal(err)
	}
	sub, _, err := r.st.CreateSubscription(ctx, id, "kursk", "kursk", 10)
	if err != nil {
		t.Fatal(err)
	}
	return sub.ID
}

// article stores an article of source src (0 = the rig's) and returns its id.
func (r *deliveryRig) article(t *testing.T, src int64, guid string) int64 {
	t.Helper()
	if src == 0 {
		src = r.source
	}
	added, err := r.st.InsertArticles(context.Background(), src, []news.Article{{GUID: guid, URL: "https://x.example/" + guid, Title: "Kursk " + guid, PublishedAt: r.now}})
	if err != nil || len(added) != 1 {
		t.Fatalf("insert article %s: %v (%d added)", guid, err, len(added))
	}
	return added[0].ID
}

func (r *deliveryRig) rows(t *testing.T, q string, args ...any) [][]any {
	t.Helper()
	rows, err := r.st.w.Query(q, args...)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		t.Fatal(err)
	}
	var out [][]any
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		out = append(out, vals)
	}
	return out
}

func (r *deliveryRig) count(t *testing.T, q string, args ...any) int64 {
	t.Helper()
	return r.rows(t, q, args...)[0][0].(int64)
}

func TestQueueAlertsOncePerStory(t *testing.T) {
	r := newDeliveryRig(t)
	ctx := context.Background()
	sub := r.chat(t, 10, "private")
	other, err := r.st.UpsertSource(ctx, "Reuters", "https://reuters.example/rss", "config")
	if err != nil {
		t.Fatal(err)
	}
	first := r.article(t, 0, "a")
	second := r.article(t, other.ID, "b")
	unrelated := r.article(t, 0, "c")
	for _, l := range []struct{ id, story int64 }{{first, 0}, {second, first}, {unrelated, 0}} {
		if err := r.st.LinkArticle(ctx, l.id, l.story, "", nil); err != nil {
			t.Fatal(err)
		}
	}

	n, err := r.st.QueueAlerts(ctx, []news.Alert{{ChatID: 10, ArticleID: first, SubscriptionID: sub}, {ChatID: 10, ArticleID: second, SubscriptionID: sub}, {ChatID: 10, ArticleID: unrelated, SubscriptionID: sub}, {ChatID: 10, ArticleID: first, SubscriptionID: sub}})
	if err != nil {
		t.Fatal(err)
	}
	if n != 3 {
		t.Errorf("queued = %d, want 3 (two alerts and one edit)", n)
	}
	got := r.rows(t, `SELECT kind, article_id, COALESCE(target_id, 0) FROM outbox ORDER BY id`)
	if len(got) != 3 || got[0][0] != "alert" || got[1][0] != "edit" || got[2][0] != "alert" {
		t.Fatalf("outbox = %v, want alert, edit, alert", got)
	}
	if got[1][1].(int64) != second || got[1][2].(int64) != 1 {
		t.Errorf("edit = %v, want article %d editing row 1", got[1], second)
	}
	deliveries := r.rows(t, `SELECT article_id, story_id, delivery FROM alerts ORDER BY article_id`)
	want := [][]any{{first, first, "alert"}, {second, first, "also"}, {unrelated, unrelated, "alert"}}
	for i, w := range want {
		if deliveries[i][0] != w[0] || deliveries[i][1] != w[1] || deliveries[i][2] != w[2] {
			t.Errorf("alerts row %d = %v, want %v", i, deliveries[i], w)
		}
	}
	also, err := r.st.AlsoSources(ctx, 10, 0, first)
	if err != nil || len(also) != 1 || also[0] != "Reuters" {
		t.Errorf("AlsoSources = %v, %v; want [Reuters]", also, err)
	}
	// Another forum topic of the chat has alerts of its own: none here.
	if also, err := r.st.AlsoSources(ctx, 10, 77, first); err != nil || len(also) != 0 {
		t.Errorf("AlsoSources in topic 77 = %v, %v; want none", also, err)
	}

	// A second poll queues nothing more.
	if n, err := r.st.QueueAlerts(ctx, []news.Alert{{ChatID: 10, ArticleID: second, SubscriptionID: sub}, {ChatID: 10, ArticleID: first, SubscriptionID: sub}}); err != nil || n != 0 {
		t.Errorf("requeue = %d, %v; want 0", n, err)
	}
}

func TestQueueAlertsHeldStoryNeedsNoEdit(t *testing.T) {
	r := newDeliveryRig(t)
	ctx := context.Background()
	sub := r.chat(t, 10, "private")
	first, second := r.article(t, 0, "a"), r.article(t, 0, "b")
	if err := r.st.LinkArticle(ctx, second, first, "", nil); err != nil {
		t.Fatal(err)
	}
	if _, err := r.st.QueueAlerts(ctx, []news.Alert{{ChatID: 10, ArticleID: first, SubscriptionID: sub}}); err != nil {
		t.Fatal(err)
	}
	if n, err := r.st.HoldChatAlerts(ctx, 10); err != nil || n != 1 {
		t.Fatalf("HoldChatAlerts = %d, %v; want 1", n, err)
	}
	if n, err := r.st.QueueAlerts(ctx, []news.Alert{{ChatID: 10, ArticleID: second, SubscriptionID: sub}}); err != nil || n != 0 {
		t.Fatalf("queue the second source = %d, %v; want 0 (the first was held)", n, err)
	}
	got := r.rows(t, `SELECT delivery FROM alerts ORDER BY article_id`)
	if got[0][0] != "held" || got[1][0] != "also" {
		t.Errorf("deliveries = %v, want held, also", got)
	}
	if n := r.count(t, `SELECT count(*) FROM outbox WHERE status = 'held'`); n != 1 {
		t.Errorf("held rows = %d, want 1", n)
	}
}

// TestHoldChatAlertsDropsTheEditsOfHeldAlerts: quiet hours hold a chat's
// pending alert and drop the pending edit naming it; another chat's pending
// alert and edit stay pending.
func TestHoldChatAlertsDropsTheEditsOfHeldAlerts(t *testing.T) {
	r := newDeliveryRig(t)
	ctx := context.Background()
	subs := map[int64]int64{10: r.chat(t, 10, "private"), 20: r.chat(t, 20, "private")}
	other, err := r.st.UpsertSource(ctx, "Reuters", "https://reuters.example/rss", "config")
	if err != nil {
		t.Fatal(err)
	}
	first, second := r.article(t, 0, "a"), r.article(t, other.ID, "b")
	if err := r.st.LinkArticle(ctx, second, first, "", nil); err != nil {
		t.Fatal(err)
	}
	var alerts []news.Alert
	for _, chat := range []int64{10, 20} {
		alerts = append(alerts, news.Alert{ChatID: chat, ArticleID: first, SubscriptionID: subs[chat]}, news.Alert{ChatID: chat, ArticleID: second, SubscriptionID: subs[chat]})
	}
	if n, err := r.st.QueueAlerts(ctx, alerts); err != nil || n != 4 {
		t.Fatalf("QueueAlerts = %d, %v; want an alert and an edit a chat", n, err)
	}
	if n, err := r.st.HoldChatAlerts(ctx, 10); err != nil || n != 1 {
		t.Fatalf("HoldChatAlerts = %d, %v; want 1", n, err)
	}
	got := r.rows(t, `SELECT chat_id, kind, status FROM outbox ORDER BY chat_id, id`)
	want := [][]any{{int64(10), "alert", "held"}, {int64(10), "edit", "dropped"}, {int64(20), "alert", "pending"}, {int64(20), "edit", "pending"}}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("outbox = %v, want %v", got, want)
	}
	if n := r.count(t, `SELECT count(*) FROM alerts WHERE chat_id = 10 AND delivery = 'held'`); n != 1 {
		t.Errorf("held alerts rows of chat 10 = %d, want 1", n)
	}
}

func TestBurstBookkeeping(t *testing.T) {
	r := newDeliveryRig(t)
	ctx := context.Background()
	sub := r.chat(t, 10, "private")
	var alerts []news.Alert
	for _, g := range []string{"a", "b", "c"} {
		alerts = append(alerts, news.Alert{ChatID: 10, ArticleID: r.article(t, 0, g), SubscriptionID: sub})
	}
	if _, err := r.st.QueueAlerts(ctx, alerts); err != nil {
		t.Fatal(err)
	}
	if _, err := r.st.Enqueue(ctx, news.Message{ChatID: 10, Kind: news.KindReply, Text: "hi"}); err != nil {
		t.Fatal(err)
	}
	pending, err := r.st.PendingAlerts(ctx, 10, 10)
	if err != nil || len(pending) != 3 {
		t.Fatalf("PendingAlerts = %d, %v; want the 3 alerts and not the reply", len(pending), err)
	}
	ids := []int64{pending[0].ID, pending[1].ID}
	if err := r.st.MarkBurstSent(ctx, ids, 555); err != nil {
		t.Fatal(err)
	}
	members, err := r.st.BundleMembers(ctx, ids[0])
	if err != nil || len(members) != 2 || members[1].ID != ids[1] {
		t.Fatalf("BundleMembers = %v, %v", members, err)
	}
	m, err := r.st.FindMessage(ctx, ids[1])
	if err != nil || m.Status != news.StatusSent || m.TelegramID != 555 || m.BundleID != ids[0] {
		t.Fatalf("FindMessage = %+v, %v", m, err)
	}
	if n, err := r.st.CountSentAlerts(ctx, 10, r.now.Add(-time.Minute)); err != nil || n != 2 {
		t.Errorf("CountSentAlerts = %d, %v; want 2", n, err)
	}
	if n, err := r.st.DropChatAlerts(ctx, 10, "paused"); err != nil || n != 1 {
		t.Errorf("DropChatAlerts = %d, %v; want 1", n, err)
	}
	if n, err := r.st.CountPending(ctx); err != nil || n != 1 {
		t.Errorf("pending after dropping alerts = %d, want 1 (the reply)", n)
	}
}

func TestMigrateChat(t *testing.T) {
	tests := []struct {
		name        string
		newExists   bool
		wantSubs    int64
		wantPending int64
	}{
		{"new id unknown", false, 1, 2},
		{"new id already wrote to the bot", true, 2, 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := newDeliveryRig(t)
			ctx := context.Background()
			const from, to = -100, -1001234
			sub := r.chat(t, from, "group")
			if err := r.st.SetChatQuiet(ctx, from, "23:00", "07:00", news.QuietHold); err != nil {
				t.Fatal(err)
			}
			if _, err := r.st.QueueAlerts(ctx, []news.Alert{{ChatID: from, ArticleID: r.article(t, 0, "a"), SubscriptionID: sub}, {ChatID: from, ArticleID: r.article(t, 0, "b"), SubscriptionID: sub}}); err != nil {
				t.Fatal(err)
			}
			if tt.newExists {
				r.chat(t, to, "supergroup") // the same query: merged into one
				s2, _, err := r.st.CreateSubscription(ctx, to, "other", "other", 10)
				if err != nil {
					t.Fatal(err)
				}
				if _, err := r.st.Enqueue(ctx, news.Message{ChatID: to, Kind: news.KindReply, Text: "hi", SubscriptionID: s2.ID}); err != nil {
					t.Fatal(err)
				}
			}
			if err := r.st.MigrateChat(ctx, from, to); err != nil {
				t.Fatal(err)
			}
			if _, err := r.st.FindChat(ctx, from); err == nil {
				t.Error("the old chat still exists")
			}
			c, err := r.st.FindChatDelivery(ctx, to)
			if err != nil || c.Type != "supergroup" || !c.Active || c.QuietStart != "23:00" || c.QuietMode != news.QuietHold {
				t.Errorf("new chat = %+v, %v; want an active supergroup with the old quiet hours", c, err)
			}
			if n := r.count(t, `SELECT count(*) FROM subscriptions WHERE chat_id = ?`, to); n != tt.wantSubs {
				t.Errorf("subscriptions = %d, want %d", n, tt.wantSubs)
			}
			if n := r.count(t, `SELECT count(*) FROM outbox WHERE chat_id = ? AND status = 'pending'`, to); n != tt.wantPending {
				t.Errorf("pending messages = %d, want %d", n, tt.wantPending)
			}
			if n := r.count(t, `SELECT count(*) FROM alerts WHERE chat_id = ?`, to); n != 2 {
				t.Errorf("alerts = %d, want 2", n)
			}
			if n := r.count(t, `SELECT count(*) FROM outbox WHERE chat_id = ?`, from); n != 0 {
				t.Errorf("%d messages left under the old id", n)
			}
		})
	}
}

func TestMigrateUnknownChat(t *testing.T) {
	r := newDeliveryRig(t)
	if err := r.st.MigrateChat(context.Background(), 5, 6); err == nil {
		t.Fatal("migrating an unknown chat should fail")
	}
}

func TestQueueAlertsAfterADroppedAlert(t *testing.T) {
	r := newDeliveryRig(t)
	ctx := context.Background()
	sub := r.chat(t, 10, "private")
	first, second := r.article(t, 0, "a"), r.article(t, 0, "b")
	if err := r.st.LinkArticle(ctx, second, first, "", nil); err != nil {
		t.Fatal(err)
	}
	if _, err := r.st.QueueAlerts(ctx, []news.Alert{{ChatID: 10, ArticleID: first, SubscriptionID: sub}}); err != nil {
		t.Fatal(err)
	}
	if err := r.st.SetChatActive(ctx, 10, false); err != nil { // drops the queued alert
		t.Fatal(err)
	}
	if err := r.st.SetChatActive(ctx, 10, true); err != nil {
		t.Fatal(err)
	}
	if _, err := r.st.QueueAlerts(ctx, []news.Alert{{ChatID: 10, ArticleID: second, SubscriptionID: sub}}); err != nil {
		t.Fatal(err)
	}
	got := r.rows(t, `SELECT kind, status FROM outbox ORDER BY id`)
	if len(got) != 2 || got[1][0] != "alert" || got[1][1] != "pending" {
		t.Errorf("outbox = %v; the story never reached the chat, so its second article is an alert", got)
	}
}

// TestQueueAlertsEditOnlyForANewSource: a story's article from a source the
// alert names already (its own source re-publishing under a new address, a
// second report of an "Also:" source) is recorded, but queues no edit: the
// message would not change.
func TestQueueAlertsEditOnlyForANewSource(t *testing.T) {
	r := newDeliveryRig(t)
	ctx := context.Background()
	sub := r.chat(t, 10, "private")
	reuters, err := r.st.UpsertSource(ctx, "Reuters", "https://reuters.example/rss", "config")
	if err != nil {
		t.Fatal(err)
	}
	first := r.article(t, 0, "a")
	again := r.article(t, 0, "a-republished")
	wire := r.article(t, reuters.ID, "b")
	wireLater := r.article(t, reuters.ID, "b-update")
	for _, id := range []int64{first, again, wire, wireLater} {
		if err := r.st.LinkArticle(ctx, id, first, "", nil); err != nil {
			t.Fatal(err)
		}
	}
	for _, tt := range []struct {
		name    string
		article int64
		queued  int
	}{
		{"the alert", first, 1},
		{"its own source again", again, 0},
		{"a new source", wire, 1},
		{"that source again", wireLater, 0},
	} {
		if n, err := r.st.QueueAlerts(ctx, []news.Alert{{ChatID: 10, ArticleID: tt.article, SubscriptionID: sub}}); err != nil || n != tt.queued {
			t.Errorf("%s: queued %d, %v; want %d", tt.name, n, err, tt.queued)
		}
	}
	if n := r.count(t, `SELECT count(*) FROM alerts WHERE chat_id = 10 AND delivery = 'also'`); n != 3 {
		t.Errorf("'also' alerts = %d, want 3 (each recorded, edit or none)", n)
	}
	if also, err := r.st.AlsoSources(ctx, 10, 0, first); err != nil || len(also) != 1 || also[0] != "Reuters" {
		t.Errorf("AlsoSources = %v, %v; want [Reuters]", also, err)
	}
}

// TestQueueAlertsPreparesNothing: queueing alerts, edits of a story's alert
// and the check of the sources it names included, runs hotStatements only
// (the driver keeps them prepared); a statement prepared in each
// transaction costs SQLite a parse every fetch.
func TestQueueAlertsPreparesNothing(t *testing.T) {
	r := newDeliveryRig(t)
	ctx := context.Background()
	sub := r.chat(t, 10, "private")
	reuters, err := r.st.UpsertSource(ctx, "Reuters", "https://reuters.example/rss", "config")
	if err != nil {
		t.Fatal(err)
	}
	first := r.article(t, 0, "a")
	wire := r.article(t, reuters.ID, "b")
	for _, id := range []int64{first, wire} {
		if err := r.st.LinkArticle(ctx, id, first, "", nil); err != nil {
			t.Fatal(err)
		}
	}
	before := r.st.prepared.misses.Load()
	for _, id := range []int64{first, wire} {
		if n, err := r.st.QueueAlerts(ctx, []news.Alert{{ChatID: 10, ArticleID: id, SubscriptionID: sub}}); err != nil || n != 1 {
			t.Fatalf("queue article %d: queued %d, %v; want 1", id, n, err)
		}
	}
	if n := r.count(t, `SELECT count(*) FROM outbox WHERE kind = 'edit'`); n != 1 {
		t.Fatalf("edits = %d, want 1 (the named sources checked)", n)
	}
	if n := r.st.prepared.misses.Load() - before; n != 0 {
		t.Errorf("%d statements prepared for a transaction, want 0", n)
	}
}
