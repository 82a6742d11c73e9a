package summarize

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Daily Mail-style pages run a photo caption into the next paragraph with
// no full stop, and the caption often ends on a capitalised word, a number
// or a closing name, where gluedAt (which looks for a lower-case word
// before the glue) does not see it:
//
//	"... urged patriotic Scots to vote Labour And he warned that ..."
//	"... is now offering to post tweets for $20 He was once ..."
//	"... keep his job on Friday ‘I’d be over the moon,’ said Locke."
//	"... trophy by Ian Wright at Sandown on Saturday Wright is now a pundit"
//
// runOnAt finds these joins; appendParts splits there and, as for every
// piece without a full stop, offers none of the piece before the join.
// Names stay whole: "Marks And Spencer" has a capital after "And", "Prime
// Minister Theresa May" has no verb after it, and "striker Defoe added"
// names a role before the surname.

// runOnAt reports whether a new sentence starts at sent[at:], inside a
// run-on English sentence, where sent[at-1] is the space before it.
func runOnAt(sent string, at int) bool {
	if at < 2 || at >= len(sent) {
		return false
	}
	// Most words start in lower case: turned down before any scan.
	if c := sent[at]; c < utf8.RuneSelf && (c < 'A' || c > 'Z') && c != '\'' && c != '"' {
		return false
	}
	prev := sent[:at-1]
	if i := strings.LastIndexByte(prev, ' '); i >= 0 {
		prev = prev[i+1:]
	}
	rest := sent[at:]
	if prev == "" {
		return false
	}
	if capsLabel(rest) > 0 && !capsWord(strings.TrimRight(prev, ":")) {
		// A label in capitals inside a sentence starts a fact box or a
		// caption: "Michael Vaughan (Age 40) CURRENT JOB: Broadcaster and
		// columnist.", "... significantly inflated FACEBOOK FAKERY: Clinton
		// boasts ...".
		return true
	}
	word, after, ok := strings.Cut(rest, " ")
	if !ok {
		return false // the last word: nothing is glued after it
	}
	if quoteOpener(word) {
		return quotationGlued(sent[:at-1], prev, rest)
	}
	if r, _ := utf8.DecodeRuneInString(word); !unicode.IsUpper(r) {
		return false
	}
	switch word {
	case "Millions", "Thousands", "Hundreds", "Dozens":
		// A plural of a number opens a sentence and stands in no name or
		// title before a word in lower case: "... lost his case at the
		// Court of Appeal Millions of motorists face ...".
		if r, _ := utf8.DecodeLastRuneInString(prev); (unicode.IsLetter(r) || unicode.IsDigit(r)) && startsLower(after) {
			return true
		}
	case "He", "She", "They", "It", "We":
		if startsLower(after) && !functionWord(after) && titleCaseCaption(sent[:at-1]) {
			return true
		}
	}
	switch {
	case endsDigit(prev) && (word == "He" || word == "She" || word == "They" || word == "It" || word == "We"):
		// A pronoun after a figure: "... post tweets for $20 He was once
		// ...". After a capital a pronoun may end a title: "the horse
		// Don't Push It won".
		return startsLower(after) && !functionWord(after)
	case capitalised(prev) || endsDigit(prev):
		// A caption's last word is a name or a figure ("vote Labour",
		// "for $20"), then a word that opens a sentence and never a name
		// before a word in lower case.
		switch word {
		case "And", "But", "It's", "It’s", "That's", "That’s":
			return startsLower(after)
		case "Elsewhere,", "Meanwhile,", "However,":
			return true
		case "In", "The", "This", "His", "Her", "Their", "After", "When", "While", "During":
			// Between a capital and a word in lower case; a title in Title
			// Case has a capital after them ("Alice In Wonderland", "Lord
			// Of The Rings").
			return startsLower(after) && !functionWord(after)
		}
	case isLowerWord(prev):
		switch word {
		case "With", "As", "Following", "Despite", "Although", "And":
			// A preposition or a conjunction capitalised between two words in
			// lower case ("... dumbing down With just two million listeners
			// ..."); in a title it sits between capitals ("Dancing With the
			// Stars" has a capital before it).
			return startsLower(after)
		case "The":
			// "The" after an object pronoun ends a clause: "... loves to
			// chase after him The video maker ...".
			switch prev {
			case "him", "them", "me", "us":
				return startsLower(after)
			}
		}
	}
	return surnameGlued(sent[:at-1], prev, word, after)
}

