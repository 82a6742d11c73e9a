package bot

import (
	"github.com/newshound/newshound/locale"
	"github.com/newshound/newshound/query"
)

// unspacedNote is the line that /subscribe and /search add for a run of Chinese or Japanese typed without spaces,
// which matches only where an article writes it exactly so ("北朝鮮ミサイル" missed "北朝鮮のミサイル"): the fix,
// spaces between the words, with the run spaced where its script changes when it does. "" for text without one.
func unspacedNote(t locale.Printer, text string) string {
	runs := query.UnspacedRuns(text)
	if runs == nil {
		return ""
	}
	if runs[0].Spaced != "" {
		return t.Sprintf("⚠️ “%s” has no spaces, so it matches only where an article writes it exactly so. To find its words anywhere, put spaces between them, as in <code>%s</code>.",
			esc(runs[0].Typed), esc(runs[0].Spaced))
	}
	return t.Sprintf("⚠️ “%s” has no spaces, so it matches only where an article writes it exactly so. To find its words anywhere, put spaces between them.", esc(runs[0].Typed))
}
