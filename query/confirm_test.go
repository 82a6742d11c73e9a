package query

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/newshound/newshound/internal/querytest"
	"github.com/newshound/newshound/internal/shareddata"
)

// confirmVocabulary is words of every language the engine stems, with the inflections and first letters (y, u, i
// and q before vowels, which the Snowball stemmers mark in their prelude) where a stemmer could touch a word's start.
var confirmVocabulary = strings.Fields(`the and of said election elections elected tariff tariffs skies skis dying
	lying tying idly gently ugly early only singly yes yielded youths yearly news ties cries
	der die und wahl wahlen Regierung regierungen Straße strasse Fußball zölle Grenze ueber Uhren Yacht yachten
	les et élection élections gouvernement frontière frontières café cafe Łódź Lodz yeux youyous yaourts yoyo
	uomini quando quasi questioni ieri Iacopo yacht iuta aiuole
	el los las y yendo yacimientos huelgas huelga gobierno elecciones ulteriores
	os eleições eleicoes milhões milhoes ações uivos quieto ioiô
	в и Курск курской саперы саперов выборы выборов Москва москвы ёлка Києва
	الزلزال زلزال بالزلزال القاهرة وبالقاهرة کرمان كرمان ایران
	北朝鮮 ミサイル İstanbul Izmir TÜRKİYE 1,000 1.000 10k 2026 #ukraine @reuters covid-19 g7 O'Brien Korea's`)

// confirmArticles returns the articles of the differential tests: the shared real news beside the checkout, the
// generated English stream and its four-language variant, docs/QUERY.md's cases, and texts over
// confirmVocabulary.
func confirmArticles(t *testing.T) []Article {
	var arts []Article
	for i, s := range shareddata.Texts(t) {
		if i%8 == 0 { // an eighth of them: the test stays fast, the texts stay varied
			title, _, _ := strings.Cut(s, ". ")
			arts = append(arts, Article{Title: title, Text: s, SourceName: "Real News", URL: "https://www.real.example/x"})
		}
	}
	g := querytest.NewGenerator(5)
	for range 100 {
		arts = append(arts, Article(g.Article()))
	}
	arts = append(arts, mixedArticles()...)
	for _, c := range matchCases() {
		arts = append(arts, c.article)
	}
	rng := rand.New(rand.NewPCG(32, 1))
	for range 200 {
		arts = append(arts, Article{Title: vocabularyText(rng, 2+rng.IntN(6)), Text: vocabularyText(rng, 5+rng.IntN(40))})
	}
	return arts
}

func vocabularyText(rng *rand.Rand, n int) string {
	ws := make([]string, n)
	for i := range ws {
		ws[i] = confirmVocabulary[rng.IntN(len(confirmVocabulary))]
		if rng.IntN(6) == 0 {
			ws[i] = strings.ToUpper(ws[i])
		}
	}
	return strings.Join(ws, []string{" ", ", ", ". ", "-"}[rng.IntN(4)])
}

// articleQueries writes queries over a's own words (so that many match): a word, a prefix, a phrase of two
// neighbours, title:, with OR and NOT, and a word of confirmVocabulary.
func articleQueries(rng *rand.Rand, a Article) []string {
	words := strings.Fields(a.Title + " " + a.Text)
	if len(words) == 0 {
		return nil
	}
	word := func() string { return strings.Trim(words[rng.IntN(len(words))], `.,;:!?"'()«»“”‘’`) }
	var out []string
	for range 3 {
		w, v := word(), word()
		out = append(out, w, w+" "+v, w+" OR "+confirmVocabulary[rng.IntN(len(confirmVocabulary))], "title:"+w, w+" -"+v)
		if i := rng.IntN(len(words)); i+1 < len(words) {
			out = append(out, `"`+words[i]+" "+words[i+1]+`"`)
		}
		if r := []rune(w); len(r) > 3 {
			out = append(out, string(r[:3+rng.IntN(len(r)-3)])+"*")
		}
	}
	return out
}

