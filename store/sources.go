package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/newshound/newshound/news"
)

// UpsertSource adds a source by URL, or renames the one that has that URL. A
// retired source comes back, and a chat-added one listed in the
// configuration becomes the configuration's.
func (s *Store) UpsertSource(ctx context.Context, name, url, origin string) (news.Source, error) {
	_, err := s.w.ExecContext(ctx, `
		INSERT INTO sources (name, url, origin, created_at) VALUES (?, ?, ?, ?)
		ON CONFLICT (url) DO UPDATE SET name = excluded.name,
			origin = CASE WHEN sources.origin = 'retired' OR excluded.origin = 'config' THEN excluded.origin ELSE sources.origin END`,
		name, url, origin, s.now().Unix())
	if err != nil {
		return news.Source{}, fmt.Errorf("upsert source %s: %w", url, err)
	}
	return s.findSource(ctx, `url = ?`, url)
}

// RetireConfigSources marks the configuration's sources whose URL is not in
// keep as retired: the poller stops fetching them, their articles stay for
// /search and the digest. It returns the sources it retired.
func (s *Store) RetireConfigSources(ctx context.Context, keep []string) ([]news.Source, error) {
	args := []any{}
	for _, u := range keep {
		args = append(args, u)
	}
	where := `origin = 'config'`
	if len(keep) > 0 {
		where += ` AND url NOT IN (` + placeholders(len(keep)) + `)`
	}
	rows, err := s.w.QueryContext(ctx, `UPDATE sources SET origin = 'retired' WHERE `+where+` RETURNING `+sourceColumns, args...)
	if err != nil {
		return nil, fmt.Errorf("retire sources: %w", err)
	}
	out, err := collect(rows, scanSource)
	if err != nil {
		return nil, fmt.Errorf("retire sources: %w", err)
	}
	return out, nil
}

// FindSource returns the source with this id, or ErrNotFound.
func (s *Store) FindSource(ctx context.Context, id int64) (news.Source, error) {
	return s.findSource(ctx, `id = ?`, id)
}

const sourceColumns = `id, name, url, origin, etag, last_modified, fetches, failures, last_fetch_at, last_ok_at, last_error, next_fetch_at, interval_secs, interval_reason`

func scanSource(sc scanner) (news.Source, error) {
	var src news.Source
	var lf, lok, next, every int64
	err := sc.Scan(&src.ID, &src.Name, &src.URL, &src.Origin, &src.ETag, &src.LastModified, &src.Fetches, &src.Failures, &lf, &lok, &src.LastError, &next,
		&every, &src.IntervalReason)
	src.LastFetchAt, src.LastOKAt, src.NextFetchAt = fromUnix(lf), fromUnix(lok), fromUnix(next)
	src.Interval = time.Duration(every) * time.Second
	return src, err
}

func (s *Store) findSource(ctx context.Context, where string, arg any) (news.Source, error) {
	src, err := scanSource(s.w.QueryRowContext(ctx, `SELECT `+sourceColumns+` FROM sources WHERE `+where, arg))
	if errors.Is(err, sql.ErrNoRows) {
		return news.Source{}, fmt.Errorf("source %v: %w", arg, news.ErrNotFound)
	}
	if err != nil {
		return news.Source{}, fmt.Errorf("find source %v: %w", arg, err)
	}
	s.fetches.overlay(&src)
	return src, nil
}

// ListSources returns every source, ordered by id.
func (s *Store) ListSources(ctx context.Context) ([]news.Source, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT `+sourceColumns+` FROM sources ORDER BY id`)
	if err != nil {
		return nil, fmt.Errorf("list sources: %w", err)
	}
	out, err := collect(rows, scanSource)
	if err != nil {
		return nil, fmt.Errorf("list sources: %w", err)
	}
	for i := range out {
		s.fetches.overlay(&out[i])
	}
	return out, nil
}

// DeleteSource removes a source and its articles.
func (s *Store) DeleteSource(ctx context.Context, id int64) error {
	res, err := s.w.ExecContext(ctx, `DELETE FROM sources WHERE id = ?`, id)
	if err != nil {
		return fmt.Errorf("delete source %d: %w", id, err)
	}
	s.fetches.forget(id)
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("source %d: %w", id, news.ErrNotFound)
	}
	return nil
}
