package summarize

import (
	"context"
	"slices"
	"strings"
	"testing"
)

// TestSentencesInOtherLanguages splits real-looking news prose in Russian,
// German, French, Spanish, Italian and Portuguese: abbreviations, dates,
// and quotes «…», „…“ and “…”.
func TestSentencesInOtherLanguages(t *testing.T) {
	for _, tt := range []struct {
		name string
		text string
		want []string
	}{
		{"ru abbreviations", "Саперы разминировали 120 га полей в Курской обл. в 2024 г. Работы продолжатся весной. Об этом сообщил глава района им. Иванова.",
			[]string{"Саперы разминировали 120 га полей в Курской обл. в 2024 г.", "Работы продолжатся весной.", "Об этом сообщил глава района им. Иванова."}},
		{"ru etc and money", "Ущерб оценили в 5 млн руб. и т.д. По словам губернатора, т.е. главы региона, помощь уже выделена. Он добавил, что см. ст. 105 УК применять не будут.",
			[]string{"Ущерб оценили в 5 млн руб. и т.д.", "По словам губернатора, т.е. главы региона, помощь уже выделена.", "Он добавил, что см. ст. 105 УК применять не будут."}},
		{"ru guillemets", "«Мы закончим работу к маю», — заявил он. «Поля снова будут засеяны. Это главное». Жители ждут.",
			[]string{"«Мы закончим работу к маю», — заявил он.", "«Поля снова будут засеяны. Это главное».", "Жители ждут."}},
		{"ru city abbreviation", "Митинг прошел у здания администрации на ул. Ленина в г. Курске. Полиция не вмешивалась.",
			[]string{"Митинг прошел у здания администрации на ул. Ленина в г. Курске.", "Полиция не вмешивалась."}},
		{"de quotes and dates", "„Wir haben die Wahl gewonnen“, sagte der Kandidat am 3. Oktober in Dresden. Die Auszählung dauerte bis 2 Uhr. Laut Art. 38 GG ist sie geheim.",
			[]string{"„Wir haben die Wahl gewonnen“, sagte der Kandidat am 3. Oktober in Dresden.", "Die Auszählung dauerte bis 2 Uhr.", "Laut Art. 38 GG ist sie geheim."}},
		{"de abbreviations", "Die Kosten liegen bei rund 3 Mio. Euro, u.a. für Personal. Dr. Weber vom Bundesamt bzw. dem Ministerium widersprach.",
			[]string{"Die Kosten liegen bei rund 3 Mio. Euro, u.a. für Personal.", "Dr. Weber vom Bundesamt bzw. dem Ministerium widersprach."}},
		{"fr guillemets", "« Nous ne céderons pas », a déclaré la ministre. Mme Dupont a ajouté que les élections auront lieu en mai. Le vote est prévu.",
			[]string{"« Nous ne céderons pas », a déclaré la ministre.", "Mme Dupont a ajouté que les élections auront lieu en mai.", "Le vote est prévu."}},
		{"es titles and quotes", "El Sr. García, del PP, dijo: «No habrá acuerdo». La Dra. López lo negó el 5 de sept. de 2024. Según el art. 3, el plazo vence hoy.",
			[]string{"El Sr. García, del PP, dijo: «No habrá acuerdo».", "La Dra. López lo negó el 5 de sept. de 2024.", "Según el art. 3, el plazo vence hoy."}},
		{"it titles", "Il Sig. Rossi e il Dott. Bianchi hanno incontrato l'On. Verdi a Roma. Secondo la Regione, le elezioni si terranno a giugno. «Siamo pronti», ha detto.",
			[]string{"Il Sig. Rossi e il Dott. Bianchi hanno incontrato l'On. Verdi a Roma.", "Secondo la Regione, le elezioni si terranno a giugno.", "«Siamo pronti», ha detto."}},
		{"pt titles", "O Sr. Silva e a Dra. Costa votaram contra. Segundo o art. 5 da lei, a medida vale a partir de maio. “Não vamos recuar”, disse o ministro.",
			[]string{"O Sr. Silva e a Dra. Costa votaram contra.", "Segundo o art. 5 da lei, a medida vale a partir de maio.", "“Não vamos recuar”, disse o ministro."}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := Sentences(tt.text); !slices.Equal(got, tt.want) {
				t.Errorf("Sentences:\n got %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestDetectLanguageOfNews(t *testing.T) {
	ws := &wordScanner{}
	for _, tt := range []struct {
		text string
		want language
	}{
		{"Саперы разминируют поля в Курской области. Работы продолжатся до весны, сообщил глава района.", langRussian},
		{"Die Wahl in Sachsen ist entschieden, sagte der Landeswahlleiter am Abend. Die CDU liegt knapp vorn.", langGerman},
		{"Les élections auront lieu en mai, selon le ministère. Le gouvernement est prêt.", langFrench},
		{"Las elecciones se celebrarán en mayo, según el ministerio. El gobierno dijo que está listo.", langSpanish},
		{"Le elezioni si terranno a giugno, secondo la Regione. Il governo ha detto che non ci sono ritardi.", langItalian},
		{"As eleições serão em outubro, segundo o tribunal. O governo disse que não vai recuar e também pediu calma.", langPortuguese},
		{"The election will be held in May, the ministry said. The government is ready.", langEnglish},
	} {
		if got := detectLanguage(tt.text, ws); got != tt.want {
			t.Errorf("detectLanguage(%.40q) = %d, want %d", tt.text, got, tt.want)
		}
	}
}

// TestStopWordsAndStemsPerLanguage: function words are not terms, and
// inflected forms of one word share a term.
func TestStopWordsAndStemsPerLanguage(t *testing.T) {
	v := newVocabulary()
	for _, tt := range []struct {
		lang       language
		stop, a, b string
	}{
		{langRussian, "также", "выборы", "выборов"},
		{langRussian, "заявил", "области", "область"},
		{langItalian, "della", "elezioni", "elezione"},
		{langPortuguese, "também", "eleições", "eleição"},
		{langPortuguese, "pelo", "governo", "governos"},
		{langGerman, "nicht", "wahlen", "wahl"},
		{langFrench, "avec", "élections", "élection"},
		{langSpanish, "para", "elecciones", "elección"},
	} {
		if v.term(tt.lang, []byte(tt.stop)) != noTerm {
			t.Errorf("lang %d: %q is a term", tt.lang, tt.stop)
		}
		if a, b := v.term(tt.lang, []byte(tt.a)), v.term(tt.lang, []byte(tt.b)); a == noTerm || a != b {
			t.Errorf("lang %d: %q and %q are terms %v and %v, want one", tt.lang, tt.a, tt.b, a, b)
		}
	}
}

// TestFurnitureInOtherLanguages: the lines sites add around articles in
// other languages are cut, and the prose stays.
func TestFurnitureInOtherLanguages(t *testing.T) {
	c, err := compileCleaner(builtinRules())
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ prose, furniture string }{
		{"Саперы разминировали поля в Курской области.", "Читайте также: Как восстанавливают деревни"},
		{"Саперы разминировали поля в Курской области.", "Подписывайтесь на наш канал в Telegram"},
		{"Саперы разминировали поля в Курской области.", "Реклама"},
		{"Саперы разминировали поля в Курской области.", "Фото: РИА Новости"},
		{"Die Wahl in Sachsen ist entschieden.", "Lesen Sie auch: Was die Wahl für Berlin bedeutet"},
		{"Les élections auront lieu en mai.", "Lire aussi : Le calendrier électoral"},
		{"Les élections auront lieu en mai.", "À lire aussi : Les candidats"},
		{"Las elecciones serán en mayo.", "Leer más: Los candidatos"},
		{"Le elezioni si terranno a giugno.", "Leggi anche: I candidati"},
		{"Le elezioni si terranno a giugno.", "Pubblicità"},
		{"As eleições serão em outubro.", "Leia também: Os candidatos"},
		{"As eleições serão em outubro.", "Saiba mais sobre as eleições"},
	} {
		in := tt.prose + "\n\n" + tt.furniture
		if got := c.clean(in, "", ""); got != tt.prose {
			t.Errorf("clean(%q) = %q, want %q", in, got, tt.prose)
		}
	}
	// Prose that only looks like furniture stays.
	for _, prose := range []string{
		"Читайте внимательно: губернатор объявил эвакуацию трех сел.",
		"Leia o relatório completo, pediu o ministro aos deputados.",
	} {
		if got := c.clean(prose, "", ""); got != prose {
			t.Errorf("clean(%q) = %q: prose cut", prose, got)
		}
	}
}

// TestSummariesOfNonEnglishArticles: the extractive summary of an article
// in each language leads with its news, not its furniture.
func TestSummariesOfNonEnglishArticles(t *testing.T) {
	s, err := New(Options{Sentences: 2, MaxChars: 400})
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		lang, text, want, not string
	}{
		{"ru", "КУРСК, 12 мая. Саперы разминировали 120 гектаров полей в Курской области. Работы по разминированию полей продолжатся до конца весны, сообщил глава района. " +
			"По его словам, поля снова будут засеяны уже в этом году.\n\nЧитайте также: Как восстанавливают деревни",
			"Саперы разминировали 120 гектаров полей", "Читайте также"},
		{"de", "Die Wahl in Sachsen ist entschieden: Die CDU liegt mit 31,9 Prozent knapp vor der AfD. Die Wahlbeteiligung war so hoch wie seit 1990 nicht mehr, sagte der Landeswahlleiter. " +
			"Die Koalitionsgespräche sollen nächste Woche beginnen.\n\nLesen Sie auch: Was die Wahl für Berlin bedeutet",
			"Die Wahl in Sachsen ist entschieden", "Lesen Sie auch"},
		{"fr", "Les élections législatives auront lieu le 30 juin, a annoncé le président. La dissolution de l'Assemblée surprend la majorité. Les élections anticipées inquiètent les marchés.\n\nLire aussi : Le calendrier",
			"élections législatives", "Lire aussi"},
		{"es", "Las elecciones generales se celebrarán el 23 de julio, anunció el presidente. La oposición pidió elecciones desde hace meses. El adelanto electoral sorprendió a los socios del gobierno.\n\nLeer más: Los candidatos",
			"elecciones generales", "Leer más"},
		{"it", "Le elezioni regionali si terranno a giugno, secondo la Regione. Il presidente ha confermato la data delle elezioni. I partiti preparano le liste dei candidati.\n\nLeggi anche: I candidati",
			"elezioni regionali", "Leggi anche"},
		{"pt", "As eleições municipais serão em outubro, segundo o tribunal eleitoral. O governo confirmou a data das eleições e pediu calma. Os partidos já preparam as candidaturas.\n\nLeia também: Os candidatos",
			"eleições municipais", "Leia também"},
	} {
		got := s.Summarize(context.Background(), Input{Text: tt.text})
		if !strings.Contains(got, tt.want) || strings.Contains(got, tt.not) {
			t.Errorf("%s summary = %q; want %q in it and no %q", tt.lang, got, tt.want, tt.not)
		}
	}
}
