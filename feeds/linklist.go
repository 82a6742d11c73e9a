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

// isLinkList reports whether document, an item's HTML, is a list of links:
// it has at least two headline links (of three words or more), and no
// block (a paragraph, a list item, a line) has more than maxLabelWords
// words outside its links (a sentence of prose has more, whatever links
// it holds).
func isLinkList(document string) bool {
	if linkTags(document) < 2 {
		return false // no two headline links: the tokenizer need not run (most prose has one link or none)
	}
	return linkListOfTokens(document)
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

// linkListOfTokens is isLinkList read through the HTML tokenizer.
func linkListOfTokens(document string) bool {
	z := html.NewTokenizer(strings.NewReader(document))
	depth := 0     // how many <a> elements are open
	headlines := 0 // links of headlineWords words or more
	link := 0      // words of the link open
	run := 0       // words outside links since the last tag that breaks a run
	for {
		switch z.Next() {
		case html.ErrorToken:
			return headlines >= 2
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
