package query

import (
	"strings"
	"testing"
)

// TestSymbolNamesAreRefused: "/subscribe C++" became the query "c", every
// article with the letter c; such names are refused with what to do, and
// stand with a word that goes with them.
func TestSymbolNamesAreRefused(t *testing.T) {
	for _, tc := range []struct{ name, in, want string }{
		{"C++", "C++", `"C++" would match every "c"`},
		{"C#", "jobs C#", `"C#" would match every "c"`},
		{"F#", "F#", `"F#" would match every "f"`},
		{"A+ quoted", `"A+"`, `"A+" would match every "a"`},
		{".NET", ".NET", `".NET" would match every "net"`},
		{"in a title", "title:C++", `"C++" would match every "c"`},
		{"a phrase with a word", `"C++ programming"`, ""},
		{"unquoted with a word", "C++ programming", `"C++" would match every "c"`},
		{"glued to a word", "C++11", ""},
		{"a letter alone", "vitamin C", ""},
		{"AT&T", "AT&T", ""},
		{"Notepad++", "Notepad++", ""},
		{"an ellipsis", "...kursk", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse(tc.in)
			switch {
			case tc.want == "" && err != nil:
				t.Errorf("Parse(%q) = %v, want it accepted", tc.in, err)
			case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)):
				t.Errorf("Parse(%q) = %v, want %q", tc.in, err, tc.want)
			}
		})
	}
}

// TestStoredSymbolNamesStillParse: a subscription to "C++" stored before the
// refusal keeps matching as it did (the letter), not skipped at load.
func TestStoredSymbolNamesStillParse(t *testing.T) {
	q, err := ParseStored("C++")
	if err != nil {
		t.Fatalf("ParseStored(C++) = %v", err)
	}
	if got := q.String(); got != "c" {
		t.Errorf("ParseStored(C++) reads as %q, want c as before", got)
	}
}

// A subscription stored before unknown fields were refused ("author:smith") keeps its reading, the phrase, so
// that Load does not skip it.
func TestStoredUnknownFieldKeepsItsReading(t *testing.T) {
	q, err := ParseStored("author:smith")
	if err != nil {
		t.Fatalf("ParseStored(author:smith) = %v", err)
	}
	if got := q.String(); got != `"author smith"` {
		t.Errorf("ParseStored(author:smith) reads as %s, want the phrase as before", got)
	}
}

// A subscription stored before a "*" in quotes was read ("north kor*", the phrase "north kor") keeps its reading.
func TestStoredStarInQuotesKeepsItsReading(t *testing.T) {
	for text, want := range map[string]string{`"north kor*"`: `"north kor"`, `"ukrain*"`: `"ukrain"`} {
		q, err := ParseStored(text)
		if err != nil || q.String() != want {
			t.Errorf("ParseStored(%s) = %v, %v; want %s as before", text, q, err, want)
		}
	}
}
