package bot

import (
	"context"
	"strings"
	"testing"
)

// TestDigestNowGoesToTheTopicAsked: "/digest now" typed in a forum topic
// sent the digest to General; it goes where it was asked, as any answer.
func TestDigestNowGoesToTheTopicAsked(t *testing.T) {
	h := newHarness(t, withDigestNow)
	ctx := context.Background()
	const group = -1004
	h.tg.SetMember(group, 5, "administrator")
	h.tg.AddTopic(group, 77)
	if got := h.topicReply(group, 77, 5, "/subscribe volcano"); !strings.Contains(got.Text(), "Subscribed") {
		t.Fatalf("/subscribe volcano in topic 77 = %q", got.Text())
	}
	alertVolcano(ctx, t, h)
	got := h.topicReply(group, 77, 5, "/digest now")
	if !strings.Contains(got.Text(), "Digest") {
		t.Fatalf("/digest now in topic 77 = %q, want the digest", got.Text())
	}
	if th := got.Params.Get("message_thread_id"); th != "77" {
		t.Errorf("the digest went to thread %q, want 77 where it was asked", th)
	}
}
