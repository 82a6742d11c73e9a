package query

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
)

// FTS5 returns an SQLite FTS5 MATCH expression, for a table tokenized 'unicode61 remove_diacritics 2', that every
// article matching q also matches: a filter for candidates, which callers must check with Match. It returns ""
// when no such expression narrows anything, as for a query of source: terms only or of words in Han script.
//
// The expression names no column (title: is checked by Match), so it suits any column layout. A bare word becomes
// prefixes of its stems in the languages it may be in (tariffs → "tari"*, Курской → "курс"*; see ftsWord), a phrase becomes a NEAR group (a possessive 's between its words is a
// token to FTS5 but not to Terms), and a NOT survives only when its operand translates exactly. The guarantee holds
// for text that FTS5 tokenizes as Terms does, which is all ordinary text; compatibility characters that NFKC
// rewrites (full-width letters, ligatures) or "ß", which folds to "ss", can escape the filter unless the table
// stores the text as normalised by Terms.
func (q *Query) FTS5() string {
	if q == nil || q.root == nil {
		return ""
	}
	e, _ := ftsExpr(q.root)
	return e
}

// ftsExpr translates n: "" means no constraint; exact reports that the expression matches exactly the articles
// that n matches, which a NOT needs of its operand.
func ftsExpr(n *node) (expr string, exact bool) {
	switch n.kind {
	case nodeWord:
		return ftsWord(n.stems), false
	case nodePrefix:
		if !ftsSafe(n.tokens[0]) {
			return "", false
		}
		return ftsQuote(n.tokens[0]) + "*", !n.title
	case nodePhrase:
		for _, t := range n.tokens {
			if !ftsSafe(t) {
				return "", false
			}
		}
		if len(n.tokens) == 1 {
			return ftsQuote(n.tokens[0]), !n.title
		}
		quoted := make([]string, len(n.tokens))
		for i, t := range n.tokens {
			quoted[i] = ftsQuote(t)
		}
		return fmt.Sprintf("NEAR(%s, %d)", strings.Join(quoted, " "), 2*len(n.tokens)-3), false
	case nodeAnd:
		return ftsAnd(n.kids)
	case nodeOr:
		parts := make([]string, len(n.kids))
		exact = true
		for i, k := range n.kids {
			e, ex := ftsExpr(k)
			if e == "" {
				return "", false
			}
			parts[i], exact = ftsGroup(e), exact && ex
		}
		return strings.Join(parts, " OR "), exact
	}
	// nodeSource, and nodeNot outside an AND (which FTS5 cannot say: its NOT is binary).
	return "", false
}

func ftsAnd(kids []*node) (string, bool) {
	var pos, neg []string
	exact := true
	for _, k := range kids {
		if k.kind == nodeNot {
			if e, ex := ftsExpr(k.kids[0]); e != "" && ex {
				neg = append(neg, ftsGroup(e))
			} else {
				exact = false
			}
			continue
		}
		e, ex := ftsExpr(k)
		if e == "" {
			exact = false
			continue
		}
		pos, exact = append(pos, ftsGroup(e)), exact && ex
	}
	if len(pos) == 0 {
		return "", false
	}
	s := strings.Join(pos, " AND ")
	if len(neg) > 0 {
		s = "(" + s + ") NOT (" + strings.Join(neg, " OR ") + ")"
	}
	return s, exact
}

// ftsGroup parenthesises e unless it is a single term.
func ftsGroup(e string) string {
	if strings.Contains(e, " ") {
		return "(" + e + ")"
	}
	return e
}

// ftsQuote makes a token an FTS5 string, which no keyword or column name can be mistaken for.
func ftsQuote(t string) string { return `"` + strings.ReplaceAll(t, `"`, `""`) + `"` }

// ftsWord returns a query that every token with one of the stems (see wordStems: the primary first) matches, or ""
// when there is none: the OR of each stem's prefix query, without those that a shorter one already covers.
func ftsWord(keys []string) string {
	var prefixes []string
	extra := ""
	// A Latin-script word's stems, the primary (English) one too, may be those of French, Spanish, Italian or
	// Portuguese words in an article read in those languages.
	drop := 1
	if len(keys) > 0 && allLettersOf(keys[0], unicode.Latin) {
		drop = 2
	}
	for _, s := range keys {
		if !ftsSafe(s) {
			return ""
		}
		prefixes = append(prefixes, ftsStemPrefix(s, drop))
	}
	// Stem, Russian's stemmer and a token as written only cut endings, and at most the last character of what stays
	// changes (happy → happi), but for dying, lying and tying.
	switch keys[0] {
	case "die", "lie", "tie":
		extra = ftsQuote(keys[0][:1] + "ying")
	}
	slices.Sort(prefixes)
	var parts []string
	for i, p := range prefixes {
		if i > 0 && strings.HasPrefix(p, prefixes[i-1]) {
			prefixes[i] = prefixes[i-1] // covered: keep the shorter as the one to compare the next with
			continue
		}
		parts = append(parts, ftsQuote(p)+"*")
	}
	if extra != "" {
		parts = append(parts, extra)
	}
	if len(parts) == 1 {
		return parts[0]
	}
	return "(" + strings.Join(parts, " OR ") + ")"
}

// ftsStemPrefix returns s without its last drop characters, but at least one: a prefix of every word (as Terms
// normalises it) that a stemmer stems to s, given drop 1 for Stem and the Russian and German stemmers, which only cut
// endings (Russian's also turns нн into н), and drop 2 for the French, Spanish, Italian and Portuguese ones, which
// also rewrite endings (évidemment → évident, diferencia → diferente).
func ftsStemPrefix(s string, drop int) string {
	r := []rune(s)
	return string(r[:max(1, len(r)-drop)])
}

// ftsSafe reports whether FTS5's unicode61 tokenizer reads t as the one token t: letters and digits outside the
// scripts that Terms splits into characters (FTS5 keeps a run of Han as one token) and without combining marks
// (which FTS5 takes for separators).
func ftsSafe(t string) bool {
	for _, r := range t {
		if !(unicode.IsLetter(r) || unicode.IsNumber(r)) || noSpaceScript(r) {
			return false
		}
	}
	return t != ""
}
