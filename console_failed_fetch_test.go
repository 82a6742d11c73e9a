package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/newshound/newshound/internal/testkit"
)

// A console whose every source failed its first fetch said "First fetch
// done: stored 0 articles (the backlog, not alerted)", as if the fetch had
// gone well and found nothing, before "Every source failed". It says only
// that every source failed, where to look (/sources, the log) and when the
// next fetch is.
func TestConsoleFirstFetchWithEverySourceFailingSaysSo(t *testing.T) {
	dir := t.TempDir()
	cfgPath := filepath.Join(dir, "dead.toml")
	body := "[storage]\npath = \"" + filepath.Join(dir, "n.db") + "\"\n" +
		"[[sources]]\nname = \"Dead\"\nurl = \"http://127.0.0.1:1/feed\"\n"
	if err := os.WriteFile(cfgPath, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	c := startConsole(t, cfgPath, time.Date(2026, 11, 30, 12, 0, 0, 0, time.UTC), nil)
	testkit.WaitWithin(t, "the first poll", 15*time.Second, func() bool { return strings.Contains(c.out.String(), "Every source failed") })
	c.stop()
	out := c.out.String()
	if strings.Contains(out, "First fetch done") {
		t.Errorf("every source failed, and the console still says the first fetch is done:\n%s", out)
	}
	for _, want := range []string{"Every source failed (see /sources and " + filepath.Join(dir, logFile), "Next fetch at "} {
		if !strings.Contains(out, want) {
			t.Errorf("the console lacks %q:\n%s", want, out)
		}
	}
}
