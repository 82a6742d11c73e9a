package query

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// spellingRows are headlines as outlets write them, each with the queries that must find it and those that must
// not. They hold the spellings that the tokenizer splits one way in the article and another in the query.
var spellingRows = []struct {
	article string
	finds   []string
	misses  []string
}{
	{article: "title: Diyarbakır'da deprem: 1.000 bina hasar gördü | text: AFAD, İstanbul ve Iğdır'dan ekip gönderdi",
		finds:  []string{"diyarbakir", "Diyarbakır", "DIYARBAKIR", "istanbul", "İstanbul", "ıstanbul", "igdir", "Iğdır", "1000", "1,000", "title:1000", `"1 000"`},
		misses: []string{"10000", "title:istanbul", "100"}},
	{article: "title: Ülke genelinde ılık hava | text: Sıcaklıklar mevsim normallerinin üzerinde",
		finds:  []string{"ilik", "ılık", "sicakliklar", "Sıcaklıklar", "SICAKLIKLAR"},
		misses: []string{"ilk"}},
	{article: "title: Пётр Первый и ещё 1 000 экспонатов | text: Музей на Ёлке открыл 10 000 залов",
		finds:  []string{"петр", "пётр", "Петр", "еще", "ещё", `"еще 1 000"`, "1000", "10000", "елке", "ёлке", "title:1000"},
		misses: []string{"title:10000", "100000"}},
	{article: "title: Ракетний удар по Києву | text: Їжак і ще 1,000,000 гривень",
		finds:  []string{"їжак", "1000000"},
		misses: []string{"іжак"}},
	{article: "title: Phishing by e-mail rises after COVID-19 | text: O'Neill said the G-7 would meet.",
		finds:  []string{"e-mail", "covid19", "covid-19", `"covid 19"`, "o'neill", "O’Neill", "g7", "G-7", "title:covid19"},
		misses: []string{"email", "title:g7"}},
	{article: "title: Email scams and covid19 vaccines | text: Oneill and the G7 leaders; a hotline, 0800 100 200, opened in 2024",
		finds:  []string{"e-mail", "email", "covid-19", "covid19", "o'neill", "G-7", "g7", "0800", "2024"},
		misses: []string{`"e mail"`, `"covid 19"`, "0800100", "title:0800"}},
	{article: "Spending rose to 2 024 million, and the 2024 budget to 1,5 billion",
		finds:  []string{"2024", "1,5", `"2 024"`},
		misses: []string{"15", "1500"}},
	{article: "Votes: 3-1 in the final; the 1.5 litre bottle",
		finds:  []string{"3-1", "1.5"},
		misses: []string{"31", "15"}},
}

// TestSpellingsFindTheirArticles: each query of spellingRows finds its article or not, whichever the row says.
func TestSpellingsFindTheirArticles(t *testing.T) {
	for _, row := range spellingRows {
		d := NewDocument(docArticle(t, row.article))
		for _, text := range row.finds {
			if q := mustParse(t, text); !q.Match(d) {
				t.Errorf("%s (%s) misses %q", text, q, row.article)
			}
		}
		for _, text := range row.misses {
			if q := mustParse(t, text); q.Match(d) {
				t.Errorf("%s (%s) finds %q", text, q, row.article)
			}
		}
	}
}

// TestLettersFoldAlikeInQueriesAndArticles: the query side and the article side read each spelling of a letter
// alike, so that a word typed one way and printed the other matches both ways, in a phrase, a prefix and a title.
func TestLettersFoldAlikeInQueriesAndArticles(t *testing.T) {
	pairs := [][2]string{
		{"Diyarbakır", "diyarbakir"}, {"IĞDIR", "Iğdır"}, {"İzmir", "izmir"}, {"ılık", "ilik"}, {"KARŞIYAKA", "Karşıyaka"},
		{"Пётр", "Петр"}, {"ЁЛКА", "елка"}, {"ещё", "еще"}, {"Королёв", "Королев"}, {"е\u0308ж", "ёж"},
	}
	for _, p := range pairs {
		for _, dir := range [][2]string{p, {p[1], p[0]}} {
			typed, printed := dir[0], dir[1]
			if got, want := Terms(typed), Terms(printed); !slices.Equal(got, want) {
				t.Errorf("Terms(%q) = %q, Terms(%q) = %q", typed, got, printed, want)
			}
			d := NewDocument(Article{Title: "Haber: " + printed + " bugün", Text: "x"})
			queries := []string{typed, fmt.Sprintf(`"haber %s"`, typed), "title:" + typed}
			if len([]rune(Terms(typed)[0])) > 3 {
				queries = append(queries, firstRunes(typed, 3)+"*")
			}
			for _, text := range queries {
				if !mustParse(t, text).Match(d) {
					t.Errorf("%s misses an article printing %q", text, printed)
				}
			}
		}
	}
	// Letters that are letters of their own stay so.
	for _, apart := range [][2]string{{"й", "и"}, {"ї", "і"}, {"ø", "o"}} {
		if slices.Equal(Terms(apart[0]), Terms(apart[1])) {
			t.Errorf("%q and %q read alike", apart[0], apart[1])
		}
	}
}

