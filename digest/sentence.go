package digest

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// abbreviations end with a dot that does not end a sentence.
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "st": true, "jr": true, "sr": true,
	"gen": true, "col": true, "lt": true, "sgt": true, "capt": true, "gov": true, "sen": true, "rep": true,
	"pres": true, "no": true, "vs": true, "etc": true, "inc": true, "ltd": true, "co": true, "corp": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "aug": true, "sep": true, "sept": true,
	"oct": true, "nov": true, "dec": true, "approx": true, "est": true, "fig": true, "e.g": true, "i.e": true,
}

// firstSentence returns the first sentence of text, whitespace collapsed,
// at most max runes. A dot ends a sentence when a space and a capital, digit
// or quote follow and the word before it is not an abbreviation or initial.
func firstSentence(text string, max int) string {
	text = strings.Join(strings.Fields(text), " ")
	for i, r := range text {
		end := i + utf8.RuneLen(r)
		switch r {
		case '。', '！', '？':
			return clip(text[:end], max)
		case '.', '!', '?':
		default:
			continue
		}
		if end == len(text) {
			break
		}
		rest := text[end:]
		if !strings.HasPrefix(rest, " ") {
			continue
		}
		next, _ := utf8.DecodeRuneInString(rest[1:])
		if !unicode.IsUpper(next) && !unicode.IsDigit(next) && !strings.ContainsRune("\"'“‘«(", next) {
			continue
		}
		if r == '.' && isAbbreviation(text[:i]) {
			continue
		}
		return clip(text[:end], max)
	}
	return clip(text, max)
}

// isAbbreviation reports whether the word that ends before would be an
// abbreviation or an initial if a dot followed it.
func isAbbreviation(before string) bool {
	word := before[strings.LastIndexAny(before, " (\"“")+1:]
	if utf8.RuneCountInString(word) == 1 {
		r, _ := utf8.DecodeRuneInString(word)
		return unicode.IsUpper(r) // "J. Smith"
	}
	return strings.Contains(word, ".") || abbreviations[strings.ToLower(word)] // "U.S." "Dr."
}

// clip shortens s to at most n runes, at a word boundary, with an ellipsis.
func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := string([]rune(s)[:n-1])
	if i := strings.LastIndex(r, " "); i > len(r)/2 {
		r = strings.TrimRight(r[:i], " ,;:")
	}
	return r + "…"
}
