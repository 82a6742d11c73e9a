package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/newshound/newshound/internal/testkit"
)

// NEWSHOUND_CONFIG or NEWSHOUND_STORAGE_PATH, set by an operator used to
// other programs (a unit's Environment=, docker run -e), were ignored
// without a word: the bot ran on the built-in configuration or another
// database. The start warns of each NEWSHOUND_ variable it does not read,
// in the log and under the console's banner, with what to do instead; the
// ones it reads, and empty ones, are not named.
func TestUnreadEnvironmentWarned(t *testing.T) {
	dir := t.TempDir()
	cfgPath := filepath.Join(dir, "newshound.toml")
	if err := os.WriteFile(cfgPath, []byte("[storage]\npath = \""+filepath.Join(dir, "n.db")+"\"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	env := []string{"NEWSHOUND_CONFIG=/etc/newshound/newshound.toml", "NEWSHOUND_STORAGE_PATH=/data/nh.db", "NEWSHOUND_BOT_TOKEN=1:x",
		"NEWSHOUND_TELEGRAM_TOKEN=", "NEWSHOUND_SUMMARY_API_KEY=k", "NEWSHOUND_DEBUG=", "PATH=/bin"}
	c := startConsoleWith(t, cfgPath, time.Date(2026, 12, 1, 12, 0, 0, 0, time.UTC), nil, func(m *Main) {
		m.Environ = func() []string { return env }
	})
	testkit.WaitWithin(t, "the banner", 15*time.Second, func() bool { return strings.Contains(c.out.String(), "Log: ") })
	c.stop()
	logText, err := os.ReadFile(filepath.Join(dir, logFile))
	if err != nil {
		t.Fatal(err)
	}
	for name, text := range map[string]string{"the banner": c.out.String(), "the log": string(logText)} {
		for _, want := range []string{"NEWSHOUND_CONFIG is set, which Newshound does not read: give the configuration file with -config FILE",
			"NEWSHOUND_STORAGE_PATH is set, which Newshound does not read: write storage.path in the configuration file",
			"NEWSHOUND_BOT_TOKEN is set, which Newshound does not read: rename it NEWSHOUND_TELEGRAM_TOKEN"} {
			if !strings.Contains(text, want) {
				t.Errorf("%s does not say %q:\n%s", name, want, text)
			}
		}
		for _, read := range []string{"NEWSHOUND_SUMMARY_API_KEY is set", "NEWSHOUND_TELEGRAM_TOKEN is set", "NEWSHOUND_DEBUG is set"} {
			if strings.Contains(text, read) {
				t.Errorf("%s warns of %s, which is read (or empty):\n%s", name, read, text)
			}
		}
	}
}
