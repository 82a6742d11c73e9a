package feeds

import (
	"bytes"
	"encoding/binary"
	"html"
	"math/rand/v2"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/mmcdole/gofeed/rss"
)

// An RSS item's HTML usually comes in a CDATA section of its
// content:encoded or description, and gofeed reads it through encoding/xml a
// byte at a time (three buffer writes a byte for the element's inner XML),
// for every item of every fetch: the most of a feed's parse. A CDATA section
// is taken verbatim, so the parser is given the document with each such
// section's content replaced by a short mark, and the marks are replaced
// back by the contents in the parsed items before gofeed translates them.
//
// That gives what parsing the whole document gives when every mark comes
// back exactly once in an item's (or the channel's) Content or Description:
// a section is replaced only where the cut finds it as encoding/xml does (at
// a "<![CDATA[" outside tags, comments and processing instructions, up to
// the first "]]>"), both readings of the element then differ only inside
// that verbatim part (gofeed's StripCDATA copies it as it is), and a mark
// that lands anywhere else is missed, so the whole document is parsed
// instead. So is a document the cut does not read with certainty: one with
// a DOCTYPE or another <! directive, a control byte (gofeed's reader drops
// them before the parser), an encoding other than UTF-8 in its prolog, an
// odd tag, a mark's bytes of its own, or a section encoding/xml would refuse
// (invalid UTF-8, a character XML does not allow).

// The same goes for an element whose content is text alone, as a
// description of escaped HTML ("&lt;p&gt;…"): gofeed takes its inner XML as
// it stands, trims its spaces and decodes its entities (ParseText), so the
// text between the spaces is replaced by a mark and put back decoded
// (decodeEntities, gofeed's own). It is cut only when encoding/xml reads it
// without an error (valid UTF-8 of XML characters, no "]]>", no character
// reference to a character XML refuses), so that the cut document fails
// where the whole one fails.

// cdataMinLen is the shortest section content (or text) worth a mark.
const cdataMinLen = 64

// markOpen and markClose enclose a mark's number: private-use runes that
// XML allows and the cut makes sure the document does not hold.
const (
	markOpen  = "\uE000"
	markClose = "\uE001"
)

// cdataMarks is what cutCDATA took out of a document: the content of each
// marked section, by mark number. A mark is markOpen, the document's nonce
// in hex, a dot, its number and markClose: a character reference in the
// feed's text can make a rune of any number, but not guess the nonce.
type cdataMarks struct {
	nonce    uint64
	contents [][]byte
	// fields, when not nil, is given by restore what each item's content
	// and description were (wholeMark), for the item memo.
	fields [][2]int
}

// cutCDATA returns body with the content of each long CDATA section of a
// content:encoded or description element, and the long text of such an
// element that holds text alone, replaced by a mark, and the contents taken
// out (a text decoded); ok is false when there is none or the document is
// not one the cut reads with certainty (see above).
func cutCDATA(body []byte) (doc []byte, marks *cdataMarks, ok bool) {
	doc, marks, _, ok = cutItems(body, nil)
	return doc, marks, ok
}

