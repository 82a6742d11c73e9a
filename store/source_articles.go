package store

import (
	"context"
	"fmt"
	"time"

	"github.com/newshound/newshound/news"
)

// sourcesPassing returns the ids of the sources whose name passes keep.
func (s *Store) sourcesPassing(ctx context.Context, keep func(name string) bool) ([]any, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT id, name FROM sources`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ids []any
	for rows.Next() {
		var id int64
		var name string
		if err := rows.Scan(&id, &name); err != nil {
			return nil, err
		}
		if keep(name) {
			ids = append(ids, id)
		}
	}
	return ids, rows.Err()
}

// SourceArticles returns the newest articles, at most limit, fetched and
// published since then by the sources whose configured name passes keep (a
// query's query.Query.SourceFilter), newest published first: what a search that FTS5 cannot
// narrow but its sources can reads, through each source's index entries
// rather than every article. It fails when the database does.
func (s *Store) SourceArticles(ctx context.Context, keep func(name string) bool, since time.Time, limit int) ([]news.Article, error) {
	ids, first, err := s.sourceWindow(ctx, keep, since)
	if err != nil || len(ids) == 0 || first == 0 {
		return nil, err
	}
	return s.sourceArticles(ctx, ids, first, unix(since), limit)
}

// sourceArticles reads the newest articles of the sources ids fetched from
// id first on and published from published on.
func (s *Store) sourceArticles(ctx context.Context, ids []any, first, published int64, limit int) ([]news.Article, error) {
	rows, err := s.r.QueryContext(ctx, sqlSourceArticles(len(ids)), append(ids, first, published, limit)...)
	if err != nil {
		return nil, fmt.Errorf("articles of sources: %w", err)
	}
	out, err := collect(rows, scanArticle)
	if err != nil {
		return nil, fmt.Errorf("articles of sources: %w", err)
	}
	return out, nil
}

// sourceWindow returns the ids of the sources passing keep and the first
// article id fetched since then (0: none).
func (s *Store) sourceWindow(ctx context.Context, keep func(name string) bool, since time.Time) ([]any, int64, error) {
	ids, err := s.sourcesPassing(ctx, keep)
	if err != nil {
		return nil, 0, fmt.Errorf("articles of sources: %w", err)
	}
	if len(ids) == 0 {
		return nil, 0, nil
	}
	first, err := s.firstIDSince(ctx, since)
	if err != nil {
		return nil, 0, fmt.Errorf("articles of sources: %w", err)
	}
	return ids, first, nil
}

// sqlSourceArticles reads the newest articles of n sources fetched from an
// id on and published since a time, through the (source_id, id) index: the
// rows of those sources' window alone.
func sqlSourceArticles(n int) string {
	return `SELECT ` + articleColumns + ` FROM articles a INDEXED BY articles_source JOIN sources s ON s.id = a.source_id
		WHERE a.source_id IN (` + placeholders(n) + `) AND a.id >= ? AND a.published_at >= ?
		ORDER BY a.published_at DESC, a.id DESC LIMIT ?`
}

// sqlSourceCount counts the articles of n sources from an id on, in the
// (source_id, id) index alone.
func sqlSourceCount(n int) string {
	return `SELECT count(*) FROM articles INDEXED BY articles_source WHERE source_id IN (` + placeholders(n) + `) AND id >= ?`
}
