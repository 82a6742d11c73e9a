package store

import (
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/newshound/newshound/news"
	"github.com/newshound/newshound/query"
)

// ScopeArticles returns the newest articles, at most limit, fetched and
// published since then that a query's scope admits (query.Query.Scope):
// what a search that FTS5 cannot narrow but its scope can reads. A scope of
// source names alone reads its sources' articles (SourceArticles), newest
// published first; one that names web addresses (site:bbc.co.uk alone, or
// site:bbc.co.uk -sport) reads the articles at them, newest first, through
// each host's index entries, where it read the newest articles of every
// source and matched them (site:src7.example found 1 of its 50 among the
// newest 1,000 of a store of 1,000 sources); those come newest fetched
// first (by id: ordering them by publication would read every one). A nil
// scope admits none. It fails when the database does.
func (s *Store) ScopeArticles(ctx context.Context, scope *query.Scope, since time.Time, limit int) ([]news.Article, error) {
	ids, first, err := s.scopeWindow(ctx, scope, since)
	if err != nil || ids.len() == 0 {
		return nil, err
	}
	if srcs, ok := ids.sources(); ok {
		return s.sourceArticles(ctx, srcs, first, unix(since), limit)
	}
	var out []news.Article
	for at := 0; at < len(ids.articles) && len(out) < limit; at += limit {
		arts, err := s.articlesOf(ctx, ids.articles[at:min(at+limit, len(ids.articles))])
		if err != nil {
			return nil, err
		}
		for _, a := range arts {
			if len(out) < limit && !a.PublishedAt.Before(since) {
				out = append(out, a)
			}
		}
	}
	return out, nil
}

// scopeIDs is what a scope admits in a window: the ids of its sources when
// it names sources alone, else the ids of its articles, newest first.
type scopeIDs struct {
	srcs     []any
	named    bool // srcs is the scope: source names alone
	articles []int64
}

// sources returns the scope's sources when it is of source names alone.
func (c scopeIDs) sources() ([]any, bool) { return c.srcs, c.named }

func (c scopeIDs) len() int {
	if c.named {
		return len(c.srcs)
	}
	return len(c.articles)
}

// scopeWindow returns what scope admits among the articles fetched since
// then, and the first id of them (0: none). It fails when the database
// does.
func (s *Store) scopeWindow(ctx context.Context, scope *query.Scope, since time.Time) (scopeIDs, int64, error) {
	if scope == nil {
		return scopeIDs{}, 0, nil
	}
	sc, err := s.sourceScope(ctx, scope)
	if err != nil || sc.none() {
		return scopeIDs{}, 0, err
	}
	first, err := s.firstIDSince(ctx, since)
	if err != nil || first == 0 {
		return scopeIDs{}, 0, err
	}
	if srcs, ok := sc.sourcesOnly(); ok {
		return scopeIDs{srcs: srcs, named: true}, first, nil
	}
	var last int64
	if err := s.r.QueryRowContext(ctx, `SELECT coalesce(max(id), 0) FROM articles`).Scan(&last); err != nil {
		return scopeIDs{}, 0, err
	}
	ids, err := sc.root.read(ctx, s.r, first, last)
	if err != nil {
		return scopeIDs{}, 0, fmt.Errorf("articles of the scope: %w", err)
	}
	return scopeIDs{articles: ids}, first, nil
}

// articlesOf reads the articles of ids, in their order (those deleted
// meanwhile left out). It fails when the database does.
func (s *Store) articlesOf(ctx context.Context, ids []int64) ([]news.Article, error) {
	rows, err := s.r.QueryContext(ctx, sqlArticlesOf, idList(ids))
	if err != nil {
		return nil, fmt.Errorf("articles of the scope: %w", err)
	}
	arts, err := collect(rows, scanArticle)
	if err != nil {
		return nil, fmt.Errorf("articles of the scope: %w", err)
	}
	return arts, nil
}

// sqlArticlesOf reads the articles of a JSON array of ids, in its order.
const sqlArticlesOf = `SELECT ` + articleColumns + ` FROM json_each(?1) k JOIN articles a ON a.id = k.value JOIN sources s ON s.id = a.source_id
	ORDER BY k.key`

// recentOfScope is RecentMatches of the articles a scope admits: how many
// it admits in the window (total), and its newest sampleSize of them read
// with their text (examined), of which the sample holds those published
// since then, newest published first.
func (s *Store) recentOfScope(ctx context.Context, scope *query.Scope, since time.Time, sampleSize int) (sample []news.Article, examined, total int, err error) {
	ids, first, err := s.scopeWindow(ctx, scope, since)
	if err != nil || ids.len() == 0 {
		return nil, 0, 0, err
	}
	if srcs, ok := ids.sources(); ok {
		if total, err = s.sourceCount(ctx, srcs, first); err != nil {
			return nil, 0, 0, fmt.Errorf("recent matches: %w", err)
		}
		return s.sourceSample(ctx, srcs, first, total, since, sampleSize)
	}
	arts, err := s.articlesOf(ctx, ids.articles[:min(sampleSize, len(ids.articles))])
	if err != nil {
		return nil, 0, 0, fmt.Errorf("recent matches: %w", err)
	}
	for _, a := range arts {
		if !a.PublishedAt.Before(since) {
			sample = append(sample, a)
		}
	}
	slices.SortStableFunc(sample, func(a, b news.Article) int { return b.PublishedAt.Compare(a.PublishedAt) })
	return sample, len(arts), max(len(ids.articles), len(arts)), nil
}
