package query

import "strings"

// ftsQuote makes a token an FTS5 string, which no keyword or column name can be mistaken for.
func ftsQuote(t string) string { return `"` + strings.ReplaceAll(t, `"`, `""`) + `"` }

// ftsStemPrefix returns s without its last drop characters, but at least one: a prefix of every word (as Terms
// normalises it) that a stemmer stems to s, given drop 1 for Stem and the Russian and German stemmers, which only cut
// endings (Russian's also turns нн into н), and drop 2 for the French, Spanish, Italian and Portuguese ones, which
// also rewrite endings (évidemment → évident, diferencia → diferente).
func ftsStemPrefix(s string, drop int) string {
	r := []rune(s)
	return string(r[:max(1, len(r)-drop)])
}
