package summarize

import (
	"strings"
	"unicode/utf8"
)

// The text helpers that other packages reuse. There are three ways to shorten text, for three purposes; they
// differ on purpose, and each caller keeps the one it had:
//
//   - Clip, for labels in messages (titles, source names, queries): it keeps at least half of the room, so a long
//     word near the start is cut rather than dropped.
//   - Truncate, for summaries: it never cuts inside a word when a word boundary exists, however early.
//   - LimitBytes, for storage caps: bytes, no ellipsis.

// FirstSentence returns the first sentence of text as Sentences splits it, with all white space (line breaks
// included) folded into single spaces first, and clipped to at most max runes by Clip. It returns "" for text
// without words.
func FirstSentence(text string, max int) string {
	sents := Sentences(strings.Join(strings.Fields(text), " "))
	if len(sents) == 0 {
		return ""
	}
	return Clip(sents[0], max)
}

// Clip shortens s to at most n runes (n ≥ 1), ending with "…" when it cut. It cuts at the last space or line break
// when one lies in the second half of what it keeps, dropping the punctuation (",;:") before it; otherwise it cuts
// between characters.
func Clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := string([]rune(s)[:n-1])
	if i := strings.LastIndexAny(r, " \n"); i > len(r)/2 {
		return strings.TrimRight(r[:i], " ,;:") + "…"
	}
	return r + "…"
}

// Truncate shortens s to at most max runes, cutting at a word boundary and
// ending with "…". A single word longer than max, or text without spaces
// (CJK), is cut between characters.
func Truncate(s string, max int) string {
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	cut := 0 // byte index just past max-1 runes, leaving room for "…"
	for range max - 1 {
		_, size := utf8.DecodeRuneInString(s[cut:])
		cut += size
	}
	head := s[:cut]
	if !wordBoundary(s, cut) {
		if sp := strings.LastIndexByte(head, ' '); sp > 0 {
			head = head[:sp]
		}
	}
	return strings.TrimRight(head, " ,;:–—-") + "…"
}

// wordBoundary reports whether cutting s at byte i splits no word.
func wordBoundary(s string, i int) bool {
	before, _ := utf8.DecodeLastRuneInString(s[:i])
	after, _ := utf8.DecodeRuneInString(s[i:])
	return !isWordRune(before) || !isWordRune(after) || isCJK(before) || isCJK(after)
}

// LimitBytes returns s cut to at most n bytes, at the start of a rune so that
// the result stays valid UTF-8, with no mark that it was cut: a cap on what
// is stored, not text for a reader.
func LimitBytes(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}
