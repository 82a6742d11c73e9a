package store

import (
	"context"
	"fmt"
	"regexp"
	"strings"
)

// maxExpansion is how many terms a prefix query may stand for and still be
// read as their OR: beyond it the prefix stays a prefix query (FTS5 then
// merges its posting lists whole, a cost that grows with the store). Reading
// a prefix's terms costs about what FTS5's merge reads of them, so a prefix
// that stops the walk at maxExpansion+1 terms costs at most that again.
var maxExpansion = 128 // a variable for the tests only

// prefixTerm finds the prefix queries of an FTS5 expression (query.TermsMatch
// writes a prefix as a quoted token followed by *).
var prefixTerm = regexp.MustCompile(`"((?:[^"]|"")*)"\*`)

// expandPrefixes returns match with each prefix query ("presid"*) replaced by
// the OR of the terms of articles_terms that begin with it, in any column
// (the column filter before it still applies), which FTS5 reads newest first
// and stops at a LIMIT: the same articles match. A prefix with no term, or
// more than maxExpansion, is left as it is. It fails when the database does.
func (s *Store) expandPrefixes(ctx context.Context, match string) (string, error) {
	if !strings.Contains(match, `"*`) {
		return match, nil
	}
	var err error
	out := prefixTerm.ReplaceAllStringFunc(match, func(m string) string {
		if err != nil {
			return m
		}
		prefix := strings.ReplaceAll(m[1:len(m)-2], `""`, `"`)
		var terms []string
		if terms, err = s.prefixTerms(ctx, prefix); err != nil || len(terms) == 0 || len(terms) > maxExpansion {
			return m
		}
		for i, t := range terms {
			terms[i] = `"` + strings.ReplaceAll(t, `"`, `""`) + `"`
		}
		return "(" + strings.Join(terms, " OR ") + ")"
	})
	if err != nil {
		return "", fmt.Errorf("expand prefixes: %w", err)
	}
	return out, nil
}

// prefixTerms returns the terms of articles_terms that begin with prefix, at
// most maxExpansion+1 (the walk stops there, and at the first term past the
// prefix).
func (s *Store) prefixTerms(ctx context.Context, prefix string) ([]string, error) {
	if prefix == "" {
		return nil, nil
	}
	rows, err := s.r.QueryContext(ctx, sqlPrefixTerms, prefix)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var terms []string
	for rows.Next() && len(terms) <= maxExpansion {
		var t string
		if err := rows.Scan(&t); err != nil {
			return nil, err
		}
		if !strings.HasPrefix(t, prefix) {
			break
		}
		terms = append(terms, t)
	}
	return terms, rows.Err()
}

// sqlPrefixTerms walks the terms from a prefix on, in order (fts5vocab reads
// its index from the first term at or after it).
const sqlPrefixTerms = `SELECT term FROM articles_vocab WHERE term >= ?`
