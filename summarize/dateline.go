package summarize

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// A dateline of one short word in capitals ("GOA: ", "ROME: ", "LIMA: ")
// looks like an acronym's label ("NYPD: ", "NATO: "), and a dateline in
// capitalised words ("Mumbai: ", "New Delhi: ") like a caption's or a
// quote's label ("Accused: ", "Analysis: ", "Pat Robertson: "). Without a
// list of places, what tells them apart is how the text writes the word
// elsewhere and how the word reads:
//
//   - an acronym is spelt out letter by letter ("NYPD", "FBI", "ESPN": no
//     vowel, or a cluster no English word opens or ends with), or, said as
//     a word ("NATO", "NASA", "OPEC"), is written again in capitals by a
//     text about it; a place in a dateline is said as a word and written
//     as a name, if at all, in the text's prose; and a sentence that opens
//     on "The agency", "The alliance", "The governing body" after the
//     label is about the label's body, as a lead after a dateline never
//     opens without naming its subject (shortPlace);
//   - a capitalised label is a place's when the text writes it after "in",
//     "near", "across" and the like ("protests in Mumbai"); a caption's,
//     a notice's or a person's label is not written so (placeLabel).

// shortPlace reports whether w, a word of three or four letters in
// capitals before a text's colon, reads as a place rather than an
// acronym; rest is the sentence after the colon. The text names it as a
// place is written ("PUNE" and "the roads of Pune"), or it is sayable as a
// word, text writes it nowhere else in capitals and rest does not open on
// a body the label names ("GOA", "LIMA"; "NATO" in a text that says "NATO
// allies", or before "The alliance will ...", is an acronym's).
func shortPlace(w, rest, text string) bool {
	return namedAsPlace(w, text) || sayable(w) && !writtenAgain(w, text) && !opensOnBody(rest)
}

// opensOnBody reports whether s opens on "The" and a noun that names an
// organisation, not followed by "of" ("The agency said", "The alliance's
// chief", "The governing body opened"; not "The state's beaches", "The
// body was found", "The civic body", a city's council in Indian copy, or
// "The group of oil producers").
func opensOnBody(s string) bool {
	words := strings.SplitN(s, " ", 5)
	if len(words) < 3 || words[0] != "The" {
		return false
	}
	k := 1
	if words[1] == "governing" || words[1] == "world" {
		k = 2 // "The governing body", "The world body"
	}
	noun := strings.TrimSuffix(strings.TrimSuffix(words[k], "'s"), "’s")
	return bodyNoun(noun) && (k == 2) == (noun == "body") && k+1 < len(words) && words[k+1] != "of"
}

// bodyNoun reports whether w names an organisation that a label's acronym
// stands for, and that a lead after a dateline would name first.
func bodyNoun(w string) bool {
	switch w {
	case "agency", "alliance", "body", "bureau", "organisation", "organization", "network", "federation",
		"association", "league", "bloc", "cartel", "regulator", "watchdog", "broadcaster":
		return true
	}
	return false
}

