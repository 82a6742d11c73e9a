package store

import "strings"

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

// sqlRecentNotHead is sqlRecentMatchesHead for "(?6) NOT (?7)": m holds the
// newest ?3 of the newest candidateCap (?8) articles of ?6 that ?7 does not
// match, of those from the lowest id at which both reads are whole (low);
// c gives low too.
const sqlRecentNotHead = `WITH p AS MATERIALIZED (SELECT rowid AS id FROM articles_terms WHERE articles_terms MATCH ?6 AND rowid >= ?2
				ORDER BY rowid DESC LIMIT ?8),
			pl AS (SELECT CASE WHEN count(*) = ?8 THEN min(id) ELSE ?2 END AS low FROM p),
			q AS MATERIALIZED (SELECT rowid AS id FROM articles_terms WHERE articles_terms MATCH ?7 AND rowid >= (SELECT low FROM pl)
				ORDER BY rowid DESC LIMIT ?9),
			b AS (SELECT max((SELECT low FROM pl), CASE WHEN count(*) = ?9 THEN min(id) ELSE ?2 END) AS low FROM q),
			m AS MATERIALIZED (SELECT id FROM p WHERE id >= (SELECT low FROM b) AND id NOT IN (SELECT id FROM q)
				ORDER BY id DESC LIMIT ?3),
			c AS (SELECT count(*) AS n, min(id) AS lowest, (SELECT low FROM b) AS low FROM m)
		SELECT `

// The queries of RecentMatches and RecentMatchesUntexted for "(P) NOT (N)".
const (
	sqlRecentNotFrom     = `, a.published_at >= ?5, c.n, c.lowest, c.low` + sqlRecentMatchesJoin
	sqlRecentNot         = sqlRecentNotHead + articleColumns + sqlRecentNotFrom
	sqlRecentNotUntexted = sqlRecentNotHead + articleColumnsUntexted + sqlRecentNotFrom
)

// splitNot returns P and N of an FTS5 expression written "(P) NOT (N)", as
// query.Query.TermsMatch writes an AND with NOTs, or "", "" for any other
// expression.
func splitNot(match string) (pos, neg string) {
	if !strings.HasPrefix(match, "(") || !strings.HasSuffix(match, ")") {
		return "", ""
	}
	end := groupEnd(match)
	if end < 0 {
		return "", ""
	}
	rest, ok := strings.CutPrefix(match[end+1:], " NOT ")
	if !ok || !strings.HasPrefix(rest, "(") || groupEnd(rest) != len(rest)-1 {
		return "", ""
	}
	return match[1:end], rest[1 : len(rest)-1]
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