// TestMatchArticleAsNewDocument is MatchArticle's differential test: on real, generated and many-language articles,
// for queries over their own words, generated subscriptions and docs/QUERY.md's cases, it answers exactly as the
// query's Match of the article's full Document.
func TestMatchArticleAsNewDocument(t *testing.T) {
	arts := confirmArticles(t)
	g := querytest.NewGenerator(6)
	rng := rand.New(rand.NewPCG(32, 2))
	var common []string
	for range 40 {
		common = append(common, g.Query())
	}
	for _, c := range matchCases() {
		common = append(common, c.query)
	}
	compared, matched := 0, 0
	for _, a := range arts {
		d := NewDocument(a)
		for _, text := range append(articleQueries(rng, a), common[rng.IntN(len(common))], common[rng.IntN(len(common))]) {
			q, err := Parse(text)
			if err != nil {
				continue
			}
			want := q.Match(d)
			if got := q.MatchArticle(a); got != want {
				t.Errorf("%q on %q / %.200q: MatchArticle %v, Match(NewDocument) %v", text, a.Title, a.Text, got, want)
			}
			compared++
			if want {
				matched++
			}
		}
	}
	if matched < compared/4 || compared-matched < compared/10 {
		t.Fatalf("%d of %d queries matched: the test no longer tells the two apart", matched, compared)
	}
	t.Logf("%d articles, %d queries compared, %d matching", len(arts), compared, matched)
}

// TestStemsKeepTheFirstByte checks what MatchArticle rests on (see stemsOnly): under every language, a token whose
// first byte is ASCII has stems that start with that byte, for every token of the differential test's articles.
func TestStemsKeepTheFirstByte(t *testing.T) {
	n := 0
	for _, a := range confirmArticles(t) {
		n += checkFirstBytes(t, a.Title+" "+a.Text)
	}
	t.Logf("%d tokens", n)
}

// FuzzStemsKeepTheFirstByte checks the same on the tokens of any text.
func FuzzStemsKeepTheFirstByte(f *testing.F) {
	f.Add(strings.Join(confirmVocabulary, " "))
	f.Add("yeux youyou quasi uomini Yacht ueber iuta aiuole skies dying")
	f.Fuzz(func(t *testing.T, text string) { checkFirstBytes(t, text) })
}

// checkFirstBytes checks that the stems of the tokens of text with an ASCII first byte start with it, under every
// language, and returns how many tokens it checked.
func checkFirstBytes(t *testing.T, text string) int {
	n := 0
	for _, tok := range NewDocument(Article{Text: text}).tokens {
		if tok == "" || tok[0] >= utf8.RuneSelf {
			continue
		}
		n++
		for _, k := range stemKeys(nil, tok, allLatin) {
			if k == "" || k[0] != tok[0] {
				t.Errorf("token %q has the stem %q", tok, k)
			}
		}
	}
	return n
}

// FuzzMatchArticle checks MatchArticle against Match of the full Document on any query and article.
func FuzzMatchArticle(f *testing.F) {
	for _, c := range matchCases() {
		f.Add(c.query, c.article.Title, c.article.Text, c.article.SourceName, c.article.URL)
	}
	f.Add("Курск саперы", "Саперы разминируют поля в Курской области", "", "ТАСС", "https://tass.ru/")
	f.Add("Wahl OR élection", "Die Wahlen in Bayern", "Les élections et die Wahl", "", "")
	f.Add("title:gobierno -huelga", "El gobierno y las huelgas", "Las elecciones", "El País", "https://elpais.com/")
	f.Add(`"курской" Kursk*`, "Kursk и Курская", "der die das the le la", "", "")
	f.Add("yeux OR quando", "Les yeux", "quando le uomini", "", "")
	f.Add("زلزال", "بالزلزال", "الزلزال في القاهرة", "", "")
	f.Fuzz(func(t *testing.T, query, title, text, source, url string) {
		q, err := Parse(query)
		if err != nil {
			return
		}
		a := Article{Title: title, Text: text, SourceName: source, URL: url}
		if want, got := q.Match(NewDocument(a)), q.MatchArticle(a); got != want {
			t.Errorf("query %q on %q / %q / %q / %q: MatchArticle %v, Match(NewDocument) %v", query, title, text, source, url, got, want)
		}
	})
}

// BenchmarkMatchArticle compares confirming an 800-word article for one query (the /subscribe preview's work per
// sampled article) through MatchArticle and through Match of NewDocument.
func BenchmarkMatchArticle(b *testing.B) {
	g := querytest.NewGenerator(2)
	articles := make([]Article, 16)
	for i := range articles {
		articles[i] = Article(g.Article())
	}
	for _, text := range []string{`"officials market"`, `ber* OR sen* OR mar*`, `government`} {
		q, err := Parse(text)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(text+"/NewDocument", func(b *testing.B) {
			cpu := cpuTime()
			for i := 0; b.Loop(); i++ {
				q.Match(NewDocument(articles[i%len(articles)]))
			}
			reportRates(b, cpu)
		})
		b.Run(text+"/MatchArticle", func(b *testing.B) {
			cpu := cpuTime()
			for i := 0; b.Loop(); i++ {
				q.MatchArticle(articles[i%len(articles)])
			}
			reportRates(b, cpu)
		})
	}
}
