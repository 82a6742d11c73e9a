package summarize

import (
	"fmt"
	"regexp"
	"regexp/syntax"
	"strings"
	"unicode/utf8"
)

// Kind says what a Rule does with the text its pattern matches.
type Kind string

// The kinds of cleaning rule, in the order they are applied to each line
// (see the package documentation for the whole order).
const (
	// CutLead searches the first leadWindow bytes of the article's lead
	// (its first non-empty lines) and removes everything up to the end of
	// the match. Wire copy glues a photo caption, its credit and the
	// repeated headline before the dateline; cutting through the dateline
	// removes them all. On a later lead line, after one was kept, only a
	// match at the start of the line counts, and the kept lines go too:
	// they were a caption or a teaser before the dateline. A pattern
	// anchored with "^" applies to those later lines only (on the first
	// line the StripPrefix rules do its work, after the DropLine rules).
	CutLead Kind = "cut_lead"
	// StripPrefix removes the match when it starts at the beginning of a
	// line. Prefix rules repeat until none applies.
	//
	// For CutLead and StripPrefix, a group named "rest" in the pattern
	// marks where the kept text starts: "(CNN)(?P<rest>\p{Lu})" removes
	// "(CNN)" only when a capital follows it and keeps the capital.
	StripPrefix Kind = "strip_prefix"
	// DropLine removes a line that the pattern matches as a whole.
	DropLine Kind = "drop_line"
	// StripInline removes every match anywhere in a line. A group named
	// "cut" in its pattern marks the part removed; the rest of the match is
	// what must surround it, and stays: "[.!?] (?P<cut>Advertisement
	// )\p{Lu}" removes the word between two sentences only.
	StripInline Kind = "strip_inline"
)

// Rule is one named boilerplate rule. Patterns use RE2 syntax (package
// regexp), so matching is linear in the length of the line. Anchors are
// added by the kind: a DropLine pattern must match the whole line, a
// StripPrefix pattern must match at its start.
type Rule struct {
	Name    string
	Pattern string
	// Kind defaults to DropLine when empty, the common case for
	// per-source rules written in the config.
	Kind Kind
	// Sources limits the rule to articles from these sources (compared
	// without regard to case); empty means every source.
	Sources []string
	// Hints, optional, speed a rule up: literal strings, one of which
	// occurs (ignoring ASCII case) in every text the pattern matches.
	// Lines with none of them skip the pattern. A wrong hint makes the
	// rule miss, so leave Hints empty when in doubt.
	Hints []string
}

// compiledRule is a Rule ready to run.
type compiledRule struct {
	name    string
	pattern string // as written, without the anchors of its kind
	kind    Kind
	re      *regexp.Regexp
	sources []string
	hints   []string // lower-cased
	hintAt  []int    // for each hint, the index of the byte mayMatch looks for first (see rarestByte)
	// hintSets holds the bytes and pairs of each hint, need those that
	// every hint has: a line without them holds none of the hints.
	hintSets []hintSet
	need     hintSet
	rest     int // index of the submatch named "rest", -1 when none
	cut      int // index of the submatch named "cut", -1 when none
	// filter, for a built-in rule in leadFilters or prefixFilters, is a
	// cheap test every text the pattern matches passes; nil for the others.
	filter func(string) bool
	// anchored is a CutLead pattern starting with "^": it cuts later lead
	// lines only.
	anchored bool
	// starts holds the bytes a match may start with (firstOf the pattern,
	// letters folded as in byteSet, every byte beyond ASCII for any other
	// rune); all of them when the pattern matches the empty string. A line
	// with none of them is not run through the pattern.
	starts byteSet
	// head, for a StripPrefix rule, an anchored CutLead rule or a DropLine
	// rule the cleaner runs alone (dropEach), is what a match may start with
	// (startOf), its first two bytes: a line that starts otherwise is not run
	// through the pattern. tail, for such a DropLine rule, is what it may end with
	// (endOf). compileCleaner sets them; anyEdge lets every line through.
	head, tail lineEdge
	edges      bool // head or tail is not anyEdge
	// rare holds the byte of each hint that mayMatch looks for first (see
	// rarestByte), letters folded: a line with none of them holds no hint,
	// whatever the hints share.
	rare byteSet
}

