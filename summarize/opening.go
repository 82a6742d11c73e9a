package summarize

import (
	"strings"
	"unicode/utf8"
)

// openingProbe is how many bytes of the cleaned text's first sentence are
// looked for in the raw text's first line: enough to be unique there,
// short enough that inline rules further in do not change them.
const openingProbe = 32

// opensRaw reports whether first, the first sentence of the cleaned text,
// starts on the first line of raw, the text before cleaning: nothing but a
// dateline on its own line was left out before it. When a line was dropped
// before it (a photo caption, a teaser, a share bar), a first sentence that
// opens on "They" or "But" may refer to what was dropped, so it may not
// open a summary on its own. It converts markup only when it must, so it
// is called only for a first sentence that opens on such a word.
func opensRaw(raw, first string) bool {
	if raw == "" {
		return true // no raw text to compare with: nothing known to be dropped
	}
	if looksLikeHTML(raw) {
		raw = htmlToText(raw)
	}
	raw = decodeEntities(raw)
	probe := first
	if len(probe) > openingProbe {
		end := openingProbe
		for end > 0 && !utf8.RuneStart(probe[end]) {
			end--
		}
		probe = probe[:end]
	}
	for line := range logicalLines(raw) {
		return strings.Contains(line, probe)
	}
	return true
}
