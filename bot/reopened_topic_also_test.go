package bot

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/newshound/newshound/internal/testkit"
	"github.com/newshound/newshound/news"
)

// A story alerted in General while its subscription's topic was closed
// took, after the topic was reopened, a second outlet as a new alert in the
// topic: the story's alert record stayed General's, and the topic had none.
// Now the reopening takes the records of the subscriptions moved back with
// them, and the second outlet edits the alert where it is (General) with
// "Also: Reuters", as it would had the topic never closed.
func TestAReopenedTopicsLaterOutletEditsTheAlertInGeneral(t *testing.T) {
	h := newHarness(t, func(o *RouterOptions) { o.CommandBurst = 50 })
	ctx := context.Background()
	const group = -1013
	h.tg.SetMember(group, 5, "administrator")
	h.topicReply(group, 77, 5, "/subscribe kursk")
	subs, err := h.st.ListSubscriptions(ctx, group)
	if err != nil || len(subs) != 1 || subs[0].ThreadID != 77 {
		t.Fatalf("subscriptions = %+v, %v; want kursk in topic 77", subs, err)
	}
	sub := subs[0]
	h.settle()

	h.tg.CloseTopic(group, 77)
	n := len(h.tg.Sent(group))
	h.queueAlert(group, sub.ID, "Kursk first")
	alert := h.tg.WaitSent(t, group, n+1, 5*time.Second)[n]
	h.settle()
	if alert.Params.Get("message_thread_id") != "" || !strings.Contains(alert.Text(), "Kursk first") {
		t.Fatalf("alert during the closing: thread %q, %q; want it in General", alert.Params.Get("message_thread_id"), alert.Text())
	}
	arts, err := h.st.ListArticlesSince(ctx, time.Time{}, 10)
	if err != nil || len(arts) != 1 {
		t.Fatalf("articles = %+v, %v; want Kursk first", arts, err)
	}
	first := arts[0].ID

	n = len(h.tg.Sent(group))
	h.queued.Add(1)
	h.tg.ReopenTopic(group, 77)
	h.tg.WaitSent(t, group, n+1, 5*time.Second) // "This topic is open again"
	h.settle()
	if got, err := h.st.FindSubscription(ctx, group, sub.ID); err != nil || got.ThreadID != 77 {
		t.Fatalf("after the reopening: %+v, %v; want kursk back in topic 77", got, err)
	}

	n = len(h.tg.Sent(group))
	src := testkit.UpsertSource(t, h.st, "Reuters", "https://reuters.example/rss", "config")
	added, err := h.st.InsertArticles(ctx, src.ID, []news.Article{{GUID: "r1", URL: "https://reuters.example/r1",
		Title: "Kursk first (Reuters)", Summary: "Reuters' lead.", PublishedAt: h.clock.Now()}})
	if err != nil || len(added) != 1 {
		t.Fatalf("insert: %v", err)
	}
	if err := h.st.LinkArticle(ctx, added[0].ID, first, "", nil); err != nil {
		t.Fatal(err)
	}
	if _, err := h.st.QueueAlerts(ctx, []news.Alert{{ChatID: group, ArticleID: added[0].ID, SubscriptionID: sub.ID}}); err != nil {
		t.Fatal(err)
	}
	h.sender.Notify()
	h.settle()
	if sent := h.tg.Sent(group)[n:]; len(sent) != 0 {
		t.Errorf("the second outlet sent %q; want no new alert", texts(sent))
	}
	edits := h.tg.Calls("editMessageText")
	if len(edits) != 1 {
		t.Fatalf("%d editMessageText calls, want 1 of General's alert", len(edits))
	}
	if id := edits[0].Params.Get("message_id"); id != alert.Params.Get("_message_id") {
		t.Errorf("edit of message %q; want General's alert", id)
	}
	if text := edits[0].Params.Get("text"); !strings.Contains(text, "Also: Reuters") {
		t.Errorf("edit reads %q; want it to name Reuters", text)
	}
}
