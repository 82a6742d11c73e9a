package feeds

import (
	"context"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/newshound/newshound/internal/feedtest"
	"github.com/newshound/newshound/internal/testkit"
)

// TestItemsOfOneTimeAlertOldestFirst: a feed that dates every item alike
// (or none) lists them newest first, as feeds do; they are stored and
// alerted in the opposite order, the oldest first, as items of different
// times are.
func TestItemsOfOneTimeAlertOldestFirst(t *testing.T) {
	ctx := context.Background()
	st := testkit.OpenStore(t, func() time.Time { return testNow })
	feed := feedtest.New(t, "../testdata/feeds/world-v1.xml", "application/rss+xml")
	testkit.UpsertSource(t, st, "Same time", feed.URL, "config")
	sink := &recordingSink{}
	p := newTestPoller(t, st, sink, 1<<20)
	if err := p.PollOnce(ctx); err != nil { // the first fetch: backlog
		t.Fatal(err)
	}
	for _, date := range []string{"<pubDate>Fri, 27 Nov 2026 11:00:00 GMT</pubDate>", ""} {
		body := `<?xml version="1.0"?><rss version="2.0"><channel><title>S</title>`
		var want []string
		for i := 3; i >= 1; i-- { // newest first
			title := fmt.Sprintf("Update %d on the harbour fire (dated: %v)", i, date != "")
			body += `<item><title>` + title + `</title><guid>` + title + `</guid>` + date + `<description>The fire at the harbour went on.</description></item>`
			want = append([]string{title}, want...)
		}
		feed.Set([]byte(body+`</channel></rss>`), "application/rss+xml")
		sink.got = nil
		if err := p.PollOnce(ctx); err != nil {
			t.Fatal(err)
		}
		if got := sink.titles(); !slices.Equal(got, want) {
			t.Errorf("alerted %q, want %q", got, want)
		}
	}
}