// cutEnd returns where the text kept after a CutLead or StripPrefix match
// in s starts: the start of the "rest" group when the pattern has one,
// else the end of the match; ok is false when the pattern does not match.
func (r *compiledRule) cutEnd(s string) (start, end int, ok bool) {
	if r.rest < 0 {
		loc := r.re.FindStringIndex(s)
		if loc == nil {
			return 0, 0, false
		}
		return loc[0], loc[1], true
	}
	loc := r.re.FindStringSubmatchIndex(s)
	if loc == nil {
		return 0, 0, false
	}
	if at := loc[2*r.rest]; at >= 0 {
		return loc[0], at, true
	}
	return loc[0], loc[1], true
}

// compileRule checks and compiles r. The error names the rule, so that a
// bad per-source rule in the config is easy to find.
func compileRule(r Rule) (compiledRule, error) {
	if strings.TrimSpace(r.Name) == "" {
		return compiledRule{}, fmt.Errorf("rule with pattern %q: name is empty", r.Pattern)
	}
	if r.Pattern == "" {
		return compiledRule{}, fmt.Errorf("rule %q: pattern is empty", r.Name)
	}
	kind := r.Kind
	if kind == "" {
		kind = DropLine
	}
	var expr string
	switch kind {
	case DropLine:
		expr = `^(?:` + r.Pattern + `)$`
	case StripPrefix:
		expr = `^(?:` + r.Pattern + `)`
	case StripInline, CutLead:
		expr = r.Pattern
	default:
		return compiledRule{}, fmt.Errorf("rule %q: unknown kind %q (want %s, %s, %s or %s)",
			r.Name, kind, DropLine, StripPrefix, StripInline, CutLead)
	}
	re, err := regexp.Compile(expr)
	if err != nil {
		return compiledRule{}, fmt.Errorf("rule %q: bad pattern: %w", r.Name, err)
	}
	if re.MatchString("") && kind != DropLine {
		return compiledRule{}, fmt.Errorf("rule %q: pattern matches the empty string", r.Name)
	}
	sources := make([]string, 0, len(r.Sources))
	for _, s := range r.Sources {
		sources = append(sources, strings.ToLower(strings.TrimSpace(s)))
	}
	hints := make([]string, 0, len(r.Hints))
	for _, h := range r.Hints {
		if h == "" {
			return compiledRule{}, fmt.Errorf("rule %q: empty hint", r.Name)
		}
		hints = append(hints, strings.ToLower(h))
	}
	hintAt := make([]int, len(hints))
	hintSets := make([]hintSet, len(hints))
	var need hintSet
	var rare byteSet
	for i, h := range hints {
		hintAt[i] = rarestByte(h)
		rare.add(h[hintAt[i]])
		hintSets[i] = hintSetOf(h)
		if i == 0 {
			need = hintSets[i]
		} else {
			need = need.common(hintSets[i])
		}
	}
	return compiledRule{head: anyEdge, tail: anyEdge, name: r.Name, pattern: r.Pattern, kind: kind, re: re, sources: sources, hints: hints, hintAt: hintAt,
		hintSets: hintSets, need: need, rare: rare,
		rest: re.SubexpIndex("rest"), cut: re.SubexpIndex("cut"), anchored: kind == CutLead && strings.HasPrefix(r.Pattern, "^"), starts: startBytes(r.Pattern)}, nil
}

// startBytes returns the bytes a match of pattern may start with, as
// compiledRule.starts holds them.
func startBytes(pattern string) byteSet {
	syn, err := syntax.Parse(pattern, syntax.Perl)
	if err != nil {
		return allBytes
	}
	f := firstOf(syn)
	if f.nullable {
		return allBytes
	}
	var s byteSet
	for c := 0; c < utf8.RuneSelf; c++ {
		if f.has(byte(c)) {
			s.add(byte(c))
		}
	}
	if f.other {
		s[2], s[3] = ^uint64(0), ^uint64(0)
	}
	return s
}

