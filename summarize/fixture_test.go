package summarize

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// fixture is one article of testdata/articles, the set cmd/rouge scores.
type fixture struct {
	ID        string `json:"id"`
	Kind      string `json:"kind"`
	Source    string `json:"source"`
	Title     string `json:"title"`
	Text      string `json:"text"`
	Reference string `json:"reference"`
}

func loadFixtures(tb testing.TB) []fixture {
	tb.Helper()
	paths, err := filepath.Glob(filepath.Join("testdata", "articles", "*.json"))
	if err != nil || len(paths) < 20 {
		tb.Fatalf("want at least 20 fixtures, found %d (%v)", len(paths), err)
	}
	var out []fixture
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			tb.Fatal(err)
		}
		var f fixture
		if err := json.Unmarshal(b, &f); err != nil {
			tb.Fatalf("%s: %v", p, err)
		}
		out = append(out, f)
	}
	return out
}

// leftovers are fragments of the boilerplate in the fixtures that no
// summary may contain, whichever rule should have removed them.
var leftovers = []string{
	"REUTERS/", "(Reuters)", "(AP)", "AP Photo", "/TASS/", "(EFE)", "(dpa)", "(Market Wire)", "Getty Images",
	"FILE PHOTO", "FILE -", "Photo:", "Photo by", "[[", "]]", "{{", "}}", "[caption", "[gallery", "<", ">", "&amp;",
	"&rdquo;", "&#", "appeared first on", "Sign up", "Join our", "Join the conversation", "Read more", "Click here",
	"Follow us", "Follow our", "Subscribe", "Suscríbete", "Lesen Sie auch", "Folgen Sie", "Te puede interesar",
	"Advertisement", "Share this", "Share on", "No comments", "Related Articles", "Related Coverage", "Comments",
	"Reporting by", "Editing by", "All rights reserved", "Listen to this article", "Staff Writer", "By Sam",
	"By Marta", "By Priya", "By Dana", "Last updated", "Live updates", "UPDATE 1", "関連記事", "シェアする", "[…]",
	"googletag",
}

// TestFixtureSummaries checks every fixture's summary, at several
// settings, for length and for boilerplate: no leftover fragment, and no
// built-in rule that would still remove anything from it or from one of
// its sentences.
func TestFixtureSummaries(t *testing.T) {
	rules, err := compileCleaner(builtinRules())
	if err != nil {
		t.Fatal(err)
	}
	settings := []Options{{}, {Sentences: 2, MaxChars: 300}, {Sentences: 5, MaxChars: 1000}, {Sentences: 3, MaxChars: 120}}
	for _, opts := range settings {
		s := mustNew(t, opts)
		max := s.maxChars
		for _, f := range loadFixtures(t) {
			t.Run(f.ID, func(t *testing.T) {
				got := s.Summarize(context.Background(), Input{Title: f.Title, Text: f.Text, Source: f.Source})
				if got == "" {
					t.Fatal("empty summary")
				}
				if n := utf8.RuneCountInString(got); n > max {
					t.Errorf("%d characters, more than %d: %q", n, max, got)
				}
				for _, l := range leftovers {
					if strings.Contains(got, l) {
						t.Errorf("summary contains boilerplate %q: %q", l, got)
					}
				}
				for _, part := range append(Sentences(got), got) {
					if r := ruleMatching(rules, part); r != "" {
						t.Errorf("rule %q still matches %q", r, part)
					}
				}
			})
		}
	}
}

// ruleMatching returns the name of a rule that would change text, or "".
func ruleMatching(c *cleaner, text string) string {
	for _, group := range [][]compiledRule{c.lead, c.prefix, c.inline} {
		for _, r := range group {
			if r.re.MatchString(text) {
				return r.name
			}
		}
	}
	for _, r := range c.drop {
		if len(text) <= maxDropLine && r.re.MatchString(text) {
			return r.name
		}
	}
	return ""
}

// BenchmarkSummarize800Words summarises the 820-word feature article of
// the fixture set (cleaning, splitting, ranking) on one goroutine. It
// reports summaries per second of wall time and, because a shared machine
// makes wall time noisy, per second of CPU time used by the process
// (garbage collection included).
func BenchmarkSummarize800Words(b *testing.B) {
	var in Input
	for _, f := range loadFixtures(b) {
		if f.ID == "feature-lighthouse" {
			in = Input{Title: f.Title, Text: f.Text, Source: f.Source}
		}
	}
	if words := countWords(in.Text); words < 800 {
		b.Fatalf("benchmark article has %d words, want at least 800", words)
	}
	s := mustNew(b, Options{})
	ctx := context.Background()
	b.ReportAllocs()
	cpu := processCPUSeconds()
	for b.Loop() {
		if s.Summarize(ctx, in) == "" {
			b.Fatal("empty summary")
		}
	}
	cpu = processCPUSeconds() - cpu
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "summaries/s")
	if cpu > 0 {
		b.ReportMetric(float64(b.N)/cpu, "summaries/cpu-s")
	}
}
