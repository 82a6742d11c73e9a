package query

import (
	"errors"
	"fmt"
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	tests := []struct {
		name  string
		query string
		want  string // Query.String()
	}{
		// docs/QUERY.md, Syntax.
		{name: "word", query: "tariff", want: "tariff"},
		{name: "prefix", query: "ukrain*", want: "ukrain*"},
		{name: "prefix of exactly 3 characters", query: "ukr*", want: "ukr*"},
		{name: "phrase", query: `"north korea"`, want: `"north korea"`},
		{name: "implicit AND", query: "kursk deminers", want: "kursk AND deminers"},
		{name: "OR", query: "kursk OR belgorod", want: "kursk OR belgorod"},
		{name: "bar is OR", query: "kursk | belgorod", want: "kursk OR belgorod"},
		{name: "bar without spaces", query: "kursk|belgorod", want: "kursk OR belgorod"},
		{name: "a double bar is OR", query: "kursk || belgorod", want: "kursk OR belgorod"},
		{name: "a quoted prefix is the prefix", query: `“ukrain*”`, want: "ukrain*"},
		{name: "a quoted title prefix", query: `title:"ukrain*"`, want: "title:ukrain*"},
		{name: "lower-case or is a word", query: "kursk or belgorod", want: "kursk AND or AND belgorod"},
		{name: "NOT", query: "russia -sport", want: "russia AND NOT sport"},
		{name: "grouping", query: "(tariff OR tariffs) japan", want: "(tariff OR tariffs) AND japan"},
		{name: "title phrase", query: `title:"breaking"`, want: `title:"breaking"`},
		{name: "source", query: "source:reuters", want: "source:reuters"},
		{name: "site", query: "site:straitstimes.com", want: "site:straitstimes.com"},
		{name: "brief example", query: "kursk (deminers OR sappers)", want: "kursk AND (deminers OR sappers)"},
		{name: "title phrase of two words", query: `title:"north korea"`, want: `title:"north korea"`},
		// Precedence: - tightest, then AND, then OR.
		{name: "AND binds tighter than OR", query: "a b OR c", want: "(a AND b) OR c"},
		{name: "OR then AND", query: "a OR b c", want: "a OR (b AND c)"},
		{name: "NOT binds to one word", query: "-a b OR c", want: "(NOT a AND b) OR c"},
		// An emoji parts two words as a space does ("storm🌪flood" was the phrase "storm flood").
		{name: "an emoji between words", query: "storm🌪flood", want: "storm AND flood"},
		{name: "an emoji with its selector and skin tone", query: "storm🌪️flood👍🏽rain", want: "storm AND flood AND rain"},
		{name: "a joined emoji between words", query: "storm👨‍👩‍👧flood", want: "storm AND flood"},
		{name: "a flag between words", query: "kyiv🇺🇦lviv", want: "kyiv AND lviv"},
		{name: "NOT after an emoji", query: "storm 🌪-flood", want: "storm AND NOT flood"},
		// Terms are counted once: a headline pasted with a word repeated.
		{name: "repeats are not counted as terms", query: "storm warning storm surge storm damage storm coast storm flood storm rain storm wind storm",
			want: "storm AND warning AND surge AND damage AND coast AND flood AND rain AND wind"},
		{name: "an emoji glued after NOT", query: "kursk -🚀sport", want: "kursk AND NOT sport"},
		{name: "an emoji glued after a field", query: "title:🌪storm", want: "title:storm"},
		{name: "an emoji before OR", query: "storm🌪OR flood", want: "storm OR flood"},
		{name: "a degree sign stays punctuation", query: "30°C", want: `"30 c"`},
		{name: "a web address without a scheme is its words", query: "amazon.com", want: `"amazon com"`},
		{name: "near in small letters is a word", query: "storm near flood", want: "storm AND near AND flood"},
		{name: "NEAR first is a word (an acronym)", query: "NEAR shoemaker", want: "near AND shoemaker"},
		// Excluded but not implied: these can match.
		{name: "a bare word does not imply its quoted form", query: `kursk -"kursk"`, want: `kursk AND NOT "kursk"`},
		{name: "a prefix does not imply a word it starts", query: "ukrain* -ukraine", want: "ukrain* AND NOT ukraine"},
		{name: "a bare word does not imply its prefix (hoping stems to hope)", query: "hope -hope*", want: "hope AND NOT hope*"},
		{name: "a word does not imply its title", query: "kursk -title:kursk", want: "kursk AND NOT title:kursk"},
		{name: "one side of a required OR excluded", query: "(kyiv OR lviv) -kyiv", want: "(kyiv OR lviv) AND NOT kyiv"},
		{name: "NOT on a phrase", query: `russia -"world cup"`, want: `russia AND NOT "world cup"`},
		{name: "NOT on a field", query: "russia -source:tass", want: "russia AND NOT source:tass"},
		{name: "excluding titles only of a required word is no contradiction", query: "kursk -title:kursk", want: "kursk AND NOT title:kursk"},
		{name: "excluding the exact word of a stemmed one is no contradiction", query: `kursk -"kursk"`, want: `kursk AND NOT "kursk"`},
		{name: "NOT on a group", query: "russia -(sport OR football)", want: "russia AND NOT (sport OR football)"},
		// A phone's dash for "-": iOS turns "--" into "—"; read as a word, it subscribed to the opposite.
		{name: "em dash before a word is NOT", query: "russia —sport", want: "russia AND NOT sport"},
		{name: "en dash before a word is NOT", query: "russia –sport", want: "russia AND NOT sport"},
		{name: "minus sign before a phrase is NOT", query: `russia −"world cup"`, want: `russia AND NOT "world cup"`},
		{name: "em dash before a group is NOT", query: "russia —(sport OR football)", want: "russia AND NOT (sport OR football)"},
		{name: "em dash before a field is NOT", query: "russia —source:tass", want: "russia AND NOT source:tass"},
		{name: "a dash between spaces is punctuation", query: "russia – sport", want: "russia AND sport"},
		{name: "a dash inside a word splits it", query: "long—term", want: `"long term"`},
		{name: "negated OR branch is fine beside a positive term", query: "russia (sanctions OR -sport)", want: "russia AND (sanctions OR NOT sport)"},
		{name: "redundant parentheses", query: "((a)) ((b c))", want: "a AND b AND c"},
		{name: "three levels", query: "(((a OR b) c) OR d) e", want: "(((a OR b) AND c) OR d) AND e"},
		// docs/QUERY.md, Text normalisation.
		{name: "case folded", query: "ZELENSKIY", want: "zelenskiy"},
		{name: "diacritics removed", query: "Zélenskiy", want: "zelenskiy"},
		{name: "possessive dropped", query: "Korea's", want: "korea"},
		{name: "typographic possessive dropped", query: "Korea’s", want: "korea"},
		{name: "hyphenated word is a phrase or the word joined, shown as typed", query: "long-term", want: `long-term`},
		{name: "quoted hyphenated word", query: `"long-term"`, want: `"long term"`},
		{name: "Han word is a phrase of characters, shown as typed", query: "北朝鮮", want: `"北朝鮮"`},
		{name: "Han and Latin in one phrase", query: `"北朝鮮 missile"`, want: `"北朝鮮 missile"`},
		{name: "Thai word shown as typed", query: "แผ่นดินไหว", want: `"แผ่นดินไหว"`},
		{name: "quoted word", query: `"tariffs"`, want: `"tariffs"`},
		{name: "apostrophe inside a word", query: "O'Brien", want: `o-brien`},
		// Invisible characters of right-to-left typing and copied text: an RLM before "-" hid the NOT, and a
		// zero-width space split a word (for /search; /subscribe removed some of them first).
		{name: "a right-to-left mark before NOT", query: "kursk \u200f-sport", want: "kursk AND NOT sport"},
		{name: "a left-to-right mark before a phrase", query: "\u200e\"north korea\" \u200e-kim", want: `"north korea" AND NOT kim`},
		{name: "a zero-width space in a word", query: "k\u200bursk", want: "kursk"},
		{name: "a word joiner before OR", query: "kursk \u2060OR belgorod", want: "kursk OR belgorod"},
		{name: "a zero-width non-joiner stays", query: "می\u200cخواهم", want: `"مي خواهم"`},
		// Chinese and Japanese input methods type full-width forms and quote with corner brackets.
		{name: "full-width parentheses group", query: "（kursk OR belgorod） －sport", want: "(kursk OR belgorod) AND NOT sport"},
		{name: "full-width colon of a field", query: "title：storm", want: "title:storm"},
		{name: "full-width star", query: "ukrain＊", want: "ukrain*"},
		{name: "full-width bar", query: "kursk ｜ belgorod", want: "kursk OR belgorod"},
		{name: "full-width quotes", query: "＂north korea＂", want: `"north korea"`},
		{name: "corner brackets", query: "「north korea」 『kim jong』", want: `"north korea" AND "kim jong"`},
		// Single quotes: iOS types 'x' as ‘x’; both were words, north AND korea.
		{name: "typographic single quotes are a phrase", query: "‘north korea’", want: `"north korea"`},
		{name: "ASCII single quotes are a phrase", query: "'north korea'", want: `"north korea"`},
		{name: "German single quotes are a phrase", query: "‚north korea‘", want: `"north korea"`},
		{name: "single guillemets are a phrase", query: "‹kim jong›", want: `"kim jong"`},
		{name: "a phrase in single quotes with a possessive inside", query: "‘north korea’s missiles’", want: `"north korea missiles"`},
		{name: "NOT of a phrase in single quotes", query: "kim -‘north korea’", want: `kim AND NOT "north korea"`},
		{name: "title phrase in single quotes", query: "title:‘north korea’", want: `title:"north korea"`},
		{name: "an unclosed single quote is an apostrophe", query: "'90s music", want: "90s AND music"},
		{name: "a quote closed inside a word is an apostrophe", query: "‘north korea’s", want: "north AND korea"},
		{name: "a trailing apostrophe", query: "Jones' car", want: "jones AND car"},
		// Fields.
		{name: "title word", query: "title:Breaking", want: "title:breaking"},
		{name: "title prefix", query: "title:ukrain*", want: "title:ukrain*"},
		{name: "intitle is title", query: "intitle:Storm", want: "title:storm"},
		{name: "domain is site", query: "kursk domain:bbc.co.uk", want: "kursk AND site:bbc.co.uk"},
		{name: "a word and a colon that is no field", query: "foo:bar", want: `"foo bar"`},
		{name: "an unknown field's name in quotes", query: `"author: smith"`, want: `"author smith"`},
		{name: "field names ignore case", query: "Title:x SOURCE:Reuters", want: "title:x AND source:reuters"},
		{name: "source name phrase", query: `source:"Straits Times"`, want: `source:"straits times"`},
		{name: "site as a URL", query: "site:https://www.Reuters.com/world", want: "site:www.reuters.com"},
		{name: "source alone is a positive term", query: "source:reuters -sport", want: "source:reuters AND NOT sport"},
		{name: "unknown field is a phrase", query: "foo:bar", want: `"foo bar"`},
		// Spelled-out operators, as String shows them.
		{name: "AND and NOT", query: "russia AND NOT sport", want: "russia AND NOT sport"},
		{name: "NOT before a group", query: "a NOT (b OR c)", want: "a AND NOT (b OR c)"},
		// Lenient spelling.
		{name: "typographic quotes", query: "“north korea” «kim jong» „un“", want: `"north korea" AND "kim jong" AND "un"`},
		{name: "surrounding space", query: "  kursk  ", want: "kursk"},
		{name: "punctuation word ignored", query: "kursk & belgorod —", want: "kursk AND belgorod"},
		{name: "twelve terms", query: "a b c d e f g h i j k l", want: "a AND b AND c AND d AND e AND f AND g AND h AND i AND j AND k AND l"},
		{name: "200 characters", query: strings.Repeat("x", 200), want: strings.Repeat("x", 200)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q, err := Parse(tt.query)
			if err != nil {
				t.Fatalf("Parse(%q): %v", tt.query, err)
			}
			if got := q.String(); got != tt.want {
				t.Errorf("Parse(%q).String() = %q, want %q", tt.query, got, tt.want)
			}
			if got, want := q.Text(), strings.TrimSpace(tt.query); got != want {
				t.Errorf("Text() = %q, want %q", got, want)
			}
			// String is understood back the same way.
			again, err := Parse(q.String())
			if err != nil {
				t.Fatalf("Parse(String() = %q): %v", q.String(), err)
			}
			if again.String() != q.String() || again.Key() != q.Key() {
				t.Errorf("Parse(%q) = %q (key %q), want %q (key %q)", q.String(), again, again.Key(), q, q.Key())
			}
		})
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name    string
		query   string
		wantMsg string
		wantPos int
	}{
		// docs/QUERY.md, Limits and errors.
		{name: "unclosed quote", query: `tariff japan "trade war`, wantMsg: "unclosed quote at position 14", wantPos: 14},
		{name: "dash needs a word", query: "russia - sport", wantMsg: `"-" needs a word after it (position 8)`, wantPos: 8},
		{name: "dash at the end", query: "russia -", wantMsg: `"-" needs a word after it (position 8)`, wantPos: 8},
		{name: "double dash", query: "russia --sport", wantMsg: `"-" needs a word after it (position 8)`, wantPos: 8},
		{name: "dash before punctuation", query: "russia -&", wantMsg: `"-" needs a word after it (position 8)`, wantPos: 8},
		{name: "NOT needs a word", query: "russia NOT", wantMsg: `"NOT" needs a word after it (position 8)`, wantPos: 8},
		{name: "NOT alone is refused", query: "-sport", wantMsg: "a query needs at least one word that must appear"},
		{name: "only NOTs", query: "-sport -football NOT tennis", wantMsg: "a query needs at least one word that must appear"},
		{name: "double negation", query: "-(-sport)", wantMsg: "a query needs at least one word that must appear"},
		{name: "empty", query: "   ", wantMsg: "a query needs at least one word that must appear"},
		{name: "only punctuation", query: "& —", wantMsg: "it has no word to match (emoji and punctuation are ignored)"},
		{name: "OR with a NOT side", query: "russia OR -sport", wantMsg: `each side of "OR" needs a word that must appear (position 8)`, wantPos: 8},
		{name: "OR with a NOT side under AND", query: "(a OR -b) -c", wantMsg: `each side of "OR" needs a word that must appear (position 4)`, wantPos: 4},
		{name: "a word required and excluded", query: "kursk -kursk", wantMsg: "kursk is both required and excluded, so the query could never match (position 7)", wantPos: 7},
		{name: "required and excluded in another case, by NOT", query: "Kursk attack NOT kursk", wantMsg: "kursk is both required and excluded, so the query could never match (position 14)", wantPos: 14},
		{name: "C sharp with the music sign", query: "C♯", wantMsg: `"C♯" would match every "c": symbols are not part of words, in articles as in queries; put it in quotes with a word that goes with it, as in "C++ programming" (position 1)`, wantPos: 1},
		{name: "F sharp in full width", query: "jobs Ｆ＃", wantMsg: `"Ｆ＃" would match every "f": symbols are not part of words, in articles as in queries; put it in quotes with a word that goes with it, as in "C++ programming" (position 6)`, wantPos: 6},
		{name: "a pasted link", query: "ukraine https://www.BBC.co.uk/news/world-123", wantMsg: "a link is no word to find: for the articles of its site write site:www.bbc.co.uk (position 9)", wantPos: 9},
		{name: "NEAR in capitals", query: "storm NEAR flood", wantMsg: `"NEAR" is no operator here: words match anywhere in the article, and side by side when quoted as a phrase (position 7)`, wantPos: 7},
		{name: "NEAR with a distance", query: `"tropical storm" NEAR/5 flood`, wantMsg: `"NEAR" is no operator here: words match anywhere in the article, and side by side when quoted as a phrase (position 18)`, wantPos: 18},
		{name: "Google's AROUND", query: "storm AROUND(3) flood", wantMsg: `"AROUND" is no operator here: words match anywhere in the article, and side by side when quoted as a phrase (position 7)`, wantPos: 7},
		{name: "a word of a required phrase excluded", query: `"north korea" -korea`, wantMsg: `korea is excluded, but every article that "north korea" matches has it, so the query could never match (position 15)`, wantPos: 15},
		{name: "a title word excluded everywhere", query: "title:kursk -kursk", wantMsg: "kursk is excluded, but every article that title:kursk matches has it, so the query could never match (position 13)", wantPos: 13},
		{name: "a quoted word excluded bare", query: `"kursk" NOT kursk`, wantMsg: `kursk is excluded, but every article that "kursk" matches has it, so the query could never match (position 9)`, wantPos: 9},
		{name: "characters of a required Han word excluded", query: "北朝鮮 -朝鮮", wantMsg: `"朝鮮" is excluded, but every article that "北朝鮮" matches has it, so the query could never match (position 5)`, wantPos: 5},
		{name: "a shorter prefix excluded", query: "kursk* -kurs*", wantMsg: "kurs* is excluded, but every article that kursk* matches has it, so the query could never match (position 8)", wantPos: 8},
		{name: "each side of a required OR excluded", query: "(kyiv OR lviv) -kyiv -lviv", wantMsg: "kyiv OR lviv is excluded, but every article that kyiv OR lviv matches has it, so the query could never match (position 16)", wantPos: 16},
		{name: "a group excluded with a required word in it", query: "kyiv -(kyiv OR lviv)", wantMsg: "kyiv OR lviv is excluded, but every article that kyiv matches has it, so the query could never match (position 6)", wantPos: 6},
		{name: "a phrase required and excluded in one OR side", query: `("red sea" -"red sea") OR suez`, wantMsg: `"red sea" is both required and excluded, so the query could never match (position 12)`, wantPos: 12},
		{name: "a scheme without its address", query: "kursk site:http://", wantMsg: `"site:" needs a source name or web address right after it (position 7)`, wantPos: 7},
		{name: "a scheme without its slashes", query: "source:https:", wantMsg: `"source:" needs a source name or web address right after it (position 1)`, wantPos: 1},
		{name: "too many terms", query: "a b c d e f g h i j k l m n o", wantMsg: "too many terms (15, at most 12)"},
		{name: "thirteen terms", query: `a "b c" ddd* title:e source:f g h i j k l m n`, wantMsg: "too many terms (13, at most 12)"},
		{name: "too long", query: strings.Repeat("x", 230), wantMsg: "query too long (230 characters, at most 200)"},
		{name: "too long counts characters, not bytes", query: strings.Repeat("é", 201), wantMsg: "query too long (201 characters, at most 200)"},
		{name: "too deeply nested", query: "a ((((b))))", wantMsg: "too deeply nested (at most 3 levels of parentheses) at position 6", wantPos: 6},
		// Operators and groups.
		{name: "OR at the start", query: "OR russia", wantMsg: `"OR" needs a word on both sides (position 1)`, wantPos: 1},
		{name: "OR at the end", query: "russia OR", wantMsg: `"OR" needs a word on both sides (position 8)`, wantPos: 8},
		{name: "two bars", query: "russia | | sport", wantMsg: `"|" needs a word on both sides (position 8)`, wantPos: 8},
		{name: "OR after an open parenthesis", query: "(OR a)", wantMsg: `"OR" needs a word on both sides (position 2)`, wantPos: 2},
		{name: "AND at the start", query: "AND a", wantMsg: `"AND" needs a word on both sides (position 1)`, wantPos: 1},
		{name: "AND at the end", query: "a AND", wantMsg: `"AND" needs a word on both sides (position 3)`, wantPos: 3},
		{name: "unmatched close", query: "a b)", wantMsg: `unmatched ")" at position 4`, wantPos: 4},
		{name: "unclosed open", query: "a (b c", wantMsg: `unclosed "(" at position 3`, wantPos: 3},
		{name: "empty parentheses", query: "a ()", wantMsg: "empty parentheses at position 3", wantPos: 3},
		// Words, prefixes and phrases.
		{name: "short prefix", query: "uk*", wantMsg: `a prefix needs at least 3 characters before "*" (position 1)`, wantPos: 1},
		{name: "bare star", query: "a *", wantMsg: `a prefix needs at least 3 characters before "*" (position 3)`, wantPos: 3},
		{name: "prefix of two words", query: "long-ter*", wantMsg: `a prefix before "*" must be a single word (position 1)`, wantPos: 1},
		{name: "star inside a word", query: "ab*cd", wantMsg: `"*" can only end a word (position 3)`, wantPos: 3},
		{name: "empty quotes", query: `a ""`, wantMsg: "nothing to match between the quotes at position 3", wantPos: 3},
		{name: "punctuation in quotes", query: `a "..."`, wantMsg: "nothing to match between the quotes at position 3", wantPos: 3},
		// Fields.
		{name: "title with nothing", query: "a title:", wantMsg: `"title:" needs a word, prefix or phrase right after it (position 3)`, wantPos: 3},
		{name: "title then space", query: "title: x", wantMsg: `"title:" takes its word right after it, without a space: title:x (position 1)`, wantPos: 1},
		{name: "title then space, a prefix", query: "kursk Title: ukrain*", wantMsg: `"title:" takes its word right after it, without a space: title:ukrain* (position 7)`, wantPos: 7},
		{name: "title then space, a phrase", query: "title: “north korea”", wantMsg: `"title:" takes its word right after it, without a space: title:"north korea" (position 1)`, wantPos: 1},
		{name: "title then space, punctuation", query: "title: &", wantMsg: `"title:" needs a word, prefix or phrase right after it (position 1)`, wantPos: 1},
		{name: "source then space", query: "source: Reuters", wantMsg: `"source:" takes its name right after it, without a space: source:Reuters (position 1)`, wantPos: 1},
		{name: "site then space", query: "a site: bbc.co.uk", wantMsg: `"site:" takes its name right after it, without a space: site:bbc.co.uk (position 3)`, wantPos: 3},
		{name: "source then space, a prefix", query: "source: reut*", wantMsg: `"source:" needs a source name or web address right after it (position 1)`, wantPos: 1},
		{name: "title with a group", query: "title:(a b)", wantMsg: `"title:" needs a word, prefix or phrase right after it (position 1)`, wantPos: 1},
		{name: "title of a field", query: "title:source:x", wantMsg: `"title:" needs a word, prefix or phrase right after it (position 1)`, wantPos: 1},
		{name: "title of punctuation", query: "title:&", wantMsg: `"title:" needs a word, prefix or phrase right after it (position 1)`, wantPos: 1},
		{name: "source with nothing", query: "source:", wantMsg: `"source:" needs a source name or web address right after it (position 1)`, wantPos: 1},
		{name: "source prefix", query: "a site:reut*", wantMsg: `"site:" needs a source name or web address right after it (position 3)`, wantPos: 3},
		// A field of search engines or social sites was a phrase that no article spells ("author kursk").
		{name: "a flag is one character", query: "🇺🇦 -", wantMsg: `"-" needs a word after it (position 3)`, wantPos: 3},
		{name: "a skin tone joins its emoji", query: "👍🏽 kursk (", wantMsg: `unclosed "(" at position 9`, wantPos: 9},
		{name: "a family of joined emoji is one character", query: "👨\u200d👩\u200d👧 kursk (", wantMsg: `unclosed "(" at position 9`, wantPos: 9},
		{name: "combining marks join their letter", query: "नमस्ते -", wantMsg: `"-" needs a word after it (position 6)`, wantPos: 6},
		{name: "a combining accent joins its letter", query: "cafe\u0301 te*st", wantMsg: `"*" can only end a word (position 8)`, wantPos: 8},
		{name: "positions count the characters seen", query: "\u200fkursk\u200f (", wantMsg: `unclosed "(" at position 7`, wantPos: 7},
		{name: "a prefix in a phrase", query: `kim "north kor*"`, wantMsg: `"*" does not work in a phrase: a prefix is one word ending in "*" (position 15)`, wantPos: 15},
		{name: "a star inside a phrase's word", query: `"phra* se"`, wantMsg: `"*" does not work in a phrase: a prefix is one word ending in "*" (position 6)`, wantPos: 6},
		{name: "a short quoted prefix", query: `"uk*"`, wantMsg: `a prefix needs at least 3 characters before "*" (position 1)`, wantPos: 1},
		{name: "an unknown field", query: "author:smith", wantMsg: `there is no "author:" field: a query has title:, source: and site: (position 1)`, wantPos: 1},
		{name: "an unknown field then space", query: "kursk From: bbc", wantMsg: `there is no "from:" field: a query has title:, source: and site: (position 7)`, wantPos: 7},
		{name: "an unknown field of an address", query: "kursk url:bbc.com", wantMsg: `there is no "url:" field: a query has title:, source: and site: (position 7)`, wantPos: 7},
		{name: "source of punctuation", query: "source:&", wantMsg: `"source:" needs a source name or web address right after it (position 1)`, wantPos: 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q, err := Parse(tt.query)
			if err == nil {
				t.Fatalf("Parse(%q) = %q, want error %q", tt.query, q, tt.wantMsg)
			}
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("Parse(%q) error %T, want *ParseError", tt.query, err)
			}
			if pe.Error() != tt.wantMsg || pe.Pos != tt.wantPos {
				t.Errorf("Parse(%q) error = %q at %d, want %q at %d", tt.query, pe.Error(), pe.Pos, tt.wantMsg, tt.wantPos)
			}
			if pe.Pos > 0 && !strings.Contains(pe.Msg, fmt.Sprint(pe.Pos)) {
				t.Errorf("message %q does not say where (%d)", pe.Msg, pe.Pos)
			}
		})
	}
}

