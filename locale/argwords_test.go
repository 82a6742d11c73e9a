package locale

import (
	"strings"
	"testing"
)

// TestEveryLanguageHasItsArgumentWords: a language added without its
// words for "now", "off" and the rest would leave its chats with the
// English ones; and a word that meant two things would be read as one.
func TestEveryLanguageHasItsArgumentWords(t *testing.T) {
	seen := map[string]string{}
	for _, en := range ArgWordNames {
		if _, ok := argWords[en]; !ok {
			t.Errorf("no words for %q", en)
		}
		if ArgWords(en) != en {
			t.Errorf("ArgWords(%q) = %q", en, ArgWords(en))
		}
	}
	for _, l := range Languages[1:] {
		p := For(l.Code)
		for _, en := range ArgWordNames {
			words := argWords[en][l.Code]
			if len(words) == 0 {
				t.Errorf("%s has no word for %q", l.Code, en)
				continue
			}
			if p.Arg(en) != words[0] {
				t.Errorf("%s: Arg(%q) = %q, want %q", l.Code, en, p.Arg(en), words[0])
			}
			for _, w := range words {
				if w != strings.ToLower(w) || strings.ContainsAny(w, " \t") {
					t.Errorf("%s: %q is not one lower-case word", l.Code, w)
				}
				if other, ok := seen[w]; ok && other != en {
					t.Errorf("%q means both %q and %q", w, other, en)
				}
				seen[w] = en
				if got := ArgWords(strings.ToUpper(w)); got != en {
					t.Errorf("%s: ArgWords(%q) = %q, want %q", l.Code, strings.ToUpper(w), got, en)
				}
			}
		}
	}
	if For(English).Arg("now") != "now" {
		t.Errorf("English shows %q for now", For(English).Arg("now"))
	}
}

// TestTextsShowTheLanguagesArgumentWords: a Russian chat was told to send
// "/digest now", and its "/digest сейчас" was then not understood. A text
// shows the command's argument in the chat's language.
func TestTextsShowTheLanguagesArgumentWords(t *testing.T) {
	english := []string{"<code>/digest now</code>", "<code>/digest off</code>", "<code>/digest on</code>", "<code>/quiet off</code>",
		"<code>/preview on</code>", "<code>off</code>", "<code>large</code>", "<code>small</code>", "<code>above</code>"}
	for _, e := range entries {
		for i, l := range Languages[1:] {
			s := e.text(i + 1)
			for _, w := range english {
				if strings.Contains(s, w) {
					t.Errorf("%s: %q shows the English %s", l.Code, s, w)
				}
			}
		}
	}
}
