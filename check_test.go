package main

import (
	"bytes"
	"context"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// newshound check names every problem a start would refuse at once,
// with exit status 78, and starts nothing; a configuration with none
// passes with status 0 and says so.
func TestCheckNamesEveryProblemAtOnce(t *testing.T) {
	dir := t.TempDir()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	bad := filepath.Join(dir, "bad.toml")
	text := fmt.Sprintf("[storage]\npath = %q\n[metrics]\nlisten = %q\n", filepath.Join(dir, "missing", "newshound.db"), ln.Addr().String())
	if err := os.WriteFile(bad, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	noToken := func(string) string { return "" }
	var out bytes.Buffer
	err = runCheck(context.Background(), []string{"-config", bad}, noToken, &out)
	if err == nil || exitStatus(err) != exitConfig {
		t.Fatalf("check of a bad configuration: %v (status %d), want status 78", err, exitStatus(err))
	}
	for _, want := range []string{"no bot token", "missing does not exist", "metrics.listen " + ln.Addr().String(), "holds it"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("check does not say %q:\n%v", want, err)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "missing")); err == nil {
		t.Error("check made the missing folder")
	}

	good := filepath.Join(dir, "good.toml")
	db := filepath.Join(dir, "newshound.db")
	if err := os.WriteFile(good, []byte(fmt.Sprintf("[storage]\npath = %q\n", db)), 0o644); err != nil {
		t.Fatal(err)
	}
	out.Reset()
	token := func(k string) string {
		if k == "NEWSHOUND_TELEGRAM_TOKEN" {
			return "123:ABC"
		}
		return ""
	}
	if err := runCheck(context.Background(), []string{"-config", good}, token, &out); err != nil {
		t.Fatalf("check of a good configuration: %v", err)
	}
	if !strings.Contains(out.String(), "no problem found") {
		t.Errorf("check said %q", out.String())
	}
	if _, err := os.Stat(db); err == nil {
		t.Error("check created the database")
	}
}
