package config

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzLoad loads configuration files: Load either fails with an error that
// names the file or a key, or returns a configuration that validates and
// has the durations and rates in range. It never panics.
func FuzzLoad(f *testing.F) {
	example, err := os.ReadFile(filepath.Join("..", "config.example.toml"))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(string(example))
	f.Add(`[telegram]
token = "123:ABC"
global_per_second = 30.0
[storage]
path = "/var/lib/newshound/newshound.db"
retention = "720h"
[[sources]]
name = "Wire"
url = "https://wire.example/rss"
`)
	f.Add("[alerts]\ndedup_window = \"-5h\"\n")
	f.Add("[telegram]\nglobal_per_second = 1e309\n")
	f.Add("[[sources]]\nname = \"\"\nurl = \"ftp://x\"\n")
	f.Add("unknown_key = 1\n")
	f.Add("[digest]\ntime = \"25:99\"\ntimezone = \"Mars/Olympus\"\n")
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, data string) {
		path := filepath.Join(dir, "fuzz.toml")
		if err := os.WriteFile(path, []byte(data), 0o600); err != nil {
			t.Fatal(err)
		}
		cfg, err := Load(path, func(string) string { return "" })
		if err != nil {
			var fe *FieldError
			if !errors.As(err, &fe) && !strings.Contains(err.Error(), path) {
				t.Fatalf("error names neither the file nor a key: %v", err)
			}
			return
		}
		if err := cfg.Validate(); err != nil {
			t.Fatalf("Load returned a configuration that does not validate: %v", err)
		}
		if cfg.Telegram.GlobalPerSecond <= 0 || cfg.Telegram.ChatPerSecond <= 0 || cfg.Telegram.GroupPerMinute <= 0 {
			t.Fatalf("rates not positive: %+v", cfg.Telegram)
		}
		if cfg.Storage.Retention.D() < 0 || cfg.Alerts.DedupWindow.D() < 0 {
			t.Fatalf("negative duration: retention %v, dedup window %v", cfg.Storage.Retention, cfg.Alerts.DedupWindow)
		}
	})
}
