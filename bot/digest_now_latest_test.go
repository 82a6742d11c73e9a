package bot

import (
	"strings"
	"testing"
	"time"

	"github.com/newshound/newshound/news"
)

// A stranger subscribed, read that the query "would have matched 15
// stored articles", sent /digest now and was told that nothing had matched
// in the last 24 hours: a digest lists alerts, and articles stored before
// the subscription are never alerted. The empty answer says so and points
// to /latest when it would find some; with nothing stored that matches, it
// adds nothing.
func TestAnEmptyDigestNowPointsToLatest(t *testing.T) {
	h := newHarness(t, withDigests, withLanguages)
	h.mustArticles("Wire", news.Article{GUID: "1", URL: "https://wire.example/1", Title: "Kursk deminers at work", Text: "Deminers near Kursk.", PublishedAt: h.clock.Now().Add(-time.Hour)})
	const chat, other = 43, 44
	h.mustSubscribe(chat, "private", "kursk")
	got := h.reply(chat, "private", chat, "/digest now").Text()
	if !strings.Contains(got, "Nothing") || !strings.Contains(got, "/latest shows those") {
		t.Errorf("/digest now with a stored match never alerted = %q, want /latest named", got)
	}
	h.mustSubscribe(other, "private", "volcano")
	if got := h.reply(other, "private", other, "/digest now").Text(); !strings.Contains(got, "Nothing") || strings.Contains(got, "/latest") {
		t.Errorf("/digest now with nothing stored that matches = %q, want no /latest hint", got)
	}
	if got := h.replyAs(chat, "private", chat, "de", "/language de"); !strings.Contains(got, "Deutsch") {
		t.Fatalf("/language de → %q", got)
	}
	if got := h.reply(chat, "private", chat, "/digest now").Text(); !strings.Contains(got, "Die zeigt /latest") {
		t.Errorf("German /digest now = %q, want the hint in German", got)
	}
}
