package query

import (
	"math"
	"math/rand/v2"
	"strings"
	"unicode"
	"unicode/utf8"
)

// corpusGen makes deterministic articles and queries for the differential, index and fuzz tests. Its words share
// prefixes (so that prefix queries select several) and are written with random capitals and Latin diacritics (so
// that normalisation is exercised: "Zélenskiy", "ZELENSKIY" and "zelenskiy" are one word).
type corpusGen struct {
	rng     *rand.Rand
	words   []string // base forms: lower-case ASCII, or lower-case words of many languages (newLangCorpusGen)
	accents map[byte][]string
	langs   [][]string // newLangCorpusGen: the words of each language; an article is written in one of them
}

// langVocabulary holds real words of each language Newshound stems, with their inflections and stop words, for
// newLangCorpusGen.
var langVocabulary = [][]string{
	strings.Fields("the of and to is said election elections elected tariff tariffs tariffication government " +
		"governments president talks minister ministers deal deals border borders vote votes voting dying"),
	strings.Fields("der die das und ist nicht mit von wahl wahlen regierung regierungen kanzler kanzlers bundestag " +
		"bundestages abstimmung abstimmungen grenze grenzen zölle zoll"),
	strings.Fields("le la les et des dans pour élection élections gouvernement gouvernements président " +
		"présidents tarif tarifs grève grèves frontière frontières ministre ministres évidemment évident"),
	strings.Fields("el los las y del en por elección elecciones gobierno gobiernos presidente presidentes arancel " +
		"aranceles huelga huelgas frontera fronteras ministro ministros diferencia diferente"),
	strings.Fields("il di che della per elezione elezioni governo governi presidente dazi dazio sciopero scioperi " +
		"confine confini ministro presenza presente"),
	strings.Fields("o os do da em para eleição eleições governo governos presidente tarifa tarifas greve greves " +
		"fronteira fronteiras ministro ministros"),
	strings.Fields("в и на не что курск курской курске саперы саперов сапер область области выборы выборов " +
		"москва москвы правительство правительства президент президента длинный длинные ёлка ёлки"),
	strings.Fields("київ києва україна україни"),
}

// newLangCorpusGen returns a corpusGen whose articles are each written in one language of langVocabulary, so that
// a feed mixes languages article by article; its queries draw on every language.
func newLangCorpusGen(seed uint64) *corpusGen {
	g := newCorpusGen(seed, 1)
	g.langs = langVocabulary
	g.words = nil
	for _, ws := range langVocabulary {
		g.words = append(g.words, ws...)
	}
	return g
}

// scriptsVocabulary holds words of the scripts and spellings a query is typed in beyond the stemmed languages:
// scripts written without spaces (Han, Kana, Thai), Devanagari with its combining marks, Arabic with its prefixes
// and Persian letters, Turkish dotted and dotless i, German ß, numbers with separators, tags, emoji.
var scriptsVocabulary = [][]string{
	strings.Fields("北朝鮮 ミサイル 発射 東京 地震 北京 中国 台湾 選挙 北 朝鮮"),
	strings.Fields("แผ่นดินไหว นายกรัฐมนตรี เชียงใหม่ กรุงเทพ น้ำท่วม"),
	strings.Fields("हिन्दी भारत दिल्ली चुनाव प्रधानमंत्री मोदी क्षेत्र"),
	strings.Fields("الزلزال زلزال القاهرة والقاهرة بالقاهرة مصر وزير الوزير کرمان كرمان ایران"),
	strings.Fields("İstanbul istanbul ıstanbul IĞDIR Iğdır türkiye TÜRKİYE seçim"),
	strings.Fields("Straße strasse STRASSE Maß masse Fußball fussball café cafe naïve Łódź"),
	strings.Fields("1,000 1.000 10k 3.5% 2024 #ukraine @reuters 🇺🇦 🔥 covid-19 g7 o'brien korea's"),
}

