package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"strings"
	"unicode/utf8"

	"github.com/newshound/newshound/summarize"
)

// fitOptions are the flags of a -fit run.
type fitOptions struct {
	sentences, maxChars int
	target              string    // what a sentence's score should predict: oracle, r1, r2 or mix (see articleSamples)
	ridge               float64   // L2 penalty on the weights (not the bias), per unit of article weight
	stops               []float64 // Scorer.Stop values tried on the training half
	floors              []float64 // Scorer.Floor values tried on the training half
	features            []summarize.Feature
	keep                bool    // keep DefaultScorer's weights, choose only Stop and Floor
	logistic            bool    // fit a logistic model (the target must be 0 or 1: oracle or set) instead of least squares
	pairwise            bool    // logistic fit of preferences: each chosen sentence over each other one of its article (see appendPairs)
	blend               float64 // > 0: the scorer is DefaultScorer's weights plus blend × the fitted ones
}

// sample is one eligible candidate sentence: its features and target.
type sample struct {
	x      [summarize.NumFeatures]float64
	y      float64
	weight float64 // 1 / the article's eligible sentences: every article counts alike
}

// fitRun cross-fits a Scorer over the sets pooled: fitted on the even
// articles of every file and scored on the odd ones, and the other way
// round; then fitted on all articles and printed as Go constants. It
// fails when the summarizer options are wrong or a fit is singular.
func fitRun(w io.Writer, sets []set, opts fitOptions) error {
	if opts.pairwise && opts.target != "oracle" && opts.target != "set" {
		return fmt.Errorf("-pairwise needs a chosen set of sentences: -target oracle or set, not %s", opts.target)
	}
	plain, err := summarize.New(summarize.Options{Sentences: opts.sentences, MaxChars: opts.maxChars})
	if err != nil {
		return err
	}
	samples := make([][][]sample, len(sets)) // set, article, sentences
	for k, st := range sets {
		samples[k] = make([][]sample, len(st.articles))
		for j, a := range st.articles {
			samples[k][j] = articleSamples(plain, a, opts.target)
		}
	}
	def := summarize.DefaultScorer()
	fmt.Fprintf(w, "Cross-fitted Scorer (target %s, ridge %g, features %v); ROUGE F1 ×100 of the held-out half\n\n",
		opts.target, opts.ridge, opts.features)
	fmt.Fprintln(w, "| fitted on | scored on | file | Stop/Floor | fitted R1/R2/RL | default R1/R2/RL | Lead-3 raw | Lead-3 cleaned | fitted − default R1 (± se) |")
	fmt.Fprintln(w, "|---|---|---|---:|---|---|---|---|---|")
	for _, train := range []string{"even", "odd"} {
		test := map[string]string{"even": "odd", "odd": "even"}[train]
		sc, err := fitScorer(samples, sets, train, opts)
		if err != nil {
			return fmt.Errorf("fit on %s: %w", train, err)
		}
		sc.Stop, sc.Floor, err = chooseStop(sets, train, sc, opts)
		if err != nil {
			return err
		}
		for _, st := range sets {
			held := pick(st.articles, test)
			fitted, err := scoreWith(&sc, held, opts)
			if err != nil {
				return err
			}
			base, err := scoreWith(&def, held, opts)
			if err != nil {
				return err
			}
			raw := score(system{summarize: func(a Article) string { return lead(a.Text, 3) }}, held)
			cleaned := score(system{summarize: func(a Article) string { return lead(summarize.Clean(a.Text), 3) }}, held)
			var diff []float64
			for i := range held {
				diff = append(diff, 100*(fitted.per[i].R1-base.per[i].R1))
			}
			m, se := meanSE(diff)
			n := len(held)
			fmt.Fprintf(w, "| %s | %s | %s | %.2f/%.3f | %s | %s | %s | %s | %+.2f ± %.2f |\n", train, test, st.name, sc.Stop, sc.Floor,
				triple(fitted, n), triple(base, n), triple(raw, n), triple(cleaned, n), m, se)
		}
		fmt.Fprintf(w, "\nweights fitted on %s: %s\n\n", train, weightsLine(sc))
	}
	sc, err := fitScorer(samples, sets, "all", opts)
	if err != nil {
		return fmt.Errorf("fit on all: %w", err)
	}
	if sc.Stop, sc.Floor, err = chooseStop(sets, "all", sc, opts); err != nil {
		return err
	}
	fmt.Fprintf(w, "weights fitted on all: %s\n\n", weightsLine(sc))
	fmt.Fprint(w, goScorer(sc))
	return nil
}

