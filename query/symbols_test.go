package query

import (
	"reflect"
	"testing"
)

// TestSymbolNamesOfAQuery: the names a confirmation explains, those whose
// symbols the reading drops ("C++ programming" reads as "c programming").
func TestSymbolNamesOfAQuery(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		want     []SymbolName
	}{
		{"a quoted phrase", `"C++ programming"`, []SymbolName{{"C++", "c"}}},
		{"two", `"C# jobs" OR ".NET core"`, []SymbolName{{"C#", "c"}, {".NET", "net"}}},
		{"none", `kursk "long-term" AT&T Notepad++ C++11 vitamin C`, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := SymbolNames(tc.in); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("SymbolNames(%q) = %v, want %v", tc.in, got, tc.want)
			}
		})
	}
}
