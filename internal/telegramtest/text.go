package telegramtest

import (
	"fmt"
	"html"
	"net/url"
	"regexp"
	"strings"
	"unicode/utf16"
)

// MaxMessage and MaxCaption are Telegram's limits on a message's text and a
// document's caption, in UTF-16 code units after entity parsing.
const (
	MaxMessage = 4096
	MaxCaption = 1024
)

var tagRE = regexp.MustCompile(`<(/?)([a-zA-Z][a-zA-Z0-9-]*)[^>]*>`)

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
// or (in HTML) not parsable: unknown or unbalanced tags.
func checkText(p url.Values, field string, limit int, required bool) *Reply {
	text := p.Get(field)
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

// parsedText is the text after entity parsing.
func parsedText(text string, htmlMode bool) string {
	if htmlMode {
		return html.UnescapeString(tagRE.ReplaceAllString(text, ""))
	}
	return text
}

func parseHTML(text string) error {
	var stack []string
	for _, m := range tagRE.FindAllStringSubmatch(text, -1) {
		name := strings.ToLower(m[2])
		if !htmlTags[name] {
			return fmt.Errorf("unsupported start tag %q", name)
		}
		if m[1] == "" {
			stack = append(stack, name)
			continue
		}
		if len(stack) == 0 || stack[len(stack)-1] != name {
			return fmt.Errorf("unexpected end tag %q", name)
		}
		stack = stack[:len(stack)-1]
	}
	if len(stack) > 0 {
		return fmt.Errorf("can't find end tag corresponding to start tag %q", stack[len(stack)-1])
	}
	return nil
}
