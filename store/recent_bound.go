package store

import (
	"context"
	"database/sql"
	"strings"
	"time"
)

// candidateCap is how many candidates of a NOT's left side (see splitNot)
// RecentMatches reads at most, newest first, and negatedCap how many
// articles of its right side it reads from the lowest of them up. FTS5 reads
// "P NOT N" by stepping through P's articles until one is not N's, past the
// window's lowest id too (fts5ExprNodeTest_NOT does not look at the rowid
// bound): "officials" -"government", which no article passes, read every
// article "officials" finds, 230 ms a preview at 1M articles, however
// narrow the window.
// Read as two bounded reads and their difference, it costs a few
// milliseconds; the ids over which both were read whole are the span whose
// matches are counted and scaled to the window.
const (
	candidateCap = countCap
	negatedCap   = 4 * countCap
)

// sqlRecentNotIDs reads "(?1) NOT (?2)" over the window from id ?3 up:
// p holds the newest candidateCap (?4) articles of ?1, q the newest
// negatedCap (?5) articles of ?2 from the lowest of p up, b the lowest id at
// which both reads are whole, m the ids of p from there up that q does not
// hold, newest first, at most countCap (?6); both sides are read up to id
// ?8, the top of the index's part of the read (freshView). Its one row, there even when
// none passes, gives how many m holds, the lowest of them, b's id, and the
// newest ?7 of them as a JSON array.
const sqlRecentNotIDs = `WITH p AS MATERIALIZED (SELECT rowid AS id FROM articles_terms WHERE articles_terms MATCH ?1 AND rowid >= ?3
				AND rowid <= ?8 ORDER BY rowid DESC LIMIT ?4),
			pl AS (SELECT CASE WHEN count(*) = ?4 THEN min(id) ELSE ?3 END AS low FROM p),
			q AS MATERIALIZED (SELECT rowid AS id FROM articles_terms WHERE articles_terms MATCH ?2 AND rowid >= (SELECT low FROM pl)
				AND rowid <= ?8 ORDER BY rowid DESC LIMIT ?5),
			b AS (SELECT max((SELECT low FROM pl), CASE WHEN count(*) = ?5 THEN min(id) ELSE ?3 END) AS low FROM q),
			m AS MATERIALIZED (SELECT id FROM p WHERE id >= (SELECT low FROM b) AND id NOT IN (SELECT id FROM q)
				ORDER BY id DESC LIMIT ?6)
		SELECT (SELECT count(*) FROM m), coalesce((SELECT min(id) FROM m), 0), (SELECT low FROM b),
			(SELECT json_group_array(id) FROM (SELECT id FROM m ORDER BY id DESC LIMIT ?7))`

// recentNot reads the matches of "(pos) NOT (neg)" among the ids from
// first up to top as sqlRecentNotIDs does, and returns the rows of RecentMatches'
// bounded queries (sqlRecentIDs' columns) for the newest sampleSize of them
// (one row, carrying the counts, when sampleSize is 0; none when nothing
// passes), and the lowest id at which both sides were read whole, which
// RecentMatches needs most when nothing passes: the ids it read found none,
// not the window. It fails when the database does.
func (s *Store) recentNot(ctx context.Context, pos, neg string, first, top int64, sampleSize int, since time.Time, texted bool) (*sql.Rows, int64, error) {
	var n int
	var lowest, low int64
	var ids string
	if err := s.r.QueryRowContext(ctx, sqlRecentNotIDs, pos, neg, first, candidateCap, negatedCap, countCap, max(sampleSize, 1), top).Scan(&n, &lowest, &low, &ids); err != nil {
		return nil, first, err
	}
	query := sqlRecentIDs
	if !texted {
		query = sqlRecentIDsUntexted
	}
	rows, err := s.r.QueryContext(ctx, query, ids, unix(since), n, lowest, low)
	return rows, low, err
}

// splitNot returns P and N of an FTS5 expression "P NOT N" whose sides
// hold no NOT of their own, as query.Query.TermsMatch writes an AND with
// NOTs (parseSpanExpr), or "", "" for any other expression.
func splitNot(match string) (pos, neg string) {
	e := parseSpanExpr(match)
	if e.op != "NOT" || e.kids[0].hasNot() || e.kids[1].hasNot() {
		return "", ""
	}
	return e.kids[0].part, e.kids[1].part
}

// stopsAtBound reports whether FTS5 stops reading N at the rowid bound of
// a query of it: each of its column filters names both the title and the
// body, where an article has a term of the expression if it has it at all.
// FTS5 steps over the rows whose terms are outside a filter's columns
// without looking at the bound (sqlite3Fts5ExprNext), so that N =
// {tstems bstems} : "government", the stem entries of a word that news
// holds as a token, read the whole index: 100 ms at 1M articles. Such a NOT
// is left to FTS5's own (which reads N row by row along P's candidates).
func stopsAtBound(neg string) bool {
	for rest := neg; ; {
		i := strings.IndexByte(rest, '{')
		if i < 0 {
			return true
		}
		j := strings.IndexByte(rest[i:], '}')
		if j < 0 {
			return false
		}
		if cols := rest[i : i+j+1]; cols != "{title body}" && cols != "{title body tstems bstems}" {
			return false
		}
		rest = rest[i+j+1:]
	}
}

// groupEnd returns the index of the parenthesis that closes the one that
// opens expr, passing over quoted strings ("" is a quote inside one) and
// column filters, or -1 when it does not close.
func groupEnd(expr string) int {
	depth := 0
	for i := 0; i < len(expr); i++ {
		switch expr[i] {
		case '"':
			i = quotedEnd(expr, i)
		case '{':
			if k := strings.IndexByte(expr[i:], '}'); k >= 0 {
				i += k
			}
		case '(':
			depth++
		case ')':
			if depth--; depth == 0 {
				return i
			}
		}
	}
	return -1
}

// quotedEnd returns the index of the quote that closes the FTS5 string
// opening at expr[i] ("" inside it is a quote), or len(expr) when none does.
func quotedEnd(expr string, i int) int {
	for i++; i < len(expr); i++ {
		if expr[i] == '"' {
			if i+1 < len(expr) && expr[i+1] == '"' {
				i++
				continue
			}
			return i
		}
	}
	return len(expr)
}
