package summarize

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// A lead whose full stop was lost upstream runs into the sentence after it
// ("This week is the 100th anniversary of ... 1.5 million Armenians And
// it's also the seventh year ..."), and appendParts splits it there as it
// splits a caption from the sentence glued after it. A caption glued to
// the next sentence is common on the pages of every outlet; a text that
// opens with one before "And" or "But" is not: a caption glued before the
// text's first sentence is followed by that sentence, which opens on its
// own subject ("Accused: Dr Ram Manohar ... has denied four counts of
// sexual assault A senior doctor ..."), never on a conjunction that goes on
// from what came before.

// keepLead turns parts, the parts of a text's first sentence, back into a
// lead sentence and what follows when the sentence was split before "And"
// or "But": the first part is then the lead, given back its full stop, not
// a caption. A part that opens on a caption label or ends on a bracket
// ("(pictured)") stays a caption. A whole first sentence that opens on a
// label in capitals is a kicker over the lead ("ALBUQUERQUE QUINTUPLE
// MURDERS: According to KOB, friends identified ..."): the lead is kept
// without the label when a sentence of at least minSentenceWords words
// follows it with a full stop; a label over a fragment ("LIVE UPDATES:
// Twitter, Facebook", "WALL OF JUSTICE: The Dayton Police Department is
// asking for your help") stays a caption. keepLead reports whether it
// changed a part's text.
func keepLead(parts []part, text string) bool {
	if len(parts) == 1 {
		return keepKickedLead(&parts[0], text)
	}
	if len(parts) < 2 || !parts[0].caption || startsWithLabel(parts[0].text) || strings.HasSuffix(parts[0].text, ")") {
		return false
	}
	switch w, _, _ := strings.Cut(parts[1].text, " "); w {
	case "And", "But":
		parts[0] = part{text: parts[0].text + "."}
		return true
	}
	return false
}

// keepKickedLead turns p, a text's whole first sentence, into the lead
// without its kicker label in capitals (see keepLead), or without the
// dateline of one word in capitals that Indian and Pakistani papers put
// before it ("MUMBAI: The state government on Monday ...", see
// datelineLabel), or without a kicker's word in capitals or in mixed case
// ("Exclusive: ", "Breaking: ", see kickerLabel) unless the sentence
// calls the reader ("Live: Follow the results ..."); text is the whole
// text. It reports whether it did.
func keepKickedLead(p *part, text string) bool {
	n := capsLabel(p.text)
	if n == 0 {
		n = datelineLabel(p.text, text)
	}
	kicker := false
	if n == 0 {
		n = kickerLabel(p.text)
		kicker = n > 0
	}
	if n == 0 {
		return false
	}
	rest := strings.TrimSpace(p.text[n:])
	if first, _, _ := strings.Cut(rest, " "); kicker && callToAction(first) {
		return false // "Live: Follow the results as they come in ..." is the page's, not the story's
	}
	if r, _ := utf8.DecodeRuneInString(rest); !unicode.IsUpper(r) || !endsSentence(rest) || countWords(rest) < minSentenceWords {
		return false
	}
	*p = part{text: rest}
	return true
}

// datelineLabel returns the length of the dateline that opens s, a text's
// first sentence, with its colon and space: a city in capitals alone
// ("MUMBAI: ", "ISLAMABAD: "), or in capitalised words that text writes
// after "in" or the like ("Mumbai: ", "New Delhi: ", see placeLabel), or
// 0 when s opens otherwise. A label of one word in capitals is a
// dateline's only when it names no notice, section or source (noticeWord:
// "NOTE:", "CORRECTION:", "POLICE:"), and, under five letters, when it
// reads as a place (shortPlace: "PUNE:" and "the roads of Pune", "GOA:"
// in a text that writes GOA nowhere else): an acronym's label ("NYPD:",
// "NATO:" in a text about NATO or before "The alliance") stays a caption.
// A longer one is a body's when the text shows it (acronymLabel: "UNICEF:
// The children's agency said ...", "UNESCO: ... UNESCO said") and does
// not name it as a place. keepKickedLead then asks for a sentence after
// it.
func datelineLabel(s, text string) int {
	w, rest, ok := strings.Cut(s, ": ")
	if !ok {
		return 0
	}
	if !capsWord(w) {
		return placeLabel(s, text)
	}
	if strings.ContainsAny(w, "'’&") || noticeWord(w) || len(w) < 3 {
		return 0
	}
	if len(w) < 5 && !shortPlace(w, rest, text) || len(w) >= 5 && !namedAsPlace(w, text) && acronymLabel(w, rest, text) {
		return 0
	}
	return len(w) + 2
}

