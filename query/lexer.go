package query

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// itemKind is the kind of a lexical item of a query.
type itemKind uint8

const (
	itemEOF    itemKind = iota
	itemWord            // a bare word; text is as typed
	itemPrefix          // a word ending in "*"; text is as typed, without the "*"
	itemPhrase          // text between quotes
	itemField           // "title:", "source:" or "site:"; text is the field name in lower case
	itemOpen            // (
	itemClose           // )
	itemOr              // OR or |
	itemAnd             // AND
	itemNot             // - before a word, or NOT
)

// item is one lexical item. pos counts characters from 1 in the trimmed query text; glued means that no space
// separates the item from the one before it, which matters after "-" and after a field name.
type item struct {
	kind  itemKind
	pos   int
	glued bool
	text  string
}

// lexer splits a query into items. Bare words are runs of characters up to a space, a quote, a parenthesis or "|".
type lexer struct {
	src   string
	off   int // byte offset
	pos   int // character position (from 1) of src[off], as a reader counts characters (charCount)
	chars charCount
	glued bool
	items []item
}

// quotes are the characters that open or close a phrase: the ASCII quote, the typographic ones that phone
// keyboards substitute for it, and the corner brackets that Japanese and Chinese quote with.
const quotes = "\"“”„«»「」『』"

// fullWidth writes the full-width forms of the query language's characters, which Chinese and Japanese input
// methods type, as the ASCII ones, one character for one so that positions stay: "（kursk OR belgorod） -sport"
// read its parentheses as punctuation, kursk OR (belgorod AND NOT sport), and "title：storm" as a phrase.
const fullWidthForms = "（）＂｜＊：＇"

var fullWidth = strings.NewReplacer("（", "(", "）", ")", "＂", "\"", "｜", "|", "＊", "*", "：", ":", "＇", "'")

func isSpecial(r rune) bool {
	return r == '(' || r == ')' || r == '|' || strings.ContainsRune(quotes, r)
}

// lex returns the items of src, ending with itemEOF, or a *ParseError for an unclosed quote or a misplaced "*".
func lex(src string) ([]item, error) {
	src = withoutInvisible(src)
	if strings.ContainsAny(src, fullWidthForms) { // a Replacer of several strings allocates even when none is there
		src = fullWidth.Replace(src)
	}
	lx := &lexer{src: src, pos: 1}
	for {
		r, size := lx.peek()
		switch {
		case size == 0:
			lx.emit(itemEOF, lx.pos, "")
			return lx.items, nil
		case unicode.IsSpace(r):
			lx.advance(size)
			lx.glued = false
			continue
		case isEmoji(r):
			// A space unless it follows "-" or a field name, which keep what they were glued to: "-🚀sport" is NOT sport.
			lx.emoji(size)
			if n := len(lx.items); n == 0 || lx.items[n-1].kind != itemNot && lx.items[n-1].kind != itemField {
				lx.glued = false
			}
			continue
		case r == '(':
			lx.emit(itemOpen, lx.pos, "(")
			lx.advance(size)
		case r == ')':
			lx.emit(itemClose, lx.pos, ")")
			lx.advance(size)
		case r == '|':
			lx.emit(itemOr, lx.pos, "|")
			for lx.advance(size); strings.HasPrefix(lx.src[lx.off:], "|"); { // "||", as programmers write OR
				lx.advance(size)
			}
		case strings.ContainsRune(quotes, r):
			if err := lx.phrase(); err != nil {
				return nil, err
			}
		case r == '-':
			lx.emit(itemNot, lx.pos, "-")
			lx.advance(size)
		case singleOpen(r) != "" && lx.singlePhrase(r, size):
		case isDash(r) && lx.beforeTerm(size):
			lx.emit(itemNot, lx.pos, string(r))
			lx.advance(size)
		default:
			if err := lx.run(); err != nil {
				return nil, err
			}
		}
		lx.glued = true
	}
}

