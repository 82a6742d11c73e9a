package query

import (
	"slices"
	"strings"
)

// Columns is an article as a full-text index of Newshound's own terms holds it (see Query.TermsMatch): each column
// is space-separated tokens exactly as Terms makes them, so that an index tokenizing on spaces alone (SQLite FTS5's
// unicode61 with categories 'L* N* M* Co', which folds case as Terms already did) holds the matcher's tokens and
// stems, not its own reading of the text.
type Columns struct {
	Title string // the title's tokens, in order (phrases and prefixes)
	Body  string // the text's tokens, in order
	// TitleStems and BodyStems are the distinct stems of the title's and the text's tokens under the languages the
	// article is read in (see Document), but those that are a token of the same part already: a bare word is
	// found as a token or as a stem of one.
	TitleStems string
	BodyStems  string
}

// TermsTokenizer is the FTS5 tokenizer option under which an index of Columns holds exactly their tokens.
const TermsTokenizer = `unicode61 remove_diacritics 0 categories 'L* N* M* Co'`

// IndexColumns returns what an index of Newshound's terms holds of a: its title's and text's tokens and their
// stems. It never fails.
func IndexColumns(a Article) Columns {
	return NewDocument(Article{Title: a.Title, Text: a.Text}).Columns()
}

// Columns returns what an index of Newshound's terms holds of the document (see IndexColumns). The four columns
// are made in one allocation, parts of one string: each is written once, at its final size.
func (d *Document) Columns() Columns {
	title, body := d.seq[:d.titleLen], d.seq[d.titleLen+1:]
	// Which stems each stems column holds: those of the part that are not a token of that part already.
	cols := make([]uint8, len(d.stems))
	size := d.joinedLen(title) + d.joinedLen(body)
	var stemsLen [2]int // of the title's stems column and the body's, their spaces included
	for j, s := range d.stems {
		i, isToken := d.byToken.find(s, d.tokens)
		w := d.stemWhere[j]
		for k, part := range [2]uint8{inTitle, inText} {
			if w&part != 0 && !(isToken && d.where[i]&part != 0) {
				cols[j] |= part
				if stemsLen[k] > 0 {
					stemsLen[k]++
				}
				stemsLen[k] += len(s)
			}
		}
	}
	var b strings.Builder
	b.Grow(size + stemsLen[0] + stemsLen[1])
	d.writeJoined(&b, title)
	titleEnd := b.Len()
	d.writeJoined(&b, body)
	bodyEnd := b.Len()
	d.writeStems(&b, cols, inTitle)
	titleStemsEnd := b.Len()
	d.writeStems(&b, cols, inText)
	all := b.String()
	return Columns{Title: all[:titleEnd], Body: all[titleEnd:bodyEnd], TitleStems: all[bodyEnd:titleStemsEnd], BodyStems: all[titleStemsEnd:]}
}

// writeStems writes the stems j whose cols[j] has part to b, in order, joined by spaces.
func (d *Document) writeStems(b *strings.Builder, cols []uint8, part uint8) {
	start := b.Len()
	for j, s := range d.stems {
		if cols[j]&part != 0 {
			if b.Len() > start {
				b.WriteByte(' ')
			}
			b.WriteString(s)
		}
	}
}

// joinedLen is the length of the tokens of seq joined by spaces.
func (d *Document) joinedLen(seq []int32) int {
	n := max(len(seq)-1, 0)
	for _, t := range seq {
		n += len(d.tokens[t])
	}
	return n
}

// writeJoined writes the tokens of seq joined by spaces to b.
func (d *Document) writeJoined(b *strings.Builder, seq []int32) {
	for i, t := range seq {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(d.tokens[t])
	}
}

// TermsMatch returns an FTS5 MATCH expression for an index of Columns (columns title, body, tstems and bstems, see
// TermsTokenizer) that every article matching q also matches: a filter for candidates, which callers check with
// Match. It returns "" when no such expression narrows anything (a query of source: terms only).
//
// Unlike FTS5, it needs no prefix queries for bare words: a word is the OR of its exact stems (see wordStems), so
// FTS5 reads only their posting lists, newest first, and can stop early. Phrases and prefixes are exact, so a NOT
// of them narrows too.
func (q *Query) TermsMatch() string {
	if q == nil || q.root == nil {
		return ""
	}
	e, _ := termsExpr(q.root)
	return e
}

