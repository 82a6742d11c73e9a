package main

import (
	"strings"
	"testing"
	"time"

	"github.com/newshound/newshound/internal/feedtest"
	"github.com/newshound/newshound/internal/testkit"
)

// TestConsoleSaysNoBacklogAfterARestart: the console's line after the first
// poll names the backlog on a source's first fetch ever, and after a restart
// says how many articles are new since the last run instead (they are
// alerted when they match).
func TestConsoleSaysNoBacklogAfterARestart(t *testing.T) {
	feed := feedtest.New(t, "testdata/feeds/world-v1.xml", "application/rss+xml")
	cfgPath := writeConsoleConfig(t, t.TempDir(), feed.URL)
	run := func(now time.Time) string {
		t.Helper()
		c := startConsole(t, cfgPath, now, nil)
		testkit.WaitWithin(t, "the first fetch", 15*time.Second, func() bool { return strings.Contains(c.out.String(), "First fetch done") })
		c.stop()
		return c.out.String()
	}
	start := time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)
	if first := run(start); !strings.Contains(first, "First fetch done: stored 2 articles (the backlog, not alerted).") {
		t.Errorf("the first run should name the backlog:\n%s", first)
	}
	feed.SetFile(t, "testdata/feeds/world-v2.xml", "application/rss+xml")
	second := run(start.Add(2 * time.Hour))
	if !strings.Contains(second, "First fetch done: 2 articles new since the last run (alerted when they match).") || strings.Contains(second, "the backlog, not alerted).") {
		t.Errorf("after a restart the first fetch is no backlog:\n%s", second)
	}
}
