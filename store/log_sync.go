package store

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"sync"
	"time"
)

// logSync is what SyncLog remembers of the write-ahead log it last synced.
type logSync struct {
	mu      sync.Mutex
	size    int64
	modTime time.Time
	at      time.Time // when it synced
}

// SyncLog puts the database's write-ahead log (the -wal file) on the disk,
// when it changed since the last call, and reports whether it did.
//
// Why: with synchronous = NORMAL, SQLite syncs the log only at checkpoints
// (every 16,384 pages), so the commits since sit in the kernel's cache
// until it writes them out, within about 30 s. A power cut (or a crash of
// the host) loses them: every outbox row marked sent in those seconds is
// sent again after the restart, every alert queued in them is queued again
// from the feed if the feed still carries its item. Syncing every commit
// (synchronous = FULL) closes that window but costs a sync per message sent
// (about 6 ms each on a virtual disk: ten times the fill's time), while a
// sync every fraction of a second (the caller's choice) bounds what a power
// cut takes to that fraction's commits, for a few syncs a second at most
// and none while nothing is written. A fsync of any handle of
// the file puts all its written pages on the disk; the log's checksummed
// frames make what was synced a consistent prefix of the commits.
//
// It does nothing (false, nil) for a database that is no file, or when the
// log does not exist (a clean stop removes it). It fails when the log
// cannot be opened or synced: the disk refusing it is an I/O error.
func (s *Store) SyncLog() (bool, error) {
	if s.file == nil {
		return false, nil
	}
	name := s.path + "-wal"
	fi, err := os.Stat(name)
	if errors.Is(err, fs.ErrNotExist) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("sync the database's log: %w", err)
	}
	s.logSync.mu.Lock()
	defer s.logSync.mu.Unlock()
	// A file's times move by the kernel's tick (a few ms): a write in
	// the tick of the last sync's look may not move them, so a log
	// written within a second of its last sync is synced again. (The
	// wall clock, not the store's: it is compared with the file's times.)
	if fi.Size() == s.logSync.size && fi.ModTime().Equal(s.logSync.modTime) && fi.ModTime().Before(s.logSync.at.Add(-time.Second)) {
		return false, nil
	}
	f, err := os.OpenFile(name, os.O_RDWR, 0)
	if errors.Is(err, fs.ErrNotExist) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("sync the database's log: %w", err)
	}
	defer f.Close()
	if err := f.Sync(); err != nil {
		return false, fmt.Errorf("sync the database's log: %w", err)
	}
	s.logSync.size, s.logSync.modTime, s.logSync.at = fi.Size(), fi.ModTime(), time.Now()
	return true, nil
}
