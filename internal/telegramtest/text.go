package telegramtest

import (
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// MaxMessage and MaxCaption are Telegram's limits on a message's text and a
// document's caption, in UTF-16 code units after entity parsing.
const (
	MaxMessage = 4096
	MaxCaption = 1024
)

// htmlTags are the tags Telegram's HTML parse mode knows.
var htmlTags = map[string]bool{"b": true, "strong": true, "i": true, "em": true, "u": true, "ins": true, "s": true, "strike": true,
	"del": true, "a": true, "code": true, "pre": true, "tg-spoiler": true, "span": true, "blockquote": true, "tg-emoji": true}

// TextLength is a text's length as Telegram counts it: UTF-16 code units
// after entity parsing (with parse_mode HTML, tags count nothing and a
// character reference counts as the character).
func TextLength(text string, htmlMode bool) int {
	return len(utf16.Encode([]rune(parsedText(text, htmlMode))))
}

// checkText refuses, as Telegram does, a text field that is empty, too long
// or (in HTML) not parsable: unknown or unbalanced tags; and a call any of
// whose parameters is not valid UTF-8 (a text clipped inside a character).
func checkText(p url.Values, field string, limit int, required bool) *Reply {
	text := p.Get(field)
	for _, vs := range p {
		for _, v := range vs {
			if !utf8.ValidString(v) {
				return &Reply{Code: 400, Description: "Bad Request: strings must be encoded in UTF-8"}
			}
		}
	}
	htmlMode := strings.EqualFold(p.Get("parse_mode"), "HTML")
	if htmlMode {
		if err := parseHTML(text); err != nil {
			return &Reply{Code: 400, Description: "Bad Request: can't parse entities: " + err.Error()}
		}
	}
	n := TextLength(text, htmlMode)
	switch {
	case n > limit && field == "caption":
		return &Reply{Code: 400, Description: "Bad Request: message caption is too long"}
	case n > limit:
		return &Reply{Code: 400, Description: "Bad Request: message is too long"}
	case required && strings.TrimSpace(parsedText(text, htmlMode)) == "":
		return &Reply{Code: 400, Description: "Bad Request: message text is empty"}
	}
	return nil
}

// parsedText is the text after entity parsing (text as is when HTML does
// not parse: checkText refuses it first).
func parsedText(text string, htmlMode bool) string {
	if htmlMode {
		plain, _ := scanHTML(text)
		return plain
	}
	return text
}

func parseHTML(text string) error {
	_, err := scanHTML(text)
	return err
}

// scanHTML parses text as Telegram's HTML parse mode does and returns the
// text it shows, or what Telegram says of HTML it cannot parse. As
// Telegram's parser: every "<" starts a tag (a bare one, as in "a < b", is
// an "Unsupported start tag"), a tag must be closed by ">", end tags must
// match their start tags, <span> must be class="tg-spoiler"; "&" starts a
// character reference only for &lt; &gt; &amp; &quot; and numeric ones,
// any other "&" is text.
func scanHTML(text string) (string, error) {
	var out strings.Builder
	var stack []string
	for i := 0; i < len(text); {
		c := text[i]
		if c == '&' {
			if r, n := htmlEntity(text[i:]); n > 0 {
				out.WriteRune(r)
				i += n
				continue
			}
		}
		if c != '<' {
			out.WriteByte(c)
			i++
			continue
		}
		begin := i
		end := tagEnd(text[i:])
		if text[i+1:] != "" && text[i+1] == '/' {
			if len(stack) == 0 {
				return "", parseError("Unexpected end tag at byte offset %d", begin)
			}
			if end < 0 {
				return "", parseError("Unclosed end tag at byte offset %d", begin)
			}
			name := strings.ToLower(strings.TrimSpace(text[i+2 : i+end]))
			if name != "" && name != stack[len(stack)-1] {
				return "", parseError("Unmatched end tag at byte offset %d, expected \"</%s>\", found \"</%s>\"", begin, stack[len(stack)-1], name)
			}
			stack = stack[:len(stack)-1]
			i += end + 1
			continue
		}
		nameEnd := i + 1
		for nameEnd < len(text) && text[nameEnd] != '>' && !isHTMLSpace(text[nameEnd]) {
			nameEnd++
		}
		if nameEnd == len(text) || end < 0 {
			return "", parseError("Unclosed start tag at byte offset %d", begin)
		}
		name := strings.ToLower(text[i+1 : nameEnd])
		if !htmlTags[name] {
			return "", parseError("Unsupported start tag %q at byte offset %d", name, begin)
		}
		attrs := text[nameEnd : i+end]
		if name == "span" && !strings.Contains(attrs, "tg-spoiler") {
			return "", parseError("Tag \"span\" must have class \"tg-spoiler\" at byte offset %d", begin)
		}
		stack = append(stack, name)
		i += end + 1
	}
	if len(stack) > 0 {
		return "", parseError("Can't find end tag corresponding to start tag %q", stack[len(stack)-1])
	}
	return out.String(), nil
}

// tagEnd returns the index in s (which starts with "<") of the ">" that
// ends the tag, skipping quoted attribute values; -1 when none does.
func tagEnd(s string) int {
	var quote byte
	for i := 1; i < len(s); i++ {
		switch c := s[i]; {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '>':
			return i
		}
	}
	return -1
}

// parseError is what Telegram says of HTML it cannot parse, in its words
// (capitalized: "Unsupported start tag …").
func parseError(format string, a ...any) error { return htmlError(fmt.Sprintf(format, a...)) }

type htmlError string

func (e htmlError) Error() string { return string(e) }

func isHTMLSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// htmlEntity decodes the character reference s starts with, as Telegram
// knows them (&lt; &gt; &amp; &quot;, &#NNN; and &#xHHH;), and returns
// its length in s; n is 0 when s starts with none.
func htmlEntity(s string) (r rune, n int) {
	semi := strings.IndexByte(s, ';')
	if semi < 2 || semi > 10 {
		return 0, 0
	}
	name := s[1:semi]
	switch name {
	case "lt":
		return '<', semi + 1
	case "gt":
		return '>', semi + 1
	case "amp":
		return '&', semi + 1
	case "quot":
		return '"', semi + 1
	}
	if !strings.HasPrefix(name, "#") {
		return 0, 0
	}
	base, digits := 10, name[1:]
	if strings.HasPrefix(digits, "x") || strings.HasPrefix(digits, "X") {
		base, digits = 16, digits[1:]
	}
	v, err := strconv.ParseUint(digits, base, 32)
	if err != nil || v == 0 || v > utf8.MaxRune {
		return 0, 0
	}
	return rune(v), semi + 1
}