// kickerLabel returns the length of a kicker's label in capitals or in a
// capitalised word that opens s, with its colon and space ("Exclusive: ",
// "BREAKING: ", "Breaking news: ", "Analysis: "), or 0. keepKickedLead
// asks for a sentence after it ("Exclusive: teen described how ..." is a
// headline, and stays a caption), and takes it only from a text's first
// sentence: "Analysis: the results show ..." inside a text is prose.
func kickerLabel(s string) int {
	w, _, ok := strings.Cut(s, ": ")
	if !ok || len(w) > len("breaking news") {
		return 0
	}
	if u := strings.ToUpper(w); kickerWord(u) && (w == u || w[1:] == strings.ToLower(w[1:])) {
		return len(w) + 2
	}
	return 0
}

// callToAction reports whether w is a verb that opens a page's call to
// its reader, as a live page's or a player's kicker is followed by ("Live:
// Follow the results ...", "Watch: See the moment ...").
func callToAction(w string) bool {
	switch w {
	case "Follow", "Watch", "Read", "Click", "Join", "See", "Get", "Stay", "Keep", "Sign", "Subscribe", "Tap",
		"Scroll", "Listen", "Tune", "Check", "Find", "Catch", "Share":
		return true
	}
	return false
}

// kickerWord reports whether w, in capitals, is a label that flags what
// kind of story follows, not a notice about it: "EXCLUSIVE", "BREAKING",
// "WATCH", "LIVE", "ANALYSIS", "OPINION". A notice ("WARNING: This story
// contains ...", "CORRECTION: ...") is the sentence's subject and stays.
func kickerWord(w string) bool {
	switch w {
	case "EXCLUSIVE", "BREAKING", "BREAKING NEWS", "JUST IN", "DEVELOPING", "WATCH", "LIVE", "ANALYSIS",
		"OPINION", "COMMENT", "EDITORIAL", "COMMENTARY", "EXPLAINER", "FACTBOX", "REVIEW", "REVEALED":
		return true
	}
	return false
}

// keepDatelineLead turns p, the part that is all of sent, one of the first
// sentences of text after its first, into the lead without its dateline
// when sent opens a line with a city in capitals (datelineLabel, or a
// label of words in capitals: "NEW DELHI: ") that text names elsewhere as
// a place is written, after a word in small letters ("CHENNAI: The state
// power utility ..." under "A worker repairs a power line in Chennai.");
// it reports whether it did. A word in capitals that the text writes
// nowhere else in a sentence ("SUSPECT: John Doe, 34, was arrested.") is
// a kicker's under the lead, and stays a caption. When headed, no sentence
// before sent ends with a full stop (a heading or a caption without one:
// "Students at a coaching centre in Rajasthan"), and sent is the text's
// lead: its label goes as the first sentence's does (keepKickedLead),
// named elsewhere or not, a kicker's too, when a full stop ends it (a
// station's promotion under its headings asks a question: "ACTION NEWS
// JAX INVESTIGATES: What would your child do if they discover a gun?").
func keepDatelineLead(p *part, sent, text string, headed bool) bool {
	n := datelineLabel(p.text, text)
	if n == 0 {
		n = capsLabel(p.text) // "NEW DELHI: "
	}
	if n == 0 {
		return false
	}
	at := strings.Index(text, sent)
	if at <= 0 || text[at-1] != '\n' {
		return false
	}
	if !namedAsPlace(p.text[:n-2], text) && (!headed && !describesPhotos(text[:at]) || !strings.HasSuffix(strings.TrimRight(p.text, `"'”’`), ".")) {
		return false
	}
	return keepKickedLead(p, text)
}