// isDash reports whether r is a dash or minus that a phone types for "-": iOS turns "--" into "—", some keyboards
// offer "–" and "−" beside "-". Right before a word it is NOT, as "-" is ("russia —sport" was russia AND sport, the
// opposite of what was typed); alone between spaces it stays punctuation, which the query ignores.
func isDash(r rune) bool {
	switch r {
	case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212', '\ufe58', '\ufe63', '\uff0d':
		return true
	}
	return false
}

// isEmoji reports whether r is an emoji (a pictograph, a flag's regional indicator, a dingbat), which parts two
// words as a space does: a reader sees "storm🌪flood" as two words, not as the phrase "storm flood" that a run of
// text glued by punctuation ("long-term", "foo:bar") is. Other symbols ("°", "©", "™", "№") stay punctuation
// inside a run: "30°C" is the phrase "30 c", not every "c".
func isEmoji(r rune) bool {
	if r < 0x2300 {
		return false
	}
	return (r <= 0x23ff || r >= 0x2600 && r <= 0x27bf || r >= 0x2b00 && r <= 0x2bff || r >= 0x1f000 && r <= 0x1faff) &&
		r != '♯' && unicode.Is(unicode.So, r) // the music sharp writes C♯, a name (symbolName)
}

// emoji moves past the emoji of size bytes at the lexer's place and what belongs to it: variation selectors, skin
// tones, a keycap, tags and the emoji that a zero-width joiner joins to it (👨‍👩‍👧).
func (lx *lexer) emoji(size int) {
	lx.advance(size)
	for {
		r, n := lx.peek()
		if n == 0 || !(r == '\ufe0e' || r == '\ufe0f' || r == '\u200d' || r == '\u20e3' || isEmoji(r) && lx.chars.afterZWJ ||
			r >= 0x1f3fb && r <= 0x1f3ff || r >= 0xe0020 && r <= 0xe007f) {
			return
		}
		lx.advance(n)
	}
}

// beforeTerm reports whether the character after the size bytes at the lexer's place is glued to them and can
// start a term: not a space, not the end, not ")" or "|".
func (lx *lexer) beforeTerm(size int) bool {
	r, n := utf8.DecodeRuneInString(lx.src[lx.off+size:])
	return n > 0 && !unicode.IsSpace(r) && r != ')' && r != '|'
}

// invisible reports a character that text copied from a web page or typed in right-to-left script carries
// unseen and that parts nothing: zero-width space, word joiner, byte-order mark, soft hyphen, and the direction
// marks, embeddings and isolates. (The zero-width joiner and non-joiner shape Persian and Indic words; they stay.)
func invisible(r rune) bool {
	switch {
	case r == '\u200b' || r == '\u2060' || r == '\ufeff' || r == '\u00ad':
		return true
	case r == '\u200e' || r == '\u200f' || r == '\u061c' || r >= '\u202a' && r <= '\u202e' || r >= '\u2066' && r <= '\u2069':
		return true
	}
	return false
}

// withoutInvisible returns s without its invisible characters, so that they neither split a word ("k\u200bursk"
// was the phrase "k ursk") nor hide an operator (a right-to-left mark before "-sport" made it a word), and positions
// count the characters the user sees.
func withoutInvisible(s string) string {
	if strings.IndexFunc(s, invisible) < 0 {
		return s
	}
	return strings.Map(func(r rune) rune {
		if invisible(r) {
			return -1
		}
		return r
	}, s)
}

func (lx *lexer) peek() (rune, int) {
	if lx.off >= len(lx.src) {
		return 0, 0
	}
	return utf8.DecodeRuneInString(lx.src[lx.off:])
}