// articleSamples returns the eligible sentences of a with their targets,
// divided by the sentence's penalty (the Scorer multiplies by it): for
// oracle 1 when a greedy oracle picks the sentence (see oracle), else 0;
// for r1, r2 and mix the sentence's own ROUGE-1, ROUGE-2 or mean of 1, 2
// and L F1 against the reference.
func articleSamples(s *summarize.Summarizer, a Article, target string) []sample {
	var out []sample
	var texts []string
	var pens []float64
	for _, f := range s.Features(summarize.Input{Title: a.Title, Text: a.Text, Source: a.Source}) {
		if !f.Eligible {
			continue
		}
		texts = append(texts, f.Text)
		pens = append(pens, f.Penalty)
		sc := Score(f.Text, a.Reference)
		y := sc.R1
		switch target {
		case "r2":
			y = sc.R2
		case "mix":
			y = (sc.R1 + sc.R2 + sc.RL) / 3
		}
		// The scorer multiplies by the penalty, so the linear part should
		// predict the target before it.
		out = append(out, sample{x: f.Features, y: y / f.Penalty})
	}
	if target == "oracle" || target == "set" {
		for i := range out {
			out[i].y = 0
		}
		best := oracle(texts, a.Reference, 3)
		if target == "set" {
			best = bestSet(texts, a.Reference, summarize.DefaultSentences, summarize.DefaultMaxChars)
		}
		for _, i := range best {
			out[i].y = 1 / pens[i]
		}
	}
	for i := range out {
		out[i].weight = 1 / float64(len(out))
	}
	return out
}

// oracle returns up to k of texts chosen greedily, each adding most to
// the ROUGE-1 + ROUGE-2 F1 of the ones before joined, against ref; it stops
// when no sentence adds anything.
func oracle(texts []string, ref string, k int) []int {
	var chosen []int
	var cur float64
	for len(chosen) < k {
		best, bestScore := -1, cur
		for i := range texts {
			if slicesContains(chosen, i) {
				continue
			}
			var parts []string
			for _, j := range append(append([]int{}, chosen...), i) {
				parts = append(parts, texts[j])
			}
			sc := Score(strings.Join(parts, " "), ref)
			if v := sc.R1 + sc.R2; v > bestScore {
				best, bestScore = i, v
			}
		}
		if best < 0 {
			break
		}
		chosen = append(chosen, best)
		cur = bestScore
	}
	return chosen
}

// setCandidates is how many of the first sentences bestSet searches.
const setCandidates = 25

// bestSet returns the set of up to k of the first setCandidates texts,
// joined in article order within maxChars runes, whose ROUGE-1 + ROUGE-2
// F1 against ref is highest: the summary the summarizer should have made
// at its length, found by trying every set (unlike oracle, which adds the
// best next sentence whatever its length). It returns nil when no set
// shares a word with ref.
func bestSet(texts []string, ref string, k, maxChars int) []int {
	n := min(len(texts), setCandidates)
	var best []int
	bestScore := 0.0
	var try func(from int, cur []int, used int)
	try = func(from int, cur []int, used int) {
		if len(cur) > 0 {
			parts := make([]string, len(cur))
			for j, i := range cur {
				parts[j] = texts[i]
			}
			sc := Score(strings.Join(parts, " "), ref)
			if v := sc.R1 + sc.R2; v > bestScore {
				best, bestScore = append([]int(nil), cur...), v
			}
		}
		if len(cur) == k {
			return
		}
		for i := from; i < n; i++ {
			need := utf8.RuneCountInString(texts[i])
			if len(cur) > 0 {
				need++
			}
			if used+need <= maxChars {
				try(i+1, append(cur, i), used+need)
			}
		}
	}
	try(0, nil, 0)
	return best
}

func slicesContains(s []int, v int) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

