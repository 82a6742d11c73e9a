package main

import (
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestMeanSE(t *testing.T) {
	tests := []struct {
		name     string
		xs       []float64
		mean, se float64
	}{
		{name: "none", xs: nil},
		{name: "one", xs: []float64{2.5}, mean: 2.5},
		{name: "three", xs: []float64{1, 2, 3}, mean: 2, se: 1 / math.Sqrt(3)}, // sample sd 1
		{name: "unchanged", xs: []float64{0, 0, 0, 0}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			mean, se := meanSE(tt.xs)
			if !near(mean, tt.mean) || !near(se, tt.se) {
				t.Errorf("meanSE(%v) = %v, %v; want %v, %v", tt.xs, mean, se, tt.mean, tt.se)
			}
		})
	}
}

// tinySet is three articles, so that the even half has two and the odd one.
func tinySet() []set {
	return []set{{name: "dir/tiny.jsonl", articles: []Article{
		{ID: "a", index: 0, Text: "The council approved the budget on Monday.\n\nParks get more money this year.", Reference: "The council approved the budget."},
		{ID: "b", index: 1, Text: "Storm closes schools across the north.\n\nBuses will not run on Friday.", Reference: "Schools closed by a storm."},
		{ID: "c", index: 2, Text: "The mayor opened a new bridge over the river.\n\nTraffic will be lighter.", Reference: "A new bridge opened."},
	}}}
}

func TestAgainstSavedScores(t *testing.T) {
	dir := t.TempDir()
	saved := filepath.Join(dir, "before.jsonl")
	var out strings.Builder
	if err := run(&out, tinySet(), options{sentences: 3, maxChars: 600, scores: saved}); err != nil {
		t.Fatal(err)
	}

	// The same summarizer against its own scores: nothing changed.
	out.Reset()
	if err := run(&out, tinySet(), options{sentences: 3, maxChars: 600, against: saved}); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"| all | 3 | 0 | +0.00 ± 0.00 | +0.00 ± 0.00 | +0.00 ± 0.00 |",
		"| even | 2 | 0 | +0.00 ± 0.00 |",
		"| odd | 1 | 0 | +0.00 ± 0.00 |",
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if last := lines[len(lines)-1]; !strings.HasPrefix(last, "rouge: newshound") {
		t.Errorf("last line = %q, want the rouge line", last)
	}

	// Saved scores 0.1 lower for article b (odd): this run is 10 points
	// better there, 10/3 on all articles, with a standard error of 10/3.
	b, err := os.ReadFile(saved)
	if err != nil {
		t.Fatal(err)
	}
	var lowered []string
	for _, line := range strings.Split(strings.TrimSpace(string(b)), "\n") {
		var s savedScore
		if err := json.Unmarshal([]byte(line), &s); err != nil {
			t.Fatal(err)
		}
		if s.Set != "tiny.jsonl" {
			t.Fatalf("saved set %q, want the file's base name", s.Set)
		}
		if s.ID == "b" {
			s.R1 -= 0.1
		}
		j, err := json.Marshal(s)
		if err != nil {
			t.Fatal(err)
		}
		lowered = append(lowered, string(j))
	}
	if err := os.WriteFile(saved, []byte(strings.Join(lowered, "\n")+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	out.Reset()
	if err := run(&out, tinySet(), options{sentences: 3, maxChars: 600, against: saved}); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"| all | 3 | 1 | +3.33 ± 3.33 | +0.00 ± 0.00 |",
		"| even | 2 | 0 | +0.00 ± 0.00 |",
		"| odd | 1 | 1 | +10.00 ± 0.00 |",
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
}

func TestAgainstRefusesScoresThatDoNotMatch(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name  string
		saved string
		want  string
	}{
		{name: "article missing", saved: `{"set":"tiny.jsonl","index":0,"id":"a","r1":0.5}` + "\n", want: `article "b" of tiny.jsonl is not in the saved scores`},
		{name: "saved twice", saved: `{"set":"tiny.jsonl","id":"a"}` + "\n" + `{"set":"tiny.jsonl","id":"a"}` + "\n", want: "saved twice"},
		{name: "not json", saved: "rouge: newshound R1/R2/RL = 1/2/3\n", want: "bad.jsonl:1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(dir, "bad.jsonl")
			if err := os.WriteFile(path, []byte(tt.saved), 0o600); err != nil {
				t.Fatal(err)
			}
			var out strings.Builder
			err := run(&out, tinySet(), options{sentences: 3, maxChars: 600, against: path})
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("run = %v, want an error with %q", err, tt.want)
			}
		})
	}
	var out strings.Builder
	err := run(&out, tinySet(), options{sentences: 3, maxChars: 600, against: filepath.Join(dir, "none.jsonl")})
	if err == nil || !strings.Contains(err.Error(), "-against") {
		t.Errorf("missing file: %v", err)
	}
}
