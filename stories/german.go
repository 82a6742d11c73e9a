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
// German adjectives are lower case but in names), in capitals ("GDL"), or
// as the speaker after a verb of saying with no article ("sagte Scholz",
// "so Scholz"; see speechVerbs). Numbers still count.

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
	if !unicode.IsUpper(r) || w.compound || determiners[strings.ToLower(w.raw)] {
		return false // an article is no adjective: "Die Polizei" at a sentence's start names nothing
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

// speechVerbs are the German verbs of saying (and "so", as in ", so
// Scholz") after which, the subject put after its verb, a capitalised word
// without an article is the speaker: "sagte Scholz", "erklärte
// Innenministerin Faeser", "so Polizeisprecher Holger Vehren". The speaker's
// name is the last capitalised word of that run; the ones before it are a
// first name or a role ("Polizeisprecher", which every police story
// shares), so only the last is a name. Plural verbs ("sagten Anwohner") are
// not here: their subjects are mostly nouns.
var speechVerbs = setOf("sagte sagt erklärte erklärt betonte betont berichtete teilte kündigte warnte " +
	"forderte bestätigte so")

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
		case speechVerbs[prev.raw]: // "sagte Scholz", "sagte Polizeisprecher Vehren": the last is the name
			name[speakerEnd(ws, i)] = true
		}
		if acronym(w.raw) { // "GDL", "CSU": no noun is written so
			name[i] = true
		}
	}
	return name
}

// speakerEnd returns the index of the last word of the run of capitalised
// words that starts at ws[i] (words with only spaces or a hyphen between,
// no sentence start, number, weekday or month among them).
func speakerEnd(ws []word, i int) int {
	end := i
	for j := i + 1; j < len(ws); j++ {
		w := ws[j]
		r, _ := utf8.DecodeRuneInString(w.raw)
		if !w.afterWord || w.sentenceStart || w.number || w.norm == "" || calendarWords[w.norm] || !unicode.IsUpper(r) {
			break
		}
		end = j
	}
	return end
}
