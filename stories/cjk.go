package stories

import (
	"unicode"
	"unicode/utf8"
)

// isCJK reports whether r is a Han, Hiragana or Katakana character: scripts
// written without spaces between words.
func isCJK(r rune) bool {
	return r >= 0x2E80 && (unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r))
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
		runes := []rune(seg)
		if len(runes) == 1 {
			out = append(out, word{raw: seg, norm: seg, sentenceStart: start, afterWord: spaced})
			start, spaced = false, true
			continue
		}
		for k := 0; k+1 < len(runes); k++ {
			pair := runes[k : k+2]
			place := k+2 < len(runes) && placeSuffixes[runes[k+2]] && !placeSuffixes[pair[1]] ||
				unicode.Is(unicode.Katakana, pair[0]) && unicode.Is(unicode.Katakana, pair[1]) && pair[1] != 'ー'
			out = append(out, word{raw: string(pair), norm: string(pair), sentenceStart: start, afterWord: spaced, place: place})
			start, spaced = false, true
		}
	}
	return out
}
