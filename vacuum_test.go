package main

import (
	"bytes"
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newshound/newshound/store"
)

// TestVacuumCommandTurnsIncrementalVacuumOn runs `newshound vacuum` on a
// database made before incremental vacuum was the default: afterwards
// retention gives space back by itself.
func TestVacuumCommandTurnsIncrementalVacuumOn(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "old.db")
	raw, err := sql.Open("sqlite3", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	// Newshound's first table, made before incremental vacuum was the default.
	if _, err := raw.Exec(`CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_at INTEGER NOT NULL)`); err != nil {
		t.Fatal(err)
	}
	if err := raw.Close(); err != nil {
		t.Fatal(err)
	}
	cfg := storageConfig(t, filepath.Join(dir, "newshound.toml"), path)
	var out bytes.Buffer
	if err := runVacuum(context.Background(), []string{"-config", cfg}, func(string) string { return "" }, &out); err != nil {
		t.Fatalf("vacuum: %v\n%s", err, out.String())
	}
	if !strings.Contains(out.String(), "compacted "+path) {
		t.Errorf("vacuum said %q", out.String())
	}
	db, err := sql.Open("sqlite3", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var mode int
	if err := db.QueryRow(`PRAGMA auto_vacuum`).Scan(&mode); err != nil {
		t.Fatal(err)
	}
	if mode != 2 {
		t.Errorf("auto_vacuum = %d after the command, want 2 (incremental)", mode)
	}
}

func TestVacuumCommandRefusesExtraArguments(t *testing.T) {
	var out bytes.Buffer
	err := runVacuum(context.Background(), []string{"now"}, func(string) string { return "" }, &out)
	var stderr bytes.Buffer
	reportFailure(&stderr, "vacuum", err)
	if err == nil || exitStatus(err) != exitUsage || !strings.Contains(stderr.String(), "usage: newshound vacuum") || out.Len() != 0 {
		t.Fatalf("vacuum now → %v, stdout %q, stderr %q; want a usage error with the usage on stderr", err, out.String(), stderr.String())
	}
}

// `newshound vacuum` and `backup` where storage.path names no file (run in
// the wrong folder, or without the bot's -config) say so and create nothing.
// (vacuum made a new empty database there and said "compacted newshound.db".)
func TestMaintenanceCommandsRefuseAMissingDatabase(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "missing.db")
	cfg := storageConfig(t, filepath.Join(dir, "newshound.toml"), path)
	noEnv := func(string) string { return "" }
	commands := []struct {
		name string
		run  func() error
	}{
		{"vacuum", func() error { return runVacuum(context.Background(), []string{"-config", cfg}, noEnv, &bytes.Buffer{}) }},
		{"backup", func() error {
			return runBackup(context.Background(), []string{"-config", cfg, filepath.Join(dir, "copy.db")}, noEnv, &bytes.Buffer{})
		}},
	}
	for _, c := range commands {
		t.Run(c.name, func(t *testing.T) {
			err := c.run()
			if err == nil || !strings.Contains(err.Error(), "no database at storage.path") || !strings.Contains(err.Error(), "-config") {
				t.Errorf("%s on a missing database → %v; want it named, with -config as the fix", c.name, err)
			}
			entries, err := os.ReadDir(dir)
			if err != nil {
				t.Fatal(err)
			}
			for _, e := range entries {
				if e.Name() != "newshound.toml" {
					t.Errorf("%s left %s behind", c.name, e.Name())
				}
			}
		})
	}
}

// A new binary's vacuum beside the older bot still running on the database
// migrated the schema under that bot. It now refuses, naming the fix; on a
// database at its own schema it runs beside the bot as before.
func TestVacuumBesideAnOlderBotRefuses(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "news.db")
	makeDatabase(t, path)
	cfg := storageConfig(t, filepath.Join(dir, "newshound.toml"), path)
	unlock, err := store.Lock(path) // the running bot
	if err != nil {
		t.Fatal(err)
	}
	defer unlock()
	noEnv := func(string) string { return "" }
	var out bytes.Buffer
	if err := runVacuum(context.Background(), []string{"-config", cfg}, noEnv, &out); err != nil {
		t.Fatalf("vacuum beside a bot of this version: %v", err)
	}
	sqlExec(t, path, "DELETE FROM schema_migrations WHERE version = (SELECT max(version) FROM schema_migrations)") // the bot is one migration older
	before, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	err = runVacuum(context.Background(), []string{"-config", cfg}, noEnv, &out)
	if err == nil || !strings.Contains(err.Error(), "is older than this one") || !strings.Contains(err.Error(), "lacks 1 of this version's migrations") || !strings.Contains(err.Error(), "nothing was changed") {
		t.Fatalf("vacuum beside an older bot: %v", err)
	}
	if after, err := os.ReadFile(path); err != nil || !bytes.Equal(before, after) {
		t.Errorf("the database changed (%v)", err)
	}
	if n, err := store.PendingMigrations(context.Background(), path); err != nil || n != 1 {
		t.Errorf("pending migrations = %d, %v; want 1", n, err)
	}
}

// A vacuum stopped by Ctrl-C or SIGTERM (its context) says that it stopped
// and that the database is unchanged, not "vacuum: context canceled".
func TestVacuumStoppedSaysTheDatabaseIsUnchanged(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "nh.db")
	if err := createDatabase(context.Background(), db); err != nil {
		t.Fatal(err)
	}
	stoppedChangesNothing(t, db, "vacuum", func(ctx context.Context, cfg string) error {
		return runVacuum(ctx, []string{"-config", cfg}, func(string) string { return "" }, &bytes.Buffer{})
	})
}

// `sudo newshound backup -config /etc/newshound/newshound.toml copy.db` run
// from a home folder, storage.path = "newshound.db" (relative, as in the
// example; the unit's WorkingDirectory makes it the service's): "no database
// at storage.path" told to give -config, which was given. It says the path is
// taken from the working folder and to run there or write the whole path.
func TestMaintenanceOnARelativeStoragePathNamesTheWorkingFolder(t *testing.T) {
	etc, home := t.TempDir(), t.TempDir()
	cfg := filepath.Join(etc, "newshound.toml")
	if err := os.WriteFile(cfg, []byte("[storage]\npath = \"newshound.db\"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	t.Chdir(home)
	err := runBackup(context.Background(), []string{"-config", cfg, "copy.db"}, func(string) string { return "" }, &bytes.Buffer{})
	for _, want := range []string{"relative", "working folder " + home, "whole path"} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("backup from another folder: %v; want %q", err, want)
		}
	}
}
