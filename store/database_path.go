package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
)

// databasePathName is the row of secrets that keeps the path the database
// was last opened at (RecordPath), by which the start tells a file moved
// without its -wal (see RecordedPath).
const databasePathName = "database path"

// RecordPath keeps path as where the database is opened and returns the
// path kept before ("" for none: a new database, or one of a version
// before the row). A changed path is checkpointed into the file at once,
// so that the file alone, moved without its -wal, still names where it
// was. It fails when the database refuses the write.
func (s *Store) RecordPath(ctx context.Context, path string) (was string, err error) {
	err = s.tx(ctx, func(tx *wtx) error {
		var v []byte
		switch err := tx.QueryRowContext(ctx, `SELECT value FROM secrets WHERE name = ?`, databasePathName).Scan(&v); {
		case errors.Is(err, sql.ErrNoRows):
		case err != nil:
			return err
		}
		was = string(v)
		if was == path {
			return nil
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO secrets (name, value, created_at) VALUES (?, ?, ?)
			ON CONFLICT (name) DO UPDATE SET value = excluded.value, created_at = excluded.created_at`, databasePathName, []byte(path), s.now().Unix())
		return err
	})
	if err != nil {
		return "", fmt.Errorf("record the database path: %w", err)
	}
	if was != path {
		if _, err := s.w.ExecContext(ctx, `PRAGMA wal_checkpoint(PASSIVE)`); err != nil {
			return "", fmt.Errorf("record the database path: checkpoint: %w", err)
		}
	}
	return was, nil
}

// RecordedPath returns the path the database file at path was last opened
// at (RecordPath), reading it read-only before any open that writes: ""
// when the file is missing or empty, has no such row (a new database, a
// version before it) or no secrets table. It fails when the file cannot
// be read.
func RecordedPath(ctx context.Context, path string) (string, error) {
	if info, err := os.Stat(path); err != nil || info.Size() == 0 {
		return "", nil
	}
	q := url.Values{}
	q.Set("_busy_timeout", "10000")
	q.Set("_query_only", "1")
	db, err := sql.Open("sqlite3", fileURI(path, q))
	if err != nil {
		return "", fmt.Errorf("read the recorded path of %s: %w", path, err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	var n int
	if err := db.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'secrets'`).Scan(&n); err != nil {
		return "", fmt.Errorf("read the recorded path of %s: %w", path, err)
	}
	if n == 0 {
		return "", nil
	}
	var v []byte
	err = db.QueryRowContext(ctx, `SELECT value FROM secrets WHERE name = ?`, databasePathName).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("read the recorded path of %s: %w", path, err)
	}
	return string(v), nil
}
