package store

import (
	"fmt"
	"strings"
	"testing"

	"github.com/newshound/newshound/news"
	"github.com/newshound/newshound/query"
)

// BenchmarkFreshTermsUpdate: what a read pays to enter in the in-memory
// index of the waiting articles the five of about 800 words that one fetch
// stored since the read before, a batch moving through every 256 articles
// (the rows up to the batch before dropped then).
func BenchmarkFreshTermsUpdate(b *testing.B) {
	f, err := newFreshTerms()
	if err != nil {
		b.Fatal(err)
	}
	defer f.close()
	var words strings.Builder
	for i := range 800 {
		fmt.Fprintf(&words, "w%d ", (i*7919)%3000)
		if i%12 == 11 {
			words.WriteString("the police said. ")
		}
	}
	cols := query.IndexColumns(news.Article{Title: "Police and the harbour", Text: words.String()})
	var id, through, prev int64
	b.ResetTimer()
	for range b.N {
		rows := make([]termsRow, 5)
		for j := range rows {
			id++
			rows[j] = termsRow{id, cols}
		}
		drop := int64(0)
		if id-through >= int64(indexBatch) {
			prev, through = through, id
			drop = prev
		}
		if err := f.update(drop, rows); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(5*b.N), "µs/article")
}
