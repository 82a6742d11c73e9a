package query

import (
	"errors"
	"fmt"
	"testing"
)

// TestParseErrorsCarryTheirKey: every refusal carries a catalog key and
// arguments that print its English sentence, the position the last
// argument when the fault has one.
func TestParseErrorsCarryTheirKey(t *testing.T) {
	for _, tt := range []struct {
		query   string
		wantKey string
		wantPos int
	}{
		{`tariff japan "trade war`, "unclosed quote at position %d", 14},
		{"russia - sport", "%q needs a word after it (position %d)", 8},
		{"a AND", "%q needs a word on both sides (position %d)", 3},
		{"ab*", `a prefix needs at least %d characters before "*" (position %d)`, 1},
		{"-sport", "a query needs at least one word that must appear", 0},
		{"(a", `unclosed "(" at position %d`, 1},
		{"title: x", `"title:" takes its word right after it, without a space: %s (position %d)`, 1},
		{"title:", `"title:" needs a word, prefix or phrase right after it (position %d)`, 1},
		{"🚀 raketen <b>start</b>", "%q is markup typed as text, not a word to look for: send the words without tags (position %d)", 11},
		{"🇺🇦 raketen <b>start</b>", "%q is markup typed as text, not a word to look for: send the words without tags (position %d)", 11},
	} {
		_, err := Parse(tt.query)
		var pe *ParseError
		if !errors.As(err, &pe) {
			t.Fatalf("Parse(%q) = %v, want a *ParseError", tt.query, err)
		}
		key, args := pe.Message()
		if key != tt.wantKey || pe.Pos != tt.wantPos {
			t.Errorf("Parse(%q): key %q, pos %d; want %q, %d", tt.query, key, pe.Pos, tt.wantKey, tt.wantPos)
		}
		if got := fmt.Sprintf(key, args...); got != pe.Error() {
			t.Errorf("Parse(%q): key and args print %q, Error() %q", tt.query, got, pe.Error())
		}
		if tt.wantPos > 0 && (len(args) == 0 || args[len(args)-1] != tt.wantPos) {
			t.Errorf("Parse(%q): args %v do not end with the position %d", tt.query, args, tt.wantPos)
		}
	}
}
