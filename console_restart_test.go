package main

import (
	"os"
	"path/filepath"
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
	first := run(start)
	if !strings.Contains(first, "First fetch done: stored 2 articles (the backlog, not alerted).") {
		t.Errorf("the first run should name the backlog:\n%s", first)
	}
	if !strings.Contains(first, "The first fetch is stored as the backlog, not alerted.") {
		t.Errorf("the first run's banner should name the backlog:\n%s", first)
	}
	feed.SetFile(t, "testdata/feeds/world-v2.xml", "application/rss+xml")
	second := run(start.Add(2 * time.Hour))
	if !strings.Contains(second, "First fetch done: 2 articles new since the last run (alerted when they match).") || strings.Contains(second, "the backlog, not alerted).") {
		t.Errorf("after a restart the first fetch is no backlog:\n%s", second)
	}
	if strings.Contains(second, "stored as the backlog") || !strings.Contains(second, "Fetched before: news new since the last run is alerted when it matches.") {
		t.Errorf("after a restart the banner should name no backlog:\n%s", second)
	}
}

// TestConsoleBannerCountsTheSourcesNeverFetched: after a restart with a
// source added to the configuration, the banner names the backlog only for
// the source never fetched.
func TestConsoleBannerCountsTheSourcesNeverFetched(t *testing.T) {
	feed := feedtest.New(t, "testdata/feeds/world-v1.xml", "application/rss+xml")
	other := feedtest.New(t, "testdata/feeds/world-v2.xml", "application/rss+xml")
	dir := t.TempDir()
	cfgPath := writeConsoleConfig(t, dir, feed.URL)
	start := time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)
	c := startConsole(t, cfgPath, start, nil)
	testkit.WaitWithin(t, "the first fetch", 15*time.Second, func() bool { return strings.Contains(c.out.String(), "First fetch done") })
	c.stop()
	cfg, err := os.ReadFile(cfgPath)
	if err != nil {
		t.Fatal(err)
	}
	cfg = append(cfg, "[[sources]]\nname = \"Another\"\nurl = \""+other.URL+"\"\n"...)
	if err := os.WriteFile(cfgPath, cfg, 0o600); err != nil {
		t.Fatal(err)
	}
	c = startConsole(t, cfgPath, start.Add(time.Hour), nil)
	testkit.WaitWithin(t, "the first fetch", 15*time.Second, func() bool { return strings.Contains(c.out.String(), "First fetch done") })
	c.stop()
	if out := c.out.String(); !strings.Contains(out, "2 sources to poll, polled every 1h. The first fetch of the 1 source never fetched is stored as the backlog, not alerted; the others alert what is new since the last run.") {
		t.Errorf("the banner should name the backlog of the new source only:\n%s", out)
	}
}

// TestDemoCommandFitsHowTheBotWasRun: the console's hint for a machine
// without network names a command that runs: under go run (the README's
// first command) the go run line, else the binary's full path when it was
// run by one (a stranger's /tmp/x/newshound was told "newshound -demo":
// command not found), else its name, found on PATH.
func TestDemoCommandFitsHowTheBotWasRun(t *testing.T) {
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for arg0, want := range map[string]string{
		"/tmp/go-build2938475/b001/exe/newshound": "go run -tags sqlite_fts5 . -demo",
		"./newshound":               filepath.Join(wd, "newshound") + " -demo",
		"bin/newshound":             filepath.Join(wd, "bin", "newshound") + " -demo",
		"/usr/local/bin/newshound":  "/usr/local/bin/newshound -demo",
		"/tmp/console-nh/newshound": "/tmp/console-nh/newshound -demo",
		"/home/a b/newshound":       "'/home/a b/newshound' -demo",
		"newshound":                 "newshound -demo", // found on PATH
	} {
		if got := demoCommand(arg0); got != want {
			t.Errorf("demoCommand(%q) = %q, want %q", arg0, got, want)
		}
	}
}
