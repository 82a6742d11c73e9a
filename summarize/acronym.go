package summarize

import "strings"

// A word in capitals before the colon that opens a text ("IRS: ", "OPEC:
// ", "UNICEF: ") is as often a body speaking as a city's dateline. A body
// is the text's subject, and the text shows it: it spells the acronym out
// ("the Internal Revenue Service"), writes it again in capitals ("UNESCO
// said"), or refers back to it as a lead after a dateline never does, the
// lead naming its own subject: the sentence after the label opens on "The
// agency", "The children's agency", "The police organisation", or says
// ", the refugee agency said" of an agency it has not named. A body that
// belongs to the dateline's place is named so ("The civic body", "The
// state's water agency", "The national statistics agency"), and is none
// of these.

// acronymLabel reports whether w, a word in capitals before the colon
// that opens text, names a body that the text is about rather than a
// place; rest is the sentence after the colon.
func acronymLabel(w, rest, text string) bool {
	return writtenAgain(w, text) || refersToBody(rest) || spelledOut(w, text)
}

// refersToBody reports whether s, the sentence after a label, refers back
// to a body it has not named: it opens on one (opensOnBody) or has one
// speak after a comma (", the agency said", ", the refugee agency said").
func refersToBody(s string) bool {
	if opensOnBody(s) {
		return true
	}
	for i := 0; ; {
		k := strings.Index(s[i:], ", the ")
		if k < 0 {
			return false
		}
		i += k + len(", the ")
		if noun, next := bodyPhrase(s[i:]); noun != "" && bodyVerb(next) && !strings.Contains(s[:i], noun) {
			return true
		}
	}
}

// opensOnBody reports whether s opens on "The", at most two words in
// small letters that do not place the body, and a noun that names an
// organisation, not followed by "of" ("The agency said", "The alliance's
// chief", "The governing body opened", "The children's agency"; not "The
// state's beaches", "The civic body", a city's council in Indian copy,
// "The national statistics agency", or "The group of oil producers").
// "The body" alone is a body only when it speaks ("The body was found"),
// and "The union" too ("The union government", in Indian copy, is the
// country's).
func opensOnBody(s string) bool {
	rest, ok := strings.CutPrefix(s, "The ")
	if !ok {
		return false
	}
	noun, next := bodyPhrase(rest)
	if noun == "" || next == "of" {
		return false
	}
	return noun != "body" && noun != "union" || noun == "body" && !strings.HasPrefix(rest, "body") || bodyVerb(next)
}

// bodyPhrase reads s, the words after "the", as at most two modifiers in
// small letters and a noun that names an organisation (bodyNoun); it
// returns the noun, without a possessive, and the word after it, or ""
// when s opens otherwise or a modifier places the body (localWord).
func bodyPhrase(s string) (noun, next string) {
	for k := 0; k < 3; k++ {
		w, after, _ := strings.Cut(s, " ")
		bare := strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(w, ","), "'s"), "’s")
		if bodyNoun(bare) {
			next, _, _ = strings.Cut(after, " ")
			return bare, next
		}
		if k == 2 || after == "" || !lowerWord(strings.ReplaceAll(bare, "-", "")) || localWord(bare) {
			return "", ""
		}
		s = after
	}
	return "", ""
}

// bodyNoun reports whether w names an organisation that a label's acronym
// or name stands for, and that a lead after a dateline would name first.
func bodyNoun(w string) bool {
	switch w {
	case "agency", "alliance", "body", "bureau", "organisation", "organization", "network", "federation",
		"association", "league", "bloc", "cartel", "regulator", "watchdog", "broadcaster", "group", "union",
		"company", "firm", "carmaker", "airline", "retailer", "insurer", "lender", "charity":
		return true
	}
	return false
}

// localWord reports whether w, before a body's noun, places the body in
// the dateline's city, state or country ("The civic body", "The state's
// agency", "The national agency").
func localWord(w string) bool {
	switch w {
	case "civic", "city", "municipal", "district", "local", "town", "village", "county", "state", "provincial",
		"national", "country", "nation", "state-run":
		return true
	}
	return false
}

// bodyVerb reports whether w, with a comma or a full stop after it, is a
// verb a body speaks or decides with (see speechVerb for a person's).
func bodyVerb(w string) bool {
	switch strings.TrimRight(w, ",.") {
	case "said", "says", "announced", "confirmed", "added", "warned", "reported", "stated", "told", "insisted",
		"ruled", "decided", "urged", "declared", "denied", "noted":
		return true
	}
	return false
}

// spelledOut reports whether text spells w, an acronym, out in
// capitalised words, with "of", "the", "and" and the like between them
// ("Internal Revenue Service", "Organization of the Petroleum Exporting
// Countries", "Union of European Football Associations").
func spelledOut(w, text string) bool {
	for i := 0; ; {
		k := strings.IndexByte(text[i:], w[0])
		if k < 0 {
			return false
		}
		i += k
		if (i == 0 || !isWordByte(text[i-1])) && spellsFrom(w, text[i:]) {
			return true
		}
		i++
	}
}

// spellsFrom reports whether s opens on capitalised words whose initials
// are w's letters, in order, with at most two joining words between two
// of them ("of the").
func spellsFrom(w, s string) bool {
	for k, joiners := 0, 0; k < len(w); {
		word, rest, _ := strings.Cut(s, " ")
		switch {
		case len(word) > 1 && word[0] == w[k] && 'a' <= word[1] && word[1] <= 'z':
			k, joiners = k+1, 0
		case k == 0 || joiners == 2 || !titleJoiner(word) && word != "and" && word != "&":
			return false
		default:
			joiners++
		}
		if rest == "" && k < len(w) {
			return false
		}
		s = rest
	}
	return true
}
