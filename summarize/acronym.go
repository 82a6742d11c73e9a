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
// of these. A body's field, named before its noun, is a word of its name,
// so an acronym holds the field's initial ("The space agency" is NASA's,
// "The children's agency" UNICEF's, "The refugee agency" UNHCR's): "The
// health agency" after GENEVA is a body the lead has not named, not the
// label's.

// acronymLabel reports whether w, a word in capitals before the colon
// that opens text, names a body that the text is about rather than a
// place; rest is the sentence after the colon.
func acronymLabel(w, rest, text string) bool {
	return writtenAgain(w, text) || refersToBodyOf(w, rest) || spelledOut(w, text)
}

// refersToBody reports whether s, the sentence after a label, refers back
// to a body it has not named: it opens on one (opensOnBody) or has one
// speak after a comma (", the agency said", ", the refugee agency said").
func refersToBody(s string) bool {
	return refersToBodyOf("", s)
}

// refersToBodyOf reports whether s refers back to a body it has not named
// (refersToBody) that the acronym w can stand for: the body's field, when
// the phrase names one, opens with one of w's letters (fieldOf). An empty
// w asks of any body.
func refersToBodyOf(w, s string) bool {
	if opensOnBodyOf(w, s) {
		return true
	}
	for i := 0; ; {
		k := strings.Index(s[i:], ", the ")
		if k < 0 {
			return false
		}
		i += k + len(", the ")
		if noun, next, mods := bodyPhrase(s[i:]); noun != "" && bodyVerb(next) && !strings.Contains(s[:i], noun) && fieldOf(w, mods) {
			return true
		}
	}
}

// fieldOf reports whether mods, the words before a body's noun, name no
// field or one whose initial is a letter of w, the acronym the body would
// stand for ("space" and NASA, "children's" and UNICEF, "police" and
// INTERPOL; not "health" and GENEVA). A modifier shaped as an adjective
// ("governing", "regional", "military", "nuclear", "cultural") is as
// often the body's kind as its field and is not asked; nor is any when w
// is empty.
func fieldOf(w, mods string) bool {
	field := false
	for m := range strings.FieldsSeq(mods) {
		m = strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(m, ","), "'s"), "’s")
		if ownerWord(m) {
			// "The UN children's agency": a body named by its owner is the
			// label's only when the label holds the owner's initial (UNICEF,
			// not GENEVA); a capitalised label (w empty) is no acronym.
			if w != "" && strings.IndexByte(w, m[0]) >= 0 {
				return true
			}
			field = true
			continue
		}
		if w == "" || m == "" || m[0] < 'a' || m[0] > 'z' || adjectiveShape(m) {
			continue
		}
		if strings.IndexByte(w, m[0]-'a'+'A') >= 0 {
			return true
		}
		field = true
	}
	return !field
}

// ownerWord reports whether w, a modifier before a body's noun, is a
// name in capitals, with dots, of the body's owner or country ("UN",
// "EU", "U.S.").
func ownerWord(w string) bool {
	return capsWord(strings.ReplaceAll(w, ".", "")) && !strings.ContainsAny(w, "'’&-")
}

// adjectiveShape reports whether w, a word in small letters, ends as
// English adjectives do ("regional", "atomic", "governing", "military",
// "nuclear", "humanitarian", "western", "embattled").
func adjectiveShape(w string) bool {
	for _, end := range [...]string{"al", "ic", "ing", "ary", "ar", "an", "ern", "ive", "ous", "ful", "ese", "ish", "ed"} {
		if strings.HasSuffix(w, end) {
			return true
		}
	}
	return false
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
	return opensOnBodyOf("", s)
}

// opensOnBodyOf reports whether s opens on a body (opensOnBody) that the
// acronym w can stand for (fieldOf); an empty w asks of any body.
func opensOnBodyOf(w, s string) bool {
	rest, ok := strings.CutPrefix(s, "The ")
	if !ok {
		return false
	}
	noun, next, mods := bodyPhrase(rest)
	if noun == "" || next == "of" || !fieldOf(w, mods) {
		return false
	}
	return noun != "body" && noun != "union" || noun == "body" && !strings.HasPrefix(rest, "body") || bodyVerb(next)
}

// bodyPhrase reads s, the words after "the", as at most two modifiers in
// small letters or in capitals (ownerWord: "The UN children's agency")
// and a noun that names an organisation (bodyNoun); it returns the noun,
// without a possessive, the word after it and the modifiers before it, or
// "" when s opens otherwise or a modifier places the body (localWord).
func bodyPhrase(s string) (noun, next, mods string) {
	whole := s
	for k := 0; k < 3; k++ {
		w, after, _ := strings.Cut(s, " ")
		bare := strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(w, ","), "'s"), "’s")
		if bodyNoun(bare) {
			next, _, _ = strings.Cut(after, " ")
			return bare, next, whole[:len(whole)-len(s)]
		}
		if k == 2 || after == "" || !lowerWord(strings.ReplaceAll(bare, "-", "")) && !ownerWord(bare) || localWord(bare) {
			return "", "", ""
		}
		s = after
	}
	return "", "", ""
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
