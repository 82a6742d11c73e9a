package bot

import (
	"context"
	"strings"
	"testing"
)

// A stranger's trial: "/digest now" in a group came as a loose message,
// while every other answer there replies to its command; in a busy group
// it read as a digest out of the blue. It answers the command, in General
// and in the forum topic it was asked in; an empty digest's answer did
// already (a reply).
func TestDigestNowAnswersTheCommandInAGroup(t *testing.T) {
	h := newHarness(t, withDigestNow)
	ctx := context.Background()
	const group, forum = -1008, -1009
	h.tg.SetMember(group, 5, "administrator")
	h.tg.SetMember(forum, 5, "administrator")
	h.tg.AddTopic(forum, 77)
	h.reply(group, "supergroup", 5, "/subscribe volcano")
	h.topicReply(forum, 77, 5, "/subscribe volcano")
	alertVolcano(ctx, t, h)

	got := h.reply(group, "supergroup", 5, "/digest now")
	if !strings.Contains(got.Text(), "Digest") {
		t.Fatalf("/digest now in General = %q, want the digest", got.Text())
	}
	if replyTo(t, got) == 0 || got.Params.Has("message_thread_id") {
		t.Errorf("the digest in General: reply_parameters %q, thread %q; want it to answer /digest now, in no topic",
			got.Params.Get("reply_parameters"), got.Params.Get("message_thread_id"))
	}

	got = h.topicReply(forum, 77, 5, "/digest now")
	if !strings.Contains(got.Text(), "Digest") {
		t.Fatalf("/digest now in topic 77 = %q, want the digest", got.Text())
	}
	if r := replyTo(t, got); r == 0 || got.Params.Get("message_thread_id") != "77" {
		t.Errorf("the digest in topic 77: reply_parameters %q, thread %q; want it to answer this /digest now, in topic 77",
			got.Params.Get("reply_parameters"), got.Params.Get("message_thread_id"))
	}
}
