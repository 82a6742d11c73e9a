package main

import (
	"bytes"
	"math"
	"path/filepath"
	"slices"
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
	set := articleSamples(s, a, "set")
	if set[0].y != 1 || set[1].y != 0 || set[2].y != 1 {
		t.Errorf("set targets %v, %v, %v; want 1, 0, 1", set[0].y, set[1].y, set[2].y)
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
		{name: "set", half: "all", target: "set", stops: "0", floors: "0"},
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

func TestBestSet(t *testing.T) {
	texts := []string{
		"The council met on Monday.",
		"The council approved the budget and the new school on Monday, and the mayor raised the parks budget too, " +
			"in a long sentence that says a great deal more than the reference does about the town and its plans.",
		"The council approved the budget.",
		"Spending on schools rises by a tenth.",
		"The weather was fine.",
	}
	ref := "The council approved the budget; spending on schools rises by a tenth."
	// Greedy picks the long sentence first when there is room for it; at 80
	// characters only the two short sentences that make the reference fit.
	if got := bestSet(texts, ref, 3, 80); len(got) != 2 || got[0] != 2 || got[1] != 3 {
		t.Errorf("bestSet within 80 = %v, want [2 3]", got)
	}
	for _, k := range []int{1, 2, 3} {
		got := bestSet(texts, ref, k, 600)
		if len(got) == 0 || len(got) > k {
			t.Errorf("bestSet of %d = %v, want 1 to %d sentences", k, got, k)
		}
		for j := 1; j < len(got); j++ {
			if got[j] <= got[j-1] {
				t.Errorf("bestSet of %d = %v, want article order", k, got)
			}
		}
	}
	if got := bestSet(texts, "Zebras graze quietly.", 3, 600); got != nil {
		t.Errorf("bestSet = %v for an unrelated reference, want none", got)
	}
}

func TestAppendPairs(t *testing.T) {
	feats := []summarize.Feature{summarize.FeaturePosition}
	smps := make([]sample, 4)
	for i := range smps {
		smps[i].x[summarize.FeaturePosition] = float64(i)
	}
	smps[1].y, smps[3].y = 1, 1.25 // chosen (a penalty raises the target above 1)
	rows, ys, ws := appendPairs(nil, nil, nil, smps, feats)
	if len(rows) != 8 {
		t.Fatalf("%d rows, want 2 chosen × 2 others × 2 signs", len(rows))
	}
	// In pairs: chosen minus other with target 1, then its opposite with 0.
	var total float64
	var diffs []float64
	for r := 0; r < len(rows); r += 2 {
		total += ws[r] + ws[r+1]
		if rows[r][0] != 0 || rows[r+1][0] != 0 {
			t.Errorf("rows %d, %d have a bias, want 0", r, r+1)
		}
		if ys[r] != 1 || ys[r+1] != 0 || rows[r+1][1] != -rows[r][1] {
			t.Errorf("rows %d, %d: %v → %v, %v → %v; want d → 1, −d → 0", r, r+1, rows[r][1], ys[r], rows[r+1][1], ys[r+1])
		}
		diffs = append(diffs, rows[r][1])
	}
	if want := []float64{1, -1, 3, 1}; !slices.Equal(diffs, want) { // 1−0, 1−2, 3−0, 3−2
		t.Errorf("differences %v, want %v", diffs, want)
	}
	if !approx(total, 1) {
		t.Errorf("an article's pairs weigh %v together, want 1", total)
	}
	if rows, _, _ := appendPairs(nil, nil, nil, smps[:1], feats); len(rows) != 0 {
		t.Errorf("%d rows for an article without a chosen sentence, want 0", len(rows))
	}
}

func TestFitScorerPairwiseAndBlend(t *testing.T) {
	feats := []summarize.Feature{summarize.FeaturePosition, summarize.FeatureNumbers}
	sets, samples := syntheticSets(true)
	sc, err := fitScorer(samples, sets, "all", fitOptions{ridge: 0.1, features: feats, logistic: true, pairwise: true})
	if err != nil {
		t.Fatal(err)
	}
	if sc.Weights[summarize.FeaturePosition] <= 0 || sc.Weights[summarize.FeatureNumbers] <= 0 || sc.Weights[summarize.FeatureBias] != 0 {
		t.Errorf("pairwise weights %v: want position and numbers above 0, bias 0", sc.Weights)
	}
	blended, err := fitScorer(samples, sets, "all", fitOptions{ridge: 0.1, features: feats, logistic: true, pairwise: true, blend: 2})
	if err != nil {
		t.Fatal(err)
	}
	def := summarize.DefaultScorer()
	for f := range summarize.NumFeatures {
		if want := def.Weights[f] + 2*sc.Weights[f]; !approx(blended.Weights[f], want) {
			t.Errorf("blend 2: %s weighs %v, want %v", f, blended.Weights[f], want)
		}
	}
	if err := fitRun(&bytes.Buffer{}, sets, fitOptions{target: "r1", pairwise: true, features: feats}); err == nil ||
		!strings.Contains(err.Error(), "-pairwise") {
		t.Errorf("pairwise on r1: err = %v, want one naming -pairwise", err)
	}
}
