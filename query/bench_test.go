package query

import (
	"fmt"
	"math/rand/v2"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/newshound/newshound/internal/querytest"
)

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
// (modeRefile); each packed (Index.Pack) once its queries are added, as the service's Load does.
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

func world(b testing.TB) *benchWorld {
	b.Helper()
	benchOnce.Do(func() {
		g := querytest.NewGenerator(1)
		w := &benchWorld{indexes: map[indexKey]*Index{}, bytesQ: map[indexKey]float64{}, refileT: map[int]time.Duration{}}
		for i := 0; i < 64; i++ {
			w.docs = append(w.docs, NewDocument(Article(g.Article())))
		}
		for len(w.texts) < benchMaxQueries {
			w.texts = append(w.texts, g.Query())
		}
		w.freq = sampleFrequencies(g, 1000)
		benchCache = w
	})
	return benchCache
}

// sampleFrequencies returns the share of n sample articles that contain each token or stem, as a store could
// compute from its recent articles; a term not in the sample gets half of one article's share.
func sampleFrequencies(g *querytest.Generator, n int) func(string) float64 {
	sample := make([]Article, n)
	for i := range sample {
		sample[i] = Article(g.Article())
	}
	return Frequencies(sample)
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
	ix.Pack() // as subscriptions' Service.Load does once it has added the stored queries
	if mode == modeRefile {
		// Articles other than the measured ones pass through Match, as a running service's would; then Refile.
		g := querytest.NewGenerator(3)
		for i := 0; i < 1000; i++ {
			ix.Match(NewDocument(Article(g.Article())))
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

// candidates returns how many stored queries Index.Match would evaluate for d without their checks (see checkOf),
// and how many it evaluates (reads the record of and runs the program; a pair check decides most without, see
// checkPair).
func (ix *Index) candidates(d *Document) (cands, evaluated int) {
	e := &evaluator{}
	e.reset(d, len(ix.terms))
	ix.lookUp(e)
	for _, t := range e.present {
		b := ix.lists[t].block
		for i, c := range ix.lists[t].checks {
			rec := b[ix.offs[t][i]:]
			nk := rec[recKeys]
			if nk == recStub {
				rec = ix.lists[rec[recIDLow]].block[rec[recIDHigh]:]
				nk = rec[recKeys]
			}
			if nk&recDead != 0 || (nk > 1 && e.earlierKey(rec[recHeader:recHeader+nk], t)) {
				continue
			}
			cands++
			check := uint32(c >> 32)
			if check&checkPair != 0 {
				// As Match decides a pair check: the record is read only when the other word's other stems may count.
				o := check & checkTerm
				if e.hits[t].stemWhere != 0 && (check&checkOther == 0 || e.foreign) &&
					!(e.has(o) && e.hits[o].stemWhere != 0) && check&checkEnglish != 0 && e.foreign {
					evaluated++
				}
			} else if check == 0 || e.has(check&checkTerm) || (check&checkEnglish != 0 && e.foreign) {
				evaluated++
			}
		}
	}
	return cands, evaluated
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
				cands, evaluated, matches := 0, 0, 0
				for _, d := range w.docs {
					c, ev := ix.candidates(d)
					cands, evaluated = cands+c, evaluated+ev
					matches += len(ix.Match(d))
				}
				b.ResetTimer()
				cpu := cpuTime()
				for i := 0; i < b.N; i++ {
					ix.Match(w.docs[i%len(w.docs)])
				}
				reportRates(b, cpu)
				b.ReportMetric(float64(cands)/float64(len(w.docs)), "candidates/article")
				b.ReportMetric(float64(evaluated)/float64(len(w.docs)), "evaluated/article")
				b.ReportMetric(float64(matches)/float64(len(w.docs)), "matches/article")
			})
		}
	}
}

// BenchmarkIndexMatchAppend measures articles/s as BenchmarkIndexMatch does, through Index.MatchAppend into one
// buffer reused from article to article, as a caller that matches a batch does (subscriptions' PlanAlerts).
func BenchmarkIndexMatchAppend(b *testing.B) {
	w := world(b)
	for _, mode := range benchModes {
		for _, size := range benchSizes {
			b.Run(benchName(size.name, mode), func(b *testing.B) {
				ix := w.index(size.n, mode)
				var buf []int64
				for _, d := range w.docs {
					buf = ix.MatchAppend(buf[:0], d)
				}
				b.ResetTimer()
				cpu := cpuTime()
				for i := 0; i < b.N; i++ {
					buf = ix.MatchAppend(buf[:0], w.docs[i%len(w.docs)])
				}
				reportRates(b, cpu)
			})
		}
	}
}

// reportRates reports articles per second of wall time and per second of the process's CPU time since cpu (with
// -cpu 1 that is one core's worth, and it holds still on a machine that others load, where wall time does not).
func reportRates(b *testing.B, cpu time.Duration) {
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
	if used := cpuTime() - cpu; used > 0 {
		b.ReportMetric(float64(b.N)/used.Seconds(), "articles/cpu-s")
	}
}

func mustParseBench(text string) *Query {
	q, err := Parse(text)
	if err != nil {
		panic(fmt.Sprintf("generated query %q: %v", text, err))
	}
	return q
}