// TermsMatchExact reports whether TermsMatch decides the query's matches on its own: an index of Columns matches
// its expression exactly when q matches (TestTermsMatchExact), so a caller may count its matches without confirming
// them with Match. That holds for a query of phrases (quoted words, and words of scripts written without spaces),
// prefixes and bare words of one stem that every stemmer leaves as it is (see ownStem: government, court, kursk),
// in the title or anywhere, under AND, OR and NOT (a NOT inside an AND, but not a NOT of a bare word). It does not for another bare word (its
// stems in several languages find articles whose tokens stem alike in another, and a token equal to its stem
// that stems otherwise), a source: or site: term (not in the index), a NOT of those, or a NOT that FTS5 cannot say
// (alone, or under an OR), and it is false when TermsMatch is "". The expression as written: a store that reads a
// negated prefix as only some of its terms lets more through.
func (q *Query) TermsMatchExact() bool {
	if q == nil || q.root == nil {
		return false
	}
	e, exact := termsExpr(q.root)
	return e != "" && exact
}

// termsExpr translates n into an FTS5 expression over an index of Columns that every article n matches also
// matches; exact reports that it matches no more than n does (so a NOT of it may narrow).
func termsExpr(n *node) (expr string, exact bool) {
	switch n.kind {
	case nodeWord:
		cols := "{title body tstems bstems}"
		if n.title {
			cols = "{title tstems}"
		}
		stems := slices.Clone(n.stems)
		slices.Sort(stems)
		stems = slices.Compact(stems)
		quoted := make([]string, len(stems))
		for i, s := range stems {
			quoted[i] = ftsQuote(s)
		}
		if len(quoted) == 1 {
			return cols + " : " + quoted[0], ownStem(stems[0])
		}
		return cols + " : (" + strings.Join(quoted, " OR ") + ")", false
	case nodePrefix:
		return termsCols(n.title) + " : " + ftsQuote(n.tokens[0]) + "*", true
	case nodePhrase:
		return termsCols(n.title) + " : " + ftsQuote(strings.Join(n.tokens, " ")), true
	case nodeAnd:
		return termsAnd(n.kids)
	case nodeOr:
		parts := make([]string, len(n.kids))
		exact = true
		for i, k := range n.kids {
			e, ex := termsExpr(k)
			if e == "" {
				return "", false
			}
			parts[i], exact = "("+e+")", exact && ex
		}
		return strings.Join(parts, " OR "), exact
	}
	// nodeSource, and nodeNot outside an AND (which FTS5 cannot say: its NOT is binary).
	return "", false
}

func termsCols(title bool) string {
	if title {
		return "{title}"
	}
	return "{title body}"
}

func termsAnd(kids []*node) (string, bool) {
	var pos, neg []string
	exact := true
	for _, k := range kids {
		if k.kind == nodeNot {
			e, ex := termsExpr(k.kids[0])
			if !ex || hasWord(k.kids[0]) {
				// A NOT of a bare word, even one its expression decides, is its primary stem's stem entries
				// (termsSubset) and is confirmed: FTS5 reads a NOT by stepping through the candidates until one
				// passes, past any rowid bound, and a word's stems are in most articles ("police -government"
				// read every article with "police", 470 ms of /search at 1M articles).
				e, exact = termsSubset(k.kids[0]), false
			}
			if e != "" {
				neg = append(neg, "("+e+")")
			}
			continue
		}
		e, ex := termsExpr(k)
		if e == "" {
			exact = false
			continue
		}
		pos, exact = append(pos, "("+e+")"), exact && ex
	}
	if len(pos) == 0 {
		return "", false
	}
	s := strings.Join(pos, " AND ")
	if len(neg) > 0 {
		s = "(" + s + ") NOT (" + strings.Join(neg, " OR ") + ")"
	}
	return s, exact
}

// ownStem reports whether a bare word of the one stem s is decided by its FTS5 expression, s in the tokens or
// stems of the part: s is the stem of the token s under every language (stemKeys), so that an article holding the
// token s has the stem s whatever languages it is read in, as one holding the stem has s in a stems column or,
// where the stem is a token of the same part already, in its tokens. A word of several stems is not: an article
// read in English alone is matched by the first only (see wordStems), which FTS5 cannot tell.
func ownStem(s string) bool {
	for _, k := range stemKeys(nil, s, allLatin) {
		if k != s {
			return false
		}
	}
	return s != ""
}

// hasWord reports whether n is or holds a bare word.
func hasWord(n *node) bool {
	if n.kind == nodeWord {
		return true
	}
	for _, k := range n.kids {
		if hasWord(k) {
			return true
		}
	}
	return false
}

// termsSubset returns an expression that only articles matching n match, for a NOT that an inexact translation
// cannot serve, or "" when there is none. A bare word's primary stem in the stem columns is one: those hold the
// stems of the article's tokens under its languages, and the primary stem always counts (see wordStems). It leaves
// out articles where the stem is also a token of the same part (it is not repeated in the stem column), so a NOT
// of it narrows less than it might, never too much.
func termsSubset(n *node) string {
	if n.kind != nodeWord || len(n.stems) == 0 {
		return ""
	}
	if n.title {
		return "{tstems} : " + ftsQuote(n.stems[0])
	}
	return "{tstems bstems} : " + ftsQuote(n.stems[0])
}
