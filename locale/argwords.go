package locale

import "strings"

// argWords are the words commands read as their English arguments
// ("/digest now", "/preview off"), per language, lower-case: the first of
// each is the one the language's texts show ("<code>/digest сейчас</code>"),
// the others what its speakers may write as well. A Russian chat was told
// "/digest now" was the way, and "/digest сейчас" was not understood.
// TestEveryLanguageHasItsArgumentWords keeps a new language from missing one.
var argWords = map[string]map[string][]string{
	"now":   {"ru": {"сейчас", "сразу"}, "de": {"jetzt", "sofort"}, "es": {"ahora", "ya"}},
	"off":   {"ru": {"выкл", "выключить", "откл", "отключить", "нет"}, "de": {"aus", "ausschalten", "nein"}, "es": {"no", "desactivar", "apagar", "apagado"}},
	"on":    {"ru": {"вкл", "включить", "да"}, "de": {"an", "ein", "einschalten", "ja"}, "es": {"sí", "si", "activar", "encender", "encendido"}},
	"large": {"ru": {"крупно", "большое", "большой", "большая"}, "de": {"groß", "gross"}, "es": {"grande"}},
	"small": {"ru": {"мелко", "маленькое", "маленький", "маленькая"}, "de": {"klein"}, "es": {"pequeño", "pequeno", "pequeña"}},
	"above": {"ru": {"сверху", "вверху"}, "de": {"oben"}, "es": {"arriba"}},
}

// ArgWordNames are the English argument words argWords translates.
var ArgWordNames = []string{"now", "off", "on", "large", "small", "above"}

// ArgWords returns s (lower-cased, one space between words) with each word
// that is an argument word of any language the bot speaks replaced by its
// English one ("groß oben" → "large above"); other words stay as they are.
func ArgWords(s string) string {
	fields := strings.Fields(strings.ToLower(s))
	for i, f := range fields {
		if en, ok := argWordOf(f); ok {
			fields[i] = en
		}
	}
	return strings.Join(fields, " ")
}

func argWordOf(word string) (string, bool) {
	for en, langs := range argWords {
		for _, words := range langs {
			for _, w := range words {
				if w == word {
					return en, true
				}
			}
		}
	}
	return "", false
}

// Arg returns the word p's language shows for the English argument word
// en ("now" → "сейчас"); en itself in English or for a word it lacks.
func (p Printer) Arg(en string) string {
	if words := argWords[en][p.Lang()]; len(words) > 0 {
		return words[0]
	}
	return en
}
