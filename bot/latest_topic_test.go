package bot

import (
	"strings"
	"testing"
	"time"

	"github.com/newshound/newshound/news"
)

// /latest in a forum topic listed the news of every topic's subscriptions
// (a Madrid strike under "Elections"), where /list there shows the topic's
// own. In a topic with subscriptions it covers those; in General, or a
// topic without any, the whole chat's; /latest ID names any of the chat's.
func TestLatestInATopicCoversTheTopicsSubscriptions(t *testing.T) {
	h := newHarness(t)
	const group = -1007
	h.tg.SetMember(group, 5, "administrator")
	h.tg.AddTopic(group, 77)
	h.tg.AddTopic(group, 78)
	h.tg.AddTopic(group, 79)
	h.mustArticles("Wire",
		news.Article{GUID: "1", URL: "https://wire.example/1", Title: "Volcano erupts near Reykjavik", Text: "A volcano erupted.", PublishedAt: h.clock.Now().Add(-time.Hour)},
		news.Article{GUID: "2", URL: "https://wire.example/2", Title: "Doctors strike in Madrid", Text: "Hospitals in Madrid.", PublishedAt: h.clock.Now().Add(-time.Hour)})
	h.clock.Advance(5 * time.Second)
	h.topicReply(group, 77, 5, "/subscribe volcano")
	h.clock.Advance(5 * time.Second)
	h.topicReply(group, 78, 5, "/subscribe madrid")
	for _, c := range []struct {
		name   string
		thread int
		text   string
		want   []string
		absent string
	}{
		{"topic 77", 77, "/latest", []string{"Volcano"}, "Madrid"},
		{"topic 78", 78, "/latest", []string{"Madrid"}, "Volcano"},
		{"a topic without subscriptions", 79, "/latest", []string{"Volcano", "Madrid"}, ""},
		{"General", 0, "/latest", []string{"Volcano", "Madrid"}, ""},
		{"another topic's subscription by name", 77, "/latest madrid", []string{"Madrid"}, "Volcano"},
	} {
		h.clock.Advance(5 * time.Second)
		var got string
		if c.thread == 0 {
			got = h.reply(group, "supergroup", 5, c.text).Text()
		} else {
			got = h.topicReply(group, c.thread, 5, c.text).Text()
		}
		for _, w := range c.want {
			if !strings.Contains(got, w) {
				t.Errorf("%s: %s = %q, want %q", c.name, c.text, got, w)
			}
		}
		if c.absent != "" && strings.Contains(got, c.absent) {
			t.Errorf("%s: %s = %q, want no %q", c.name, c.text, got, c.absent)
		}
	}
}
