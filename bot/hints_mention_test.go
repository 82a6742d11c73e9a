package bot

import "testing"

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
