package store

import "testing"

// BenchmarkUnpackNewsText reads 40 realnews articles packed as stored (their
// text, an eighth of it as summary) as a query's rows scan them: the
// preview's 20 articles are two ops.
func BenchmarkUnpackNewsText(b *testing.B) {
	var packed [][]byte
	var summaries []any
	for i, text := range realnewsTexts(b) {
		if i == 40 {
			break
		}
		textCol, summaryCol := packArticle(text, text[:len(text)/8])
		if p, ok := textCol.([]byte); ok {
			packed, summaries = append(packed, p), append(summaries, summaryCol)
		}
	}
	for b.Loop() {
		for i, p := range packed {
			var text, summary string
			col := newArticleText(&text, &summary)
			if err := col.Text.Scan(p); err != nil {
				b.Fatal(err)
			}
			if err := col.Summary.Scan(summaries[i]); err != nil {
				b.Fatal(err)
			}
			if err := col.set(); err != nil {
				b.Fatal(err)
			}
		}
	}
}
