package store

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"
)

// How many terms the prefixes of a query are read as, so that its cost
// does not grow with the store: FTS5 merges a prefix query's posting lists
// whole, and an OR of terms costs each term a seek in every segment of the
// index, whatever the LIMIT (50-100 µs a term at 100,000 articles, about
// 270 µs for a frequent one at 1,000,000). The prefixes of a query share
// searchTerms terms (previewTerms for the recent search and the preview,
// which is to stay under 10 ms), each at least one (shareBudget). A prefix
// whose share holds all its terms is read as their OR: the same articles
// match. A broader prefix is read as the OR of its most frequent terms (see
// terms_list.docs): its matches are a subset of the prefix's, the articles
// that only a rarer term matches are left out, and RecentMatches scales its
// count up for them (scaleBroad).
var (
	searchTerms  = 32 // variables for the tests only; 0 leaves prefixes to FTS5
	previewTerms = 6
)

// scanTerms bounds how many terms of a prefix terms_list is read for (its
// first in order; about 0.4 µs a term for choosing and summing): a prefix of
// more, such as a common 3-letter start in a vocabulary of a million words,
// has its most frequent terms chosen among those, and its count estimated
// from them (an underestimate of what the rest adds). An expression of
// several prefixes shares scanBudget terms among its distinct ones (at
// least scanTerms/4 each): twelve broad prefixes of 2,000 terms read each
// cost 1.8 ms of a preview at 1,000,000 articles, of 666 each 1.0 ms.
const (
	scanTerms  = 2000
	scanBudget = 4 * scanTerms
)

// scanShare returns how many terms of each of n distinct prefixes an
// expression reads (see scanBudget).
func scanShare(n int) int { return max(scanTerms/4, min(scanTerms, scanBudget/max(n, 1))) }

// listedTerm is a term of terms_list and its count of articles.
type listedTerm struct {
	term string
	docs int64
}

// expandPrefixes returns match with each prefix query ("presid"*, as
// query.TermsMatch writes it) replaced by the OR of its terms in terms_list,
// the prefixes sharing limit terms (see searchTerms), which FTS5 reads newest
// first and stops at a LIMIT; the column filter before it still applies.
// scale is what a count of the returned expression's matches is to be
// multiplied by to estimate the count of match's: 1 unless a prefix outside
// a NOT was read as only its most frequent terms (one inside a NOT lets more
// articles through, which the callers' matcher drops). A prefix with no term
// stays as it is (it matches nothing). It fails when the database does.
func (s *Store) expandPrefixes(ctx context.Context, match string, limit int) (out string, scale float64, err error) {
	e, err := s.expand(ctx, match, limit)
	return e.match, e.scale, err
}

// expansion is what expand makes of an expression: match as FTS5 is to read
// it, the scale of its count (see expandPrefixes), and loose when a prefix
// inside a NOT was read as only some of its terms, so that match lets
// through articles the expression given does not match.
type expansion struct {
	match string
	scale float64
	loose bool
}

// expand is expandPrefixes, which also tells whether the expression read
// is looser than match (expansion.loose). Each distinct prefix is read
// from terms_list once, however often it occurs (title:ber* OR ber*), and
// the articles of a broad one inside a NOT are not summed (no scale).
func (s *Store) expand(ctx context.Context, match string, limit int) (expansion, error) {
	e := expansion{match: match, scale: 1}
	if limit <= 0 || !strings.Contains(match, `"*`) {
		return e, nil
	}
	prefixes := prefixQueries(match)
	// Each distinct prefix is read once (its terms, and its articles if
	// broad), however often it occurs.
	distinct := make(map[string]bool, len(prefixes))
	for _, p := range prefixes {
		distinct[p.prefix] = true
	}
	scan := scanShare(len(distinct))
	listed := make(map[string][]listedTerm, len(prefixes))
	docs := make(map[string]float64, len(prefixes))
	lists := make([][]listedTerm, len(prefixes))
	need := make([]int, len(prefixes))
	for i, p := range prefixes {
		list, ok := listed[p.prefix]
		if !ok {
			var err error
			if list, err = s.prefixTerms(ctx, p.prefix, limit, scan); err != nil {
				return expansion{}, fmt.Errorf("expand prefixes: %w", err)
			}
			listed[p.prefix] = list
		}
		lists[i], need[i] = list, len(list)
	}
	shares := shareBudget(need, limit)
	var b strings.Builder
	at := 0
	for i, p := range prefixes {
		list := lists[i]
		if len(list) == 0 {
			continue
		}
		if len(list) > shares[i] {
			// Broad: its most frequent terms, and their share of its articles.
			list = list[:shares[i]]
			var head float64
			for _, t := range list {
				head += float64(max(t.docs, 1))
			}
			all, ok := docs[p.prefix]
			if !ok && !p.negated {
				var err error
				if all, err = s.prefixDocs(ctx, p.prefix, scan); err != nil {
					return expansion{}, fmt.Errorf("expand prefixes: %w", err)
				}
				docs[p.prefix] = all
			}
			if p.negated {
				e.loose = true
			} else if all > 0 {
				e.scale /= min(1, head/all)
			}
		}
		terms := make([]string, len(list))
		for j, t := range list {
			terms[j] = ftsString(t.term)
		}
		b.WriteString(match[at:p.start])
		b.WriteString("(" + strings.Join(terms, " OR ") + ")")
		at = p.end
	}
	b.WriteString(match[at:])
	e.match = b.String()
	return e, nil
}

