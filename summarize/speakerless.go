package summarize

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// markSpeakerless adds to quoted (appendQuoted's marks for sents) every
// sentence after the first that is a quotation and nothing else: it opens
// with a quote mark and has no word outside the quotation ("“It’s insane.
// It’s insane.”", "'I just thought it was important we gave them some kind
// of performance."). Its speaker is named in another sentence, usually the
// one before it ("… he explained."), so like a sentence inside a quotation
// it is read only right after that one. A quotation with its attribution in
// the sentence ("'I'm ready,' Clarkson said.") is not marked, nor the
// article's first sentence, which has nothing before it to go with.
func markSpeakerless(quoted []bool, sents []string) {
	for i := 1; i < len(sents) && i < len(quoted); i++ {
		if !quoted[i] && onlyQuotation(sents[i]) {
			quoted[i] = true
		}
	}
}

// onlyQuotation reports whether s opens a quotation at its first rune and
// has no letter after the mark that closes it; a quotation still open at
// the end of s counts (a long quotation the splitter held together, or one
// the next paragraph goes on with). Apostrophes are told from quote marks
// as appendQuoted tells them (quoteRole), so "'90s fashion is back." opens
// nothing.
func onlyQuotation(s string) bool {
	first, size := utf8.DecodeRuneInString(s)
	if !strings.ContainsRune(quoteMarks, first) || size >= len(s) {
		return false
	}
	next, _ := utf8.DecodeRuneInString(s[size:])
	if opens, _ := quoteRole(' ', first, next); !opens {
		return false
	}
	prev := first
	for i, r := range s[size:] {
		i += size
		if strings.ContainsRune(quoteMarks, r) && sameQuoteKind(first, r) {
			after := ' '
			if j := i + utf8.RuneLen(r); j < len(s) {
				after, _ = utf8.DecodeRuneInString(s[j:])
			}
			if _, closes := quoteRole(prev, r, after); closes {
				return strings.IndexFunc(s[i+utf8.RuneLen(r):], unicode.IsLetter) < 0
			}
		}
		prev = r
	}
	return true
}
