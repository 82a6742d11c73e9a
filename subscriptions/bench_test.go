package subscriptions

import (
	"fmt"
	"math"
	"math/rand/v2"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"
)

// newsGen makes a news-like world for the benchmarks:
//
//   - 5,000 general words ranked by frequency: the 120 commonest are real English words ("the", "of", "said", …),
//     the rest are made up, longer the rarer (4–7 letters near rank 120, 9–12 near rank 5,000), as in English;
//   - 3,000 names (people, places, organisations), made up, 4–10 letters, capitalised.
//
// An article has a 12-word title and an 800-word text: general words drawn by a Zipf law (s = 1) over the 5,000,
// and 3–6 names, each mentioned a few times, drawn by a Zipf law (s = 0.8) over the 3,000. A query is 1–4 terms,
// mostly names (drawn by a flatter Zipf law, s = 0.6: a long tail of interests), with general words only from rank
// 300 on and mostly beside a name; some are phrases, ORs, NOTs, prefixes and title: terms (see query). Most queries
// match no given article.
type newsGen struct {
	rng     *rand.Rand
	general []string
	names   []string
	sources []string
}

// newNewsGen returns a generator of articles and queries drawn by seed over one vocabulary, the same for every
// seed.
func newNewsGen(seed uint64) *newsGen {
	g := &newsGen{rng: rand.New(rand.NewPCG(1, 0x5eed))} // the vocabulary's seed
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
func (g *newsGen) madeUp(n int) string {
	const consonants, vowels = "bcdfghklmnprstvz", "aeiou"
	var b strings.Builder
	for b.Len() < n {
		b.WriteByte(consonants[g.rng.IntN(len(consonants))])
		b.WriteByte(vowels[g.rng.IntN(len(vowels))])
	}
	return b.String()[:n]
}

// zipfRank draws a rank in [0, n) with probability proportional to (rank+1)^-s.
func (g *newsGen) zipfRank(n int, s float64) int {
	u := g.rng.Float64()
	var x float64
	if s == 1 {
		x = math.Pow(float64(n+1), u)
	} else {
		x = math.Pow((math.Pow(float64(n+1), 1-s)-1)*u+1, 1/(1-s))
	}
	return min(max(int(x)-1, 0), n-1)
}

func (g *newsGen) article() Article {
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
		Title:  words(12, 0.2),
		Text:   words(800, 0.02),
		Source: g.sources[s],
		URL:    fmt.Sprintf("https://www.source%d.example/news/%d", s, g.rng.IntN(1e6)),
	}
}

func (g *newsGen) name() string { return g.names[g.zipfRank(len(g.names), 0.6)] }

func (g *newsGen) word() string { return g.general[300+g.zipfRank(len(g.general)-300, 0.6)] }

// prefix returns a word start as people subscribe to them ("ukrain*", "zelensk*"): mostly of names.
func (g *newsGen) prefix() string {
	w := strings.ToLower(g.name())
	if g.rng.IntN(5) == 0 {
		w = g.word()
	}
	return w[:min(len(w), 5+g.rng.IntN(3))] + "*"
}

