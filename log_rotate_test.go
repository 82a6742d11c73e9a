package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/newshound/newshound/internal/telegramtest"
	"github.com/newshound/newshound/internal/testkit"
)

// logrotate renames log.file and sends SIGHUP (its default "create" mode
// and postrotate): the bot went on writing into the renamed file for good,
// and the new one stayed empty. SIGHUP reopens the file by its name.
func TestHangupReopensTheLogFile(t *testing.T) {
	tg := telegramtest.New(t, testToken)
	dir := t.TempDir()
	logPath := filepath.Join(dir, "newshound.log")
	cfg := strings.ReplaceAll(testConfig{tg: tg, rest: "[log]\nfile = \"" + logPath + "\"\n"}.String(), "{{db}}", filepath.Join(dir, "n.db"))
	cfgPath := filepath.Join(dir, "newshound.toml")
	if err := os.WriteFile(cfgPath, []byte(cfg), 0o600); err != nil {
		t.Fatal(err)
	}
	hangups := make(chan os.Signal, 1)
	m := NewMain(strings.NewReader(""), &bytes.Buffer{}, &bytes.Buffer{}, func(string) string { return "" })
	m.Hangups = hangups
	ready := make(chan *Parts, 1)
	m.Ready = func(p *Parts) { ready <- p }
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- m.Run(ctx, cfgPath) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("Run: %v", err)
		}
	})
	select {
	case <-ready:
	case err := <-done:
		t.Fatalf("Run ended early: %v", err)
	case <-time.After(10 * time.Second):
		t.Fatal("not ready after 10s")
	}
	read := func(p string) string {
		b, err := os.ReadFile(p)
		if err != nil && !os.IsNotExist(err) {
			t.Fatal(err)
		}
		return string(b)
	}
	if !strings.Contains(read(logPath), "msg=started") {
		t.Fatalf("the log file lacks the start:\n%s", read(logPath))
	}
	if err := os.Rename(logPath, logPath+".1"); err != nil { // logrotate
		t.Fatal(err)
	}
	hangups <- syscall.SIGHUP
	testkit.WaitFor(t, "the SIGHUP logged in the new file", func() bool { return strings.Contains(read(logPath), "does not reload its configuration") })
	if rotated := read(logPath + ".1"); strings.Contains(rotated, "SIGHUP") {
		t.Errorf("the renamed file got lines after the SIGHUP:\n%s", rotated)
	}
}
