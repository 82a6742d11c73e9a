package bot

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/newshound/newshound/internal/testkit"
	"github.com/newshound/newshound/news"
)

// An alert sent to a forum topic is edited to name the second outlet that
// reports its story ("Also: Reuters"), as an alert in a private chat is:
// the other outlets are looked up in the subscription's topic, where the
// story's alerts are kept, not in General (the alert's outbox row names no
// topic: it takes its subscription's). Before, the edit found no other
// outlet, rendered the alert unchanged, and was recorded as done without a
// call.
func TestSenderAlsoEditInForumTopic(t *testing.T) {
	r := newSenderRig(t)
	ctx := context.Background()
	const group, thread = -1001, 77
	if _, err := r.st.EnsureChat(ctx, group, "supergroup", "", news.ChatDefaults{Timezone: "UTC"}); err != nil {
		t.Fatal(err)
	}
	sub, _, err := r.st.CreateSubscriptionIn(ctx, group, thread, "kursk", "kursk", 50)
	if err != nil {
		t.Fatal(err)
	}
	r.tg.AddTopic(group, thread)
	first := r.article(t, 0, "Story")
	if _, err := r.st.QueueAlerts(ctx, []news.Alert{{ChatID: group, ArticleID: first, SubscriptionID: sub.ID}}); err != nil {
		t.Fatal(err)
	}
	r.start(t)
	sent := r.tg.WaitSent(t, group, 1, 5*time.Second)
	if got := sent[0].Params.Get("message_thread_id"); got != "77" {
		t.Fatalf("alert went to topic %q, want 77", got)
	}
	testkit.WaitFor(t, "the alert marked sent", func() bool { return r.statuses(t)[news.StatusSent] == 1 })
	src := testkit.UpsertSource(t, r.st, "Reuters", "https://reuters.example/rss", "config")
	twin := r.article(t, src.ID, "Story (Reuters)")
	if err := r.st.LinkArticle(ctx, twin, first, "", nil); err != nil {
		t.Fatal(err)
	}
	if _, err := r.st.QueueAlerts(ctx, []news.Alert{{ChatID: group, ArticleID: twin, SubscriptionID: sub.ID}}); err != nil {
		t.Fatal(err)
	}
	testkit.WaitFor(t, "the edit settled", func() bool { return r.statuses(t)[news.StatusSent] == 2 })
	edits := r.tg.Calls("editMessageText")
	if len(edits) != 1 {
		t.Fatalf("%d editMessageText calls, want 1 naming Reuters", len(edits))
	}
	if text := edits[0].Params.Get("text"); !strings.Contains(text, "Also: Reuters") {
		t.Errorf("edit of the topic's alert reads %q; want it to name Reuters", text)
	}
	if edits[0].Params.Get("message_thread_id") != "" {
		t.Errorf("the edit names topic %q; an edit names none", edits[0].Params.Get("message_thread_id"))
	}
}
