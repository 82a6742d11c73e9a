package feeds

import (
	"bytes"
	"mime"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
)

// toUTF8 returns a feed's body in UTF-8 when only its answer's Content-Type
// names its encoding (text/xml; charset=windows-1251, with no encoding="…"
// in an XML prolog): the parser reads the prolog alone and would take the
// bytes as UTF-8. A body that is valid UTF-8 already, or declares its own
// encoding, or whose header names no encoding it knows, is returned as it
// is: a server's default charset is wrong more often than a feed's own
// declaration, and text in a legacy encoding is hardly ever valid UTF-8.
func toUTF8(body []byte, contentType string) []byte {
	if utf8.Valid(body) || declaresEncoding(body) {
		return body
	}
	_, params, err := mime.ParseMediaType(contentType)
	if err != nil || params["charset"] == "" {
		return body
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
