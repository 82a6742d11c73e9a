package porter2

import (
	"strings"
	"testing"
)

// TestStemAndInflections: the two depths of the same steps. The
// summarizer's tests compare Stem with the library on every word of the
// shared news; the query engine's TestStem holds Inflections' rows.
func TestStemAndInflections(t *testing.T) {
	long := strings.Repeat("ab", 21) + "ings" // 46 bytes: too long for Stem
	tests := []struct {
		word, stem, inflections string
		stemmed                 bool // whether Stem stems it
	}{
		{"tariffs", "tariff", "tariff", true},
		{"tariffication", "tariff", "tariffication", true},
		{"deminers", "demin", "deminer", true},
		{"organization", "organ", "organization", true},
		{"hoping", "hope", "hope", true},
		{"cries", "cri", "cri", true},
		{"proceeding", "proceed", "proceed", true},
		{"innings", "inning", "inning", true},
		{"by", "by", "by", true},
		{"covid19s", "covid19", "covid19", true},
		{"café", "", "café", false},
		{"Capital", "", "Capital", false},
		{long, "", long[:len(long)-4], false},
	}
	for _, tt := range tests {
		t.Run(tt.word, func(t *testing.T) {
			if got, ok := Stem(tt.word); got != tt.stem || ok != tt.stemmed {
				t.Errorf("Stem(%q) = %q, %v; want %q, %v", tt.word, got, ok, tt.stem, tt.stemmed)
			}
			if !lowerASCIIWord(tt.word) {
				return // Inflections' callers check the letters
			}
			if got := Inflections(tt.word); got != tt.inflections {
				t.Errorf("Inflections(%q) = %q, want %q", tt.word, got, tt.inflections)
			}
		})
	}
}
