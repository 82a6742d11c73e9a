package summarize

import (
	"fmt"
	"sort"
	"strings"
	"testing"
)

// TestDropAnySkipsProse checks that no hintless DropLine rule (those in
// dropAny, the alternation split by a line's first three bytes) may match
// the start of most prose lines, the sentences of the fixtures' cleaned
// texts: a rule the split cannot rule out makes a regexp run over each such
// line. date-only, which may start with any capital letter, did so for 77%
// of these lines before it had its digits as hints, and for 95% of the
// lines of cmd/fill's -html run, where it never matched: the cleaning cost
// some 40% more. Give such a rule Hints.
func TestDropAnySkipsProse(t *testing.T) {
	c := defaultCleaner()
	var names []string
	for _, r := range c.drop {
		if len(r.sources) == 0 && len(r.hints) == 0 {
			names = append(names, r.name)
		}
	}
	prose := proseLines(t)
	lines := len(prose)
	byRule := map[string]int{}
	for _, line := range prose {
		g := c.dropAny.groupOf(line)
		if g == nil {
			continue
		}
		for _, i := range g.idx {
			byRule[names[i]]++
		}
	}
	var many []string
	for name, n := range byRule {
		if n*10 > lines*4 {
			many = append(many, fmt.Sprintf("%s (%d)", name, n))
		}
	}
	sort.Strings(many)
	if len(many) > 0 {
		t.Errorf("hintless DropLine rules that may match the start of more than 40%% of the %d prose lines: %s",
			lines, strings.Join(many, ", "))
	}
}

// proseLines returns the paragraphs of 40 bytes or more of the fixtures'
// cleaned texts: prose that a line rule should rarely need to look at. It
// fails the test when there are fewer than 100.
func proseLines(t *testing.T) []string {
	t.Helper()
	var out []string
	for _, f := range loadFixtures(t) {
		for _, line := range strings.Split(Clean(f.Text), "\n\n") {
			if len(line) >= 40 {
				out = append(out, line)
			}
		}
	}
	if len(out) < 100 {
		t.Fatalf("only %d prose lines in the fixtures", len(out))
	}
	return out
}
