package query

import (
	"slices"
	"strings"
	"testing"

	"github.com/newshound/newshound/news"
)

func TestDetectLanguages(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		{"English", "Deminers clear the fields of the Kursk region after the fighting", []string{"en"}},
		{"German", "Die Wahlen in Bayern: Die CSU verliert die Mehrheit, und die Grünen gewinnen", []string{"de"}},
		{"French", "Les élections législatives: le président dissout l'Assemblée nationale", []string{"fr"}},
		{"Spanish", "Las elecciones en Cataluña: el gobierno pierde la mayoría tras los resultados", []string{"es"}},
		{"Italian", "Il governo e le elezioni: secondo il ministro della giustizia, anche gli alleati sono d'accordo " +
			"con la proposta del premier", []string{"it"}},
		{"Italian headline, close to French", "Le elezioni regionali: il governo perde la maggioranza della camera",
			[]string{"fr", "it"}},
		{"Portuguese", "As eleições no Brasil: o presidente perde a maioria no Congresso", []string{"pt"}},
		{"Russian", "Саперы разминируют поля в Курской области", []string{"en", "de", "fr", "es", "it", "pt", "ru"}},
		{"Russian with a Latin name", "Саперы NATO в Курской области", []string{"en", "de", "fr", "es", "it", "pt", "ru"}},
		{"names only", "Zelenskiy Macron Scholz", []string{"en", "de", "fr", "es", "it", "pt"}},
		{"no stop word", "Wahlen in Bayern", []string{"en", "de", "fr", "es", "it", "pt"}},
		{"tie between languages", "La Repubblica decide", []string{"fr", "es", "it"}},
		{"empty", "", []string{"en", "de", "fr", "es", "it", "pt"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := DetectLanguages(tt.text); !slices.Equal(got, tt.want) {
				t.Errorf("DetectLanguages(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

// TestLanguageMatch checks bare words against their inflections in each language, and that English keeps the light
// stemming of Stem: a word never matches its derivations in an English article.
func TestLanguageMatch(t *testing.T) {
	tests := []struct {
		query, title, text string
		want               bool
	}{
		// Russian: the example, and a Cyrillic query word in any case.
		{"Курск саперы", "Саперы разминируют поля в Курской области", "", true},
		{"курск", "", "Взрыв в Курске: погибших нет", true},
		{"выборы", "Итоги выборов в Москве", "", true},
		{"title:курск", "Новости", "Саперы разминируют поля в Курской области", false},
		{`"курск"`, "Саперы в Курской области", "", false}, // quoted: as written
		{"курск*", "Саперы в Курской области", "", true},
		{`"курской области"`, "Саперы разминируют поля в Курской области", "", true},
		// German.
		{"Wahl", "Die Wahlen in Bayern", "Die CSU verliert die Mehrheit bei der Landtagswahl.", true},
		{"Regierung", "Die Regierungen der Länder beraten über den Haushalt", "", true},
		{"Wahl", "Wahlen in Bayern", "", true}, // a headline alone: its language is unclear, each is tried
		// French.
		{"élection", "Les élections législatives auront lieu en juin", "", true},
		{"election", "Les élections législatives auront lieu en juin", "", true},
		{"gouvernement", "Les gouvernements européens et la crise", "", true},
		// Spanish.
		{"elección", "Las elecciones en Cataluña: el gobierno pierde la mayoría", "", true},
		{"huelga", "Las huelgas del transporte en Madrid", "", true},
		// Italian.
		{"elezione", "Le elezioni regionali e il governo", "", true},
		{"sciopero", "Gli scioperi dei treni e il governo della città", "", true},
		// Portuguese.
		{"tarifa", "As tarifas do governo para o comércio com a China", "", true},
		{"fronteira", "As fronteiras do Brasil e o governo", "", true},
		// A plural in -ões is its singular in -ão, whose stem Snowball tells apart once ã and õ are folded.
		{"eleição", "As eleições municipais serão em outubro, segundo o tribunal", "", true},
		{"eleições", "A eleição do novo presidente da câmara foi adiada para março", "", true},
		{"milhões", "O governo anunciou um milhão de euros para as escolas", "", true},
		{"decisões", "A decisão do tribunal sobre a greve saiu hoje", "", true},
		{"title:eleição", "Governo anuncia medidas para as eleições de outubro", "", true},
		// English keeps its guarantees: inflections match, derivations do not, whatever other languages say.
		{"tariff", "The tariffs on steel were raised", "", true},
		{"tariff", "The tariffication of the imports was debated", "", false},
		{"election", "The candidate was elected in the first round", "", false},
		{"organ", "The organization of the games was praised", "", false},
		// Mixed feeds: each article in its own language.
		{"president", "Le président et les ministres", "", true},
		{"president", "The president said the presidents of the companies met", "", true},
		// Bad input: mixed scripts, and words of languages without a stemmer, match as written.
		{"Курск Kursk", "Kursk and Курск", "", true},
		{"Курск Kursk", "Саперы в Курской области and the Kursk region", "", true},
		{"Київ", "Ракетний удар по Києву", "", false},
		{"Києву", "Ракетний удар по Києву", "", true},
		{"Αθήνα", "Σεισμός στην Αθήνα", "", true},
		{"kурск", "Саперы в Курской области", "", false}, // a Latin k: no script, no stemmer
	}
	for _, tt := range tests {
		q, err := Parse(tt.query)
		if err != nil {
			t.Fatalf("Parse(%q): %v", tt.query, err)
		}
		d := NewDocument(Article{Title: tt.title, Text: tt.text})
		if got := q.Match(d); got != tt.want {
			t.Errorf("%q on %q / %q: Match = %v, want %v", tt.query, tt.title, tt.text, got, tt.want)
		}
		ix := NewIndex()
		ix.Add(7, q)
		if got := slices.Contains(ix.Match(d), 7); got != tt.want {
			t.Errorf("%q on %q / %q: Index.Match = %v, want %v", tt.query, tt.title, tt.text, got, tt.want)
		}
	}
}

// TestStemPrefix checks what snippets rely on: for every word of the language corpus, under every language, the
// prefix that ftsStemPrefix gives of the word's stem (snippets look for it) is a prefix of the word.
func TestStemPrefix(t *testing.T) {
	words := strings.Fields("évidemment couramment différence diferencia presenza heureuse chevaux deminers " +
		"happy tying lying bundestages abstimmungen длинный длинные области саперов")
	for _, ws := range langVocabulary {
		words = append(words, ws...)
	}
	for _, w := range words {
		for _, tok := range Terms(w) {
			for l := range numLanguages {
				s := stemKey(l, tok)
				drop := 2
				if l == langEnglish || l == langRussian {
					drop = 1
				}
				if p := ftsStemPrefix(s, drop); !strings.HasPrefix(tok, p) && !strings.HasSuffix(tok, "ying") {
					t.Errorf("%s: %q stems to %q, whose FTS5 prefix %q does not start it", l.code(), tok, s, p)
				}
			}
		}
	}
}

// TestWordStems checks a query word's stems: the primary first, then the others, distinct; and that tokens that
// are not words of a stemmed language keep one stem, as written.
func TestWordStems(t *testing.T) {
	tests := []struct {
		word string
		want []string
	}{
		{"tariffs", []string{"tariff", "tariffs"}}, // Snowball German, French, ... keep the English plural
		{"wahlen", []string{"wahlen", "wahl"}},
		{"elections", []string{"election", "elect", "elections"}},
		{"курской", []string{"курск"}},
		{"2024", []string{"2024"}},
		{"київ", []string{"київ"}},
		{"αθηνα", []string{"αθηνα"}},
		{"kурск", []string{"kурск"}},
		{"北", []string{"北"}},
	}
	for _, tt := range tests {
		if got := wordStems(tt.word); !slices.Equal(got, tt.want) {
			t.Errorf("wordStems(%q) = %q, want %q", tt.word, got, tt.want)
		}
	}
	if got := stemKeys(nil, "курской", 1<<langEnglish); !slices.Equal(got, []string{"курск"}) {
		t.Errorf("document stems of курской = %q, want the Russian stem whatever the Latin languages", got)
	}
}

// TestArabicLightStem checks the Light10 stems of Arabic words: the article and the letters written onto it go,
// and common suffixes, so that a subscription matches the word however it is prefixed; quoted words stay as
// written, and so do words of other scripts.
func TestArabicLightStem(t *testing.T) {
	stems := []struct{ word, want string }{
		{"زلزال", "زلزال"},
		{"الزلزال", "زلزال"},
		{"والزلزال", "زلزال"},
		{"بالزلزال", "زلزال"},
		{"كالزلزال", "زلزال"},
		{"فالزلزال", "زلزال"},
		{"للزلزال", "زلزال"},
		{"وزلزال", "زلزال"},
		{"الانتخابات", "انتخاب"},
		{"انتخابات", "انتخاب"},
		{"الحكومة", "حكوم"},
		{"حكومة", "حكوم"},
		{"بيروت", "بيروت"},       // a name that starts with ب keeps it: ب alone is no prefix
		{"وزير", "زير"},          // Light10 reads و as "and" (see the match of الوزير below)
		{"أحمد", "احمد"},         // alef forms are one
		{"الزِّلْزَال", "زلزال"}, // short vowels and shadda go
	}
	for _, tt := range stems {
		if got := arabicStem(tt.word); got != tt.want {
			t.Errorf("arabicStem(%q) = %q, want %q", tt.word, got, tt.want)
		}
	}
	matches := []struct {
		query, title string
		want         bool
	}{
		{"زلزال", "الزلزال يضرب المغرب", true},
		{"زلزال", "قتلى والزلزال في تركيا", true},
		{"زلزال", "مساعدات للمتضررين بالزلزال", true},
		{"الزلزال", "زلزال بقوة 6 درجات", true},
		{"title:زلزال", "الزلزال يضرب المغرب", true},
		{`"زلزال"`, "الزلزال يضرب المغرب", false}, // quoted: as written
		{"زلزال", "زلازل", false},                 // a broken plural: Light10 knows no roots
		{"انتخابات", "نتائج الانتخابات في العراق", true},
		{"وزير", "الوزير يستقيل", true}, // و as a letter of the word: its second stem
		{"الوزير", "وزير الخارجية يستقيل", true},
		// Persian keheh and yeh are Arabic kaf and yeh, either way round, quoted or not.
		{"کرمان", "زلزله در كرمان", true},
		{"ايران", "انتخابات ایران", true},
		{`"کرمان"`, "زلزله در كرمان", true},
		{"مصطفي", "مصطفى مدبولي", true},
		{"کرمان", "زلزله در تهران", false},
	}
	for _, tt := range matches {
		q, err := Parse(tt.query)
		if err != nil {
			t.Fatalf("Parse(%q): %v", tt.query, err)
		}
		d := NewDocument(Article{Title: tt.title})
		if got := q.Match(d); got != tt.want {
			t.Errorf("%q on %q: Match = %v, want %v", tt.query, tt.title, got, tt.want)
		}
		ix := NewIndex()
		ix.Add(7, q)
		if got := slices.Contains(ix.Match(d), 7); got != tt.want {
			t.Errorf("%q on %q: Index.Match = %v, want %v", tt.query, tt.title, got, tt.want)
		}
	}
	if got := mustParse(t, "زلزال").Snippet("قتلى والزلزال في تركيا", 10); !strings.Contains(got, news.SnippetStart+"والزلزال"+news.SnippetEnd) {
		t.Errorf("snippet %q does not mark والزلزال", got)
	}
}
