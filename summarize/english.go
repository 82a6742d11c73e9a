package summarize

import (
	"github.com/kljensen/snowball/english"

	"github.com/newshound/newshound/internal/porter2"
)

// englishStem returns english.Stem(w, true), the Snowball English (Porter2)
// stem of the lower-cased word w as github.com/kljensen/snowball writes it.
// A word of ASCII letters and digits, nearly every English word, is stemmed
// by porter2.Stem a byte at a time; any other goes to the library, which
// turns the word and every suffix it tries into a []rune: most of the
// summarizer's cost of a new word, and news brings new words every day.
// Tests compare the two on every word of the shared news and on random
// words.
func englishStem(w string) string {
	if s, ok := porter2.Stem(w); ok {
		return s
	}
	return english.Stem(w, true)
}