// describesPhotos reports whether s, what a text holds before a dateline
// line, is sentences that describe a photo, as captions do, in the
// present tense and without a verb of the past, the perfect or the
// future ("A worker repairs a power line after the storm.", "Voters queue
// outside a polling booth on Tuesday."): a lead has one ("Police shot a
// man on Main Street on Monday night.").
func describesPhotos(s string) bool {
	if strings.TrimSpace(s) == "" {
		return false
	}
	for w := range strings.FieldsSeq(s) {
		w = strings.ToLower(strings.Trim(w, `.,;:!?"'“”‘’()`))
		if len(w) > 4 && strings.HasSuffix(w, "ed") && !strings.HasSuffix(w, "eed") || tenseWord(w) {
			return false
		}
	}
	return true
}

// tenseWord reports whether w is an auxiliary of the past, the perfect
// or the future, or a common verb in the past that does not end in "-ed".
func tenseWord(w string) bool {
	switch w {
	case "was", "were", "had", "has", "have", "will", "would", "could", "said", "says", "told", "shot", "hit",
		"took", "found", "left", "fell", "ran", "went", "came", "made", "held", "got", "saw", "gave", "won", "lost",
		"began", "broke", "struck", "fled", "led", "caught", "stole", "threw", "sent", "sold", "paid", "met",
		"kept", "brought", "bought", "put", "set", "cut", "hurt", "rose", "drove", "flew", "knew", "wrote",
		"spoke", "stood", "fought", "became", "beat", "killed":
		return true
	}
	return false
}

// namedAsPlace reports whether text writes w, words in capitals, as a
// name after a word in small letters: "PUNE" as in "the roads of Pune",
// "NEW DELHI" as in "talks in New Delhi".
func namedAsPlace(w, text string) bool {
	name := []byte(strings.ToLower(w))
	for i := range name {
		if c := name[i]; 'a' <= c && c <= 'z' && (i == 0 || name[i-1] == ' ' || name[i-1] == '-') {
			name[i] = c - 'a' + 'A'
		}
	}
	return namedAs(string(name), text)
}

// namedAs reports whether text holds name as a whole word after a word in
// small letters.
func namedAs(name, text string) bool {
	for rest := text; ; {
		i := strings.Index(rest, name)
		if i < 0 {
			return false
		}
		before := strings.TrimRight(rest[:i], " ")
		end := i + len(name)
		if len(before) < i && (end == len(rest) || !isWordByte(rest[end])) {
			if r, _ := utf8.DecodeLastRuneInString(before); unicode.IsLower(r) {
				return true
			}
		}
		rest = rest[end:]
	}
}

// isWordByte reports whether c is an ASCII letter or digit.
func isWordByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

// noticeWord reports whether w, a word in capitals before a colon, is a
// notice's, a section's or a source's label rather than a place: "NOTE",
// "CORRECTION", "UPDATE", "EXCLUSIVE", "POLICE", "OFFICIALS"; and short
// ones said as words ("EDIT", "TIP", "INFO"), which shortPlace would take
// for a place.
func noticeWord(w string) bool {
	if captionWord(w) {
		return true
	}
	switch w {
	case "NOTE", "NOTES", "CORRECTION", "CORRECTIONS", "CLARIFICATION", "CAUTION", "WARNING", "ALERT", "ADVISORY",
		"DISCLAIMER", "REMINDER", "ATTENTION", "IMPORTANT", "SPOILER", "SPOILERS", "UPDATES", "ORIGINAL", "PREVIOUS",
		"EARLIER", "RELATED", "BREAKING", "DEVELOPING", "EXCLUSIVE", "OPINION", "ANALYSIS", "EDITORIAL", "COMMENTARY",
		"REVIEW", "EXPLAINER", "FACTBOX", "LISTEN", "READ", "MORE", "ALSO", "DATE", "TIME", "WHEN", "WHERE", "WHAT",
		"WHO", "WHY", "HOW", "SUMMARY", "BACKGROUND", "CONTEXT", "QUESTION", "ANSWER", "POLICE", "OFFICIALS",
		"SHERIFF", "CORONER", "AUTHORITIES", "WITNESSES", "PROSECUTORS", "SOURCES", "SOURCE", "REPORT", "STUDY",
		"POLL", "SURVEY", "DOCTORS", "EXPERTS", "FAMILY", "LAWSUIT", "DOCUMENTS", "RECORDS",
		"EDIT", "EDITS", "TIP", "TIPS", "INFO", "FAQ":
		return true
	}
	return false
}
