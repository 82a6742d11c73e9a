package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// An operator runs `sudo newshound vacuum` (or restore) on the database of
// a service that runs as another user: the lock file the command created
// was root's, mode 0600, and the service's next start failed with "lock …:
// permission denied", again at every restart. It gets the database's owner.
func TestMaintenanceLeavesTheLockToTheDatabasesOwner(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("needs root, as the operator's sudo")
	}
	const service = 65534 // nobody, as the unit's dynamic user
	ctx := context.Background()
	dir := t.TempDir()
	db := filepath.Join(dir, "nh.db")
	if err := createDatabase(ctx, db); err != nil {
		t.Fatal(err)
	}
	backup := filepath.Join(t.TempDir(), "copy.db")
	cfg := filepath.Join(t.TempDir(), "nh.toml")
	if err := os.WriteFile(cfg, []byte("[storage]\npath = \""+db+"\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	getenv := func(string) string { return "" }
	var out bytes.Buffer
	if err := runBackup(ctx, []string{"-config", cfg, backup}, getenv, &out); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{dir, db} {
		if err := os.Chown(p, service, service); err != nil {
			t.Fatal(err)
		}
	}
	for _, c := range []struct {
		name string
		run  func() error
	}{
		{"vacuum", func() error { return runVacuum(ctx, []string{"-config", cfg}, getenv, &out) }},
		{"restore", func() error { return runRestore(ctx, []string{"-config", cfg, backup}, getenv, &out) }},
	} {
		if err := os.Remove(db + ".lock"); err != nil && !os.IsNotExist(err) {
			t.Fatal(err)
		}
		if err := c.run(); err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		fi, err := os.Stat(db + ".lock")
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if uid := fi.Sys().(*syscall.Stat_t).Uid; uid != service {
			t.Errorf("after %s as root, %s.lock is uid %d's: the service (uid %d) cannot take it at its next start", c.name, db, uid, service)
		}
	}
}
