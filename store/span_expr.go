package store

import (
	"context"
	"slices"
	"strings"
)

// spanExpr is an FTS5 expression as query.Query.TermsMatch writes it, cut
// at its NOTs: FTS5's NOT honours no rowid bound. It steps through its left
// side's articles until one passes, from the first article of the index
// (or, newest first, to the last), so that "officials" -"government", which
// no article passes, read the whole index on every span (80 ms a span at
// 1,000,000 articles, against 1 ms for each side over 4,000 ids and 12 ms
// over 50,000), and so did a NOT inside an OR ("(P NOT N) OR Q": 440 ms a
// /search). The parts without a NOT are read by FTS5 upward between a
// span's bounds, which it honours for a term, a phrase and a column filter,
// and the NOTs, ANDs and ORs above them are taken in Go.
type spanExpr struct {
	op   string      // "" a part without NOT, read whole; "AND", "OR" or "NOT" (kids: left, right)
	part string      // the FTS5 expression of a part
	kids []*spanExpr // the operands, in order
}

// parseSpanExpr cuts match at its NOTs. An expression without a NOT, or
// one it cannot read (which TermsMatch does not write), is one part.
func parseSpanExpr(match string) *spanExpr {
	if e, ok := cutAtNots(match); ok {
		return e
	}
	return &spanExpr{part: match}
}

// cutAtNots parses expr: an OR of ANDs of NOTs (left to right) of
// operands, as FTS5 binds them (NOT before AND before OR), an operand being
// a group in parentheses, a column filter on one, or a run of phrases;
// a column filter on a group with a NOT goes down to its parts.
func cutAtNots(expr string) (*spanExpr, bool) {
	expr = strings.TrimSpace(expr)
	for strings.HasPrefix(expr, "(") && groupEnd(expr) == len(expr)-1 {
		expr = strings.TrimSpace(expr[1 : len(expr)-1])
	}
	if !strings.Contains(expr, " NOT ") {
		return &spanExpr{part: expr}, expr != ""
	}
	operands, ops := splitTop(expr)
	for _, op := range []string{"OR", "AND"} {
		if !slices.Contains(ops, op) {
			continue
		}
		e := &spanExpr{op: op}
		from := 0
		for i := 0; i <= len(ops); i++ {
			if i < len(ops) && ops[i] != op {
				continue
			}
			kid, ok := cutAtNots(joinTop(operands[from:i+1], ops[from:i]))
			if !ok {
				return nil, false
			}
			e.kids, from = append(e.kids, kid), i+1
		}
		return e, true
	}
	if len(ops) > 0 { // NOTs only, left to right: the last is the top
		n := len(ops) - 1
		left, ok := cutAtNots(joinTop(operands[:n+1], ops[:n]))
		if !ok {
			return nil, false
		}
		right, ok := cutAtNots(operands[n+1])
		return &spanExpr{op: "NOT", kids: []*spanExpr{left, right}}, ok
	}
	// One operand with a NOT inside: a column filter on a group.
	if !strings.HasPrefix(expr, "{") {
		return nil, false
	}
	end := strings.IndexByte(expr, '}')
	rest, ok := strings.CutPrefix(strings.TrimSpace(expr[end+1:]), ":")
	if end < 0 || !ok {
		return nil, false
	}
	inner, ok := cutAtNots(rest)
	if !ok {
		return nil, false
	}
	return inner.filtered(expr[:end+1]), true
}

// filtered returns e with the column filter cols put on each of its parts.
func (e *spanExpr) filtered(cols string) *spanExpr {
	if e.op == "" {
		return &spanExpr{part: cols + " : (" + e.part + ")"}
	}
	out := &spanExpr{op: e.op}
	for _, k := range e.kids {
		out.kids = append(out.kids, k.filtered(cols))
	}
	return out
}

