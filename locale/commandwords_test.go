package locale

import "testing"

// Each word names one command, in any case, and no English name is
// among them (those are the commands themselves).
func TestCommandNamed(t *testing.T) {
	seen := map[string]string{}
	for cmd, words := range commandWords {
		for _, w := range words {
			if other, dup := seen[w]; dup {
				t.Errorf("%q names both /%s and /%s", w, other, cmd)
			}
			seen[w] = cmd
			if _, isCmd := commandWords[w]; isCmd {
				t.Errorf("%q is a command's own name", w)
			}
		}
	}
	for word, want := range map[string]string{"Hilfe": "help", "ПОМОЩЬ": "help", "idioma": "language", "sprache": "language", "Suche": "search"} {
		if got, ok := CommandNamed(word); !ok || got != want {
			t.Errorf("CommandNamed(%q) = %q, %v; want %q", word, got, ok, want)
		}
	}
	if got, ok := CommandNamed("kursk"); ok {
		t.Errorf("CommandNamed(kursk) = %q", got)
	}
}
