package summarize

import (
	"context"
	"math"
	"strings"
	"testing"
)

// TestDefaultScorerSameAsNil: Options.Scorer set to DefaultScorer gives
// the summaries of a nil Scorer, so cmd/rouge -fit compares like with like.
func TestDefaultScorerSameAsNil(t *testing.T) {
	def := DefaultScorer()
	plain := mustNew(t, Options{})
	same := mustNew(t, Options{Scorer: &def})
	for _, f := range loadFixtures(t) {
		in := Input{Title: f.Title, Text: f.Text, Source: f.Source}
		if a, b := plain.Summarize(context.Background(), in), same.Summarize(context.Background(), in); a != b {
			t.Errorf("%s: nil Scorer %q, DefaultScorer %q", f.ID, a, b)
		}
	}
}

// TestScorerEndsEarly: Stop and Floor end a summary after its first
// sentence when the next scores too little; zero leaves it full.
func TestScorerEndsEarly(t *testing.T) {
	full := mustNew(t, Options{}).Summarize(context.Background(), Input{Text: longArticle})
	if n := len(Sentences(full)); n != 3 {
		t.Fatalf("default summary has %d sentences, want 3: %q", n, full)
	}
	tests := []struct {
		name   string
		scorer Scorer
		want   int // sentences in the summary
	}{
		{name: "zero stop and floor fill the summary", scorer: DefaultScorer(), want: 3},
		{name: "stop near 1: nothing scores as well as the first", scorer: Scorer{Weights: DefaultScorer().Weights, Stop: 0.99}, want: 1},
		{name: "floor above every score", scorer: Scorer{Weights: DefaultScorer().Weights, Floor: 100}, want: 1},
		{name: "floor below every score", scorer: Scorer{Weights: DefaultScorer().Weights, Floor: 0.01}, want: 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := mustNew(t, Options{Scorer: &tt.scorer}).Summarize(context.Background(), Input{Text: longArticle})
			if n := len(Sentences(got)); n != tt.want {
				t.Errorf("summary has %d sentences, want %d: %q", n, tt.want, got)
			}
			if !strings.HasPrefix(full, Sentences(got)[0]) {
				t.Errorf("summary %q does not open as the full one %q", got, full)
			}
		})
	}
}

// TestScorerWeights: each weight reaches the choice, and a penalty lowers
// a negative score too (else a fragment would beat prose under a
// negative bias).
func TestScorerWeights(t *testing.T) {
	text := "Will the council argue for a long time about the budget today?\n\n" +
		"Officials confirmed the new bridge will open next spring after repairs.\n\n" +
		"The repairs cost 4.5 million euros over 18 months of work in 2025."
	tests := []struct {
		name    string
		weights map[Feature]float64
		want    string // the one sentence chosen
	}{
		{name: "numbers", weights: map[Feature]float64{FeatureNumbers: 1}, want: "The repairs cost"},
		{name: "first sentence, a question penalised", weights: map[Feature]float64{FeatureFirst: 1, FeatureBias: 0.1}, want: "Will the council"},
		{name: "negative bias: the penalised sentence still loses", weights: map[Feature]float64{FeatureBias: -1}, want: "Officials confirmed"},
		{name: "later sentences", weights: map[Feature]float64{FeatureRelative: 1}, want: "The repairs cost"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var sc Scorer
			for f, w := range tt.weights {
				sc.Weights[f] = w
			}
			got := mustNew(t, Options{Sentences: 1, Scorer: &sc}).Summarize(context.Background(), Input{Text: text})
			if !strings.HasPrefix(got, tt.want) {
				t.Errorf("summary %q, want the sentence starting %q", got, tt.want)
			}
		})
	}
}

func TestFeatures(t *testing.T) {
	s := mustNew(t, Options{})
	text := "The city council approved a budget of 12 million euros for 2026 on Monday.\n\n" +
		"\"We had no choice,\" said Mayor Anna Berg after the vote in the town hall.\n\n" +
		"Short line here.\n\n" +
		"The budget raises spending on schools and on the repair of two bridges."
	got := s.Features(Input{Text: text})
	if len(got) != 4 {
		t.Fatalf("%d sentences, want 4: %+v", len(got), got)
	}
	near := func(a, b float64) bool { return math.Abs(a-b) < 1e-6 }
	checks := []struct {
		name      string
		sent      int
		feature   Feature
		want      float64
		tolerance bool // compare within 1e-6
	}{
		{"bias", 2, FeatureBias, 1, true},
		{"first", 0, FeatureFirst, 1, true},
		{"not first", 1, FeatureFirst, 0, true},
		{"position of the third", 2, FeaturePosition, 0.5, true},
		{"relative position", 2, FeatureRelative, 0.5, true},
		{"numbers: 12 and 2026 of 14 words", 0, FeatureNumbers, 2.0 / 14, true},
		{"quote", 1, FeatureQuote, 1, true},
		{"no quote", 0, FeatureQuote, 0, true},
		{"capitals: Mayor, Anna, Berg of 14 words after the first", 1, FeatureCapitals, 3.0 / 14, true},
		{"length: 14 words", 0, FeatureLength, 14.0 / 25, true},
	}
	for _, c := range checks {
		if v := got[c.sent].Features[c.feature]; !near(v, c.want) {
			t.Errorf("%s: sentence %d %s = %v, want %v", c.name, c.sent, c.feature, v, c.want)
		}
	}
	if got[2].Eligible {
		t.Errorf("fragment %q is eligible", got[2].Text)
	}
	if !got[0].Eligible || !got[3].Eligible {
		t.Errorf("prose not eligible: %+v", got)
	}
	if got[1].Penalty >= 1 {
		t.Errorf("sentence opening on a quote has penalty %v, want below 1", got[1].Penalty)
	}
	for i, f := range got {
		for k, v := range f.Features {
			if v < 0 || v > 2 {
				t.Errorf("sentence %d %s = %v, outside [0, 2]", i, Feature(k), v)
			}
		}
	}
	if s.Features(Input{Text: ""}) != nil {
		t.Error("empty text has features")
	}
}

func TestFeatureNames(t *testing.T) {
	seen := map[string]bool{}
	for f := range NumFeatures {
		name := f.String()
		if name == "" || name == "feature?" || seen[name] {
			t.Errorf("feature %d has name %q (empty, unknown or repeated)", f, name)
		}
		seen[name] = true
	}
	if Feature(-1).String() != "feature?" || NumFeatures.String() != "feature?" {
		t.Error("out-of-range features have a name")
	}
}
