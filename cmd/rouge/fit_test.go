package main

import (
	"bytes"
	"math"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newshound/newshound/summarize"
)

func TestSolve(t *testing.T) {
	// 2x + y = 5, x + 3y = 10 → x = 1, y = 3; rows given out of pivot order.
	got, err := solve([][]float64{{1, 3, 10}, {2, 1, 5}})
	if err != nil || !near(got[0], 1) || !near(got[1], 3) {
		t.Errorf("solve = %v, %v; want [1 3]", got, err)
	}
	if _, err := solve([][]float64{{1, 2, 3}, {2, 4, 6}}); err == nil {
		t.Error("singular system solved")
	}
}

// syntheticSets is one file of six articles whose sentences' targets are
// an exact linear function of position and numbers, or 1 where that
// function is above 0.5 for the logistic fit.
func syntheticSets(binary bool) ([]set, [][][]sample) {
	var arts []Article
	var samples [][]sample
	for a := range 6 {
		arts = append(arts, Article{ID: string(rune('a' + a)), index: a})
		var sents []sample
		for i := range 8 {
			var s sample
			s.x[summarize.FeatureBias] = 1
			s.x[summarize.FeaturePosition] = 1 / (1 + float64(i)/2)
			s.x[summarize.FeatureNumbers] = float64((i*7+a*3)%5) / 5
			s.y = 0.1 + 0.5*s.x[summarize.FeaturePosition] + 0.3*s.x[summarize.FeatureNumbers]
			if binary {
				s.y = 0
				if 0.5*s.x[summarize.FeaturePosition]+0.3*s.x[summarize.FeatureNumbers] > 0.45 {
					s.y = 1
				}
			}
			s.weight = 1.0 / 8
			sents = append(sents, s)
		}
		samples = append(samples, sents)
	}
	return []set{{name: "synthetic", articles: arts}}, [][][]sample{samples}
}

func TestFitScorer(t *testing.T) {
	feats := []summarize.Feature{summarize.FeaturePosition, summarize.FeatureNumbers}
	sets, samples := syntheticSets(false)
	for _, half := range []string{"all", "even", "odd"} {
		sc, err := fitScorer(samples, sets, half, fitOptions{ridge: 0, features: feats})
		if err != nil {
			t.Fatal(err)
		}
		w := sc.Weights
		if !approx(w[summarize.FeatureBias], 0.1) || !approx(w[summarize.FeaturePosition], 0.5) || !approx(w[summarize.FeatureNumbers], 0.3) {
			t.Errorf("%s: weights %v, want bias 0.1, position 0.5, numbers 0.3", half, w)
		}
	}
	// Ridge shrinks the weights, never the bias.
	sc, err := fitScorer(samples, sets, "all", fitOptions{ridge: 10, features: feats})
	if err != nil {
		t.Fatal(err)
	}
	if p := sc.Weights[summarize.FeaturePosition]; p <= 0 || p >= 0.5 {
		t.Errorf("ridge 10: position weight %v, want in (0, 0.5)", p)
	}
	// A feature not fitted weighs 0, and the shipped weights are kept with keep.
	if sc.Weights[summarize.FeatureCentrality] != 0 {
		t.Errorf("centrality not fitted but weighs %v", sc.Weights[summarize.FeatureCentrality])
	}
	kept, err := fitScorer(samples, sets, "all", fitOptions{keep: true, features: feats})
	if err != nil || kept != summarize.DefaultScorer() {
		t.Errorf("keep: %+v, %v; want DefaultScorer", kept, err)
	}

	// Logistic: the log-odds rise with both features.
	sets, samples = syntheticSets(true)
	sc, err = fitScorer(samples, sets, "all", fitOptions{ridge: 0.1, features: feats, logistic: true})
	if err != nil {
		t.Fatal(err)
	}
	if sc.Weights[summarize.FeaturePosition] <= 0 || sc.Weights[summarize.FeatureNumbers] <= 0 || sc.Weights[summarize.FeatureBias] >= 0 {
		t.Errorf("logistic weights %v: want position and numbers above 0, bias below", sc.Weights)
	}
}

func approx(a, b float64) bool { return math.Abs(a-b) < 1e-6 }

