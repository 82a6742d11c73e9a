package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newshound/newshound/config"
)

// The bot token written in a configuration file every user of the machine
// may read (the unit's /etc/newshound/newshound.toml is installed 0644, so
// that its dynamic user can read it) went unremarked: any local user could
// take over the bot. The start warns, naming the file, its mode and where
// the token goes instead.
func TestTokenInAFileEveryoneReadsIsWarnedOf(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "newshound.toml")
	if err := os.WriteFile(path, []byte("[telegram]\ntoken = \"1:secret\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(path, 0o644); err != nil { // whatever the umask
		t.Fatal(err)
	}
	cfg := config.Defaults()
	cfg.Telegram.Token = "1:secret"
	none := func(string) string { return "" }
	w := readableSecrets(path, cfg, none)
	for _, want := range []string{"telegram.token", path, "0644", "NEWSHOUND_TELEGRAM_TOKEN", "chmod"} {
		if !strings.Contains(w, want) {
			t.Errorf("warning %q does not say %q", w, want)
		}
	}
	if strings.Contains(w, "1:secret") {
		t.Errorf("the warning shows the token: %q", w)
	}
	if w := readableSecrets(path, cfg, func(k string) string {
		if k == config.TokenEnv {
			return "1:secret"
		}
		return ""
	}); w != "" {
		t.Errorf("the token comes from the environment, yet: %q", w)
	}
	if err := os.Chmod(path, 0o600); err != nil {
		t.Fatal(err)
	}
	if w := readableSecrets(path, cfg, none); w != "" {
		t.Errorf("a file only its owner reads: %q", w)
	}
	if w := readableSecrets("", cfg, none); w != "" {
		t.Errorf("no file: %q", w)
	}
}
