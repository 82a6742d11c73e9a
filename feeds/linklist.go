package feeds

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// An aggregator's item (Google News, and the "related coverage" items of
// other portals) carries no text of its own in its description but a list
// of links to other outlets' reports, each headline followed by the
// outlet's name ("Storm Bert batters Wales  BBC News", "Pontypridd
// flooded ...  The Guardian"). Read as text, it summarised as another
// outlet's headline with that outlet's name glued to it. Such a list is
// no text: the item has only its title (and a teaser page to fetch when
// configured).

// maxLabelWords is the most words a piece of text outside the links of a
// link list may have: an outlet's name, a date, a separator.
const maxLabelWords = 4

// headlineWords is the least words of a link that names a report.
const headlineWords = 3

// linkList reports whether document, an item's HTML, is a list of links:
// it has at least least headline links (of three words or more; two for
// any item, one for an aggregator's: aggregatorTitleOutlet), and no block (a
// paragraph, a list item, a line) has more than maxLabelWords words
// outside its links (a sentence of prose has more, whatever links it
// holds).
func linkList(document string, least int) bool {
	if n := linkTags(document); n == 0 || n < min(least, 2) {
		return false // fewer link tags than headlines needed (linkTags stops at two): the tokenizer need not run
	}
	return linkListOfTokens(document, least)
}

// linkTags counts the start tags of a elements in document, stopping at two:
// the places where "<a" or "<A" is followed by what ends a tag's name for
// the HTML tokenizer (white space, "/" or ">"). It may count a tag the
// tokenizer reads as text (in a comment, in a script), never misses one.
func linkTags(document string) int {
	n := 0
	for i := 0; n < 2; {
		j := strings.IndexByte(document[i:], '<')
		if j < 0 || i+j+2 >= len(document) {
			return n
		}
		i += j + 1
		if document[i] != 'a' && document[i] != 'A' {
			continue
		}
		switch document[i+1] {
		case ' ', '\t', '\n', '\r', '\f', '/', '>':
			n++
		}
	}
	return n
}

// linkListOfTokens is linkList read through the HTML tokenizer.
func linkListOfTokens(document string, least int) bool {
	z := html.NewTokenizer(strings.NewReader(document))
	depth := 0     // how many <a> elements are open
	headlines := 0 // links of headlineWords words or more
	link := 0      // words of the link open
	run := 0       // words outside links since the last tag that breaks a run
	for {
		switch z.Next() {
		case html.ErrorToken:
			return headlines >= least
		case html.StartTagToken:
			name, _ := z.TagName()
			if atom.Lookup(name) == atom.A {
				depth++
				link = 0
			} else if breaksRun(name) {
				run = 0
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			if atom.Lookup(name) == atom.A && depth > 0 {
				if depth--; link >= headlineWords {
					headlines++
				}
			} else if breaksRun(name) {
				run = 0
			}
		case html.TextToken:
			n := len(strings.Fields(html.UnescapeString(string(z.Text()))))
			if depth > 0 {
				link += n
				continue
			}
			if run += n; run > maxLabelWords {
				return false
			}
		}
	}
}

// breaksRun reports whether an element named name ends a run of text:
// a block, a line break.
func breaksRun(name []byte) bool {
	switch atom.Lookup(name) {
	case atom.Li, atom.P, atom.Div, atom.Br, atom.Ul, atom.Ol, atom.Tr, atom.Td, atom.H1, atom.H2, atom.H3, atom.H4:
		return true
	}
	return false
}

// aggregatorTitleOutlet returns title without the outlet's name that an
// aggregator (Google News) appends to every headline ("Storm Bert batters
// Wales - BBC News"), that name, and true; title unchanged, "" and false
// unless document, the item's HTML, opens with a link whose text is the
// rest of the title followed, outside the link, by that name: the shape of
// the aggregator's item, so a headline that merely has a dash in it
// ("Brexit - what happens next") keeps it.
func aggregatorTitleOutlet(title, document string) (_, outlet string, _ bool) {
	if !strings.Contains(document, "<a") && !strings.Contains(document, "<A") {
		return title, "", false
	}
	head, label, ok := firstLinkAndLabel(document)
	if !ok || label == "" || !strings.HasSuffix(title, label) {
		return title, "", false
	}
	rest := strings.TrimSuffix(title, label)
	for _, sep := range []string{" - ", " – ", " — ", " | "} {
		if cut, found := strings.CutSuffix(rest, sep); found && strings.Join(strings.Fields(cut), " ") == head {
			return cut, label, true
		}
	}
	return title, "", false
}

// firstLinkAndLabel returns the text of document's first link and the
// text after it up to the next link or block, each with its spaces
// (no-break ones too) made single; false when there is no link.
func firstLinkAndLabel(document string) (head, label string, ok bool) {
	z := html.NewTokenizer(strings.NewReader(document))
	var text [2][]string // the link's words, then the label's
	part := -1           // -1 before the link, 0 in it, 1 after it
	for {
		switch z.Next() {
		case html.ErrorToken:
			return strings.Join(text[0], " "), strings.Join(text[1], " "), part >= 0
		case html.StartTagToken, html.EndTagToken, html.SelfClosingTagToken:
			name, _ := z.TagName()
			switch {
			case atom.Lookup(name) == atom.A && part < 0:
				part = 0
			case atom.Lookup(name) == atom.A && part == 0:
				part = 1
			case part == 1 && (atom.Lookup(name) == atom.A || breaksRun(name)):
				return strings.Join(text[0], " "), strings.Join(text[1], " "), true
			}
		case html.TextToken:
			if part >= 0 {
				// strings.Fields splits at no-break spaces too ("&nbsp;&nbsp;").
				text[part] = append(text[part], strings.Fields(html.UnescapeString(string(z.Text())))...)
			}
		}
	}
}
