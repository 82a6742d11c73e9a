package store

import (
	"context"
	"fmt"
	"math"
	"time"

	"github.com/newshound/newshound/news"
	"github.com/newshound/newshound/query"
)

// ScopeArticles returns the newest articles, at most limit, fetched and
// published since then that a query's scope admits (query.Query.Scope):
// what a search that FTS5 cannot narrow but its scope can reads. A scope of
// source names alone reads its sources' articles, newest published first;
// one that names web addresses (site:bbc.co.uk alone, or site:bbc.co.uk
// -sport) reads the articles at them through each host's index entries,
// newest fetched first (by id: ordering them by publication would read
// every one), where it read the newest articles of every source and
// matched them (site:src7.example found 1 of its 50 among the newest 1,000
// of a store of 1,000 sources). A nil scope admits none. It fails when the
// database does.
func (s *Store) ScopeArticles(ctx context.Context, scope *query.Scope, since time.Time, limit int) ([]news.Article, error) {
	w, err := s.scopeWindow(ctx, scope, since)
	if err != nil || w.empty() {
		return nil, err
	}
	switch {
	case w.sc == nil: // too wide: the newest of every source
		return s.ListArticlesSince(ctx, since, limit)
	case w.named:
		return s.sourceArticles(ctx, w.srcs, w.first, unix(since), limit)
	}
	for want := limit; ; want *= 4 {
		ids, low, err := w.newest(ctx, want)
		if err != nil {
			return nil, err
		}
		var out []news.Article
		for at := 0; at < len(ids) && len(out) < limit; at += limit {
			arts, err := s.FindArticles(ctx, ids[at:min(at+limit, len(ids))])
			if err != nil {
				return nil, err
			}
			for _, a := range arts {
				if len(out) < limit && !a.PublishedAt.Before(since) {
					out = append(out, a)
				}
			}
		}
		// Fewer than limit published in the window among those read, and
		// older ids left: read further.
		if len(out) == limit || low <= w.first {
			return out, nil
		}
	}
}

// scopeWindow is what a scope admits among the articles fetched since a
// time: the ids of its sources when it names sources alone (named), else
// the scope itself, to read its articles' ids from (newest).
type scopeWindow struct {
	s           *Store
	sc          *sourceScope // nil: the scope is too wide to confine (wideHosts)
	srcs        []any
	named       bool
	first, last int64 // the window's ids; first 0: none
}

// empty reports whether the window holds nothing the scope admits.
func (w scopeWindow) empty() bool {
	return w.first == 0 || w.sc.none() || w.named && len(w.srcs) == 0
}

// scopeWindow returns what scope admits among the articles fetched since
// then. It fails when the database does.
func (s *Store) scopeWindow(ctx context.Context, scope *query.Scope, since time.Time) (scopeWindow, error) {
	w := scopeWindow{s: s}
	if scope == nil {
		return w, nil
	}
	var err error
	if w.sc, err = s.sourceScope(ctx, scope); err != nil || w.sc.none() {
		return w, err
	}
	if w.first, err = s.firstIDSince(ctx, since); err != nil || w.first == 0 {
		return w, err
	}
	w.srcs, w.named = w.sc.sourcesOnly()
	if w.sc != nil && !w.named {
		if err := s.r.QueryRowContext(ctx, `SELECT coalesce(max(id), 0) FROM articles`).Scan(&w.last); err != nil {
			return w, err
		}
	}
	return w, nil
}

// scopeSpan is the first span of ids newest reads for each id it is to
// find: a scope of one site of 1,000 holds about one id in a thousand, and
// one of a whole domain (site:.com) nearly all.
const scopeSpan = 16

// newest returns the newest ids the scope admits, newest first, at least
// want of them when the window holds that many, and the lowest id read:
// spans of ids down from the newest, the first of want·scopeSpan ids, each
// next four times as large (site:.example at 1,000,000 articles read the
// 78,000 ids of the week, 62 ms a preview, where it needed 20). It fails
// when the database does.
func (w scopeWindow) newest(ctx context.Context, want int) (ids []int64, low int64, err error) {
	size, hi, low := int64(max(want, 1))*scopeSpan, w.last, w.last+1
	for hi >= w.first && len(ids) < want {
		lo := max(w.first, hi-size+1)
		got, err := w.sc.root.read(ctx, w.s.r, lo, hi)
		if err != nil {
			return nil, 0, fmt.Errorf("articles of the scope: %w", err)
		}
		ids = append(ids, got...)
		hi, low, size = lo-1, lo, size*4
	}
	return ids, low, nil
}

// estimate returns the newest ids the scope admits (newest), at least want
// of them when the window holds that many, and how many the window holds:
// those, or, when they were found above the window's first id, as many as
// the window holds at their density. It fails when the database does.
func (w scopeWindow) estimate(ctx context.Context, want int) (ids []int64, total int, err error) {
	ids, low, err := w.newest(ctx, want)
	if err != nil {
		return nil, 0, err
	}
	total = len(ids)
	if low > w.first && len(ids) > 0 {
		total = int(math.Round(float64(len(ids)) * float64(w.last-w.first+1) / float64(w.last-low+1)))
	}
	return ids, total, nil
}

// recentOfScope is RecentMatches of the articles a scope admits: how many
// it admits in the window (total: for a scope of addresses, estimated from
// the span of ids read when it read only the newest), and its newest
// sampleSize of them read with their text (examined), of which the sample
// holds those published since then, newest published first.
func (s *Store) recentOfScope(ctx context.Context, scope *query.Scope, since time.Time, sampleSize int) (sample []news.Article, examined, total int, err error) {
	w, err := s.scopeWindow(ctx, scope, since)
	if err != nil || w.empty() {
		return nil, 0, 0, err
	}
	if w.sc == nil { // too wide: the newest of every source, for the matcher
		sample, examined, total, _, err = s.recentMatches(ctx, "", nil, since, sampleSize, false)
		return sample, examined, total, err
	}
	if w.named {
		if total, err = s.sourceCount(ctx, w.srcs, w.first); err != nil {
			return nil, 0, 0, fmt.Errorf("recent matches: %w", err)
		}
		return s.sourceSample(ctx, w.srcs, w.first, total, since, sampleSize)
	}
	ids, total, err := w.estimate(ctx, sampleSize)
	if err != nil {
		return nil, 0, 0, fmt.Errorf("recent matches: %w", err)
	}
	arts, err := s.FindArticles(ctx, ids[:min(sampleSize, len(ids))])
	if err != nil {
		return nil, 0, 0, fmt.Errorf("recent matches: %w", err)
	}
	sample, examined, total = windowSample(arts, since, total)
	return sample, examined, total, nil
}
