package summarize

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Pages whose paragraphs were run together upstream glue photo captions
// into the prose with no full stop between them: "... a kite festival
// last Saturday Skilful: The kite weighs 200 kilograms ...". Such run-on
// sentences are split, and the captions are not offered for a summary.
// The patterns are English only: German capitalises nouns, so "der
// Minister Müller: Wir" is prose.
// appendParts appends the parts of sentence sent to dst, split where a
// caption or a new sentence is glued in (see gluedAt), in lang. Every
// part but the last lacks a full stop, so it is a caption; the last part
// is one when it starts with a caption label.
func appendParts(dst []part, sent string, lang language) []part {
	if lang != langEnglish || !strings.Contains(sent, " ") {
		return append(dst, part{text: sent})
	}
	from := 0
	// prev is the word before the space at i; words are split on spaces.
	prevStart := 0
	for i := strings.IndexByte(sent, ' '); i >= 0; {
		at := i + 1
		prev := sent[prevStart:i]
		if prevStart > 0 && at > from && (gluedAt(prev, sent[at:]) || runOnAt(sent, at)) {
			if p := strings.TrimSpace(sent[from:at]); p != "" {
				dst = append(dst, part{text: p, caption: true})
			}
			from = at
		}
		prevStart = at
		j := strings.IndexByte(sent[at:], ' ')
		if j < 0 {
			break
		}
		i = at + j
	}
	last := sent[from:]
	return append(dst, part{text: last, caption: startsWithLabel(last) || capsLabel(last) > 0})
}

// gluedAt reports whether a caption or a new sentence starts at rest, the
// text after the word prev and a space, inside a run-on sentence: a
// caption label ("Skilful:", "Proud mum:") after a word that no full stop
// ended; after a word in lower case, a word that English capitalises only
// at the start of a sentence ("... to the curriculum It means ..."); such a
// word, "The" and "A" included, after a closing quotation mark ("... was
// 'too hot' The incident ..."); "The" after a caption's closing bracket
// ("(file photo) The boy ..."); after a word in lower case, an article, a
// determiner or a preposition capitalised before another word in lower case
// ("... in woodland In many of the pictures ...").
func gluedAt(prev, rest string) bool {
	// Every case below needs a capital at rest: most words are turned down
	// here, before prev is read.
	if c := rest[0]; c < utf8.RuneSelf {
		if c < 'A' || c > 'Z' {
			return false
		}
	} else if r, _ := utf8.DecodeRuneInString(rest); !unicode.IsUpper(r) {
		return false
	}
	bracket := strings.HasSuffix(prev, ")")
	if bracket {
		prev = strings.TrimPrefix(prev[:len(prev)-1], "(") // "(pictured)": a bracket of one word
	}
	quote := false
	if !bracket {
		if r, size := utf8.DecodeLastRuneInString(prev); r == '’' || r == '\'' || r == '”' || r == '"' {
			prev, quote = strings.TrimLeft(prev[:len(prev)-size], "‘'“\""), true // a quoted word: 'finals'
		}
	}
	if utf8.RuneCountInString(prev) < 2 || !allRunes(prev, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) {
		return false
	}
	if quote && !startsWithLabel(rest) {
		// A closing quotation mark, then a word English capitalises only at
		// a sentence's start: a caption or a sentence that ended in a quote
		// had its full stop lost ("... dubbed ‘The First Great Escape’ The
		// story of how ...", "... was 'too hot' The incident ...").
		word, _, _ := strings.Cut(rest, " ")
		if len(word) == len(rest) {
			return false
		}
		switch word {
		case "It", "He", "She", "They", "We", "However,", "But", "Meanwhile,", "A", "An", "The":
			return true
		}
		return false
	}
	stop := isStopWord(langEnglish, strings.ToLower(prev))
	if w, _, _ := strings.Cut(rest, " "); capsWord(prev) && capsWord(strings.TrimSuffix(w, ":")) {
		return false // inside a label in capitals: "CURRENT JOB: ..."
	}
	if startsWithLabel(rest) {
		// A label glued in goes on with a capital ("... last Saturday
		// Skilful: The kite weighs ..."). After a function word ("the",
		// "of", "an", "new") the colon is a name's or a work's title's in
		// the sentence ("in the Ledger: council votes", "release of Fall
		// of an Empire: The Story of ...", "With the new Avengers: Age of
		// Ultron movie ..."), and so it is after a capitalised word when a
		// Title-Case subtitle follows ("in Captain America: Civil War.").
		// A title is one word or in Title Case: a label with a word in lower
		// case is a caption's ("... in older seniors, it Boost your calcium:
		// The best ..."), and so is a label of capitals after capitals, a
		// heading's ("SHOW US YOUR MEDALS: Played 133 Tests").
		if stop && !allRunes(prev, unicode.IsUpper) && !strings.Contains(rest[:strings.IndexByte(rest, ':')], " ") {
			return false
		}
		return capitalAfterColon(rest) && !(capitalised(prev) && workTitle(rest))
	}
	if stop {
		return false
	}
	if !allRunes(prev, unicode.IsLower) {
		return false
	}
	word, _, _ := strings.Cut(rest, " ")
	if len(word) == len(rest) {
		return false // the last word: nothing is glued after it
	}
	switch word {
	case "It", "He", "She", "They", "We", "However,", "But", "Meanwhile,":
		return true
	case "A", "An":
		return !takesLetterLabel(prev)
	case "The", "In", "On", "At", "This", "His", "Her", "Their", "After", "When", "While", "During":
		// Between two lower-case words these open a sentence whose full
		// stop was lost ("... camouflaged in woodland In many of the
		// pictures ...", "... appears disinterested The reptile then ...");
		// before a capital they are a name's ("the film In Bruges", "near
		// The Hague"). "The" after a caption's bracket opens one anyway.
		after := rest[len(word)+1:]
		if (word == "In" || word == "On") && after != "" && after[0] >= '0' && after[0] <= '9' {
			return true // a date opens the sentence: "... 100 years ago In 2006, after ..."
		}
		return word == "The" && bracket || startsLower(after)
	}
	return false
}

