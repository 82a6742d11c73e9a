package subscriptions

// TEMPORARY (branch commands): a stand-in for the query language's FTS5()
// until the real parser lands; the lead deletes this file at merge.

import "strings"

// FTS5 returns an FTS5 MATCH expression that every article matching q also
// matches: each word or phrase of q quoted, all of them required.
func (q *Query) FTS5() string {
	parts := make([]string, 0, len(q.phrases))
	for _, p := range q.phrases {
		parts = append(parts, `"`+strings.ReplaceAll(strings.Join(p, " "), `"`, `""`)+`"`)
	}
	return strings.Join(parts, " AND ")
}