// quotationGlued reports whether rest, an opening quotation mark and what
// follows, is an attributed quotation ("‘I’d be over the moon,’ said
// Locke") glued to the caption before it, ending on the word prev: a
// quotation in prose follows a verb of saying, a colon or a function word
// ("told reporters: ‘We …", "he said ‘We …", "the slogan that ‘We …").
func quotationGlued(before, prev, rest string) bool {
	if r, _ := utf8.DecodeLastRuneInString(prev); !unicode.IsLetter(r) {
		return false // "…:", "…," before the quote: it is introduced; "3:22 'Their …": a playlist's times
	}
	low := strings.ToLower(prev)
	if isStopWord(langEnglish, low) || speechVerb(low) {
		return false
	}
	// The word before prev is a verb of saying: "told reporters ‘We …".
	if i := strings.LastIndexByte(strings.TrimRight(before[:len(before)-len(prev)], " "), ' '); i >= 0 {
		if speechVerb(strings.ToLower(strings.TrimSpace(before[i : len(before)-len(prev)]))) {
			return false
		}
	}
	_, size := utf8.DecodeRuneInString(rest)
	if r, _ := utf8.DecodeRuneInString(rest[size:]); !unicode.IsUpper(r) {
		return false
	}
	return attributed(rest[size:])
}

// attributed reports whether s, a quotation's text after its opening mark,
// closes with a comma, "!" or "?" and a closing mark followed within four
// words by a verb of saying: "We agreed …,' Arum said".
func attributed(s string) bool {
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if r != ',' && r != '!' && r != '?' {
			continue
		}
		c, csize := utf8.DecodeRuneInString(s[i:])
		if c != '’' && c != '\'' && c != '”' && c != '"' {
			continue
		}
		words := strings.Fields(s[i+csize:])
		for k := 0; k < len(words) && k < 4; k++ {
			if speechVerb(strings.ToLower(strings.TrimRight(words[k], ".,"))) {
				return true
			}
		}
	}
	return false
}

// surnameGlued reports whether word, a capitalised word followed by after,
// is the surname of a full name written earlier in before ("James
// Haskell"), standing as a new sentence's subject after prev, a caption's
// last word: a word in lower case that names no role ("… at the end of the
// season Haskell posted …"), or a day or month ("… at Sandown on Saturday
// Wright is …"). A role before the surname ("striker Defoe added", "boss
// Arum is") is prose.
func surnameGlued(before, prev, word, after string) bool {
	if strings.HasPrefix(after, "(") {
		// A photo reference the summary drops: "Wright (centre) is now".
		if j := strings.Index(after, ") "); j > 0 && isPictureRef(after[1:j]) {
			after = after[j+2:]
		}
	}
	if len(word) < 3 || !capitalised(word) || !startsLower(after) {
		return false
	}
	if !verbLike(after) {
		return false
	}
	if _, rest, ok := strings.Cut(after, " "); ok {
		// A clause inside a noun phrase, then the sentence's own verb:
		// "the handgun Campbell used was owned by ...".
		switch w, _, _ := strings.Cut(rest, " "); w {
		case "is", "was", "are", "were", "has", "had", "will", "would":
			return false
		}
	}
	switch {
	case isLowerWord(prev):
		if len(prev) < 3 || isStopWord(langEnglish, prev) || speechVerb(prev) || roleWord(prev) || takesObject(prev) || proseBeforeName(prev) || afterRelative(before, prev) {
			return false
		}
	case calendarWord(prev):
	default:
		return false
	}
	// The full name: a capitalised word, a space, then word, earlier in the
	// sentence ("Ian Wright", "AP McCoy").
	for from := 0; ; {
		i := strings.Index(before[from:], " "+word)
		if i < 0 {
			return false
		}
		i += from
		end := i + 1 + len(word)
		from = end
		if end < len(before) && nameByte(before[end]) {
			continue // "Wrightson"
		}
		first := before[:i]
		if j := strings.LastIndexByte(first, ' '); j >= 0 {
			first = first[j+1:]
		}
		if (capitalised(first) || initials(first)) && first != prev && !isStopWord(langEnglish, strings.ToLower(first)) {
			return true
		}
	}
}

// quoteOpener reports whether word opens with a quotation mark.
func quoteOpener(word string) bool {
	r, _ := utf8.DecodeRuneInString(word)
	return r == '‘' || r == '“' || r == '\'' || r == '"'
}

// capitalised reports whether w is a word of letters that starts with a
// capital and goes on in lower case ("Labour", "McCoy"), not an acronym.
func capitalised(w string) bool {
	r, size := utf8.DecodeRuneInString(w)
	if !unicode.IsUpper(r) || size == len(w) {
		return false
	}
	lower := false
	for _, r := range w[size:] {
		if !unicode.IsLetter(r) {
			return false
		}
		lower = lower || unicode.IsLower(r)
	}
	return lower
}

// isLowerWord reports whether w is a word of letters in lower case.
func isLowerWord(w string) bool {
	return w != "" && allRunes(w, unicode.IsLower)
}

// endsDigit reports whether w is a figure ("$20", "2014", "£1.5m" is not:
// it ends in a letter).
func endsDigit(w string) bool {
	c := w[len(w)-1]
	return '0' <= c && c <= '9'
}

