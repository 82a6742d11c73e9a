package main

import (
	"strings"
	"testing"
	"time"

	"github.com/newshound/newshound/internal/feedtest"
	"github.com/newshound/newshound/internal/telegramtest"
)

// TestStatusTellsTheChatsTime: /status tells the next fetch and the last
// poll in the chat's zone (/timezone) and names it, as the bot's other
// times do; it said UTC whatever the chat had chosen.
func TestStatusTellsTheChatsTime(t *testing.T) {
	tg := telegramtest.New(t, testToken)
	feed := feedtest.New(t, "testdata/feeds/world-v1.xml", "application/rss+xml")
	fc := &fakeClock{t: time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)}
	a := startApp(t, testConfig{tg: tg, telegram: "admins = [42]\n", sources: []testSource{{"Example World News", feed.URL + "/world.xml"}}}.String(), fc.Now)
	a.waitFetched(t, 1)
	tg.SendText(42, "private", 42, "/timezone Asia/Tokyo")
	tg.WaitSent(t, 42, 1, 5*time.Second)
	fc.Advance(20 * time.Second) // clear of the command rate
	tg.SendText(42, "private", 42, "/status")
	got := tg.WaitSent(t, 42, 2, 5*time.Second)[1].Text()
	if !strings.Contains(got, "Next fetch at ") || !strings.Contains(got, " Asia/Tokyo (Example World News)") || strings.Contains(got, "UTC") {
		t.Errorf("/status in a chat on Asia/Tokyo does not tell the next fetch in its zone:\n%s", got)
	}
}
