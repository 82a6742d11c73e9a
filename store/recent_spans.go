package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"
)

// Bounds of the ids RecentMatches lets FTS5 read for an expression it
// reads past the window's lowest id when walking newest first: a phrase
// ("said the", of common words that few articles hold together, read over
// the whole store: 340 ms a preview at 1,000,000 articles), a column filter
// narrower than title and body (title:said, 75 ms), a NOT of one (see
// stopsAtBound). Walking upward FTS5 honours both bounds, and a span is
// read whole: the newest previewFirstSpan ids, then the rest of previewSpan
// (spanWalk), stopping once phraseMatches are found; what the spans held is
// scaled to the window, as the newest countCap of a word's matches are
// (100 found is within about 10%). Each span is a query, and each query
// seeks every term in every segment of the index: a NOT that no article
// passes, with three common words on its right side, read 6,000 ids in
// 12–19 ms at load 2.7, 4,000 in 8–13 ms. So at 1M such a preview counts in
// the newest 4,000 ids of a window of about 78,000. The second span is the
// rest of them, so a sparse expression is two queries whatever the first
// span, and a dense one stops after it: a first span of 1,000 ids, not
// 2,000, took an OR of six phrases of common words from 5.3–7.5 to
// 2.6–4.8 ms (p50 at 1M, BENCHMARKS.md session 37), and a sparse phrase
// from 3.6 to 2.1 ms.
const (
	previewFirstSpan = 1000
	previewSpan      = 4000
	phraseMatches    = countCap / 10
)

// holdsPhrase reports whether the FTS5 expression holds a phrase of two or
// more words (a quoted string with a space in it, as query.Query.TermsMatch
// writes a phrase).
func holdsPhrase(expr string) bool {
	for i := 0; i < len(expr); i++ {
		if expr[i] == '"' {
			end := quotedEnd(expr, i)
			if strings.IndexByte(expr[i+1:end], ' ') >= 0 {
				return true
			}
			i = end
		}
	}
	return false
}

// previewLimits returns the bounds of recentSpans' walks (phraseSpans in
// tests).
func (s *Store) previewLimits() spanLimits {
	if s.phraseSpans.total == 0 {
		return spanLimits{first: previewFirstSpan, total: previewSpan}
	}
	return s.phraseSpans
}

// recentSpans reads the matches of match among the ids from first up in
// bounded spans, newest first, each of its parts without a NOT upward
// between both bounds (the order in which FTS5 honours them; its NOT
// honours none) and its NOTs, ANDs and ORs taken in Go (spanExpr), until
// phraseMatches are found, the window is read or previewSpan ids are, and
// returns the rows of RecentMatches' bounded queries (sqlRecentIDs'
// columns: the article, whether it was published since then, how many
// matched, the lowest of the newest countCap, and the lowest id read) for
// the newest sampleSize of them (one row, carrying the counts, when
// sampleSize is 0), and the lowest id read. It fails when the database
// does.
func (s *Store) recentSpans(ctx context.Context, match string, scope *sourceScope, first int64, sampleSize int, since time.Time, texted bool, view freshView) (*sql.Rows, int64, error) {
	w, err := s.newSpanWalk(ctx, s.previewLimits(), first, view)
	if err != nil {
		return nil, first, fmt.Errorf("spans: %w", err)
	}
	var ids []int64
	low := first
	parts := newSpanQuery(match, scope)
	for !w.done() && len(ids) < phraseMatches {
		lo, hi := w.next()
		got, err := parts.text(ctx, w, lo, hi)
		if err != nil {
			return nil, first, err
		}
		ids, low = append(ids, got...), lo
	}
	n := min(len(ids), countCap)
	var lowest int64
	if n > 0 {
		lowest = ids[n-1]
	}
	query := sqlRecentIDs
	if !texted {
		query = sqlRecentIDsUntexted
	}
	rows, err := s.r.QueryContext(ctx, query, idList(ids[:min(n, max(sampleSize, 1))]), unix(since), n, lowest, low)
	return rows, low, err
}

// sqlRecentIDs and sqlRecentIDsUntexted read the articles of the ids of a
// JSON array (?1) with RecentMatches' bounded columns: whether each was
// published since ?2, and the counts ?3, ?4, ?5 as they are.
const (
	sqlRecentIDsFrom = `, a.published_at >= ?2, ?3, ?4, ?5
		FROM json_each(?1) k JOIN articles a ON a.id = k.value JOIN sources s ON s.id = a.source_id
		ORDER BY a.id DESC`
	sqlRecentIDs         = `SELECT ` + articleColumns + sqlRecentIDsFrom
	sqlRecentIDsUntexted = `SELECT ` + articleColumnsUntexted + sqlRecentIDsFrom
)
