package summarize

import (
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"
)

// TestLeadFiltersNeverRefuseAMatch checks each lead filter against its
// rule's pattern on the rule table's leads and on 50,000 random leads of
// datelines, dates, agency and other tags, parentheses and prose: a lead
// the pattern matches always passes the filter. And the filters do refuse
// the common lead without an agency tag or a date.
func TestLeadFiltersNeverRefuseAMatch(t *testing.T) {
	c, err := newCleaner(nil)
	if err != nil {
		t.Fatal(err)
	}
	pieces := []string{"WASHINGTON", "SAN FRANCISCO", "Kyiv", "NEW YORK/BEIJING", "MOSCOW", ",", ", ", " ", " ", " ", ".",
		"Nov 26", "Nov. 26.", "26 nov", "26 Sept.", "3 June", "Sept. 3", "2024", "(AP)", "(Reuters)", "(AFP)", "(Europa Press)",
		"(CNN)", "(Market Wire)", "(Daily Ledger)", "(ACM)", "(", ")", "/TASS/", "/ITAR-TASS/", "TASS", " - ", " — ", " -- ",
		":", ".-", "The Senate passed the bill", "said on Tuesday", "Acme", "(file photo)", "12", "7 ", "Jean-Luc O'Neill",
		"Mon", "É", "\n"}
	leads := []string{"(CNN) — The Senate passed the bill on Tuesday (local time), officials said."}
	for _, row := range ruleRows {
		leads = append(leads, row.in)
	}
	rnd := rand.New(rand.NewPCG(11, 12))
	pick := func(xs ...string) string { return xs[rnd.IntN(len(xs))] }
	for k := range 50000 {
		var b strings.Builder
		for range 1 + rnd.IntN(14) {
			b.WriteString(pieces[rnd.IntN(len(pieces))])
		}
		if k%3 == 0 { // a dateline made to match, or nearly
			b.WriteString(pick("", "LONDON", "SAN FRANCISCO") + pick("", ",", ", ") + pick("", " ") +
				pick("Nov 26", "Nov. 26", "26 nov", "26 Sept.", "3 June", "June 3", "Sept 30") + pick(" ", "", "  ") +
				pick("(Market Wire)", "(AP)", "(Reuters)", "(x)", "(Daily Ledger)") + pick(" - ", " — ", " ", ": ") +
				pick("Shares rose.", "the bill"))
		}
		leads = append(leads, b.String())
	}
	filtered := 0
	for i := range c.lead {
		r := &c.lead[i]
		if r.filter == nil {
			continue
		}
		filtered++
		matched, refused := 0, 0
		for _, s := range leads {
			ok := r.filter(s)
			if !ok {
				refused++
			}
			if r.re.MatchString(s) {
				matched++
				if !ok {
					t.Fatalf("%s: the filter refuses %q, which the pattern matches", r.name, s)
				}
			}
		}
		t.Logf("%s: %d of %d leads matched, %d refused by the filter", r.name, matched, len(leads), refused)
		if matched < 100 || refused < 100 {
			t.Errorf("%s: %d leads matched and %d refused, want at least 100 of each to show anything", r.name, matched, refused)
		}
		if r.filter(leads[0]) {
			t.Errorf("%s: the filter lets %q through", r.name, leads[0])
		}
	}
	if filtered != len(leadFilters) {
		t.Errorf("%d lead rules have a filter, want %d (a name in leadFilters that no built-in rule has?)", filtered, len(leadFilters))
	}
	for _, name := range agencyNames {
		if name == "" || regexp.QuoteMeta(name) != name {
			t.Errorf("agency name %q is not a literal: hasAgencyTag would miss its matches", name)
		}
	}
	if len(agencyNames) < 10 {
		t.Errorf("agencyNames = %q: the agency fragment changed its form", agencyNames)
	}
}
