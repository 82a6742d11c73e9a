package feeds

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/newshound/newshound/internal/feedtest"
	"github.com/newshound/newshound/internal/testkit"
	"github.com/newshound/newshound/store"
)

// The production store keeps the churn streaks.
var _ ChurnBook = (*store.Store)(nil)

// A restart forgot a runaway feed: /status no longer named it until three
// more fetches, and the log warned of it again then. The streak is kept in
// the database: after a restart the next fetch names the source to the
// status again, and the log does not repeat the warning.
func TestARestartKeepsAChurningFeedNamedWithoutWarningAgain(t *testing.T) {
	st := testkit.OpenStore(t, func() time.Time { return testNow })
	feed := feedtest.New(t, "../testdata/feeds/world-v1.xml", "application/rss+xml")
	testkit.UpsertSource(t, st, "Made-up guids", feed.URL, "config")
	var log bytes.Buffer
	obs := &churnWatch{}
	p := newChurnPoller(t, st, &log, obs)
	fetch := 0
	poll := func(p *Poller) {
		feed.Set(itemsFeed(fmt.Sprintf("f%d-", fetch), 40), "application/rss+xml")
		fetch++
		mustPoll(t, p)
	}
	for range churnFetches + 1 {
		poll(p)
	}
	if got := obs.heard(); got != "Made-up guids true" {
		t.Fatalf("before the restart the status heard %q, want the source named churning", got)
	}
	var log2 bytes.Buffer
	obs2 := &churnWatch{}
	p2 := newChurnPoller(t, st, &log2, obs2)
	poll(p2)
	if got := obs2.heard(); got != "Made-up guids true" {
		t.Fatalf("after a restart and a fetch the status heard %q, want the source named churning", got)
	}
	for range churnFetches {
		poll(p2)
	}
	if strings.Contains(log2.String(), "every item of the feed was new") {
		t.Errorf("warned again after a restart:\n%s", log2.String())
	}
	// The feed settles: told to the status, and a later run starts afresh.
	feed.Set(itemsFeed(fmt.Sprintf("f%d-", fetch-1), 39), "application/rss+xml") // known items, a new body
	mustPoll(t, p2)
	if got := obs2.heard(); got != "Made-up guids true|Made-up guids false" {
		t.Errorf("the status heard %q, want it told the source settled", got)
	}
	kept, err := st.ChurnStreaks(t.Context())
	if err != nil || len(kept) != 0 {
		t.Errorf("streaks kept after the feed settled: %v, %v", kept, err)
	}
}
