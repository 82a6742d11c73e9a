package query

import (
	"slices"
	"testing"
)

// "/subscribe kursk or belgorod" read as kursk AND or AND belgorod, and "russia not sport" as russia AND not AND
// sport, with nothing said: OperatorWords finds them, for the confirmation to say how to write the operator.
func TestOperatorWords(t *testing.T) {
	for _, tt := range []struct {
		text  string
		words []string
		fixed string
	}{
		{"kursk or belgorod", []string{"or"}, "kursk OR belgorod"},
		{"russia Not sport", []string{"Not"}, "russia NOT sport"},
		{"a or b or c", []string{"or", "or"}, "a OR b OR c"},
		{"Курск or Белгород", []string{"or"}, "Курск OR Белгород"},
		{`"north korea" or (kim -jong)`, []string{"or"}, `"north korea" OR (kim -jong)`},
		{"kursk OR belgorod", nil, ""},
		{"kursk and belgorod", nil, ""}, // "and" reads as its operator would, near enough
		{`"to be or not to be"`, nil, ""},
		{"or kursk", nil, ""},
		{"kursk or", nil, ""},
		{"kursk OR or belgorod", nil, ""},
		{"kursk -or belgorod", nil, ""},
		{"title:or belgorod", nil, ""},
		{`kursk "or`, nil, ""},
	} {
		words, fixed := OperatorWords(tt.text)
		if !slices.Equal(words, tt.words) || fixed != tt.fixed {
			t.Errorf("OperatorWords(%q) = %q, %q; want %q, %q", tt.text, words, fixed, tt.words, tt.fixed)
			continue
		}
		if fixed == "" {
			continue
		}
		if q, err := Parse(fixed); err != nil {
			t.Errorf("the fixed %q does not parse: %v", fixed, err)
		} else if w, _ := OperatorWords(fixed); w != nil {
			t.Errorf("the fixed %q (%s) still has %q", fixed, q, w)
		}
	}
}
