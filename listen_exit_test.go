package main

import (
	"bytes"
	"context"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/newshound/newshound/internal/telegramtest"
)

// A listen address whose port another program holds (Prometheus itself
// listens on 9090, deploy/newshound.toml's metrics.listen) exited 1, and
// the unit's Restart=on-failure started the bot again every 5 s, for good,
// into the same refusal. It exits 78, which the unit leaves stopped, with
// the key, the fix and the file to make it in.
func TestTakenListenPortExits78(t *testing.T) {
	taken, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer taken.Close()
	addr := taken.Addr().String()
	for _, c := range []struct{ name, key, telegram, rest string }{
		{"metrics", "metrics.listen", "", "[metrics]\nlisten = \"" + addr + "\"\n"},
		{"webhook", "telegram.webhook_listen", "webhook_url = \"https://example.org/hook\"\nwebhook_listen = \"" + addr + "\"\n", ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			tg := telegramtest.New(t, testToken)
			dir := t.TempDir()
			cfgPath := filepath.Join(dir, "newshound.toml")
			text := strings.ReplaceAll(testConfig{tg: tg, telegram: c.telegram, rest: c.rest}.String(), "{{db}}", filepath.Join(dir, "n.db"))
			if err := os.WriteFile(cfgPath, []byte(text), 0o600); err != nil {
				t.Fatal(err)
			}
			m := NewMain(strings.NewReader(""), &bytes.Buffer{}, &syncBuffer{}, func(string) string { return "" })
			done := make(chan error, 1)
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			go func() { done <- m.Run(ctx, cfgPath) }()
			select {
			case err = <-done:
			case <-time.After(20 * time.Second):
				t.Fatal("Run went on with its listen address taken")
			}
			if got := exitStatus(err); got != exitConfig {
				t.Errorf("exit status %d, want %d: %v", got, exitConfig, err)
			}
			for _, want := range []string{c.key, "another process holds the port", cfgPath} {
				if err == nil || !strings.Contains(err.Error(), want) {
					t.Errorf("error %v does not say %q", err, want)
				}
			}
		})
	}
}
