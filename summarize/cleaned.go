package summarize

import "strings"

// Cleaned is a text as Clean returns it (Text), with what the cleaning
// learnt of its paragraphs: which of them the rules keep as they are. The
// poller cleans a feed's text before it stores it and the Summarizer cleans
// it again, with the article's source and title; given the Cleaned of the
// text (Input.Cleaned), it runs the rules again only over the paragraphs
// they might change, and its summary is the same as without it. The zero
// value knows nothing.
type Cleaned struct {
	// Text is the text cleaned; a caller may change it (cut it short, say):
	// what the cleaning learnt stays true of the text it made.
	Text  string
	made  string     // the text the cleaning made
	by    *cleaner   // the rules that made it
	facts []lineFact // of made's paragraphs, in order
}

// CleanText returns Clean's text with what the cleaning learnt of it.
func CleanText(text string) Cleaned {
	c := defaultCleaner()
	var facts []lineFact
	t := c.cleanKnowing(text, "", "", nil, &facts)
	return Cleaned{Text: t, made: t, by: c, facts: facts}
}

// lineFact is what a cleaning learnt of a paragraph it wrote: where it is
// in its text (off, n) and what the rules do with it (kind).
type lineFact struct {
	off, n int
	kind   factKind
}

// factKind says what the rules of a cleaner do with a line, the same
// string wherever it comes from, for any source when no rule is limited
// to some (cleaner.sourceFree): the cleaning is a function of the line's
// bytes and, in the lead, of whether a line was kept before it and of the
// title.
type factKind uint8

const (
	factNone factKind = iota
	// factBody: cleanLine returns the line as it is (with kept false:
	// no DropLine rule drops it).
	factBody
	// factLeadFresh: besides, as the lead's first kept line, no CutLead
	// rule cuts it (cutLead with no title, started false).
	factLeadFresh
	// factLeadStarted: besides, as a lead line after a kept one, no
	// DropLine rule drops it and no CutLead rule cuts it (started true).
	factLeadStarted
)

// noteLine notes in note, when not nil, line with its fact, about to be
// written to out by writeLine.
func noteLine(note *[]lineFact, out *strings.Builder, line string, kind factKind) {
	if note == nil {
		return
	}
	off := out.Len()
	if off > 0 {
		off += len("\n\n")
	}
	*note = append(*note, lineFact{off: off, n: len(line), kind: kind})
}

// keeps returns the fact that the cleaning, with these rules, writes line,
// the i-th that logicalLines yields, as it is (factNone when it is not
// known): line is the i-th paragraph of the text the cleaning made and its
// fact says so for where line is. In the lead (lead), that takes a fact of
// the lead with the same started and, on the lead's first kept line, a
// title (when given) that cutTitle does not cut.
func (k *Cleaned) keeps(i int, line string, lead, started bool, title string) factKind {
	if i >= len(k.facts) {
		return factNone
	}
	f := k.facts[i]
	if f.kind == factNone || f.n != len(line) || k.made[f.off:f.off+f.n] != line {
		return factNone
	}
	switch {
	case !lead:
		return f.kind
	case started:
		if f.kind != factLeadStarted {
			return factNone
		}
		return f.kind
	case f.kind != factLeadFresh:
		return factNone
	}
	if title != "" {
		if _, cut := cutTitle(line, title); cut {
			return factNone
		}
	}
	return f.kind
}