// advance moves past the size bytes of the rune at the lexer's place; pos counts the characters seen, so a rune
// that joins the one before it (a combining mark, an emoji's modifier) takes no place of its own.
func (lx *lexer) advance(size int) {
	if b := lx.src[lx.off]; b < utf8.RuneSelf && !lx.chars.afterZWJ { // ASCII, most queries: a character of its own
		lx.chars.n++
		lx.chars.flagOpen = false
	} else {
		r, _ := utf8.DecodeRuneInString(lx.src[lx.off:])
		lx.chars.add(r)
	}
	lx.off += size
	lx.pos = lx.chars.n + 1
}

// charCount counts the characters a reader sees in a run of runes: a combining mark, a variation selector, an
// emoji's skin tone, keycap or tag, and what a zero-width joiner joins belong to the character before, and two
// regional indicators are one flag. (It approximates Unicode's grapheme clusters; a Devanagari conjunct counts as
// its consonants.) "🇺🇦 -" had its "-" at position 4, "नमस्ते -" at 8, where a reader counts 3 and 6.
type charCount struct {
	n        int
	afterZWJ bool // the last rune was a zero-width joiner
	flagOpen bool // the last rune was a regional indicator that began a flag
}

func (c *charCount) add(r rune) {
	joins := c.n > 0 && (c.afterZWJ || unicode.In(r, unicode.Mn, unicode.Me, unicode.Mc) || r == '\u200d' ||
		r == '\ufe0e' || r == '\ufe0f' || r >= 0x1f3fb && r <= 0x1f3ff || r >= 0xe0020 && r <= 0xe007f ||
		c.flagOpen && r >= 0x1f1e6 && r <= 0x1f1ff)
	if !joins {
		c.n++
	}
	c.afterZWJ = r == '\u200d'
	c.flagOpen = !joins && r >= 0x1f1e6 && r <= 0x1f1ff
}

// chars returns how many characters a reader sees in s (see charCount).
func chars(s string) int {
	var c charCount
	for _, r := range s {
		c.add(r)
	}
	return c.n
}

func (lx *lexer) emit(k itemKind, pos int, text string) {
	lx.items = append(lx.items, item{kind: k, pos: pos, glued: lx.glued, text: text})
}

// phrase reads a quoted phrase; any quote character closes it.
func (lx *lexer) phrase() error {
	start := lx.pos
	_, size := lx.peek()
	lx.advance(size)
	from := lx.off
	for {
		r, size := lx.peek()
		if size == 0 {
			return errAt(start, "unclosed quote at position %d")
		}
		if strings.ContainsRune(quotes, r) {
			lx.emit(itemPhrase, start, lx.src[from:lx.off])
			lx.advance(size)
			return nil
		}
		lx.advance(size)
	}
}

// singleOpen returns the characters that close a phrase opened by r in single quotes, or "" when r opens none:
// 'x', ‘x’ (iOS turns ' into ‘ and ’), ‚x‘ (German), ‹x›.
func singleOpen(r rune) string {
	switch r {
	case '\'':
		return "'"
	case '‘', '‚':
		return "‘’"
	case '‹':
		return "›"
	}
	return ""
}

// singlePhrase reads a phrase in single quotes that opens with r (of size bytes) at the start of a run, and
// reports whether there was one. Single quotes double as apostrophes ("O'Brien", "Korea’s", "'90s"), so only a
// closing quote that ends a run (a space, a parenthesis, "|", a double quote or the end follows it) closes the
// phrase; without one, the quote is read as before, as punctuation of a word. "‘north korea’" was north AND korea.
func (lx *lexer) singlePhrase(r rune, size int) bool {
	closers := singleOpen(r)
	from := lx.off + size
	for i, c := range lx.src[from:] {
		if !strings.ContainsRune(closers, c) {
			continue
		}
		end := from + i + utf8.RuneLen(c)
		if next, n := utf8.DecodeRuneInString(lx.src[end:]); n > 0 && !unicode.IsSpace(next) && !isSpecial(next) {
			continue
		}
		lx.emit(itemPhrase, lx.pos, lx.src[from:from+i])
		for lx.off < end {
			_, n := utf8.DecodeRuneInString(lx.src[lx.off:])
			lx.advance(n)
		}
		return true
	}
	return false
}