// mayMatch reports whether line holds one of the rule's hints, or the rule
// has none; false means the pattern cannot match. set holds at least the
// bytes and the pairs of line (setOfLine, or allLine): a hint with another
// byte or pair is not looked for, nor a pattern no byte of which may start
// a match, nor one anchored at the line's start that cannot start as line
// does, nor a DropLine pattern that cannot end as line does. With
// allLine every test but the filter's is skipped, and every hint searched,
// as before these tests: tests compare the two.
func (r *compiledRule) mayMatch(line string, set *lineSet) bool {
	if !set.bytes.meets(&r.starts) {
		return false
	}
	if r.edges && set != &allLine && line != "" && !r.edgesAdmit(line) {
		return false
	}
	if r.filter != nil && !r.filter(line) {
		return false
	}
	if len(r.hints) == 0 {
		return true
	}
	if !set.bytes.meets(&r.rare) || !set.covers(&r.need) {
		return false
	}
	for i, h := range r.hints {
		if set.covers(&r.hintSets[i]) && containsFoldAt(line, h, r.hintAt[i]) {
			return true
		}
	}
	return false
}

// edgesAdmit reports whether the non-empty line starts as head allows and
// ends as tail allows.
func (r *compiledRule) edgesAdmit(line string) bool {
	n := len(line)
	if n == 1 {
		return r.head.mayStart(line) && r.tail.mayEnd(line)
	}
	return r.head.admits2(line[0], line[1]) && r.tail.admits2(line[n-1], line[n-2])
}

// letterRank orders the lower-case letters from the most to the least
// frequent in English text.
const letterRank = "etaoinshrdlcumwfgypbvkjxqz"

// rarestByte returns the index in the lower-case string sub of the byte
// least likely in text: a space is the commonest, then the letters by
// their frequency; any other byte (punctuation, digits, non-ASCII) is
// rare. Looking for that byte first, containsFoldAt stops at few places.
func rarestByte(sub string) int {
	best, bestRank := 0, -2
	for i := 0; i < len(sub); i++ {
		c := sub[i]
		rank := len(letterRank) // rarer than any letter
		switch {
		case c == ' ':
			rank = -1
		case 'a' <= c && c <= 'z':
			rank = strings.IndexByte(letterRank, c)
		}
		if rank > bestRank {
			best, bestRank = i, rank
		}
	}
	return best
}

// containsFoldAt reports whether s contains the lower-case string sub,
// ignoring the case of ASCII letters: it looks for the byte of sub at
// index at, in either case when it is a letter, and compares the rest of
// sub around each place it occurs.
func containsFoldAt(s, sub string, at int) bool {
	if len(sub) == 0 {
		return true
	}
	c := sub[at]
	if containsFoldAround(s, sub, at, c) {
		return true
	}
	if 'a' <= c && c <= 'z' {
		return containsFoldAround(s, sub, at, c-('a'-'A'))
	}
	return false
}

// containsFoldAround reports whether sub occurs in s (ASCII case folded)
// with the byte c of s at its index at.
func containsFoldAround(s, sub string, at int, c byte) bool {
	for from := at; from < len(s); {
		i := strings.IndexByte(s[from:], c)
		if i < 0 {
			return false
		}
		start := from + i - at
		if start+len(sub) > len(s) {
			return false
		}
		if asciiEqualFold(s[start:start+len(sub)], sub) {
			return true
		}
		from += i + 1
	}
	return false
}

// asciiEqualFold compares s with the lower-case string lower, folding
// ASCII letters in s only.
func asciiEqualFold(s, lower string) bool {
	for i := 0; i < len(lower); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != lower[i] {
			return false
		}
	}
	return true
}

// appliesTo reports whether the rule runs for articles of source (already
// lower-cased).
func (r *compiledRule) appliesTo(source string) bool {
	if len(r.sources) == 0 {
		return true
	}
	for _, s := range r.sources {
		if s == source {
			return true
		}
	}
	return false
}

// strip returns line with every match of an inline rule replaced by a
// space, or only its "cut" group when the pattern has one.
func (r *compiledRule) strip(line string) string {
	if r.cut < 0 {
		return r.re.ReplaceAllLiteralString(line, " ")
	}
	var b strings.Builder
	last := 0
	for _, m := range r.re.FindAllStringSubmatchIndex(line, -1) {
		from, to := m[2*r.cut], m[2*r.cut+1]
		if from < 0 {
			continue
		}
		b.WriteString(line[last:from])
		b.WriteByte(' ')
		last = to
	}
	b.WriteString(line[last:])
	return b.String()
}
