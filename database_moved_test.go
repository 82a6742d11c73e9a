package main

import (
	"bytes"
	"context"
	"errors"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// copyFile copies src to dst, as a crash image of a file SQLite has open.
func copyFile(t *testing.T, src, dst string) {
	t.Helper()
	b, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(dst, b, 0o600); err != nil {
		t.Fatal(err)
	}
}

// A database moved without its -wal, whose -wal with the latest writes is
// left at the old path, is refused with exit status 78 and the mv that
// mends it, touching neither file; once the -wal is moved as told, the
// start goes on with the writes it held. A clean move starts and notes
// the new path.
func TestDatabaseMovedWithoutItsWAL(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	old := filepath.Join(dir, "old", "newshound.db")
	moved := filepath.Join(dir, "new", "newshound.db")
	for _, d := range []string{filepath.Dir(old), filepath.Dir(moved)} {
		if err := os.Mkdir(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	var logs bytes.Buffer
	log := slog.New(slog.NewTextHandler(&logs, nil))
	m := NewMain(strings.NewReader(""), io.Discard, io.Discard, func(string) string { return "" })

	// The bot runs at old and writes; killed, it leaves its -wal with
	// pages (the copies taken while it runs).
	st, unlock, err := m.openDatabase(ctx, old, log, "")
	if err != nil {
		t.Fatal(err)
	}
	latest, err := st.Secret(ctx, "latest write", 16)
	if err != nil {
		t.Fatal(err)
	}
	crash := filepath.Join(dir, "crash.db")
	copyFile(t, old, crash)
	copyFile(t, old+"-wal", crash+"-wal")
	st.Close()
	unlock()
	for _, f := range []string{old, old + "-wal", old + "-shm"} {
		os.Remove(f)
	}
	if err := os.Rename(crash+"-wal", old+"-wal"); err != nil { // left behind
		t.Fatal(err)
	}
	if err := os.Rename(crash, moved); err != nil { // mv old/newshound.db new/
		t.Fatal(err)
	}
	if fi, err := os.Stat(old + "-wal"); err != nil || fi.Size() == 0 {
		t.Fatalf("the -wal left behind holds nothing (%v): the test moves no writes", err)
	}

	_, _, err = m.openDatabase(ctx, moved, log, "")
	var ce *configError
	if err == nil || !errors.As(err, &ce) || exitStatus(err) != exitConfig {
		t.Fatalf("start on the moved file: %v (status %d), want a configuration error, 78", err, exitStatus(err))
	}
	fix := "mv " + old + "-wal " + moved + "-wal"
	if !strings.Contains(err.Error(), fix) || !strings.Contains(err.Error(), "moved from "+old) {
		t.Errorf("the refusal does not name the move or the fix %q:\n%v", fix, err)
	}
	if _, err := os.Stat(moved + "-wal"); err == nil {
		t.Error("the refusal left a -wal beside the moved file, which the mv would replace")
	}

	if err := os.Rename(old+"-wal", moved+"-wal"); err != nil { // the fix
		t.Fatal(err)
	}
	os.Remove(old + "-shm")
	logs.Reset()
	st, unlock, err = m.openDatabase(ctx, moved, log, "")
	if err != nil {
		t.Fatalf("start after the fix: %v", err)
	}
	got, err := st.Secret(ctx, "latest write", 16)
	if err != nil || !bytes.Equal(got, latest) {
		t.Errorf("after the fix the latest write is %x (%v), want %x: the -wal's pages were lost", got, err, latest)
	}
	if !strings.Contains(logs.String(), "the database was moved or copied here since the last start") {
		t.Errorf("the start after the move logged no word of it:\n%s", logs.String())
	}
	st.Close()
	unlock()

	// A clean move (closed, no -wal) starts, and the next start there
	// says nothing of a move.
	again := filepath.Join(dir, "again.db")
	if err := os.Rename(moved, again); err != nil {
		t.Fatal(err)
	}
	for _, want := range []bool{true, false} {
		logs.Reset()
		st, unlock, err = m.openDatabase(ctx, again, log, "")
		if err != nil {
			t.Fatalf("start after a clean move: %v", err)
		}
		st.Close()
		unlock()
		if said := strings.Contains(logs.String(), "moved or copied here since the last start"); said != want {
			t.Errorf("start at %s logged the move %v, want %v:\n%s", again, said, want, logs.String())
		}
	}
}
