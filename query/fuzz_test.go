package query

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"kursk (deminers OR sappers)", "russia -sport", `title:"north korea"`, "ukrain*", "source:reuters",
		"site:straitstimes.com", "Korea's long-term Zélenskiy", "北朝鮮", `"tariffs"`, "a OR -b", "-sport",
		"Курск саперы", "Wahl -Bayern", "élection*", `"курской области"`, "Курск Kursk", "Києва", "kурск",
		`abc "def`, "a - b", "((((a))))", "(a", "a)", "()", "title: x", "uk*", "a*b", "“quoted” «x»", "NOT a AND b",
		"site:https://www.Reuters.com/world", `source:"Straits Times"`, "a | b c", "& —", "ｆｕｌｌ ﬁ Straße",
		"russia —sport", "‘north korea’ -'kim jong'", "'90s O'Brien", "“ukrain*”", `"north kor*"`, "kursk || b",
		"author:x", "intitle: x", "Korea’s ‘x’s’", "a —(b)",
		"storm🌪flood", "kursk -🚀sport", "title:🌪storm", "שָׁלוֹם", `"قال أيضاً"`, `"north korea" -korea`,
		"(a OR b) -a -b", "storm NEAR flood", "ukraine https://www.bbc.co.uk/news", "b a", "a a a a a a a a a a a a a b",
		"e-mail covid19 1000 1,000 O'Neill a-10-20", "title:covid-19 -1.000.000 Diyarbakır Пётр", "2024 0800 3-1 1.5 g7",
	} {
		f.Add(s)
	}
	for _, c := range matchCases() {
		f.Add(c.query)
	}
	f.Fuzz(func(t *testing.T, text string) {
		q, err := Parse(text)
		if err != nil {
			var pe *ParseError
			if !errors.As(err, &pe) || pe.Msg == "" || pe.Pos < 0 || pe.Pos > utf8.RuneCountInString(text)+1 {
				t.Fatalf("Parse(%q): bad error %#v", text, err)
			}
			return
		}
		if q.Text() != strings.TrimSpace(text) {
			t.Errorf("Text() = %q, want the trimmed input", q.Text())
		}
		_ = q.TermsMatch()
		// How the query was understood reads back the same way, unless spelling it out made it too long.
		s := q.String()
		if utf8.RuneCountInString(s) > MaxQueryLength {
			return
		}
		again, err := Parse(s)
		if err != nil {
			t.Fatalf("Parse(%q) ok, but Parse of its String() %q: %v", text, s, err)
		}
		if again.String() != s || again.Key() != q.Key() {
			t.Errorf("Parse(%q) = %q (key %q); its String() parses to %q (key %q)", text, s, q.Key(), again, again.Key())
		}
	})
}

func FuzzMatch(f *testing.F) {
	for _, c := range matchCases() {
		f.Add(c.query, c.article.Title, c.article.Text, c.article.SourceName, c.article.URL)
	}
	f.Add("a OR (b -c)", "A b", "c a's b-c", "x", "http://[::1]:80/")
	// Non-English text: the document's language decides the stems, the query's words are tried under each.
	f.Add("Курск саперы", "Саперы разминируют поля в Курской области", "", "ТАСС", "https://tass.ru/")
	f.Add("Wahl OR élection", "Die Wahlen in Bayern", "Les élections et die Wahl", "", "")
	f.Add("title:gobierno -huelga", "El gobierno y las huelgas", "Las elecciones", "El País", "https://elpais.com/")
	f.Add(`"курской" Kursk*`, "Kursk и Курская", "der die das the le la", "", "")
	f.Fuzz(func(t *testing.T, query, title, text, source, url string) {
		q, err := Parse(query)
		if err != nil {
			return
		}
		d := NewDocument(Article{Title: title, Text: text, SourceName: source, URL: url})
		want := q.Match(d)
		ix := NewIndex()
		ix.Add(1, q)
		// A second query filed under the article's own words makes the index evaluate beside the first.
		if other, err := Parse(strings.Join(Terms(title+" "+text), " ")); err == nil {
			ix.Add(2, other)
		}
		got := slices.Contains(ix.Match(d), 1)
		if got != want {
			t.Errorf("query %q on %q / %q / %q / %q: Index.Match %v, Query.Match %v", query, title, text, source, url, got, want)
		}
		_ = q.TermsMatch()
	})
}