// matchSink keeps the naive benchmark's matches from being optimised away.
var matchSink int

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
				n := 0
				for _, q := range qs {
					if q.Match(d) {
						n++
					}
				}
				matchSink += n
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
	g := querytest.NewGenerator(2)
	articles := make([]Article, 16)
	for i := range articles {
		articles[i] = Article(g.Article())
	}
	b.ResetTimer()
	cpu := cpuTime()
	for i := 0; i < b.N; i++ {
		NewDocument(articles[i%len(articles)])
	}
	reportRates(b, cpu)
}

// BenchmarkNewDocumentQuotes is BenchmarkNewDocument with the typography of news text: a word in
// every twelve in curly quotes, a dash after one in thirty (folded without the transformers: foldSimple).
func BenchmarkNewDocumentQuotes(b *testing.B) {
	g := querytest.NewGenerator(2)
	articles := make([]Article, 16)
	for i := range articles {
		articles[i] = Article(g.Article())
		words := strings.Fields(articles[i].Text)
		for k := range words {
			switch {
			case k%12 == 5:
				words[k] = "“" + words[k] + "”"
			case k%30 == 17:
				words[k] += " —"
			}
		}
		articles[i].Text = strings.Join(words, " ")
	}
	b.ResetTimer()
	cpu := cpuTime()
	for i := 0; i < b.N; i++ {
		NewDocument(articles[i%len(articles)])
	}
	reportRates(b, cpu)
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

// mixedDocs returns the benchmark's articles as a stream that mixes five languages, article by article: English as
// generated, and German, French, Spanish and Russian versions in which each English stop word becomes a stop word
// of that language (so that the article is read in it and its words are stemmed by its Snowball stemmer) and, for
// Russian, every word is transliterated into Cyrillic.
func mixedDocs(b *testing.B) []*Document {
	b.Helper()
	var docs []*Document
	for _, a := range mixedArticles() {
		docs = append(docs, NewDocument(a))
	}
	return docs
}

func mixedArticles() []Article {
	g := querytest.NewGenerator(1)
	stops := [][]string{
		nil,
		strings.Fields("der die das und ist nicht mit von auf sich"),
		strings.Fields("le la les et des dans pour que qui sur"),
		strings.Fields("el los las y del en por con para como"),
		strings.Fields("в и на не что по из за от для"),
	}
	cyr := strings.NewReplacer("a", "а", "b", "б", "c", "ц", "d", "д", "e", "е", "f", "ф", "g", "г", "h", "х", "i",
		"и", "j", "й", "k", "к", "l", "л", "m", "м", "n", "н", "o", "о", "p", "п", "q", "к", "r", "р", "s", "с", "t",
		"т", "u", "у", "v", "в", "w", "в", "x", "кс", "y", "ы", "z", "з")
	var out []Article
	for i := 0; i < 64; i++ {
		a := Article(g.Article())
		lang := i % len(stops)
		if lang > 0 {
			translate := func(s string) string {
				ws := strings.Fields(s)
				for j, w := range ws {
					if stopWords[strings.ToLower(w)].has(langEnglish) {
						ws[j] = stops[lang][j%len(stops[lang])]
					} else if lang == 4 {
						ws[j] = cyr.Replace(strings.ToLower(w))
					}
				}
				return strings.Join(ws, " ")
			}
			a.Title, a.Text = translate(a.Title), translate(a.Text)
		}
		out = append(out, a)
	}
	return out
}

// BenchmarkIndexMatchMixed measures articles/s through Index.Match (given document frequencies, /freq) for a stream
// in five languages (see mixedDocs), beside BenchmarkIndexMatch's English one.
func BenchmarkIndexMatchMixed(b *testing.B) {
	w := world(b)
	docs := mixedDocs(b)
	for _, size := range benchSizes {
		b.Run(benchName(size.name, modeFreq), func(b *testing.B) {
			ix := w.index(size.n, modeFreq)
			b.ResetTimer()
			cpu := cpuTime()
			for i := 0; i < b.N; i++ {
				ix.Match(docs[i%len(docs)])
			}
			reportRates(b, cpu)
		})
	}
}

// BenchmarkNewDocumentMixed measures tokenizing an 800-word article of the five-language stream, whose German,
// French, Spanish and Russian articles are stemmed by Snowball rather than by Stem.
func BenchmarkNewDocumentMixed(b *testing.B) {
	articles := mixedArticles()
	b.ResetTimer()
	cpu := cpuTime()
	for i := 0; i < b.N; i++ {
		NewDocument(articles[i%len(articles)])
	}
	reportRates(b, cpu)
}

// BenchmarkSortMatches measures sorting and removing repeats from 7,100 ids drawn from a million, about what an
// article's matches are at 1M stored queries: sortUnique (a bitset over their span) against the radix sort.
func BenchmarkSortMatches(b *testing.B) {
	rng := rand.New(rand.NewPCG(1, 2))
	var in [16][]int64
	for j := range in {
		in[j] = make([]int64, 7100)
		for i := range in[j] {
			in[j][i] = rng.Int64N(1_000_000)
		}
	}
	work := make([]int64, 7100)
	var buf []int64
	b.Run("bitset", func(b *testing.B) {
		var set idSet
		for i := 0; i < b.N; i++ {
			copy(work, in[i%len(in)])
			sortSink += len(sortUnique(work, &set, &buf))
		}
	})
	b.Run("radix", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			copy(work, in[i%len(in)])
			sortIDs(work, &buf)
			sortSink += len(slices.Compact(work))
		}
	})
}

var sortSink int
