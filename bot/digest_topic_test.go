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

// "/digest 09:00" typed in forum topic 77 was confirmed as if the daily
// digest would come there; it comes in General, where the topic's members
// did not look. Set in a topic, the answer says so; in General, nothing.
func TestDigestTimeSetInATopicSaysItComesInGeneral(t *testing.T) {
	h := newHarness(t, withDigestNow)
	const group = -1005
	h.tg.SetMember(group, 5, "administrator")
	h.tg.AddTopic(group, 77)
	got := h.topicReply(group, 77, 5, "/digest 09:00").Text()
	if !strings.Contains(got, "09:00") || !strings.Contains(got, "comes in General") {
		t.Errorf("/digest 09:00 in topic 77 = %q, want it to say the digest comes in General", got)
	}
	if got := h.reply(group, "supergroup", 5, "/digest 10:00").Text(); !strings.Contains(got, "10:00") || strings.Contains(got, "General") {
		t.Errorf("/digest 10:00 in General = %q, want no word of General", got)
	}
}

// "/digest 9 Uhr" from a German member of a group that chose no language
// was confirmed in German, and the digest came in English: as /subscribe
// does, the answer says the digest is English until an admin chooses.
func TestDigestSetInAnotherLanguageSaysTheDigestIsEnglish(t *testing.T) {
	h := newHarness(t, withDigestNow, withLanguages)
	const group = -1006
	h.tg.SetMember(group, 5, "administrator")
	if got := h.replyAs(group, "supergroup", 5, "de", "/digest 9 Uhr"); !strings.Contains(got, "09:00") || !strings.Contains(got, "<code>/language de</code>") {
		t.Errorf("/digest 9 Uhr in German in a group without a language = %q, want the note", got)
	}
	if got := h.replyAs(group, "supergroup", 5, "en", "/digest 10:00"); strings.Contains(got, "/language") {
		t.Errorf("/digest 10:00 in English = %q, want no note", got)
	}
	h.replyAs(group, "supergroup", 5, "de", "/language de")
	if got := h.replyAs(group, "supergroup", 5, "de", "/digest 11:00"); strings.Contains(got, "/language") {
		t.Errorf("/digest 11:00 after /language de = %q, want no note", got)
	}
}
