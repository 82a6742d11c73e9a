package summarize

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// A dateline of one word in capitals ("GOA: ", "ROME: ", "MUMBAI: ")
// looks like an acronym's label ("NYPD: ", "NATO: ", "UNICEF: "), and a
// dateline in capitalised words ("Mumbai: ", "New Delhi: ") like a
// caption's, a quote's or a company's label ("Accused: ", "Analysis: ",
// "Pat Robertson: ", "Apple: "). Without a list of places, what tells
// them apart is how the text writes the word elsewhere, how the word
// reads, and how the sentence after it reads:
//
//   - an acronym is spelt out letter by letter ("NYPD", "FBI", "ESPN": no
//     vowel, or a cluster or a pair of vowels no English word opens or
//     ends with), or, said as a word ("NATO", "OPEC", "UNICEF"), is a body
//     the text is about and shows it (acronymLabel); a place in a
//     dateline is said as a word and written as a name, if at all, in the
//     text's prose (shortPlace, datelineLabel);
//   - a capitalised label is a place's when the text writes it after "in",
//     "near", "across" and the like ("protests in Mumbai"); a caption's,
//     a notice's or a person's label is not written so (placeLabel). One
//     the text never writes again is a dateline's when the sentence after
//     it is a dated lead that names its own subject (unplacedDateline).

// shortPlace reports whether w, a word of three or four letters in
// capitals before a text's colon, reads as a place rather than an
// acronym; rest is the sentence after the colon. The text names it as a
// place is written ("PUNE" and "the roads of Pune"), or it is sayable as a
// word, the text does not show it a body (acronymLabel: "GOA", "LIMA";
// "NATO" in a text that says "NATO allies", "OPEC" before ", the group
// said", are acronyms') and rest reads as a dateline's lead (reportLead):
// a body said as a word that the text says nothing more of ("NASA:
// Astronauts will return from the station next month.") is a label
// over its own news.
func shortPlace(w, rest, text string) bool {
	return namedAsPlace(w, text) || sayable(w) && !acronymLabel(w, rest, text) && reportLead(rest)
}

// reportLead reports whether s, the sentence after a label, reads as a
// dateline's lead: it says when (dated: "on Tuesday", "overnight") or
// refers to the place it has not named (refersToPlace: "through the
// capital", "across the country"), and a forecast in it ("will", "would")
// has its speaker (", the minister said"): a body's label stands over its
// own announcement, unsaid ("NASA: Astronauts will return to Earth on
// Friday ..."), and a reporter under a dateline says who said it.
func reportLead(s string) bool {
	if !dated(s) && !refersToPlace(s) {
		return false
	}
	forecast, said := false, false
	for w := range strings.FieldsSeq(s) {
		w = strings.TrimRight(w, ",.;:!?\"'”’")
		switch {
		case w == "will" || w == "would":
			forecast = true
		case bodyVerb(w) || speechVerb(w):
			said = true
		}
	}
	return !forecast || said
}

// refersToPlace reports whether s refers to a place it does not name, as
// a lead under a dateline refers to the dateline's: "the" before a
// place's noun not followed by "of" ("the capital", "the city's roads",
// "the town centre", "across the country"; not "the state of Kerala").
func refersToPlace(s string) bool {
	words := strings.Fields(s)
	for i := 1; i < len(words); i++ {
		if words[i-1] != "the" && words[i-1] != "The" {
			continue
		}
		w := strings.TrimRight(words[i], ",.;:!?")
		bare := strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")
		if placeNoun(bare) && (len(bare) < len(words[i]) || i+1 == len(words) || words[i+1] != "of") {
			return true
		}
	}
	return false
}

// placeNoun reports whether w names a place without naming which, as a
// lead names its dateline's: "city", "town", "capital", "state",
// "country", "province", "region", "island".
func placeNoun(w string) bool {
	switch w {
	case "city", "town", "capital", "state", "country", "province", "region", "island", "district", "village",
		"county", "port", "nation":
		return true
	}
	return false
}

