package main

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/newshound/newshound/internal/telegramtest"
	"github.com/newshound/newshound/internal/testkit"
	"github.com/newshound/newshound/news"
)

// A user was told "about 4 stored articles" where 2 matched: the preview
// scaled 2 confirmed matches of its sample of 20 to 40 candidates.
func TestSubscribePreviewCountIsHonest(t *testing.T) {
	tg := telegramtest.New(t, testToken)
	now := time.Date(2026, 6, 10, 12, 0, 0, 0, time.UTC)
	clk := testkit.NewClock(now)
	a := startApp(t, testConfig{tg: tg, telegram: "command_burst = 50\n"}.String(), clk.Now)
	ctx := context.Background()
	src, err := a.parts.Store.UpsertSource(ctx, "Local Wire", "https://wire.example/feed", "config")
	if err != nil {
		t.Fatal(err)
	}
	store := func(titles ...string) {
		t.Helper()
		var items []news.Article
		for _, title := range titles {
			n := len(items)
			items = append(items, news.Article{GUID: fmt.Sprint(title, n, time.Now().UnixNano()), URL: fmt.Sprintf("https://wire.example/%d-%d", n, time.Now().UnixNano()),
				Title: title, Text: title + ".", Summary: title + ".", PublishedAt: now.Add(-time.Hour), Alertable: true})
		}
		if _, err := a.parts.Store.InsertArticles(ctx, src.ID, items); err != nil {
			t.Fatal(err)
		}
	}
	many := func(n int, title string) []string {
		out := make([]string, n)
		for i := range out {
			out[i] = fmt.Sprintf("%s %d", title, i)
		}
		return out
	}
	// 20 older Kursk weather reports, then 2 deminer stories among 18 more.
	store(many(20, "Kursk weather report")...)
	store(append(many(2, "Kursk deminers at work"), many(18, "Kursk weather report")...)...)

	const chat = 5353
	sent := 0
	say := func(text string, want ...string) string {
		t.Helper()
		tg.SendText(chat, "private", 9, text)
		sent++
		got := plain(tg.WaitSent(t, chat, sent, 5*time.Second)[sent-1].Text())
		for _, w := range want {
			if !strings.Contains(got, w) {
				t.Errorf("%s: reply lacks %q:\n%s", text, w, got)
			}
		}
		return got
	}
	if got := say("/subscribe kursk -weather", "it would have matched at least 2 stored articles.", "• Kursk deminers at work"); strings.Contains(got, "about") {
		t.Errorf("the preview still estimates:\n%s", got)
	}
	say("/subscribe kursk deminers", "it would have matched 2 stored articles.")
	say("/subscribe kursk -deminers", "it would have matched about 38 stored articles.")
	// A NOT of a word the index decides ("-report") leaves FTS5 no candidate
	// to count; "weather" has stems besides its own (weath), so the 38
	// weather reports stay candidates and the matcher refuses them.
	say("/subscribe kursk -deminers -weather", "none of the 20 newest articles it might match did; older ones were not checked.")
}
