package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/newshound/newshound/news"
)

// UpsertSource adds a source by URL, or renames the one that has that URL. A
// retired source comes back, and a chat-added one listed in the
// configuration becomes the configuration's; that the chat added it is
// remembered (see chatSourcePrefix), so that RetireConfigSources gives it
// back to the chat rather than retiring it.
func (s *Store) UpsertSource(ctx context.Context, name, url, origin string) (news.Source, error) {
	err := s.tx(ctx, func(tx *wtx) error {
		// The chat added it while the configuration lists it, or the
		// configuration now lists one the chat added: either way a chat
		// asked for it.
		other := map[string]string{news.OriginConfig: news.OriginChat, news.OriginChat: news.OriginConfig}[origin]
		if other != "" {
			if _, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO secrets (name, value, created_at)
				SELECT ? || id, ?, ? FROM sources WHERE url = ? AND origin = ?`,
				chatSourcePrefix, []byte(news.OriginChat), s.now().Unix(), url, other); err != nil {
				return err
			}
		}
		_, err := tx.ExecContext(ctx, `
		INSERT INTO sources (name, url, origin, created_at) VALUES (?, ?, ?, ?)
		ON CONFLICT (url) DO UPDATE SET name = excluded.name,
			origin = CASE WHEN sources.origin = 'retired' OR excluded.origin = 'config' THEN excluded.origin ELSE sources.origin END`,
			name, url, origin, s.now().Unix())
		return err
	})
	if err != nil {
		return news.Source{}, fmt.Errorf("upsert source %s: %w", url, err)
	}
	return s.findSource(ctx, `url = ?`, url)
}

// chatSourcePrefix starts the secrets names (no column of its own: no
// migration) that mark a configuration's source as one a chat added too
// (/addsource, /import); the source id follows.
const chatSourcePrefix = "chatsource "

// RetireConfigSources marks the configuration's sources whose URL is not in
// keep as retired: the poller stops fetching them, their articles stay for
// /search and the digest. One a chat added too (see UpsertSource) becomes
// the chat's again instead (news.OriginChat) and is still fetched. It
// returns the sources it changed, with their new origin.
func (s *Store) RetireConfigSources(ctx context.Context, keep []string) ([]news.Source, error) {
	args := []any{chatSourcePrefix}
	for _, u := range keep {
		args = append(args, u)
	}
	where := `origin = 'config'`
	if len(keep) > 0 {
		where += ` AND url NOT IN (` + placeholders(len(keep)) + `)`
	}
	var out []news.Source
	err := s.tx(ctx, func(tx *wtx) error {
		rows, err := tx.QueryContext(ctx, `UPDATE sources SET origin = CASE
			WHEN EXISTS (SELECT 1 FROM secrets WHERE secrets.name = ?1 || sources.id) THEN 'chat' ELSE 'retired' END
			WHERE `+where+` RETURNING `+sourceColumns, args...)
		if err != nil {
			return err
		}
		if out, err = collect(rows, scanSource); err != nil {
			return err
		}
		// A mark is kept only while its source is the configuration's.
		_, err = tx.ExecContext(ctx, `DELETE FROM secrets WHERE name >= ?1 AND name < ?2
			AND CAST(substr(name, length(?1) + 1) AS INTEGER) NOT IN (SELECT id FROM sources WHERE origin = 'config')`,
			chatSourcePrefix, strings.TrimSuffix(chatSourcePrefix, " ")+"!")
		return err
	})
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

// DeleteSource removes a source and its articles, with what secrets keeps
// of it (its churn streak, its chat's mark).
func (s *Store) DeleteSource(ctx context.Context, id int64) error {
	var n int64
	err := s.tx(ctx, func(tx *wtx) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM sources WHERE id = ?`, id)
		if err != nil {
			return err
		}
		n, _ = res.RowsAffected()
		_, err = tx.ExecContext(ctx, `DELETE FROM secrets WHERE name IN (?, ?, ?)`,
			churnPrefix+strconv.FormatInt(id, 10), hurryFloorPrefix+strconv.FormatInt(id, 10), chatSourcePrefix+strconv.FormatInt(id, 10))
		return err
	})
	if err != nil {
		return fmt.Errorf("delete source %d: %w", id, err)
	}
	s.fetches.forget(id)
	if n == 0 {
		return fmt.Errorf("source %d: %w", id, news.ErrNotFound)
	}
	return nil
}
