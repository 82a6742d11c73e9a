package query

import "slices"

// Scope is what a query requires of the source or address of every article it matches, read from its source: and
// site: terms, so that a store can read only the articles that may match (the articles of some sources, or at some
// hosts) among those it walks. A leaf is one term: the article's source has a name that passes Name (nil: no name
// does, as for site:.uk), or its URL's host (URLHost) is Host or follows one of Host's dots ("www.bbc.co.uk" is under
// "bbc.co.uk"; "": no host does). Otherwise an article must be in each scope of All, or (All empty) in one of Any.
// A scope is exact for what it tests: an article outside it is one the query does not match.
type Scope struct {
	Name func(name string) bool
	Host string
	All  []*Scope
	Any  []*Scope
}

// Scope returns what q requires of the source or address of the articles it matches; nil when it requires nothing of
// them: no source: or site: term is required (one inside an OR whose other branch has none, or under a NOT,
// requires nothing).
func (q *Query) Scope() *Scope {
	if q == nil || q.root == nil {
		return nil
	}
	return scopeOf(q.root)
}

func scopeOf(n *node) *Scope {
	switch n.kind {
	case nodeSource:
		c := &Scope{Host: n.host}
		if len(n.tokens) > 0 {
			c.Name = nameHas(n.tokens)
		}
		return c
	case nodeAnd:
		// Every required source or site term confines the AND.
		var all []*Scope
		for _, k := range n.kids {
			if c := scopeOf(k); c != nil {
				all = append(all, c)
			}
		}
		switch len(all) {
		case 0:
			return nil
		case 1:
			return all[0]
		}
		return &Scope{All: all}
	case nodeOr:
		or := make([]*Scope, len(n.kids))
		for i, k := range n.kids {
			if or[i] = scopeOf(k); or[i] == nil {
				return nil // a branch may match an article of any source
			}
		}
		return &Scope{Any: or}
	}
	return nil
}

// nameHas returns the test that a source's name holds the tokens want in order.
func nameHas(want []string) func(string) bool {
	return func(name string) bool {
		have := Terms(name)
		for i := 0; i+len(want) <= len(have); i++ {
			if slices.Equal(have[i:i+len(want)], want) {
				return true
			}
		}
		return false
	}
}

// Names returns the test that a source's configured name must pass for any of its articles to be in c, when c can
// be told by the source's name alone; nil when it cannot: c is nil, or tells some of its articles by their web
// address (a leaf with a Host that every article in c must pass or may pass). Within All, a scope that the name
// cannot tell is left out, so that the test still refuses only sources none of whose articles are in c.
func (c *Scope) Names() func(name string) bool {
	switch {
	case c == nil:
		return nil
	case len(c.All) > 0:
		var fs []func(string) bool
		for _, k := range c.All {
			if f := k.Names(); f != nil {
				fs = append(fs, f)
			}
		}
		return allOf(fs)
	case len(c.Any) > 0:
		fs := make([]func(string) bool, len(c.Any))
		for i, k := range c.Any {
			if fs[i] = k.Names(); fs[i] == nil {
				return nil
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
	case c.Host != "":
		return nil
	}
	return c.Name
}

// SourceFilter returns a test that a source's configured name must pass for any of its articles to match q, so
// that a search FTS5 cannot narrow (source:reuters alone) reads only those sources' articles; nil when q does not
// confine its matches to named sources: no source: term is required, or a required one has a dot (source:bbc.co.uk
// and site: also match by the article's web address, which the source's name does not tell: see Scope). The test is
// exact for the name: a source it refuses has no article that q matches.
func (q *Query) SourceFilter() func(name string) bool {
	return q.Scope().Names()
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
