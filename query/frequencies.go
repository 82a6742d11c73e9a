package query

// Frequencies returns, for the index's term choice, the share of the sample
// articles that contain each term (a token of Terms or its Stem). A term
// absent from the sample gets half of one article's share, so it still counts
// as rare rather than unknown. It returns nil for an empty sample: the index
// then falls back to its own heuristic.
func Frequencies(sample []Article) func(term string) float64 {
	if len(sample) == 0 {
		return nil
	}
	df := map[string]int{}
	for _, a := range sample {
		d := NewDocument(a)
		for _, t := range d.tokens {
			df[t]++
		}
		for _, s := range d.stems {
			if _, ok := d.byToken.find(s, d.tokens); !ok {
				df[s]++
			}
		}
	}
	n := float64(len(sample))
	return func(term string) float64 { return (float64(df[term]) + 0.5) / n }
}
