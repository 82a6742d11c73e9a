package summarize

import (
	"unicode"
	"unicode/utf8"
)

// wordScanner yields the lower-cased words of a string one by one into a
// reused buffer, so scanning allocates nothing once the buffer has grown.
// Letters and digits make words; runs of Han or Kana, which have no spaces
// between words, yield overlapping character pairs instead.
type wordScanner struct {
	s   string
	i   int
	buf []byte
}

func (w *wordScanner) reset(s string) {
	w.s, w.i = s, 0
}

// next returns the next word, valid until the following call, or false at
// the end of the string.
func (w *wordScanner) next() ([]byte, bool) {
	s := w.s
	for w.i < len(s) {
		// ASCII is read byte by byte (neither CJK nor anything to decode):
		// the same words as decoding each rune, at a fraction of the cost.
		if c := s[w.i]; c < utf8.RuneSelf {
			if asciiFold[c] == 0 {
				w.i++
				continue
			}
		} else {
			r, size := utf8.DecodeRuneInString(s[w.i:])
			if isCJK(r) {
				w.buf = utf8.AppendRune(w.buf[:0], r)
				w.i += size
				if r2, size2 := utf8.DecodeRuneInString(s[w.i:]); w.i < len(s) && isCJK(r2) {
					w.buf = utf8.AppendRune(w.buf, r2)
					_ = size2
				}
				return w.buf, true
			}
			if !isWordRune(r) {
				w.i += size
				continue
			}
		}
		w.buf = w.buf[:0]
		for w.i < len(s) {
			if c := s[w.i]; c < utf8.RuneSelf {
				l := asciiFold[c]
				if l == 0 {
					break
				}
				w.buf = append(w.buf, l)
				w.i++
				continue
			}
			r, size := utf8.DecodeRuneInString(s[w.i:])
			if !isWordRune(r) || isCJK(r) {
				break
			}
			w.buf = utf8.AppendRune(w.buf, unicode.ToLower(r))
			w.i += size
		}
		return w.buf, true
	}
	return nil, false
}

// asciiFold maps an ASCII letter or digit to itself in lower case, any
// other ASCII byte to 0: one load per byte where the scanner read three
// ranges and a fourth to lower the case.
var asciiFold = func() (t [utf8.RuneSelf]byte) {
	for c := range t {
		if isASCIIWord(byte(c)) {
			t[c] = byte(unicode.ToLower(rune(c)))
		}
	}
	return t
}()

// isASCIIWord reports whether the ASCII byte c is a letter or a digit
// (isWordRune for c < utf8.RuneSelf).
func isASCIIWord(c byte) bool {
	return ('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z') || ('0' <= c && c <= '9')
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return ('a' <= r && r <= 'z') || ('A' <= r && r <= 'Z') || ('0' <= r && r <= '9')
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

func isCJK(r rune) bool {
	return r >= 0x2E80 && (unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r))
}
