package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
)

// Backup writes a consistent copy of the database at path to dest with
// VACUUM INTO, while other processes (a running Newshound) keep reading and
// writing it: the copy is one read transaction's view, compacted. It opens
// the database read-only and never migrates it. It fails when path is not a
// database, when dest already exists (it never overwrites), or when dest
// cannot be written.
func Backup(ctx context.Context, path, dest string) error {
	if _, err := os.Stat(path); err != nil {
		return fmt.Errorf("backup: database %w", err)
	}
	if _, err := os.Stat(dest); err == nil {
		return fmt.Errorf("backup: %s already exists; give a new file name", dest)
	} else if !errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("backup: %w", err)
	}
	q := url.Values{}
	q.Set("_busy_timeout", "10000")
	q.Set("mode", "ro")
	db, err := sql.Open("sqlite3", fileURI(path, q))
	if err != nil {
		return fmt.Errorf("backup: open %s: %w", path, err)
	}
	defer db.Close()
	var n int
	if err := db.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_master`).Scan(&n); err != nil {
		return fmt.Errorf("backup: read %s: %w", path, err)
	}
	if _, err := db.ExecContext(ctx, `VACUUM INTO ?`, dest); err != nil {
		return fmt.Errorf("backup: write %s: %w", dest, err)
	}
	return nil
}

// CheckWritable proves the database takes writes: it fails with the
// database's error when a write was refused within WriteFailureWindow (disk
// full, read-only, an I/O error, a damaged file: see WriteFailureWindow),
// when the file opened was removed or replaced (writes would go to a file
// nobody will open again), or when updating one row of its own (a probe in
// secrets) fails because the file, its folder or the disk refuses the write.
func (s *Store) CheckWritable(ctx context.Context) error {
	if err := s.writeFailures.recent(s.now()); err != nil {
		return fmt.Errorf("database not writable: %w", err)
	}
	if s.file != nil {
		fi, err := os.Stat(s.path)
		if err != nil {
			return fmt.Errorf("database not writable: the file opened at start is gone: %w", err)
		}
		if !os.SameFile(fi, s.file) {
			return fmt.Errorf("database not writable: %s is another file than the one opened at start; restart to use it", s.path)
		}
	}
	_, err := s.w.ExecContext(ctx, `INSERT INTO secrets (name, value, created_at) VALUES ('healthz probe', x'00', ?)
		ON CONFLICT (name) DO UPDATE SET created_at = excluded.created_at`, s.now().Unix())
	if err != nil {
		return fmt.Errorf("database not writable: %w", err)
	}
	return nil
}
