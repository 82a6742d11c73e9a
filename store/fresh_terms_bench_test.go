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
		if err := f.update(drop, through, rows); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(5*b.N), "µs/article")
}

// BenchmarkFreshTermsMatches: what a read pays to match the AND of twelve
// groups of six terms (twelve broad prefixes as the preview expands them)
// in the in-memory index of the waiting articles, after 2,000 reads each
// entered one article of about 600 words, a batch moving through every
// "batch" articles (a running bot's: an article every few seconds, a batch
// every IndexDelay; 256: a burst).
func BenchmarkFreshTermsMatches(b *testing.B) {
	var groups []string
	for g := range 12 {
		var terms []string
		for t := range 6 {
			terms = append(terms, fmt.Sprintf(`"w%d"`, g*300+t*7+1))
		}
		groups = append(groups, "("+strings.Join(terms, " OR ")+")")
	}
	match := strings.Join(groups, " AND ")
	for _, batch := range []int{4, 32, 256} {
		b.Run(fmt.Sprintf("batch=%d", batch), func(b *testing.B) {
			f, err := newFreshTerms()
			if err != nil {
				b.Fatal(err)
			}
			defer f.close()
			var id, through, prev int64
			for i := range 2000 {
				var words strings.Builder
				for j := range 600 {
					fmt.Fprintf(&words, "w%d ", (i*131+j*7919)%5000)
				}
				id++
				drop := int64(0)
				if id-through > int64(batch) {
					prev, through = through, id-1
					drop = prev
				}
				row := termsRow{id, query.IndexColumns(news.Article{Title: "Police", Text: words.String()})}
				if err := f.update(drop, through, []termsRow{row}); err != nil {
					b.Fatal(err)
				}
			}
			var n int
			b.ResetTimer()
			for range b.N {
				ids, err := f.matches(match, through+1, id)
				if err != nil {
					b.Fatal(err)
				}
				n = len(ids)
			}
			b.ReportMetric(float64(n), "matches")
		})
	}
}
