package stories

import (
	"testing"
	"time"
)

// art is an article of a story test: its title and text.
type art struct{ title, text string }

// storyPair is two articles, b arriving after a, and whether they are one
// story.
type storyPair struct {
	name string
	a, b art
	same bool
}

// checkStoryPairs decides each pair on a fresh Index whose frequencies
// counted corpus (as a bot reading those outlets would have), b arriving
// after a.
func checkStoryPairs(t *testing.T, corpus []art, pairs []storyPair, now time.Time, after time.Duration) {
	t.Helper()
	var all []Features
	for _, a := range corpus {
		all = append(all, NewFeatures(a.title, "", a.text))
	}
	for _, tt := range pairs {
		t.Run(tt.name, func(t *testing.T) {
			x := NewIndex()
			for _, f := range all {
				x.Freq.Add(f)
			}
			x.Add(1, 1, NewFeatures(tt.a.title, "", tt.a.text), now)
			_, same := x.Match(NewFeatures(tt.b.title, "", tt.b.text), now.Add(after))
			if same != tt.same {
				t.Errorf("one story = %v, want %v", same, tt.same)
			}
		})
	}
}
