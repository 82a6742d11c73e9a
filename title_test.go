package main

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/newshound/newshound/internal/feedtest"
	"github.com/newshound/newshound/internal/telegramtest"
)

// TestEndToEndTitleKeepsEveryWord: a headline whose entities decode to
// text that looks like a tag ("<steel>") alerts with that word, escaped
// for Telegram HTML; the item has no description, so the alert carries no
// summary rather than the title twice (issue 13).
func TestEndToEndTitleKeepsEveryWord(t *testing.T) {
	tg := telegramtest.New(t, testToken)
	trade := feedtest.New(t, "testdata/feeds/tariffs-v1.xml", "application/rss+xml")
	now := func() time.Time { return time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC) }
	a := startApp(t, testConfig{tg: tg, sources: []testSource{{"Trade Desk", trade.URL + "/trade.xml"}}}.String(), now)
	a.waitFetched(t, 1)
	const chat = 778
	tg.SendText(chat, "private", 9, "/subscribe tariffs")
	tg.WaitSent(t, chat, 1, 5*time.Second)

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
