package feeds

import (
	"bytes"
	"mime"
	"regexp"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// toUTF8 returns a feed's body in UTF-8 when only its answer's Content-Type
// names its encoding (text/xml; charset=windows-1251, with no encoding="…"
// in an XML prolog): the parser reads the prolog alone and would take the
// bytes as UTF-8. A body that is valid UTF-8 already, or declares its own
// encoding, or whose header names no encoding it knows, is returned as it
// is: a server's default charset is wrong more often than a feed's own
// declaration, and text in a legacy encoding is hardly ever valid UTF-8.
//
// A body in UTF-16 (a byte-order mark, or "<?" as UTF-16 code units) is
// decoded whatever the header says, and its prolog's encoding="UTF-16"
// becomes "UTF-8": the parser sniffs the feed's type from the first bytes as
// if they were ASCII, and would decode the UTF-8 again as UTF-16 after the
// prolog. A UTF-8 body whose prolog names UTF-16 has that name replaced too.
func toUTF8(body []byte, contentType string) []byte {
	if out, ok := fromUTF16(body); ok {
		return out
	}
	if utf8.Valid(body) && prologEncoding(body) == "utf-16" {
		return renamePrologEncoding(body)
	}
	if utf8.Valid(body) || declaresEncoding(body) {
		return body
	}
	_, params, err := mime.ParseMediaType(contentType)
	if err != nil || params["charset"] == "" {
		return undeclared(body)
	}
	enc, name := charset.Lookup(params["charset"])
	if enc == nil || name == "utf-8" {
		return body
	}
	out, err := enc.NewDecoder().Bytes(body)
	if err != nil {
		return body
	}
	return out
}

// undeclared returns body, which is not valid UTF-8 and names no encoding,
// in UTF-8. Mostly UTF-8 with a few broken bytes (a character cut by a
// truncated summary) it loses those bytes; otherwise it is read as
// windows-1252 (a superset of Latin-1's printable characters, as browsers
// read such pages): older European sites serve Latin-1 feeds that name no
// encoding, and the XML parser refused every one as invalid UTF-8.
func undeclared(body []byte) []byte {
	var multi, broken int
	for i := 0; i < len(body); {
		r, n := utf8.DecodeRune(body[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			broken++
		case n > 1:
			multi++
		}
		i += n
	}
	if multi > broken {
		return bytes.ToValidUTF8(body, nil)
	}
	out, err := charmap.Windows1252.NewDecoder().Bytes(body)
	if err != nil {
		return body
	}
	return out
}

// declaresEncoding reports whether body opens with an XML prolog that names
// its encoding.
func declaresEncoding(body []byte) bool {
	body = bytes.TrimLeft(body, " \t\r\n")
	if !bytes.HasPrefix(body, []byte("<?xml")) {
		return false
	}
	end := bytes.Index(body, []byte("?>"))
	return end > 0 && bytes.Contains(body[:end], []byte("encoding"))
}

// fromUTF16 decodes body when it is UTF-16, told by its byte-order mark or,
// without one, by its first code unit being '<' (XML opens with "<?xml" or
// an element); ok is false for anything else, and for UTF-16 that does not
// decode.
func fromUTF16(body []byte) (out []byte, ok bool) {
	var order unicode.Endianness
	switch {
	case bytes.HasPrefix(body, []byte{0xFF, 0xFE}), bytes.HasPrefix(body, []byte{'<', 0, '?', 0}):
		order = unicode.LittleEndian
	case bytes.HasPrefix(body, []byte{0xFE, 0xFF}), bytes.HasPrefix(body, []byte{0, '<', 0, '?'}):
		order = unicode.BigEndian
	default:
		return nil, false
	}
	out, err := unicode.UTF16(order, unicode.ExpectBOM).NewDecoder().Bytes(body)
	if err != nil {
		if out, err = unicode.UTF16(order, unicode.IgnoreBOM).NewDecoder().Bytes(body); err != nil {
			return nil, false
		}
	}
	return renamePrologEncoding(out), true
}

var prologEncodingRe = regexp.MustCompile(`(?i)(encoding\s*=\s*)(["'])([A-Za-z0-9._-]*)(["'])`)

// prologEncoding returns the encoding body's XML prolog names, lower case,
// with UTF-16's byte-order variants (utf-16le, utf-16be) as "utf-16"; "" when
// it names none.
func prologEncoding(body []byte) string {
	prolog := xmlProlog(body)
	m := prologEncodingRe.FindSubmatch(prolog)
	if m == nil {
		return ""
	}
	name := string(bytes.ToLower(m[3]))
	if name == "utf-16le" || name == "utf-16be" || name == "utf16" {
		name = "utf-16"
	}
	return name
}

// renamePrologEncoding returns body (UTF-8 now) with its prolog's encoding
// named UTF-8.
func renamePrologEncoding(body []byte) []byte {
	body = bytes.TrimPrefix(body, []byte("\uFEFF"))
	prolog := xmlProlog(body)
	if prolog == nil || !prologEncodingRe.Match(prolog) {
		return body
	}
	renamed := prologEncodingRe.ReplaceAll(prolog, []byte("${1}${2}UTF-8${4}"))
	return append(renamed, body[len(prolog):]...)
}

// xmlProlog returns body's leading "<?xml … ?>" (white space before it
// included), or nil.
func xmlProlog(body []byte) []byte {
	start := len(body) - len(bytes.TrimLeft(body, " \t\r\n"))
	if !bytes.HasPrefix(body[start:], []byte("<?xml")) {
		return nil
	}
	end := bytes.Index(body, []byte("?>"))
	if end < 0 {
		return nil
	}
	return body[:end+2]
}
