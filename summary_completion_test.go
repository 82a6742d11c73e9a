package main

import (
	"strings"
	"testing"
	"time"

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
	headlines := rssFeed(t, "tariffs-v1.xml")
	headlines.Set(rssItems(), "application/rss+xml")
	courier := rssFeed(t, "tariffs-v1.xml")
	courier.Set(rssItems(), "application/rss+xml")
	a := startFed(t, tg, testSource{"Headlines Only", headlines.URL + "/titles.xml"}, testSource{"Daily Courier", courier.URL + "/rss.xml"})
	const chat = 781
	subscribeChat(t, tg, chat, "courthouse")

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
	a.waitOutboxEmpty(t, 5*time.Second)
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
