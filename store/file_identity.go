package store

import (
	"context"
	"errors"
	"fmt"
	"os"
)

// ErrFileReplaced is the database file at the store's path being another
// file than the one opened (moved or copied over with mv, rsync, a restore
// by hand): what the store writes goes to a file nobody will open again.
var ErrFileReplaced = errors.New("the database file was replaced while Newshound ran")

// ErrFileDeleted is the database file opened at start no longer being at
// the store's path: what the store writes lives only as long as the
// process holds the deleted file open.
var ErrFileDeleted = errors.New("the database file was deleted while Newshound ran")

// CheckFileIdentity fails with ErrFileReplaced or ErrFileDeleted when the
// file at the store's path is no longer the one it opened, and with the
// error of os.Stat when the path cannot be looked at for another reason
// (its folder made unreadable). A store that is no file (":memory:") never
// fails.
func (s *Store) CheckFileIdentity() error {
	if s.file == nil {
		return nil
	}
	fi, err := os.Stat(s.path)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return fmt.Errorf("%s: %w", s.path, ErrFileDeleted)
	case err != nil:
		return fmt.Errorf("look at %s: %w", s.path, err)
	case !os.SameFile(fi, s.file):
		return fmt.Errorf("%s: %w", s.path, ErrFileReplaced)
	}
	return nil
}

// SaveCopy writes a consistent copy of the open database to dest, a file
// that must not exist, with VACUUM INTO on the writer's connection (so that
// no write of this process is half in it). It is how a database whose file
// was deleted while it ran is kept: the copy is the only file left of it.
// It fails when dest exists or cannot be written.
func (s *Store) SaveCopy(ctx context.Context, dest string) error {
	if _, err := os.Stat(dest); err == nil {
		return fmt.Errorf("save a copy: %s already exists", dest)
	}
	if _, err := s.w.ExecContext(ctx, `VACUUM INTO ?`, dest); err != nil {
		return fmt.Errorf("save a copy to %s: %w", dest, err)
	}
	return nil
}

// releaseMovedFile empties the -wal into the database file opened, with a
// truncating checkpoint, when that file is no longer at the store's path.
// SQLite neither checkpoints nor removes the -wal at close then (it sees
// the file moved), so the -wal full of this file's pages stayed beside the
// file now at the path, and the next start replayed them into it: another
// database's pages, a damaged file. Emptied, the -wal replays nothing.
func (s *Store) releaseMovedFile(ctx context.Context) error {
	if err := s.CheckFileIdentity(); errors.Is(err, ErrFileReplaced) || errors.Is(err, ErrFileDeleted) {
		if _, err := s.w.ExecContext(ctx, `PRAGMA wal_checkpoint(TRUNCATE)`); err != nil {
			return fmt.Errorf("empty the -wal of the replaced database file: %w", err)
		}
	}
	return nil
}
