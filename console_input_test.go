package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A service started without its token (systemd's EnvironmentFile missing,
// `docker run -d` without -e) has /dev/null for stdin: Run refuses with what
// to set instead of running a console that ends at once with exit status 0
// and no word in the journal. A console on a pipe or with a token is not
// refused (the other tests).
func TestNoTokenOnDevNullNamesTheToken(t *testing.T) {
	null, err := os.Open(os.DevNull)
	if err != nil {
		t.Fatal(err)
	}
	defer null.Close()
	dir := t.TempDir()
	cfgPath := storageConfig(t, filepath.Join(dir, "newshound.toml"), filepath.Join(dir, "n.db"))
	m := NewMain(null, &bytes.Buffer{}, &bytes.Buffer{}, func(string) string { return "" })
	err = m.Run(context.Background(), cfgPath)
	if err == nil || !strings.Contains(err.Error(), "NEWSHOUND_TELEGRAM_TOKEN") {
		t.Fatalf("Run without a token on /dev/null = %v; want the token named", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "n.db")); !os.IsNotExist(err) {
		t.Errorf("a database was made before the refusal (stat: %v)", err)
	}
}

// The token set under another bot's name for it (TELEGRAM_BOT_TOKEN): the
// service's refusal named NEWSHOUND_TELEGRAM_TOKEN but not that the token
// was there under the wrong name. It names both.
func TestNoTokenNamesAMisnamedOne(t *testing.T) {
	null, err := os.Open(os.DevNull)
	if err != nil {
		t.Fatal(err)
	}
	defer null.Close()
	dir := t.TempDir()
	cfgPath := storageConfig(t, filepath.Join(dir, "newshound.toml"), filepath.Join(dir, "n.db"))
	env := func(k string) string {
		if k == "TELEGRAM_BOT_TOKEN" {
			return "123456:AAF-secret"
		}
		return ""
	}
	err = NewMain(null, &bytes.Buffer{}, &bytes.Buffer{}, env).Run(context.Background(), cfgPath)
	if err == nil || !strings.Contains(err.Error(), "TELEGRAM_BOT_TOKEN is set") || !strings.Contains(err.Error(), "rename it NEWSHOUND_TELEGRAM_TOKEN") {
		t.Fatalf("Run = %v; want the misnamed variable named with the right name", err)
	}
	if strings.Contains(err.Error(), "AAF-secret") {
		t.Errorf("the refusal shows the token: %v", err)
	}
}

// `newshound -demo &`, or the demo in a container without -i: its stdin is
// /dev/null, and it was refused with "no bot token: set
// NEWSHOUND_TELEGRAM_TOKEN", which the demo never reads. It says the demo
// needs a terminal, as a wrong command line (exit status 2).
func TestDemoOnDevNullAsksForATerminal(t *testing.T) {
	null, err := os.Open(os.DevNull)
	if err != nil {
		t.Fatal(err)
	}
	defer null.Close()
	err = NewMain(null, &bytes.Buffer{}, &bytes.Buffer{}, func(string) string { return "" }).RunDemo(context.Background())
	if err == nil || !strings.Contains(err.Error(), "-demo") || !strings.Contains(err.Error(), "terminal") || strings.Contains(err.Error(), "TOKEN") {
		t.Fatalf("RunDemo on /dev/null = %v; want that the demo needs a terminal, and no word of a token", err)
	}
	if got := exitStatus(err); got != exitUsage {
		t.Errorf("exit status %d, want %d (a wrong command line)", got, exitUsage)
	}
}
