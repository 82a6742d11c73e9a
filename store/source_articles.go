package store

import (
	"context"
	"fmt"

	"github.com/newshound/newshound/news"
)

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
