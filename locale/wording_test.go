package locale

import "testing"

// TestVersionLineAgreesWhateverIsUnknown reads /version of a build without
// its commit or date. "unknown" is one word for both, and Russian agrees it
// with a noun: "коммит неизвестно, собрано неизвестно" agreed with neither.
// Each value now follows a label and a colon, where the neutral form reads
// right ("коммит: неизвестно"), and a known date reads right there too.
func TestVersionLineAgreesWhateverIsUnknown(t *testing.T) {
	for _, tc := range []struct {
		lang, commit, date, want string
	}{
		{"ru", "", "", "v1 (коммит: неизвестно, дата сборки: неизвестно)"},
		{"ru", "abc", "2026-12-01", "v1 (коммит: abc, дата сборки: 2026-12-01)"},
		{"de", "", "", "v1 (Commit: unbekannt, Build-Datum: unbekannt)"},
		{"es", "", "", "v1 (commit: desconocido, compilado: desconocido)"},
		{"en", "", "", "v1 (commit unknown, built unknown)"},
	} {
		p := For(tc.lang)
		commit, date := tc.commit, tc.date
		if commit == "" {
			commit = p.Sprintf("unknown")
		}
		if date == "" {
			date = p.Sprintf("unknown")
		}
		if got := p.Sprintf("%s (commit %s, built %s)", "v1", commit, date); got != tc.want {
			t.Errorf("%s: got %q, want %q", tc.lang, got, tc.want)
		}
	}
}

// TestPromptsReadNaturally reads the line a question adds in a group
// ("Or reply to this message with it."): the Russian "Или ответьте этим на
// это сообщение" ("answer with this to this message") read as a word-for-word
// rendering, as did the German "damit" and the Spanish "con ello".
func TestPromptsReadNaturally(t *testing.T) {
	for _, tc := range []struct{ lang, key, want string }{
		{"ru", "Or reply to this message with it.", "Или пришлите ответом на это сообщение."},
		{"de", "Or reply to this message with it.", "Oder schicken Sie es als Antwort auf diese Nachricht."},
		{"es", "Or reply to this message with it.", "O envíalo como respuesta a este mensaje."},
		{"ru", "Or just send it now.", "Или просто пришлите сейчас."},
		{"es", "Or just send it now.", "O simplemente envíalo ahora."},
	} {
		if got := For(tc.lang).Sprintf(tc.key); got != tc.want {
			t.Errorf("%s %q: got %q, want %q", tc.lang, tc.key, got, tc.want)
		}
	}
}