// splitTop returns the operands of expr between its operators AND, OR and
// NOT outside parentheses, quotes and column lists, and the operators.
func splitTop(expr string) (operands, ops []string) {
	depth, from := 0, 0
	for i := 0; i < len(expr); i++ {
		switch c := expr[i]; {
		case c == '"':
			i = quotedEnd(expr, i)
		case c == '{':
			if k := strings.IndexByte(expr[i:], '}'); k >= 0 {
				i += k
			}
		case c == '(':
			depth++
		case c == ')':
			depth--
		case c == ' ' && depth == 0:
			for _, op := range []string{"AND", "OR", "NOT"} {
				if strings.HasPrefix(expr[i+1:], op+" ") {
					operands, ops = append(operands, strings.TrimSpace(expr[from:i])), append(ops, op)
					i += len(op) + 1
					from = i + 1
					break
				}
			}
		}
	}
	return append(operands, strings.TrimSpace(expr[from:])), ops
}

// joinTop writes operands and the operators between them back.
func joinTop(operands, ops []string) string {
	var b strings.Builder
	for i, o := range operands {
		if i > 0 {
			b.WriteString(" " + ops[i-1] + " ")
		}
		b.WriteString("(" + o + ")")
	}
	return b.String()
}

// spanWeight is the weight (spanExpr.weight) of an expression that a walk
// reads over all the ids its bound allows; a heavier one reads fewer, in
// proportion, so that the cost of a walk is bounded, not only its ids. A
// word or a phrase is 1.1 (text and titles: 2.25), a NOT of two words 3.4;
// a NOT of two broad prefixes (16 terms each) is 9 and reads 4/9 of the
// ids: at 1,000,000 articles a term's read costs about 0.25 µs an id (12 ms
// over 50,000), an OR of 16 terms' about 0.6 (30 ms).
const spanWeight = 4.0

// weight is the cost of reading e over one id, in reads of a single term:
// a part of n terms (the quoted strings of an OR of a prefix's terms, of a
// word's stems, of a phrase) costs 1 + n/8, its text read and, when titles,
// its title read; the right side of a NOT is read once.
func (e *spanExpr) weight(titles bool) float64 {
	switch e.op {
	case "":
		w := 1 + float64(termCount(e.part))/8
		if titles {
			w *= 2
		}
		return w
	case "NOT":
		return e.kids[0].weight(titles) + e.kids[1].weight(false)
	default:
		var w float64
		for _, k := range e.kids {
			w += k.weight(titles)
		}
		return w
	}
}

// reach returns how many ids a walk of e reads at most, of total: all of
// them up to spanWeight, fewer in proportion above it, at least first.
func (e *spanExpr) reach(total, first int64, titles bool) int64 {
	w := e.weight(titles)
	if w <= spanWeight {
		return total
	}
	return max(first, int64(float64(total)*spanWeight/w))
}

// termCount returns how many terms an FTS5 expression holds: its quoted
// strings (a word, a stem, a phrase, a term of a prefix).
func termCount(expr string) int { return strings.Count(expr, `"`) / 2 }

// hasNot reports whether e is cut at a NOT.
func (e *spanExpr) hasNot() bool { return e.op != "" }

// spanRead reads the parts of an expression over one span, each once.
type spanRead struct {
	w      *spanWalk
	lo, hi int64
	read   map[string][]int64 // a part's matches in the span, newest first
}

// matches returns the matches of a part in the span. It fails when the
// database does.
func (r *spanRead) matches(ctx context.Context, part string) ([]int64, error) {
	if ids, ok := r.read[part]; ok {
		return ids, nil
	}
	ids, err := r.w.matches(ctx, part, r.lo, r.hi)
	if err == nil {
		r.read[part] = ids
	}
	return ids, err
}

// ids returns e's matches in the span, newest first; in the title columns
// only (each part's) when title.
func (e *spanExpr) ids(ctx context.Context, r *spanRead, title bool) ([]int64, error) {
	if e.op == "" {
		part := e.part
		if title {
			part = titleColumns + " : (" + part + ")"
		}
		return r.matches(ctx, part)
	}
	acc, err := e.kids[0].ids(ctx, r, title)
	for _, k := range e.kids[1:] {
		if err != nil || (len(acc) == 0 && e.op != "OR") {
			break
		}
		var ids []int64
		if ids, err = k.ids(ctx, r, title); err == nil {
			acc = combine(e.op, acc, ids)
		}
	}
	return acc, err
}

