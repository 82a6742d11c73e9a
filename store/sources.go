package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// Source is a feed that the poller fetches.
type Source struct {
	ID           int64
	Name         string
	URL          string
	Origin       string // "config" or "chat"
	ETag         string
	LastModified string
	Fetches      int // successful fetches so far
	Failures     int // consecutive failures
	LastFetchAt  time.Time
	LastOKAt     time.Time
	LastError    string
	NextFetchAt  time.Time
}

// UpsertSource adds a source by URL, or renames the one that has that URL.
func (s *Store) UpsertSource(ctx context.Context, name, url, origin string) (Source, error) {
	_, err := s.w.ExecContext(ctx, `
		INSERT INTO sources (name, url, origin, created_at) VALUES (?, ?, ?, ?)
		ON CONFLICT (url) DO UPDATE SET name = excluded.name`, name, url, origin, s.now().Unix())
	if err != nil {
		return Source{}, fmt.Errorf("upsert source %s: %w", url, err)
	}
	return s.findSource(ctx, `url = ?`, url)
}

// FindSource returns the source with this id, or ErrNotFound.
func (s *Store) FindSource(ctx context.Context, id int64) (Source, error) {
	return s.findSource(ctx, `id = ?`, id)
}

const sourceColumns = `id, name, url, origin, etag, last_modified, fetches, failures, last_fetch_at, last_ok_at, last_error, next_fetch_at`

func scanSource(sc interface{ Scan(...any) error }) (Source, error) {
	var src Source
	var lf, lok, next int64
	err := sc.Scan(&src.ID, &src.Name, &src.URL, &src.Origin, &src.ETag, &src.LastModified, &src.Fetches, &src.Failures, &lf, &lok, &src.LastError, &next)
	src.LastFetchAt, src.LastOKAt, src.NextFetchAt = fromUnix(lf), fromUnix(lok), fromUnix(next)
	return src, err
}

func (s *Store) findSource(ctx context.Context, where string, arg any) (Source, error) {
	src, err := scanSource(s.w.QueryRowContext(ctx, `SELECT `+sourceColumns+` FROM sources WHERE `+where, arg))
	if errors.Is(err, sql.ErrNoRows) {
		return Source{}, fmt.Errorf("source %v: %w", arg, ErrNotFound)
	}
	if err != nil {
		return Source{}, fmt.Errorf("find source %v: %w", arg, err)
	}
	return src, nil
}

// ListSources returns every source, ordered by id.
func (s *Store) ListSources(ctx context.Context) ([]Source, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT `+sourceColumns+` FROM sources ORDER BY id`)
	if err != nil {
		return nil, fmt.Errorf("list sources: %w", err)
	}
	defer rows.Close()
	var out []Source
	for rows.Next() {
		src, err := scanSource(rows)
		if err != nil {
			return nil, fmt.Errorf("list sources: %w", err)
		}
		out = append(out, src)
	}
	return out, rows.Err()
}

// DeleteSource removes a source and its articles.
func (s *Store) DeleteSource(ctx context.Context, id int64) error {
	res, err := s.w.ExecContext(ctx, `DELETE FROM sources WHERE id = ?`, id)
	if err != nil {
		return fmt.Errorf("delete source %d: %w", id, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("source %d: %w", id, ErrNotFound)
	}
	return nil
}

// FetchResult is what one fetch of a source changed.
type FetchResult struct {
	OK           bool
	NotModified  bool
	ETag         string
	LastModified string
	Err          string
	NextFetchAt  time.Time
}

// RecordFetch stores the outcome of a fetch: validators and counters on
// success, the error and the failure count otherwise.
func (s *Store) RecordFetch(ctx context.Context, id int64, r FetchResult) error {
	now := s.now().Unix()
	var err error
	if r.OK {
		_, err = s.w.ExecContext(ctx, `UPDATE sources SET
			etag = CASE WHEN ? THEN etag ELSE ? END,
			last_modified = CASE WHEN ? THEN last_modified ELSE ? END,
			fetches = fetches + 1, failures = 0, last_fetch_at = ?, last_ok_at = ?, last_error = '', next_fetch_at = ?
			WHERE id = ?`, r.NotModified, r.ETag, r.NotModified, r.LastModified, now, now, unix(r.NextFetchAt), id)
	} else {
		_, err = s.w.ExecContext(ctx, `UPDATE sources SET failures = failures + 1, last_fetch_at = ?, last_error = ?, next_fetch_at = ? WHERE id = ?`,
			now, r.Err, unix(r.NextFetchAt), id)
	}
	if err != nil {
		return fmt.Errorf("record fetch of source %d: %w", id, err)
	}
	return nil
}
