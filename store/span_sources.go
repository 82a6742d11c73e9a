package store

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
)

// sourceScope confines the matches of a walk (spanQuery) to the articles of
// some sources: those whose configured name passes a query's
// query.Query.SourceFilter, so that "source:reuters tariffs" is read as the
// tariff articles of Reuters among the ids a walk reads, not as the newest
// tariff articles of every source confirmed afterwards (of 200 candidates of
// a store of 1,000 sources about one was Reuters', and /search answered one
// result where the newest 50,000 articles held 50). The sources' ids
// between the walk's bounds are read once, through the (source_id, id)
// index.
type sourceScope struct {
	sources  []any     // the sources' ids; empty: no source passes, nothing matches
	w        *spanWalk // the walk ids was read for
	ids      []int64   // the sources' articles from `from` to `to`, newest first
	from, to int64     // the ids' bounds as read: the walk's floor and top
}

// sourceScope returns the scope of the sources whose name passes keep, nil
// when keep is nil (any source). It fails when the database does.
func (s *Store) sourceScope(ctx context.Context, keep func(name string) bool) (*sourceScope, error) {
	if keep == nil {
		return nil, nil
	}
	ids, err := s.sourcesPassing(ctx, keep)
	if err != nil {
		return nil, fmt.Errorf("sources: %w", err)
	}
	return &sourceScope{sources: ids}, nil
}

// none reports whether the scope holds no source, so that nothing matches.
func (c *sourceScope) none() bool { return c != nil && len(c.sources) == 0 }

// confine returns the ids of matches (newest first) that the scope's
// sources published, reading their articles between lo and hi of the walk
// w. A nil scope keeps every id. It fails when the database does.
func (c *sourceScope) confine(ctx context.Context, w *spanWalk, lo, hi int64, matches []int64) ([]int64, error) {
	if c == nil || len(matches) == 0 {
		return matches, nil
	}
	if len(c.sources) == 0 {
		return nil, nil
	}
	if c.w != w || lo < c.from || hi > c.to {
		// Read once a walk, from its floor (or lo, when below) to its top.
		from, to := min(w.floor, lo), max(w.top, hi)
		var list sql.NullString
		args := append(slices.Clip(c.sources), from, to)
		if err := w.s.r.QueryRowContext(ctx, sqlSourceIDs(len(c.sources)), args...).Scan(&list); err != nil {
			return nil, fmt.Errorf("articles of sources: %w", err)
		}
		ids, err := parseIDList(list.String)
		if err != nil {
			return nil, fmt.Errorf("articles of sources: %w", err)
		}
		slices.Reverse(ids)
		c.w, c.ids, c.from, c.to = w, ids, from, to
	}
	// c.ids are newest first: the span's are those from hi down to lo.
	start, _ := slices.BinarySearchFunc(c.ids, hi, func(id, target int64) int { return cmpDesc(id, target) })
	end, _ := slices.BinarySearchFunc(c.ids, lo-1, func(id, target int64) int { return cmpDesc(id, target) })
	return combine("AND", matches, c.ids[start:end]), nil
}

// cmpDesc orders ids newest first.
func cmpDesc(a, b int64) int {
	switch {
	case a > b:
		return -1
	case a < b:
		return 1
	}
	return 0
}

// sqlSourceIDs lists the ids of n sources' articles from one id to another
// (the last two arguments), in the (source_id, id) index alone.
func sqlSourceIDs(n int) string {
	return `SELECT group_concat(id, ',' ORDER BY id) FROM articles INDEXED BY articles_source
		WHERE source_id IN (` + placeholders(n) + `) AND id BETWEEN ? AND ?`
}
