package telegramtest

import (
	"net/url"
	"strings"
	"testing"
)

func TestCheckTextCountsAsTelegramDoes(t *testing.T) {
	tests := []struct {
		name, text, mode string
		code             int
	}{
		{"at the limit with tags", "<b>" + strings.Repeat("a", MaxMessage) + "</b>", "HTML", 0},
		{"&amp; counts one", strings.Repeat("&amp;", MaxMessage), "HTML", 0},
		{"plain &amp; counts five", strings.Repeat("&amp;", 1000), "", 400},
		{"emoji count two", strings.Repeat("😀", MaxMessage/2+1), "HTML", 400},
		{"CJK counts one", strings.Repeat("新", MaxMessage), "HTML", 0},
		{"unclosed tag", "<b>bold", "HTML", 400},
		{"crossed tags", "<b><i>x</b></i>", "HTML", 400},
		{"unknown tag", "<br>x", "HTML", 400},
		{"empty", "<b></b>", "HTML", 400},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rep := checkText(url.Values{"text": {tt.text}, "parse_mode": {tt.mode}}, "text", MaxMessage, true)
			code := 0
			if rep != nil {
				code = rep.Code
			}
			if code != tt.code {
				t.Fatalf("code %d (%v), want %d", code, rep, tt.code)
			}
		})
	}
}

// Telegram's HTML parser refuses a bare "<" (a < b), a tag not closed by
// ">", a <span> that is no spoiler and an end tag that matches nothing, and
// decodes only &lt; &gt; &amp; &quot; and numeric references: the fake took
// every "<" not followed by a letter, and decoded &nbsp; as a character.
func TestHTMLParsedAsTelegramDoes(t *testing.T) {
	refused := []string{"a < b", "a <", "1 <2", "<b>x</b> <3", "<b x", "<span>x</span>", "x</b>", "<a href=\"x>y\">z"}
	for _, text := range refused {
		if err := parseHTML(text); err == nil {
			t.Errorf("%q parsed; Telegram refuses it", text)
		}
	}
	taken := map[string]string{
		"a &lt; b":                "a < b",
		"AT&T &amp; co":           "AT&T & co",
		"&nbsp;&#65;&#x42;&quot;": "&nbsp;AB\"",
		`<a href="https://x/?a=1&amp;b=2">link</a>`: "link",
		`<a href="x>y">z</a>`:                       "z",
		`<span class="tg-spoiler">s</span>`:         "s",
		"<b>x</>":                                   "x",
	}
	for text, want := range taken {
		if err := parseHTML(text); err != nil {
			t.Errorf("%q refused: %v", text, err)
			continue
		}
		if got := parsedText(text, true); got != want {
			t.Errorf("%q shows %q, want %q", text, got, want)
		}
	}
}

// A text clipped inside a character is not UTF-8: Telegram refuses the
// call, the fake took it.
func TestInvalidUTF8IsRefused(t *testing.T) {
	clipped := "Привет"[:3]
	for _, p := range []url.Values{
		{"text": {clipped}},
		{"text": {"ok"}, "reply_markup": {`{"inline_keyboard":[[{"text":"` + clipped + `","callback_data":"x"}]]}`}},
	} {
		if rep := checkText(p, "text", MaxMessage, true); rep == nil || rep.Description != "Bad Request: strings must be encoded in UTF-8" {
			t.Errorf("%v: %v, want refused", p, rep)
		}
	}
}
