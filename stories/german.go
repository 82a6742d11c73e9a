package stories

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// German writes every noun with a capital ("die Polizei", "Schüsse"), so
// there a capital tells a noun, not a name: read as English, two shootings
// of one evening in two towns shared "Schüsse", "Polizei" and "Täter" as
// names and were one story. In a text read as German (more of its words
// are German function words than English ones), a capitalised word is a
// name only where German puts a name and no common noun: right after a
// preposition without an article ("in Hamburg", "aus München", "bei
// Kassel"; a noun takes an article there: "in der Stadt", "im Haus"), after
// another name ("von Olaf Scholz"), joined to one by a hyphen
// ("Hamburg-Billstedt"), after a capitalised adjective ("Deutsche Bahn":
// German adjectives are lower case but in names), or in capitals ("GDL").
// Persons named without such a word ("sagte
// Scholz") are missed; numbers still count.

// germanWords and englishWords are the function words by which a text is
// told German (see isGerman).
var (
	germanWords = setOf("der die das den dem des ein eine einen einem einer eines und ist sind wurde wurden " +
		"nicht mit von zu auf für im am sich hat haben nach bei aus auch werden wird")
	englishWords = setOf("the of and to is was were for that with on are by from at has have will")
)

// determiners are the German articles, alone or joined to a preposition.
var determiners = setOf("der die das den dem des ein eine einen einem einer eines am im zum zur vom beim ins")

// isGermanAdjective reports whether ws[i] is a capitalised adjective before
// a capitalised word: German writes adjectives in lower case but in names,
// so a capitalised word with an adjective's ending after an article or at a
// sentence's start, right before a capitalised word, begins a name.
func isGermanAdjective(ws []word, i int) bool {
	w := ws[i]
	r, _ := utf8.DecodeRuneInString(w.raw)
	if !unicode.IsUpper(r) || w.compound {
		return false
	}
	if !w.sentenceStart && (i == 0 || !ws[i].afterWord || !determiners[strings.ToLower(ws[i-1].raw)]) {
		return false
	}
	for _, end := range [...]string{"e", "en", "er", "es", "em"} {
		if strings.HasSuffix(w.raw, end) {
			return true
		}
	}
	return false
}

// acronym reports whether s is two or more letters, all capitals.
func acronym(s string) bool {
	n := 0
	for _, r := range s {
		if !unicode.IsUpper(r) {
			return false
		}
		n++
	}
	return n >= 2
}

// namePrepositions are the German prepositions after which a capitalised
// word, with no article between, is a name (a place, mostly).
var namePrepositions = setOf("in aus bei nahe von nach")

// isGerman reports whether the words of a text (its title and lead) read as
// German: at least three German function words, and more than English ones.
func isGerman(ws ...[]word) bool {
	de, en := 0, 0
	for _, list := range ws {
		for _, w := range list {
			if len(w.raw) > 5 {
				continue
			}
			l := strings.ToLower(w.raw)
			if germanWords[l] {
				de++
			}
			if englishWords[l] {
				en++
			}
		}
	}
	return de >= 3 && de > en
}

// germanNames marks, in words of German text, the capitalised words that
// stand where German puts names (see above): name[i] for ws[i].
func germanNames(ws []word) []bool {
	name := make([]bool, len(ws))
	for i, w := range ws {
		if w.number || w.norm == "" || w.sentenceStart || calendarWords[w.norm] || i == 0 {
			continue
		}
		r, _ := utf8.DecodeRuneInString(w.raw)
		if !unicode.IsUpper(r) {
			continue
		}
		prev := ws[i-1]
		switch {
		case w.joined && name[i-1]: // "Hamburg-Billstedt"
			name[i] = true
		case !w.afterWord:
			// punctuation between: no context
		case namePrepositions[prev.raw]: // lower case: "In Hamburg" at a start is one too
			name[i] = true
		case namePrepositions[strings.ToLower(prev.raw)] && prev.sentenceStart:
			name[i] = true
		case name[i-1] && !prev.compound: // "Olaf Scholz" after "von"
			name[i] = true
		case isGermanAdjective(ws, i-1): // "der Deutschen Bahn", "die Vereinten Nationen"
			name[i] = true
			name[i-1] = !prev.sentenceStart
		}
		if acronym(w.raw) { // "GDL", "CSU": no noun is written so
			name[i] = true
		}
	}
	return name
}
