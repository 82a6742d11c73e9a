package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/newshound/newshound/news"
)

// InsertArticles stores the articles of one source that it has not had
// before, judged by guid or by link, and returns those it inserted with their
// ids, in the order given. Already known articles are skipped silently.
func (s *Store) InsertArticles(ctx context.Context, sourceID int64, items []news.Article) ([]news.Article, error) {
	var added []news.Article
	err := s.tx(ctx, func(tx *sql.Tx) error {
		stmt, err := tx.PrepareContext(ctx, `
			INSERT INTO articles (source_id, guid, url, title, text, summary, published_at, fetched_at, alertable)
			SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?
			WHERE NOT EXISTS (SELECT 1 FROM articles WHERE source_id = ? AND (guid = ? OR (url = ? AND url <> '')))`)
		if err != nil {
			return err
		}
		defer stmt.Close()
		now := s.now()
		for _, a := range items {
			a.SourceID, a.FetchedAt = sourceID, now
			res, err := stmt.ExecContext(ctx, sourceID, a.GUID, a.URL, a.Title, a.Text, a.Summary, unix(a.PublishedAt), now.Unix(), a.Alertable,
				sourceID, a.GUID, a.URL)
			if err != nil {
				return fmt.Errorf("article %q: %w", a.GUID, err)
			}
			if n, _ := res.RowsAffected(); n == 0 {
				continue
			}
			a.ID, _ = res.LastInsertId()
			added = append(added, a)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("insert articles of source %d: %w", sourceID, err)
	}
	return added, nil
}

const articleColumns = `a.id, a.source_id, s.name, s.url, a.guid, a.url, a.title, a.text, a.summary, a.published_at, a.fetched_at, a.alertable`

func scanArticle(sc interface{ Scan(...any) error }) (news.Article, error) {
	var a news.Article
	var pub, fetched int64
	err := sc.Scan(&a.ID, &a.SourceID, &a.SourceName, &a.SourceURL, &a.GUID, &a.URL, &a.Title, &a.Text, &a.Summary, &pub, &fetched, &a.Alertable)
	a.PublishedAt, a.FetchedAt = fromUnix(pub), fromUnix(fetched)
	return a, err
}

// FindArticle returns the article with its source's name, or ErrNotFound.
func (s *Store) FindArticle(ctx context.Context, id int64) (news.Article, error) {
	a, err := scanArticle(s.w.QueryRowContext(ctx, `SELECT `+articleColumns+` FROM articles a JOIN sources s ON s.id = a.source_id WHERE a.id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return news.Article{}, fmt.Errorf("article %d: %w", id, news.ErrNotFound)
	}
	if err != nil {
		return news.Article{}, fmt.Errorf("find article %d: %w", id, err)
	}
	return a, nil
}

// ListArticlesSince returns the articles published at or after since, newest
// first, at most limit.
func (s *Store) ListArticlesSince(ctx context.Context, since time.Time, limit int) ([]news.Article, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT `+articleColumns+` FROM articles a JOIN sources s ON s.id = a.source_id
		WHERE a.published_at >= ? ORDER BY a.published_at DESC, a.id DESC LIMIT ?`, unix(since), limit)
	if err != nil {
		return nil, fmt.Errorf("list articles: %w", err)
	}
	defer rows.Close()
	var out []news.Article
	for rows.Next() {
		a, err := scanArticle(rows)
		if err != nil {
			return nil, fmt.Errorf("list articles: %w", err)
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

// UpdateArticleText stores an article's (full) text and summary.
func (s *Store) UpdateArticleText(ctx context.Context, id int64, text, summary string) error {
	if _, err := s.w.ExecContext(ctx, `UPDATE articles SET text = ?, summary = ? WHERE id = ?`, text, summary, id); err != nil {
		return fmt.Errorf("update article %d: %w", id, err)
	}
	return nil
}