// startsLower reports whether s starts with a lower-case letter.
func startsLower(s string) bool {
	if s == "" {
		return false
	}
	if c := s[0]; c < utf8.RuneSelf {
		return 'a' <= c && c <= 'z'
	}
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r)
}

// startsWithLabel reports whether s starts with a caption label: a
// capitalised word and up to two more in lower case, the last ending in a
// colon, then a space and a letter ("Flying high: Half of the kite ...",
// "Proud mum: Jean with ...").
func startsWithLabel(s string) bool {
	if r, _ := utf8.DecodeRuneInString(s); !unicode.IsUpper(r) {
		return false
	}
	for k := 0; k < 3; k++ {
		end := strings.IndexByte(s, ' ')
		if end < 0 {
			return false
		}
		word := s[:end]
		colon := strings.HasSuffix(word, ":")
		word = strings.TrimSuffix(word, ":")
		if word == "" || !allRunes(word, func(r rune) bool { return unicode.IsLetter(r) || r == '\'' || r == '’' || r == '-' }) {
			return false
		}
		if k > 0 && !allRunes(word, func(r rune) bool { return !unicode.IsUpper(r) }) {
			return false
		}
		if colon {
			r, _ := utf8.DecodeRuneInString(s[end+1:])
			return unicode.IsLetter(r)
		}
		s = s[end+1:]
	}
	return false
}

func allRunes(s string, f func(rune) bool) bool {
	for _, r := range s {
		if !f(r) {
			return false
		}
	}
	return true
}

// part is a sentence, or a piece of a run-on one, and whether it is a
// photo caption.
type part struct {
	text    string
	caption bool
}

// leansBack reports whether sentence s, in lang, of the given number of
// words, is too short to stand without the sentence before it: fewer than
// minSentenceWords words, one of them a third-person pronoun ("Nurses staff
// it.", "Police questioned him."). Such a sentence says something only
// about what an earlier one named, so when that one is left out it is a
// fragment, wherever its pronoun stands. It is false for other languages.
func leansBack(s string, words int, lang language) bool {
	if lang != langEnglish || words >= minSentenceWords {
		return false
	}
	for w := range strings.FieldsFuncSeq(s, func(r rune) bool { return !unicode.IsLetter(r) }) {
		switch strings.ToLower(w) {
		case "it", "its", "they", "them", "their", "he", "him", "his", "she", "her":
			return true
		}
	}
	return false
}

// dependsOnPrevious reports whether sentence s, in lang, opens with a
// pronoun or a connective that refers to the sentence before it ("He
// said ...", "But ...", "However, ..."), so that it cannot open a summary
// on its own.
func dependsOnPrevious(s string, lang language) bool {
	if lang != langEnglish {
		return false
	}
	s, end := openingWord(s)
	switch s[:end] {
	case "He", "She", "They", "It", "His", "Her", "Their", "Its", "Him", "Them", "These", "Those",
		"But", "However", "And", "So", "Also", "Yet", "Still", "Instead", "Meanwhile", "Nevertheless",
		"Moreover", "Furthermore", "Then", "Such", "Otherwise", "Besides", "Likewise", "Similarly",
		"Both", "Nonetheless", "Thus", "Therefore", "Hence", "Additionally", "Consequently", "Accordingly":
		return true
	case "Now":
		// "Now" set against what the sentence before told ("Now, a
		// study has found it may ...", "Now the ban is being lifted"),
		// not the phrase "Now in its third year, ..." that stands alone.
		next, _, _ := strings.Cut(strings.TrimLeft(s[end:], " "), " ")
		return next != "in"
	case "As", "In", "Despite", "On", "After":
		// A connective of several words and its comma ("As a result, …",
		// "In addition, …", "Despite this, …", "On the other hand, …"); "In
		// addition to the fine, …" and "As a result of …" stand alone.
		for _, c := range [...]string{"As a result", "In addition", "In response", "In turn", "Despite this", "Despite that", "On the other hand", "After that"} {
			if strings.HasPrefix(s, c+",") {
				return true
			}
		}
	case "This", "That":
		// A demonstrative standing for what came before, followed by its
		// verb ("This would have meant ..."), not one before a noun
		// ("This week ...").
		next, _, _ := strings.Cut(strings.TrimLeft(s[end:], " "), " ")
		switch next {
		case "would", "could", "will", "may", "might", "should", "was", "is", "has", "had", "means", "meant", "came", "comes", "led", "follows", "followed":
			return true
		}
	}
	return pronounAfterOpening(s)
}

