package main

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newshound/newshound/internal/telegramtest"
)

// An operator who put the new token in the file was refused by the old
// one in the environment, which wins, and the error said "check
// NEWSHOUND_TELEGRAM_TOKEN or telegram.token". It names the one used and
// its bot id, and that the variable wins over the file.
func TestRefusedTokenNamesWhereItCameFrom(t *testing.T) {
	tg := telegramtest.New(t, testToken)
	dir := t.TempDir()
	cfgPath := filepath.Join(dir, "newshound.toml")
	text := "[telegram]\ntoken = \"" + testToken + "\"\napi_endpoint = \"" + tg.Endpoint() + "\"\n" +
		"[storage]\npath = \"" + filepath.Join(dir, "nh.db") + "\"\n[poller]\nschedule = \"@every 1h\"\n"
	if err := os.WriteFile(cfgPath, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	env := func(k string) string {
		if k == "NEWSHOUND_TELEGRAM_TOKEN" {
			return "987654:OLD-token-from-the-environment"
		}
		return ""
	}
	m := NewMain(strings.NewReader(""), io.Discard, io.Discard, env)
	err := m.Run(context.Background(), cfgPath)
	for _, want := range []string{"401", "bot id 987654", "NEWSHOUND_TELEGRAM_TOKEN's, from the environment", "wins over telegram.token in " + cfgPath} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("Run = %v, does not say %q", err, want)
		}
	}
	if err != nil && strings.Contains(err.Error(), "OLD-token") {
		t.Errorf("Run = %v, shows the token's secret", err)
	}
	if got := exitStatus(err); got != exitConfig {
		t.Errorf("exit status %d, want %d", got, exitConfig)
	}
}
