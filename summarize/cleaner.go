package summarize

import (
	"fmt"
	"html"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

const (
	// leadWindow is how far into the lead a CutLead match may start.
	// Wire captions with credit and headline run to about 400 bytes.
	leadWindow = 500
	// maxSectionWords is how many words a section's label between a repeated
	// title and its repeat may have ("News", "Local News", "U.S. & World
	// News"): more, and what lies between is a sentence.
	maxSectionWords = 4
	// leadLines is how many leading lines may count as the lead: a caption
	// alone on the first line leaves the dateline on the next.
	leadLines = 4
	// maxDropLine is the longest line a DropLine rule may remove; a longer
	// line is prose that merely starts like boilerplate.
	maxDropLine = 600
	// maxTitleCut is the longest title cutTitle looks for; a longer one is
	// not a headline, and searching for it would cost too much.
	maxTitleCut = 300
	// maxPrefixRounds bounds how many times the prefix rules run over one
	// line ("UPDATE 1-" then a dateline, for example).
	maxPrefixRounds = 4
)

// cleaner holds compiled rules grouped by kind, built-in rules first.
type cleaner struct {
	lead, prefix, drop, inline []compiledRule
	// dropAny is the alternation of the DropLine rules that apply to every
	// source and have no hints: one pass of it over a prose line fails in a
	// few bytes where the rules one by one cost a pass each.
	// It is split by the line's first rune (see dropByFirst).
	dropAny *dropByFirst
	// dropEach are the DropLine rules not in dropAny.
	dropEach []compiledRule
	// searchAllHints makes mayMatch search every hint of a line, as it did
	// before setOfLine: tests compare the two.
	searchAllHints bool
	// sourceFree says that no rule is limited to some sources: the
	// cleaning of a line is the same for every source (see Cleaned).
	sourceFree bool
}

// newCleaner compiles the built-in rules followed by extra. The error names
// the first rule that does not compile.
func newCleaner(extra []Rule) (*cleaner, error) {
	c, err := compileCleaner(append(builtinRules(), extra...))
	if err != nil {
		return nil, err
	}
	// Rule names are unique, so these are the built-in rules: an extra rule
	// cannot take one's name.
	for i := range c.lead {
		c.lead[i].filter = leadFilters[c.lead[i].name]
	}
	for i := range c.prefix {
		c.prefix[i].filter = prefixFilters[c.prefix[i].name]
	}
	return c, nil
}

// compileCleaner compiles rules in order; rule names must be unique.
func compileCleaner(rules []Rule) (*cleaner, error) {
	c := &cleaner{}
	seen := make(map[string]bool, len(rules))
	for _, r := range rules {
		cr, err := compileRule(r)
		if err != nil {
			return nil, err
		}
		if seen[cr.name] {
			return nil, fmt.Errorf("rule %q: name used twice", cr.name)
		}
		seen[cr.name] = true
		switch cr.kind {
		case CutLead:
			if cr.anchored {
				// it cuts only through a match at a later lead line's start
				cr.head, cr.edges = startOf(cr.pattern), true
			}
			c.lead = append(c.lead, cr)
		case StripPrefix:
			cr.head, cr.edges = startOf(cr.pattern), true
			c.prefix = append(c.prefix, cr)
		case DropLine:
			c.drop = append(c.drop, cr)
		case StripInline:
			c.inline = append(c.inline, cr)
		}
	}
	var alts []string
	for _, r := range c.drop {
		if len(r.sources) == 0 && len(r.hints) == 0 {
			alts = append(alts, "(?:"+r.pattern+")")
			continue
		}
		r.head, r.tail, r.edges = startOf(r.pattern), endOf(r.pattern), true
		c.dropEach = append(c.dropEach, r)
	}
	d, err := newDropByFirst(alts)
	if err != nil {
		return nil, err
	}
	c.dropAny = d
	c.sourceFree = true
	for _, rs := range [][]compiledRule{c.lead, c.prefix, c.drop, c.inline} {
		for _, r := range rs {
			c.sourceFree = c.sourceFree && len(r.sources) == 0
		}
	}
	return c, nil
}

// defaultCleaner compiles the built-in rules once for Clean. It is package
// state, but immutable after the first call: nothing can change the rules.
var defaultCleaner = sync.OnceValue(func() *cleaner {
	c, err := newCleaner(nil)
	if err != nil {
		panic("summarize: built-in rules do not compile: " + err.Error())
	}
	return c
})

// cleanerWith returns the cleaner of the built-in rules followed by extra:
// without extra rules, the one Clean uses (defaultCleaner), compiled once
// for the process. The built-in rules compile to some 7 MB of regexp
// programs, all pointers, which a second copy made the collector mark at
// every cycle (and the start compile twice). The error names the first
// extra rule that does not compile.
func cleanerWith(extra []Rule) (*cleaner, error) {
	if len(extra) == 0 {
		return defaultCleaner(), nil
	}
	return newCleaner(extra)
}

// Clean returns text with markup stripped, entities decoded and the
// built-in boilerplate rules applied, paragraphs separated by "\n\n". It
// returns "" when nothing but boilerplate was there. The order of the steps
// is stated in the package documentation.
func Clean(text string) string {
	return defaultCleaner().clean(text, "", "")
}

// clean applies every step to text. Rules limited to other sources than
// source are skipped; title, when known, is cut from the lead where wire
// copy repeats it after a photo caption.
func (c *cleaner) clean(text, source, title string) string {
	return c.cleanKnowing(text, source, title, nil, nil)
}

// cleanKnowing is clean that notes in note, when not nil, what it learnt of
// each line it wrote (see lineFact), and skips the rules over a line that
// known, when not nil, says they keep as it is (see lineFact.keeps).
func (c *cleaner) cleanKnowing(text, source, title string, known *Cleaned, note *[]lineFact) string {
	if looksLikeHTML(text) {
		text = htmlToText(text)
	}
	text = decodeEntities(text)
	source = strings.ToLower(strings.TrimSpace(source))
	title = strings.TrimSpace(title)
	if known != nil && (known.by != c || !c.sourceFree) {
		known = nil // the facts are of these rules, the same for every source
	}

	var out strings.Builder
	out.Grow(len(text))
	lead := leadLines
	k := -1 // the line's number, of those logicalLines yields
	for line := range logicalLines(text) {
		k++
		if known != nil {
			if fact := known.keeps(k, line, lead > 0, out.Len() > 0, title); fact != factNone {
				if lead > 0 {
					lead--
				}
				noteLine(note, &out, line, fact)
				writeLine(&out, line)
				continue
			}
		}
		set := &allLine
		if !c.searchAllHints {
			s := setOfLine(line)
			set = &s
		}
		kept := false // line is known not to be dropped
		fact := factNone
		if lead > 0 {
			lead--
			// After a kept line, a line the DropLine rules remove ("FILE - ...")
			// is no dateline.
			started := out.Len() > 0
			if !started || !c.dropped(line, source, set) {
				kept = started
				cutLine, cut := c.cutLead(line, source, title, started, set)
				if cut {
					out.Reset() // what came before the dateline was a caption or a teaser
					if note != nil {
						*note = (*note)[:0]
					}
				}
				kept = kept && cutLine == line
				if cutLine == line && title == "" {
					fact = factLeadFresh
					if started {
						fact = factLeadStarted
					}
				}
				line = cutLine
			}
		}
		in := line
		line = c.cleanLine(line, source, set, kept)
		if line == "" {
			continue
		}
		if line != in {
			fact = factNone
		} else if fact == factNone {
			fact = factBody
		}
		noteLine(note, &out, line, fact)
		writeLine(&out, line)
	}
	return out.String()
}

// writeLine writes line to out as a paragraph of its own.
func writeLine(out *strings.Builder, line string) {
	if out.Len() > 0 {
		out.WriteString("\n\n")
	}
	out.WriteString(line)
}

// minVariantWords is how many words a title needs before cutTitleVariant
// takes a line's words for a variant of it: a short title is one word away
// from many a sentence.
const minVariantWords = 5

// cutTitleVariant cuts a section's label (one to maxSectionWords words)
// and a variant of the title after it from the start of line, and reports
// whether it did: a page's headline written one word apart from its title
// ("Shooting in SW Houston injures 9 people; gunman shot, killed" over
// "News Shooting in Houston injures 9 people; gunman shot, killed Police
// say …"). The variant starts with the title's first word, ends with its
// last, differs by one word left out, added or changed, and a fresh start
// (a capital, a digit, a quote) follows it; a title of fewer than
// minVariantWords words is never looked for.
func cutTitleVariant(line, title string) (string, bool) {
	tw := strings.Fields(title)
	if len(tw) < minVariantWords {
		return line, false
	}
	type span struct{ start, end int }
	var words []span
	for i := 0; i < len(line) && len(words) < maxSectionWords+len(tw)+1; {
		for i < len(line) && line[i] == ' ' {
			i++
		}
		j := i
		for j < len(line) && line[j] != ' ' {
			j++
		}
		if j > i {
			words = append(words, span{i, j})
		}
		i = j
	}
	word := func(k int) string { return line[words[k].start:words[k].end] }
	for k := 1; k <= maxSectionWords && k < len(words); k++ {
		if !strings.EqualFold(word(k), tw[0]) {
			continue
		}
		i, j, edits := 0, k, 0
		for i < len(tw) && j < len(words) && edits <= 1 {
			switch {
			case strings.EqualFold(word(j), tw[i]):
				i, j = i+1, j+1
			case i+1 < len(tw) && strings.EqualFold(word(j), tw[i+1]):
				i, edits = i+1, edits+1 // a word of the title left out
			case j+1 < len(words) && strings.EqualFold(word(j+1), tw[i]):
				j, edits = j+1, edits+1 // a word added
			default:
				i, j, edits = i+1, j+1, edits+1 // a word changed
			}
		}
		if i < len(tw) || edits > 1 || !strings.EqualFold(word(j-1), tw[len(tw)-1]) {
			continue
		}
		rest := strings.TrimLeft(line[words[j-1].end:], " ")
		r, _ := utf8.DecodeRuneInString(rest)
		if unicode.IsUpper(r) || unicode.IsDigit(r) || isOpenQuote(r) {
			return rest, true
		}
	}
	return line, false
}

// cutLead removes the junk wire copy glues before the news on a lead
// line: through a repeated title followed by a fresh start when the title
// is known and found, otherwise through the first CutLead rule that
// matches near the start of the line. After a kept line (started is true)
// only a CutLead match at the start of the line counts, and cut reports
// it: the lines kept before a dateline were a caption or a teaser.
func (c *cleaner) cutLead(line, source, title string, started bool, set *lineSet) (_ string, cut bool) {
	if title != "" && !started {
		if cut, ok := cutTitle(line, title); ok {
			// a section's label and the headline again ("… News Police:
			// Family found shot …"): a page's title, section and headline
			if i := indexFold(cut, title, leadWindow); i >= 0 && len(strings.Fields(cut[:i])) <= maxSectionWords {
				if again, ok := cutTitle(cut, title); ok {
					cut = again
				}
			} else if again, ok := cutTitleVariant(cut, title); ok {
				cut = again // "… News Shooting in Houston injures …" under "Shooting in SW Houston injures …"
			}
			return cut, false
		}
	}
	end := min(len(line), leadWindow+200)
	for end < len(line) && !utf8.RuneStart(line[end]) {
		end--
	}
	window := line[:end]
	for i := range c.lead {
		r := &c.lead[i]
		if !r.appliesTo(source) || !r.mayMatch(window, set) || r.anchored && !started {
			continue
		}
		start, end, ok := r.cutEnd(window)
		if !ok || start > leadWindow || end == 0 || started && start > 0 {
			continue
		}
		return trimLeadPunct(line[end:]), true
	}
	return line, false
}

// cleanLine applies the prefix, drop-line and inline rules to one line and
// returns "" when the line is boilerplate. set holds the bytes and pairs
// of line (see setOfLine); kept says that the DropLine rules keep line as
// it is.
func (c *cleaner) cleanLine(line, source string, set *lineSet, kept bool) string {
	if !kept && c.dropped(line, source, set) {
		return ""
	}
	stripped := false
	for round := 0; round < maxPrefixRounds && line != ""; round++ {
		changed := false
		for i := range c.prefix {
			r := &c.prefix[i]
			if !r.appliesTo(source) || !r.mayMatch(line, set) || !r.re.MatchString(line) {
				continue
			}
			if _, end, _ := r.cutEnd(line); end > 0 {
				line = trimLeadPunct(line[end:])
				changed = true
			}
		}
		if !changed {
			break
		}
		stripped = true
	}
	if line == "" || (stripped && c.dropped(line, source, set)) {
		return ""
	}
	changed := false
	for i := range c.inline {
		r := &c.inline[i]
		if !r.appliesTo(source) || !r.mayMatch(line, set) || !r.re.MatchString(line) {
			continue
		}
		line = r.strip(line)
		set = set.changedTo(line)
		changed = true
	}
	if changed {
		line = normalizeSpace(line)
		set = set.changedTo(line)
		if line == "" || !hasWord(line) || c.dropped(line, source, set) {
			return ""
		}
	}
	return line
}

// dropped reports whether a DropLine rule matches the whole line; set
// holds the bytes and pairs of line.
func (c *cleaner) dropped(line, source string, set *lineSet) bool {
	if len(line) > maxDropLine {
		return false
	}
	if c.dropAny != nil && c.dropAny.MatchString(line) {
		return true
	}
	for i := range c.dropEach {
		r := &c.dropEach[i]
		if r.appliesTo(source) && r.mayMatch(line, set) && r.re.MatchString(line) {
			return true
		}
	}
	return false
}

// cutTitle removes title (and whatever precedes it) from the start of
// line when something new starts after it, and reports whether it did:
// wire copy glues the headline between a photo credit and the dateline. A
// title inside a sentence ("Acme to cut jobs as demand slumps") stays.
func cutTitle(line, title string) (string, bool) {
	if len(title) > maxTitleCut {
		return line, false
	}
	i := -1
	for k, t := range [...]string{title, trimTitleSuffix(title)} {
		if k == 1 && t == title {
			break // searched for already
		}
		if utf8.RuneCountInString(t) >= 12 {
			if i = indexFold(line, t, leadWindow); i >= 0 {
				title = t
				break
			}
		}
	}
	if i < 0 {
		return line, false
	}
	rest := strings.TrimLeft(line[i+len(title):], " ")
	if rest == "" {
		return "", true
	}
	r, size := utf8.DecodeRuneInString(rest)
	switch {
	case r == '.' && dependsOnPrevious(trimLeadPunct(rest[size:]), langEnglish):
		// The title is the lead's first sentence and the next one refers
		// to it ("A clinic opens in Ayr. It has 12 beds ..."): cut, it
		// would leave "It" opening the text with nothing to refer to. The
		// summarizer leaves the repeat out unless that sentence needs it.
		// English openers only: the language is not known yet, and another
		// language's text keeps its line as it was.
		return line, false
	case r == '.' || r == ':' || r == '!' || r == '?':
		return trimLeadPunct(rest[size:]), true
	case unicode.IsUpper(r) || unicode.IsDigit(r) || isOpenQuote(r):
		return rest, true
	}
	return line, false
}

// trimTitleSuffix drops a trailing " - Source" or " | Section" from a title.
func trimTitleSuffix(title string) string {
	if j := strings.LastIndexAny(title, "|-–—"); j > len(title)/2 && j > 0 && title[j-1] == ' ' {
		return strings.TrimSpace(title[:j])
	}
	return title
}

// indexFold returns the index of the first case-insensitive occurrence of
// sub in s that starts within limit bytes, or -1.
func indexFold(s, sub string, limit int) int {
	if sub == "" || len(sub) > len(s) {
		return -1
	}
	first, _ := utf8.DecodeRuneInString(sub)
	lower, upper := unicode.ToLower(first), unicode.ToUpper(first)
	if lower < utf8.RuneSelf && upper < utf8.RuneSelf {
		// Only an ASCII byte decodes to an ASCII rune, and every ASCII
		// byte of s starts a rune (no UTF-8 sequence holds one, and a
		// byte that starts none is read alone): the bytes are compared.
		lo, up := byte(lower), byte(upper)
		for i := 0; i <= limit && i+len(sub) <= len(s); i++ {
			if c := s[i]; (c == lo || c == up) && strings.EqualFold(s[i:i+len(sub)], sub) {
				return i
			}
		}
		return -1
	}
	for i := 0; i <= limit && i+len(sub) <= len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if (r == lower || r == upper) && strings.EqualFold(s[i:i+len(sub)], sub) {
			return i
		}
		i += size
	}
	return -1
}

// trimLeadPunct removes the spaces and separators a removed prefix leaves.
func trimLeadPunct(s string) string {
	return strings.TrimLeft(s, " -–—:|·•/.,;")
}

// decodeEntities decodes HTML entities, twice when the text was escaped
// twice ("&amp;nbsp;").
func decodeEntities(s string) string {
	for range 2 {
		if !strings.Contains(s, "&") {
			return s
		}
		s = html.UnescapeString(s)
	}
	return s
}

// hasWord reports whether s holds a letter or a digit.
func hasWord(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

func isOpenQuote(r rune) bool {
	switch r {
	case '"', '\'', '“', '‘', '«', '„', '‚', '(', '[', '¿', '¡', '「', '『':
		return true
	}
	return false
}