// introWords open a phrase of time or place set before a sentence's
// subject ("Last year, he …", "On Monday, they …"); words that open a
// clause with its own subject ("When officers arrived, they …") are not
// among them.
var introWords = map[string]bool{"in": true, "on": true, "at": true, "last": true, "earlier": true, "later": true,
	"during": true, "since": true, "for": true, "within": true, "despite": true, "with": true, "without": true}

// calendarWords are the capitalised words a phrase holds that name nobody.
var calendarWords = map[string]bool{"Monday": true, "Tuesday": true, "Wednesday": true, "Thursday": true, "Friday": true,
	"Saturday": true, "Sunday": true, "January": true, "February": true, "March": true, "April": true, "May": true, "June": true,
	"July": true, "August": true, "September": true, "October": true, "November": true, "December": true}

// pronounAfterOpening reports whether s opens with a short phrase and its
// comma, then a pronoun as the subject, where the phrase offers no one for
// the pronoun to stand for: it names nobody (no capitalised word after its
// first) and itself refers back ("In an unsuccessful effort to save his
// life, he was driven to the hospital."), or is a participle's phrase of up
// to six words ("Speaking to reporters on Monday, they said …", "Blended
// into the background, these models …"), or a phrase of time or place of
// up to three ("Last year, he …"). A clause with its own subject ("When
// officers arrived on the scene, they found …"), a phrase that names
// someone ("After Smith was arrested, he told police …") and an "it" that
// stands for nothing ("At the time, it was unclear …") stand alone.
func pronounAfterOpening(s string) bool {
	comma := strings.Index(s, ", ")
	if comma <= 0 || comma > 100 {
		return false
	}
	next, _, _ := strings.Cut(s[comma+2:], " ")
	switch next {
	case "he", "she", "they", "these", "those":
		// not a possessive ("For many people with severe disabilities,
		// their families and carers, …": a list's comma)
	default:
		return false
	}
	opening := strings.Fields(s[:comma])
	if len(opening) > 12 {
		return false
	}
	refersBack := false
	for _, w := range opening[1:] {
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) && !calendarWords[strings.Trim(w, ".,")] {
			return false
		}
		switch strings.ToLower(strings.Trim(w, ".,;:'’\"")) {
		case "he", "she", "they", "his", "her", "their", "him", "them", "hers", "theirs":
			refersBack = true
		}
	}
	first := strings.ToLower(opening[0])
	participle := strings.HasSuffix(first, "ing") || strings.HasSuffix(first, "ed")
	return refersBack || participle && len(opening) <= 6 || introWords[first] && len(opening) <= 3
}

// endsSentence reports whether s ends like a sentence of prose, with a
// full stop, question or exclamation mark or ellipsis before any closing
// quotes or brackets. A line without one is a heading, a caption or a
// label ("Liverpool into last four after Euro thriller").
func endsSentence(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(strings.TrimRight(s, `"'”’»)]」』）`))
	switch r {
	case '.', '!', '?', '…', '。', '！', '？', '｡':
		return true
	}
	return false
}

// takesLetterLabel reports whether word takes a letter as its label
// ("vitamin A supplements", "a Type A personality", "Plan A is off"), so
// that "A" after it is no new sentence.
func takesLetterLabel(word string) bool {
	switch strings.ToLower(word) {
	case "vitamin", "type", "plan", "grade", "class", "group", "category", "hepatitis", "section", "part",
		"level", "exhibit", "size", "row", "option", "route", "block", "wing", "division", "league", "list",
		"series", "tier", "pool", "gate", "terminal", "platform", "stage", "figure", "appendix", "annex",
		"schedule", "paragraph", "article", "chapter", "flight", "building", "floor", "unit", "bay", "team":
		return true
	}
	return false
}

