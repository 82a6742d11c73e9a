package search_test

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/newshound/newshound/news"
	"github.com/newshound/newshound/query"
)

// TestSearchLanguages checks that /search finds words in their inflections in Russian, German, French and Spanish
// through FTS5 — whose expression the query widens to the stems' prefixes — and the query's own matcher, over a
// store that mixes languages article by article.
func TestSearchLanguages(t *testing.T) {
	r := newRig(t)
	at := func(h int) time.Time { return r.now.Add(-time.Duration(h) * time.Hour) }
	r.articles("Лента",
		news.Article{GUID: "ru1", Title: "Саперы разминируют поля в Курской области", Text: "Работы продлятся до конца месяца, сообщили в администрации региона.", PublishedAt: at(1)},
		news.Article{GUID: "ru2", Title: "В Курске открыли новый мост", Text: "Мост соединил два района города.", PublishedAt: at(2)},
		news.Article{GUID: "ru3", Title: "Курсы валют на понедельник", Text: "Доллар подешевел на торгах в Москве.", PublishedAt: at(3)},
	)
	r.articles("Tagesschau",
		news.Article{GUID: "de1", Title: "Die Wahlen in Bayern: CSU verliert die Mehrheit", Text: "Die Grünen gewinnen nach der Auszählung der Stimmen deutlich hinzu.", PublishedAt: at(1)},
		news.Article{GUID: "de2", Title: "Regierung plant neue Regeln für die Wahl", Text: "Der Bundestag soll im Herbst über das Gesetz abstimmen.", PublishedAt: at(4)},
		news.Article{GUID: "de3", Title: "Walfang vor Island wird verboten", Text: "Die Regierung folgt damit einer Empfehlung der Wissenschaftler.", PublishedAt: at(5)},
	)
	r.articles("Le Monde",
		news.Article{GUID: "fr1", Title: "Les élections législatives auront lieu en juin", Text: "Le président a dissous l'Assemblée nationale dimanche soir.", PublishedAt: at(1)},
		news.Article{GUID: "fr2", Title: "Grèves dans les transports : le gouvernement cède", Text: "Les syndicats ont obtenu une hausse des salaires.", PublishedAt: at(2)},
	)
	r.articles("El País",
		news.Article{GUID: "es1", Title: "Las elecciones en Cataluña: el gobierno pierde la mayoría", Text: "Los resultados se conocerán tras el recuento de los votos por correo.", PublishedAt: at(1)},
		news.Article{GUID: "es2", Title: "Huelga de médicos en Madrid", Text: "Los sindicatos convocan paros para la próxima semana en los hospitales.", PublishedAt: at(3)},
	)
	r.articles("Haaretz",
		news.Article{GUID: "he1", Title: "שָׁלוֹם עֲלֵיכֶם בִּירוּשָׁלַיִם", Text: "שיר לילדים.", PublishedAt: at(2)},
		news.Article{GUID: "he2", Title: "הבחירות בירושלים", Text: "שלום לכולם.", PublishedAt: at(3)},
	)
	r.articles("Al Jazeera",
		news.Article{GUID: "ar1", Title: "الوزير قال أيضاً إن المحادثات مستمرة", Text: "وأضاف أن الاجتماع القادم في القاهرة.", PublishedAt: at(2)},
		news.Article{GUID: "ar2", Title: "محمد علي يفوز بالجائزة", Text: "الفائز من مصر.", PublishedAt: at(3)},
	)
	r.articles("Reuters",
		news.Article{GUID: "en1", Title: "Election results delayed in Texas", Text: "The count of the mail-in ballots will take another week, officials said.", PublishedAt: at(2)},
		news.Article{GUID: "en2", Title: "Candidate elected in the first round", Text: "The mayor won with a clear majority of the votes.", PublishedAt: at(3)},
	)
	tests := []struct {
		query string
		want  []string // GUIDs, best first
	}{
		{"Курск", []string{"ru1", "ru2"}}, // not Курсы: another word
		{"Курск саперы", []string{"ru1"}},
		{"Wahl", []string{"de1", "de2"}}, // not Walfang
		{"Regierung -Wahl", []string{"de3"}},
		{"élection", []string{"fr1", "en1"}},
		{"grève", []string{"fr2"}},
		{"elección", []string{"es1"}},
		{"huelgas", []string{"es2"}},
		{"election", []string{"fr1", "en1"}}, // English: elected is another word
		{`"курской области"`, []string{"ru1"}},
		{"title:gobierno", []string{"es1"}},
		{"Курск Wahl", nil},
		// Hebrew points (niqqud) are read as news writes, without them: either side may carry them.
		{"שלום", []string{"he1", "he2"}},
		{`"שָׁלוֹם עֲלֵיכֶם"`, []string{"he1"}},
		{"title:שלום", []string{"he1"}},
		// So are Arabic short vowels and tanween, in a phrase as in a word.
		{`"قال أيضا"`, []string{"ar1"}},
		{`"مُحَمَّد علي"`, []string{"ar2"}},
	}
	for _, tt := range tests {
		p, err := r.svc.Search(context.Background(), 1, tt.query)
		if err != nil {
			t.Fatalf("Search(%q): %v", tt.query, err)
		}
		var got []string
		for _, res := range p.Results {
			got = append(got, res.Article.GUID)
		}
		slices.Sort(got)
		want := slices.Sorted(slices.Values(tt.want))
		if !slices.Equal(got, want) {
			t.Errorf("Search(%q) found %q, want %q", tt.query, got, want)
		}
		// The answer came through the terms index, not the scan that a refused expression falls back to: its candidates
		// hold every result.
		q, err := query.Parse(tt.query)
		if err != nil {
			t.Fatal(err)
		}
		hits, err := r.st.SearchArticles(context.Background(), q.TermsMatch(), 100)
		if err != nil {
			t.Fatalf("Search(%q): FTS5 %q: %v", tt.query, q.TermsMatch(), err)
		}
		var cands []string
		for _, h := range hits {
			cands = append(cands, h.Article.GUID)
		}
		for _, g := range want {
			if !slices.Contains(cands, g) {
				t.Errorf("Search(%q): FTS5 %q misses %s (candidates %q)", tt.query, q.TermsMatch(), g, cands)
			}
		}
	}
}
