package locale

import (
	"fmt"

	"golang.org/x/text/feature/plural"
)

// forms are a counted noun's forms in one language, each a format with one
// %d: English, German and Spanish have one and other; Russian has one
// (1, 21), few (2–4, 22–24) and many (5–20, 25…).
type forms struct{ one, few, other string }

// pluralEntry is a counted noun in every language, keyed by its English
// "other" form ("%d stored articles").
type pluralEntry struct {
	key string
	by  map[string]forms
}

// Count returns n with the counted noun of key in the form the printer's
// language wants for n ("1 stored article", "3 статьи", "5 статей"); a key
// missing from the catalog prints as fmt would print it.
func (p Printer) Count(n int, key string) string {
	for _, e := range plurals {
		if e.key != key {
			continue
		}
		f, ok := e.by[p.Lang()]
		if !ok {
			f = e.by[English]
		}
		form := plural.Cardinal.MatchPlural(tags[p.idx], n, 0, 0, 0, 0)
		switch {
		case form == plural.One && f.one != "":
			return fmt.Sprintf(f.one, n)
		case form == plural.Few && f.few != "":
			return fmt.Sprintf(f.few, n)
		}
		return fmt.Sprintf(f.other, n)
	}
	return fmt.Sprintf(key, n)
}
