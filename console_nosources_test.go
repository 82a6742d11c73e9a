package main

import (
	"bytes"
	"context"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/newshound/newshound/config"
	"github.com/newshound/newshound/internal/testkit"
)

// TestConsoleWithNoSourcesSaysHowToAddOne: a first run on a configuration
// file that lists no sources tells, in the banner, after the first poll and
// in /status, how to add one (/addsource, /import, [[sources]]) and how to
// run the demo, instead of "First fetch done: stored 0 articles".
func TestConsoleWithNoSourcesSaysHowToAddOne(t *testing.T) {
	dir := t.TempDir()
	cfgPath := storageConfig(t, filepath.Join(dir, "empty.toml"), filepath.Join(dir, "n.db"))
	c := startConsole(t, cfgPath, time.Date(2026, 11, 30, 12, 0, 0, 0, time.UTC), nil)
	testkit.WaitWithin(t, "the first poll", 15*time.Second, func() bool { return strings.Contains(c.out.String(), "Nothing was fetched") })
	c.send("/status\n")
	testkit.WaitWithin(t, "/status", 15*time.Second, func() bool { return strings.Contains(c.out.String(), "Sources: 0 sources.") })
	c.stop()
	out := c.out.String()
	if strings.Contains(out, "First fetch done") {
		t.Errorf("with no sources the console still says the first fetch is done:\n%s", out)
	}
	hint := "Add one: /addsource URL (a feed or a site), /import with an OPML list (a file or its URL), or [[sources]] in the configuration file"
	if n := strings.Count(out, hint); n != 3 {
		t.Errorf("the way to add a source is said %d times, want 3 (banner, first poll, /status):\n%s", n, out)
	}
	if !strings.Contains(out, "Newshound console: no sources yet, nothing to poll.") || !strings.Contains(out, "Try the demo: ") || !strings.Contains(out, " -demo") {
		t.Errorf("the console should name the lack of sources and the demo:\n%s", out)
	}
	logText, err := os.ReadFile(filepath.Join(dir, logFile))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(logText), "no sources to poll: add one with /addsource URL") {
		t.Errorf("the log should say there are no sources to poll:\n%s", logText)
	}
}

// TestStartWithNoSourcesLogsHowToAddOne: a bot started with no sources
// (where the log is all an operator reads) logs how to add one; with one,
// it does not.
func TestStartWithNoSourcesLogsHowToAddOne(t *testing.T) {
	for _, tt := range []struct {
		name    string
		sources []config.Source
		want    bool
	}{
		{"none", nil, true},
		{"one", []config.Source{{Name: "A", URL: "https://a.example/feed"}}, false},
		// A bot with no admin: /addsource answered "only operators may".
		{"none, no admin", nil, true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			st := testkit.OpenStore(t, time.Now)
			var buf bytes.Buffer
			cfg := config.Defaults()
			cfg.Sources = tt.sources
			if strings.HasSuffix(tt.name, "no admin") {
				cfg.Telegram.Token = "123456:TEST-token"
			}
			if _, err := syncSources(context.Background(), st, cfg, slog.New(slog.NewTextHandler(&buf, nil))); err != nil {
				t.Fatal(err)
			}
			if got := strings.Contains(buf.String(), "no sources to poll: add "); got != tt.want {
				t.Errorf("log says there are no sources: %v, want %v:\n%s", got, tt.want, buf.String())
			}
			if want := "put your user id in telegram.admins"; strings.HasSuffix(tt.name, "no admin") != strings.Contains(buf.String(), want) {
				t.Errorf("log says %q: %v, want %v:\n%s", want, !strings.HasSuffix(tt.name, "no admin"), strings.HasSuffix(tt.name, "no admin"), buf.String())
			}
		})
	}
}

// A stranger in the console wrote one feed twice (https://Example.com/feed
// and https://example.com/feed#top) and polled every 10 seconds: the
// warnings went to the log alone, and the terminal, all the console's
// operator reads, said nothing. The banner lists them.
func TestConsoleBannerListsTheConfigurationsWarnings(t *testing.T) {
	dir := t.TempDir()
	cfgPath := filepath.Join(dir, "twice.toml")
	body := "[storage]\npath = \"" + filepath.Join(dir, "n.db") + "\"\n[poller]\nschedule = \"@every 10s\"\n" +
		"[[sources]]\nname = \"One\"\nurl = \"http://127.0.0.1:1/feed\"\n[[sources]]\nname = \"Two\"\nurl = \"HTTP://127.0.0.1:1/feed#top\"\n"
	if err := os.WriteFile(cfgPath, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	c := startConsole(t, cfgPath, time.Date(2026, 11, 30, 12, 0, 0, 0, time.UTC), nil)
	testkit.WaitWithin(t, "the banner", 15*time.Second, func() bool { return strings.Contains(c.out.String(), "Log: ") })
	c.stop()
	out := c.out.String()
	for _, want := range []string{"doubtful settings", `• sources[1].url "HTTP://127.0.0.1:1/feed#top" is the same feed as sources[0].url`, `• poller.schedule "@every 10s" polls more often than once a minute`} {
		if !strings.Contains(out, want) {
			t.Errorf("the console's banner lacks %q:\n%s", want, out)
		}
	}
}
