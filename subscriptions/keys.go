package subscriptions

import (
	"unicode/utf8"

	"github.com/kljensen/snowball/english"
)

// keyTerm is a term under which a query is filed.
type keyTerm struct {
	ns namespace
	s  string
}

// keysOf returns terms of which every article matching n contains at least one, and the estimated share of
// articles that contain any of them; ok is false when there are none (a NOT, or an OR with a NOT-only branch).
// For an AND the cheapest child is enough; for an OR every branch must be covered.
func (ix *Index) keysOf(n *node) (keys []keyTerm, cost float64, ok bool) {
	switch n.kind {
	case nodeWord:
		return []keyTerm{{nsWord, n.stem}}, ix.cost(nsWord, n.stem), true
	case nodePrefix:
		return []keyTerm{{nsPrefix, n.tokens[0]}}, ix.cost(nsPrefix, n.tokens[0]), true
	case nodePhrase:
		best := ""
		cost = 2
		for _, t := range n.tokens {
			if c := ix.cost(nsWord, t); c < cost {
				best, cost = t, c
			}
		}
		return []keyTerm{{nsWord, best}}, cost, true
	case nodeSource:
		best := ""
		cost = 2
		for _, t := range n.tokens {
			if c := ix.cost(nsSource, t); c < cost {
				best, cost = t, c
			}
		}
		keys = []keyTerm{{nsSource, best}}
		if n.host != "" {
			keys = append(keys, keyTerm{nsHost, n.host})
			cost += ix.cost(nsHost, n.host)
		}
		return keys, cost, true
	case nodeAnd:
		cost = 1e9
		for _, k := range n.kids {
			if kk, c, kok := ix.keysOf(k); kok && c < cost {
				keys, cost, ok = kk, c, true
			}
		}
		return keys, cost, ok
	case nodeOr:
		for _, k := range n.kids {
			kk, c, kok := ix.keysOf(k)
			if !kok {
				return nil, 0, false
			}
			for _, t := range kk {
				if !containsKey(keys, t) {
					keys = append(keys, t)
				}
			}
			cost += c
		}
		return keys, cost, true
	}
	return nil, 0, false
}

func containsKey(keys []keyTerm, k keyTerm) bool {
	for _, x := range keys {
		if x == k {
			return true
		}
	}
	return false
}

// cost estimates the share of articles that contain a term. Without a frequency for it, longer words count as
// rarer (a word of 3 letters ~11%, of 8 ~1.6%), stop words as near certain, prefixes as 4 times commoner than a
// word as long, and a source or host as a fixed 5% (few sources publish more than that of all articles).
func (ix *Index) cost(ns namespace, s string) float64 {
	if ns == nsWord && ix.freq != nil {
		if f := ix.freq(s); f >= 0 {
			return f
		}
	}
	n := float64(utf8.RuneCountInString(s))
	switch ns {
	case nsWord:
		if english.IsStopWord(s) {
			return 0.9
		}
		return min(0.9, 1/(n*n))
	case nsPrefix:
		return min(0.95, 4/(n*n))
	}
	return 0.05
}
