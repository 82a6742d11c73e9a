package subscriptions

// Placeholder until the query language of issue 3 lands; replaced at merge.
// Words and "phrases", AND only, whole words, case-insensitive.

import (
	"errors"
	"fmt"
	"sort"
	"strings"
	"sync"
	"unicode"
)

// Query is a compiled query.
type Query struct {
	text    string
	phrases [][]string
}

// ParseError is a user-facing parse error.
type ParseError struct {
	Pos int
	Msg string
}

func (e *ParseError) Error() string { return e.Msg }

// Parse compiles a query.
func Parse(text string) (*Query, error) {
	text = strings.TrimSpace(text)
	if n := len([]rune(text)); n > 200 {
		return nil, &ParseError{Msg: fmt.Sprintf("query too long (%d characters, at most 200)", n)}
	}
	q := &Query{text: text}
	parts := strings.Split(text, `"`)
	if len(parts)%2 == 0 {
		return nil, &ParseError{Msg: "unclosed quote"}
	}
	for i, p := range parts {
		if i%2 == 1 {
			if t := Terms(p); len(t) > 0 {
				q.phrases = append(q.phrases, t)
			}
			continue
		}
		for _, w := range Terms(p) {
			q.phrases = append(q.phrases, []string{w})
		}
	}
	if len(q.phrases) == 0 {
		return nil, &ParseError{Msg: "a query needs at least one word that must appear"}
	}
	return q, nil
}

// String explains the query.
func (q *Query) String() string {
	var parts []string
	for _, p := range q.phrases {
		if len(p) == 1 {
			parts = append(parts, p[0])
		} else {
			parts = append(parts, `"`+strings.Join(p, " ")+`"`)
		}
	}
	return strings.Join(parts, " AND ")
}

// Text is the original text.
func (q *Query) Text() string { return q.text }

// Key is the canonical form.
func (q *Query) Key() string { return q.String() }

// Article is what a query matches.
type Article struct{ Title, Text, Source, URL string }

// Document is a tokenized article.
type Document struct{ tokens []string }

// NewDocument tokenizes an article.
func NewDocument(a Article) *Document {
	return &Document{tokens: append(Terms(a.Title), append([]string{"\x00"}, Terms(a.Text)...)...)}
}

// Terms splits text into lower-case words.
func Terms(text string) []string {
	return strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// Match reports whether the document matches.
func (q *Query) Match(d *Document) bool {
	for _, p := range q.phrases {
		if !hasPhrase(d.tokens, p) {
			return false
		}
	}
	return true
}

func hasPhrase(toks, p []string) bool {
	for i := 0; i+len(p) <= len(toks); i++ {
		ok := true
		for j := range p {
			if toks[i+j] != p[j] {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}

// Index holds queries.
type Index struct {
	mu sync.RWMutex
	qs map[int64]*Query
}

// NewIndex returns an empty index.
func NewIndex() *Index { return &Index{qs: map[int64]*Query{}} }

// Add adds a query.
func (ix *Index) Add(id int64, q *Query) { ix.mu.Lock(); ix.qs[id] = q; ix.mu.Unlock() }

// Remove removes a query.
func (ix *Index) Remove(id int64) { ix.mu.Lock(); delete(ix.qs, id); ix.mu.Unlock() }

// Len counts queries.
func (ix *Index) Len() int { ix.mu.RLock(); defer ix.mu.RUnlock(); return len(ix.qs) }

// Match returns matching ids.
func (ix *Index) Match(d *Document) []int64 {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	var out []int64
	for id, q := range ix.qs {
		if q.Match(d) {
			out = append(out, id)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out
}

var _ = errors.New
