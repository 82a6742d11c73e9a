package feeds

import (
	"context"
	"fmt"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/newshound/newshound/internal/feedtest"
	"github.com/newshound/newshound/internal/testkit"
	"github.com/newshound/newshound/summarize"
)

// The host's clock three days ahead of the feed servers (a VM without NTP):
// every new article looked older than poller.max_age, so nothing was ever
// alerted and nothing said why. The poller compares the clock with the Date
// of the servers' answers and says so, naming the fix; a clock in time, or
// one server alone with a wrong Date, says nothing.
func TestPollerTellsAClockOffFromTheServers(t *testing.T) {
	cases := []struct {
		name    string
		offset  time.Duration // the local clock minus the true time
		servers int
		want    string // in the log; "" = no warning
	}{
		{"three days ahead", 72 * time.Hour, 3, "the system clock is ahead of the feed servers'"},
		{"two hours behind", -2 * time.Hour, 4, "the system clock is behind the feed servers'"},
		{"in time", 0, 3, ""},
		{"ahead, one server only", 72 * time.Hour, 1, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			now := func() time.Time { return time.Now().Add(c.offset) }
			st := testkit.OpenStore(t, now)
			for i := range c.servers {
				feed := feedtest.New(t, "../testdata/feeds/world-v1.xml", "application/rss+xml")
				testkit.UpsertSource(t, st, fmt.Sprintf("World %d", i), feed.URL+"/world.xml", "config")
			}
			sum, err := summarize.New(summarize.Options{Sentences: 3, MaxChars: 600})
			if err != nil {
				t.Fatal(err)
			}
			var logs lockedBuffer
			p, err := NewPoller(Options{
				Schedule: "@every 1h", MaxAge: 48 * time.Hour, Concurrency: 4,
				Fetcher: newTestFetcher(1<<20, 5*time.Second), Store: st, Sink: &recordingSink{}, Summarizer: sum,
				Logger: slog.New(slog.NewTextHandler(&logs, nil)), Now: now,
			})
			if err != nil {
				t.Fatal(err)
			}
			if err := p.PollOnce(context.Background()); err != nil {
				t.Fatal(err)
			}
			got := logs.String()
			if c.want == "" && strings.Contains(got, "system clock") {
				t.Errorf("a warning about the clock:\n%s", got)
			}
			if c.want != "" && (strings.Count(got, c.want) != 1 || !strings.Contains(got, "timedatectl set-ntp true")) {
				t.Errorf("want one warning %q naming the fix; log:\n%s", c.want, got)
			}
		})
	}
}
