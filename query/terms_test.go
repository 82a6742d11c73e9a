package query

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/newshound/newshound/internal/querytest"
	"github.com/newshound/newshound/news"
)

// termsIndex is an FTS5 table of Columns, as the store keeps articles_terms.
type termsIndex = ftsTable

func newTermsIndex(tb testing.TB, articles []Article) *termsIndex {
	tb.Helper()
	create := `CREATE VIRTUAL TABLE t USING fts5(title, body, tstems, bstems, content = '', contentless_delete = 1, tokenize = '` +
		strings.ReplaceAll(TermsTokenizer, "'", "''") + `')`
	return newFTSTable(tb, create, `INSERT INTO t (rowid, title, body, tstems, bstems) VALUES (?, ?, ?, ?, ?)`, len(articles),
		func(i int) []any {
			c := IndexColumns(articles[i])
			return []any{c.Title, c.Body, c.TitleStems, c.BodyStems}
		})
}

// TestTermsMatchSuperset checks, for queries of the whole language (stemmed words in every language Newshound
// stems, phrases, prefixes, title:, source:, negations), that Query.TermsMatch over an index of Columns finds
// every article that Match finds, and that most queries have an expression.
func TestTermsMatchSuperset(t *testing.T) {
	t.Run("generated", func(t *testing.T) { testTermsMatchSuperset(t, newCorpusGen(17, 300)) })
	t.Run("languages", func(t *testing.T) { testTermsMatchSuperset(t, newLangCorpusGen(18)) })
	t.Run("scripts", func(t *testing.T) { testTermsMatchSuperset(t, newScriptsCorpusGen(6)) })
}

func testTermsMatchSuperset(t *testing.T, g *corpusGen) {
	const nArticles, nQueries = 1000, 500
	articles := make([]Article, nArticles)
	docs := make([]*Document, nArticles)
	for i := range articles {
		articles[i] = g.article(40 + g.rng.IntN(80))
		if i%10 == 0 {
			articles[i].Text += fmt.Sprintf(" %s's %sing %ses %sies the dying Zélenskiy ﬁnance", g.word(), g.word(), g.word(), g.word())
		}
		docs[i] = NewDocument(articles[i])
	}
	terms := newTermsIndex(t, articles)
	narrowed := 0
	for n := 0; n < nQueries; {
		q, err := Parse(g.query(g.rng.IntN(3)))
		if err != nil {
			continue
		}
		n++
		expr := q.TermsMatch()
		if expr == "" {
			continue
		}
		narrowed++
		got := terms.match(t, expr)
		if extra := minus(matchAll(q, docs), got); len(extra) > 0 {
			t.Errorf("query %q: TermsMatch() = %q misses articles %v that Match finds", q.Text(), expr, extra)
		}
	}
	if narrowed < nQueries/2 {
		t.Errorf("only %d of %d queries have a TermsMatch expression", narrowed, nQueries)
	}
	t.Logf("%d of %d queries narrowed", narrowed, nQueries)
}

// TestTermsMatchExact checks that for quoted words, prefixes, AND, OR and exact NOT the terms index answers exactly
// as Match does (so a NOT of them may narrow).
func TestTermsMatchExact(t *testing.T) {
	g := newLangCorpusGen(19)
	const nArticles, nQueries = 1000, 300
	articles := make([]Article, nArticles)
	docs := make([]*Document, nArticles)
	for i := range articles {
		articles[i] = g.article(40 + g.rng.IntN(80))
		docs[i] = NewDocument(articles[i])
	}
	terms := newTermsIndex(t, articles)
	matched := 0
	for n := 0; n < nQueries; {
		ours, _ := g.ftsQuery(g.rng.IntN(3))
		q, err := Parse(ours)
		if err != nil {
			continue
		}
		n++
		want := matchAll(q, docs)
		if got := terms.match(t, q.TermsMatch()); !slices.Equal(got, want) {
			t.Errorf("query %q: TermsMatch() = %q finds %d articles, Match %d", q.Text(), q.TermsMatch(), len(got), len(want))
		}
		if len(want) > 0 {
			matched++
		}
	}
	if matched < nQueries/2 {
		t.Errorf("generated queries too weak: %d of %d match an article", matched, nQueries)
	}
}

