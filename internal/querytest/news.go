// Package querytest makes a news-like world of articles and subscription queries for the query engine's
// benchmarks and for the benchmarks of the services built on it. It does not import the engine, so that the
// engine's own tests can use it: its Article is the domain's news.Article, which the engine matches.
package querytest

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strings"

	"github.com/newshound/newshound/news"
)

// Generator makes a news-like world for the benchmarks:
//
//   - 5,000 general words ranked by frequency: the 120 commonest are real English words ("the", "of", "said", …),
//     the rest are made up, longer the rarer (4–7 letters near rank 120, 9–12 near rank 5,000), as in English;
//   - 3,000 names (people, places, organisations), made up, 4–10 letters, capitalised.
//
// An article has a 12-word title and an 800-word text: general words drawn by a Zipf law (s = 1) over the 5,000,
// and 3–6 names, each mentioned a few times, drawn by a Zipf law (s = 0.8) over the 3,000. A query is 1–4 terms,
// mostly names (drawn by a flatter Zipf law, s = 0.6: a long tail of interests), with general words only from rank
// 300 on and mostly beside a name; some are phrases, ORs, NOTs, prefixes and title: terms (see Query). Most queries
// match no given article.
type Generator struct {
	rng     *rand.Rand
	general []string
	names   []string
	sources []string
}

// NewGenerator returns a generator of articles and queries drawn by seed over one vocabulary, the same for every
// seed.
func NewGenerator(seed uint64) *Generator {
	g := &Generator{rng: rand.New(rand.NewPCG(1, 0x5eed))} // the vocabulary's seed
	common := strings.Fields(`the of and to a in that is for it on was with he as at by said his be from have has are
		an not its but they this who were had been will which their would more after also about one new two first over
		year when people into than last up out other some there can all what her we or no she time could only years
		government like world state just president police minister country told since against three week news million
		percent city under while before between most during because may where officials public how former national
		military security day group report say war number part any well still told health back including` +
		` attack court election market`)
	seen := map[string]bool{}
	for _, w := range common {
		if !seen[w] {
			seen[w] = true
			g.general = append(g.general, w)
		}
	}
	for rank := len(g.general); len(g.general) < 5000; rank++ {
		n := 4 + int(math.Log2(float64(rank)/100)) + g.rng.IntN(4)
		if w := g.madeUp(n); !seen[w] {
			seen[w] = true
			g.general = append(g.general, w)
		}
	}
	for len(g.names) < 3000 {
		w := g.madeUp(4 + g.rng.IntN(7))
		if !seen[w] {
			seen[w] = true
			g.names = append(g.names, strings.ToUpper(w[:1])+w[1:])
		}
	}
	for i := 0; i < 20; i++ {
		g.sources = append(g.sources, g.names[g.rng.IntN(len(g.names))]+" News")
	}
	if seed != 1 {
		g.rng = rand.New(rand.NewPCG(seed, 0x5eed))
	}
	return g
}

// madeUp returns a pronounceable lower-case word of about n letters.
func (g *Generator) madeUp(n int) string {
	const consonants, vowels = "bcdfghklmnprstvz", "aeiou"
	var b strings.Builder
	for b.Len() < n {
		b.WriteByte(consonants[g.rng.IntN(len(consonants))])
		b.WriteByte(vowels[g.rng.IntN(len(vowels))])
	}
	return b.String()[:n]
}

// zipfRank draws a rank in [0, n) with probability proportional to (rank+1)^-s.
func (g *Generator) zipfRank(n int, s float64) int {
	u := g.rng.Float64()
	var x float64
	if s == 1 {
		x = math.Pow(float64(n+1), u)
	} else {
		x = math.Pow((math.Pow(float64(n+1), 1-s)-1)*u+1, 1/(1-s))
	}
	return min(max(int(x)-1, 0), n-1)
}

// Article is a generated article: the domain's article with a title, a
// text, a source name and a URL.
type Article = news.Article

// Article returns the next article.
func (g *Generator) Article() Article {
	names := make([]string, 3+g.rng.IntN(4))
	for i := range names {
		names[i] = g.names[g.zipfRank(len(g.names), 0.8)]
	}
	words := func(n int, nameShare float64) string {
		var b strings.Builder
		for i := 0; i < n; i++ {
			if i > 0 {
				if g.rng.IntN(15) == 0 {
					b.WriteString(". ")
				} else {
					b.WriteByte(' ')
				}
			}
			if g.rng.Float64() < nameShare {
				b.WriteString(names[g.rng.IntN(len(names))])
			} else {
				b.WriteString(g.general[g.zipfRank(len(g.general), 1)])
			}
		}
		return b.String()
	}
	s := g.rng.IntN(len(g.sources))
	return Article{
		Title:      words(12, 0.2),
		Text:       words(800, 0.02),
		SourceName: g.sources[s],
		URL:        fmt.Sprintf("https://www.source%d.example/news/%d", s, g.rng.IntN(1e6)),
	}
}

func (g *Generator) name() string { return g.names[g.zipfRank(len(g.names), 0.6)] }

func (g *Generator) word() string { return g.general[300+g.zipfRank(len(g.general)-300, 0.6)] }

// prefix returns a word start as people subscribe to them ("ukrain*", "zelensk*"): mostly of names.
func (g *Generator) prefix() string {
	w := strings.ToLower(g.name())
	if g.rng.IntN(5) == 0 {
		w = g.word()
	}
	return w[:min(len(w), 5+g.rng.IntN(3))] + "*"
}

// Query returns the next subscription, as a user might write it.
func (g *Generator) Query() string {
	switch r := g.rng.IntN(100); {
	case r < 35:
		return g.name()
	case r < 42:
		return `"` + g.name() + " " + g.name() + `"`
	case r < 60:
		return g.name() + " " + g.word()
	case r < 66:
		return g.word() + " " + g.word()
	case r < 74:
		return g.name() + " OR " + g.name() + " OR " + g.name()
	case r < 81:
		return g.name() + " -" + g.word()
	case r < 86:
		return g.prefix()
	case r < 90:
		return "title:" + g.name()
	case r < 95:
		return g.name() + " (" + g.word() + " OR " + g.word() + ") -" + g.word()
	}
	return `"` + g.word() + " " + g.word() + `" ` + g.name() + " -title:" + g.word()
}
