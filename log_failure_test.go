package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newshound/newshound/internal/telegramtest"
)

// With log.file set, why the bot could not run went to stderr alone: the
// log file an operator reads ended without a word (a damaged database
// refused at start, Telegram refusing the token). The reason is the log
// file's last line too, in its format.
func TestFailureToRunIsInTheLogFile(t *testing.T) {
	for _, c := range []struct {
		name, want string
		damage     bool
		token      string
	}{
		{"damaged database", "the database file is damaged", true, testToken},
		{"token refused", "401", false, "999:refused-by-telegram"},
	} {
		t.Run(c.name, func(t *testing.T) {
			tg := telegramtest.New(t, testToken)
			dir := t.TempDir()
			db, logFile := filepath.Join(dir, "n.db"), filepath.Join(dir, "newshound.log")
			if c.damage {
				if err := os.WriteFile(db, bytes.Repeat([]byte("not a database "), 512), 0o600); err != nil {
					t.Fatal(err)
				}
			}
			cfg := "[telegram]\ntoken = \"" + c.token + "\"\napi_endpoint = \"" + tg.Endpoint() + "\"\n[storage]\npath = \"" + db + "\"\n[log]\nformat = \"json\"\nfile = \"" + logFile + "\"\n"
			cfgPath := filepath.Join(dir, "newshound.toml")
			if err := os.WriteFile(cfgPath, []byte(cfg), 0o600); err != nil {
				t.Fatal(err)
			}
			var stderr bytes.Buffer
			err := NewMain(strings.NewReader(""), &bytes.Buffer{}, &stderr, func(string) string { return "" }).Run(context.Background(), cfgPath)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("Run: %v, want a failure saying %q", err, c.want)
			}
			logged, rerr := os.ReadFile(logFile)
			if rerr != nil {
				t.Fatalf("no log file: %v", rerr)
			}
			lines := strings.Split(strings.TrimSpace(string(logged)), "\n")
			last := lines[len(lines)-1]
			if !strings.HasPrefix(last, "{") || !strings.Contains(last, `"level":"ERROR"`) || !strings.Contains(last, c.want) {
				t.Errorf("the log file's last line is not the failure, as JSON:\n%s", logged)
			}
		})
	}
}
