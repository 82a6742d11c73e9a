package query

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

func TestTerms(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{name: "case and diacritics are one word", text: "Zelenskiy ZELENSKIY Zélenskiy", want: []string{"zelenskiy", "zelenskiy", "zelenskiy"}},
		{name: "combining diacritic", text: "Ze\u0301lenskiy", want: []string{"zelenskiy"}},
		{name: "many Latin diacritics", text: "Łódź Ærø São Paulo Ñandú Dvořák", want: []string{"lodz", "ærø", "sao", "paulo", "nandu", "dvorak"}},
		{name: "Polish l with a stroke", text: "Wałęsa Walesa ŁÓDŹ", want: []string{"walesa", "walesa", "lodz"}},
		{name: "Greek accents go, final sigma folds", text: "Εκλογές ΕΚΛΟΓΕΣ εκλογες Ελλάδα ΕΛΛΑΔΑ", want: []string{"εκλογεσ", "εκλογεσ", "εκλογεσ", "ελλαδα", "ελλαδα"}},
		{name: "Greek dialytika goes too", text: "Ευρωπαϊκή ΕΥΡΩΠΑΪΚΗ", want: []string{"ευρωπαικη", "ευρωπαικη"}},
		{name: "NFKC full-width and ligature", text: "Ｔｏｋｙｏ ﬁnance ２０２４", want: []string{"tokyo", "finance", "2024"}},
		{name: "full case folding", text: "STRASSE Straße", want: []string{"strasse", "strasse"}},
		{name: "marks on other scripts stay, but ё is е", text: "Мой МОИ Ёлка", want: []string{"мой", "мои", "елка"}},
		{name: "Turkish dotless and dotted i are i", text: "Diyarbakır IĞDIR İzmir", want: []string{"diyarbakir", "igdir", "izmir"}},
		{name: "possessive dropped", text: "Korea's president", want: []string{"korea", "president"}},
		{name: "typographic possessive dropped", text: "Korea’s KOREA'S", want: []string{"korea", "korea"}},
		{name: "apostrophe ends a word", text: "don't O'Brien", want: []string{"don", "t", "o", "brien"}},
		{name: "apostrophe then s inside a word", text: "Korea'sX", want: []string{"korea", "sx"}},
		{name: "trailing apostrophe", text: "leaders' summit", want: []string{"leaders", "summit"}},
		{name: "hyphens split", text: "long-term Jean-Claude", want: []string{"long", "term", "jean", "claude"}},
		{name: "punctuation separates", text: "U.S. #news, 3.5% (a_b)", want: []string{"u", "s", "news", "3", "5", "a", "b"}},
		{name: "a keycap is its digit", text: "1\ufe0f\u20e3 2\u20e3 1\ufe0f\u20e32\ufe0f\u20e3 #\ufe0f\u20e3 *\u20e3", want: []string{"1", "2", "1", "2"}},
		{name: "Han one token per character", text: "北朝鮮のミサイル", want: []string{"北", "朝", "鮮", "の", "ミ", "サ", "イ", "ル"}},
		{name: "Han next to Latin", text: "G7峰会2024", want: []string{"g7", "峰", "会", "2024"}},
		{name: "Thai one token per character, marks attached", text: "กรุงเทพ", want: []string{"ก", "รุ", "ง", "เ", "ท", "พ"}},
		{name: "Hangul keeps words", text: "북한 미사일", want: []string{"북한", "미사일"}},
		{name: "Hebrew points go", text: "שָׁלוֹם שלום יְרוּשָׁלַיִם ירושלים", want: []string{"שלום", "שלום", "ירושלים", "ירושלים"}},
		{name: "Hebrew cantillation and presentation forms go as points", text: "בְּרֵאשִׁ֖ית ﬠﬡשׁ", want: []string{"בראשית", "עאש"}},
		{name: "Arabic short vowels, tanween and shadda go", text: "أيضاً أيضا مُحَمَّد محمد جدًّا", want: []string{"أيضا", "أيضا", "محمد", "محمد", "جدا"}},
		{name: "Arabic", text: "غزة", want: []string{"غزة"}},
		{name: "Persian keheh and yeh are Arabic kaf and yeh", text: "کرمان ایران كرمان ايران مصطفى", want: []string{"كرمان", "ايران", "كرمان", "ايران", "مصطفي"}},
		{name: "Arabic-Indic and Persian digits are ASCII digits", text: "٢٠٢٤ ۱۲ 12 زلزله ۶٫۲", want: []string{"2024", "12", "12", "زلزله", "6", "2"}},
		{name: "a mark after an Arabic-Indic digit goes as after an ASCII one", text: "ڎ۶\u059d ڎ6\u059d", want: []string{"ڎ6", "ڎ6"}},
		{name: "the tatweel stretches a word, it is no letter", text: "مريـديان مريديان جســـر ـ", want: []string{"مريديان", "مريديان", "جسر"}},
		{name: "empty", text: "", want: nil},
		{name: "only separators", text: " -- & … ", want: nil},
		{name: "invalid UTF-8 separates", text: "ab\xffcd", want: []string{"ab", "cd"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Terms(tt.text); !slices.Equal(got, tt.want) {
				t.Errorf("Terms(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

func TestStem(t *testing.T) {
	tests := []struct {
		name, token, want string
	}{
		{name: "plural", token: "tariffs", want: "tariff"},
		{name: "agent noun plural", token: "deminers", want: "deminer"},
		{name: "no change", token: "tariff", want: "tariff"},
		{name: "derivational suffix stays", token: "tariffication", want: "tariffication"},
		{name: "ing with e restored", token: "hoping", want: "hope"},
		{name: "double consonant", token: "hopping", want: "hop"},
		{name: "ies", token: "cries", want: "cri"},
		{name: "final y", token: "cry", want: "cri"},
		{name: "eed in R1", token: "agreed", want: "agree"},
		{name: "exception", token: "dying", want: "die"},
		{name: "invariant", token: "news", want: "news"},
		{name: "us stays", token: "census", want: "census"},
		{name: "mixed letters and digits untouched", token: "g7s", want: "g7s"},
		{name: "short word", token: "us", want: "us"},
		{name: "non-Latin untouched", token: "россия", want: "россия"},
		{name: "digits untouched", token: "2024", want: "2024"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Stem(tt.token); got != tt.want {
				t.Errorf("Stem(%q) = %q, want %q", tt.token, got, tt.want)
			}
		})
	}
}

// TestSpansGiveTheTokenOrNothing checks that every substring spans passes is the token itself, on strings of
// letters, capitals, marks, apostrophes, no-space scripts and invalid bytes, and that a word in lower-case ASCII
// comes as a substring.
func TestSpansGiveTheTokenOrNothing(t *testing.T) {
	pieces := []string{"a", "b", "z9", "Q", "é", "e\u0301", "\u0301", "'s", "’s", "'", " ", ".", "ł", "Ł", "北", "ไ",
		"ß", "ﬁ", "Ᏼ", "\xff", "К", "ö", "o\u0308", "n\u0303o", "\u200b"}
	rnd := rand.New(rand.NewPCG(5, 6))
	cases := []string{"plain words here", "Korea's naïve cafe\u0301 Łódź", "x"}
	for range 20000 {
		var b strings.Builder
		for range rnd.IntN(10) {
			b.WriteString(pieces[rnd.IntN(len(pieces))])
		}
		cases = append(cases, b.String())
	}
	nz := newNormalizer()
	for _, s := range cases {
		var whole []string
		nz.spans(s, func(tok []byte, sub string) {
			if sub != "" && sub != string(tok) {
				t.Fatalf("spans(%q): substring %q for token %q", s, sub, tok)
			}
			whole = append(whole, string(tok))
		})
		if want := Terms(s); !slices.Equal(whole, want) {
			t.Fatalf("spans(%q) gave %q, Terms %q", s, whole, want)
		}
	}
	var subs []string
	nz.spans("the cat's 3 mats", func(tok []byte, sub string) { subs = append(subs, sub) })
	if want := []string{"the", "cat", "3", "mats"}; !slices.Equal(subs, want) {
		t.Fatalf("substrings of lower-case ASCII words: %q, want %q", subs, want)
	}
}

// "/subscribe مريـديان", typed with a tatweel, would never alert and /search
// found nothing: the tatweel, a letter of the Common script, stayed in the
// word, which then did not read as Arabic. A query and an article match
// whichever of them stretches the word.
func TestATatweelMatchesTheWordWithout(t *testing.T) {
	for _, tt := range []struct{ query, title string }{
		{"مريـديان", "مريديان تفتتح جسر الميناء الجديد"},
		{"مريديان", "مريـديان تفتتح جسر الميناء الجديد"},
		{"\"جسـر الميناء\"", "مريديان تفتتح جسر الميناء الجديد"},
	} {
		q, err := Parse(tt.query)
		if err != nil {
			t.Fatalf("Parse(%q): %v", tt.query, err)
		}
		if !q.Match(NewDocument(Article{Title: tt.title})) {
			t.Errorf("%q does not match %q", tt.query, tt.title)
		}
	}
}
