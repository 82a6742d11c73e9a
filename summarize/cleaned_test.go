package summarize

import (
	"context"
	"strings"
	"testing"

	"github.com/newshound/newshound/internal/articlehtml"
	"github.com/newshound/newshound/internal/shareddata"
)

// checkCleanedAsBefore fails t unless the second cleaning of text's
// cleaning (as the Summarizer cleans what the poller stored) is the same
// with what the first learnt (CleanText) as without it, for the source
// and title and for the text cut short (as the poller bounds a text); and
// the summaries too, when sum is not nil.
func checkCleanedAsBefore(t *testing.T, sum *Summarizer, text, source, title string) {
	t.Helper()
	c := defaultCleaner()
	known := CleanText(text)
	if want := Clean(text); known.Text != want {
		t.Fatalf("text %.200q: CleanText %q, Clean %q", text, known.Text, want)
	}
	for _, stored := range []string{known.Text, LimitBytes(known.Text, len(known.Text)*2/3)} {
		for _, ti := range []string{title, "", strings.ToUpper(title)} {
			want := c.clean(stored, source, ti)
			if got := c.cleanKnowing(stored, source, ti, &known, nil); got != want {
				t.Fatalf("text %.200q cleaned %.200q (source %q, title %q):\nagain with what the first cleaning learnt: %q\nagain: %q", text, stored, source, ti, got, want)
			}
		}
		if sum == nil {
			continue
		}
		in := Input{Title: title, Text: stored, Source: source}
		want := sum.Summarize(context.Background(), in)
		in.Cleaned = known
		if got := sum.Summarize(context.Background(), in); got != want {
			t.Fatalf("text %.200q (title %q): summary with the cleaning %q, without %q", stored, title, got, want)
		}
	}
}

// TestCleanedAsBefore: the Summarizer, given the poller's cleaning of the
// text it stored (Input.Cleaned), cleans it and summarizes it as it did
// without: the fixtures, the rule table's lines behind a lead and in it,
// a title repeated in the lead after a caption, and the real articles of
// the shared data, as text and as a site's HTML (articlehtml.Body, as
// cmd/fill -html feeds them).
func TestCleanedAsBefore(t *testing.T) {
	sum, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range loadFixtures(t) {
		checkCleanedAsBefore(t, sum, f.Text, f.Source, f.Title)
		checkCleanedAsBefore(t, sum, articlehtml.Body("site", f.Title, f.Text, "1"), f.Source, f.Title)
	}
	const body = "The council met on Tuesday to discuss the budget.\n\nIt agreed to raise the tax by two per cent.\n\nThe vote was close."
	for _, tt := range ruleRows {
		checkCleanedAsBefore(t, nil, "Lead paragraph of the story.\n\n"+tt.in+"\n\n"+tt.in+"\n\n"+body+"\n\n"+tt.in, "", "Council raises the tax by two per cent")
		checkCleanedAsBefore(t, nil, tt.in+"\n\n"+body, "", "Council raises the tax by two per cent")
	}
	for _, text := range []string{
		"Photo: Jane Doe/Reuters Council raises the tax by two per cent LONDON (Reuters) - The council met.\n\n" + body,
		"Council raises the tax by two per cent\n\nCouncil raises the tax by two per cent. It met on Tuesday.\n\n" + body,
		"FILE - A photo of the hall.\n\nLONDON (AP) — " + body + "\n\n" + body,
	} {
		checkCleanedAsBefore(t, sum, text, "", "Council raises the tax by two per cent")
	}
	texts := shareddata.Texts(t)
	for i := 0; i+1 < len(texts); i += 2 {
		if i >= 2*300 && i%8 != 0 {
			continue // a quarter of the stories' articles keeps the test within seconds
		}
		title, text := texts[i], texts[i+1]
		checkCleanedAsBefore(t, sum, text, "", title)
		if i%4 == 0 {
			checkCleanedAsBefore(t, sum, articlehtml.Body("site", title, strings.Join(strings.Fields(text), " "), "1"), "", title)
		}
	}
	if len(texts) == 0 {
		t.Log("no shared/realnews or shared/stories beside the checkout: fixtures and test lines only")
	}
}

// TestCleanedKeepsProse: the facts of a plain article's cleaning let the
// second cleaning keep each of its paragraphs, in the lead and after, with
// the title; a cleaner with other rules (a source's own) takes none.
func TestCleanedKeepsProse(t *testing.T) {
	text := "The council met on Tuesday to discuss the budget.\n\nIt agreed to raise the tax by two per cent.\n\n" +
		"The vote was close, officials said.\n\nThe mayor welcomed the result.\n\nThe tax rises in April.\n\nOpponents said they would appeal."
	known := CleanText(text)
	lines := strings.Split(known.Text, "\n\n")
	if len(lines) != 6 || len(known.facts) != 6 {
		t.Fatalf("cleaned to %d paragraphs with %d facts: %q", len(lines), len(known.facts), known.Text)
	}
	for k, line := range lines {
		if known.keeps(k, line, k < leadLines, k > 0, "Council raises the tax") == factNone {
			t.Errorf("paragraph %d %q not kept as it is (fact %+v)", k, line, known.facts[k])
		}
	}
	if known.keeps(1, lines[2], false, true, "") != factNone {
		t.Errorf("paragraph 2 kept as paragraph 1's")
	}
	other, err := newCleaner([]Rule{{Name: "x", Kind: DropLine, Pattern: `The vote was close.*`, Sources: []string{"src"}}})
	if err != nil {
		t.Fatal(err)
	}
	want := other.clean(known.Text, "src", "")
	if got := other.cleanKnowing(known.Text, "src", "", &known, nil); got != want || strings.Contains(got, "vote") {
		t.Errorf("with a source's rule: %q, want %q", got, want)
	}
}

// FuzzCleaned: whatever the text and title, the second cleaning is the
// same with the facts of the first as without.
func FuzzCleaned(f *testing.F) {
	f.Add("LONDON (Reuters) - A b c.\n\nIt d e.\n\nFILE - x", "A b c")
	f.Add(articlehtml.Body("site", "Officials meet in the capital today", "One sentence here. Two sentences here. Three sentences here. Four sentences here.", "7"), "Officials meet in the capital today")
	f.Add("Photo: AP Officials meet today. WASHINGTON — Officials met.\n\nadvertisement\n\nMore.", "Officials meet today")
	f.Fuzz(func(t *testing.T, text, title string) { checkCleanedAsBefore(t, nil, text, "", title) })
}