func firstRunes(s string, n int) string {
	r := []rune(s)
	return string(r[:min(n, len(r))])
}

// TestSpelledWordReadsBack: a word with other spellings is shown and keyed as typed (folded), reads back as the
// same query, counts as one term, and keeps its place in an AND or OR without parentheses.
func TestSpelledWordReadsBack(t *testing.T) {
	tests := []struct{ query, want string }{
		{"e-mail", "e-mail"},
		{"E-Mail", "e-mail"},
		{"COVID-19", "covid-19"},
		{"covid19", "covid19"},
		{"O'Neill", "o-neill"},
		{"1000", "1000"},
		{"1,000", "1,000"},
		{"1.000.000", "1,000,000"},
		{"2024", "2024"},
		{"title:e-mail", "title:e-mail"},
		{"kursk 1000 drones", "kursk AND 1000 AND drones"},
		{"1000 OR 2000", "1000 OR 2000"},
		{"-covid19 vaccine", "NOT covid19 AND vaccine"},
		{"vaccine (covid19 OR sars-cov-2)", "vaccine AND (covid19 OR sars-cov-2)"},
		{"long-term", "long-term"},
		{`"long-term"`, `"long term"`},
		{"amazon.com", `"amazon com"`},
		{"3-1", `"3 1"`},
		{"a-10-20", "a-10-20"},
		{"covid-19.5", `"covid 19 5"`},
		{"x's-y", "x-y"},
	}
	for _, tt := range tests {
		q := mustParse(t, tt.query)
		if got := q.String(); got != tt.want {
			t.Errorf("Parse(%q).String() = %q, want %q", tt.query, got, tt.want)
			continue
		}
		back := mustParse(t, q.String())
		if back.Key() != q.Key() || back.String() != q.String() {
			t.Errorf("%q reads back as %q (key %q), not %q (key %q)", q.String(), back.String(), back.Key(), q.String(), q.Key())
		}
	}
	// Twelve numbers are twelve terms, as before they had spellings.
	if _, err := Parse("1000 2000 3000 4000 5000 6000 7000 8000 9000 10000 11000 12000"); err != nil {
		t.Errorf("twelve numbers: %v", err)
	}
	if _, err := Parse("e-mail -e-mail"); err == nil || !strings.Contains(err.Error(), "both required and excluded") {
		t.Errorf("e-mail -e-mail: %v, want the contradiction", err)
	}
	if _, err := Parse(`"e mail" -e-mail`); err == nil || !strings.Contains(err.Error(), "could never match") {
		t.Errorf(`"e mail" -e-mail: %v, want the implied exclusion`, err)
	}
}

// TestSplitSpelling: how a query token is split as an article may print it.
func TestSplitSpelling(t *testing.T) {
	tests := []struct {
		tok  string
		want []string
	}{
		{"1000", []string{"1", "000"}},
		{"25000", []string{"25", "000"}},
		{"1000000", []string{"1", "000", "000"}},
		{"1899", []string{"1", "899"}},
		{"1900", []string{"1900"}},
		{"2099", []string{"2099"}},
		{"2100", []string{"2", "100"}},
		{"999", []string{"999"}},
		{"0800", []string{"0800"}},
		{"007", []string{"007"}},
		{"covid19", []string{"covid", "19"}},
		{"g7", []string{"g", "7"}},
		{"4k", []string{"4", "k"}},
		{"a320neo", []string{"a", "320", "neo"}},
		{"ковид19", []string{"ковид", "19"}},
		{"kursk", []string{"kursk"}},
	}
	for _, tt := range tests {
		if got := splitSpelling(tt.tok); !slices.Equal(got, tt.want) {
			t.Errorf("splitSpelling(%q) = %q, want %q", tt.tok, got, tt.want)
		}
	}
}

// TestIndexFindsSpellings: the index of stored queries (what alerts use) finds for each article of spellingRows the
// queries that match it on their own, spelled words and all.
func TestIndexFindsSpellings(t *testing.T) {
	ix := NewIndex()
	queries := map[int64]*Query{}
	for _, row := range spellingRows {
		for _, text := range append(slices.Clone(row.finds), row.misses...) {
			id := int64(len(queries) + 1)
			queries[id] = mustParse(t, text)
			ix.Add(id, queries[id])
		}
	}
	for _, row := range spellingRows {
		d := NewDocument(docArticle(t, row.article))
		got := ix.Match(d)
		slices.Sort(got)
		if want := naiveMatch(queries, d); !slices.Equal(got, want) {
			t.Errorf("%q: the index finds %v, the queries on their own %v", row.article, got, want)
		}
	}
}
