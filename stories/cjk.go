package stories

import (
	"unicode"
	"unicode/utf8"
)

// isCJK reports whether r is a Han, Hiragana, Katakana or Thai character:
// scripts written without spaces between words.
func isCJK(r rune) bool {
	return r >= 0x2E80 && (unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r)) ||
		r >= 0x0E00 && r <= 0x0E7F && r != 0x0E2F && (r < 0x0E50 || r > 0x0E59) // Thai, but its abbreviation sign and digits
}

// clusters splits a stretch of CJK or Thai into its characters, each with
// the marks written over or under it (Thai vowels and tone marks: "ผ่").
func clusters(seg string) []string {
	var out []string
	for _, r := range seg {
		if len(out) > 0 && unicode.Is(unicode.Mn, r) {
			out[len(out)-1] += string(r)
			continue
		}
		out = append(out, string(r))
	}
	return out
}

func hasCJK(s string) bool {
	for _, r := range s {
		if isCJK(r) {
			return true
		}
	}
	return false
}

// placeSuffixes are the characters that end the name of a province, city,
// county, district, town or village in Chinese and Japanese ("四川省",
// "雅安市", "芦山县", "石川県", "輪島市"): the two characters before one name
// a place. ("州", "国" and "道" are left out: they end common words as
// often, and "广州" holds its own.)
var placeSuffixes = map[rune]bool{'省': true, '市': true, '县': true, '縣': true, '区': true, '區': true, '镇': true, '鎮': true,
	'村': true, '県': true, '町': true, '郡': true}

// appendCJK appends the words of a run of word characters that holds
// Chinese or Japanese: each stretch of CJK characters as its overlapping
// pairs (one character alone as itself), the other stretches (digits, Latin
// letters) as words of their own. A pair is a place (distinctive) when a
// place suffix follows it, or when both its characters are Katakana.
func appendCJK(out []word, raw string, start, spaced bool) []word {
	for len(raw) > 0 {
		r, size := utf8.DecodeRuneInString(raw)
		if r == '-' {
			raw, spaced = raw[size:], true
			continue
		}
		cjk := isCJK(r)
		end := 0
		for end < len(raw) {
			r, size := utf8.DecodeRuneInString(raw[end:])
			if isCJK(r) != cjk || r == '-' {
				break
			}
			end += size
		}
		seg := raw[:end]
		raw = raw[end:]
		if !cjk {
			w := word{raw: seg, sentenceStart: start, afterWord: spaced}
			w.norm, w.number = normalise(seg)
			out = append(out, w)
			start, spaced = false, true
			continue
		}
		cs := clusters(seg)
		if len(cs) == 1 {
			out = append(out, word{raw: seg, norm: seg, sentenceStart: start, afterWord: spaced})
			start, spaced = false, true
			continue
		}
		for k := 0; k+1 < len(cs); k++ {
			a, _ := utf8.DecodeRuneInString(cs[k])
			b, _ := utf8.DecodeRuneInString(cs[k+1])
			var next rune
			if k+2 < len(cs) {
				next, _ = utf8.DecodeRuneInString(cs[k+2])
			}
			place := placeSuffixes[next] && !placeSuffixes[b] ||
				unicode.Is(unicode.Katakana, a) && unicode.Is(unicode.Katakana, b) && b != 'ー'
			pair := cs[k] + cs[k+1]
			out = append(out, word{raw: pair, norm: pair, sentenceStart: start, afterWord: spaced, place: place})
			start, spaced = false, true
		}
	}
	return out
}
