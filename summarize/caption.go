package summarize

import (
	"regexp"
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
var (
	// Where a caption or a new sentence starts inside a run-on sentence:
	// a caption label ("Skilful:", "Proud mum:") after a word that no
	// full stop ended; after a word in lower case, a word that English
	// capitalises only at the start of a sentence ("... to the curriculum
	// It means ..."); "The" after a caption's closing bracket.
	gluePoint = regexp.MustCompile(`\s[\p{L}\d]{2,}\)? (\p{Lu}[\p{L}'’-]*(?: [\p{Ll}'’-]+){0,2}: \p{L})|\s\p{Ll}{2,}\)? ((?:It|He|She|They|We|However,|But|Meanwhile,|A|An) )|\s\p{Ll}{2,}\) (The )`)
	// A caption label at the start of a sentence: "Flying high: Half of
	// the kite took to the sky".
	leadCaption = regexp.MustCompile(`^\p{Lu}[\p{L}'’-]*(?: [\p{L}'’-]+){0,2}: \p{L}`)
)

// appendParts appends the parts of sentence sent to dst, split where a
// caption or a new sentence is glued in (see gluePoint), in lang. Every
// part but the last lacks a full stop, so it is a caption; the last part
// is one when it starts with a caption label.
func appendParts(dst []part, sent string, lang language) []part {
	if lang != langEnglish || !strings.Contains(sent, " ") {
		return append(dst, part{text: sent})
	}
	from := 0
	for _, m := range gluePoint.FindAllStringSubmatchIndex(sent, -1) {
		at := m[2]
		for g := 4; at < 0 && g < len(m); g += 2 {
			at = m[g]
		}
		if at <= from || letterLabel(sent, m[0], at) {
			continue
		}
		if p := strings.TrimSpace(sent[from:at]); p != "" {
			dst = append(dst, part{text: p, caption: true})
		}
		from = at
	}
	last := sent[from:]
	return append(dst, part{text: last, caption: leadCaption.MatchString(last)})
}

// part is a sentence, or a piece of a run-on one, and whether it is a
// photo caption.
type part struct {
	text    string
	caption bool
}

// dependsOnPrevious reports whether sentence s, in lang, opens with a
// pronoun or a connective that refers to the sentence before it ("He
// said ...", "But ...", "However, ..."), so that it cannot open a summary
// on its own.
func dependsOnPrevious(s string, lang language) bool {
	if lang != langEnglish {
		return false
	}
	s = strings.TrimLeft(s, `"'“‘`)
	end := strings.IndexFunc(s, func(r rune) bool { return !unicode.IsLetter(r) })
	if end < 0 {
		end = len(s)
	}
	switch s[:end] {
	case "He", "She", "They", "It", "His", "Her", "Their", "Its", "Him", "Them", "These", "Those",
		"But", "However", "And", "So", "Also", "Yet", "Still", "Instead", "Meanwhile", "Nevertheless",
		"Moreover", "Furthermore", "Then", "Such", "Otherwise", "Besides", "Likewise", "Similarly":
		return true
	}
	return false
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

// letterLabel reports whether the glue point at sent[at] is "A" or "An"
// after a word that takes a letter as its label ("vitamin A supplements",
// "a Type A personality", "Plan A is off"); match is where the gluePoint
// match began, at the space before that word.
func letterLabel(sent string, match, at int) bool {
	if !strings.HasPrefix(sent[at:], "A ") && !strings.HasPrefix(sent[at:], "An ") {
		return false
	}
	before := strings.TrimSuffix(strings.TrimSpace(sent[match:at]), ")")
	switch strings.ToLower(before) {
	case "vitamin", "type", "plan", "grade", "class", "group", "category", "hepatitis", "section", "part",
		"level", "exhibit", "size", "row", "option", "route", "block", "wing", "division", "league", "list",
		"series", "tier", "pool", "gate", "terminal", "platform", "stage", "figure", "appendix", "annex",
		"schedule", "paragraph", "article", "chapter", "flight", "building", "floor", "unit", "bay", "team":
		return true
	}
	return false
}
