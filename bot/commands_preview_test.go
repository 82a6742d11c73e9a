package bot

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/newshound/newshound/news"
)

// TestPreviewModesSendLinkPreviewOptions sends an alert for every /preview
// choice and every kind of article: one whose fetched page named its own
// image (it wins over the feed's), one with only the feed's image, one with
// neither (the article's page is previewed). link_preview_options must be
// what the Bot API documents: is_disabled alone for off; else url and the
// one size or position flag the choice asks for, and no other field.
func TestPreviewModesSendLinkPreviewOptions(t *testing.T) {
	articles := []struct {
		name, page, feed, want string
	}{
		{name: "page image", page: "https://wire.example/og/kursk.jpg", feed: "https://img.wire.example/kursk.jpg", want: "https://wire.example/og/kursk.jpg"},
		{name: "feed image", feed: "https://img.wire.example/kursk.jpg", want: "https://img.wire.example/kursk.jpg"},
		{name: "no image", want: "https://wire.example/Kursk-no-image-%s"},
	}
	choices := []struct {
		choice string
		flags  map[string]any // fields beside url
	}{
		{choice: "on", flags: map[string]any{}},
		{choice: "large", flags: map[string]any{"prefer_large_media": true}},
		{choice: "small", flags: map[string]any{"prefer_small_media": true}},
		{choice: "above", flags: map[string]any{"show_above_text": true}},
		{choice: "large above", flags: map[string]any{"prefer_large_media": true, "show_above_text": true}},
		{choice: "above small", flags: map[string]any{"prefer_small_media": true, "show_above_text": true}},
		{choice: "off"},
	}
	for _, mode := range modes {
		h := newHarnessIn(t, mode.webhook)
		const chat = 32
		sub := h.mustSubscribe(chat, "private", "kursk")
		for _, m := range choices {
			if got := h.reply(chat, "private", chat, "/preview "+m.choice); !strings.Contains(got.Text(), "From now on") {
				t.Fatalf("%s: /preview %s = %q", mode.name, m.choice, got.Text())
			}
			for _, a := range articles {
				t.Run(mode.name+"/"+m.choice+"/"+a.name, func(t *testing.T) {
					title := "Kursk " + a.name + " " + m.choice
					h.clock.Advance(time.Minute) // one alert a minute: never a burst
					n := len(h.tg.Sent(chat))
					h.queueAlertImages(chat, sub.ID, title, a.page, a.feed)
					got := h.tg.WaitSent(t, chat, n+1, 5*time.Second)[n]
					var lp map[string]any
					if err := json.Unmarshal([]byte(got.Params.Get("link_preview_options")), &lp); err != nil {
						t.Fatalf("link_preview_options %q: %v", got.Params.Get("link_preview_options"), err)
					}
					want := map[string]any{"is_disabled": true}
					if m.flags != nil {
						want = map[string]any{"url": strings.ReplaceAll(a.want, "%s", strings.ReplaceAll(m.choice, " ", "-"))}
						for k, v := range m.flags {
							want[k] = v
						}
					}
					if fmt.Sprint(lp) != fmt.Sprint(want) {
						t.Errorf("link_preview_options = %v, want %v", lp, want)
					}
				})
			}
		}
	}
}

// queueAlertImages queues an alert of a new article titled title whose
// fetched page named the image page and whose feed gave feed ("" = none).
func (h *harness) queueAlertImages(chat, sub int64, title, page, feed string) {
	h.t.Helper()
	ctx := context.Background()
	src, err := h.st.UpsertSource(ctx, "Wire", "https://wire.example/rss", "config")
	if err != nil {
		h.t.Fatal(err)
	}
	added, err := h.st.InsertArticles(ctx, src.ID, []news.Article{{GUID: title, URL: "https://wire.example/" + strings.ReplaceAll(title, " ", "-"),
		Title: title, Summary: "Summary of " + title, PublishedAt: h.clock.Now(), ImageURL: feed}})
	if err != nil || len(added) != 1 {
		h.t.Fatalf("insert article: %v", err)
	}
	if page != "" {
		if err := h.st.UpdateArticlePageImage(ctx, added[0].ID, page); err != nil {
			h.t.Fatal(err)
		}
	}
	if _, err := h.st.QueueAlerts(ctx, []news.Alert{{ChatID: chat, ArticleID: added[0].ID, SubscriptionID: sub}}); err != nil {
		h.t.Fatal(err)
	}
	h.sender.Notify()
}

// A stranger's /settings in Spanish read "Aquí las alertas muestran ninguna
// vista previa del enlace" ("show %s" with "no preview" put in): wrong
// Spanish, where the verb itself is negated. No preview is a sentence of
// its own in every language, in /preview, /preview off and /settings.
func TestNoPreviewReadsRightInEveryLanguage(t *testing.T) {
	h := newHarness(t, withLanguages)
	const chat = 33
	for _, tt := range []struct{ lang, want string }{
		{"es", "no muestran vista previa"},
		{"ru", "без превью ссылки"},
		{"de", "keine Linkvorschau"},
		{"en", "show no link preview"},
	} {
		h.replyAs(chat, "private", chat, "en", "/language "+tt.lang)
		for _, cmd := range []string{"/preview", "/preview off", "/settings"} {
			if got := h.replyAs(chat, "private", chat, "en", cmd); !strings.Contains(got, tt.want) || strings.Contains(got, "ninguna") {
				t.Errorf("%s %s = %q, want %q", tt.lang, cmd, got, tt.want)
			}
		}
	}
}