// capitalAfterColon reports whether the first colon in s is followed by a
// space and a capital letter.
func capitalAfterColon(s string) bool {
	i := strings.Index(s, ": ")
	if i < 0 {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s[i+2:])
	return unicode.IsUpper(r)
}

// workTitle reports whether s, which starts with a caption label (see
// startsWithLabel) after a capitalised word, ends a work's title instead
// and goes on with its subtitle:
// one capitalised word, not a caption's own word such as "Photo", then a
// colon and a run of at least two capitalised words, in Title Case, that
// holds a lower-case joining word between two of them ("Avengers: Age of
// Ultron movie", "Empire: The Story of Katherine") or ends the sentence
// ("America: Civil War.", "Wars: The Force Awakens."). A label's caption
// opens on a sentence: "Skilful: The kite weighs", "Arrested: Atlanta
// Hawks' players", "Quiet: Ms Jackson and Mr Ray were".
func workTitle(s string) bool {
	label, rest, ok := strings.Cut(s, ": ")
	if !ok || strings.Contains(label, " ") || !capitalised(label) || captionWord(label) {
		return false
	}
	capitals, joined := 0, false
	pending := false // a joining word after the last capital
	for rest != "" {
		word, after, _ := strings.Cut(rest, " ")
		rest = after
		bare := strings.TrimRight(word, ".!?")
		end := len(bare) < len(word)
		switch {
		case bare != "" && capitalisedWord(bare):
			capitals++
			joined = joined || pending && capitals > 1
			pending = false
			if end {
				return capitals >= 2
			}
		case capitals > 0 && !pending && titleJoiner(bare):
			pending = true
		default:
			return capitals >= 2 && joined
		}
	}
	return false
}

// capitalisedWord reports whether w, a word of a title, starts with a
// capital and goes on in letters, apostrophes or hyphens ("Ultron",
// "Hawks'", "Won't"); "Tbilisi," with its comma is none.
func capitalisedWord(w string) bool {
	r, size := utf8.DecodeRuneInString(w)
	if !unicode.IsUpper(r) {
		return false
	}
	return allRunes(w[size:], func(r rune) bool { return unicode.IsLetter(r) || r == '\'' || r == '’' || r == '-' })
}

// titleJoiner reports whether w is a word English titles leave in lower
// case between two capitalised ones ("Age of Ultron", "Dawn of Justice").
// "and" is not one: it joins names in a caption ("Ms Jackson and Mr Ray").
func titleJoiner(w string) bool {
	switch w {
	case "of", "the", "a", "an", "in", "on", "at", "to", "for", "from", "v", "vs":
		return true
	}
	return false
}

// captionWord reports whether w is a label that names a caption, a credit
// or a player's content ("Photo: Metro Video", "Video: Police Seek ...").
func captionWord(w string) bool {
	switch strings.ToLower(w) {
	case "photo", "photos", "picture", "pictures", "pictured", "image", "images", "video", "videos", "watch",
		"caption", "credit", "source", "file", "gallery", "slideshow", "update", "updated", "posted", "raw":
		return true
	}
	return false
}

// cutFromItsStart reports whether sentence s, in lang, is a piece of a
// sentence cut from its start (a page's line break, a clipped teaser:
// "town and asking what could have happened."): it opens on a word in
// small letters that is not a particle before a name ("de Blasio said
// …") nor a brand written so ("iPhone sales …"). It is false for other
// languages. A text whose sentences all open so is written in small
// letters; the caller asks only of a text with a sentence in capitals.
func cutFromItsStart(s string, lang language) bool {
	if lang != langEnglish {
		return false
	}
	s, end := openingWord(s)
	if !lowerWord(s[:end]) {
		return false
	}
	next, _, _ := strings.Cut(strings.TrimLeft(s[end:], " "), " ")
	r, _ := utf8.DecodeRuneInString(next)
	return !unicode.IsUpper(r)
}

// opensInCapital reports whether some sentence of sents opens on a
// capital letter (after any opening quote).
func opensInCapital(sents []string) bool {
	for _, s := range sents {
		r, _ := utf8.DecodeRuneInString(strings.TrimLeft(s, `"'“‘`))
		if unicode.IsUpper(r) {
			return true
		}
	}
	return false
}

// openingWord returns s without its opening quotes and the end of its
// first word (its letters) in what is returned.
func openingWord(s string) (string, int) {
	s = strings.TrimLeft(s, `"'“‘`)
	end := strings.IndexFunc(s, func(r rune) bool { return !unicode.IsLetter(r) })
	if end < 0 {
		end = len(s)
	}
	return s, end
}

// lowerWord reports whether w is a word of lower-case ASCII letters only.
func lowerWord(w string) bool {
	if w == "" {
		return false
	}
	for i := 0; i < len(w); i++ {
		if w[i] < 'a' || w[i] > 'z' {
			return false
		}
	}
	return true
}