// run reads a bare run: a field name, an operator word, a word or a prefix.
func (lx *lexer) run() error {
	start, from := lx.pos, lx.off
	for {
		r, size := lx.peek()
		if size == 0 || unicode.IsSpace(r) || isSpecial(r) || isEmoji(r) {
			break
		}
		lx.advance(size)
		if r == ':' {
			// Field names are matched without regard to case.
			switch f := strings.ToLower(lx.src[from : lx.off-1]); f {
			case "title", "source", "site":
				lx.emit(itemField, start, f)
				return nil
			case "intitle": // as search engines write it
				lx.emit(itemField, start, "title")
				return nil
			case "domain":
				lx.emit(itemField, start, "site")
				return nil
			}
		}
	}
	text := lx.src[from:lx.off]
	switch text {
	case "OR":
		lx.emit(itemOr, start, text)
		return nil
	case "AND":
		lx.emit(itemAnd, start, text)
		return nil
	case "NOT":
		lx.emit(itemNot, start, text)
		return nil
	}
	if i := strings.IndexByte(text, '*'); i >= 0 {
		if i != len(text)-1 {
			p := start + chars(text[:i])
			return errAt(p, `"*" can only end a word (position %d)`)
		}
		lx.emit(itemPrefix, start, text[:i])
		return nil
	}
	lx.emit(itemWord, start, text)
	return nil
}

// typedMarkup refuses a query with an HTML tag typed as text ("raketen <b>start</b>"): Telegram sends typed tags
// as they are, and the lexer read "<b>start</b>" as the phrase "b start b", which matched nothing the user meant.
// Refused, not cleaned: whoever typed a tag expected formatting or pasted something, and should see what is
// searched. A "<" that does not open a tag ("a<b", "<3", "x < y") stays punctuation.
func typedMarkup(src string) error {
	for off := 0; off < len(src); {
		i := strings.IndexByte(src[off:], '<')
		if i < 0 {
			return nil
		}
		start := off + i
		if name := tagName(src[start:]); name != "" {
			return errAt(chars(withoutInvisible(src[:start]))+1, "%q is markup typed as text, not a word to look for: send the words without tags (position %d)", name)
		}
		off = start + 1
	}
	return nil
}

// tagName is the HTML tag s starts with, shown without its attributes ("<b>", "</i>", "<a>" for
// "<a href=\"…\">", "<br>" for "<br/>"), or "". Only the names of formatting tags count: "<war>" is a word in angle
// brackets, read as the word.
func tagName(s string) string {
	i := 1
	if i < len(s) && s[i] == '/' {
		i++
	}
	name := i
	for i < len(s) && (s[i] >= 'a' && s[i] <= 'z' || s[i] >= 'A' && s[i] <= 'Z' || i > name && (s[i] >= '0' && s[i] <= '9' || s[i] == '-')) {
		i++
	}
	if !formattingTag(strings.ToLower(s[name:i])) {
		return ""
	}
	shown := s[:i] + ">"
	if i < len(s) && s[i] == ' ' { // attributes, up to the closing ">"
		if j := strings.IndexAny(s[i:], "<>"); j >= 0 && s[i+j] == '>' {
			return shown
		}
		return ""
	}
	if i < len(s) && s[i] == '/' {
		i++
	}
	if i < len(s) && s[i] == '>' {
		return shown
	}
	return ""
}

// formattingTag reports whether name is a tag of Telegram's HTML or one that text copied from a web page brings.
func formattingTag(name string) bool {
	switch name {
	case "a", "b", "i", "u", "s", "em", "strong", "ins", "del", "strike", "code", "pre", "span", "blockquote",
		"tg-spoiler", "tg-emoji", "br", "p", "div", "font", "mark", "small", "sub", "sup", "h1", "h2", "h3",
		"h4", "h5", "h6", "li", "ul", "ol", "img":
		return true
	}
	return false
}