// cutItems is cutCDATA that, when memo is not nil, also leaves out of the
// document the RSS items of memo (see itemMemo) and returns the plan of
// the document's items (nil: none can be kept). ok is false, with a plan
// that left none out, when the document has no section to cut and no item
// to leave out: it is parsed whole.
func cutItems(body []byte, memo *itemMemo) (doc []byte, marks *cdataMarks, plan *itemPlan, ok bool) {
	if memo == nil && !bytes.Contains(body, []byte("<description")) && !bytes.Contains(body, []byte("<content:encoded")) ||
		bytes.Contains(body, []byte(markOpen)) || hasControlByte(body) {
		return nil, nil, nil, false
	}
	var out []byte
	var items *itemScan
	if memo != nil {
		items = newItemScan(memo)
	}
	marks = &cdataMarks{nonce: rand.Uint64()}
	last := 0 // body[last:] is not copied to out yet
	// leave copies body up to start and leaves out body[start:end].
	leave := func(start, end int) {
		if out == nil {
			out = make([]byte, 0, len(body)/4)
		}
		out = append(out, body[last:start]...)
		last = end
	}
	// mark replaces body[start:end] by a mark for content.
	mark := func(start, end int, content []byte) {
		if items != nil {
			items.cut(body, start, end)
		}
		leave(start, end)
		out = append(out, markOpen...)
		out = strconv.AppendUint(out, marks.nonce, 16)
		out = append(out, '.')
		out = strconv.AppendInt(out, int64(len(marks.contents)), 10)
		out = append(out, markClose...)
		marks.contents = append(marks.contents, content)
	}
	parent := ""   // the raw name of the element the cut is in, when it has no child yet
	textFrom := -1 // where the parent's text begins, when its start tag was the last thing read
	for i := 0; ; {
		j := bytes.IndexByte(body[i:], '<')
		if j < 0 {
			break
		}
		i += j
		rest := body[i:]
		from := textFrom
		textFrom = -1
		switch {
		case bytes.HasPrefix(rest, []byte("<![CDATA[")):
			start := i + len("<![CDATA[")
			end := bytes.Index(body[start:], []byte("]]>"))
			if end < 0 {
				return nil, nil, nil, false
			}
			end += start
			content := body[start:end]
			if (parent == "description" || parent == "content:encoded") && len(content) >= cdataMinLen {
				if !xmlRunes(content) { // the body holds no control byte
					return nil, nil, nil, false
				}
				mark(start, end, content)
			}
			i = end + len("]]>")
		case bytes.HasPrefix(rest, []byte("<!--")):
			end := bytes.Index(rest[4:], []byte("--"))
			if end < 0 || 4+end+2 >= len(rest) || rest[4+end+2] != '>' {
				return nil, nil, nil, false
			}
			i += 4 + end + 3
		case bytes.HasPrefix(rest, []byte("<!")):
			return nil, nil, nil, false // a DOCTYPE: its subset is not read here
		case bytes.HasPrefix(rest, []byte("<?")):
			end := bytes.Index(rest[2:], []byte("?>"))
			if end < 0 || !utf8Prolog(rest[2:2+end]) {
				return nil, nil, nil, false
			}
			i += 2 + end + 2
		default:
			name, n, closes, ok := readTag(rest)
			if !ok {
				return nil, nil, nil, false
			}
			if items != nil {
				if hit := items.tag(body, i, rest[:n], name, closes, len(out), last, len(marks.contents)); hit != nil {
					// An item of the memo: left out, its sections kept.
					hit.contents = append([][]byte(nil), marks.contents[hit.marksAt:]...)
					marks.contents = marks.contents[:hit.marksAt]
					out, last = out[:items.outAt], items.lastAt
					leave(items.start, i+n)
				}
			}
			if from >= 0 && closes && rest[1] == '/' && name == parent && (parent == "description" || parent == "content:encoded") {
				// The element holds text alone: the text between its spaces
				// is what gofeed decodes.
				text := body[from:i]
				lead := bytes.TrimLeftFunc(text, unicode.IsSpace)
				if trimmed := bytes.TrimRightFunc(lead, unicode.IsSpace); len(trimmed) >= cdataMinLen {
					if !xmlCharData(text) {
						return nil, nil, nil, false
					}
					start := from + len(text) - len(lead)
					mark(start, start+len(trimmed), decodeEntities(trimmed))
				}
			}
			parent = name
			if closes {
				parent = ""
			} else {
				textFrom = i + n
			}
			i += n
		}
	}
	if items != nil {
		if plan = items.plan(); plan == nil && items.hits > 0 {
			return cutItems(body, nil) // items left out of a document that is not one for it
		}
		if plan != nil && plan.hits > 0 {
			ok = true
		}
	}
	if len(marks.contents) == 0 && !ok {
		return nil, nil, plan, false
	}
	return append(out, body[last:]...), marks, plan, true
}

// readTag reads the start or end tag at the start of b: the element's raw
// name, the tag's length, and whether it leaves no element open (an end
// tag, or an empty-element tag); ok is false for anything but a plain tag
// (quoted attribute values, no < in them).
func readTag(b []byte) (name string, n int, closes, ok bool) {
	i := 1
	if i < len(b) && b[i] == '/' {
		closes = true
		i++
	}
	start := i
	for i < len(b) && nameByte(b[i]) {
		i++
	}
	if i == start {
		return "", 0, false, false
	}
	name = string(b[start:i])
	afterEquals := false
	for ; i < len(b); i++ {
		switch c := b[i]; {
		case c == '>':
			if i > 0 && b[i-1] == '/' {
				closes = true
			}
			return name, i + 1, closes, true
		case c == '"' || c == '\'':
			if !afterEquals {
				return "", 0, false, false
			}
			end := bytes.IndexByte(b[i+1:], c)
			if end < 0 || bytes.IndexByte(b[i+1:i+1+end], '<') >= 0 {
				return "", 0, false, false
			}
			i += 1 + end
			afterEquals = false
		case c == '=':
			afterEquals = true
		case c == '<':
			return "", 0, false, false
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
		default:
			afterEquals = false
		}
	}
	return "", 0, false, false
}

