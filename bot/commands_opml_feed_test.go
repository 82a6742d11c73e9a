package bot

import (
	"strings"
	"testing"
	"time"
)

// /import of a feed's link (not an OPML list's) adds the feed as /addsource
// would and says so; a second time it names the source it already is. A
// document that is neither says how to add one feed.
func TestImportOfAFeedLinkAddsTheFeed(t *testing.T) {
	srv := newSiteServer(t)
	h := newHarness(t, withSites(srv, false, map[string]string{"news.example": publicIP}))
	feed := "http://news.example:" + srv.Port() + "/feed.xml"
	got := h.reply(operator, "private", operator, "/import "+feed).Text()
	if !strings.Contains(got, "That link is a feed, not an OPML list: ✅ added it as /addsource does, source #1") {
		t.Fatalf("/import of a feed → %q, want it added", got)
	}
	s, err := h.st.FindSourceByURL(t.Context(), feed)
	if err != nil || s.Origin != "chat" {
		t.Fatalf("source of the feed: %+v, %v", s, err)
	}
	h.clock.Advance(20 * time.Second)
	if got := h.reply(operator, "private", operator, "/import "+feed).Text(); !strings.Contains(got, "already source #1") {
		t.Errorf("/import of a known feed → %q", got)
	}
	h.clock.Advance(20 * time.Second)
	if got := h.reply(operator, "private", operator, "/import <not opml").Text(); !strings.Contains(got, "not an OPML list") || !strings.Contains(got, "/addsource URL") {
		t.Errorf("/import of junk → %q, want how to add one feed", got)
	}
}
