package bot

import (
	"strings"
	"testing"
	"time"
)

// Issue 17: plain text gets no hint in groups "unless the bot is
// addressed". A mention of the bot is addressing it; a mention of another
// bot whose name merely starts the same is not.
func TestHintsInGroupsOnlyWhenTheBotIsMentioned(t *testing.T) {
	r, log, _ := newHintRouter(t)
	say(r, -100, "group", "hello @newshound_bot_fan and @otherbot")
	say(r, -100, "supergroup", "what is the news")
	if got := log.take(); len(got) != 0 {
		t.Fatalf("group chatter got %d replies (%v), want none", len(got), got)
	}
	say(r, -100, "group", "hey @Newshound_Bot, what do you do?")
	got := log.take()
	if len(got) != 1 || got[0].Priority != priorityHint || got[0].ChatID != -100 {
		t.Fatalf("a mention got %v, want one hint to the group", got)
	}
	for range 3 {
		say(r, -100, "group", "@newshound_bot hello?")
	}
	if got := log.take(); len(got) != 0 {
		t.Fatalf("more mentions within the hour got %d replies, want none (one hint an hour)", len(got))
	}
}

// Group members address the bot by name: "@newshound_test_bot /subscribe
// kursk" got the plain text's hint once, then nothing at all. A mention
// followed by a command is that command, addressed to this bot; one
// followed by another bot's command is not.
func TestAMentionThenACommandRunsIt(t *testing.T) {
	h := newHarness(t, func(o *RouterOptions) { o.CommandBurst = 50 })
	const group = -100446
	h.tg.SetMember(group, 5, "administrator")
	for _, text := range []string{"@newshound_test_bot /subscribe kursk", "@Newshound_Test_Bot\n/subscribe belgorod"} {
		if got := h.reply(group, "supergroup", 5, text).Text(); !strings.Contains(got, "Subscribed") {
			t.Errorf("%q = %q, want it subscribed", text, got)
		}
	}
	n := len(h.tg.Sent(group))
	h.send(group, "supergroup", 5, "@newshound_test_bot /subscribe@otherbot dam")
	h.send(group, "supergroup", 5, "@newshound_test_botty /subscribe dam")
	h.settle()
	if subs := h.mustList(group); len(subs) != 2 {
		t.Errorf("subscriptions = %+v, want kursk and belgorod only", subs)
	}
	if sent := h.tg.Sent(group); len(sent) > n+1 { // at most the one hint of the hour, for the mention
		t.Errorf("replies to another bot's command = %d, want at most the hint", len(sent)-n)
	}
}

// "@newshound_test_bot comet" sent as a message (an inline search whose
// result was not picked from the list) got "I understand commands only":
// the hint names the /search to send, and how the inline list is used.
func TestAMentionWithWordsSuggestsTheSearch(t *testing.T) {
	r, log, clock := newHintRouter(t)
	say(r, 5, "private", "@newshound_bot comet <tail>")
	got := log.take()
	if len(got) != 1 || !strings.Contains(got[0].Text, "<code>/search comet &lt;tail&gt;</code>") || !strings.Contains(got[0].Text, "<code>@newshound_bot comet &lt;tail&gt;</code>") {
		t.Fatalf("a private mention with words got %v, want the search to send", got)
	}
	clock.Advance(2 * time.Hour)
	say(r, -100, "group", "@Newshound_Bot   harbour  bridge")
	if got := log.take(); len(got) != 1 || !strings.Contains(got[0].Text, "<code>/search harbour bridge</code>") {
		t.Fatalf("a group mention with words got %v, want the search to send", got)
	}
	clock.Advance(2 * time.Hour)
	for _, text := range []string{"@newshound_bot", "hello @newshound_bot comet", "@newshound_bot what can you do?"} {
		say(r, 6, "private", text)
		if got := log.take(); len(got) != 1 || strings.Contains(got[0].Text, "/search") {
			t.Errorf("%q got %v, want the plain hint", text, got)
		}
		clock.Advance(2 * time.Hour)
	}
}
