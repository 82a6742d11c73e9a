package bot

import (
	"strings"
	"testing"
)

// TestListInAnEmptyTopicNamesTheOthers: /list in a forum topic without
// subscriptions said "No subscriptions yet" while another topic had one
// (and /mute volcano there found it); it says the chat has them elsewhere.
func TestListInAnEmptyTopicNamesTheOthers(t *testing.T) {
	h := newHarness(t, func(o *RouterOptions) { o.CommandBurst = 50 })
	const forum = -1009501
	h.tg.SetMember(forum, 42, "administrator")
	h.topicReply(forum, 7, 42, "/subscribe volcano")
	got := h.topicReply(forum, 9, 42, "/list").Text()
	if !strings.Contains(got, "No subscription sends its alerts to this topic; the chat has 1 subscription in other topics") {
		t.Errorf("/list in an empty topic:\n%s", got)
	}
	if got := h.topicReply(forum, 7, 42, "/list").Text(); !strings.Contains(got, "volcano") {
		t.Errorf("/list in the subscription's topic:\n%s", got)
	}
	if got := h.reply(-1009502, "supergroup", 42, "/list").Text(); !strings.Contains(got, "No subscriptions yet") {
		t.Errorf("/list in a chat without any:\n%s", got)
	}
}
