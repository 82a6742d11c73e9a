package feeds

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxOutletWords is the most words an outlet's name after a headline may
// have ("WSB-TV", "The Arizona Republic", "Channel 4 News Tonight").
const maxOutletWords = 5

// titleWithOutlet reports whether text is only title with an outlet's name
// after a dash or a bar ("Grandma detained after boy killed with her gun -
// WSB-TV"): what headline feeds put in the description of an item that has
// no text. Such a text is no text, so the item gets no summary rather than
// its title twice. A name is at most maxOutletWords words and no sentence
// ("- police say more arrests will follow." is text).
//
// A text with more words than the title, a separator and maxOutletWords is
// ruled out by counting its words (fieldCount), without the copies that
// the comparison makes: the text of an item that has any is longer.
func titleWithOutlet(text, title string) bool {
	n := fieldCount(title, -1)
	if n == 0 || fieldCount(text, n+1+maxOutletWords) > n+1+maxOutletWords {
		return false
	}
	return saysTitleWithOutlet(text, title)
}

// saysTitleWithOutlet compares the texts' copies with their spaces made
// single: the title, a separator and a capitalised name of at most
// maxOutletWords words without a sentence's stop.
func saysTitleWithOutlet(text, title string) bool {
	text, title = strings.Join(strings.Fields(text), " "), strings.Join(strings.Fields(title), " ")
	if title == "" || len(text) <= len(title) || !strings.EqualFold(text[:len(title)], title) {
		return false
	}
	rest := text[len(title):]
	for _, sep := range []string{" - ", " – ", " — ", " | "} {
		name, ok := strings.CutPrefix(rest, sep)
		if !ok {
			continue
		}
		words := strings.Fields(name)
		return len(words) > 0 && len(words) <= maxOutletWords && !strings.ContainsAny(name, ".!?") &&
			unicode.IsUpper([]rune(name)[0])
	}
	return false
}

// fieldCount is the number of fields strings.Fields finds in s (runs of
// runes that are not unicode.IsSpace), counted up to limit+1 when limit is
// not negative; it allocates nothing.
func fieldCount(s string, limit int) int {
	n, inField := 0, false
	for i := 0; i < len(s); {
		var space bool
		if c := s[i]; c < utf8.RuneSelf {
			space = c == ' ' || c >= '\t' && c <= '\r'
			i++
		} else {
			r, size := utf8.DecodeRuneInString(s[i:])
			space = unicode.IsSpace(r)
			i += size
		}
		if space {
			inField = false
			continue
		}
		if !inField {
			inField = true
			n++
			if limit >= 0 && n > limit {
				return n
			}
		}
	}
	return n
}
