package query

import (
	"strings"
	"sync"
)

// The write path stems every distinct token of every new article
// (Document.index), most of them words that the articles before used too:
// about a thousand instructions a word for the English stemmer, and more
// when a text reads in several languages. The stems of the tokens met last
// are kept here, like the Documents of analyzed.go, package-wide: a
// Document is made by a function, for the store and the matcher alike.

// stemCacheMax bounds the tokens whose stems are kept; the cache starts
// empty again when it is full (a few MB at most).
const stemCacheMax = 1 << 15

// stemCacheKey is a token and the languages it was stemmed under.
type stemCacheKey struct {
	token string
	langs langSet
}

// stemCache maps tokens to their stems (stemKeys), safe for concurrent use.
type stemCache struct {
	mu    sync.Mutex
	stems map[stemCacheKey][]string
}

var cachedStems = stemCache{stems: make(map[stemCacheKey][]string)}

// keys appends the stems of token t under the languages of set to dst, as
// stemKeys does, from the cache when t was stemmed so before.
func (c *stemCache) keys(dst []string, t string, set langSet) []string {
	c.mu.Lock()
	s, ok := c.stems[stemCacheKey{t, set}]
	c.mu.Unlock()
	if ok {
		return append(dst, s...)
	}
	start := len(dst)
	dst = stemKeys(dst, t, set)
	// Copies: a token, and a stem that is the token, are most often part
	// of an article's text, which the cache must not keep.
	kept := make([]string, len(dst)-start)
	for i, k := range dst[start:] {
		kept[i] = strings.Clone(k)
	}
	c.mu.Lock()
	if len(c.stems) >= stemCacheMax {
		clear(c.stems)
	}
	c.stems[stemCacheKey{strings.Clone(t), set}] = kept
	c.mu.Unlock()
	return dst
}
