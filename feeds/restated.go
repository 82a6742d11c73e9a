package feeds

import (
	"strings"
	"unicode"
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
func titleWithOutlet(text, title string) bool {
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
