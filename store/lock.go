package store

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/mattn/go-sqlite3"
)

// ErrLocked is returned by Lock when another process holds the database.
var ErrLocked = errors.New("database in use by another process")

// Lock makes this process the only one using the database at path: it takes
// an exclusive OS lock (flock) on "<path>.lock" (see LockPath: beside the
// file a symbolic link names) and writes its pid there. The
// lock goes with the process, however it ends, so a killed bot leaves none
// behind. It fails with ErrLocked, naming the path and the holder's pid, when
// another process holds it, and when the lock file cannot be created. Paths
// that are no file (":memory:", "file:" URIs) are not locked. unlock releases
// the lock.
func Lock(path string) (unlock func() error, err error) {
	if path == ":memory:" || strings.HasPrefix(path, "file:") {
		return func() error { return nil }, nil
	}
	name := LockPath(path)
	f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, fmt.Errorf("lock %s: %w", name, err)
	}
	if err := lockFile(f); err != nil {
		holder, _ := os.ReadFile(name)
		f.Close()
		if errors.Is(err, errWouldBlock) {
			pid := strings.TrimSpace(string(holder))
			if _, perr := strconv.Atoi(pid); perr != nil {
				pid = "unknown"
			}
			return nil, fmt.Errorf("storage.path %s: %w (pid %s holds %s); stop it first, or give this one another storage.path "+
				"(the lock is not left over from a crash: a process that ends, killed or not, leaves none; deleting the file lets two bots send every alert)",
				path, ErrLocked, pid, name)
		}
		return nil, fmt.Errorf("lock %s: %w", name, err)
	}
	if err := f.Truncate(0); err == nil {
		_, _ = f.WriteAt([]byte(strconv.Itoa(os.Getpid())+"\n"), 0)
	}
	return func() error {
		_ = f.Truncate(0)
		return f.Close() // closing the file releases the lock
	}, nil
}

// LockPath is the lock file of the database at path: "<file>.lock" beside
// the database file itself. A storage.path that is a symbolic link to the
// file (made or not yet) names its target's lock: SQLite opens the target,
// and a lock beside the link let a second bot, given the other name, run on
// the same database (each sending the outbox: every alert twice). A link
// that cannot be read is taken as it is.
func LockPath(path string) string {
	fi, err := os.Lstat(path)
	if err != nil || fi.Mode()&os.ModeSymlink == 0 {
		return path + ".lock"
	}
	if real, err := filepath.EvalSymlinks(path); err == nil {
		return real + ".lock"
	}
	// A link to a file not made yet (SQLite will create it): follow it a
	// link at a time.
	for range 40 {
		target, err := os.Readlink(path)
		if err != nil {
			break
		}
		if !filepath.IsAbs(target) {
			target = filepath.Join(filepath.Dir(path), target)
		}
		path = target
		if fi, err := os.Lstat(path); err != nil || fi.Mode()&os.ModeSymlink == 0 {
			break
		}
	}
	return path + ".lock"
}

// Busy reports whether err is SQLite's "database is locked" (SQLITE_BUSY or
// SQLITE_LOCKED): another connection, in this process or another, held the
// database's write lock for longer than the busy timeout.
func Busy(err error) bool {
	var se sqlite3.Error
	if errors.As(err, &se) {
		return se.Code == sqlite3.ErrBusy || se.Code == sqlite3.ErrLocked
	}
	return err != nil && strings.Contains(err.Error(), "database is locked")
}
