package main

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// backup and vacuum given a storage.path that names no database (another
// -config, a file of another program) said "file is not a database", with
// no fix, and exited 1. They explain the file as the bot's start does, and
// exit 78 as it does.
func TestMaintenanceOnAFileThatIsNoDatabase(t *testing.T) {
	dir := t.TempDir()
	junk := filepath.Join(dir, "junk.db")
	if err := os.WriteFile(junk, []byte(strings.Repeat("not a database ", 512)), 0o600); err != nil {
		t.Fatal(err)
	}
	cfg := writeConfig(t, filepath.Join(dir, "newshound.toml"), "[storage]\npath = \""+junk+"\"\n")
	ctx := context.Background()
	for name, run := range map[string]func() error{
		"backup": func() error {
			return runBackup(ctx, []string{"-config", cfg, filepath.Join(dir, "copy.db")}, func(string) string { return "" }, io.Discard)
		},
		"vacuum": func() error {
			return runVacuum(ctx, []string{"-config", cfg}, func(string) string { return "" }, io.Discard)
		},
	} {
		err := run()
		if err == nil || !strings.Contains(err.Error(), "point storage.path at your database") {
			t.Errorf("%s: %v, want the fix named", name, err)
		}
		if got := exitStatus(err); got != exitConfig {
			t.Errorf("%s: exit status %d, want %d", name, got, exitConfig)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "copy.db")); err == nil {
		t.Error("backup left a copy of no database")
	}
}
