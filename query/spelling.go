package query

import (
	"strconv"
	"strings"
	"unicode"
)

// Spelling variants of a bare word (docs/QUERY.md, "Spellings of one word"). The tokenizer splits a word at every
// character that is no letter, digit or mark, and keeps letters and digits together, so that news writing one word
// two ways gives two readings: "e-mail" is e, mail and "email" email; "COVID-19" is covid, 19 and "covid19" covid19;
// "1 000" and "1,000" are 1, 000 and "1000" 1000. A bare word of the query is read as the OR of its spellings, a
// spelled node: the word as typed first, then the others. It is one term (leaves), is written as the word typed
// (render), and is not merged into an OR around it (flatten), so that String and Key read back as they were.

// spelledWord returns the node of a bare word with tokens toks, typed as text: the word itself (first) OR its
// other spellings, or the word alone when it has none.
func (p *parser) spelledWord(it item, toks []string, first *node) *node {
	var alts []*node
	if len(toks) == 1 {
		if split := splitSpelling(toks[0]); len(split) > 1 {
			alts = append(alts, &node{kind: nodePhrase, pos: it.pos, tokens: split})
		}
	} else if joinable(it.text, toks) {
		joined := strings.Join(toks, "")
		alts = append(alts, &node{kind: nodeWord, pos: it.pos, tokens: []string{joined}, stems: wordStems(joined)})
	}
	if len(alts) == 0 {
		return first
	}
	return &node{kind: nodeOr, spelled: true, pos: it.pos, kids: append([]*node{first}, alts...)}
}

// splitSpelling returns how the text of an article may split the one token tok: a number of five digits or more,
// or of four that is no year from 1900 to 2099, in groups of three from the right, as "1 000", "1,000" and
// "1.000" are written (1000 → 1 000; 1000000 → 1 000 000); a word of letters and digits at each change between
// them (covid19 → covid 19, g7 → g 7). A number with a leading zero (0800, 007) is a code and stays as written.
// Else it returns tok alone.
func splitSpelling(tok string) []string {
	if isDigits(tok) {
		if len(tok) < 4 || tok[0] == '0' || len(tok) == 4 && isYear(tok) {
			return []string{tok}
		}
		var groups []string
		head := len(tok) % 3
		if head > 0 {
			groups = append(groups, tok[:head])
		}
		for i := head; i < len(tok); i += 3 {
			groups = append(groups, tok[i:i+3])
		}
		return groups
	}
	var parts []string
	start, prevDigit := 0, false
	for i, r := range tok {
		digit := unicode.IsDigit(r)
		if !unicode.IsLetter(r) && !digit {
			continue // a mark stays with its letter or digit
		}
		if i > 0 && digit != prevDigit {
			parts = append(parts, tok[start:i])
			start = i
		}
		prevDigit = digit
	}
	return append(parts, tok[start:])
}

// isDigits reports whether s is ASCII digits only (and not empty).
func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// isYear reports whether the four digits s are a year from 1900 to 2099, which news writes without a separator.
func isYear(s string) bool {
	y, err := strconv.Atoi(s)
	return err == nil && y >= 1900 && y <= 2099
}

// joinable reports whether a bare word typed as text, which makes the several tokens toks, is one word that news
// also writes without its separators: words of letters and digits of scripts written with spaces, joined by
// hyphens or apostrophes, with a letter in one of them ("e-mail", "COVID-19", "O'Neill"); or a number whose
// digits are grouped in threes by commas or dots ("1,000", "1.000.000"). "amazon.com", "foo:bar", "北朝鮮", the
// score "3-1" and the decimal "1.5" are not.
func joinable(text string, toks []string) bool {
	grouped := true // toks are a number in groups of three
	for i, t := range toks {
		if !isDigits(t) || i == 0 && (len(t) > 3 || t[0] == '0') || i > 0 && len(t) != 3 {
			grouped = false
		}
	}
	letters := false
	for _, r := range text {
		switch {
		case isWordRune(r):
			if unicode.IsLetter(r) {
				if noSpaceScript(r) {
					return false
				}
				letters = true
			}
		case strings.ContainsRune("-'’‐‑", r):
			if grouped {
				return false
			}
		case r == ',' || r == '.':
			if !grouped {
				return false
			}
		default:
			return false
		}
	}
	return grouped || letters
}

// spelledForm writes how a spelled node's first reading is typed: its one word, or its tokens joined by hyphens
// (by commas in a number), as a bare word that reads back as the same tokens and the same spellings.
func spelledForm(b *strings.Builder, first *node) {
	sep := byte(',') // a number in groups (joinable)
	for _, t := range first.tokens {
		if !isDigits(t) {
			sep = '-'
		}
	}
	for i, t := range first.tokens {
		if i > 0 {
			b.WriteByte(sep)
		}
		b.WriteString(t)
	}
}

// setTitle marks n, and the spellings of a spelled node, as matched in the title only.
func (n *node) setTitle() {
	n.title = true
	if n.spelled {
		for _, k := range n.kids {
			k.title = true
		}
	}
}
