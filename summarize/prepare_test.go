package summarize

import (
	"fmt"
	"strings"
	"testing"
)

// TestPrepareKeepsPartsAligned checks that every candidate sentence is the
// part whose caption flag it carries, also when splitting a glued caption
// off makes the parts reach maxCandidates before the text's last sentence
// while the text has exactly as many sentences as there are parts: the
// sentences were not replaced by the parts then, so captions were offered
// and prose refused, one place off.
func TestPrepareKeepsPartsAligned(t *testing.T) {
	for _, total := range []int{maxCandidates - 1, maxCandidates, maxCandidates + 1} {
		var b strings.Builder
		// The glued caption comes second: a text's first sentence split
		// before "And" keeps its first part as the lead (keepLead).
		b.WriteString("Council report number 0 was published on the city website this week.\n\n")
		b.WriteString("The party urged voters to back Labour And he warned the vote decides the next five years.\n\n")
		for k := 2; k < total; k++ {
			fmt.Fprintf(&b, "Council report number %d was published on the city website this week.\n\n", k)
		}
		s := newScratch()
		n := s.prepare(b.String(), "Council reports", langEnglish)
		for i := range n {
			if s.sents[i] != s.parts[i].text {
				t.Fatalf("%d sentences: candidate %d is %q, its part %q", total, i, s.sents[i], s.parts[i].text)
			}
		}
		if s.caption[0] || !s.caption[1] || s.caption[2] {
			t.Errorf("%d sentences: caption flags %v %v %v, want prose, the glued caption, then prose", total, s.caption[0], s.caption[1], s.caption[2])
		}
	}
}
