package main

import (
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/newshound/newshound/store"
)

// TestLockedDatabaseNamesItsHolder: a second console on the same database
// was told a pid only; the refusal names the holder's command, and for a
// console the terminal where Ctrl-D stops it.
func TestLockedDatabaseNamesItsHolder(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "newshound.db")
	unlock, err := store.Lock(db)
	if err != nil {
		t.Fatal(err)
	}
	defer unlock()
	_, err = store.Lock(db)
	if !errors.Is(err, store.ErrLocked) {
		t.Fatalf("second Lock = %v, want ErrLocked", err)
	}
	proc := t.TempDir()
	pid := filepath.Join(proc, itoa(os.Getpid()))
	if err := os.MkdirAll(filepath.Join(pid, "fd"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(pid, "cmdline"), []byte("/tmp/x/newshound\x00-config\x00my.toml\x00"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("/dev/pts/3", filepath.Join(pid, "fd", "0")); err != nil {
		t.Fatal(err)
	}
	got := withLockHolder(err, db, proc)
	if !errors.Is(got, store.ErrLocked) {
		t.Errorf("the error no longer wraps ErrLocked: %v", got)
	}
	for _, want := range []string{`is "/tmp/x/newshound -config my.toml"`, "a console in the terminal /dev/pts/3: type Ctrl-D there"} {
		if !strings.Contains(got.Error(), want) {
			t.Errorf("refusal %q lacks %q", got, want)
		}
	}
	if got := withLockHolder(err, db, filepath.Join(proc, "none")); got != err {
		t.Errorf("without procfs the error should stay as it was: %v", got)
	}
}

func itoa(n int) string { return strconv.Itoa(n) }
