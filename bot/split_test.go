package bot

import (
	"fmt"
	"html"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode/utf16"
)

// telegramLength is a message's length as Telegram counts it: UTF-16 code
// units of the text after entity parsing.
func telegramLength(s string) int {
	text := html.UnescapeString(regexp.MustCompile(`<[^>]*>`).ReplaceAllString(s, ""))
	return len(utf16.Encode([]rune(text)))
}

// balanced reports whether every tag the part opens it closes, in order.
func balanced(s string) bool {
	var stack []string
	for _, m := range regexp.MustCompile(`<(/?)([a-z-]+)[^>]*>`).FindAllStringSubmatch(s, -1) {
		if m[1] == "" {
			stack = append(stack, m[2])
			continue
		}
		if len(stack) == 0 || stack[len(stack)-1] != m[2] {
			return false
		}
		stack = stack[:len(stack)-1]
	}
	return len(stack) == 0
}

func TestSplitMessageCountsAsTelegramDoes(t *testing.T) {
	link := `<b><a href="https://example.com/a?x=1&amp;y=2">`
	tests := []struct {
		name  string
		text  string
		max   int
		parts int    // want this many parts
		text0 string // want this first part ("" = not checked)
	}{
		{"fits", "hello world", 20, 1, "hello world"},
		{"empty", "", 20, 0, ""},
		{"tags count nothing", "<b>" + strings.Repeat("a", 10) + "</b>", 10, 1, ""},
		{"&amp; counts one", strings.Repeat("&amp;", 10), 10, 1, ""},
		{"&amp; is never cut", strings.Repeat("&amp;", 11), 10, 2, strings.Repeat("&amp;", 10)},
		{"emoji count two", strings.Repeat("😀", 6), 10, 2, strings.Repeat("😀", 5)},
		{"CJK counts one", strings.Repeat("新闻", 5), 10, 1, ""},
		{"CJK cut", strings.Repeat("新闻", 6), 10, 2, strings.Repeat("新闻", 5)},
		{"cut at a line end", "first line\nsecond line", 15, 2, "first line"},
		{"cut at a space", "alpha beta gamma", 12, 2, "alpha beta"},
		{"nested tags closed and reopened", link + "one two three four</a></b>", 10, 2, link + "one two</a></b>"},
		{"tag at the boundary", "aaaaa <b>bbbb</b> cc", 10, 2, "aaaaa <b>bbbb</b>"},
		{"entity at the boundary", "aaaaaaaaa&lt;b", 10, 2, "aaaaaaaaa&lt;"},
		{"emoji at the boundary", "aaaaaaaaa😀b", 10, 2, "aaaaaaaaa"},
		{"link at the boundary", "aaaaaaaaa " + link + "bbbb</a></b>", 10, 2, "aaaaaaaaa"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			parts := splitMessage(tt.text, tt.max)
			if len(parts) != tt.parts {
				t.Fatalf("%d parts %q, want %d", len(parts), parts, tt.parts)
			}
			if tt.text0 != "" && parts[0] != tt.text0 {
				t.Errorf("first part %q, want %q", parts[0], tt.text0)
			}
			var all strings.Builder
			for _, p := range parts {
				if n := telegramLength(p); n > tt.max || n == 0 {
					t.Errorf("part %q is %d long, want 1..%d", p, n, tt.max)
				}
				if !balanced(p) {
					t.Errorf("part %q does not close what it opens", p)
				}
				all.WriteString(html.UnescapeString(regexp.MustCompile(`<[^>]*>`).ReplaceAllString(p, "")))
			}
			want := strings.NewReplacer(" ", "", "\n", "").Replace(html.UnescapeString(regexp.MustCompile(`<[^>]*>`).ReplaceAllString(tt.text, "")))
			if got := strings.NewReplacer(" ", "", "\n", "").Replace(all.String()); got != want {
				t.Errorf("the parts hold %q, want %q", got, want)
			}
		})
	}
}

// TestSplitMessageLongListFitsTelegram: a long HTML list of emoji-titled
// links splits into parts the fake Telegram counts within 4096 each.
func TestSplitMessageLongListFitsTelegram(t *testing.T) {
	var b strings.Builder
	for i := range 300 {
		fmt.Fprintf(&b, "%d. <b><a href=\"https://news.example/%d?a=1&amp;b=2\">📰 新闻 Kursk &amp; co %d</a></b> <i>Wire</i>\n", i, i, i)
	}
	parts := splitMessage(b.String(), MaxMessage)
	if len(parts) < 2 {
		t.Fatalf("%d parts", len(parts))
	}
	for i, p := range parts {
		if n := telegramLength(p); n > MaxMessage {
			t.Errorf("part %d is %d long", i, n)
		}
		if !balanced(p) {
			t.Errorf("part %d is unbalanced", i)
		}
	}
}

// A /sources of 300 sources was cut inside a line ("⏳ not" | "fetched
// yet"), at a space, when a line end was near, and between a source's name
// and its health line: a list of entries of several lines, a blank line
// apart, is cut between entries, each part at least half full.
func TestSplitMessageKeepsEntriesWhole(t *testing.T) {
	var b strings.Builder
	b.WriteString("<b>Sources</b>\n")
	for i := range 300 {
		fmt.Fprintf(&b, "\n#%d <b>Source %d &lt;%s&gt;</b> (host%d.example.com)\n⏳ not fetched yet · next now\n", i, i, strings.Repeat("x", 40), i)
	}
	parts := splitMessage(b.String(), MaxMessage)
	if len(parts) < 2 {
		t.Fatalf("%d parts", len(parts))
	}
	for i, p := range parts {
		if n := telegramLength(p); n > MaxMessage || (i < len(parts)-1 && n < MaxMessage/2) {
			t.Errorf("part %d is %d long, want %d to %d", i, n, MaxMessage/2, MaxMessage)
		}
		if i > 0 && !strings.HasPrefix(p, "#") {
			t.Errorf("part %d starts inside an entry: %.60q", i, p)
		}
		if !strings.HasSuffix(strings.TrimSpace(p), "next now") {
			t.Errorf("part %d ends inside an entry: …%q", i, p[max(0, len(p)-60):])
		}
	}
	// Without blank lines, a line end still comes before a space.
	lines := strings.Repeat("a word or two on a line\n", 400)
	for i, p := range splitMessage(lines, MaxMessage) {
		if !strings.HasSuffix(strings.TrimSpace(p), "on a line") {
			t.Errorf("part %d of plain lines ends inside a line: …%q", i, p[max(0, len(p)-30):])
		}
	}
}

// TestSplitRepliesReachTelegram: every part of a long HTML reply, split and
// sent, is accepted by the fake Telegram, which counts and parses as
// Telegram does.
func TestSplitRepliesReachTelegram(t *testing.T) {
	r := newSenderRig(t)
	r.chat(t, 10, "private")
	var b strings.Builder
	for i := range 200 {
		fmt.Fprintf(&b, "<b><a href=\"https://news.example/%d?a=1&amp;b=2\">😀 新闻 %d &amp; more words to fill the line</a></b>\n", i, i)
	}
	parts := splitMessage(b.String(), MaxMessage)
	for _, p := range parts {
		r.reply(t, 10, p)
	}
	r.start(t)
	r.tg.WaitSent(t, 10, len(parts), 10*time.Second)
	for _, c := range r.tg.Calls("sendMessage") {
		if c.Params.Get("_accepted") != "1" {
			t.Errorf("a part was refused: %d long", telegramLength(c.Text()))
		}
	}
}