func TestTermsMatchExpression(t *testing.T) {
	tests := []struct {
		name, query, want string
	}{
		{name: "English word is its exact stems", query: "tariffs", want: `{title body tstems bstems} : ("tariff" OR "tariffs")`},
		{name: "Russian word", query: "Курской", want: `{title body tstems bstems} : "курск"`},
		{name: "Arabic word is its Light10 stem", query: "الزلزال", want: `{title body tstems bstems} : "زلزال"`},
		{name: "title word", query: "title:kursk", want: `{title tstems} : "kursk"`},
		{name: "quoted word", query: `"Tariffs"`, want: `{title body} : "tariffs"`},
		{name: "phrase", query: `"north korea"`, want: `{title body} : "north korea"`},
		{name: "prefix", query: "Ukrain*", want: `{title body} : "ukrain"*`},
		{name: "title prefix", query: "title:Ukrain*", want: `{title} : "ukrain"*`},
		{name: "AND and exact NOT", query: `"russia" -"sport"`, want: `(({title body} : "russia")) NOT (({title body} : "sport"))`},
		{name: "NOT of a word is its primary stem's stem entries", query: `"russia" -sports`, want: `(({title body} : "russia")) NOT (({tstems bstems} : "sport"))`},
		{name: "NOT of a title word", query: `"russia" -title:sports`, want: `(({title body} : "russia")) NOT (({tstems} : "sport"))`},
		{name: "inexact NOT is dropped", query: `"russia" -(police strikes)`, want: `({title body} : "russia")`},
		{name: "NOT of words of their own stems is dropped too", query: `"russia" -(a b)`, want: `({title body} : "russia")`},
		{name: "NOT of a word of its own stem is its stem entries", query: `"russia" -kursk`, want: `(({title body} : "russia")) NOT (({tstems bstems} : "kursk"))`},
		{name: "source only", query: "source:reuters", want: ""},
		{name: "Han is a phrase of characters", query: "北朝鮮", want: `{title body} : "北 朝 鮮"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q, err := Parse(tt.query)
			if err != nil {
				t.Fatal(err)
			}
			if got := q.TermsMatch(); got != tt.want {
				t.Errorf("Parse(%q).TermsMatch() = %q, want %q", tt.query, got, tt.want)
			}
		})
	}
}

func TestIndexColumns(t *testing.T) {
	c := IndexColumns(Article{Title: "Korea's Tariffs", Text: "The tariffs were raised; tariff talks go on. Zélenskiy"})
	want := Columns{Title: "korea tariffs", Body: "the tariffs were raised tariff talks go on zelenskiy", TitleStems: "tariff", BodyStems: "rais talk"}
	if c.Title != want.Title || c.Body != want.Body {
		t.Errorf("IndexColumns tokens = %q / %q, want %q / %q", c.Title, c.Body, want.Title, want.Body)
	}
	// "tariff" is a token of the text already, so only the title needs its stem.
	if !slices.Contains(strings.Fields(c.TitleStems), "tariff") || slices.Contains(strings.Fields(c.BodyStems), "tariff") {
		t.Errorf("stems = %q / %q: want tariff among the title's only", c.TitleStems, c.BodyStems)
	}
}

func TestSnippet(t *testing.T) {
	mark := func(s string) string { return news.SnippetStart + s + news.SnippetEnd }
	long := strings.Repeat("filler words here. ", 20)
	tests := []struct {
		name, query, text string
		words             int
		want              string
	}{
		{"word by its stem", "tariff", "New tariffs on steel.", 10, "New " + mark("tariffs") + " on steel."},
		{"possessive", "kursk", "Near Kursk's fields", 10, "Near " + mark("Kursk") + "'s fields"},
		{"diacritics and case", "zelenskiy", "ZÉLENSKIY said", 10, mark("ZÉLENSKIY") + " said"},
		{"phrase words and prefix", `"north korea" ukrain*`, "North Korea and Ukraine", 10, mark("North") + " " + mark("Korea") + " and " + mark("Ukraine")},
		{"negated words are not marked", "kursk -steel", "Kursk steel", 10, mark("Kursk") + " steel"},
		{"window around the matches", "kursk", long + "Kursk harvest " + long, 4, "…here. " + mark("Kursk") + " harvest filler…"},
		{"no match gives the start", "kursk", "Plain text goes on and on", 3, "Plain text goes…"},
		{"Russian stem", "Курской", "Бои в Курской области", 10, "Бои в " + mark("Курской") + " области"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q, err := Parse(tt.query)
			if err != nil {
				t.Fatal(err)
			}
			if got := q.Snippet(tt.text, tt.words); got != tt.want {
				t.Errorf("Snippet(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

func TestSourceFilter(t *testing.T) {
	tests := []struct {
		query string
		want  map[string]bool // source name → passes; nil: no filter
	}{
		{"source:reuters", map[string]bool{"Reuters World": true, "BBC": false, "reutersish": false}},
		{`source:"bbc news" kursk`, map[string]bool{"BBC News Europe": true, "BBC": false}},
		{"source:reuters OR source:bbc", map[string]bool{"Reuters": true, "BBC": true, "AP": false}},
		{"source:reuters source:world", map[string]bool{"Reuters World": true, "Reuters": false}},
		{"source:reuters OR kursk", nil},
		{"source:bbc.co.uk", nil},
		{"kursk", nil},
		{"kursk -source:reuters", nil},
		// A site: term the name cannot tell is left out of an AND, and leaves an OR without a test.
		{"site:.uk source:wire kursk", map[string]bool{"Wire": true, "BBC": false}},
		{"(site:bbc.co.uk OR source:wire) kursk", nil},
	}
	for _, tt := range tests {
		q, err := Parse(tt.query)
		if err != nil {
			t.Fatal(err)
		}
		f := q.SourceFilter()
		if (f == nil) != (tt.want == nil) {
			t.Errorf("%q: filter %v, want one: %v", tt.query, f != nil, tt.want != nil)
			continue
		}
		for name, want := range tt.want {
			if got := f(name); got != want {
				t.Errorf("%q: filter(%q) = %v, want %v", tt.query, name, got, want)
			}
			// The filter is exact: a refused source has no article that q matches.
			if !want && q.Match(NewDocument(Article{Title: "kursk", Text: "kursk", SourceName: name, URL: "https://x.example/1"})) {
				t.Errorf("%q: filter refuses %q, whose article matches", tt.query, name)
			}
		}
	}
}

// TestScope: a query's scope holds the source: and site: terms it requires, as it combines them; one under a NOT,
// or on a side of an OR whose other side has none, requires nothing.
func TestScope(t *testing.T) {
	for _, tt := range []struct{ query, want string }{
		{"source:reuters tariffs", "name"},
		{"site:bbc.co.uk police", "name|bbc.co.uk"},
		{"source:www.Reuters.com police", "name|www.reuters.com"},
		{"site:.uk police", "uk"},
		{"site:.co.uk police", "name|co.uk"}, // read as a name too: "co uk"
		{"site:.uk source:wire police", "AND(uk name)"},
		{"(site:a.example OR site:b.example) police", "OR(name|a.example name|b.example)"},
		{"(site:a.example police) OR (source:wire tides)", "OR(name|a.example name)"},
		{"site:a.example (police OR source:wire)", "name|a.example"},
		{"site:a.example OR police", ""},
		{"police -site:a.example", ""},
		{"-(site:a.example OR source:wire) police", ""},
		{"police", ""},
	} {
		q, err := Parse(tt.query)
		if err != nil {
			t.Fatal(err)
		}
		if got := renderScope(q.Scope()); got != tt.want {
			t.Errorf("%q: scope %s, want %s", tt.query, got, tt.want)
		}
	}
}

// renderScope writes a scope: a leaf as "name" (a name test), its host, or both with "|"; AND(…) and OR(…).
func renderScope(c *Scope) string {
	if c == nil {
		return ""
	}
	op, kids := "AND", c.All
	if len(c.Any) > 0 {
		op, kids = "OR", c.Any
	}
	if len(kids) > 0 {
		parts := make([]string, len(kids))
		for i, k := range kids {
			parts[i] = renderScope(k)
		}
		return op + "(" + strings.Join(parts, " ") + ")"
	}
	var parts []string
	if c.Name != nil {
		parts = append(parts, "name")
	}
	if c.Host != "" {
		parts = append(parts, c.Host)
	}
	return strings.Join(parts, "|")
}

// columnsByJoin is Columns as it was made before it took one allocation: each column joined on its own.
func columnsByJoin(d *Document) Columns {
	join := func(seq []int32) string {
		words := make([]string, len(seq))
		for i, t := range seq {
			words[i] = d.tokens[t]
		}
		return strings.Join(words, " ")
	}
	c := Columns{Title: join(d.seq[:d.titleLen]), Body: join(d.seq[d.titleLen+1:])}
	var title, body []string
	for j, s := range d.stems {
		i, isToken := d.byToken.find(s, d.tokens)
		w := d.stemWhere[j]
		if w&inTitle != 0 && !(isToken && d.where[i]&inTitle != 0) {
			title = append(title, s)
		}
		if w&inText != 0 && !(isToken && d.where[i]&inText != 0) {
			body = append(body, s)
		}
	}
	c.TitleStems, c.BodyStems = strings.Join(title, " "), strings.Join(body, " ")
	return c
}

// TestColumnsInOneAllocation: Columns gives what joining each column gives, for articles of every language the
// engine stems and for empty parts, and makes them in two allocations whatever the article's length (the columns'
// one string and the stems' marks), where growing each column's builder took 23 for an 800-word article.
func TestColumnsInOneAllocation(t *testing.T) {
	articles := append(mixedArticles(),
		Article{}, Article{Title: "Tariffs"}, Article{Text: "Tariffs raised"}, Article{Title: "Korea's Tariffs", Text: "The tariffs were raised"},
		Article{Title: "Выборы в Москве", Text: "Выборы прошли. Избиратели голосовали"}, Article{Title: "الانتخابات", Text: "انتخابات"},
		Article{Title: "東京 選挙", Text: "選挙の結果"})
	g := querytest.NewGenerator(2)
	for range 16 {
		articles = append(articles, Article(g.Article()))
	}
	for _, a := range articles {
		d := NewDocument(a)
		if got, want := d.Columns(), columnsByJoin(d); got != want {
			t.Errorf("Columns of %.40q = %+v, joined %+v", a.Title, got, want)
		}
	}
	d := NewDocument(articles[len(articles)-1])
	if n := testing.AllocsPerRun(10, func() { d.Columns() }); n > 2 {
		t.Errorf("Columns of an 800-word article: %v allocations, want 2", n)
	}
}

// TestTermsMatchExactDecides checks, for queries of the whole language, that where TermsMatchExact says so the
// terms index finds exactly the articles Match finds (the /subscribe preview then counts without confirming), and
// that it says so for the queries FTS5 can decide — a bare word of one stem that is its own under every language
// too (ownStem) — and not for another bare word.
func TestTermsMatchExactDecides(t *testing.T) {
	for _, tt := range []struct {
		name string
		g    *corpusGen
	}{{"generated", newCorpusGen(23, 300)}, {"languages", newLangCorpusGen(24)}, {"scripts", newScriptsCorpusGen(7)}} {
		t.Run(tt.name, func(t *testing.T) {
			g := tt.g
			const nArticles, nQueries = 800, 600
			articles := make([]Article, nArticles)
			docs := make([]*Document, nArticles)
			for i := range articles {
				articles[i] = g.article(40 + g.rng.IntN(80))
				docs[i] = NewDocument(articles[i])
			}
			terms := newTermsIndex(t, articles)
			exact, matched := 0, 0
			for n := 0; n < nQueries; n++ {
				text := g.query(g.rng.IntN(3))
				if n%2 == 1 {
					text, _ = g.ftsQuery(g.rng.IntN(3))
				}
				q, err := Parse(text)
				if err != nil || !q.TermsMatchExact() {
					continue
				}
				exact++
				want := matchAll(q, docs)
				if got := terms.match(t, q.TermsMatch()); !slices.Equal(got, want) {
					t.Errorf("query %q: exact TermsMatch() = %q finds %d articles, Match %d", q.Text(), q.TermsMatch(), len(got), len(want))
				}
				if len(want) > 0 {
					matched++
				}
			}
			if exact < nQueries/4 || matched < exact/4 {
				t.Errorf("too few exact queries: %d of %d, %d matching", exact, nQueries, matched)
			}
			t.Logf("%d of %d queries exact, %d matching", exact, nQueries, matched)
		})
	}
	for text, want := range map[string]bool{
		`"north korea"`: true, "ukrain*": true, "title:ukrain* OR \"kursk\"": true, `"russia" -"sport"`: true, "北朝鮮": true,
		"kursk": true, "government": true, "title:court": true, `"russia" -(a b)`: false, `"kursk" OR kursk`: true, "москва": true,
		`court "russia" -"sport"`: true, `"russia" -kursk`: false,
		"police": false, "tariffs": false, `"russia" -sports`: false, "source:reuters": false,
		`"kursk" source:reuters`: false, `"russia" -(police strikes)`: false, `"kursk" OR police`: false,
	} {
		if got := mustParse(t, text).TermsMatchExact(); got != want {
			t.Errorf("Parse(%q).TermsMatchExact() = %v, want %v", text, got, want)
		}
	}
}

// TestTermsMatchExactOwnStem: a bare word of one stem is exact only when that stem stems to itself. "общественности"
// stems to "обществен", a token that stems to "обществ": an article holding the token has it in its tokens column,
// where the word's expression finds it, but not as a stem, so Match does not. Such a word is confirmed (not exact);
// "новости" (stem "новост", its own) is exact, and the index finds what Match finds for both.
func TestTermsMatchExactOwnStem(t *testing.T) {
	articles := []Article{
		{Title: "Сводка", Text: "обществен и государствен"},
		{Title: "Новости", Text: "общественности"},
		{Title: "Вести", Text: "новост дня и новости"},
		{Title: "Итоги", Text: "государственного бюджета"},
	}
	docs := make([]*Document, len(articles))
	for i, a := range articles {
		docs[i] = NewDocument(a)
	}
	terms := newTermsIndex(t, articles)
	for text, exact := range map[string]bool{"общественности": false, "государственного": false, "новости": true, `"сводка" -общественности`: false} {
		q := mustParse(t, text)
		if got := q.TermsMatchExact(); got != exact {
			t.Errorf("Parse(%q).TermsMatchExact() = %v, want %v", text, got, exact)
		}
		got, want := terms.match(t, q.TermsMatch()), matchAll(q, docs)
		if exact && !slices.Equal(got, want) {
			t.Errorf("%q: exact TermsMatch() = %q finds %v, Match %v", text, q.TermsMatch(), got, want)
		}
		if extra := minus(want, got); len(extra) > 0 {
			t.Errorf("%q: TermsMatch() = %q misses articles %v that Match finds", text, q.TermsMatch(), extra)
		}
	}
	// Were the word taken as exact, its count would hold the article of the token alone, and its NOT would drop it.
	q := mustParse(t, "общественности")
	if got, want := terms.match(t, q.TermsMatch()), matchAll(q, docs); slices.Equal(got, want) {
		t.Errorf("TermsMatch() = %q finds what Match finds (%v): the fixture shows no inexact word", q.TermsMatch(), got)
	}
}
