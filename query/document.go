package query

import (
	"net"
	"net/url"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"

	"github.com/newshound/newshound/news"
)

// Article is the domain's article: the matcher reads its Title, its Text (without markup), its SourceName (the
// source's configured name, for source:) and its URL (whose host and parent domains serve source: and site:).
type Article = news.Article

// Document is an article tokenized once for matching against any number of queries. It is immutable and safe for
// concurrent use.
type Document struct {
	tokens    []string // distinct tokens in order of first appearance
	where     []uint8  // per token: inTitle|inText
	posStart  []int32  // positions of token i are pos[posStart[i]:posStart[i+1]], ascending
	pos       []int32
	seq       []int32 // the token at each position; the title comes first, then -1, then the text
	titleLen  int32
	byToken   strIndex // of tokens
	sortOnce  sync.Once
	sorted    []int32  // token indexes in string order, for prefix search; made by prefix
	scan      bool     // prefix reads the tokens in turn instead of sorting them: a Document for one query
	langs     langSet  // the languages its Latin-script words are read in; Cyrillic words are Russian
	stems     []string // distinct stems (see stemKeys) of the tokens under those languages
	stemWhere []uint8
	stemTok   []int32  // per stem: the index of the token that is the same string, or -1
	byStem    strIndex // of stems
	source    []string // the source name's tokens
	hosts     []string // the URL's host and its parent domains

	// spare is an evaluator for Query.Match, which is called for many queries on one Document (the /search
	// post-filter, the naive benchmark loop): one slot, taken by a Match and put back after it (a concurrent Match
	// makes its own). Not a sync.Pool: a pool registers itself with the runtime on its first Put and is let go
	// only by the second collection after it, so every Document matched once stayed in the heap for two
	// collections (a /subscribe preview's 20, a /search's 64: 157 MB of 195 MB live in the fill driver's preview
	// runs, each collection marking them again).
	spare atomic.Pointer[evaluator]
}

const (
	inTitle uint8 = 1 << iota
	inText
)

func has(where uint8, title bool) bool {
	if title {
		return where&inTitle != 0
	}
	return where != 0
}

// NewDocument tokenizes a (title and text apart, so that title: can tell them apart and no phrase runs from one into
// the other). It never fails: a URL that does not parse simply gives no host for site: to match.
func NewDocument(a Article) *Document { return newDocument(a, nil) }

// newDocument is NewDocument, but when only is not nil it stems only the tokens that it lets through (see stemsOnly),
// and with only.none neither stems nor reads the languages: the Document then serves only Query.Match of the query
// that only was made for.
func newDocument(a Article, only *stemFilter) *Document {
	nz := newNormalizer()
	// About one distinct word in 12 characters of news text, one word in 6.
	size := (len(a.Title) + len(a.Text)) / 12
	d := &Document{
		byToken: newStrIndex(size),
		byStem:  newStrIndex(size),
		tokens:  make([]string, 0, size),
		where:   make([]uint8, 0, size),
		seq:     make([]int32, 0, 2*size+1),
	}
	add := func(where uint8) func([]byte, string) {
		return func(tok []byte, sub string) {
			i, ok := d.byToken.findBytes(tok, d.tokens)
			if !ok {
				i = int32(len(d.tokens))
				s := sub // the text's own bytes when they are the token's
				if s == "" {
					s = string(tok)
				}
				d.tokens = append(d.tokens, s)
				d.byToken.add(d.tokens, i)
				d.where = append(d.where, 0)
			}
			d.where[i] |= where
			d.seq = append(d.seq, i)
		}
	}
	nz.spans(a.Title, add(inTitle))
	d.titleLen = int32(len(d.seq))
	d.seq = append(d.seq, -1)
	nz.spans(a.Text, add(inText))
	d.index(only)
	d.scan = only != nil
	nz.tokens(a.SourceName, func(tok []byte) { d.source = append(d.source, string(tok)) })
	d.hosts = hostAndParents(a.URL)
	return d
}

