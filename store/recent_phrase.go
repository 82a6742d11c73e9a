package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"
)

// Bounds of the ids RecentMatches lets FTS5 read for an expression that
// holds a phrase: the newest previewFirstSpan ids, then the rest of
// previewSpan (see spanWalk), stopping once phraseMatches are found.
// Walking newest first, FTS5 reads a phrase of common words that few
// articles match past the window's lowest id, over the whole store ("said
// the": 340 ms a preview at 1,000,000 articles). Read upward, a span is
// read whole, about 0.5–1 µs an id for a phrase of common words: the
// matches of the spans read are scaled to the window, as the newest
// countCap of a word's are, from phraseMatches on (a share of 250 is
// within about 6%) so that a phrase in a third of the articles reads the
// first span only. Each span is a query, and each query seeks every word
// in every segment of the index: at 1M articles (load 3) a first span of
// 1,000 made three queries of a sparse phrase 7.5–11 ms of CPU, 2,000 two
// of them 4.5–7 ms.
const (
	previewFirstSpan = 2000
	previewSpan      = 8000
	phraseMatches    = countCap / 4
)

// holdsPhrase reports whether the FTS5 expression holds a phrase of two or
// more words (a quoted string with a space in it, as query.Query.TermsMatch
// writes a phrase).
func holdsPhrase(expr string) bool {
	for rest := expr; ; {
		i := strings.IndexByte(rest, '"')
		if i < 0 {
			return false
		}
		rest = rest[i+1:]
		j := 0
		for ; j < len(rest); j++ {
			if rest[j] == '"' {
				if j+1 < len(rest) && rest[j+1] == '"' {
					j++ // a quote inside the string
					continue
				}
				break
			}
		}
		if strings.IndexByte(rest[:j], ' ') >= 0 {
			return true
		}
		if j >= len(rest) {
			return false
		}
		rest = rest[j+1:]
	}
}

// recentPhrase reads the matches of match among the ids from first up in
// bounded spans, newest first, until phraseMatches are found, the window is
// read or previewSpan ids are, and returns the rows of RecentMatches' bounded
// queries (sqlRecentNot's columns: the article, whether it was published
// since then, how many matched, the lowest of the newest countCap, and the
// lowest id read) for the newest sampleSize of them (one row, carrying the
// counts, when sampleSize is 0). It fails when the database does.
func (s *Store) recentPhrase(ctx context.Context, match string, first int64, sampleSize int, since time.Time, texted bool) (*sql.Rows, error) {
	limits := s.phraseSpans
	if limits.total == 0 {
		limits = spanLimits{first: previewFirstSpan, total: previewSpan}
	}
	w, err := s.newSpanWalk(ctx, limits, first)
	if err != nil {
		return nil, fmt.Errorf("phrase: %w", err)
	}
	var ids []int64
	low := first
	for !w.done() && len(ids) < phraseMatches {
		lo, hi := w.next()
		got, err := w.matches(ctx, match, lo, hi)
		if err != nil {
			return nil, err
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
	return s.r.QueryContext(ctx, query, idList(ids[:min(n, max(sampleSize, 1))]), unix(since), n, lowest, low)
}

// sqlRecentIDs and sqlRecentIDsUntexted read the articles of the ids of a
// JSON array (?1) with sqlRecentNot's columns: whether each was published
// since ?2, and the counts ?3, ?4, ?5 as they are.
const (
	sqlRecentIDsFrom = `, a.published_at >= ?2, ?3, ?4, ?5
		FROM json_each(?1) k JOIN articles a ON a.id = k.value JOIN sources s ON s.id = a.source_id
		ORDER BY a.id DESC`
	sqlRecentIDs         = `SELECT ` + articleColumns + sqlRecentIDsFrom
	sqlRecentIDsUntexted = `SELECT ` + articleColumnsUntexted + sqlRecentIDsFrom
)
