package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/newshound/newshound/internal/testkit"
)

// A console run on a configuration file every user may read that holds
// telegram.webhook_secret warned in the log alone, while the console's
// operator reads the terminal, where the configuration's other warnings
// are listed: the banner lists this one too, never the secret.
func TestConsoleBannerWarnsOfAReadableSecret(t *testing.T) {
	dir := t.TempDir()
	cfgPath := filepath.Join(dir, "open.toml")
	const secret = "s3cret-value-1234"
	body := "[telegram]\nwebhook_secret = \"" + secret + "\"\n[storage]\npath = \"" + filepath.Join(dir, "n.db") + "\"\n"
	if err := os.WriteFile(cfgPath, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(cfgPath, 0o644); err != nil { // whatever the umask
		t.Fatal(err)
	}
	c := startConsole(t, cfgPath, time.Date(2026, 11, 30, 12, 0, 0, 0, time.UTC), nil)
	testkit.WaitWithin(t, "the banner", 15*time.Second, func() bool { return strings.Contains(c.out.String(), "Log: ") })
	c.stop()
	out := c.out.String()
	if !strings.Contains(out, "• telegram.webhook_secret: "+cfgPath+" is readable by every user of this machine (mode 0644)") {
		t.Errorf("the console's banner does not warn of the readable secret:\n%s", out)
	}
	if strings.Contains(out, secret) {
		t.Errorf("the console shows the secret:\n%s", out)
	}
	logText, err := os.ReadFile(filepath.Join(dir, logFile))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(logText), "telegram.webhook_secret: "+cfgPath+" is readable") {
		t.Errorf("the log does not warn of the readable secret:\n%s", logText)
	}
}
