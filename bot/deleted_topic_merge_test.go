package bot

import (
	"context"
	"strings"
	"testing"
	"time"
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
