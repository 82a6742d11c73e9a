package main

import (
	"strings"
	"unicode"
)

// Scores are ROUGE F1 values between 0 and 1.
type Scores struct {
	R1, R2, RL float64
}

// Score compares a candidate summary with a reference: ROUGE-1 and ROUGE-2
// F1 over clipped n-gram counts, and ROUGE-L F1 over the longest common
// subsequence of the whole token sequences. Tokens are lower-cased runs of
// letters and digits, with no stemming and no stop-word removal; Han and
// Kana characters are one token each, as usual for Chinese and Japanese.
func Score(candidate, reference string) Scores {
	c, r := tokens(candidate), tokens(reference)
	return Scores{
		R1: f1(overlap(c, r, 1), ngramCount(c, 1), ngramCount(r, 1)),
		R2: f1(overlap(c, r, 2), ngramCount(c, 2), ngramCount(r, 2)),
		RL: f1(lcs(c, r), len(c), len(r)),
	}
}

// tokens splits s into lower-cased words.
func tokens(s string) []string {
	var out []string
	var b strings.Builder
	flush := func() {
		if b.Len() > 0 {
			out = append(out, b.String())
			b.Reset()
		}
	}
	for _, r := range s {
		switch {
		case unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r):
			flush()
			out = append(out, string(r))
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(unicode.ToLower(r))
		default:
			flush()
		}
	}
	flush()
	return out
}

func ngramCount(toks []string, n int) int {
	return max(len(toks)-n+1, 0)
}

// overlap counts the n-grams of c also in r, each at most as often as in r.
func overlap(c, r []string, n int) int {
	ref := map[string]int{}
	for i := 0; i+n <= len(r); i++ {
		ref[strings.Join(r[i:i+n], "\x00")]++
	}
	hits := 0
	for i := 0; i+n <= len(c); i++ {
		k := strings.Join(c[i:i+n], "\x00")
		if ref[k] > 0 {
			ref[k]--
			hits++
		}
	}
	return hits
}

// lcs returns the length of the longest common subsequence of a and b.
func lcs(a, b []string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			if a[i-1] == b[j-1] {
				cur[j] = prev[j-1] + 1
			} else {
				cur[j] = max(prev[j], cur[j-1])
			}
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

func f1(hits, candidate, reference int) float64 {
	if hits == 0 || candidate == 0 || reference == 0 {
		return 0
	}
	p := float64(hits) / float64(candidate)
	r := float64(hits) / float64(reference)
	return 2 * p * r / (p + r)
}