// newScriptsCorpusGen returns a corpusGen whose articles are each written in one list of scriptsVocabulary.
func newScriptsCorpusGen(seed uint64) *corpusGen {
	g := newCorpusGen(seed, 1)
	g.langs = scriptsVocabulary
	g.words = nil
	for _, ws := range scriptsVocabulary {
		g.words = append(g.words, ws...)
	}
	return g
}

// runePrefix returns the first n characters of w.
func runePrefix(w string, n int) string {
	for i := range w {
		if n == 0 {
			return w[:i]
		}
		n--
	}
	return w
}

func newCorpusGen(seed uint64, nwords int) *corpusGen {
	g := &corpusGen{rng: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15)), accents: map[byte][]string{
		'a': {"á", "à", "â", "ä", "ã", "å"}, 'e': {"é", "è", "ê", "ë"}, 'i': {"í", "ì", "î", "ï"},
		'o': {"ó", "ò", "ô", "ö", "õ"}, 'u': {"ú", "ù", "û", "ü"}, 'n': {"ñ"}, 'c': {"ç"},
	}}
	onsets := []string{"b", "br", "c", "d", "f", "g", "k", "kr", "l", "m", "n", "p", "r", "s", "st", "t", "v", "z"}
	vowels := []string{"a", "e", "i", "o", "u", "ai", "ou"}
	codas := []string{"", "n", "r", "s", "k", "l", "sk", "nt"}
	seen := map[string]bool{}
	for len(g.words) < nwords {
		var b strings.Builder
		for s := 0; s < 1+g.rng.IntN(3); s++ {
			b.WriteString(onsets[g.rng.IntN(len(onsets))])
			b.WriteString(vowels[g.rng.IntN(len(vowels))])
			b.WriteString(codas[g.rng.IntN(len(codas))])
		}
		w := b.String()
		if len(w) >= 3 && !seen[w] {
			seen[w] = true
			g.words = append(g.words, w)
		}
	}
	return g
}

// zipf returns an index below n, small ones much more often (roughly 1/rank).
func (g *corpusGen) zipf(n int) int {
	// Inverse of the continuous 1/x law on [1, n+1).
	x := int(math.Pow(float64(n+1), g.rng.Float64())) - 1
	return min(max(x, 0), n-1)
}

// surface writes w as an article might: sometimes capitalised or in capitals, sometimes with diacritics.
func (g *corpusGen) surface(w string) string {
	var b strings.Builder
	accent := g.rng.IntN(4) == 0
	for i := 0; i < len(w); i++ {
		if alts, ok := g.accents[w[i]]; ok && accent && g.rng.IntN(3) == 0 {
			b.WriteString(alts[g.rng.IntN(len(alts))])
			continue
		}
		b.WriteByte(w[i])
	}
	s := b.String()
	switch g.rng.IntN(10) {
	case 0:
		s = strings.ToUpper(s)
	case 1, 2:
		r, size := utf8.DecodeRuneInString(s)
		s = string(unicode.ToUpper(r)) + s[size:]
	}
	return s
}

// text returns n words drawn by a Zipf law over the vocabulary, with punctuation and the odd hyphen.
func (g *corpusGen) text(n int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		if i > 0 {
			switch g.rng.IntN(12) {
			case 0:
				b.WriteString(", ")
			case 1:
				b.WriteString(". ")
			case 2:
				b.WriteString("-")
			default:
				b.WriteByte(' ')
			}
		}
		b.WriteString(g.surface(g.words[g.zipf(len(g.words))]))
	}
	return b.String()
}

