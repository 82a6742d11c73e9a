package main

import (
	"math"
	"testing"
)

func TestScore(t *testing.T) {
	tests := []struct {
		name      string
		candidate string
		reference string
		want      Scores
	}{
		{name: "identical", candidate: "The cat sat.", reference: "the cat sat", want: Scores{1, 1, 1}},
		{name: "disjoint", candidate: "dogs bark", reference: "cats sleep", want: Scores{0, 0, 0}},
		// c = police killed the gunman (4), r = the gunman was shot down by police (7)
		// unigram hits 3: P 3/4 R 3/7; bigram hits 1 ("the gunman"): P 1/3 R 1/6;
		// LCS 2 ("the gunman"): P 2/4 R 2/7.
		{name: "classic example", candidate: "police killed the gunman", reference: "the gunman was shot down by police",
			want: Scores{R1: f(3.0/4, 3.0/7), R2: f(1.0/3, 1.0/6), RL: f(2.0/4, 2.0/7)}},
		{name: "clipped counts", candidate: "the the the", reference: "the cat", want: Scores{R1: f(1.0/3, 1.0/2), RL: f(1.0/3, 1.0/2)}},
		{name: "cjk characters", candidate: "台風が上陸", reference: "台風上陸", want: Scores{R1: f(4.0/5, 1), R2: f(2.0/4, 2.0/3), RL: f(4.0/5, 1)}},
		{name: "empty candidate", candidate: "", reference: "a b", want: Scores{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Score(tt.candidate, tt.reference)
			if !near(got.R1, tt.want.R1) || !near(got.R2, tt.want.R2) || !near(got.RL, tt.want.RL) {
				t.Errorf("Score = %+v, want %+v", got, tt.want)
			}
		})
	}
}

func f(p, r float64) float64 { return 2 * p * r / (p + r) }

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }
