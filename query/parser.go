package query

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Limits of a query (docs/QUERY.md, "Limits and errors").
const (
	MaxQueryLength = 200 // characters of the trimmed text
	MaxTerms       = 12  // words, prefixes, phrases and fields
	MaxDepth       = 3   // levels of parentheses
	minPrefix      = 3   // characters before "*"
)

// Parse compiles a query written in the language of docs/QUERY.md. Surrounding space is ignored. A query that breaks a
// rule returns a nil *Query and a *ParseError whose Error() is the sentence to show the user, such as
// `unclosed quote at position 14`, `"-" needs a word after it (position 7)`, `a query needs at least one word that
// must appear`, `too many terms (15, at most 12)`, `query too long (230 characters, at most 200)` or
// `too deeply nested (at most 3 levels of parentheses) at position 9`.
func Parse(text string) (*Query, error) {
	return parse(text, false)
}

// ParseStored is Parse for a query stored before today's rules for typed queries: it does not refuse a name made
// with symbols ("C++", symbolName), which older versions took as the letter alone, so a subscription to it keeps
// matching (and can be found by its text) as it did. New input goes through Parse.
func ParseStored(text string) (*Query, error) {
	return parse(text, true)
}

func parse(text string, stored bool) (*Query, error) {
	text = strings.TrimSpace(text)
	if n := utf8.RuneCountInString(text); n > MaxQueryLength {
		return nil, errWhole("query too long (%d characters, at most %d)", n, MaxQueryLength)
	}
	if err := typedMarkup(text); err != nil {
		return nil, err
	}
	items, err := lex(text)
	if err != nil {
		return nil, err
	}
	p := &parser{items: items, nz: newNormalizer(), stored: stored}
	root, err := p.parseQuery()
	if err != nil {
		return nil, err
	}
	if root == nil && text != "" { // only emoji or punctuation: "needs a word that must appear" puzzled
		return nil, errWhole("it has no word to match (emoji and punctuation are ignored)")
	}
	if root == nil || !root.positive() {
		return nil, explainNegative(root)
	}
	root = root.dedupe()
	// Counted once repeats are gone: "storm warning storm surge storm damage …" pasted from a headline has each
	// storm once, as its Key does.
	if n := root.leaves(); n > MaxTerms {
		return nil, errWhole("too many terms (%d, at most %d)", n, MaxTerms)
	}
	if err := root.contradiction(); err != nil {
		return nil, err
	}
	if err := root.implied(); err != nil && !stored {
		// A stored query keeps loading: it matched nothing before the rule as after.
		return nil, err
	}
	return newQuery(text, root), nil
}

// leaves counts n's terms: words, prefixes, phrases and fields.
func (n *node) leaves() int {
	if len(n.kids) == 0 || n.spelled {
		return 1
	}
	c := 0
	for _, k := range n.kids {
		c += k.leaves()
	}
	return c
}

// parser is a recursive-descent parser over lexical items. Precedence: "-" binds tightest, then AND
// (juxtaposition), then OR.
type parser struct {
	items []item
	i     int
	depth int
	nz    *normalizer
	// stored: the query was stored by an older version (ParseStored), which
	// took names made with symbols as their letters.
	stored bool
}

func (p *parser) peek() item { return p.items[p.i] }

func (p *parser) next() item {
	it := p.items[p.i]
	if it.kind != itemEOF {
		p.i++
	}
	return it
}

func (p *parser) parseQuery() (*node, error) {
	root, err := p.parseOr()
	if err != nil {
		return nil, err
	}
	if it := p.peek(); it.kind == itemClose {
		return nil, errAt(it.pos, `unmatched ")" at position %d`)
	}
	return root, nil
}

// parseOr returns nil, nil when there is no term before the next ")" or the end.
func (p *parser) parseOr() (*node, error) {
	var kids []*node
	var lastOr *item
	orPos := 0
	for {
		n, err := p.parseAnd()
		if err != nil {
			return nil, err
		}
		if n == nil && lastOr != nil {
			return nil, orError(*lastOr)
		}
		if n != nil {
			kids = append(kids, n.flatten(nodeOr)...)
		}
		if p.peek().kind != itemOr {
			break
		}
		op := p.next()
		if n == nil {
			return nil, orError(op)
		}
		lastOr = &op
		if orPos == 0 {
			orPos = op.pos
		}
	}
	switch len(kids) {
	case 0:
		return nil, nil
	case 1:
		return kids[0], nil
	}
	return &node{kind: nodeOr, pos: orPos, kids: kids}, nil
}

func orError(op item) error {
	return errAt(op.pos, "%q needs a word on both sides (position %d)", op.text)
}

func startsUnary(k itemKind) bool {
	switch k {
	case itemWord, itemPrefix, itemPhrase, itemField, itemOpen, itemNot:
		return true
	}
	return false
}

// parseAnd returns nil, nil when no term comes before the next OR, ")" or the end.
func (p *parser) parseAnd() (*node, error) {
	var kids []*node
	for {
		it := p.peek()
		if it.kind == itemAnd {
			p.next()
			if len(kids) == 0 || !startsUnary(p.peek().kind) {
				return nil, errAt(it.pos, "%q needs a word on both sides (position %d)", "AND")
			}
			continue
		}
		if !startsUnary(it.kind) {
			break
		}
		n, err := p.parseUnary()
		if err != nil {
			return nil, err
		}
		if n != nil {
			kids = append(kids, n.flatten(nodeAnd)...)
		}
	}
	switch len(kids) {
	case 0:
		return nil, nil
	case 1:
		return kids[0], nil
	}
	return &node{kind: nodeAnd, pos: kids[0].pos, kids: kids}, nil
}

func (p *parser) parseUnary() (*node, error) {
	it := p.peek()
	if it.kind != itemNot {
		return p.parsePrimary()
	}
	p.next()
	next := p.peek()
	if next.kind == itemNot || !startsUnary(next.kind) || (it.text == "-" && !next.glued) {
		return nil, errAt(it.pos, "%q needs a word after it (position %d)", it.text)
	}
	kid, err := p.parsePrimary()
	if err != nil {
		return nil, err
	}
	if kid == nil {
		return nil, errAt(it.pos, "%q needs a word after it (position %d)", it.text)
	}
	return &node{kind: nodeNot, pos: it.pos, kids: []*node{kid}}, nil
}

// parsePrimary parses a word, prefix, phrase, field or group. It returns nil, nil for a word with nothing to match
// in it, such as "&" or "—", which the query ignores like punctuation.
func (p *parser) parsePrimary() (*node, error) {
	it := p.next()
	switch it.kind {
	case itemWord:
		if err := p.symbolName(it); err != nil {
			return nil, err
		}
		if err := p.unknownField(it); err != nil {
			return nil, err
		}
		if err := p.proximity(it); err != nil {
			return nil, err
		}
		return p.word(it), nil
	case itemPrefix:
		return p.prefix(it)
	case itemPhrase:
		if err := p.symbolName(it); err != nil {
			return nil, err
		}
		return p.phrase(it)
	case itemField:
		return p.field(it)
	case itemOpen:
		return p.group(it)
	}
	// Unreachable: callers check startsUnary first.
	return nil, errAt(it.pos, "unexpected %q (position %d)", it.text)
}

// proximity refuses the proximity operators of other search engines, typed in capitals after a term: "storm NEAR
// flood", "NEAR/3", Google's "AROUND(3)". Read as words, they asked for the word "near" (or "around" and "3")
// besides the two, which found nearly nothing and never what was meant; a query has no distance between words but
// the phrase's.
func (p *parser) proximity(it item) error {
	name, _, _ := strings.Cut(it.text, "/")
	if name != "NEAR" && name != "AROUND" || p.i < 2 || p.stored { // a stored one keeps matching as it did
		return nil
	}
	switch p.items[p.i-2].kind { // the item before it ends a term
	case itemWord, itemPrefix, itemPhrase, itemClose:
		return errAt(it.pos, "%q is no operator here: words match anywhere in the article, and side by side when quoted as a phrase (position %d)", name)
	}
	return nil
}

func (p *parser) tokens(text string) []string {
	var out []string
	p.nz.tokens(text, func(tok []byte) { out = append(out, string(tok)) })
	return out
}

// word is a bare word: one token is stemmed; several (as in "long-term" or "北朝鮮") are a phrase. A word that news
// spells in other ways too is the OR of its spellings (spelledWord): "e-mail" is also email, "1000" "1 000".
func (p *parser) word(it item) *node {
	toks := p.tokens(it.text)
	switch len(toks) {
	case 0:
		return nil
	case 1:
		return p.spelledWord(it, toks, &node{kind: nodeWord, pos: it.pos, tokens: toks, stems: wordStems(toks[0]), capital: capitalised(it.text)})
	}
	return p.spelledWord(it, toks, &node{kind: nodePhrase, pos: it.pos, tokens: toks})
}

// symbolName refuses a word or phrase that is a name made with symbols and that the symbols' loss leaves as a
// bare letter or another word: "C++", "C#", "F#", "A+" (the letter "c" alone, in every article that has one) and
// ".NET" (the word "net"). Symbols are no part of words, in articles as in queries (docs/QUERY.md), so such a
// subscription was silently one to "c". With a word that goes with it ("C++ programming", quoted or not) it is
// a phrase and stands.
func (p *parser) symbolName(it item) error {
	if p.stored {
		return nil
	}
	text := strings.TrimSpace(it.text)
	toks := p.tokens(text)
	if len(toks) != 1 {
		return nil
	}
	if !isSymbolName(text, toks[0]) {
		return nil
	}
	return errAt(it.pos, `%q would match every %q: symbols are not part of words, in articles as in queries; put it in quotes with a word that goes with it, as in "C++ programming" (position %d)`, text, toks[0])
}

// unknownFields are the field names of search engines and social sites that a query has not: "author:smith" was
// the phrase "author smith", which no article spells, and "from: bbc" the words from AND bbc. Words that run into a
// colon in ordinary text ("to:", "in:") are not among them; "foo:bar" stays the phrase of its parts.
var unknownFields = map[string]bool{
	"author": true, "by": true, "from": true, "url": true, "inurl": true, "intext": true, "allintitle": true,
	"lang": true, "language": true, "before": true, "after": true, "since": true, "until": true, "date": true,
	"filetype": true, "tag": true, "category": true, "country": true, "feed": true, "text": true, "body": true,
}

// unknownField refuses a word that starts with the name of a field the query language has not ("author:smith",
// "from:"), saying which fields there are. Stored queries (ParseStored) keep their old reading, a phrase.
func (p *parser) unknownField(it item) error {
	name, rest, ok := strings.Cut(it.text, ":")
	if p.stored || !ok {
		return nil
	}
	if scheme := strings.ToLower(name); (scheme == "http" || scheme == "https") && strings.HasPrefix(rest, "//") {
		// A pasted link was the phrase of its parts ("https www bbc co uk news …"), which no article's text spells.
		if host := hostOf(it.text); host != "" {
			return errAt(it.pos, "a link is no word to find: for the articles of its site write site:%s (position %d)", host)
		}
	}
	if !unknownFields[strings.ToLower(name)] {
		return nil
	}
	return errAt(it.pos, "there is no %q field: a query has title:, source: and site: (position %d)", strings.ToLower(name)+":")
}

// capitalised reports whether the first letter of text is upper case.
func capitalised(text string) bool {
	for _, r := range text {
		if unicode.IsLetter(r) {
			return unicode.IsUpper(r)
		}
	}
	return false
}

func (p *parser) prefix(it item) (*node, error) {
	toks := p.tokens(it.text)
	if len(toks) > 1 {
		return nil, errAt(it.pos, `a prefix before "*" must be a single word (position %d)`)
	}
	if len(toks) == 0 || utf8.RuneCountInString(toks[0]) < minPrefix {
		return nil, errAt(it.pos, `a prefix needs at least %d characters before "*" (position %d)`, minPrefix)
	}
	return &node{kind: nodePrefix, pos: it.pos, tokens: toks}, nil
}

func (p *parser) phrase(it item) (*node, error) {
	if i := strings.IndexByte(it.text, '*'); i >= 0 && !p.stored {
		// "ukrain*" in quotes read as the exact word "ukrain", silently: one word is the prefix meant; in a
		// phrase (`"north kor*"`) the "*" is refused, as no phrase ends in a prefix. Stored queries keep their
		// reading, the phrase without the "*".
		word := strings.TrimSpace(it.text)
		if strings.Count(word, "*") == 1 && strings.HasSuffix(word, "*") && len(p.tokens(word)) == 1 {
			return p.prefix(item{kind: itemPrefix, pos: it.pos, text: strings.TrimSuffix(word, "*")})
		}
		return nil, errAt(it.pos+1+chars(it.text[:i]), `"*" does not work in a phrase: a prefix is one word ending in "*" (position %d)`)
	}
	toks := p.tokens(it.text)
	if len(toks) == 0 {
		return nil, errAt(it.pos, "nothing to match between the quotes at position %d")
	}
	return &node{kind: nodePhrase, pos: it.pos, tokens: toks, quoted: true}, nil
}

func (p *parser) group(open item) (*node, error) {
	p.depth++
	if p.depth > MaxDepth {
		return nil, errAt(open.pos, "too deeply nested (at most %d levels of parentheses) at position %d", MaxDepth)
	}
	inner, err := p.parseOr()
	if err != nil {
		return nil, err
	}
	closing := p.next()
	if closing.kind != itemClose {
		return nil, errAt(open.pos, `unclosed "(" at position %d`)
	}
	if inner == nil {
		return nil, errAt(open.pos, "empty parentheses at position %d")
	}
	p.depth--
	return inner, nil
}

// field parses what follows "title:", "source:" or "site:", which must come right after the colon.
func (p *parser) field(f item) (*node, error) {
	v := p.peek()
	if !v.glued && (v.kind == itemWord || v.kind == itemPhrase || v.kind == itemPrefix && f.text == "title") && len(p.tokens(v.text)) > 0 {
		// "title: storm", as people write after a colon: the error said what was missing, not that the space was
		// the fault; it shows the fix, the field glued to its word.
		fixed := f.text + ":" + typedItem(v)
		if f.text == "title" {
			return nil, errAt(f.pos, `"title:" takes its word right after it, without a space: %s (position %d)`, fixed)
		}
		return nil, errAt(f.pos, "%q takes its name right after it, without a space: %s (position %d)", f.text+":", fixed)
	}
	if f.text == "title" {
		if !v.glued || (v.kind != itemWord && v.kind != itemPrefix && v.kind != itemPhrase) {
			return nil, errAt(f.pos, `"title:" needs a word, prefix or phrase right after it (position %d)`)
		}
		n, err := p.parsePrimary()
		if err != nil {
			return nil, err
		}
		if n == nil {
			return nil, errAt(f.pos, `"title:" needs a word, prefix or phrase right after it (position %d)`)
		}
		n.setTitle()
		n.pos = f.pos
		return n, nil
	}
	if !v.glued || (v.kind != itemWord && v.kind != itemPhrase) {
		return nil, errAt(f.pos, "%q needs a source name or web address right after it (position %d)", f.text+":")
	}
	p.next()
	n := &node{kind: nodeSource, pos: f.pos, field: f.text, host: hostOf(v.text)}
	switch {
	case n.host != "" && !strings.Contains(n.host, "."):
		// site:.uk asks for the hosts under uk, not for a source named "UK News" as well: a top-level domain is
		// no name.
	case n.host != "":
		n.tokens = p.tokens(n.host)
	default:
		n.tokens = p.tokens(v.text)
	}
	if n.host == "" && strings.HasPrefix(strings.TrimSpace(v.text), ".") {
		// "site:..com": a dot first says a domain was meant, and read as a name it was source:com.
		return nil, errAt(f.pos, "%q needs a web address after its dot, as in site:.com or site:example.com (position %d)", f.text+":")
	}
	if (len(n.tokens) == 0 && n.host == "") || (n.host == "" && isSchemeOnly(v.text)) {
		// "site:http://" with the address left out read as the source named "http"
		return nil, errAt(f.pos, "%q needs a source name or web address right after it (position %d)", f.text+":")
	}
	n.quoted = v.kind == itemPhrase
	return n, nil
}

// typedItem writes a word, prefix or phrase item as it may be typed: a prefix with its "*", a phrase in quotes.
func typedItem(it item) string {
	switch it.kind {
	case itemPrefix:
		return it.text + "*"
	case itemPhrase:
		return `"` + it.text + `"`
	}
	return it.text
}

// isSchemeOnly reports whether v is a web address's scheme with no address
// after it: "http://", "https:", "HTTP://www".
func isSchemeOnly(v string) bool {
	v = strings.ToLower(strings.TrimSpace(v))
	for _, scheme := range []string{"http:", "https:"} {
		if rest, ok := strings.CutPrefix(v, scheme); ok {
			return hostOf(strings.TrimLeft(rest, "/")) == ""
		}
	}
	return false
}

// hostOf returns the web address in v in lower case ("https://www.Reuters.com/world" → "www.reuters.com"), or ""
// when v has no dot and so is only a name. A leading dot names a domain without its first label: ".com" → "com",
// ".co.uk" → "co.uk".
func hostOf(v string) string {
	v = strings.ToLower(strings.TrimSpace(v))
	if i := strings.Index(v, "://"); i >= 0 {
		v = v[i+3:]
	}
	if i := strings.IndexAny(v, "/?#"); i >= 0 {
		v = v[:i]
	}
	v = strings.TrimSuffix(v, ".")
	labels := strings.Split(v, ".")
	if len(labels) >= 2 && labels[0] == "" {
		// ".com", ".co.uk", as search engines take a top-level domain: the hosts under it. Read as a name, it was
		// source:com, which asks for a source called "com".
		v, labels = v[1:], labels[1:]
	} else if len(labels) < 2 {
		return ""
	}
	for _, l := range labels {
		if !isHostLabel(l) {
			return ""
		}
	}
	return v
}

// isHostLabel reports whether l is a domain label: letters, digits and inner hyphens.
func isHostLabel(l string) bool {
	if l == "" || l[0] == '-' || l[len(l)-1] == '-' {
		return false
	}
	for _, r := range l {
		if r != '-' && !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

// explainNegative says why a query could match an article by what it lacks alone: either it has no positive term
// at all, or one side of an OR that the query depends on has none.
func explainNegative(n *node) *ParseError {
	for n != nil && n.kind == nodeAnd {
		var or *node
		for _, k := range n.kids {
			if k.kind == nodeOr {
				or = k
				break
			}
		}
		n = or
	}
	if n != nil && n.kind == nodeOr {
		return errAt(n.pos, `each side of "OR" needs a word that must appear (position %d)`)
	}
	return errWhole("a query needs at least one word that must appear")
}
