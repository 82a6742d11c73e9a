package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
)

// A change to the summarizer moves a few summaries of a few dozen articles,
// and a half of a file moves by half a point of ROUGE by chance. -scores
// saves one run's per-article scores and -against sets a later run beside
// them article by article, so a change can be read as a mean difference
// with its standard error on each half, not as two totals.

// savedScore is one article's Newshound scores, one JSON line of a
// -scores file.
type savedScore struct {
	Set   string  `json:"set"`   // base name of the file or directory
	Index int     `json:"index"` // the article's position in it, from 0
	ID    string  `json:"id"`
	R1    float64 `json:"r1"`
	R2    float64 `json:"r2"`
	RL    float64 `json:"rl"`
}

// scoreKey identifies an article across runs.
type scoreKey struct{ set, id string }

// saveScores writes the Newshound scores of every set (ours[i] belongs to
// sets[i]) to path, one JSON line an article; it fails when path cannot be
// written.
func saveScores(path string, sets []set, ours []result) error {
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("-scores: %w", err)
	}
	w := bufio.NewWriter(f)
	enc := json.NewEncoder(w)
	for i, st := range sets {
		for j, a := range st.articles {
			sc := ours[i].per[j]
			if err := enc.Encode(savedScore{Set: filepath.Base(st.name), Index: a.index, ID: a.ID, R1: sc.R1, R2: sc.R2, RL: sc.RL}); err != nil {
				f.Close()
				return fmt.Errorf("-scores: %w", err)
			}
		}
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return fmt.Errorf("-scores: %w", err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("-scores: %w", err)
	}
	return nil
}

// loadScores reads a -scores file; it fails on a line that is not a saved
// score or on an article saved twice.
func loadScores(path string) (map[scoreKey]savedScore, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("-against: %w", err)
	}
	defer f.Close()
	out := map[scoreKey]savedScore{}
	sc := bufio.NewScanner(f)
	for line := 1; sc.Scan(); line++ {
		var s savedScore
		if err := json.Unmarshal(sc.Bytes(), &s); err != nil {
			return nil, fmt.Errorf("-against %s:%d: %w", path, line, err)
		}
		k := scoreKey{s.Set, s.ID}
		if _, dup := out[k]; dup {
			return nil, fmt.Errorf("-against %s:%d: article %q of %s saved twice", path, line, s.ID, s.Set)
		}
		out[k] = s
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("-against %s: %w", path, err)
	}
	return out, nil
}

// pairedDiff is the mean of per-article differences and its standard error.
type pairedDiff struct {
	n, changed int
	mean, se   [3]float64 // ROUGE-1, -2, -L, F1 × 100
}

// paired compares this run's scores of a set with the saved ones, over the
// articles whose index has the given parity (half "even" or "odd") or all;
// it fails when an article of the set is not in saved.
func paired(st set, ours result, saved map[scoreKey]savedScore, half string) (pairedDiff, error) {
	var d [3][]float64
	var p pairedDiff
	for j, a := range st.articles {
		if half != "all" && (a.index%2 == 0) != (half == "even") {
			continue
		}
		old, ok := saved[scoreKey{filepath.Base(st.name), a.ID}]
		if !ok {
			return p, fmt.Errorf("-against: article %q of %s is not in the saved scores", a.ID, filepath.Base(st.name))
		}
		now := ours.per[j]
		delta := [3]float64{now.R1 - old.R1, now.R2 - old.R2, now.RL - old.RL}
		for k := range delta {
			d[k] = append(d[k], 100*delta[k])
		}
		if delta != [3]float64{} {
			p.changed++
		}
	}
	p.n = len(d[0])
	for k := range d {
		p.mean[k], p.se[k] = meanSE(d[k])
	}
	return p, nil
}

// meanSE returns the mean of xs and its standard error (sample standard
// deviation over √n); 0, 0 for no values and a 0 error for one.
func meanSE(xs []float64) (mean, se float64) {
	if len(xs) == 0 {
		return 0, 0
	}
	for _, x := range xs {
		mean += x
	}
	mean /= float64(len(xs))
	if len(xs) < 2 {
		return mean, 0
	}
	var ss float64
	for _, x := range xs {
		ss += (x - mean) * (x - mean)
	}
	return mean, math.Sqrt(ss/float64(len(xs)-1)) / math.Sqrt(float64(len(xs)))
}

// printPaired writes the comparison table of one set: all its articles and
// the even and odd ones by their position in the file.
func printPaired(w io.Writer, st set, ours result, saved map[scoreKey]savedScore, from string) error {
	fmt.Fprintf(w, "Newshound against %s, per article (this run − saved, mean ± standard error, F1 × 100):\n\n", from)
	fmt.Fprintln(w, "| half | articles | changed | ROUGE-1 | ROUGE-2 | ROUGE-L |")
	fmt.Fprintln(w, "|---|---:|---:|---:|---:|---:|")
	for _, half := range []string{"all", "even", "odd"} {
		p, err := paired(st, ours, saved, half)
		if err != nil {
			return err
		}
		if p.n == 0 {
			continue
		}
		fmt.Fprintf(w, "| %s | %d | %d | %+.2f ± %.2f | %+.2f ± %.2f | %+.2f ± %.2f |\n", half, p.n, p.changed,
			p.mean[0], p.se[0], p.mean[1], p.se[1], p.mean[2], p.se[2])
	}
	fmt.Fprintln(w)
	return nil
}
