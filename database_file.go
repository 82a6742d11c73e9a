package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"time"

	"github.com/newshound/newshound/store"
)

// fileCheckEvery is how often the running bot looks whether storage.path
// is still the file it opened: a stat, cheap, and the longest time sends
// are recorded in a file replaced under it.
const fileCheckEvery = 2 * time.Second

// fileIdentity is what the database file watch needs of the store.
type fileIdentity interface {
	CheckFileIdentity() error
	SaveCopy(ctx context.Context, dest string) error
}

// fileGone is the run stopping because its database file was replaced or
// deleted under it. For a deleted one, rescued names the copy saved before
// the stop (empty when none could be), which putBack moves to path once
// the store is closed.
type fileGone struct {
	err      error
	path     string
	rescued  string
	restored bool   // rescued was moved back to path
	left     string // why rescued was not moved back
}

// errWALGone is the database's -wal file deleted or replaced while the bot
// ran: the writes since the last checkpoint live only in the file SQLite
// still holds open, a connection opened next would start an empty one
// beside it, and a crash would lose them.
var errWALGone = errors.New("the database's -wal file was deleted or replaced while Newshound ran")

func (e *fileGone) Error() string {
	switch {
	case errors.Is(e.err, errWALGone):
		return fmt.Sprintf("%s-wal: %v: stopped, which folds the writes it held into %s (a clean stop does); start Newshound again. "+
			"Never delete the -wal beside a database in use or left by a killed process: it holds the latest writes", e.path, e.err, e.path)
	case errors.Is(e.err, store.ErrFileReplaced):
		return fmt.Sprintf("storage.path %s is another file than the one opened at start (mv, rsync, a restore by hand while Newshound ran): "+
			"stopped, so that no more sends are recorded in the replaced file (they would repeat from the new one); "+
			"start Newshound again to use the new file (systemd and Docker do so by themselves); to restore a backup, stop Newshound first, then newshound restore", e.path)
	case e.restored:
		return fmt.Sprintf("storage.path %s was deleted while Newshound ran: stopped, and its database, copied before the stop, is back at storage.path, "+
			"so the next start goes on with every chat and subscription; to start anew instead, stop Newshound, then delete the file", e.path)
	case e.rescued != "" && e.left == "":
		return fmt.Sprintf("storage.path %s was deleted while Newshound ran: stopping; its database is copied to %s, to be put back at storage.path once closed", e.path, e.rescued)
	case e.rescued != "":
		return fmt.Sprintf("storage.path %s was deleted while Newshound ran: stopped; its database was copied to %s before the stop but not put back (%s): "+
			"with Newshound stopped, move it to storage.path to go on with every chat and subscription", e.path, e.rescued, e.left)
	}
	return fmt.Sprintf("storage.path %s: %v; stopped", e.path, e.err)
}

func (e *fileGone) Unwrap() error { return e.err }

// watchDatabaseFile checks every tick whether st's file is still at its
// path and returns a *fileGone when it is not. A deleted file is first
// copied beside its path (rescuePath: a consistent copy of what the process still holds
// open), since nothing else keeps it past the stop. A check that fails for
// another reason (the folder made unreadable) is logged once and the watch
// goes on. Each tick also checks the lock (heldLock.check), and returns
// its error, and the -wal beside the database: one deleted or replaced
// stops the bot too (errWALGone), whose clean stop folds the writes the
// deleted file holds into the database. It returns nil when ctx ends.
func watchDatabaseFile(ctx context.Context, st fileIdentity, lock *heldLock, path string, tick <-chan time.Time, now func() time.Time, log *slog.Logger) error {
	said := false
	wal, _ := os.Stat(path + "-wal") // nil when there is none: nothing to watch
	for {
		select {
		case <-ctx.Done():
			return nil
		case <-tick:
		}
		if err := lock.check(log); err != nil {
			return err
		}
		err := st.CheckFileIdentity()
		switch {
		case errors.Is(err, store.ErrFileReplaced):
			return &fileGone{err: err, path: path}
		case errors.Is(err, store.ErrFileDeleted):
			gone := &fileGone{err: err, path: path}
			rescue := rescuePath(path, now())
			// A stop meanwhile does not cut the copy short: it is all
			// that is left of the database.
			if cerr := st.SaveCopy(context.WithoutCancel(ctx), rescue); cerr != nil {
				log.Error("the database file was deleted while Newshound ran, and no copy of it could be saved; what it held is lost at the stop", "path", path, "err", cerr)
			} else {
				gone.rescued = rescue
			}
			return gone
		case err != nil && !said:
			log.Warn("cannot look at the database file", "path", path, "err", err)
			said = true
		}
		if wal != nil { // after the database's own check: rm newshound.db* is a deleted database, rescued
			if fi, err := os.Stat(path + "-wal"); errors.Is(err, os.ErrNotExist) || (err == nil && !os.SameFile(fi, wal)) {
				return &fileGone{err: errWALGone, path: path}
			}
		}
	}
}

