package main

import (
	"strings"
	"testing"
	"time"

	"github.com/newshound/newshound/internal/telegramtest"
	"github.com/newshound/newshound/internal/testkit"
)

// googleNewsItem is an RSS 2.0 feed of one item as Google News sends it:
// the title with " - outlet" appended, a description that is the headline's
// link followed by the outlet's name, and the outlet in <source>, published
// at 11:00 on 27 Nov 2026.
func googleNewsItem(headline, link, outlet, outletURL string) []byte {
	return []byte(`<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Google News</title><link>https://news.google.com/</link><description>Google News</description>` +
		`<item><title>` + headline + ` - ` + outlet + `</title><link>` + link + `</link><guid isPermaLink="false">` + link + `</guid><pubDate>Fri, 27 Nov 2026 11:00:00 GMT</pubDate>` +
		`<description><![CDATA[<a href="` + link + `" target="_blank">` + headline + `</a>&nbsp;&nbsp;<font color="#6f6f6f">` + outlet + `</font>]]></description>` +
		`<source url="` + outletURL + `">` + outlet + `</source></item>` +
		`</channel></rss>`)
}

// TestEndToEndAggregatorItemNamesItsOutlet: a Google News item is alerted
// naming the outlet it carries, not only the aggregator; the same outlet's
// own item of the story later adds no "Also:" of that outlet, and another
// outlet's item adds "Also:" with its name.
func TestEndToEndAggregatorItemNamesItsOutlet(t *testing.T) {
	tg := telegramtest.New(t, testToken)
	gnews := rssFeed(t, "tariffs-v1.xml")
	gnews.Set(rssItems(), "application/rss+xml")
	abc := rssFeed(t, "tariffs-v1.xml")
	abc.Set(rssItems(), "application/rss+xml")
	courier := rssFeed(t, "tariffs-v1.xml")
	courier.Set(rssItems(), "application/rss+xml")
	a := startFed(t, tg, testSource{"Google News", gnews.URL + "/rss"}, testSource{"ABC15 Arizona", abc.URL + "/feed.xml"}, testSource{"Daily Courier", courier.URL + "/rss.xml"})
	const chat = 783
	subscribeChat(t, tg, chat, "courthouse")

	const title = "3 dead, 2 wounded in Del. courthouse shooting"
	gnews.Set(googleNewsItem(title, "https://news.google.com/rss/articles/CBMiabc15del?oc=5", "ABC15 Arizona", "https://www.abc15.com"), "application/rss+xml")
	a.pollOnce(t)
	alert := tg.WaitSent(t, chat, 2, 5*time.Second)[1].Text()
	if !strings.Contains(alert, "ABC15 Arizona") || strings.Contains(alert, title+" - ABC15") {
		t.Fatalf("the aggregator's alert does not name its outlet (or keeps it in the title):\n%s", alert)
	}

	const lead = "Police say Thomas F. Matusiewicz, 68, opened fire in the New Castle County courthouse on Monday, killing his former daughter-in-law and her friend."
	abc.Set(rssItems([3]string{title, "https://www.abc15.com/news/del-courthouse-shooting", "<p>" + lead + "</p>"}), "application/rss+xml")
	a.pollOnce(t)
	a.waitOutboxEmpty(t, 5*time.Second)

	courier.Set(rssItems([3]string{title, "https://courier.example/del-courthouse", "<p>" + lead + " The two women died at the scene.</p>"}), "application/rss+xml")
	a.pollOnce(t)
	testkit.WaitWithin(t, "the edit", 5*time.Second, func() bool { return len(tg.Calls("editMessageText")) >= 1 })
	a.waitOutboxEmpty(t, 5*time.Second)
	edits := tg.Calls("editMessageText")
	last := edits[len(edits)-1].Text()
	also := ""
	for _, line := range strings.Split(last, "\n") {
		if strings.Contains(line, "Also: ") {
			also = line
		}
	}
	if !strings.Contains(also, "Daily Courier") || strings.Contains(also, "ABC15") || strings.Contains(also, "Google News") {
		t.Errorf("the Also line = %q, want the other outlet only (not the aggregator's own outlet):\n%s", also, last)
	}
	for _, e := range edits {
		if strings.Contains(e.Text(), "Also: ABC15") {
			t.Errorf("an edit names the aggregator item's own outlet as another:\n%s", e.Text())
		}
	}
	if got := tg.Sent(chat); len(got) != 2 {
		t.Errorf("messages to the chat = %d, want 2 (the reply and one alert)", len(got))
	}
}
