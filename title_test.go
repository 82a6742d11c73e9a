package main

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/newshound/newshound/internal/telegramtest"
)

// TestEndToEndTitleKeepsEveryWord: a headline whose entities decode to
// text that looks like a tag ("<steel>") alerts with that word, escaped
// for Telegram HTML; the item has no description, so the alert carries no
// summary rather than the title twice (issue 13).
func TestEndToEndTitleKeepsEveryWord(t *testing.T) {
	tg := telegramtest.New(t, testToken)
	trade := rssFeed(t, "tariffs-v1.xml")
	a := startFed(t, tg, testSource{"Trade Desk", trade.URL + "/trade.xml"})
	const chat = 778
	subscribeChat(t, tg, chat, "tariffs")

	trade.SetFile(t, "testdata/feeds/tariffs-v2.xml", "application/rss+xml")
	if err := a.parts.Poller.PollOnce(context.Background()); err != nil {
		t.Fatal(err)
	}
	alert := tg.WaitSent(t, chat, 2, 5*time.Second)[1].Text()
	if !strings.Contains(alert, "US &amp; EU agree to cut tariffs on &lt;steel&gt; and aluminium") {
		t.Errorf("alert lost words of the title:\n%s", alert)
	}
	if n := strings.Count(alert, "tariffs on"); n != 1 {
		t.Errorf("alert shows the title %d times, want once:\n%s", n, alert)
	}
}