// sayable reports whether w, a word in capitals of ASCII letters, can be
// said as an English word: it has a vowel, the consonants before its
// first vowel and after its last are one letter or a pair English words
// open or end with, and two vowels that open it are a pair English words
// open with ("GOA", "BERN", "KYIV", "AGRA", "OOTY"; not "FBI", "CDC",
// "NYPD", "ESPN", "IRS", "UEFA", "IAEA"). Y is a vowel but before a vowel.
func sayable(w string) bool {
	if len(w) > 1 && vowelAt(w, 0) && vowelAt(w, 1) && !vowelOnsets.has(w[:2]) {
		return false
	}
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
// English writes them ("DHAR", "KHAN"), open with; codas those they end
// with, but for a plural's "RS", which a short place does not end with and
// an acronym does ("IRS"). A single consonant is always both.
const (
	onsets clusters = "|BH|BL|BR|CH|CL|CR|DH|DR|DW|FL|FR|GH|GL|GR|GW|JH|KH|KL|KR|KW|KY|PH|PL|PR|SC|SH|SK|SL|SM|SN|SP|ST|SW|TH|TR|TW|WH|WR|ZH|"
	codas  clusters = "|CH|CK|CT|FT|GH|LD|LF|LK|LL|LM|LP|LT|MP|ND|NG|NK|NS|NT|PT|RB|RD|RG|RK|RL|RM|RN|RP|RT|SH|SK|SP|SS|ST|TH|TZ|"
	// droppedE are the pairs before an "e" that a suffix drops, which
	// English words end with ("dance", "starve", "nurse", "judge").
	droppedE clusters = "|DG|GN|LG|LS|LV|MN|NC|PS|RC|RS|RV|WN|XT|"
	// vowelOnsets are the pairs of vowels English words and places open
	// with ("AUGSBURG", "EUGENE", "OAXACA", "OOTY"); "UE", "IA", "UA" open
	// acronyms ("UEFA", "IAEA", "UAW").
	vowelOnsets clusters = "|AI|AU|AY|EA|EI|EU|EY|IO|OA|OI|OO|OU|OY|"
)

// writtenAgain reports whether text holds w, the word of the label that
// opens it, as a whole word in its prose (a possessive's "NATO's" counts):
// a label before a colon does not count, the one that opens text nor
// another dateline of the same city in a text of several reports.
func writtenAgain(w, text string) bool {
	for rest := text; ; {
		i := strings.Index(rest, w)
		if i < 0 {
			return false
		}
		end := i + len(w)
		if (i == 0 || !isWordByte(rest[i-1])) && (end == len(rest) || !isWordByte(rest[end]) && rest[end] != ':') {
			return true
		}
		rest = rest[end:]
	}
}

// placeLabel returns the length of a dateline in capitalised words that
// opens s, a text's first sentence or a lead line, with its colon and
// space ("Mumbai: ", "New Delhi: ", "Putnam County, FL: "), or 0: the
// label is one to three capitalised words, with a state or a country
// after a comma, and text names it after a word that places it ("in
// Mumbai", "across New Delhi", not "in Mumbai's"), or, one word, it
// opens a dated lead and is written nowhere else (unplacedDateline). A
// caption's or a notice's label ("Accused: ", "Analysis: ", "Update: ")
// is not written so, nor, but rarely, a person's ("Pat Robertson: ").
func placeLabel(s, text string) int {
	w, rest, ok := strings.Cut(s, ": ")
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
	if !placedIn(name, text) && (len(words) > 1 || state != "" || !unplacedDateline(name, rest, text)) {
		return 0
	}
	return len(w) + 2
}

// unplacedDateline reports whether w, one capitalised word before the
// colon that opens text, is a dateline that the text never names again
// ("Chennai: The Madras high court on Tuesday directed ..."); rest is the
// sentence after the colon. A lead after a dateline names its subject and
// its day: rest carries a weekday, "yesterday" or "today", and does not
// open on a pronoun ("Obama: We will sign the bill on Monday"), on a
// person and their age, as a caption does ("Heartbreak: Jane Doe, 34,
// was killed on Sunday"), or on the body the label names or a speaker it
// does not ("Apple: The company said on Tuesday ...", "Google: The search
// giant said ..."). The word is not a notice's, a caption's
// or a kicker's, and the text writes it only once ("Netflix: Subscribers
// will pay ..., Netflix said on Tuesday."). A word that ends as English
// words do ("Wanted", "Shocking", "Opinion", "Analysis"; "Reading",
// "Kunming") is a caption's label over a dated sentence ("Wanted: Police
// in Maryland issued a warrant on Monday ...") unless the sentence refers
// to a place it does not name, as a lead refers to its dateline's
// (refersToPlace: "Reading: Police on Monday arrested two men outside a
// nightclub in the town centre."). A topic's kicker over a dated lead
// ("Brexit: The government on Monday published ...") goes as a dateline
// does, as one in capitals does ("TRAFFIC: Two lanes ...").
func unplacedDateline(w, rest, text string) bool {
	upper := strings.ToUpper(w)
	if noticeWord(upper) || kickerWord(upper) || englishEnding(w) && !refersToPlace(rest) || writtenAgain(w, text) {
		return false
	}
	first, _, _ := strings.Cut(rest, " ")
	return !pronounWord(first) && dated(rest) && !personAndAge(rest) && !refersToBody(rest) && !opensOnSpeaker(rest)
}

// opensOnSpeaker reports whether s opens on "The", one to three words in
// small letters and a verb a body speaks with ("The search giant said",
// "The software maker announced"): a speaker the sentence does not name,
// the label's company or body. A lead after a dateline names its speaker
// ("Chief Minister Nitish Kumar said", "The Calcutta High Court said"),
// or places it ("The state government said").
func opensOnSpeaker(s string) bool {
	rest, ok := strings.CutPrefix(s, "The ")
	if !ok {
		return false
	}
	for k := 0; k < 4; k++ {
		w, after, _ := strings.Cut(rest, " ")
		if k > 0 && bodyVerb(w) {
			return true
		}
		bare := strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")
		if k == 3 || !lowerWord(strings.ReplaceAll(bare, "-", "")) || localWord(bare) {
			return false
		}
		rest = after
	}
	return false
}

// englishEnding reports whether w ends as English words do and places
// rarely do: "-ed", "-ing", "-ion", "-ive", "-sis", "-ness", "-ment",
// after a stem that ends as an English word can (stemEndsEnglish): "-ing"
// after "Kunm", "Beij" or "Chongq" ends no English word and many a
// Chinese city ("Kunming", "Beijing", "Chongqing").
func englishEnding(w string) bool {
	for _, end := range [...]string{"ed", "ing", "ion", "ive", "sis", "ness", "ment"} {
		if strings.HasSuffix(w, end) {
			return stemEndsEnglish(w[:len(w)-len(end)])
		}
	}
	return false
}

// stemEndsEnglish reports whether w, what is left of a word in ASCII letters
// without its suffix, ends as an English word's stem can: it has a vowel
// and ends on one, on one and a consonant but J or Q ("read", "want"), on
// a doubled consonant ("swimm"), on a pair English words end with (codas:
// "want", "chang"), or on a pair before a dropped "e" ("danc", "starv",
// "troubl"): not "Kunm", "Beij", "Chongq".
func stemEndsEnglish(w string) bool {
	u := strings.ToUpper(w)
	if !strings.ContainsAny(u, "AEIOUY") {
		return false
	}
	n := len(u)
	last := u[n-1]
	switch {
	case strings.IndexByte("AEIOUY", last) >= 0:
		return true
	case last == 'J' || last == 'Q' || n < 2:
		return false
	}
	pair := u[n-2:]
	return strings.IndexByte("AEIOUY", pair[0]) >= 0 || pair[0] == pair[1] || codas.has(pair) || droppedE.has(pair) || last == 'L'
}

// pronounWord reports whether w is a pronoun or a determiner that points
// back, which a quote or a caption opens on and a lead does not.
func pronounWord(w string) bool {
	switch w {
	case "I", "We", "You", "He", "She", "It", "They", "This", "That", "These", "Those", "There", "Here",
		"My", "Our", "Your", "His", "Her", "Its", "Their":
		return true
	}
	return false
}

// dated reports whether s names a weekday, "yesterday", "today",
// "tonight" or "overnight" as a whole word, as a news lead does.
func dated(s string) bool {
	for _, day := range [...]string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "yesterday", "today", "tonight", "overnight"} {
		if i := strings.Index(s, day); i > 0 && s[i-1] == ' ' && (i+len(day) == len(s) || !isWordByte(s[i+len(day)])) {
			return true
		}
	}
	return false
}

// personAndAge reports whether s opens on up to four capitalised words
// and an age between commas, as a caption's person does ("Dr Ram Manohar,
// 38, of Barnston ...").
func personAndAge(s string) bool {
	name, rest, ok := strings.Cut(s, ", ")
	if !ok || strings.Count(name, " ") > 3 {
		return false
	}
	for _, w := range strings.Split(name, " ") {
		if !nameWord(w) && !abbreviatedTitle(w) {
			return false
		}
	}
	age, _, ok := strings.Cut(rest, ",")
	return ok && age != "" && len(age) <= 3 && strings.Trim(age, "0123456789") == ""
}

// abbreviatedTitle reports whether w is a title written before a name
// ("Dr", "Mr.", "Mrs").
func abbreviatedTitle(w string) bool {
	switch strings.TrimSuffix(w, ".") {
	case "Dr", "Mr", "Mrs", "Ms", "Sgt", "Lt", "Capt", "Gen", "Rev", "St":
		return true
	}
	return false
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
