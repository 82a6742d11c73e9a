package summarize

import (
	"testing"
)

// cleanersBothWays returns the built-in cleaner as Summarize uses it and
// one that searches every hint of every line (no lineBytes).
func cleanersBothWays(tb testing.TB) (fast, slow *cleaner) {
	tb.Helper()
	fast, err := newCleaner(nil)
	if err != nil {
		tb.Fatal(err)
	}
	slow, err = newCleaner(nil)
	if err != nil {
		tb.Fatal(err)
	}
	slow.searchAllHints = true
	return fast, slow
}

// TestLineBytesCleanAsBefore: skipping the hints a line's bytes rule out
// (lineBytes), and the drop check a lead line had already, cleans every
// text as searching every hint did: the fixtures with their sources and
// titles, the rule table's lines, and the real articles of the shared data
// (cmd/rouge's, and a quarter of cmd/storyeval's), raw and cleaned once.
func TestLineBytesCleanAsBefore(t *testing.T) {
	fast, slow := cleanersBothWays(t)
	same := func(text, source, title string) {
		t.Helper()
		if got, want := fast.clean(text, source, title), slow.clean(text, source, title); got != want {
			t.Fatalf("text %.200q (source %q, title %q):\ncleaned to %q\nsearching every hint: %q", text, source, title, got, want)
		}
	}
	for _, f := range loadFixtures(t) {
		same(f.Text, f.Source, f.Title)
		same(f.Text, "", "")
	}
	for _, tt := range ruleRows {
		same(tt.in, "", "")
		same("Lead paragraph of the story.\n\n"+tt.in+"\n\n"+tt.in, "", "")
	}
	texts := sharedTexts(t) // title, text, title, text ...: the real news, then the stories' articles
	for i := 0; i+1 < len(texts); i += 2 {
		if i >= 2*300 && i%8 != 0 {
			continue // a quarter of the stories' 2,991 articles keeps the test within seconds
		}
		title, text := texts[i], texts[i+1]
		same(text, "", title)
		same(Clean(text), "", title)
	}
	if len(texts) == 0 {
		t.Log("no shared/realnews or shared/stories beside the checkout: fixtures and test lines only")
	}
}

// FuzzLineBytes checks the same on any text.
func FuzzLineBytes(f *testing.F) {
	fast, slow := cleanersBothWays(f)
	for _, tt := range ruleRows {
		f.Add(tt.in, "")
	}
	f.Add("Storm hits coast\n\nFILE - A photo. (AP Photo/Jane Doe)\n\nLONDON (Reuters) - Storm hits coast. Photo: Getty Images", "Storm hits coast")
	f.Fuzz(func(t *testing.T, text, title string) {
		if got, want := fast.clean(text, "", title), slow.clean(text, "", title); got != want {
			t.Fatalf("text %q, title %q: cleaned to %q, searching every hint %q", text, title, got, want)
		}
	})
}