// nameByte reports whether c may be part of an XML name as encoding/xml
// reads one (any byte of a multi-byte rune is taken as one).
func nameByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' ||
		c == '_' || c == ':' || c == '.' || c == '-' || c >= utf8.RuneSelf
}

// utf8Prolog reports whether the processing instruction pi (what follows
// "<?" up to "?>") leaves the document in UTF-8: it is no XML prolog, or
// one that names no encoding or UTF-8, as encoding/xml reads it.
func utf8Prolog(pi []byte) bool {
	if !bytes.HasPrefix(pi, []byte("xml")) || len(pi) > 3 && nameByte(pi[3]) {
		return true
	}
	content := strings.TrimLeft(string(pi[3:]), " \t\r\n")
	enc := procInst("encoding", content)
	return enc == "" || strings.EqualFold(enc, "utf-8")
}

// procInst returns the value of param in a processing instruction's
// content as encoding/xml's function of that name finds it (copied: the
// decoder changes its reader on that value, so the cut must read it alike).
func procInst(param, s string) string {
	param += "="
	lenp := len(param)
	i := 0
	var sep byte
	for i < len(s) {
		sub := s[i:]
		k := strings.Index(sub, param)
		if k < 0 || lenp+k >= len(sub) {
			return ""
		}
		i += lenp + k + 1
		if c := sub[lenp+k]; c == '\'' || c == '"' {
			sep = c
			break
		}
	}
	if sep == 0 {
		return ""
	}
	j := strings.IndexByte(s[i:], sep)
	if j < 0 {
		return ""
	}
	return s[i : i+j]
}

// hasControlByte reports whether b holds a byte below 0x20 other than tab,
// line feed and carriage return: gofeed's reader drops those before the
// parser, so the cut would not read what the parser reads. It reads 32
// bytes at a time, and a word holding a byte below 0x20 (a line feed,
// mostly) byte by byte.
func hasControlByte(b []byte) bool {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	// below is not zero when a byte of w is below 0x20 (w - 0x20 borrows
	// into the high bit of such a byte, which had none).
	below := func(w uint64) uint64 { return (w - 0x20*ones) &^ w & highs }
	for len(b) >= 32 {
		w0, w1 := binary.LittleEndian.Uint64(b), binary.LittleEndian.Uint64(b[8:])
		w2, w3 := binary.LittleEndian.Uint64(b[16:]), binary.LittleEndian.Uint64(b[24:])
		if below(w0)|below(w1)|below(w2)|below(w3) != 0 && controlIn(b[:32]) {
			return true
		}
		b = b[32:]
	}
	return controlIn(b)
}

// controlIn is hasControlByte a byte at a time.
func controlIn(b []byte) bool {
	for _, c := range b {
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' {
			return true
		}
	}
	return false
}

// xmlText reports whether encoding/xml takes b as a section's text: valid
// UTF-8 of characters XML allows (see xmlRunes), with no control byte but
// tab, line feed and carriage return.
func xmlText(b []byte) bool { return xmlRunes(b) && !hasControlByte(b) }

// xmlRunes is xmlText of a text known to hold no control byte (a part of
// a document without one): valid UTF-8 (which holds no surrogate) without
// U+FFFE or U+FFFF.
func xmlRunes(b []byte) bool {
	return utf8.Valid(b) && !bytes.Contains(b, []byte("\uFFFE")) && !bytes.Contains(b, []byte("\uFFFF"))
}

// xmlCharData reports whether encoding/xml reads b, the text between two
// tags, without an error: valid UTF-8 of characters XML allows, no "]]>",
// and no character reference to a character XML refuses (a decoder that
// is not strict takes any other reference, known or not, as it finds it).
func xmlCharData(b []byte) bool {
	if !xmlText(b) || bytes.Contains(b, []byte("]]>")) {
		return false
	}
	for i := bytes.Index(b, []byte("&#")); i >= 0; {
		rest := b[i+2:]
		base := 10
		if len(rest) > 0 && rest[0] == 'x' {
			base, rest = 16, rest[1:]
		}
		n := 0
		for n < len(rest) && ('0' <= rest[n] && rest[n] <= '9' || base == 16 && ('a' <= rest[n] && rest[n] <= 'f' || 'A' <= rest[n] && rest[n] <= 'F')) {
			n++
		}
		if n < len(rest) && rest[n] == ';' {
			if v, err := strconv.ParseUint(string(rest[:n]), base, 64); err == nil && v <= unicode.MaxRune && !xmlText([]byte(string(rune(v)))) {
				return false
			}
		}
		j := bytes.Index(b[i+2:], []byte("&#"))
		if j < 0 {
			break
		}
		i += 2 + j
	}
	return true
}

