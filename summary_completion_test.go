package main

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/newshound/newshound/internal/feedtest"
	"github.com/newshound/newshound/internal/telegramtest"
	"github.com/newshound/newshound/internal/testkit"
)

// rssItems is an RSS 2.0 feed of items, each a title, a link and a
// description (none when empty), published at 11:00 on 27 Nov 2026.
func rssItems(items ...[3]string) []byte {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>News</title><link>https://news.example/</link><description>News</description>`)
	for _, it := range items {
		b.WriteString("<item><title>" + it[0] + "</title><link>" + it[1] + "</link><guid>" + it[1] + "</guid><pubDate>Fri, 27 Nov 2026 11:00:00 GMT</pubDate>")
		if it[2] != "" {
			b.WriteString("<description><![CDATA[" + it[2] + "]]></description>")
		}
		b.WriteString("</item>\n")
	}
	b.WriteString("</channel></rss>")
	return []byte(b.String())
}

// TestEndToEndAlertWithoutSummaryIsCompleted: a headlines-only feed alerts a
// story first, with no summary; a second outlet carries the same story with
// a lead. The "Also:" edit names it and shows its summary, which the alert
// lacked.
func TestEndToEndAlertWithoutSummaryIsCompleted(t *testing.T) {
	tg := telegramtest.New(t, testToken)
	headlines := feedtest.New(t, "testdata/feeds/tariffs-v1.xml", "application/rss+xml")
	headlines.Set(rssItems(), "application/rss+xml")
	courier := feedtest.New(t, "testdata/feeds/tariffs-v1.xml", "application/rss+xml")
	courier.Set(rssItems(), "application/rss+xml")
	now := func() time.Time { return time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC) }
	a := startApp(t, testConfig{tg: tg, sources: []testSource{
		{"Headlines Only", headlines.URL + "/titles.xml"}, {"Daily Courier", courier.URL + "/rss.xml"},
	}}.String(), now)
	ctx := context.Background()
	a.waitFetched(t, 2)
	const chat = 781
	tg.SendText(chat, "private", 9, "/subscribe courthouse")
	tg.WaitSent(t, chat, 1, 5*time.Second)

	const title = "3 dead, 2 wounded in Del. courthouse shooting"
	headlines.Set(rssItems([3]string{title, "https://headlines.example/1", ""}), "application/rss+xml")
	a.pollOnce(t)
	alert := tg.WaitSent(t, chat, 2, 5*time.Second)[1].Text()
	if strings.Contains(alert, "Matusiewicz") {
		t.Fatalf("the headline's alert has a summary already:\n%s", alert)
	}

	const lead = "Police say Thomas F. Matusiewicz, 68, opened fire in the New Castle County courthouse on Monday, killing his former daughter-in-law and her friend."
	courier.Set(rssItems([3]string{title, "https://courier.example/del-courthouse", "<p>" + lead + "</p>"}), "application/rss+xml")
	a.pollOnce(t)
	testkit.WaitWithin(t, "the edit", 5*time.Second, func() bool { return len(tg.Calls("editMessageText")) == 1 })
	testkit.WaitWithin(t, "an empty outbox", 5*time.Second, func() bool {
		n, err := a.parts.Store.CountPending(ctx)
		return err == nil && n == 0
	})
	edit := tg.Calls("editMessageText")[0].Text()
	for _, want := range []string{"https://headlines.example/1", "Also: Daily Courier", "Police say Thomas F. Matusiewicz, 68, opened fire"} {
		if !strings.Contains(edit, want) {
			t.Errorf("edited alert lacks %q:\n%s", want, edit)
		}
	}
	if got := tg.Sent(chat); len(got) != 2 {
		t.Errorf("messages to the chat = %d, want 2 (the reply and one alert)", len(got))
	}
}
