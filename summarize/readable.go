package summarize

import "strings"

// Readable returns text as a reader wants it quoted, in a search result's
// snippet: cleaned as Clean cleans it, with title (when known) cut from
// its lead, then each sentence cleaned again on its own as if it were a
// line, so that a byline, a timestamp or a player notice glued into a
// paragraph ("By Daily Mail Reporter. PUBLISHED: 12:01 EST, 3 March 2015.
// A man was ...") goes as it would on a line of its own; in English, the
// photo captions glued into run-on sentences, which the summarizer never
// offers, go too, and so does a line of at most three words that ends no
// sentence ("Slideshow", "Skip Ad") when the text has prose. A kicker or a
// dateline over the lead ("MUMBAI: The state government ...") goes as the
// summarizer drops it, and so do a caption or a teaser over a dateline
// line (keepLead, keepDatelineLead). Paragraphs are joined with "\n\n",
// the sentences of one with a space. It returns "" when nothing readable
// is left; it never fails.
func Readable(text, title string) string {
	c := defaultCleaner()
	text = c.clean(cutAtLine(text, maxInput), "", title)
	if text == "" {
		return ""
	}
	lang := detectLanguage(text, &wordScanner{})
	var (
		out   strings.Builder
		sents []string
		parts []part
		lead  int  // sentences read so far: a dateline opens one of the first leadLines
		ended bool // a sentence read so far ends with a full stop
	)
	out.Grow(len(text))
	for para := range strings.SplitSeq(text, "\n\n") {
		if isWidgetLine(para) && strings.Contains(text, ". ") {
			continue // "Slideshow", "Advertisement", "Skip Ad" on a line of its own, beside prose
		}
		started := false
		sents = appendSentences(sents[:0], para)
		for i, sent := range sents {
			parts = appendParts(parts[:0], sent, lang)
			switch {
			case i == 0 && out.Len() == 0:
				keepLead(parts, text)
			case lead < leadLines && len(parts) == 1 && keepDatelineLead(&parts[0], sent, text, !ended):
				// What was written before the dateline was a caption or a
				// teaser, as the summarizer takes it (prepare).
				out.Reset()
				started = false
			}
			lead++
			ended = ended || endsSentence(sent)
			for _, p := range parts {
				if p.caption {
					continue
				}
				s := c.clean(p.text, "", "")
				if s == "" {
					continue
				}
				switch {
				case started:
					out.WriteByte(' ')
				case out.Len() > 0:
					out.WriteString("\n\n")
				}
				out.WriteString(strings.ReplaceAll(s, "\n\n", " "))
				started = true
			}
		}
	}
	return out.String()
}

// isWidgetLine reports whether a paragraph is a widget's label: at most
// three words, and no sentence end.
func isWidgetLine(para string) bool {
	return len(strings.Fields(para)) <= 3 && !endsSentence(para)
}