// sayable reports whether w, a word in capitals of ASCII letters, can be
// said as an English word: it has a vowel, and the consonants before its
// first vowel and after its last are one letter or a pair English words
// open or end with ("GOA", "BERN", "KYIV", "AGRA"; not "FBI", "CDC",
// "NYPD", "ESPN"). Y is a vowel but before a vowel.
func sayable(w string) bool {
	first, last := -1, -1
	for i := range len(w) {
		if vowelAt(w, i) {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	if first < 0 {
		return false
	}
	coda := w[last+1:]
	return (first <= 1 || onsets.has(w[:first])) && (len(coda) <= 1 || codas.has(coda))
}

// vowelAt reports whether w[i], a capital letter, is a vowel: A, E, I, O,
// U, or Y not before a vowel ("KYIV": K, Y, I, V; "ELY").
func vowelAt(w string, i int) bool {
	switch w[i] {
	case 'A', 'E', 'I', 'O', 'U':
		return true
	case 'Y':
		return i > 0 && (i == len(w)-1 || !strings.ContainsRune("AEIOU", rune(w[i+1])))
	}
	return false
}

// clusters is a set of consonant pairs, written as "|BR|CH|...|".
type clusters string

func (c clusters) has(pair string) bool {
	return len(pair) == 2 && strings.Contains(string(c), "|"+pair+"|")
}

// onsets are the pairs of consonants English words, and Indian names as
// English writes them ("DHAR", "KHAN"), open with; codas those they end with.
// A single consonant is always both.
const (
	onsets clusters = "|BH|BL|BR|CH|CL|CR|DH|DR|DW|FL|FR|GH|GL|GR|GW|JH|KH|KL|KR|KW|KY|PH|PL|PR|SC|SH|SK|SL|SM|SN|SP|ST|SW|TH|TR|TW|WH|WR|ZH|"
	codas  clusters = "|CH|CK|CT|FT|GH|LD|LF|LK|LL|LM|LP|LT|MP|ND|NG|NK|NS|NT|PT|RB|RD|RG|RK|RL|RM|RN|RP|RS|RT|SH|SK|SP|SS|ST|TH|TZ|"
)

// writtenAgain reports whether text holds w, a word in capitals, more than
// once as a whole word (a possessive's "NATO's" counts): the label that
// opens text is one.
func writtenAgain(w, text string) bool {
	seen := 0
	for rest := text; ; {
		i := strings.Index(rest, w)
		if i < 0 {
			return false
		}
		end := i + len(w)
		if (i == 0 || !isWordByte(rest[i-1])) && (end == len(rest) || !isWordByte(rest[end])) {
			seen++
			if seen > 1 {
				return true
			}
		}
		rest = rest[end:]
	}
}

// placeLabel returns the length of a dateline in capitalised words that
// opens s, a text's first sentence or a lead line, with its colon and
// space ("Mumbai: ", "New Delhi: ", "Putnam County, FL: "), or 0: the
// label is one to three capitalised words, with a state or a country
// after a comma, and text names it after a word that places it ("in
// Mumbai", "across New Delhi", not "in Mumbai's"). A caption's or a
// notice's label ("Accused: ", "Analysis: ", "Update: ") is not written
// so, nor, but rarely, a person's ("Pat Robertson: ").
func placeLabel(s, text string) int {
	w, _, ok := strings.Cut(s, ": ")
	if !ok || len(w) > 40 {
		return 0
	}
	name, state, _ := strings.Cut(w, ", ")
	words := strings.Split(name, " ")
	if len(words) > 3 || noticeWord(strings.ToUpper(words[0])) {
		return 0
	}
	for _, word := range words {
		if !nameWord(word) {
			return 0
		}
	}
	if state = strings.TrimSuffix(state, "."); state != "" && !nameWord(state) && !capsWord(state) {
		return 0
	}
	if !placedIn(name, text) {
		return 0
	}
	return len(w) + 2
}

// nameWord reports whether w is a capitalised word of letters, with
// inner hyphens ("Mumbai", "Baden-Baden"), and a small letter after its
// capital.
func nameWord(w string) bool {
	r, size := utf8.DecodeRuneInString(w)
	if !unicode.IsUpper(r) || len(w) == size {
		return false
	}
	if r, _ := utf8.DecodeRuneInString(w[size:]); !unicode.IsLower(r) {
		return false
	}
	return allRunes(w[size:], func(r rune) bool { return unicode.IsLetter(r) || r == '-' })
}

// placedIn reports whether text writes name, a whole word, after a word
// that places what follows it ("in", "near", "across"), and not as a
// possessive ("in Mumbai's" is as often a person's).
func placedIn(name, text string) bool {
	for rest := text; ; {
		i := strings.Index(rest, name)
		if i < 0 {
			return false
		}
		end := i + len(name)
		if end == len(rest) || !isWordByte(rest[end]) && rest[end] != '\'' && !strings.HasPrefix(rest[end:], "’") {
			before := strings.TrimRight(rest[:i], " ")
			if len(before) < i {
				if k := strings.LastIndexByte(before, ' '); placeWord(before[k+1:]) {
					return true
				}
			}
		}
		rest = rest[end:]
	}
}

// placeWord reports whether w is a preposition that places what follows it.
func placeWord(w string) bool {
	switch w {
	case "in", "near", "across", "outside", "around", "throughout":
		return true
	}
	return false
}
