package summarize

import (
	"unicode"
	"unicode/utf8"
)

// minCapitals is how many upper-case letters make a sentence without a
// lower-case one "in capitals": "US." or "OK." are too short to say.
const minCapitals = 4

// inCapitals reports whether sentence s is written in capitals, as TV
// stations' caption transcripts and shouting are ("THE FIRE BROKE OUT
// AROUND 3:00 THIS MORNING."): it has at least minCapitals upper-case
// letters and none in lower case after an optional speaker's label
// (speakerLabel). Acronyms and a sign in capitals inside prose ("NASA and
// the FBI said", "a sign reading STOP") are in a sentence with lower-case
// letters, so it is not; neither is a sentence of a script without case.
// It stops at the first lower-case letter, so prose costs a byte or two.
func inCapitals(s string) bool {
	upper := 0
	for i := speakerLabel(s); i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			switch {
			case 'a' <= c && c <= 'z':
				return false
			case 'A' <= c && c <= 'Z':
				upper++
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsUpper(r) {
			upper++
		}
	}
	return upper >= minCapitals
}

// speakerLabel returns the length of the speaker's label that opens s, as
// caption transcripts name who speaks ("Reporter: ", "The Reporter: ",
// "Laurie Jennings: "): one to three words, each a capital and letters,
// then a colon and a space; 0 when there is none. A sentence of prose
// ("The minister said: …") has a word in lower case first and no label.
func speakerLabel(s string) int {
	i := 0
	for range 3 {
		if i >= len(s) || s[i] < 'A' || s[i] > 'Z' {
			return 0
		}
		i++
		for i < len(s) && ('a' <= s[i] && s[i] <= 'z' || 'A' <= s[i] && s[i] <= 'Z' || s[i] == '\'' || s[i] == '-') {
			i++
		}
		if i+1 < len(s) && s[i] == ':' && s[i+1] == ' ' {
			return i + 2
		}
		if i >= len(s) || s[i] != ' ' {
			return 0
		}
		i++
	}
	return 0
}
