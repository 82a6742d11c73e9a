package query

import "slices"

// SourceFilter returns a test that a source's configured name must pass for any of its articles to match q, so
// that a search FTS5 cannot narrow (source:reuters alone) reads only those sources' articles; nil when q does not
// confine its matches to named sources: no source: term is required, or a required one has a dot (source:bbc.co.uk
// and site: also match by the article's web address, which the source's name does not tell). The test is exact for
// the name: a source it refuses has no article that q matches.
func (q *Query) SourceFilter() func(name string) bool {
	if q == nil || q.root == nil {
		return nil
	}
	return sourceFilter(q.root)
}

func sourceFilter(n *node) func(string) bool {
	switch n.kind {
	case nodeSource:
		if n.host != "" {
			return nil
		}
		want := n.tokens
		return func(name string) bool {
			have := Terms(name)
			for i := 0; i+len(want) <= len(have); i++ {
				if slices.Equal(have[i:i+len(want)], want) {
					return true
				}
			}
			return false
		}
	case nodeAnd:
		// Any required source term confines the AND; several confine it to all of them.
		var fs []func(string) bool
		for _, k := range n.kids {
			if f := sourceFilter(k); f != nil {
				fs = append(fs, f)
			}
		}
		return allOf(fs)
	case nodeOr:
		fs := make([]func(string) bool, len(n.kids))
		for i, k := range n.kids {
			if fs[i] = sourceFilter(k); fs[i] == nil {
				return nil // a branch may match an article of any source
			}
		}
		return func(name string) bool {
			for _, f := range fs {
				if f(name) {
					return true
				}
			}
			return false
		}
	}
	return nil
}

func allOf(fs []func(string) bool) func(string) bool {
	if len(fs) == 0 {
		return nil
	}
	return func(name string) bool {
		for _, f := range fs {
			if !f(name) {
				return false
			}
		}
		return true
	}
}
