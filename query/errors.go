package query

import "fmt"

// ParseError is a query that breaks a rule of docs/QUERY.md. It says what is wrong and, when the fault has a place,
// where, in a sentence for the user: Key is that sentence's format in English, a key of the message catalog (package
// locale) that callers translate with Args; Msg is the English sentence. Pos is the fault's place in characters from 1
// in the trimmed text (also the last of Args), or 0 when the fault is the query as a whole.
type ParseError struct {
	Pos  int
	Key  string
	Args []any
	Msg  string
}

// Error returns Msg, the English sentence.
func (e *ParseError) Error() string { return e.Msg }

// Message returns the catalog key and its arguments, for a reply in the user's language.
func (e *ParseError) Message() (string, []any) { return e.Key, e.Args }

// errAt is a fault at pos; key's last verb is the position ("… at position %d", "… (position %d)").
func errAt(pos int, key string, args ...any) *ParseError {
	args = append(args, pos)
	return &ParseError{Pos: pos, Key: key, Args: args, Msg: fmt.Sprintf(key, args...)}
}

// errWhole is a fault of the query as a whole.
func errWhole(key string, args ...any) *ParseError {
	return &ParseError{Key: key, Args: args, Msg: fmt.Sprintf(key, args...)}
}
