package bot

import (
	"html"
	"strings"
	"testing"

	"github.com/newshound/newshound/news"
)

// "/subscribe 北朝鮮ミサイル" and "/search 北朝鮮ミサイル" read one exact phrase, which "北朝鮮のミサイル" does not
// match, and said nothing of it: both say to put spaces between the words, with the run spaced where its script
// changes, and a spaced or quoted query is not warned of.
func TestAnUnspacedRunSaysToPutSpaces(t *testing.T) {
	h := newHarness(t, func(o *RouterOptions) { o.CommandBurst = 50 })
	h.mustArticles("Wire", news.Article{GUID: "1", URL: "https://wire.example/1", Title: "北朝鮮のミサイル発射", PublishedAt: h.clock.Now()})
	const warn = "“北朝鮮ミサイル” has no spaces, so it matches only where an article writes it exactly so"
	for _, cmd := range []string{"/subscribe 北朝鮮ミサイル", "/search 北朝鮮ミサイル"} {
		got := html.UnescapeString(h.reply(84, "private", 84, cmd).Text())
		if !strings.Contains(got, warn) || !strings.Contains(got, "<code>北朝鮮 ミサイル</code>") {
			t.Errorf("%s:\n%s", cmd, got)
		}
	}
	for _, cmd := range []string{"/subscribe 北朝鮮 ミサイル", `/search "北朝鮮ミサイル"`, "/search 北朝鮮 ミサイル"} {
		if got := h.reply(84, "private", 84, cmd).Text(); strings.Contains(got, "no spaces") {
			t.Errorf("%s is warned of:\n%s", cmd, got)
		}
	}
	if got := html.UnescapeString(h.reply(84, "private", 84, "/search 朝鲜发射导弹").Text()); !strings.Contains(got, "put spaces between them.") {
		t.Errorf("/search 朝鲜发射导弹 (Chinese, no script change):\n%s", got)
	}
}