// nameByte reports whether c, a byte after a name, goes on with the name
// ("Wrightson", "Wright's" go on; "Wright " ends).
func nameByte(c byte) bool {
	return c >= utf8.RuneSelf || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}

// speechVerb reports whether w, in lower case, is a verb of saying.
func speechVerb(w string) bool {
	switch w {
	case "said", "says", "say", "saying", "told", "tells", "added", "adds", "explained", "insisted", "admitted",
		"continued", "revealed", "wrote", "writes", "tweeted", "declared", "stated", "warned", "asked", "replied",
		"shouted", "joked", "claimed", "recalled", "reads", "read", "reading", "chanted", "called", "dubbed", "titled", "entitled":
		return true
	}
	return false
}

// calendarWord reports whether w is a day or a month, which ends many a
// caption ("… at Sandown on Saturday").
func calendarWord(w string) bool {
	switch w {
	case "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
		"January", "February", "March", "April", "June", "July", "August", "September", "October", "November", "December":
		return true
	}
	return false
}

// roleWord reports whether w names a role that English writes before a
// surname ("striker Defoe", "boss Arum", "wife Lindsey").
func roleWord(w string) bool {
	if strings.HasSuffix(w, "s") && roleWord(w[:len(w)-1]) {
		return true // "strikers", "bosses" is not: it is a rare plural before a name
	}
	switch w {
	case "manager", "boss", "striker", "captain", "coach", "chairman", "chairwoman", "president", "minister",
		"secretary", "leader", "star", "actor", "actress", "singer", "defender", "midfielder", "forward",
		"goalkeeper", "keeper", "winger", "spokesman", "spokeswoman", "chief", "director", "judge", "officer",
		"detective", "inspector", "sergeant", "constable", "professor", "doctor", "senator", "governor", "mayor",
		"rapper", "model", "wife", "husband", "son", "daughter", "brother", "sister", "mother", "father", "mum",
		"dad", "friend", "partner", "girlfriend", "boyfriend", "fiancee", "fiance", "teammate", "team-mate",
		"colleague", "counterpart", "champion", "player", "rival", "compatriot", "owner", "founder", "author",
		"writer", "presenter", "host", "pundit", "legend", "veteran", "jockey", "trainer", "golfer", "boxer",
		"driver", "rider", "candidate", "chancellor", "premier", "king", "queen", "prince", "princess", "lord",
		"lady", "sir", "dame", "uncle", "aunt", "cousin", "nephew", "niece", "grandson", "granddaughter",
		"grandmother", "grandfather", "client", "lawyer", "attorney", "suspect", "victim", "defendant", "agent",
		"designer", "chef", "artist", "musician", "drummer", "guitarist", "comedian", "filmmaker", "director-general",
		"head", "headteacher", "teacher", "pupil", "student", "striker-turned-pundit", "international", "youngster",
		"duo", "pair", "trio", "side", "club", "team", "outfit", "band", "group", "firm", "company", "giant":
		return true
	}
	return false
}

// functionWord reports whether s starts with a conjunction, a preposition
// or an article, which goes on a name or a title rather than opening a
// verb phrase ("Wright and", "Beat It at").
func functionWord(s string) bool {
	next, _, _ := strings.Cut(s, " ")
	switch strings.TrimRight(next, ",.;:") {
	case "and", "or", "of", "in", "on", "at", "to", "for", "with", "from", "by", "the", "a", "an", "as":
		return true
	}
	return false
}

// verbLike reports whether s starts with a word that can follow a
// sentence's subject: a form of "be", "have" or a modal, a verb of saying,
// a past tense in "-ed" or an adverb in "-ly" ("is", "has", "pleaded",
// "quickly"), not a noun ("Russian soldiers").
func verbLike(s string) bool {
	w, _, _ := strings.Cut(s, " ")
	w = strings.TrimRight(w, ",.;:")
	switch w {
	case "is", "was", "has", "had", "have", "will", "would", "can", "could", "should", "must", "may", "might",
		"does", "did", "says", "said", "added", "told":
		return true
	}
	return len(w) > 4 && isLowerWord(w) && (strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "ly"))
}

// takesObject reports whether w, in lower case, looks like a verb that
// takes a name as its object ("has seen Adebayor pushed down", "after
// beating Federer"): a participle in "-ed", "-en" or "-ing", or a common
// verb of meeting or beating.
func takesObject(w string) bool {
	if strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "en") || strings.HasSuffix(w, "ing") {
		return true
	}
	switch w {
	case "see", "saw", "sees", "beat", "beats", "met", "meet", "meets", "made", "make", "makes", "let", "lets",
		"help", "helps", "leave", "leaves", "left", "put", "puts", "want", "wants", "watch", "watches":
		return true
	}
	return false
}

