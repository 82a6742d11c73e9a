package summarize

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Sentences splits text into sentences, trimmed, in order. A line break
// always ends a sentence (headlines and list items carry no full stop). A
// full stop, question or exclamation mark or ellipsis ends one when white
// space and a word that is not lower-case follow, after any closing quotes
// or brackets; a full stop after an abbreviation, an initial or an ordinal
// does not (see boundaryAfterPeriod). CJK full stops (。！？) end a
// sentence with no space after them. It returns nil for text without words.
func Sentences(text string) []string {
	return appendSentences(nil, text)
}

// maxQuoteBytes bounds how long a quotation may hold sentences together;
// past it an opening quote mark is taken to be stray.
const maxQuoteBytes = 600

// appendSentences appends the sentences of text to dst; the sentences are
// substrings of text, so splitting allocates only when dst grows.
func appendSentences(dst []string, text string) []string {
	start := 0
	emit := func(end int) {
		if s := strings.TrimSpace(text[start:end]); s != "" && hasWord(s) {
			dst = append(dst, s)
		}
		start = end
	}
	var q quoteState
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		switch r {
		case '\n':
			emit(i)
			start = i + 1
			q = quoteState{}
		case '。', '！', '？', '｡':
			end := q.skipClosers(text, i+size)
			if !q.open(end) {
				emit(end)
			}
			i = end
			continue
		case '.', '!', '?', '…':
			end := skipTerminals(text, i+size)
			end = q.skipClosers(text, end)
			if !q.open(end) && sentenceEndsAt(text, start, i, end) {
				emit(end)
			}
			i = end
			continue
		case '"', '“', '”', '„', '«', '»':
			q.see(text, i, r)
		}
		i += size
	}
	emit(len(text))
	return dst
}

// quoteState tracks whether the scan is inside a quotation, so that a
// quotation of several sentences stays in the sentence that introduces
// or attributes it.
type quoteState struct {
	opener rune // the quote mark that opened the quotation, 0 outside one
	at     int  // where it opened
}

// open reports whether a quotation is open at byte i; one that has run
// longer than maxQuoteBytes is taken to be stray and closed.
func (q *quoteState) open(i int) bool {
	if q.opener != 0 && i-q.at > maxQuoteBytes {
		q.opener = 0
	}
	return q.opener != 0
}

// see updates the state for rune r at text[i]. Straight quotes open
// after a space and close otherwise; „ closes with “ or ” (German), “
// with ”, « with » and » with « (German again).
func (q *quoteState) see(text string, i int, r rune) {
	closes := false
	switch r {
	case '"':
		closes = q.opener == '"' || q.opener == '„'
	case '“':
		closes = q.opener == '„'
	case '”':
		closes = q.opener == '“' || q.opener == '„'
	case '«':
		closes = q.opener == '»'
	case '»':
		closes = q.opener == '«'
	case '„':
	default:
		return
	}
	switch {
	case closes:
		q.opener = 0
	case q.opener != 0 || r == '”':
	case r == '"' || r == '»':
		if openingPosition(text, i) {
			q.opener, q.at = r, i
		}
	default: // “ „ «
		q.opener, q.at = r, i
	}
}

// skipClosers returns the index after the closing quotes and brackets
// starting at i, closing the quotation when one of them ends it.
func (q *quoteState) skipClosers(text string, i int) int {
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !isCloser(r) {
			return i
		}
		q.see(text, i, r)
		i += size
	}
	return i
}

// openingPosition reports whether a quote mark at text[i] opens a
// quotation: it follows the start, a space or an opening bracket.
func openingPosition(text string, i int) bool {
	if i == 0 {
		return true
	}
	prev, _ := utf8.DecodeLastRuneInString(text[:i])
	return unicode.IsSpace(prev) || prev == '(' || prev == '[' || prev == '—' || prev == '–' || prev == ':'
}

// sentenceEndsAt decides whether the terminal punctuation at text[p] ends
// the sentence that began at start; after is the index just past the
// punctuation and any closing quotes.
func sentenceEndsAt(text string, start, p, after int) bool {
	if after >= len(text) {
		return true
	}
	if c := text[after]; c != ' ' && c != '\n' {
		// "3.5", "U.S.-led", "example.com", "said.”" handled by skipClosers;
		// but "… four teens.Eyewitness News has …", a source's paragraphs
		// run together, ends one
		return after == p+1 && text[p] == '.' && gluedSentenceAt(text, start, p)
	}
	next := nextWord(text, after)
	if next == "" {
		return true
	}
	if r, _ := utf8.DecodeRuneInString(next); unicode.IsLower(r) {
		return false // `"Is it over?" he asked.`
	}
	if text[p] != '.' || (p+1 < len(text) && text[p+1] == '.') {
		return true // ! ? … and "..." before a capital
	}
	if p > start && isCloser(lastRune(text[:p])) {
		return true // `(in 2023).` ends like any sentence
	}
	word := wordBefore(text, start, p)
	if (word == "г" || word == "гг") && yearBefore(text, start, p-len(word)) {
		return true // "в 2024 г. Работы…": a year closes the sentence; "г. Курск" does not
	}
	return boundaryAfterPeriod(word, next)
}

