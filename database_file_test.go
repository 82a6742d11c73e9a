package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/newshound/newshound/internal/telegramtest"
	"github.com/newshound/newshound/store"
)

// runUntilReady runs Main on the configuration text cfg (its {{db}} the
// database path returned) and returns once every part runs, with the
// channel Run's error comes on.
func runUntilReady(t *testing.T, cfg string) (db string, parts *Parts, done chan error) {
	t.Helper()
	dir := t.TempDir()
	db = filepath.Join(dir, "newshound.db")
	cfgPath := filepath.Join(dir, "newshound.toml")
	if err := os.WriteFile(cfgPath, []byte(strings.ReplaceAll(cfg, "{{db}}", db)), 0o600); err != nil {
		t.Fatal(err)
	}
	logs := &syncBuffer{}
	m := NewMain(strings.NewReader(""), &bytes.Buffer{}, logs, func(string) string { return "" })
	ready := make(chan *Parts, 1)
	m.Ready = func(p *Parts) { ready <- p }
	ctx, cancel := context.WithCancel(context.Background())
	ch := make(chan error, 1)
	go func() { ch <- m.Run(ctx, cfgPath) }()
	t.Cleanup(func() {
		cancel()
		select {
		case <-ch:
		case <-time.After(20 * time.Second):
			t.Error("Run did not stop within 20 s of cancel")
		}
	})
	select {
	case parts = <-ready:
	case err := <-ch:
		ch <- err
		t.Fatalf("Run ended early: %v\nlogs:\n%s", err, logs)
	case <-time.After(20 * time.Second):
		t.Fatalf("not ready after 20 s; logs:\n%s", logs)
	}
	return db, parts, ch
}

// stopped waits for Run's error after the database file was taken away.
func stopped(t *testing.T, done chan error) error {
	t.Helper()
	select {
	case err := <-done:
		done <- err // for the clean-up's wait
		return err
	case <-time.After(20 * time.Second):
		t.Fatal("Run went on for 20 s with its database file taken away")
	}
	return nil
}

// An operator who moves a backup over storage.path while the bot runs (mv,
// rsync, a restore by hand): the bot went on recording its sends in the
// file it had opened, which nobody opens again, so the next start sent them
// again; and SQLite, seeing its file moved, left its -wal full of that
// file's pages beside the new file, for the next start to replay into it.
// Now the bot stops (status 1: systemd starts it again on the new file)
// and the -wal it leaves is empty, so the new file opens sound.
func TestDatabaseFileReplacedWhileRunningStops(t *testing.T) {
	tg := telegramtest.New(t, testToken)
	db, parts, done := runUntilReady(t, testConfig{tg: tg}.String())
	ctx := context.Background()
	// A write in the -wal, as a running bot always has some.
	if err := parts.Store.CheckWritable(ctx); err != nil { // writes a probe row
		t.Fatal(err)
	}
	other := filepath.Join(filepath.Dir(db), "backup.db")
	if err := store.Backup(ctx, db, other); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(other, db); err != nil {
		t.Fatal(err)
	}
	err := stopped(t, done)
	if !errors.Is(err, store.ErrFileReplaced) || !strings.Contains(err.Error(), "storage.path") || !strings.Contains(err.Error(), "start Newshound again") {
		t.Fatalf("Run = %v, want the file named as replaced, with the fix", err)
	}
	if got := exitStatus(err); got != 1 {
		t.Errorf("exit status %d, want 1 (systemd starts it again on the new file)", got)
	}
	if fi, err := os.Stat(db + "-wal"); err == nil && fi.Size() > 0 {
		t.Errorf("the replaced file's -wal (%d bytes) is left beside the new file, to be replayed into it", fi.Size())
	}
	if _, err := store.CheckFile(ctx, db, true); err != nil {
		t.Errorf("the new file does not open sound after the stop: %v", err)
	}
}

// An operator (or a clean-up script) deletes storage.path while the bot
// runs: every chat and subscription lived on only in the deleted file the
// process held open, and were gone at its next stop, the next start making
// an empty database. Now the bot copies the database before it stops and
// puts the copy back at storage.path.
func TestDatabaseFileDeletedWhileRunningIsPutBack(t *testing.T) {
	for _, c := range []struct {
		name  string
		files []string // suffixes of storage.path deleted
	}{{"the database", []string{""}}, {"rm newshound.db*", []string{"", "-wal", "-shm"}}} {
		t.Run(c.name, func(t *testing.T) { deletedAndPutBack(t, c.files) })
	}
}

