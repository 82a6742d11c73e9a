package summarize

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxQuotedSentences bounds how many sentences an open quotation carries
// over: past it an opening quote mark is taken to be stray (a shortened
// word such as 'em, a closing mark the page lost).
const maxQuotedSentences = 6

// quoteMarks are the marks appendQuoted reads.
const quoteMarks = "\"'‘’“”"

// appendQuoted appends to dst, for each of sents in order, whether the
// sentence begins inside a quotation opened in an earlier one: "He said:
// 'I think it must be. At one stage I thought ... I realised I was
// climbing for myself.'" splits (single quotes do not hold sentences
// together; see appendSentences) into a sentence that names the speaker
// and sentences that are the speaker's words without the speaker. Such a
// sentence is only read right after the one before it. A sentence
// opening with its own quote mark ("'We haven't had a request show ...")
// counts as inside when a quotation was open before it: British papers
// open every paragraph of a long quotation again.
func appendQuoted(dst []bool, sents []string) []bool {
	var opener rune // the mark that opened the quotation, 0 outside one
	age := 0        // sentences since it opened
	for _, s := range sents {
		if opener != 0 && age >= maxQuotedSentences {
			opener = 0
		}
		dst = append(dst, opener != 0)
		if opener != 0 {
			age++
		}
		if !hasQuoteMark(s) {
			continue
		}
		prev := ' '
		for i, r := range s {
			switch r {
			case '"', '“', '”', '\'', '‘', '’':
				next := ' '
				if j := i + utf8.RuneLen(r); j < len(s) {
					next, _ = utf8.DecodeRuneInString(s[j:])
				}
				opens, closes := quoteRole(prev, r, next)
				switch {
				case opener != 0 && closes && sameQuoteKind(opener, r):
					opener = 0
				case opener == 0 && opens:
					opener, age = r, 0
				}
			}
			prev = r
		}
	}
	return dst
}

// quoteRole tells whether the quote mark r between prev and next can open
// or close a quotation. An apostrophe inside a word ("didn't", "I’d")
// does neither; a mark before a word opens; one after a word or a
// punctuation mark, before a space or punctuation, closes.
func quoteRole(prev, r, next rune) (opens, closes bool) {
	wordBefore := unicode.IsLetter(prev) || unicode.IsDigit(prev)
	wordAfter := unicode.IsLetter(next) || unicode.IsDigit(next)
	if wordBefore && wordAfter {
		return false, false // an apostrophe
	}
	switch r {
	case '“', '‘':
		return unicode.IsLetter(next) || next == '.' || next == '\'' || next == '"', false
	case '”':
		return false, true
	}
	// ' " ’: position decides.
	spaceBefore := unicode.IsSpace(prev) || prev == '(' || prev == '[' || prev == '—' || prev == '–' || prev == ':'
	if spaceBefore && unicode.IsLetter(next) {
		return r != '’', false
	}
	return false, !spaceBefore && !wordAfter
}

// sameQuoteKind reports whether r can close a quotation opened by opener:
// double marks close double ones, single single ones.
func sameQuoteKind(opener, r rune) bool {
	double := func(q rune) bool { return q == '"' || q == '“' || q == '”' }
	return double(opener) == double(r)
}

// hasQuoteMark reports whether s holds one of quoteMarks, as
// strings.ContainsAny(s, quoteMarks) does, by its bytes: the two ASCII
// marks, or the three bytes of ‘ ’ “ ” (E2 80 98, 99, 9C, 9D). Those three
// bytes decode as the mark wherever they stand, even after invalid UTF-8:
// E2 is no continuation byte, so no rune decoded before it covers it.
// ContainsAny looked each rune up in the marks' string, a tenth of the
// summarizer's preparation of an article's sentences.
func hasQuoteMark(s string) bool {
	if strings.IndexByte(s, '"') >= 0 || strings.IndexByte(s, '\'') >= 0 {
		return true
	}
	for i := strings.IndexByte(s, 0xe2); i >= 0 && i+2 < len(s); {
		if s[i+1] == 0x80 {
			switch s[i+2] {
			case 0x98, 0x99, 0x9c, 0x9d:
				return true
			}
		}
		j := strings.IndexByte(s[i+1:], 0xe2)
		if j < 0 {
			return false
		}
		i += 1 + j
	}
	return false
}
