package query

import (
	"slices"
	"testing"
)

type matchCase struct {
	name    string
	query   string
	article Article
	want    bool
}

// matchCases returns docs/QUERY.md's examples and the rules around them, as (query, article, matches?) rows.
func matchCases() []matchCase {
	return []matchCase{
		{name: "stemmed word, plural", query: "tariff", article: Article{Text: "New tariffs on steel"}, want: true},
		{name: "stemmed word, same", query: "tariff", article: Article{Text: "a tariff"}, want: true},
		{name: "stemmed word never a longer word", query: "tariff", article: Article{Text: "the tariffication of trade"}, want: false},
		{name: "plural query matches singular", query: "deminers", article: Article{Text: "a deminer was hurt"}, want: true},
		{name: "whole word only", query: "kursk", article: Article{Text: "kurskaya oblast"}, want: false},
		{name: "prefix", query: "ukrain*", article: Article{Text: "Ukraine"}, want: true},
		{name: "prefix, longer word", query: "ukrain*", article: Article{Text: "Ukrainian grain"}, want: true},
		{name: "prefix, shorter word", query: "ukrain*", article: Article{Text: "Ukr"}, want: false},
		{name: "phrase", query: `"north korea"`, article: Article{Text: "North Korea fires a missile"}, want: true},
		{name: "phrase out of order", query: `"north korea"`, article: Article{Text: "Korea north of the border"}, want: false},
		{name: "phrase not adjacent", query: `"north korea"`, article: Article{Text: "north of South Korea"}, want: false},
		{name: "phrase ignores punctuation", query: `"north korea"`, article: Article{Text: "north, Korea"}, want: true},
		{name: "phrase over a possessive", query: `"korea president"`, article: Article{Text: "Korea's president"}, want: true},
		{name: "phrase does not run from title into text", query: `"north korea"`, article: Article{Title: "Up north", Text: "Korea fires"}, want: false},
		{name: "AND, both", query: "kursk deminers", article: Article{Text: "Deminers at work near Kursk"}, want: true},
		{name: "AND, one", query: "kursk deminers", article: Article{Text: "Kursk"}, want: false},
		{name: "OR, first", query: "kursk OR belgorod", article: Article{Text: "Kursk"}, want: true},
		{name: "OR, second", query: "kursk | belgorod", article: Article{Text: "Belgorod"}, want: true},
		{name: "OR, neither", query: "kursk OR belgorod", article: Article{Text: "Moscow"}, want: false},
		{name: "NOT absent", query: "russia -sport", article: Article{Text: "Russia and China"}, want: true},
		{name: "NOT present", query: "russia -sport", article: Article{Text: "Russia banned from sport"}, want: false},
		{name: "NOT is stemmed too", query: "russia -sport", article: Article{Text: "Russia in sports"}, want: false},
		{name: "NOT on a group", query: "russia -(sport OR football)", article: Article{Text: "Russia football"}, want: false},
		{name: "grouping", query: "(tariff OR tariffs) japan", article: Article{Text: "Japan tariffs"}, want: true},
		{name: "grouping, AND part missing", query: "(tariff OR tariffs) japan", article: Article{Text: "Korea tariffs"}, want: false},
		{name: "precedence: a b OR c by c", query: "a1 b1 OR c1", article: Article{Text: "c1"}, want: true},
		{name: "precedence: a b OR c by a alone", query: "a1 b1 OR c1", article: Article{Text: "a1"}, want: false},
		{name: "title only, in title", query: `title:"breaking"`, article: Article{Title: "Breaking: storm", Text: "wind"}, want: true},
		{name: "title only, in text", query: `title:"breaking"`, article: Article{Title: "Storm", Text: "breaking news"}, want: false},
		{name: "title word stemmed", query: "title:storm", article: Article{Title: "Storms ahead"}, want: true},
		{name: "title prefix", query: "title:ukrain*", article: Article{Title: "Ukrainian army", Text: "x"}, want: true},
		{name: "title prefix in text only", query: "title:ukrain*", article: Article{Title: "Army", Text: "Ukrainian"}, want: false},
		{name: "title phrase in text only", query: `title:"north korea"`, article: Article{Title: "Missile", Text: "North Korea"}, want: false},
		{name: "source by name", query: "source:reuters", article: Article{SourceName: "Reuters", URL: "https://www.example.com/a"}, want: true},
		{name: "source by a word of the name", query: "source:reuters", article: Article{SourceName: "Reuters World News"}, want: true},
		{name: "source other", query: "source:reuters", article: Article{SourceName: "AP", Text: "Reuters reports"}, want: false},
		{name: "source name phrase", query: `source:"straits times"`, article: Article{SourceName: "The Straits Times"}, want: true},
		{name: "site by parent domain", query: "site:straitstimes.com", article: Article{URL: "https://www.straitstimes.com/asia/x"}, want: true},
		{name: "site by host", query: "site:straitstimes.com", article: Article{URL: "https://straitstimes.com/x"}, want: true},
		{name: "site is not a suffix of a label", query: "site:straitstimes.com", article: Article{URL: "https://notstraitstimes.com/x"}, want: false},
		{name: "site is not a subdomain", query: "site:straitstimes.com", article: Article{URL: "https://straitstimes.com.evil.org/x"}, want: false},
		{name: "site case-insensitive", query: "source:StraitsTimes.COM", article: Article{URL: "https://WWW.STRAITSTIMES.COM/x"}, want: true},
		{name: "negated source", query: "ukraine -source:tass", article: Article{SourceName: "TASS", Text: "Ukraine"}, want: false},
		{name: "case", query: "zelenskiy", article: Article{Text: "ZELENSKIY"}, want: true},
		{name: "diacritics", query: "ZELENSKIY", article: Article{Text: "Zélenskiy said"}, want: true},
		{name: "possessive", query: "korea", article: Article{Text: "Korea's"}, want: true},
		{name: "apostrophe ends a word", query: "brien", article: Article{Text: "O'Brien"}, want: true},
		{name: "hyphenated phrase, spaced", query: `"long-term"`, article: Article{Text: "in the long term"}, want: true},
		{name: "hyphenated phrase, hyphenated", query: `"long-term"`, article: Article{Text: "a long-term plan"}, want: true},
		{name: "hyphenated bare word", query: "long-term", article: Article{Text: "long term"}, want: true},
		{name: "hyphen splits article words", query: "term", article: Article{Text: "long-term"}, want: true},
		{name: "Han word", query: "北朝鮮", article: Article{Title: "北朝鮮のミサイル"}, want: true},
		{name: "Han characters apart", query: "北朝鮮", article: Article{Title: "北の朝鮮"}, want: false},
		{name: "quoted word unstemmed", query: `"tariffs"`, article: Article{Text: "tariffs"}, want: true},
		{name: "quoted word unstemmed, other form", query: `"tariffs"`, article: Article{Text: "a tariff"}, want: false},
		{name: "NFKC", query: "finance", article: Article{Text: "ﬁnance"}, want: true},
	}
}

