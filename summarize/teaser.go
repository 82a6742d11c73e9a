package summarize

import "strings"

const (
	// teaserWords is the fewest words a feed text needs to stand as the
	// article: feed descriptions run 20 to 80 words, articles hundreds.
	teaserWords = 120
	// truncatedTeaserWords is the bound for texts that end in a
	// truncation mark ("…", "[...]", "Read more"): those are excerpts
	// unless they are long.
	truncatedTeaserWords = 300
)

// IsTeaser reports whether a feed item's text is too short to stand as
// the article, so the full page should be fetched: fewer than 120 words
// after cleaning, or fewer than 300 when the raw text ends with a
// truncation mark. Empty text is a teaser.
func IsTeaser(text string) bool {
	words := countWords(Clean(text))
	if words < teaserWords {
		return true
	}
	return words < truncatedTeaserWords && endsTruncated(flatten(text))
}

// endsTruncated reports whether s ends with an ellipsis or a "read more"
// link text, the marks feeds leave on excerpts.
func endsTruncated(s string) bool {
	s = strings.TrimRight(s, " »›→>)]")
	lower := strings.ToLower(s[max(0, len(s)-40):])
	for _, mark := range [...]string{"…", "...", "[…", "[...", "read more", "continue reading",
		"weiterlesen", "leer más", "seguir leyendo", "lire la suite"} {
		if strings.HasSuffix(lower, mark) {
			return true
		}
	}
	return false
}
