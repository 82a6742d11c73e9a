package feeds

import (
	"bytes"
	"encoding/binary"
	"math/rand/v2"
	"strconv"
	"strings"
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

// cdataMinLen is the shortest section content worth a mark.
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
}

// cutCDATA returns body with the content of each long CDATA section of a
// content:encoded or description element replaced by a mark, and the
// contents taken out; ok is false when there is none or the document is
// not one the cut reads with certainty (see above).
func cutCDATA(body []byte) (doc []byte, marks *cdataMarks, ok bool) {
	if !bytes.Contains(body, []byte("<![CDATA[")) || bytes.Contains(body, []byte(markOpen)) || hasControlByte(body) {
		return nil, nil, false
	}
	var out []byte
	marks = &cdataMarks{nonce: rand.Uint64()}
	parent := "" // the raw name of the element the cut is in, when it has no child yet
	last := 0    // body[last:] is not copied to out yet
	for i := 0; ; {
		j := bytes.IndexByte(body[i:], '<')
		if j < 0 {
			break
		}
		i += j
		rest := body[i:]
		switch {
		case bytes.HasPrefix(rest, []byte("<![CDATA[")):
			start := i + len("<![CDATA[")
			end := bytes.Index(body[start:], []byte("]]>"))
			if end < 0 {
				return nil, nil, false
			}
			end += start
			content := body[start:end]
			if (parent == "description" || parent == "content:encoded") && len(content) >= cdataMinLen {
				if !xmlText(content) {
					return nil, nil, false
				}
				if out == nil {
					out = make([]byte, 0, len(body)/4)
				}
				out = append(out, body[last:start]...)
				out = append(out, markOpen...)
				out = strconv.AppendUint(out, marks.nonce, 16)
				out = append(out, '.')
				out = strconv.AppendInt(out, int64(len(marks.contents)), 10)
				out = append(out, markClose...)
				marks.contents = append(marks.contents, content)
				last = end
			}
			i = end + len("]]>")
		case bytes.HasPrefix(rest, []byte("<!--")):
			end := bytes.Index(rest[4:], []byte("--"))
			if end < 0 || 4+end+2 >= len(rest) || rest[4+end+2] != '>' {
				return nil, nil, false
			}
			i += 4 + end + 3
		case bytes.HasPrefix(rest, []byte("<!")):
			return nil, nil, false // a DOCTYPE: its subset is not read here
		case bytes.HasPrefix(rest, []byte("<?")):
			end := bytes.Index(rest[2:], []byte("?>"))
			if end < 0 || !utf8Prolog(rest[2:2+end]) {
				return nil, nil, false
			}
			i += 2 + end + 2
		default:
			name, n, closes, ok := readTag(rest)
			if !ok {
				return nil, nil, false
			}
			parent = name
			if closes {
				parent = ""
			}
			i += n
		}
	}
	if len(marks.contents) == 0 {
		return nil, nil, false
	}
	return append(out, body[last:]...), marks, true
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
// parser, so the cut would not read what the parser reads.
func hasControlByte(b []byte) bool {
	for len(b) > 0 {
		n := printableASCII(b)
		b = b[n:]
		if len(b) == 0 {
			break
		}
		if c := b[0]; c < 0x20 && c != '\t' && c != '\n' && c != '\r' {
			return true
		}
		b = b[1:]
	}
	return false
}

// xmlText reports whether encoding/xml takes b as a section's text: valid
// UTF-8 of characters XML allows.
func xmlText(b []byte) bool {
	for len(b) > 0 {
		n := printableASCII(b)
		b = b[n:]
		if len(b) == 0 {
			break
		}
		c := b[0]
		if c < utf8.RuneSelf {
			if c < 0x20 && c != '\t' && c != '\n' && c != '\r' {
				return false
			}
			b = b[1:]
			continue
		}
		r, size := utf8.DecodeRune(b)
		if r == utf8.RuneError && size == 1 || r > 0xD7FF && r < 0xE000 || r == 0xFFFE || r == 0xFFFF {
			return false
		}
		b = b[size:]
	}
	return true
}

// printableASCII returns the length of b's prefix of bytes from 0x20 to
// 0x7F, eight at a time.
func printableASCII(b []byte) int {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	i := 0
	for ; i+8 <= len(b); i += 8 {
		w := binary.LittleEndian.Uint64(b[i:])
		// A byte of 0x80 or more, or one below 0x20 (w - 0x20 borrows into
		// its high bit where the byte had none).
		if (w|(w-0x20*ones)&^w)&highs != 0 {
			break
		}
	}
	for i < len(b) && b[i] >= 0x20 && b[i] < utf8.RuneSelf {
		i++
	}
	return i
}

// restore puts the marked contents back into the channel's description
// and the items' content and description. It reports false, leaving f
// partly restored, unless every mark is found there exactly once.
func (m *cdataMarks) restore(f *rss.Feed) bool {
	seen := make([]bool, len(m.contents))
	prefix := strconv.FormatUint(m.nonce, 16) + "."
	found := 0
	put := func(s *string) bool {
		if !strings.Contains(*s, markOpen) {
			return true
		}
		var b strings.Builder
		rest := *s
		for {
			i := strings.Index(rest, markOpen)
			if i < 0 {
				break
			}
			b.WriteString(rest[:i])
			rest = rest[i+len(markOpen):]
			j := strings.Index(rest, markClose)
			if j < 0 {
				return false
			}
			num, ok := strings.CutPrefix(rest[:j], prefix)
			if !ok {
				return false
			}
			k, err := strconv.Atoi(num)
			if err != nil || k < 0 || k >= len(seen) || seen[k] {
				return false
			}
			seen[k] = true
			found++
			b.Write(m.contents[k])
			rest = rest[j+len(markClose):]
		}
		b.WriteString(rest)
		*s = b.String()
		return true
	}
	if !put(&f.Description) {
		return false
	}
	for _, it := range f.Items {
		if it == nil {
			continue
		}
		if !put(&it.Content) || !put(&it.Description) {
			return false
		}
	}
	return found == len(m.contents)
}
