package query

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newshound/newshound/news"
)

// Snippet returns about words words of text around the densest group of the words that q's positive terms match
// there (a bare word by its stems, a prefix, a phrase's words one by one), each between news.SnippetStart and
// news.SnippetEnd, with "…" where text goes on. Text without such words gives its first words unmarked; empty
// text gives "". It never fails.
func (q *Query) Snippet(text string, words int) string {
	if text == "" || words <= 0 {
		return ""
	}
	hl := newHighlighter(q)
	type run struct {
		from, to int
		hit      bool
	}
	var runs []run
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !isWordRune(r) || unicode.IsMark(r) {
			i += size
			continue
		}
		j := i + size
		for j < len(text) {
			r, size := utf8.DecodeRuneInString(text[j:])
			if !isWordRune(r) {
				break
			}
			j += size
		}
		runs = append(runs, run{from: i, to: j, hit: hl.hit(text[i:j])})
		i = j
	}
	if len(runs) == 0 {
		return ""
	}
	// The first window of words runs with the most hits.
	best, bestHits, hits := 0, 0, 0
	for i, r := range runs {
		if r.hit {
			hits++
		}
		if i >= words && runs[i-words].hit {
			hits--
		}
		if hits > bestHits {
			best, bestHits = max(0, i-words+1), hits
		}
	}
	// The first hit a third of the way in, so that it has some words before it.
	for best < len(runs) && bestHits > 0 && !runs[best].hit {
		best++
	}
	if bestHits > 0 {
		best = max(0, best-words/3)
	}
	end := min(len(runs), best+words)
	var b strings.Builder
	if best > 0 {
		b.WriteString("…")
	}
	at := runs[best].from
	for _, r := range runs[best:end] {
		b.WriteString(text[at:r.from])
		if r.hit {
			b.WriteString(news.SnippetStart + text[r.from:r.to] + news.SnippetEnd)
		} else {
			b.WriteString(text[r.from:r.to])
		}
		at = r.to
	}
	if end < len(runs) {
		b.WriteString("…")
	} else {
		b.WriteString(text[at:])
	}
	return b.String()
}

// highlighter tells the words of a text that a query's positive terms match.
type highlighter struct {
	nz       *normalizer
	tokens   map[string]bool // phrase words
	prefixes []string
	stems    map[string]bool
	starts   []string // what a token must start with to have one of stems (see ftsStemPrefix)
	keys     []string
}

func newHighlighter(q *Query) *highlighter {
	h := &highlighter{nz: newNormalizer(), tokens: map[string]bool{}, stems: map[string]bool{}}
	if q == nil || q.root == nil {
		return h
	}
	var walk func(n *node)
	walk = func(n *node) {
		switch n.kind {
		case nodeNot, nodeSource:
			return
		case nodeWord:
			for _, s := range n.stems {
				if !h.stems[s] {
					h.stems[s] = true
					h.starts = append(h.starts, ftsStemPrefix(s, 2))
				}
			}
			h.tokens[n.tokens[0]] = true
		case nodePrefix:
			h.prefixes = append(h.prefixes, n.tokens[0])
		case nodePhrase:
			for _, t := range n.tokens {
				h.tokens[t] = true
			}
		}
		for _, k := range n.kids {
			walk(k)
		}
	}
	walk(q.root)
	return h
}

// hit reports whether a run of word characters of the text holds a token the query matches.
func (h *highlighter) hit(word string) bool {
	found := false
	h.nz.tokens(word, func(tok []byte) {
		if found {
			return
		}
		t := string(tok)
		if h.tokens[t] {
			found = true
			return
		}
		for _, p := range h.prefixes {
			if strings.HasPrefix(t, p) {
				found = true
				return
			}
		}
		if r := firstRune(t); r >= 0x600 && isArabicStart(r) {
			// an Arabic stem loses its prefixes too (ال...): no start tells it
			s, kept := arabicStems(t)
			found = h.stems[s] || kept != "" && h.stems[kept]
			return
		}
		for _, p := range h.starts {
			if strings.HasPrefix(t, p) {
				h.keys = stemKeys(h.keys[:0], t, allLatin)
				for _, k := range h.keys {
					if h.stems[k] {
						found = true
						return
					}
				}
				break
			}
		}
	})
	return found
}
