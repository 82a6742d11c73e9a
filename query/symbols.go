package query

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// SymbolName is a name made with symbols in a query's text and what the
// query reads it as: "C++" as "c", ".NET" as "net".
type SymbolName struct{ Typed, Read string }

// SymbolNames returns the names made with symbols in text whose symbols
// the reading drops, leaving a bare letter or another word (symbolName's
// rule), in text's order: those that Parse accepts in a phrase with a word
// that goes with them (`"C++ programming"`, read as "c programming"), so
// that a confirmation can say how the query reads rather than echo it
// silently as "c programming". It never fails; text without such a name
// gives nil.
func SymbolNames(text string) []SymbolName {
	var out []SymbolName
	for _, f := range strings.FieldsFunc(text, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune(`"()“”«»`, r)
	}) {
		f = strings.TrimRight(f, ",;:!?")
		toks := Terms(f)
		if len(toks) != 1 {
			continue
		}
		if isSymbolName(f, toks[0]) {
			out = append(out, SymbolName{Typed: f, Read: toks[0]})
		}
	}
	return out
}

// isSymbolName reports whether text, whose one token is tok, is a name
// made with symbols that their loss leaves as a bare letter ("C++", "C#",
// "F#", "A+", with the music sign "C♯" or full-width "Ｃ＃" too) or another
// word (".NET").
func isSymbolName(text, tok string) bool {
	r, _ := utf8.DecodeRuneInString(tok)
	oneLetter := utf8.RuneCountInString(tok) == 1 && unicode.IsLetter(r) && strings.ContainsAny(text, "+#♯＃＋")
	dotted := strings.HasPrefix(text, ".") && len(text) > 1 && unicode.IsLetter(rune(text[1]))
	return oneLetter || dotted
}
