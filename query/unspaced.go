package query

import (
	"strings"
	"unicode"
)

// minUnspacedRun is the length from which a run of Han and kana typed without spaces is likely several words
// (北朝鮮ミサイル, 7): a Chinese or Japanese word is mostly of two to four characters.
const minUnspacedRun = 5

// UnspacedRun is a bare word of a query with a run of Han and kana typed without spaces, which Parse reads as one
// exact phrase (so 北朝鮮ミサイル misses 北朝鮮のミサイル): Typed as typed, and Spaced the run with a space where its
// script changes between Han, Hiragana and Katakana ("北朝鮮 ミサイル"), or "" when it does not change (Chinese),
// where no rule without a dictionary finds the words.
type UnspacedRun struct {
	Typed, Spaced string
}

// UnspacedRuns returns the bare words of text (not quoted: a phrase asks to be exact) that hold a run of at least
// minUnspacedRun characters of Han, Hiragana and Katakana, other than a katakana word alone (コミュニケーション is
// one word). It returns nil for text without them or that does not lex.
func UnspacedRuns(text string) []UnspacedRun {
	items, err := lex(strings.TrimSpace(withoutInvisible(text)))
	if err != nil {
		return nil
	}
	var out []UnspacedRun
	for _, it := range items {
		if it.kind != itemWord {
			continue
		}
		for _, run := range cjkRuns(it.text) {
			if len(run) < minUnspacedRun || allKatakana(run) {
				continue
			}
			out = append(out, UnspacedRun{Typed: it.text, Spaced: spacedRun(run)})
			break
		}
	}
	return out
}

// cjkScript returns the script of r among Han, Hiragana and Katakana (the prolonged sound mark ー, of both kana, is
// Katakana), or 0.
func cjkScript(r rune) byte {
	switch {
	case r == 'ー' || unicode.Is(unicode.Katakana, r):
		return 'k'
	case unicode.Is(unicode.Hiragana, r):
		return 'h'
	case unicode.Is(unicode.Han, r):
		return 'c'
	}
	return 0
}

// cjkRuns returns the runs of Han and kana in s.
func cjkRuns(s string) [][]rune {
	var runs [][]rune
	var run []rune
	for _, r := range s {
		if cjkScript(r) != 0 {
			run = append(run, r)
			continue
		}
		if run != nil {
			runs, run = append(runs, run), nil
		}
	}
	if run != nil {
		runs = append(runs, run)
	}
	return runs
}

func allKatakana(run []rune) bool {
	for _, r := range run {
		if cjkScript(r) != 'k' {
			return false
		}
	}
	return true
}

// spacedRun writes run with a space where its script changes, or "" when it has one script.
func spacedRun(run []rune) string {
	var b strings.Builder
	split := false
	for i, r := range run {
		if i > 0 && cjkScript(r) != cjkScript(run[i-1]) {
			b.WriteByte(' ')
			split = true
		}
		b.WriteRune(r)
	}
	if !split {
		return ""
	}
	return b.String()
}