// query returns a subscription as a user might write it.
func (g *newsGen) query() string {
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

// benchWorld is built once per test binary: the benchmarks share its articles, queries and indexes (building the
// index of a million queries takes seconds).
//
// It keeps query texts, not parsed queries: a million parsed trees would sit in the heap that the garbage
// collector scans during the Index benchmarks, which a service holding only the Index does not have.
type benchWorld struct {
	docs  []*Document
	texts []string
	freq  func(string) float64 // document frequencies in a sample of other articles

	mu      sync.Mutex
	indexes map[indexKey]*Index
	bytesQ  map[indexKey]float64 // index heap per query, measured when the index was built
	refileT map[int]time.Duration
}

// indexKey names a benchmark index: the first n queries, filed by NewIndex's heuristic (mode ""), with document
// frequencies from a sample (modeFreq), or by NewIndex and then Refile after matching training articles
// (modeRefile).
type indexKey struct {
	n    int
	mode string
}

const (
	modeFreq   = "freq"
	modeRefile = "refile"
)

var benchModes = []string{"", modeFreq, modeRefile}

var (
	benchOnce  sync.Once
	benchCache *benchWorld
)

const benchMaxQueries = 1_000_000

func world(b *testing.B) *benchWorld {
	b.Helper()
	benchOnce.Do(func() {
		g := newNewsGen(1)
		w := &benchWorld{indexes: map[indexKey]*Index{}, bytesQ: map[indexKey]float64{}, refileT: map[int]time.Duration{}}
		for i := 0; i < 64; i++ {
			w.docs = append(w.docs, NewDocument(g.article()))
		}
		for len(w.texts) < benchMaxQueries {
			w.texts = append(w.texts, g.query())
		}
		w.freq = sampleFrequencies(g, 1000)
		benchCache = w
	})
	return benchCache
}

// sampleFrequencies returns the share of n sample articles that contain each token or stem, as a store could
// compute from its recent articles; a term not in the sample gets half of one article's share.
func sampleFrequencies(g *newsGen, n int) func(string) float64 {
	df := map[string]int{}
	for i := 0; i < n; i++ {
		d := NewDocument(g.article())
		for t := range d.byToken {
			df[t]++
		}
		for s := range d.byStem {
			if _, ok := d.byToken[s]; !ok {
				df[s]++
			}
		}
	}
	return func(term string) float64 { return (float64(df[term]) + 0.5) / float64(n) }
}

// index returns the index of the first n queries in the given mode, building it (and measuring its heap) on first
// use.
func (w *benchWorld) index(n int, mode string) *Index {
	w.mu.Lock()
	defer w.mu.Unlock()
	key := indexKey{n, mode}
	if ix, ok := w.indexes[key]; ok {
		return ix
	}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	ix := NewIndex()
	if mode == modeFreq {
		ix = NewIndexWithFrequencies(w.freq)
	}
	for i, text := range w.texts[:n] {
		ix.Add(int64(i), mustParseBench(text))
	}
	if mode == modeRefile {
		// Articles other than the measured ones pass through Match, as a running service's would; then Refile.
		g := newNewsGen(3)
		for i := 0; i < 1000; i++ {
			ix.Match(NewDocument(g.article()))
		}
		start := time.Now()
		ix.Refile()
		w.refileT[n] = time.Since(start)
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	w.indexes[key] = ix
	w.bytesQ[key] = float64(int64(after.HeapInuse)-int64(before.HeapInuse)) / float64(n)
	return ix
}

func benchName(size, mode string) string {
	if mode == "" {
		return size
	}
	return size + "/" + mode
}

var benchSizes = []struct {
	name string
	n    int
}{{"1k", 1_000}, {"10k", 10_000}, {"100k", 100_000}, {"1M", 1_000_000}}

// candidates returns how many stored queries Index.Match evaluates for d.
func (ix *Index) candidates(d *Document) int {
	e := &evaluator{}
	e.reset(d, len(ix.terms))
	ix.lookUp(e)
	n := 0
	for _, id := range e.present {
		n += len(ix.postings[id])
	}
	return n
}

// BenchmarkIndexMatch measures articles/s through Index.Match (documents tokenized beforehand), for an index that
// files queries by NewIndex's length heuristic, one given document frequencies (NewIndexWithFrequencies, /freq),
// and one refiled after matching 1,000 training articles (NewIndex then Refile, /refile).
func BenchmarkIndexMatch(b *testing.B) {
	w := world(b)
	for _, mode := range benchModes {
		for _, size := range benchSizes {
			b.Run(benchName(size.name, mode), func(b *testing.B) {
				ix := w.index(size.n, mode)
				cands, matches := 0, 0
				for _, d := range w.docs {
					cands += ix.candidates(d)
					matches += len(ix.Match(d))
				}
				b.ResetTimer()
				for i := 0; i < b.N; i++ {
					ix.Match(w.docs[i%len(w.docs)])
				}
				b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
				b.ReportMetric(float64(cands)/float64(len(w.docs)), "candidates/article")
				b.ReportMetric(float64(matches)/float64(len(w.docs)), "matches/article")
			})
		}
	}
}

func mustParseBench(text string) *Query {
	q, err := Parse(text)
	if err != nil {
		panic(fmt.Sprintf("generated query %q: %v", text, err))
	}
	return q
}

// BenchmarkNaiveMatch measures articles/s when every compiled query is evaluated against the same Documents.
func BenchmarkNaiveMatch(b *testing.B) {
	w := world(b)
	for _, size := range benchSizes {
		b.Run(size.name, func(b *testing.B) {
			qs := make([]*Query, size.n)
			for i, text := range w.texts[:size.n] {
				qs[i] = mustParseBench(text)
			}
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				d := w.docs[i%len(w.docs)]
				var out []int64
				for id, q := range qs {
					if q.Match(d) {
						out = append(out, int64(id))
					}
				}
			}
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
		})
	}
}

// BenchmarkIndexMemory reports the heap that an Index holds per stored query.
func BenchmarkIndexMemory(b *testing.B) {
	w := world(b)
	for _, size := range benchSizes[2:] {
		for _, mode := range benchModes {
			b.Run(benchName(size.name, mode), func(b *testing.B) {
				w.index(size.n, mode)
				for i := 0; i < b.N; i++ {
				}
				b.ReportMetric(w.bytesQ[indexKey{size.n, mode}], "bytes/query")
			})
		}
	}
}

// BenchmarkRefile reports how long Refile took on the /refile index of each size (timed once, when built).
func BenchmarkRefile(b *testing.B) {
	w := world(b)
	for _, size := range benchSizes[2:] {
		b.Run(size.name, func(b *testing.B) {
			w.index(size.n, modeRefile)
			for i := 0; i < b.N; i++ {
			}
			b.ReportMetric(w.refileT[size.n].Seconds(), "s/refile")
		})
	}
}

// BenchmarkLoad measures parsing and indexing 100k query strings.
func BenchmarkLoad(b *testing.B) {
	w := world(b)
	texts := w.texts[:100_000]
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		ix := NewIndex()
		for id, text := range texts {
			q, err := Parse(text)
			if err != nil {
				b.Fatal(err)
			}
			ix.Add(int64(id), q)
		}
	}
	b.ReportMetric(b.Elapsed().Seconds()/float64(b.N), "s/100k-queries")
}

// BenchmarkNewDocument measures tokenizing an 800-word article (title, text, source, URL) into a Document.
func BenchmarkNewDocument(b *testing.B) {
	g := newNewsGen(2)
	articles := make([]Article, 16)
	for i := range articles {
		articles[i] = g.article()
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		NewDocument(articles[i%len(articles)])
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
}

// BenchmarkParse measures compiling one query string.
func BenchmarkParse(b *testing.B) {
	w := world(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := Parse(w.texts[i%len(w.texts)]); err != nil {
			b.Fatal(err)
		}
	}
}