// fitScorer fits the weights of the chosen features, and a bias, on the
// articles of the given half ("all", "even", "odd") of every set: weighted
// ridge regression of the targets, or with opts.logistic a ridge-penalised
// logistic regression (Newton's method) whose log-odds become the score.
// The bias is not penalised; features not chosen weigh 0. With
// opts.pairwise the rows are an article's preferences (appendPairs) and
// the bias is 0; with opts.blend the fitted weights are added, times
// blend, to DefaultScorer's.
func fitScorer(samples [][][]sample, sets []set, half string, opts fitOptions) (summarize.Scorer, error) {
	if opts.keep {
		return summarize.DefaultScorer(), nil
	}
	if opts.blend > 0 {
		o := opts
		o.blend = 0
		sc, err := fitScorer(samples, sets, half, o)
		if err != nil {
			return sc, err
		}
		def := summarize.DefaultScorer()
		for k := range sc.Weights {
			sc.Weights[k] = def.Weights[k] + opts.blend*sc.Weights[k]
		}
		return sc, nil
	}
	feats := opts.features
	k := len(feats) + 1 // bias first
	var rows [][]float64
	var ys, ws []float64
	for s, st := range sets {
		for _, art := range pick(st.articles, half) {
			if opts.pairwise {
				rows, ys, ws = appendPairs(rows, ys, ws, samples[s][art.index], feats)
				continue
			}
			for _, smp := range samples[s][art.index] {
				row := make([]float64, k)
				row[0] = 1
				for j, f := range feats {
					row[j+1] = smp.x[f]
				}
				rows, ys, ws = append(rows, row), append(ys, smp.y), append(ws, smp.weight)
			}
		}
	}
	w := make([]float64, k)
	iterations := 1
	if opts.logistic {
		iterations = 25
	}
	for range iterations {
		// Least squares is one weighted step from zero; logistic regression
		// is iteratively reweighted least squares on the working response.
		a := make([][]float64, k)
		for i := range a {
			a[i] = make([]float64, k+1)
		}
		for r, row := range rows {
			y, wt := ys[r], ws[r]
			if opts.logistic {
				var eta float64
				for j := range k {
					eta += w[j] * row[j]
				}
				p := 1 / (1 + math.Exp(-eta))
				v := max(p*(1-p), 1e-6)
				y = eta + (min(ys[r], 1)-p)/v
				wt *= v
			}
			for i := range k {
				for j := range k {
					a[i][j] += wt * row[i] * row[j]
				}
				a[i][k] += wt * row[i] * y
			}
		}
		for i := 1; i < k; i++ {
			a[i][i] += opts.ridge
		}
		if opts.pairwise {
			a[0][0] += 1 // preferences hold no bias: keep it 0
		}
		next, err := solve(a)
		if err != nil {
			return summarize.Scorer{}, err
		}
		w = next
	}
	var sc summarize.Scorer
	sc.Weights[summarize.FeatureBias] = w[0]
	for j, f := range feats {
		sc.Weights[f] = w[j+1]
	}
	return sc, nil
}

// appendPairs adds an article's preferences to the rows of a logistic
// fit: for each chosen sentence p (target above 0) and other sentence q,
// the feature differences p − q with target 1 and q − p with target 0,
// so the bias stays 0; the article's pairs weigh 1 together.
func appendPairs(rows [][]float64, ys, ws []float64, smps []sample, feats []summarize.Feature) ([][]float64, []float64, []float64) {
	var pos, neg []int
	for i, smp := range smps {
		if smp.y > 0 {
			pos = append(pos, i)
		} else {
			neg = append(neg, i)
		}
	}
	pairs := float64(2 * len(pos) * len(neg))
	for _, p := range pos {
		for _, q := range neg {
			for _, sign := range []float64{1, -1} {
				row := make([]float64, len(feats)+1)
				for j, f := range feats {
					row[j+1] = sign * (smps[p].x[f] - smps[q].x[f])
				}
				rows = append(rows, row)
				ys = append(ys, (sign+1)/2)
				ws = append(ws, 1/pairs)
			}
		}
	}
	return rows, ys, ws
}

// solve solves the augmented system a (k rows of k+1) by Gaussian
// elimination with partial pivoting; it fails when the system is singular.
func solve(a [][]float64) ([]float64, error) {
	k := len(a)
	for c := range k {
		p := c
		for r := c + 1; r < k; r++ {
			if math.Abs(a[r][c]) > math.Abs(a[p][c]) {
				p = r
			}
		}
		if math.Abs(a[p][c]) < 1e-12 {
			return nil, errors.New("singular system: a feature is constant or a copy of another; raise -ridge")
		}
		a[c], a[p] = a[p], a[c]
		for r := range k {
			if r == c {
				continue
			}
			f := a[r][c] / a[c][c]
			for j := c; j <= k; j++ {
				a[r][j] -= f * a[c][j]
			}
		}
	}
	x := make([]float64, k)
	for i := range k {
		x[i] = a[i][k] / a[i][i]
	}
	return x, nil
}

// objective is what chooseStop maximises: the mean of ROUGE-1,
// -2 and -L F1 of sc's summaries of the given half, every file counting
// alike.
func objective(sets []set, half string, sc summarize.Scorer, opts fitOptions) (float64, error) {
	var total float64
	for _, st := range sets {
		arts := pick(st.articles, half)
		r, err := scoreWith(&sc, arts, opts)
		if err != nil {
			return 0, err
		}
		total += (r.sum.R1 + r.sum.R2 + r.sum.RL) / float64(max(len(arts), 1))
	}
	return total, nil
}