// gluedSentenceAt reports whether the full stop text[p], with no space
// after it, ends a sentence glued to the next ("in Southwest
// Philadelphia.They say"): the word before it is of letters ending in lower
// case ("teens", not the initials of "U.S.A." nor "3.5"), the word after it
// a capital and lower case ("They", not the "NET" of "ASP.NET") that does
// not go on with a dot and more ("Example.Co.uk"), and the word before is
// no abbreviation ("Mr.Kim", "Gov.Smith" stay).
func gluedSentenceAt(text string, start, p int) bool {
	word := wordBefore(text, start, p)
	if utf8.RuneCountInString(word) < 2 || !unicode.IsLower(lastRune(word)) {
		return false
	}
	for _, r := range word {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	rest := text[p+1:]
	first, size := utf8.DecodeRuneInString(rest)
	second, size2 := utf8.DecodeRuneInString(rest[size:])
	if !unicode.IsUpper(first) || !unicode.IsLower(second) {
		return false
	}
	i := size + size2
	for i < len(rest) {
		r, n := utf8.DecodeRuneInString(rest[i:])
		if !unicode.IsLetter(r) {
			break
		}
		i += n
	}
	if i+1 < len(rest) && rest[i] == '.' && rest[i+1] != ' ' && rest[i+1] != '\n' {
		return false // "Example.Co.uk"
	}
	return boundaryAfterPeriod(word, rest[:i])
}

// yearBefore reports whether the text before i (after start) ends with a
// number and a space: the "2024 " of "2024 г.".
func yearBefore(text string, start, i int) bool {
	if i-1 <= start || text[i-1] != ' ' {
		return false
	}
	c := text[i-2]
	return c >= '0' && c <= '9'
}

// boundaryAfterPeriod decides whether "word." followed by next (which does
// not start in lower case) ends a sentence.
func boundaryAfterPeriod(word, next string) bool {
	if word == "" {
		return true
	}
	nextDigit := next[0] >= '0' && next[0] <= '9'
	if i := strings.LastIndexByte(word, '-'); i > 0 && isTitleAbbreviation(word[i+1:]) {
		return false // a title joined to a word: "then-Sen. Obama", "ex-Gov. Bush", "Minneapolis-St. Paul"
	}
	switch {
	case isTitleAbbreviation(word):
		return false // "Mr. Kim", "Gen. Smith", "St. Louis"
	case word == "ago":
		return !nextDigit // "three days ago. Billy", but Spanish "ago. 15"
	case isNumberAbbreviation(word):
		return !nextDigit && isSentenceStarter(next) // "No. 10", "Jan. 5", "Nr. 3"
	case isInitials(word):
		return isSentenceStarter(next) // "George W. Bush", "J.R.R. Tolkien", but "the U.S. The"
	case isClosingAbbreviation(word):
		return isSentenceStarter(next) // "Acme Inc. said" / "Acme Inc. The"
	case isOrdinal(word):
		return !isMonth(next) && isSentenceStarter(next) // "am 3. Oktober", "el 5. Luego"
	}
	return true
}

// nextWord returns the word starting at the first non-space after i,
// without opening quotes or brackets; "" at the end of the text or a line.
func nextWord(text string, i int) string {
	for i < len(text) && text[i] == ' ' {
		i++
	}
	if i >= len(text) || text[i] == '\n' {
		return ""
	}
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !isOpenQuote(r) {
			break
		}
		i += size
	}
	j := i
	for j < len(text) {
		r, size := utf8.DecodeRuneInString(text[j:])
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			break
		}
		j += size
	}
	if j == i && i < len(text) {
		_, size := utf8.DecodeRuneInString(text[i:])
		return text[i : i+size]
	}
	return text[i:j]
}

// wordBefore returns the token that ends at the full stop text[p], without
// opening quotes or brackets: "Mr", "U.S", "J.R.R", "5"; of a longer token,
// its last maxWordBytes or so (no abbreviation or glued word is that long):
// a text of full stops and no spaces ("a.a.a.…", 256 KB) read back to its
// start at every one of them, 73 s of a summary.
func wordBefore(text string, start, p int) string {
	i := p
	for i > start && p-i < maxWordBytes {
		r, size := utf8.DecodeLastRuneInString(text[start:i])
		if unicode.IsSpace(r) || isOpenQuote(r) {
			break
		}
		i -= size
	}
	return text[i:p]
}

// maxWordBytes bounds how far back wordBefore reads.
const maxWordBytes = 64

// skipTerminals returns the index after a run of terminal punctuation
// ("?!", "...", "!!") starting at i.
func skipTerminals(text string, i int) int {
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		if r != '.' && r != '!' && r != '?' && r != '…' {
			return i
		}
		i += size
	}
	return i
}

func isCloser(r rune) bool {
	switch r {
	case '"', '\'', '”', '’', '»', ')', ']', '」', '』', '）', '›':
		return true
	}
	return false
}

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

// isInitials reports whether word is one or more single letters joined by
// full stops: "W", "J.R.R", "U.S", "U.K", "a.m". A lone lower-case letter
// is a word ("plan b."), not an initial.
func isInitials(word string) bool {
	expectLetter := true
	letters := 0
	lower := false
	for _, r := range word {
		if expectLetter {
			if !unicode.IsLetter(r) {
				return false
			}
			lower = unicode.IsLower(r)
			letters++
		} else if r != '.' {
			return false
		}
		expectLetter = !expectLetter
	}
	return !expectLetter && !(letters == 1 && lower)
}

// isOrdinal reports whether word is a one- or two-digit number, which
// German and Spanish dates write with a full stop ("am 3. Oktober").
func isOrdinal(word string) bool {
	if len(word) == 0 || len(word) > 2 {
		return false
	}
	for i := 0; i < len(word); i++ {
		if word[i] < '0' || word[i] > '9' {
			return false
		}
	}
	return true
}
