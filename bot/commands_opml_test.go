package bot

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestSplitEscaped(t *testing.T) {
	tests := []struct {
		name string
		in   string
		n    int
	}{
		{"short", "<a>\n<b>\n", 100},
		{"many lines", strings.Repeat(`<outline text="x &amp; y" xmlUrl="https://e.example/?a=1&b=2"/>`+"\n", 200), 1000},
		{"one huge line", strings.Repeat(`"<>&`, 2000) + "\n", 500},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			parts := splitEscaped(tt.in, tt.n)
			if strings.Join(parts, "") != tt.in {
				t.Fatalf("parts do not join back to the input")
			}
			for i, p := range parts {
				if l := utf8.RuneCountInString(esc(p)); l > tt.n {
					t.Errorf("part %d: %d escaped runes, over %d", i, l, tt.n)
				}
			}
		})
	}
}