// initials reports whether w is two or three capitals, a first name
// written as initials ("AP McCoy", "JJ Abrams").
func initials(w string) bool {
	return len(w) >= 2 && len(w) <= 3 && allRunes(w, func(r rune) bool { return 'A' <= r && r <= 'Z' })
}

// afterRelative reports whether prev, the last word of before, follows a
// relative word that opens a clause ("at which time Taylor exited", "by
// which point Smith had left", "whose car Doe drove"): the clause's subject
// comes next, so no sentence starts at the name.
func afterRelative(before, prev string) bool {
	rest := strings.TrimRight(before[:len(before)-len(prev)], " ")
	if i := strings.LastIndexByte(rest, ' '); i >= 0 {
		rest = rest[i+1:]
	}
	switch strings.ToLower(rest) {
	case "which", "whose", "what", "whichever", "whatever":
		return true
	}
	return false
}

// proseBeforeName reports whether w, in lower case, often stands before a
// name in prose that left out a comma ("Earlier this month Doe was
// charged", "According to police Doe was shot", "The report shows Doe
// was"): a time, "police", or a verb in "-s".
func proseBeforeName(w string) bool {
	switch w {
	case "month", "week", "year", "weekend", "morning", "afternoon", "evening", "night", "today", "tonight",
		"yesterday", "police", "show", "believe", "report", "think", "confirm", "know", "find", "reveal", "suggest",
		"mean":
		return true
	}
	return strings.HasSuffix(w, "s")
}

// minCaptionFunctionWords is how many function words a run of words in
// Title Case must capitalise, past its first word, to be a caption.
const minCaptionFunctionWords = 3

// titleCaseCaption reports whether before ends with a photo caption
// written in Title Case, Daily Mail style: a run of capitalised words
// that capitalises at least minCaptionFunctionWords function words past
// its first ("Prince Harry And Meghan Markle Arrive At The Premiere").
// Prose writes those in lower case, even inside names and titles ("Lord of
// the Rings"); a name or title styled in Title Case has one or two ("Marks
// And Spencer", "Lord Of The Rings"). A word with a quotation mark makes
// the run a quoted headline, which is prose.
func titleCaseCaption(before string) bool {
	fn := 0
	for before != "" {
		w := before
		i := strings.LastIndexByte(before, ' ')
		if i >= 0 {
			w = before[i+1:]
		}
		if quoteOpener(w) {
			return false // inside a quotation: "‘Why The Fed Is Wrong About It"
		}
		r, _ := utf8.DecodeRuneInString(w)
		last, _ := utf8.DecodeLastRuneInString(w)
		if !unicode.IsUpper(r) || strings.ContainsRune("’”'\",;:.)", last) {
			break
		}
		if i > 0 && titleFunctionWord(w) {
			fn++ // the run's first word does not count: "The New York Times"
		}
		if i < 0 {
			break
		}
		before = before[:i]
	}
	return fn >= minCaptionFunctionWords
}

// titleFunctionWord reports whether w is a function word that English
// prose writes in lower case inside a sentence, written with a capital.
func titleFunctionWord(w string) bool {
	switch w {
	case "And", "Or", "Of", "In", "On", "At", "To", "For", "With", "From", "By", "As", "Into", "Onto", "Over",
		"Under", "After", "Before", "During", "The", "An", "Is", "Are", "Was", "Were", "Has", "Have", "Had",
		"His", "Her", "Their", "Its", "Who", "Up", "Out", "Off":
		return true
	}
	return false
}

// capsLabel returns the length of a label in capitals of two to five words
// ending in a colon and a space at the start of s ("CURRENT JOB: ",
// "SHOW US YOUR MEDALS: "), 0 when s starts with none. One word in
// capitals with a colon is often an acronym in prose ("NATO: ..."), and a
// dateline ("LONDON:") is no label.
func capsLabel(s string) int {
	words := 0
	for i := 0; i < len(s); {
		end := strings.IndexByte(s[i:], ' ')
		if end < 0 {
			return 0
		}
		w := s[i : i+end]
		colon := strings.HasSuffix(w, ":")
		if !capsWord(strings.TrimSuffix(w, ":")) {
			return 0
		}
		words++
		if colon {
			if words < 2 {
				return 0
			}
			return i + end + 1
		}
		if words == 5 {
			return 0
		}
		i += end + 1
	}
	return 0
}

// capsWord reports whether w is a word in capitals of two or more letters
// ("JOB", "HE'S"; "I" and "A" are not: they open prose).
func capsWord(w string) bool {
	letters := 0
	for _, r := range w {
		switch {
		case 'A' <= r && r <= 'Z':
			letters++
		case r == '\'' || r == '’' || r == '&' || r == '-':
		default:
			return false
		}
	}
	return letters >= 2
}