// rescuePath is where a database deleted while the bot ran is copied
// before the stop.
func rescuePath(path string, now time.Time) string {
	return path + ".deleted-" + now.UTC().Format("20060102-150405")
}

// putBack moves the copy of a deleted database to its path, once the store
// is closed (the -wal the deleted file left is empty then and is removed
// with its -shm: a -wal of pages beside the copy would be replayed into
// it). It leaves the copy
// where it is, and the error says so, when a file is at path again or a
// -wal still is.
func (e *fileGone) putBack() {
	if e.rescued == "" {
		return
	}
	if fi, err := os.Stat(e.path + "-wal"); err == nil {
		if fi.Size() > 0 { // not emptied at the close (store.Store.Close): it would be replayed into the copy
			e.left = "a -wal file the deleted database left is beside storage.path: remove it first"
			return
		}
		os.Remove(e.path + "-wal")
		os.Remove(e.path + "-shm")
	}
	if err := os.Link(e.rescued, e.path); err != nil { // never over a file someone put there meanwhile
		e.left = err.Error()
		if errors.Is(err, os.ErrExist) {
			e.left = "a file is at storage.path again"
		}
		return
	}
	os.Remove(e.rescued)
	e.restored = true
}

// walLeftBehind refuses the database at path when it was moved there
// without its -wal: the path the file records (store.RecordedPath) is
// another, no database is there any more, and a -wal with pages is. Those
// pages are the latest writes (chats, subscriptions, sends); opened
// without them, the bot would go on from an older state and repeat sends,
// and the -wal could no longer be put back once the new file changed.
// The error, a *configError (exit 78), names the mv that mends it. A
// database moved cleanly (no -wal left behind, or an empty one) or
// copied (the old file still there) passes. It reads the file read-only
// and passes a file it cannot read, for checkDatabase to name why. A -wal
// beside path is none of this (the file did not come alone) and is left
// to checkDatabase untouched: reading the file would fold that -wal into
// it and delete it, and a stale one beside a backup put in place by hand
// would no longer be named.
func walLeftBehind(ctx context.Context, path string) error {
	if _, err := os.Lstat(path + "-wal"); !errors.Is(err, os.ErrNotExist) {
		return nil
	}
	was, err := store.RecordedPath(ctx, path)
	if err != nil || was == "" {
		return nil
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		abs = path
	}
	if was == abs {
		return nil
	}
	if _, err := os.Stat(was); err == nil {
		return nil // copied, not moved: the old file keeps its -wal
	}
	wal, err := os.Stat(was + "-wal")
	if err != nil || wal.Size() == 0 {
		return nil
	}
	return &configError{fmt.Errorf("storage.path %q: this database was moved from %s without its -wal file, which is still there (%s-wal, %d bytes) and holds its latest writes: "+
		"started without it, they would be lost and sends repeated. Put it beside the database, with Newshound stopped: mv %s-wal %s-wal && rm -f %s-shm; then start again "+
		"(to drop those writes instead, delete %s-wal)", path, was, was, wal.Size(), was, abs, was, was)}
}

// notePath records path (made absolute) in st as where the database is
// opened, for walLeftBehind at the next start, and logs when the file was
// moved since the last start. A failure is logged: the bot runs without it.
func notePath(ctx context.Context, st *store.Store, path string, log *slog.Logger) {
	abs, err := filepath.Abs(path)
	if err != nil {
		abs = path
	}
	was, err := st.RecordPath(ctx, abs)
	switch {
	case err != nil:
		log.Warn("cannot record the database's path", "path", abs, "err", err)
	case was != "" && was != abs:
		log.Info("the database was moved or copied here since the last start", "from", was, "to", abs)
	}
}
