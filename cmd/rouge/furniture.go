package main

import (
	"regexp"
	"strings"

	"github.com/newshound/newshound/summarize"
)

// Furniture kinds counted in summaries. The patterns are a measuring
// stick, independent of the summarizer's own rules: they look for what a
// reader would call page furniture in an alert.
const (
	anyFurniture = "any"
	kindDangling = "dangling"
)

var furnitureKinds = []string{"scroll", "read-more", "share", "dateline", "byline", "timestamp", "media", "caption", "glued", kindDangling}

var furniturePatterns = []struct {
	kind string
	re   *regexp.Regexp
}{
	{"scroll", regexp.MustCompile(`(?i)scroll down|scroll to continue`)},
	{"read-more", regexp.MustCompile(`(?i)\bread more\b|\bclick here\b|\bcontinue reading\b`)},
	{"share", regexp.MustCompile(`(?i)\bshare this\b|share or comment|copy this link`)},
	{"dateline", regexp.MustCompile(`\((?:CNN|Reuters|AP|AFP)\)|\([^()]{2,40}\)\p{Lu}|^\p{Lu}{3,}[\p{Lu} ,.]* \([^()]{2,30}\) ?[-—–]`)},
	{"byline", regexp.MustCompile(`(?i)^by \p{Lu}|daily mail reporter|\bfor (?:dailymail\.com|mailonline)\b`)},
	{"timestamp", regexp.MustCompile(`(?i)last updated|\b(?:published|updated): \d`)},
	{"media", regexp.MustCompile(`(?i)media playback|not supported on this device|image copyright|image caption|getty images|external links and will open`)},
	// A caption label glued after a sentence that has no full stop:
	// "... last Saturday Skilful: The kite ...".
	{"caption", regexp.MustCompile(`\p{Ll} \p{Lu}\p{Ll}+(?: \p{Ll}+){0,2}: \p{Lu}`)},
	// A sentence glued to the one before without a full stop.
	{"glued", regexp.MustCompile(`(?:^|\s)\p{Ll}+ (?:However|Meanwhile|But|He|She|They|It) \p{Ll}`)},
}

// Furniture returns the furniture kinds found in summary, with
// anyFurniture added when there is one; dangling openings are counted by
// Dangling.
func Furniture(summary string) []string {
	var out []string
	for _, p := range furniturePatterns {
		if p.re.MatchString(summary) {
			out = append(out, p.kind)
		}
	}
	if len(out) > 0 {
		out = append(out, anyFurniture)
	}
	return out
}

// dependentOpeners are words that open a sentence which depends on the one
// before it.
var dependentOpeners = map[string]bool{
	"He": true, "She": true, "They": true, "It": true, "His": true, "Her": true, "Their": true, "Its": true,
	"Him": true, "Them": true, "These": true, "Those": true, "But": true, "However": true, "And": true,
	"So": true, "Also": true, "Meanwhile": true, "Yet": true, "Still": true, "Instead": true, "Then": true,
	"Nevertheless": true, "Moreover": true, "Furthermore": true, "This": true,
}

// Dangling reports whether summary opens with a dependent word ("He",
// "But", ...) on a sentence that is not the first of the cleaned article.
func Dangling(summary, text string) bool {
	w := firstWord(summary)
	if !dependentOpeners[w] {
		return false
	}
	first := summarize.Sentences(summarize.Clean(text))
	return len(first) == 0 || !strings.HasPrefix(summary, first[0])
}

func firstWord(s string) string {
	s = strings.TrimLeft(s, `"'“‘`)
	end := strings.IndexFunc(s, func(r rune) bool { return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') })
	if end < 0 {
		return s
	}
	return s[:end]
}