// chooseStop returns the Stop and Floor among opts.stops and opts.floors
// whose summaries of the given half score best (see objective); the first
// of equals.
func chooseStop(sets []set, half string, sc summarize.Scorer, opts fitOptions) (stop, floor float64, err error) {
	best, bestScore := [2]float64{}, math.Inf(-1)
	for _, stop := range opts.stops {
		for _, floor := range opts.floors {
			sc.Stop, sc.Floor = stop, floor
			v, err := objective(sets, half, sc, opts)
			if err != nil {
				return 0, 0, err
			}
			if v > bestScore {
				best, bestScore = [2]float64{stop, floor}, v
			}
		}
	}
	return best[0], best[1], nil
}

// scoreWith summarises articles with a Summarizer using sc and scores them.
func scoreWith(sc *summarize.Scorer, articles []Article, opts fitOptions) (result, error) {
	s, err := summarize.New(summarize.Options{Sentences: opts.sentences, MaxChars: opts.maxChars, Scorer: sc})
	if err != nil {
		return result{}, err
	}
	return score(system{summarize: func(a Article) string {
		return s.Summarize(context.Background(), summarize.Input{Title: a.Title, Text: a.Text, Source: a.Source})
	}}, articles), nil
}

// triple formats a result's mean ROUGE-1/2/L F1 × 100 over n articles.
func triple(r result, n int) string {
	k := float64(max(n, 1)) / 100
	return fmt.Sprintf("%.2f/%.2f/%.2f", r.sum.R1/k, r.sum.R2/k, r.sum.RL/k)
}

// weightsLine lists a scorer's non-zero weights and its Stop.
func weightsLine(sc summarize.Scorer) string {
	var parts []string
	for f := range summarize.NumFeatures {
		if w := sc.Weights[f]; w != 0 {
			parts = append(parts, fmt.Sprintf("%s %.4f", f, w))
		}
	}
	return strings.Join(parts, ", ") + fmt.Sprintf("; stop %.2f, floor %.3f", sc.Stop, sc.Floor)
}

// goScorer writes sc as the Go literal summarize's defaultScorer takes.
func goScorer(sc summarize.Scorer) string {
	var b strings.Builder
	b.WriteString("Scorer{Weights: [NumFeatures]float64{\n")
	for f := range summarize.NumFeatures {
		if w := sc.Weights[f]; w != 0 {
			name := strings.ToUpper(f.String()[:1]) + f.String()[1:]
			fmt.Fprintf(&b, "\tFeature%s: %.4f,\n", name, w)
		}
	}
	fmt.Fprintf(&b, "}, Stop: %.2f, Floor: %.3f}\n", sc.Stop, sc.Floor)
	return b.String()
}

// parseFitOptions checks the -fit flags: -half must be all, the target
// known, the stops numbers in [0, 1) and the features known names.
func parseFitOptions(half, target, stops, floors, features string) (fitOptions, error) {
	var fo fitOptions
	if half != "all" {
		return fo, errors.New("-fit splits the articles itself: leave -half at all")
	}
	if target != "r1" && target != "r2" && target != "mix" && target != "oracle" && target != "set" {
		return fo, fmt.Errorf("-target %q: want r1, r2, mix, oracle or set", target)
	}
	fo.target = target
	for _, f := range strings.Split(stops, ",") {
		var v float64
		if _, err := fmt.Sscan(strings.TrimSpace(f), &v); err != nil || v < 0 || v >= 1 {
			return fo, fmt.Errorf("-stops: %q is not a number in [0, 1)", f)
		}
		fo.stops = append(fo.stops, v)
	}
	for _, f := range strings.Split(floors, ",") {
		var v float64
		if _, err := fmt.Sscan(strings.TrimSpace(f), &v); err != nil {
			return fo, fmt.Errorf("-floors: %q is not a number", f)
		}
		fo.floors = append(fo.floors, v)
	}
	if features == "" {
		for f := summarize.FeatureBias + 1; f < summarize.NumFeatures; f++ {
			fo.features = append(fo.features, f)
		}
		return fo, nil
	}
	for _, name := range strings.Split(features, ",") {
		f := featureByName(strings.TrimSpace(name))
		if f <= summarize.FeatureBias {
			return fo, fmt.Errorf("-features: %q is not a feature (bias is always fitted)", name)
		}
		fo.features = append(fo.features, f)
	}
	return fo, nil
}

// featureByName is the feature whose String is name, or -1.
func featureByName(name string) summarize.Feature {
	for f := range summarize.NumFeatures {
		if f.String() == name {
			return f
		}
	}
	return -1
}
