package bot

import (
	"strings"
	"testing"
	"time"
)

// TestImportSaysWhichEntriesRepeatAnAddress: a list naming one feed twice
// (under two titles) was reported as "📥 Imported 1 new source." with the
// second entry gone without a word; the report names it and why.
func TestImportSaysWhichEntriesRepeatAnAddress(t *testing.T) {
	srv := newSiteServer(t)
	h := newHarness(t, withSites(srv, true, nil))
	feed := "http://127.0.0.1:" + srv.Port() + "/feed.xml"
	list := `<opml version="2.0"><body><outline text="Gamma" xmlUrl="` + feed + `"/><outline text="Gamma &amp; again" xmlUrl="` + feed + `"/></body></opml>`
	n := len(h.tg.Sent(operator))
	h.send(operator, "private", operator, "/import "+list)
	got := h.tg.WaitSent(t, operator, n+1, 10*time.Second)[n].Text()
	for _, want := range []string{"📥 Imported 1 new source.",
		"Skipped, an earlier entry of the list has the same address: Gamma &amp; again (" + feed + ")."} {
		if !strings.Contains(got, want) {
			t.Errorf("/import → %q, want it to hold %q", got, want)
		}
	}
}