// titles returns e's title matches in the span, newest first: the articles
// e matches whose title columns match e (as FTS5 reads "(E) AND {title
// tstems} : (E)"). Worked out part by part: a part's title matches are a
// read in the title columns; for a NOT, its left side's title matches less
// the articles its right side matches (and, when that holds a NOT, those it
// matches in the titles); for an AND, the articles title-matching every
// operand; for an OR, its matches whose titles match an operand.
func (e *spanExpr) titles(ctx context.Context, r *spanRead) ([]int64, error) {
	switch e.op {
	case "":
		return e.ids(ctx, r, true)
	case "NOT":
		left, err := e.kids[0].titles(ctx, r)
		if err != nil || len(left) == 0 {
			return left, err
		}
		right, err := e.kids[1].ids(ctx, r, false)
		if err != nil {
			return nil, err
		}
		left = combine("NOT", left, right)
		if e.kids[1].hasNot() && len(left) > 0 {
			if right, err = e.kids[1].ids(ctx, r, true); err != nil {
				return nil, err
			}
			left = combine("NOT", left, right)
		}
		return left, nil
	case "AND":
		acc, err := e.kids[0].titles(ctx, r)
		for _, k := range e.kids[1:] {
			if err != nil || len(acc) == 0 {
				break
			}
			var ids []int64
			if ids, err = k.titles(ctx, r); err == nil {
				acc = combine("AND", acc, ids)
			}
		}
		return acc, err
	default: // OR
		all, err := e.ids(ctx, r, false)
		if err != nil || len(all) == 0 {
			return all, err
		}
		inTitles, err := e.ids(ctx, r, true)
		return combine("AND", all, inTitles), err
	}
}

// titleColumns is the column filter of a title match.
const titleColumns = "{title tstems}"

// combine returns a AND b, a OR b, or a NOT b (op) of two id lists sorted
// newest first, sorted so.
func combine(op string, a, b []int64) []int64 {
	out := make([]int64, 0, len(a))
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		switch {
		case j == len(b) || i < len(a) && a[i] > b[j]:
			if op != "AND" {
				out = append(out, a[i])
			}
			i++
		case i == len(a) || b[j] > a[i]:
			if op == "OR" {
				out = append(out, b[j])
			}
			j++
		default: // in both
			if op != "NOT" {
				out = append(out, a[i])
			}
			i++
			j++
		}
	}
	return out
}

// spanQuery reads an expression span by span: its matches (text), then
// its title matches in the same span (titles), each part read once a span,
// those of the scope's sources only (nil: of any source).
type spanQuery struct {
	expr  *spanExpr
	scope *sourceScope
	r     *spanRead // the span last read
}

func newSpanQuery(match string, scope *sourceScope) *spanQuery {
	return &spanQuery{expr: parseSpanExpr(match), scope: scope}
}

// span returns the reader of the span between lo and hi, a new one when
// the last was of another span.
func (q *spanQuery) span(w *spanWalk, lo, hi int64) *spanRead {
	if q.r == nil || q.r.w != w || q.r.lo != lo || q.r.hi != hi {
		q.r = &spanRead{w: w, lo: lo, hi: hi, read: map[string][]int64{}}
	}
	return q.r
}

// text returns the matches between lo and hi, newest first. It fails when
// the database does.
func (q *spanQuery) text(ctx context.Context, w *spanWalk, lo, hi int64) ([]int64, error) {
	ids, err := q.expr.ids(ctx, q.span(w, lo, hi), false)
	if err != nil {
		return nil, err
	}
	return q.scope.confine(ctx, w, lo, hi, ids)
}

// titles returns the title matches between lo and hi, newest first. It
// fails when the database does.
func (q *spanQuery) titles(ctx context.Context, w *spanWalk, lo, hi int64) ([]int64, error) {
	ids, err := q.expr.titles(ctx, q.span(w, lo, hi))
	if err != nil {
		return nil, err
	}
	return q.scope.confine(ctx, w, lo, hi, ids)
}
