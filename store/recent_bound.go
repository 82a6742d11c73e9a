package store

import (
	"context"
	"strings"
)

// candidateCap is how many candidates of an expression's positive part (see
// positivePart) RecentMatches reads at most, newest first, to bound the span
// of ids its whole expression is read in. FTS5 reads a NOT by stepping
// through the candidates of its left side: with countCap matches to count
// and few of them left by the NOT ("police" -"government" on a synthetic
// store of 1M articles: none of the window's 78,000), it read every
// candidate of the window, 150–370 ms. Within the newest candidateCap
// candidates it costs a few milliseconds however few pass.
const candidateCap = countCap

// sqlCandidateSpan reads how many of the newest ?3 candidates of an
// expression there are at ids from ?2 on, and the lowest id of them.
const sqlCandidateSpan = `SELECT count(*), coalesce(min(id), 0) FROM (SELECT rowid AS id FROM articles_terms
	WHERE articles_terms MATCH ?1 AND rowid >= ?2 ORDER BY rowid DESC LIMIT ?3)`

// candidateSpan returns the lowest id from which RecentMatches reads the
// expression match over the window's ids from first on: first itself
// unless match is a NOT whose positive part has at least candidateCap
// candidates there, and then the lowest id of the newest candidateCap of
// them. It fails when the database does.
func (s *Store) candidateSpan(ctx context.Context, match string, first int64) (int64, error) {
	pos := positivePart(match)
	if pos == "" {
		return first, nil
	}
	var n int
	var low int64
	if err := s.r.QueryRowContext(ctx, sqlCandidateSpan, pos, first, candidateCap).Scan(&n, &low); err != nil {
		return 0, err
	}
	if n < candidateCap || low <= first {
		return first, nil
	}
	return low, nil
}

// positivePart returns P of an FTS5 expression written "(P) NOT (N)", as
// query.Query.TermsMatch writes an AND with NOTs: the expression of which
// match's articles are a subset. It returns "" for any other expression.
func positivePart(match string) string {
	if !strings.HasPrefix(match, "(") || !strings.HasSuffix(match, ")") {
		return ""
	}
	end := groupEnd(match)
	if end < 0 {
		return ""
	}
	rest, ok := strings.CutPrefix(match[end+1:], " NOT ")
	if !ok || !strings.HasPrefix(rest, "(") || groupEnd(rest) != len(rest)-1 {
		return ""
	}
	return match[1:end]
}

// groupEnd returns the index of the parenthesis that closes the one that
// opens expr, passing over quoted strings ("" is a quote inside one) and
// column filters, or -1 when it does not close.
func groupEnd(expr string) int {
	depth := 0
	for i := 0; i < len(expr); i++ {
		switch expr[i] {
		case '"':
			for i++; i < len(expr); i++ {
				if expr[i] == '"' {
					if i+1 < len(expr) && expr[i+1] == '"' {
						i++
						continue
					}
					break
				}
			}
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
