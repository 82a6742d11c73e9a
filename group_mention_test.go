package main

import (
	"strings"
	"testing"
	"time"

	"github.com/newshound/newshound/internal/telegramtest"
)

// Issue 17, tried through the binary: a group's chatter gets no hint, a
// message that mentions the bot gets one, threaded to that message and in
// its forum topic.
func TestGroupMentionGetsTheHint(t *testing.T) {
	tg := telegramtest.New(t, testToken)
	startApp(t, testConfig{tg: tg}.String(), time.Now)
	tg.SendText(-100, "group", 7, "anyone seen the news?")
	tg.SendText(-100, "group", 7, "@"+tg.BotName+" what can you do?")
	got := tg.WaitSent(t, -100, 1, 5*time.Second)
	if len(got) != 1 || !strings.Contains(got[0].Text(), "/help") {
		t.Fatalf("group got %v, want one hint (chats in order: the chatter before it got none)", got)
	}
	if got[0].Params.Get("reply_parameters") == "" {
		t.Errorf("the hint is not threaded to the mention: %v", got[0].Params)
	}
	tg.SendTopicText(-200, 77, 7, "@"+tg.BotName+" hello?")
	got = tg.WaitSent(t, -200, 1, 5*time.Second)
	if got[0].Params.Get("message_thread_id") != "77" || got[0].Params.Get("reply_parameters") == "" {
		t.Errorf("the hint to a mention in topic 77 went %v", got[0].Params)
	}
}
