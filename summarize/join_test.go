package summarize

import (
	"strings"
	"testing"
)

// The summary's sentences are joined in one allocation of at most their size (the builder grew by doubling: two
// allocations for these three sentences), and the text is what the joins wrote before.
func TestJoinInOneAllocation(t *testing.T) {
	s := &Summarizer{}
	sc := newScratch()
	sc.sents = []string{
		strings.Repeat("The council voted on Tuesday to close the old bridge to lorries. ", 3),
		strings.Repeat("Engineers found cracks in two of its piers last month. ", 3),
		"Cars and buses may still cross it (pictured) until the repairs begin in spring.",
		"事故は午前に起きた。",
		"Police said the road would reopen by noon.",
	}
	for _, c := range []struct {
		idx  []int
		want string
	}{
		{[]int{0, 1, 2}, sc.sents[0] + " " + sc.sents[1] + " Cars and buses may still cross it until the repairs begin in spring."},
		{[]int{3, 4}, sc.sents[3] + sc.sents[4]},
	} {
		if got := s.join(sc, c.idx, langEnglish); got != c.want {
			t.Errorf("join(%v) = %q, want %q", c.idx, got, c.want)
		}
	}
	if n := testing.AllocsPerRun(100, func() { s.join(sc, []int{0, 1, 4}, langEnglish) }); n != 1 {
		t.Errorf("join of three sentences took %v allocations, want 1", n)
	}
}
