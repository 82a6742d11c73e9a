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