func deletedAndPutBack(t *testing.T, suffixes []string) {
	tg := telegramtest.New(t, testToken)
	db, parts, done := runUntilReady(t, testConfig{tg: tg, sources: []testSource{{"Kept", "http://127.0.0.1:1/feed.xml"}}}.String())
	ctx := context.Background()
	if srcs, err := parts.Store.ListSources(ctx); err != nil || len(srcs) != 1 {
		t.Fatalf("sources at start: %v, %v", srcs, err)
	}
	for _, suffix := range suffixes {
		if err := os.Remove(db + suffix); err != nil {
			t.Fatal(err)
		}
	}
	err := stopped(t, done)
	if !errors.Is(err, store.ErrFileDeleted) || !strings.Contains(err.Error(), "is back at storage.path") {
		t.Fatalf("Run = %v, want the file named as deleted and put back", err)
	}
	if _, err := store.CheckFile(ctx, db, false); err != nil {
		t.Fatalf("the database put back does not open sound: %v", err)
	}
	st, err := store.Open(ctx, db, time.Now)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if srcs, err := st.ListSources(ctx); err != nil || len(srcs) != 1 || srcs[0].Name != "Kept" {
		t.Errorf("sources in the database put back: %v, %v; want the one it had", srcs, err)
	}
	if left, _ := filepath.Glob(db + ".deleted-*"); len(left) > 0 {
		t.Errorf("the copy is left beside the database put back: %v", left)
	}
}

// fakeFile is a database file found deleted, whose copy records whether
// its context was still live.
type fakeFile struct {
	stop       context.CancelFunc // called as the deletion is seen: a SIGTERM at that moment
	copyCtxErr error
	copied     bool
}

func (f *fakeFile) CheckFileIdentity() error {
	f.stop()
	return fmt.Errorf("x.db: %w", store.ErrFileDeleted)
}

func (f *fakeFile) SaveCopy(ctx context.Context, dest string) error {
	f.copied, f.copyCtxErr = true, ctx.Err()
	return ctx.Err()
}

// A stop (SIGTERM) just as the deletion is seen cancelled the rescue copy,
// all that was left of the database. The copy runs to its end.
func TestDeletedDatabaseCopyOutlivesTheStop(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	f := &fakeFile{stop: cancel}
	tick := make(chan time.Time, 1)
	tick <- time.Now()
	err := watchDatabaseFile(ctx, f, nil, "x.db", tick, time.Now, slog.New(slog.DiscardHandler))
	if !f.copied || f.copyCtxErr != nil {
		t.Errorf("copy made: %v, with its context ended: %v; want it made under a live one", f.copied, f.copyCtxErr)
	}
	var gone *fileGone
	if !errors.As(err, &gone) || gone.rescued == "" {
		t.Errorf("watch = %v, want the copy named", err)
	}
}

// An operator deleting the -wal beside a database in use ("a log file,
// 64 MB"): the bot went on writing into the deleted file, a connection
// opened next started an empty one beside it, and a crash or a power cut
// lost every write since the last checkpoint (subscriptions, sent marks).
// The bot stops cleanly, which folds those writes into the database.
func TestDeletedWALStopsAndKeepsItsWrites(t *testing.T) {
	tg := telegramtest.New(t, testToken)
	db, parts, done := runUntilReady(t, testConfig{tg: tg, sources: []testSource{{"Kept", "http://127.0.0.1:1/feed.xml"}}}.String())
	ctx := context.Background()
	if err := parts.Store.CheckWritable(ctx); err != nil { // a write in the -wal
		t.Fatal(err)
	}
	if err := os.Remove(db + "-wal"); err != nil {
		t.Fatal(err)
	}
	err := stopped(t, done)
	if !errors.Is(err, errWALGone) || !strings.Contains(err.Error(), "Never delete the -wal") || exitStatus(err) != 1 {
		t.Fatalf("Run = %v (status %d), want the -wal named, status 1", err, exitStatus(err))
	}
	st, err := store.Open(ctx, db, time.Now)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if srcs, err := st.ListSources(ctx); err != nil || len(srcs) != 1 {
		t.Errorf("sources after the stop: %v, %v; want the one written before the -wal was deleted", srcs, err)
	}
}