func TestQueryKey(t *testing.T) {
	tests := []struct {
		name string
		a, b string
		same bool
	}{
		{name: "case and spaces", a: "Kursk  Deminers", b: "kursk deminers", same: true},
		{name: "diacritics", a: "Zélenskiy", b: "zelenskiy", same: true},
		{name: "bar and OR", a: "kursk | belgorod", b: "kursk OR belgorod", same: true},
		{name: "dash and NOT", a: "russia -sport", b: "russia AND NOT sport", same: true},
		{name: "site and source", a: "site:reuters.com", b: "source:Reuters.com", same: true},
		{name: "redundant parentheses", a: "(a b) c", b: "a b c", same: true},
		{name: "typographic quotes", a: "“north korea”", b: `"north korea"`, same: true},
		{name: "stemmed word differs from its text", a: "tariffs", b: "tariff", same: false},
		{name: "quoted differs from bare", a: `"tariffs"`, b: "tariffs", same: false},
		// The order of an AND's or OR's operands means nothing: "deminers kursk" was a second subscription beside
		// "kursk deminers".
		{name: "order of an AND", a: "kursk deminers", b: "deminers kursk", same: true},
		{name: "order of an OR and in groups", a: "(b OR a) -c d", b: "d NOT c (a | b)", same: true},
		{name: "order inside a phrase matters", a: `"north korea"`, b: `"korea north"`, same: false},
		{name: "title differs", a: "title:a", b: "a", same: false},
		// A user's "kursk kursk KURSK" was kept as kursk AND kursk AND
		// kursk, a subscription apart from kursk.
		{name: "repeated term of an AND", a: "kursk kursk KURSK", b: "kursk", same: true},
		{name: "repeated term among others", a: "kursk deminers Kursk", b: "kursk deminers", same: true},
		{name: "repeated operand of an OR", a: "kursk OR belgorod OR kursk", b: "kursk OR belgorod", same: true},
		{name: "repeated group", a: "(a OR b) c (a OR b)", b: "(a OR b) c", same: true},
		{name: "repeat inside a group", a: "a (b OR b)", b: "a b", same: true},
		{name: "repeated phrase word is no repeat", a: `"kursk kursk"`, b: "kursk", same: false},
		{name: "a repeated exclusion", a: "russia -sport -sport", b: "russia -sport", same: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			qa, errA := Parse(tt.a)
			qb, errB := Parse(tt.b)
			if errA != nil || errB != nil {
				t.Fatalf("Parse: %v, %v", errA, errB)
			}
			if got := qa.Key() == qb.Key(); got != tt.same {
				t.Errorf("Key(%q) = %q, Key(%q) = %q; same = %v, want %v", tt.a, qa.Key(), tt.b, qb.Key(), got, tt.same)
			}
		})
	}
}

func TestZeroQuery(t *testing.T) {
	var q Query
	d := NewDocument(Article{Title: "anything"})
	if q.Match(d) || q.String() != "" || q.Key() != "" || q.TermsMatch() != "" {
		t.Errorf("zero Query: Match %v, String %q, Key %q, TermsMatch %q", q.Match(d), q.String(), q.Key(), q.TermsMatch())
	}
}

// A subscription stored before NEAR was refused keeps loading and matching as it did.
func TestParseStoredKeepsNEAR(t *testing.T) {
	q, err := ParseStored("storm NEAR flood")
	if err != nil || q.String() != "storm AND near AND flood" {
		t.Fatalf("ParseStored = %v, %v; want storm AND near AND flood", q, err)
	}
}
