package summarize

import "strings"

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
// ("(pictured)") stays a caption.
func keepLead(parts []part) {
	if len(parts) < 2 || !parts[0].caption || startsWithLabel(parts[0].text) || strings.HasSuffix(parts[0].text, ")") {
		return
	}
	switch w, _, _ := strings.Cut(parts[1].text, " "); w {
	case "And", "But":
		parts[0] = part{text: parts[0].text + "."}
	}
}