// maxEntityLen and decodeEntities are gofeed's (internal/shared, v1.4.2:
// the decoding of an element's text by ParseText), copied because they are
// internal there; TestCutCDATAParsesAsTheWholeDocument and FuzzCutCDATA
// compare the cut's parse with gofeed's whole parse.
const maxEntityLen = 64

// decodeEntities decodes the entities of b as gofeed's DecodeEntities
// decodes those of string(b), into a new slice unless b has no "&".
func decodeEntities(b []byte) []byte {
	if bytes.IndexByte(b, '&') == -1 {
		return b
	}
	buf := bytes.NewBuffer(make([]byte, 0, len(b)))
	data := b
	for len(data) > 0 {
		idx := bytes.IndexByte(data, '&')
		if idx == -1 {
			buf.Write(data)
			break
		}
		buf.Write(data[:idx])
		data = data[idx:]
		window := data
		if len(window) > maxEntityLen {
			window = window[:maxEntityLen]
		}
		end := bytes.IndexByte(window, ';')
		if end == -1 && len(window) == len(data) {
			buf.Write(data)
			break
		}
		if end == -1 || bytes.ContainsAny(data[1:end], " \t\r\n") {
			buf.WriteByte('&')
			data = data[1:]
			continue
		}
		span := string(data[:end+1])
		dec := html.UnescapeString(span)
		if dec == html.UnescapeString(span[:len(span)-1])+";" {
			buf.WriteByte('&')
			data = data[1:]
			continue
		}
		buf.WriteString(dec)
		data = data[end+1:]
	}
	return buf.Bytes()
}

// restore puts the marked contents back into the channel's description
// and the items' content and description. It reports false, leaving f
// partly restored, unless every mark is found there exactly once.
func (m *cdataMarks) restore(f *rss.Feed) bool {
	seen := make([]bool, len(m.contents))
	prefix := strconv.FormatUint(m.nonce, 16) + "."
	found := 0
	// each calls write with each piece of text before a mark and the
	// mark's number, then with the text after the last mark and -1; it
	// reports false for a mark that is not one of m's.
	each := func(s string, write func(text string, k int) bool) bool {
		for {
			i := strings.Index(s, markOpen)
			if i < 0 {
				return write(s, -1)
			}
			text := s[:i]
			s = s[i+len(markOpen):]
			j := strings.Index(s, markClose)
			if j < 0 {
				return false
			}
			num, ok := strings.CutPrefix(s[:j], prefix)
			if !ok {
				return false
			}
			k, err := strconv.Atoi(num)
			if err != nil || k < 0 || k >= len(seen) || !write(text, k) {
				return false
			}
			s = s[j+len(markClose):]
		}
	}
	// put restores *s and returns what it was (wholeMark).
	put := func(s *string) (int, bool) {
		if !strings.Contains(*s, markOpen) {
			return noMark, true
		}
		size, whole, pieces := 0, partMark, 0 // size: of the restored text, made in one allocation
		if !each(*s, func(text string, k int) bool {
			size += len(text)
			if pieces++; k >= 0 {
				size += len(m.contents[k])
				whole = k
			}
			if text != "" {
				pieces++ // not one mark alone
			}
			return true
		}) {
			return 0, false
		}
		if pieces != 2 {
			whole = partMark
		}
		var b strings.Builder
		b.Grow(size)
		if !each(*s, func(text string, k int) bool {
			b.WriteString(text)
			if k < 0 {
				return true
			}
			if seen[k] {
				return false
			}
			seen[k] = true
			found++
			b.Write(m.contents[k])
			return true
		}) {
			return 0, false
		}
		*s = b.String()
		return whole, true
	}
	if _, ok := put(&f.Description); !ok {
		return false
	}
	if m.fields != nil {
		m.fields = make([][2]int, len(f.Items))
	}
	for i, it := range f.Items {
		if it == nil {
			continue
		}
		content, ok := put(&it.Content)
		if !ok {
			return false
		}
		description, ok := put(&it.Description)
		if !ok {
			return false
		}
		if m.fields != nil {
			m.fields[i] = [2]int{content, description}
		}
	}
	return found == len(m.contents)
}
