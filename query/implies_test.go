package query

import "testing"

// TestImpliesHoldsOnArticles is the check of implies against the matcher: over generated queries and articles of
// the seven languages and of other scripts, when one query's terms imply another's, every article the first
// matches the second matches too. (A false implication refuses a query that could match.)
func TestImpliesHoldsOnArticles(t *testing.T) {
	for _, g := range []*corpusGen{newLangCorpusGen(7), newScriptsCorpusGen(8)} {
		var arts []*Document
		for range 300 {
			arts = append(arts, NewDocument(g.article(12)))
		}
		var qs []*Query
		for len(qs) < 400 {
			if q, err := Parse(g.query(1)); err == nil {
				qs = append(qs, q)
			}
		}
		pairs, witnessed := 0, 0
		for _, a := range qs {
			for _, b := range qs {
				if a == b || !a.root.implies(b.root) {
					continue
				}
				pairs++
				seen := false
				for _, d := range arts {
					if !a.Match(d) {
						continue
					}
					if !seen && a.Key() != b.Key() {
						seen = true
						witnessed++
					}
					if !b.Match(d) {
						t.Errorf("%s is said to imply %s, but an article matches the first alone: %+v", a, b, d)
						break
					}
				}
			}
		}
		if witnessed < 20 {
			t.Fatalf("%d implied pairs of two queries with a match: the generator no longer makes a fair test", witnessed)
		}
		t.Logf("%d implied pairs checked on %d articles, %d of two queries with a match", pairs, len(arts), witnessed)
	}
}

// A subscription stored before the rule that refuses a query excluding what its required terms imply still loads:
// it matched nothing before, as after, and the chat can still see and remove it.
func TestParseStoredKeepsAnImpliedExclusion(t *testing.T) {
	if _, err := Parse(`"north korea" -korea`); err == nil {
		t.Fatal(`Parse took "north korea" -korea`)
	}
	q, err := ParseStored(`"north korea" -korea`)
	if err != nil || q.String() != `"north korea" AND NOT korea` {
		t.Fatalf(`ParseStored = %v, %v; want "north korea" AND NOT korea`, q, err)
	}
}