// shareBudget shares budget terms among prefixes that have need[i] terms
// each: a prefix needing less than an even share gets what it needs, the
// others share the rest evenly; each gets at least one.
func shareBudget(need []int, budget int) []int {
	order := make([]int, len(need))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return need[a] - need[b] })
	out := make([]int, len(need))
	left := budget
	for k, i := range order {
		out[i] = min(need[i], max(1, left/(len(order)-k)))
		left -= out[i]
	}
	return out
}

// prefixTerms returns the terms of terms_list, and of the new terms waiting
// for it (termQueue, docs -1), that begin with prefix, the most frequent
// first, at most limit+1 (more than limit: the prefix has more), chosen
// among the first scan of the list.
func (s *Store) prefixTerms(ctx context.Context, prefix string, limit, scan int) ([]listedTerm, error) {
	if prefix == "" {
		return nil, nil
	}
	rows, err := s.r.QueryContext(ctx, sqlPrefixTerms, prefix, prefixEnd(prefix), scan, limit+1)
	if err != nil {
		return nil, err
	}
	list, err := collect(rows, func(rs scanner) (t listedTerm, err error) { return t, rs.Scan(&t.term, &t.docs) })
	if err != nil {
		return nil, err
	}
	waiting, err := s.unlistedTerms(ctx, prefix)
	if err != nil || len(waiting) == 0 {
		return list, err
	}
	for _, t := range waiting {
		list = append(list, listedTerm{term: t, docs: -1})
	}
	slices.SortStableFunc(list, func(a, b listedTerm) int {
		if a.docs != b.docs {
			return cmp.Compare(b.docs, a.docs)
		}
		return strings.Compare(a.term, b.term)
	})
	return list[:min(len(list), limit+1)], nil
}

// prefixDocs returns the articles of the prefix's terms among the first
// scan of the list (their docs, a term listed since the last refresh, or
// waiting for the list, counting 1).
func (s *Store) prefixDocs(ctx context.Context, prefix string, scan int) (float64, error) {
	var all float64
	if err := s.r.QueryRowContext(ctx, sqlPrefixDocs, prefix, prefixEnd(prefix), scan).Scan(&all); err != nil {
		return 0, err
	}
	waiting, err := s.unlistedTerms(ctx, prefix)
	return all + float64(len(waiting)), err
}

// prefixEnd returns the least string above every string that begins with
// prefix, byte-wise as SQLite compares text (prefix is not empty, and as
// UTF-8 holds no byte 0xFF).
func prefixEnd(prefix string) string {
	b := []byte(prefix)
	b[len(b)-1]++
	return string(b)
}

// The queries of prefixTerms, over the terms from ?1 to before ?2, the first
// ?3 of them: the ?4 with the most articles, and the sum of their articles.
const (
	sqlPrefixTerms = `SELECT term, docs FROM (SELECT term, docs FROM terms_list WHERE term >= ?1 AND term < ?2 LIMIT ?3)
		ORDER BY docs DESC, term LIMIT ?4`
	sqlPrefixDocs = `SELECT coalesce(sum(max(docs, 1)), 0) FROM (SELECT docs FROM terms_list WHERE term >= ?1 AND term < ?2 LIMIT ?3)`
)

// prefixQuery is a prefix query in an FTS5 expression: match[start:end] is
// "prefix"*; negated says it stands on the right of an odd number of NOTs.
type prefixQuery struct {
	start, end int
	prefix     string
	negated    bool
}

// prefixQueries finds the prefix queries of an FTS5 expression as
// query.TermsMatch writes them: phrases in double quotes ("" for a quote),
// column filters in braces, parentheses, and the operators AND, OR and NOT,
// whose right operand is a parenthesized group or one (filtered) phrase.
func prefixQueries(match string) []prefixQuery {
	var out []prefixQuery
	stack := []bool{false} // negated, per open parenthesis
	not := false           // a NOT waits for its operand
	for i := 0; i < len(match); i++ {
		switch c := match[i]; {
		case c == '"':
			j := i + 1
			for j < len(match) {
				if match[j] == '"' {
					if j+1 < len(match) && match[j+1] == '"' {
						j += 2
						continue
					}
					break
				}
				j++
			}
			if j+1 < len(match) && match[j+1] == '*' {
				out = append(out, prefixQuery{start: i, end: j + 2, prefix: strings.ReplaceAll(match[i+1:j], `""`, `"`),
					negated: stack[len(stack)-1] != not})
				j++
			}
			i, not = j, false
		case c == '{':
			if k := strings.IndexByte(match[i:], '}'); k >= 0 {
				i += k
			}
		case c == '(':
			stack = append(stack, stack[len(stack)-1] != not)
			not = false
		case c == ')':
			if len(stack) > 1 {
				stack = stack[:len(stack)-1]
			}
		case c == 'N' && strings.HasPrefix(match[i:], "NOT") && (i == 0 || match[i-1] == ' ' || match[i-1] == ')') &&
			(i+3 == len(match) || match[i+3] == ' ' || match[i+3] == '('):
			not = true
			i += 2
		}
	}
	return out
}