// index fills positions and the stems from tokens and seq. The language of the Latin-script words is the text's
// (title and text together): the languages whose stop words it uses most (see latinScore), so that a feed that
// mixes languages is read article by article. With only not nil, a token whose first byte is ASCII and not in
// only.first is not stemmed, and with only.none nothing is (see newDocument).
func (d *Document) index(only *stemFilter) {
	d.posStart = make([]int32, len(d.tokens)+1)
	for _, t := range d.seq {
		if t >= 0 {
			d.posStart[t+1]++
		}
	}
	for i := 1; i < len(d.posStart); i++ {
		d.posStart[i] += d.posStart[i-1]
	}
	d.pos = make([]int32, len(d.seq)-1)
	// Each token's next free position; its array is stemTok's, made here with the length it starts with as capacity
	// and emptied below before the stems fill it (a clone of its own was one more allocation a Document).
	d.stemTok = make([]int32, len(d.tokens))
	fill := d.stemTok
	copy(fill, d.posStart[:len(d.tokens)])
	for p, t := range d.seq {
		if t >= 0 {
			d.pos[fill[t]] = int32(p)
			fill[t]++
		}
	}
	if only != nil && only.none {
		d.stemTok = d.stemTok[:0]
		return // no stems, and no languages to choose them by
	}
	var sc latinScore
	for i, t := range d.tokens {
		sc.add(t, int(d.count(int32(i))))
	}
	d.langs = sc.languages()
	d.stems = make([]string, 0, len(d.tokens))
	d.stemWhere = make([]uint8, 0, len(d.tokens))
	d.stemTok = d.stemTok[:0]
	var keys []string
	for i, t := range d.tokens {
		if only != nil && t != "" && t[0] < utf8.RuneSelf && !only.first.has(t[0]) {
			continue // no stem of it starts as any the query looks for (see stemsOnly)
		}
		keys = stemKeys(keys[:0], t, d.langs)
		for _, s := range keys {
			j, ok := d.byStem.find(s, d.stems)
			if !ok {
				j = int32(len(d.stems))
				d.stems = append(d.stems, s)
				d.byStem.add(d.stems, j)
				d.stemWhere = append(d.stemWhere, 0)
				d.stemTok = append(d.stemTok, -1)
			}
			d.stemWhere[j] |= d.where[i]
			if s == t {
				d.stemTok[j] = int32(i)
			}
		}
	}
}

// maxHostLen is the longest DNS name.
const maxHostLen = 253

// URLHost returns the host of rawURL as site: compares it: in lower case, without the dots that may end or start it,
// and "" when rawURL has no host or one longer than any DNS name. An article matches site:x (x with a dot) when x is
// this host or follows one of its dots; the store's index of hosts (store/hosts.go) is made of it, so that the two
// agree.
func URLHost(rawURL string) string {
	u, err := url.Parse(strings.TrimSpace(rawURL))
	if err != nil {
		return ""
	}
	h := strings.Trim(strings.ToLower(u.Hostname()), ".")
	if len(h) > maxHostLen {
		return "" // no such host exists, and its many long parents would cost quadratic time to look up
	}
	return h
}

// hostAndParents returns the lower-case host of rawURL (URLHost) and each parent domain ("www.bbc.co.uk",
// "bbc.co.uk", "co.uk", "uk"), or nil when rawURL has no host.
func hostAndParents(rawURL string) []string {
	h := URLHost(rawURL)
	if h == "" {
		return nil
	}
	if net.ParseIP(h) != nil {
		return []string{h}
	}
	out := []string{h}
	for i := 0; i < len(h); i++ {
		if h[i] == '.' && i+1 < len(h) {
			out = append(out, h[i+1:])
		}
	}
	return out
}

// phrase reports whether the tokens idx (indexes into d.tokens) occur adjacent and in order, in the title if title.
func (d *Document) phrase(idx []int32, title bool) bool {
	if len(idx) == 1 {
		return has(d.where[idx[0]], title)
	}
	// Anchor on the token with the fewest positions.
	anchor := 0
	for k := range idx {
		if d.count(idx[k]) < d.count(idx[anchor]) {
			anchor = k
		}
	}
	a := idx[anchor]
	for _, p := range d.pos[d.posStart[a]:d.posStart[a+1]] {
		start := int(p) - anchor
		if start < 0 {
			continue
		}
		if title && start+len(idx) > int(d.titleLen) {
			return false
		}
		if d.phraseAt(start, idx) {
			return true
		}
	}
	return false
}

func (d *Document) count(t int32) int32 { return d.posStart[t+1] - d.posStart[t] }

func (d *Document) phraseAt(start int, idx []int32) bool {
	if start+len(idx) > len(d.seq) {
		return false
	}
	for k, t := range idx {
		if d.seq[start+k] != t {
			return false
		}
	}
	return true
}

// prefix reports whether a token starts with p, in the title if title.
func (d *Document) prefix(p string, title bool) bool {
	if d.scan {
		// One query's few prefixes: a pass over the tokens each costs less than sorting them.
		for i, t := range d.tokens {
			if strings.HasPrefix(t, p) && has(d.where[i], title) {
				return true
			}
		}
		return false
	}
	// Sorted on first need: only Query.Match with a prefix uses the order (the Index has its own prefix table).
	d.sortOnce.Do(func() {
		d.sorted = make([]int32, len(d.tokens))
		for i := range d.sorted {
			d.sorted[i] = int32(i)
		}
		slices.SortFunc(d.sorted, func(a, b int32) int { return strings.Compare(d.tokens[a], d.tokens[b]) })
	})
	i, _ := slices.BinarySearchFunc(d.sorted, p, func(t int32, p string) int { return strings.Compare(d.tokens[t], p) })
	for ; i < len(d.sorted) && strings.HasPrefix(d.tokens[d.sorted[i]], p); i++ {
		if has(d.where[d.sorted[i]], title) {
			return true
		}
	}
	return false
}
