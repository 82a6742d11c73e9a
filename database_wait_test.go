package main

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/newshound/newshound/store"
)

// waitingStart is a database made by a first start and a Main to start on
// it again, whose waits for the database are reported on waits.
type waitingStart struct {
	db, cfg string
	stderr  *syncBuffer
	m       *Main
	// waits receives each wait's duration; the wait ends when the test
	// sends on resume.
	waits  chan time.Duration
	resume chan struct{}
}

func newWaitingStart(t *testing.T) *waitingStart {
	t.Helper()
	dir := t.TempDir()
	w := &waitingStart{db: filepath.Join(dir, "nh.db"), cfg: filepath.Join(dir, "nh.toml"), stderr: &syncBuffer{},
		waits: make(chan time.Duration), resume: make(chan struct{})}
	if err := os.WriteFile(w.cfg, []byte(fmt.Sprintf("[storage]\npath = %q\n", w.db)), 0o600); err != nil {
		t.Fatal(err)
	}
	first := NewMain(strings.NewReader(""), &syncBuffer{}, &syncBuffer{}, func(string) string { return "" })
	if err := first.Run(context.Background(), w.cfg); err != nil { // stdin empty: the console ends at once
		t.Fatalf("first start: %v", err)
	}
	w.m = NewMain(strings.NewReader(""), &syncBuffer{}, w.stderr, func(string) string { return "" })
	w.m.After = func(d time.Duration) <-chan time.Time {
		w.waits <- d
		<-w.resume
		c := make(chan time.Time, 1)
		c <- time.Time{}
		return c
	}
	return w
}

// run starts the Main and returns what Run returns, once it does.
func (w *waitingStart) run(ctx context.Context) <-chan error {
	done := make(chan error, 1)
	go func() { done <- w.m.Run(ctx, w.cfg) }()
	return done
}

// TestStartWaitsForADatabaseLockedByAnotherProcess: a `newshound backup`, a
// vacuum or a sqlite3 shell left in a transaction held the database's write
// lock past SQLite's 10 s busy timeout, and the operator saw the bot exit
// with "database is locked", to be restarted by its supervisor or not at
// all. It says once what holds it and how to find it, waits, and starts
// once the lock is freed.
func TestStartWaitsForADatabaseLockedByAnotherProcess(t *testing.T) {
	w := newWaitingStart(t)
	conn := holdWriteLock(t, w.db)
	done := w.run(context.Background())
	select {
	case <-w.waits:
	case err := <-done:
		t.Fatalf("the start did not wait for the lock: %v", err)
	}
	for _, want := range []string{"locked by another process", "fuser -v " + w.db, "storage.path"} {
		if !strings.Contains(w.stderr.String(), want) {
			t.Errorf("what the operator saw lacks %q:\n%s", want, w.stderr)
		}
	}
	if _, err := conn.ExecContext(context.Background(), "ROLLBACK"); err != nil {
		t.Fatal(err)
	}
	close(w.resume)
	if err := <-done; err != nil {
		t.Fatalf("the start after the lock was freed: %v", err)
	}
	if n := strings.Count(w.stderr.String(), "locked by another process"); n != 1 {
		t.Errorf("said %d times that the database is locked, want once:\n%s", n, w.stderr)
	}
	st, err := store.Open(context.Background(), w.db, nil)
	if err != nil {
		t.Fatalf("the database after the wait: %v", err)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
}

// TestStartStopsWaitingForTheDatabaseOnCancel: SIGTERM (the end of ctx)
// while the start waits for a locked database stops it without an error,
// saying so.
func TestStartStopsWaitingForTheDatabaseOnCancel(t *testing.T) {
	w := newWaitingStart(t)
	conn := holdWriteLock(t, w.db)
	defer conn.ExecContext(context.Background(), "ROLLBACK")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := w.run(ctx)
	select {
	case <-w.waits:
	case err := <-done:
		t.Fatalf("the start did not wait for the lock: %v", err)
	}
	cancel()
	close(w.resume)
	if err := <-done; err != nil {
		t.Fatalf("stopped while waiting: %v, want nil", err)
	}
	if !strings.Contains(w.stderr.String(), "stopped while waiting") {
		t.Errorf("the stop was not told:\n%s", w.stderr)
	}
}

// holdWriteLock takes the database's write lock (BEGIN IMMEDIATE) on a
// connection of its own, as another process would; the test ends it with
// ROLLBACK, and the connection closes at the test's end.
func holdWriteLock(t *testing.T, path string) *sql.Conn {
	t.Helper()
	holder, err := sql.Open("sqlite3", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { holder.Close() })
	conn, err := holder.Conn(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	if _, err := conn.ExecContext(context.Background(), "BEGIN IMMEDIATE"); err != nil {
		t.Fatal(err)
	}
	return conn
}