func TestQueryMatch(t *testing.T) {
	for _, tt := range matchCases() {
		t.Run(tt.name, func(t *testing.T) {
			q, err := Parse(tt.query)
			if err != nil {
				t.Fatalf("Parse(%q): %v", tt.query, err)
			}
			if got := q.Match(NewDocument(tt.article)); got != tt.want {
				t.Errorf("Parse(%q).Match(%+v) = %v, want %v", tt.query, tt.article, got, tt.want)
			}
		})
	}
}

// TestIndexMatchCases runs the same rows through one Index holding all their queries.
func TestIndexMatchCases(t *testing.T) {
	ix := NewIndex()
	cases := matchCases()
	queries := make([]*Query, len(cases))
	for i, tt := range cases {
		q, err := Parse(tt.query)
		if err != nil {
			t.Fatalf("Parse(%q): %v", tt.query, err)
		}
		queries[i] = q
		ix.Add(int64(i), q)
	}
	for i, tt := range cases {
		t.Run(tt.name, func(t *testing.T) {
			d := NewDocument(tt.article)
			var want []int64
			for j, q := range queries {
				if q.Match(d) {
					want = append(want, int64(j))
				}
			}
			got := ix.Match(d)
			if !slices.Equal(got, want) {
				t.Errorf("Index.Match = %v, want %v", got, want)
			}
			if slices.Contains(got, int64(i)) != tt.want {
				t.Errorf("query %q in Index.Match = %v, want %v", tt.query, !tt.want, tt.want)
			}
		})
	}
}
