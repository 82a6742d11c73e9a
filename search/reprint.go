package search

import (
	"strconv"
	"strings"

	"github.com/newshound/newshound/news"
)

// reprintPrefix is how many bytes of an article's text, after folding, tell
// a re-published copy from a different article under the same title.
const reprintPrefix = 100

// reprints remembers the articles a result list already shows, so that an
// article a source published again under a new GUID and URL (the same
// title and the same opening) is listed once: the first, best-ranked copy.
// Two articles of one source with the same title but different texts (a
// daily "Morning briefing") both stay; so do copies from different sources.
type reprints map[string]bool

// seen reports whether a copy of a was already shown, and remembers a. An
// article without a title is never a copy.
func (r reprints) seen(a news.Article) bool {
	title := fold(a.Title, len(a.Title))
	if title == "" {
		return false
	}
	key := strconv.FormatInt(a.SourceID, 10) + "\x00" + title + "\x00" + fold(a.Text, reprintPrefix)
	if r[key] {
		return true
	}
	r[key] = true
	return false
}

// fold returns s's words, lower-cased and single-spaced, cut to about max
// bytes of s.
func fold(s string, max int) string {
	if len(s) > max {
		s = s[:max]
	}
	return strings.ToLower(strings.Join(strings.Fields(s), " "))
}