func TestOracle(t *testing.T) {
	texts := []string{
		"Parks get more money this year.",
		"The council approved the budget on Monday.",
		"The weather was fine.",
		"The budget raises school spending.",
	}
	got := oracle(texts, "The council approved the budget, raising school spending.", 3)
	if len(got) < 1 || got[0] != 1 {
		t.Fatalf("oracle = %v, want sentence 1 first", got)
	}
	for _, i := range got {
		if i == 2 {
			t.Errorf("oracle = %v took the sentence that adds nothing", got)
		}
	}
	if got := oracle(texts, "Nothing in common whatsoever.", 3); len(got) != 0 {
		t.Errorf("oracle = %v for an unrelated reference, want none", got)
	}
}

func TestArticleSamples(t *testing.T) {
	s, err := summarize.New(summarize.Options{})
	if err != nil {
		t.Fatal(err)
	}
	a := Article{
		Text: "The council approved the budget for the new year on Monday evening.\n\n" +
			"The weather in the town was fine and sunny all day long.\n\n" +
			"The budget raises spending on the schools of the town by a tenth.",
		Reference: "The council approved the budget for the new year on Monday, raising spending on the schools of the town.",
	}
	r1 := articleSamples(s, a, "r1")
	if len(r1) != 3 {
		t.Fatalf("%d samples, want 3", len(r1))
	}
	if !(r1[0].y > r1[1].y && r1[2].y > r1[1].y) {
		t.Errorf("r1 targets %v, %v, %v: want the weather lowest", r1[0].y, r1[1].y, r1[2].y)
	}
	or := articleSamples(s, a, "oracle")
	if or[0].y != 1 || or[1].y != 0 || or[2].y != 1 {
		t.Errorf("oracle targets %v, %v, %v; want 1, 0, 1", or[0].y, or[1].y, or[2].y)
	}
	for _, smp := range or {
		if !approx(smp.weight, 1.0/3) {
			t.Errorf("weight %v, want 1/3: every article counts alike", smp.weight)
		}
	}
}

func TestParseFitOptions(t *testing.T) {
	tests := []struct {
		name                                  string
		half, target, stops, floors, features string
		wantErr                               string
	}{
		{name: "defaults", half: "all", target: "oracle", stops: "0", floors: "0"},
		{name: "half", half: "even", target: "oracle", stops: "0", floors: "0", wantErr: "-half"},
		{name: "target", half: "all", target: "bleu", stops: "0", floors: "0", wantErr: "-target"},
		{name: "stop of 1", half: "all", target: "r1", stops: "0,1", floors: "0", wantErr: "-stops"},
		{name: "floor not a number", half: "all", target: "r1", stops: "0", floors: "x", wantErr: "-floors"},
		{name: "unknown feature", half: "all", target: "mix", stops: "0", floors: "0", features: "position,colour", wantErr: "colour"},
		{name: "bias is not chosen", half: "all", target: "mix", stops: "0", floors: "0", features: "bias", wantErr: "bias"},
		{name: "features", half: "all", target: "r2", stops: "0, 0.5", floors: "0,0.1", features: "position, lead"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fo, err := parseFitOptions(tt.half, tt.target, tt.stops, tt.floors, tt.features)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Errorf("err = %v, want one naming %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if tt.features == "" && len(fo.features) != int(summarize.NumFeatures)-1 {
				t.Errorf("default features %v, want all but bias", fo.features)
			}
			if tt.features != "" && (len(fo.features) != 2 || fo.features[1] != summarize.FeatureLead) {
				t.Errorf("features %v, want position and lead", fo.features)
			}
		})
	}
}

// TestFitRun cross-fits on the fixture set and checks the report's parts:
// a row per direction, the weights of each, the Go literal.
func TestFitRun(t *testing.T) {
	arts, err := loadDir(filepath.Join("..", "..", "summarize", "testdata", "articles"))
	if err != nil {
		t.Fatal(err)
	}
	fo, err := parseFitOptions("all", "oracle", "0,0.3", "0", "")
	if err != nil {
		t.Fatal(err)
	}
	fo.sentences, fo.maxChars, fo.ridge = 3, 600, 1
	var out bytes.Buffer
	if err := fitRun(&out, []set{{name: "fixtures", articles: arts}}, fo); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"| even | odd | fixtures |", "| odd | even | fixtures |", "weights fitted on even: bias ",
		"weights fitted on odd: ", "weights fitted on all: ", "Scorer{Weights: [NumFeatures]float64{\n\tFeatureBias: ", "FeatureFreqLength: "} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("report lacks %q:\n%s", want, out.String())
		}
	}
}
