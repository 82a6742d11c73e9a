package summarize

import (
	"context"
	"math/rand/v2"
	"strings"
	"testing"
)

// streamArticles makes n articles the way cmd/fill's corpus does: words of
// a Zipf-distributed 30,000-word vocabulary with English function words
// between them, about 280 words an article, sentences of 8 to 21 words.
func streamArticles(n int) []Input {
	rnd := rand.New(rand.NewPCG(7, 8))
	syll := strings.Fields("ka lo mi ne ru sa ti vo ber dan gor hel jun mar pol sen tor vin zel quo")
	var vocab []string
	for len(vocab) < 30000 {
		var b strings.Builder
		for range 2 + rnd.IntN(3) {
			b.WriteString(syll[rnd.IntN(len(syll))])
		}
		vocab = append(vocab, b.String())
	}
	zipf := rand.NewZipf(rnd, 1.07, 2, uint64(len(vocab)-1))
	function := strings.Fields("the the the the of of of and and and to to in in a a is that for on was with said by as at from has have it")
	out := make([]Input, n)
	for i := range out {
		title := make([]string, 8)
		for k := range title {
			title[k] = vocab[zipf.Uint64()]
		}
		var text strings.Builder
		for text.Len() < 280*7 {
			words := 8 + rnd.IntN(14)
			for k := range words {
				w := vocab[zipf.Uint64()]
				if k == 0 {
					w = strings.ToUpper(w[:1]) + w[1:]
				}
				text.WriteString(w)
				if k < words-1 {
					text.WriteByte(' ')
					if rnd.IntN(3) == 0 {
						text.WriteString(function[rnd.IntN(len(function))] + " ")
					}
				}
			}
			text.WriteString(". ")
		}
		out[i] = Input{Title: strings.Join(title, " "), Text: text.String(), Source: "stream"}
	}
	return out
}

// BenchmarkSummarizeStream summarises a stream of 2,000 different articles
// of a large vocabulary, one after the other on one goroutine, as the
// poller's workers do (BenchmarkSummarize800Words repeats one article,
// whose words stay in the caches). It reports summaries per second of CPU
// time of the process.
func BenchmarkSummarizeStream(b *testing.B) {
	in := streamArticles(2000)
	s := mustNew(b, Options{})
	ctx := context.Background()
	for _, a := range in { // every word of the stream seen once, as after a while in a running bot
		s.Summarize(ctx, a)
	}
	b.ReportAllocs()
	b.ResetTimer()
	cpu := processCPUSeconds()
	for i := 0; b.Loop(); i++ {
		if s.Summarize(ctx, in[i%len(in)]) == "" {
			b.Fatal("empty summary")
		}
	}
	cpu = processCPUSeconds() - cpu
	if cpu > 0 {
		b.ReportMetric(float64(b.N)/cpu, "summaries/cpu-s")
	}
}
