package bot

import (
	"strings"
	"testing"
	"time"

	"github.com/newshound/newshound/news"
)

// TestRepliesEndWithoutBlank: /list (sent, and rewritten after a press) and
// a search page end with their last line, not a newline: Telegram trims
// it, but the console and the fake Telegram showed an empty line.
func TestRepliesEndWithoutBlank(t *testing.T) {
	h := newHarness(t)
	const chat = 21
	a := h.mustSubscribe(chat, "private", "kursk")
	h.mustSubscribe(chat, "private", "belgorod")
	list := h.reply(chat, "private", chat, "/list")
	if text := list.Text(); text != strings.TrimRight(text, " \n") {
		t.Errorf("/list ends with a blank: %q", text)
	}
	rows := buttons(t, list)
	if got := h.press(chat, "private", chat, 555, rows[0][1].Data); got != "Muted #"+itoa(a.ID)+"." {
		t.Fatalf("mute → %q", got)
	}
	if edits := h.waitEdits(chat, 1); len(edits) != 1 || edits[0].Text() != strings.TrimRight(edits[0].Text(), " \n") {
		t.Errorf("/list rewritten after a press ends with a blank: %v", edits)
	}
	h.mustArticles("Wire", news.Article{GUID: "k", Title: "Kursk fields", Text: "Deminers.", PublishedAt: h.clock.Now()})
	h.clock.Advance(10 * time.Second)
	if text := h.reply(chat, "private", chat, "/search kursk").Text(); text != strings.TrimRight(text, " \n") {
		t.Errorf("a search page ends with a blank: %q", text)
	}
}
