package locale

import "testing"

// TestCountsAgreeWithTheirSentences reads the sentences that hold a counted
// noun as a native speaker would. A Russian user read "она нашла бы около
// 21 сохранённую статью" ("около" wants a genitive the counted noun does not
// have), and a German one "Abonniert … hätte sie" (the Abo is neuter).
func TestCountsAgreeWithTheirSentences(t *testing.T) {
	for _, tc := range []struct {
		lang, key string
		n         int
		want      string
	}{
		{"ru", "In the last %d days it would have matched about %s.", 21, "За последние 7 дн. она нашла бы примерно 21 сохранённую статью."},
		{"ru", "In the last %d days it would have matched about %s.", 3, "За последние 7 дн. она нашла бы примерно 3 сохранённые статьи."},
		{"ru", "In the last %d days it would have matched about %s.", 250, "За последние 7 дн. она нашла бы примерно 250 сохранённых статей."},
		{"ru", "In the last %d days it would have matched %s.", 1, "За последние 7 дн. она нашла бы 1 сохранённую статью."},
		{"de", "In the last %d days it would have matched %s.", 1, "In den letzten 7 Tagen hätte es 1 gespeicherten Artikel gefunden."},
		{"de", "In the last %d days it would have matched about %s.", 40, "In den letzten 7 Tagen hätte es etwa 40 gespeicherte Artikel gefunden."},
		{"es", "In the last %d days it would have matched about %s.", 40, "En los últimos 7 días habría encontrado unos 40 artículos guardados."},
	} {
		p := For(tc.lang)
		if got := p.Sprintf(tc.key, 7, p.Count(tc.n, "%d stored articles")); got != tc.want {
			t.Errorf("%s %q with %d:\n got %q\nwant %q", tc.lang, tc.key, tc.n, got, tc.want)
		}
	}
}
