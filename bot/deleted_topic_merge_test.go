package bot

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/newshound/newshound/internal/testkit"
)

// A group had "kursk" in topic 77 and in General, and deleted topic 77: the
// first alert meant for it came to General saying the topic was deleted and
// that its kursk was merged into General's "until the topic is reopened",
// which a deleted topic never is. The merge is said to hold from now on.
func TestADeletedTopicsMergedQueryIsNotPromisedBack(t *testing.T) {
	h := newHarness(t, func(o *RouterOptions) { o.CommandBurst = 50 })
	ctx := context.Background()
	const group = -1013
	h.tg.SetMember(group, 5, "administrator")
	h.topicReply(group, 77, 5, "/subscribe kursk")
	h.reply(group, "supergroup", 5, "/subscribe kursk")
	subs, err := h.st.ListSubscriptions(ctx, group)
	if err != nil || len(subs) != 2 || subs[0].ThreadID != 77 {
		t.Fatalf("subscriptions = %+v, %v; want kursk in topic 77 and in General", subs, err)
	}
	h.tg.DeleteTopic(group, 77)
	n := len(h.tg.Sent(group))
	h.queueAlert(group, subs[0].ID, "Kursk first")
	got := h.tg.WaitSent(t, group, n+1, 5*time.Second)[n].Text()
	if !strings.Contains(got, "was deleted") || !strings.Contains(got, "General already had <code>kursk</code>") || strings.Contains(got, "reopened") {
		t.Errorf("the alert in General = %q; want the deletion and the merge said, and no reopening promised", got)
	}
}

// A group had "kursk" in topic 77 and in General, deleted topic 77, and the
// next kursk article was queued for both: General got it once, and the
// topic's copy, which would have carried the notice, was rightly not sent
// twice, so the group never heard that the topic's kursk now alerts in
// General, merged into its own. The notice comes in a message of its own.
func TestAGoneTopicsNoticeComesWhenItsAlertWasGeneralsAlready(t *testing.T) {
	h := newHarness(t, func(o *RouterOptions) { o.CommandBurst = 50 })
	ctx := context.Background()
	const group = -1014
	h.tg.SetMember(group, 5, "administrator")
	h.topicReply(group, 77, 5, "/subscribe kursk")
	h.topicReply(group, 77, 5, "/subscribe dam")
	h.reply(group, "supergroup", 5, "/subscribe kursk")
	subs, err := h.st.ListSubscriptions(ctx, group)
	if err != nil || len(subs) != 3 || subs[0].ThreadID != 77 || subs[2].ThreadID != 0 {
		t.Fatalf("subscriptions = %+v, %v; want kursk and dam in topic 77, kursk in General", subs, err)
	}
	h.settle()
	h.tg.DeleteTopic(group, 77)
	n := len(h.tg.Sent(group))
	h.queueOneArticle(group, "Kursk fields", subs[2].ID, subs[0].ID)
	testkit.WaitFor(t, "the alert in General and the notice", func() bool { return len(h.tg.Sent(group)) >= n+2 })
	h.settle()
	var alerts, notices int
	for _, c := range h.tg.Sent(group)[n:] {
		switch text := c.Text(); {
		case strings.Contains(text, "Kursk fields"):
			alerts++
		case strings.Contains(text, "was deleted: their alerts come here from now on") && strings.Contains(text, "General already had <code>kursk</code>"):
			notices++
		default:
			t.Errorf("General also got %q", text)
		}
	}
	if alerts != 1 || notices != 1 {
		t.Errorf("General got %d alerts and %d notices of the deleted topic, want 1 and 1: %q", alerts, notices, texts(h.tg.Sent(group)[n:]))
	}
}
