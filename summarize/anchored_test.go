package summarize

import (
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/newshound/newshound/internal/shareddata"
)

// TestAnchoredRulesSkipProse checks that no StripPrefix rule, anchored
// CutLead rule or DropLine rule outside dropAny runs its pattern on more than a tenth of
// prose lines (the sentences of the fixtures' cleaned texts): such a rule
// matches at the line's first byte, so mayMatch rules out a line that
// cannot start a match (and a DropLine rule one that cannot end it).
// Before that test five prefix rules without hints (prefix-wire-label,
// prefix-update-time, prefix-player-notice, prefix-player-controls,
// prefix-advertisement) ran their regexp on every line of cmd/fill's -html
// run, and never matched; date-only (hinted by the digits) ran on 58% of
// these lines, prefix-dateline-city-state (by a dash) on 21%. Give a rule
// that still fails here Hints or a filter (prefixFilters).
// TestLineBytesCleanAsBefore and FuzzLineBytes check that the text cleans
// as it did without the test.
func TestAnchoredRulesSkipProse(t *testing.T) {
	c := defaultCleaner()
	rules := anchoredRules(c, c.dropEach)
	prose := proseLines(t)
	lines := len(prose)
	byRule := map[string]int{}
	for _, line := range prose {
		set := setOfLine(line)
		for _, r := range rules {
			if r.mayMatch(line, &set) {
				byRule[r.name]++
			}
		}
	}
	var many []string
	for name, n := range byRule {
		if n*10 > lines {
			many = append(many, fmt.Sprintf("%s (%d)", name, n))
		}
	}
	sort.Strings(many)
	if len(many) > 0 {
		t.Errorf("anchored rules that run their pattern on more than 10%% of the %d prose lines: %s",
			lines, strings.Join(many, ", "))
	}
	for _, r := range rules {
		t.Logf("%s: %d of %d lines", r.name, byRule[r.name], lines)
	}
}

// TestEdgesAdmitEveryMatch checks that what mayMatch reads of a line's
// first and last two bytes (lineEdge), and a prefix rule's filter
// (prefixFilters), never rule out a line the rule's pattern matches: every
// built-in StripPrefix and DropLine rule against the lines of the rule
// table, of the fixtures and of the shared real news (the first 100
// articles), as written and with their case changed, and the lines the
// rules leave after a prefix.
func TestEdgesAdmitEveryMatch(t *testing.T) {
	c := defaultCleaner()
	rules := anchoredRules(c, c.drop)
	var lines []string
	add := func(text string) {
		for line := range logicalLines(decodeEntities(text)) {
			lines = append(lines, line, strings.ToUpper(line), strings.ToLower(line))
		}
	}
	for _, tt := range ruleRows {
		add(tt.in)
	}
	for _, f := range loadFixtures(t) {
		add(f.Text)
	}
	texts := shareddata.Texts(t) // title, text, ...: the real news first
	for i := 1; i < len(texts) && i < 2*100; i += 2 {
		add(texts[i])
	}
	matched := 0
	filtered := map[string]int{} // matches of each rule with a filter
	check := func(r *compiledRule, line string) {
		if loc := r.re.FindStringIndex(line); loc == nil || loc[0] > 0 {
			return // an anchored CutLead rule cuts only through a match at the start
		}
		matched++
		if r.filter != nil {
			filtered[r.name]++
		}
		if !r.head.mayStart(line) || !r.tail.mayEnd(line) {
			t.Errorf("rule %s matches %q, but its edges rule the line out", r.name, line)
		}
		if r.filter != nil && !r.filter(line) {
			t.Errorf("rule %s matches %q, but its filter rules the line out", r.name, line)
		}
	}
	for _, line := range lines {
		for _, r := range rules {
			check(r, line)
			if r.kind == StripPrefix && r.re.MatchString(line) {
				if _, end, _ := r.cutEnd(line); end > 0 {
					rest := trimLeadPunct(line[end:])
					for _, s := range rules {
						check(s, rest)
					}
				}
			}
		}
	}
	if matched < 100 {
		t.Fatalf("only %d matches: the test lines do not exercise the rules", matched)
	}
	for name := range prefixFilters {
		if filtered[name] < 3 {
			t.Errorf("rule %s matched %d lines: too few to try its filter", name, filtered[name])
		}
	}
	t.Logf("%d lines, %d matches", len(lines), matched)
}

// FuzzEdges checks the same for any line and any of the rules.
func FuzzEdges(f *testing.F) {
	c := defaultCleaner()
	rules := anchoredRules(c, c.drop)
	for i, tt := range ruleRows {
		f.Add(tt.in, uint(i))
	}
	for i := range rules {
		if rules[i].filter != nil {
			f.Add("Portsmouth, Va. - The ship", uint(i))
			f.Add("Lake Township, Ohio -- A man", uint(i))
		}
	}
	f.Fuzz(func(t *testing.T, line string, n uint) {
		r := rules[n%uint(len(rules))]
		if loc := r.re.FindStringIndex(line); loc != nil && loc[0] == 0 && (!r.head.mayStart(line) || !r.tail.mayEnd(line) || r.filter != nil && !r.filter(line)) {
			t.Fatalf("rule %s matches %q, but its edges or its filter rule the line out", r.name, line)
		}
	})
}

// TestRareBytesOfHints: a rule's rare holds the byte of each hint that
// mayMatch looks for first, so that a line with none of them is ruled out
// by one test, not one a hint (date-only has ten hints, the digits, that
// share no byte).
func TestRareBytesOfHints(t *testing.T) {
	c := defaultCleaner()
	var dateOnly *compiledRule
	for _, rules := range [][]compiledRule{c.lead, c.prefix, c.drop, c.inline} {
		for i := range rules {
			r := &rules[i]
			for j, h := range r.hints {
				if !r.rare.has(h[r.hintAt[j]]) {
					t.Errorf("rule %s: hint %q's byte %q is not in rare", r.name, h, h[r.hintAt[j]])
				}
			}
			if r.name == "date-only" {
				dateOnly = r
			}
		}
	}
	if dateOnly == nil {
		t.Fatal("no date-only rule")
	}
	var digits byteSet
	for c := byte('0'); c <= '9'; c++ {
		digits.add(c)
	}
	if dateOnly.rare != digits {
		t.Errorf("date-only's rare bytes are %x, want the ten digits %x", dateOnly.rare, digits)
	}
	line := "Monday, March the fifth."
	set := setOfLine(line)
	if set.bytes.meets(&dateOnly.rare) || dateOnly.mayMatch(line, &set) {
		t.Errorf("date-only may match %q, which has no digit", line)
	}
}

// anchoredRules returns the rules whose matches start at a line's start:
// the prefix rules, the anchored CutLead rules and drop.
func anchoredRules(c *cleaner, drop []compiledRule) []*compiledRule {
	var rules []*compiledRule
	for i := range c.prefix {
		rules = append(rules, &c.prefix[i])
	}
	for i := range c.lead {
		if c.lead[i].anchored {
			rules = append(rules, &c.lead[i])
		}
	}
	for i := range drop {
		rules = append(rules, &drop[i])
	}
	return rules
}
