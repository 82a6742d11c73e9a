package localtime

import "fmt"

// Error is a time of day or quiet hours that do not read, in a sentence for
// the user: Key is its format in English, a key of the message catalog
// (package locale) that callers translate with Args. It matches its kind
// (ErrBadClock or ErrBadQuietHours) with errors.Is, and unwraps to the error
// behind it (the clock error of quiet hours whose end does not read).
type Error struct {
	Key  string
	Args []any
	kind error
	err  error
}

// Error returns the English sentence.
func (e *Error) Error() string { return fmt.Sprintf(e.Key, e.Args...) }

// Message returns the catalog key and its arguments, for a reply in the
// user's language.
func (e *Error) Message() (string, []any) { return e.Key, e.Args }

// Is reports whether target is the error's kind.
func (e *Error) Is(target error) bool { return target == e.kind }

// Unwrap returns the error behind it, or nil.
func (e *Error) Unwrap() error { return e.err }

// userError is an *Error of kind.
func userError(kind error, key string, args ...any) *Error {
	return &Error{Key: key, Args: args, kind: kind}
}