func (g *corpusGen) article(words int) Article {
	if g.langs != nil {
		all := g.words
		g.words = g.langs[g.rng.IntN(len(g.langs))]
		defer func() { g.words = all }()
	}
	sources := []string{"Reuters", "The Straits Times", "AP News", "Kyiv Independent"}
	hosts := []string{"www.reuters.com", "www.straitstimes.com", "apnews.com", "kyivindependent.com"}
	s := g.rng.IntN(len(sources))
	return Article{
		Title:      g.text(3 + g.rng.IntN(8)),
		Text:       g.text(words),
		SourceName: sources[s],
		URL:        "https://" + hosts[s] + "/news/" + g.words[g.rng.IntN(len(g.words))],
	}
}

// word returns a vocabulary word, favouring the middle of the Zipf law so that queries sometimes match.
func (g *corpusGen) word() string { return g.words[g.zipf(len(g.words))] }

// ftsQuery returns a query of quoted words, prefixes, AND, OR and NOT (the part of the language that FTS5 answers
// the same way), at most depth levels of parentheses, as our text and as an FTS5 expression.
func (g *corpusGen) ftsQuery(depth int) (ours, fts string) {
	n := 1 + g.rng.IntN(3)
	var ourParts, ftsParts []string
	positives := 0
	for i := 0; i < n; i++ {
		o, f := g.ftsOperand(depth)
		if i > 0 && g.rng.IntN(4) == 0 {
			ourParts = append(ourParts, "-"+o)
			ftsParts = append(ftsParts, "NOT "+f)
			continue
		}
		positives++
		ourParts = append(ourParts, o)
		ftsParts = append(ftsParts, f)
	}
	// FTS5's NOT is binary: "a NOT b" works only after a positive operand, which the first always is.
	ours = strings.Join(ourParts, " ")
	fts = ftsParts[0]
	for _, p := range ftsParts[1:] {
		if strings.HasPrefix(p, "NOT ") {
			fts = "(" + fts + ") " + p
		} else {
			fts = "(" + fts + ") AND " + p
		}
	}
	return ours, fts
}

func (g *corpusGen) ftsOperand(depth int) (ours, fts string) {
	switch r := g.rng.IntN(10); {
	case r < 5:
		w := g.word()
		return `"` + g.surface(w) + `"`, `"` + w + `"`
	case r < 8:
		w := g.word()
		p := runePrefix(w, 3+g.rng.IntN(3))
		return g.surface(p) + "*", `"` + p + `"*`
	case depth > 0:
		a, fa := g.ftsQuery(depth - 1)
		b, fb := g.ftsQuery(depth - 1)
		return "(" + a + " OR " + b + ")", "((" + fa + ") OR (" + fb + "))"
	}
	w := g.word()
	return `"` + w + `"`, `"` + w + `"`
}

// query returns a query string using the whole language; Parse may refuse it (a NOT-only side of an OR, say).
func (g *corpusGen) query(depth int) string {
	n := 1 + g.rng.IntN(3)
	parts := make([]string, n)
	for i := range parts {
		parts[i] = g.operand(depth)
		if g.rng.IntN(6) == 0 {
			parts[i] = "-" + parts[i]
		}
	}
	sep := " "
	if g.rng.IntN(3) == 0 {
		sep = " OR "
	}
	return strings.Join(parts, sep)
}

func (g *corpusGen) operand(depth int) string {
	switch r := g.rng.IntN(20); {
	case r < 7:
		return g.surface(g.word())
	case r < 9:
		w := g.word()
		return g.surface(runePrefix(w, 3+g.rng.IntN(3))) + "*"
	case r < 11:
		return `"` + g.surface(g.word()) + " " + g.surface(g.word()) + `"`
	case r < 12:
		return `"` + g.surface(g.word()) + `"`
	case r < 13:
		return "title:" + g.surface(g.word())
	case r < 14:
		w := g.word()
		return "title:" + runePrefix(w, 3+g.rng.IntN(3)) + "*"
	case r < 15:
		return []string{"source:reuters", `source:"straits times"`, "site:apnews.com", "site:com", "source:ap"}[g.rng.IntN(5)]
	case r < 17 && depth > 0:
		return "(" + g.query(depth-1) + ")"
	}
	return g.word()
}
