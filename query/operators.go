package query

import "strings"

// OperatorWords returns the words "or" and "not" that text has between two terms in other than capitals ("kursk
// or belgorod", "russia Not sport"), which Parse reads as words to find — so the query asks for the opposite of
// what was likely meant: "kursk or belgorod" needs both and the word "or" — and fixed, text with them in capitals
// (the operators). It returns nil and "" for text without such words or that does not lex.
func OperatorWords(text string) (words []string, fixed string) {
	text = strings.TrimSpace(withoutInvisible(text))
	items, err := lex(text)
	if err != nil {
		return nil, ""
	}
	var b strings.Builder
	done := 0 // bytes of text written to b
	for i, it := range items {
		if it.kind != itemWord || i == 0 || i+2 >= len(items) || !startsUnary(items[i+1].kind) {
			continue
		}
		switch prev := items[i-1].kind; {
		case prev == itemOpen, prev == itemOr, prev == itemAnd, prev == itemNot, prev == itemField:
			continue
		}
		up := strings.ToUpper(it.text)
		if (up != "OR" && up != "NOT") || it.text == up {
			continue
		}
		words = append(words, it.text)
		at := byteOffset(text, it.pos)
		b.WriteString(text[done:at])
		b.WriteString(up)
		done = at + len(it.text)
	}
	if words == nil {
		return nil, ""
	}
	b.WriteString(text[done:])
	return words, b.String()
}

// byteOffset returns the byte offset in s of the character at pos (from 1).
func byteOffset(s string, pos int) int {
	for i := range s {
		if pos--; pos == 0 {
			return i
		}
	}
	return len(s)
}
