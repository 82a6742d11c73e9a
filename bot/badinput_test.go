package bot

import (
	"context"
	"fmt"
	"html"
	"strings"
	"testing"
	"time"

	"github.com/newshound/newshound/news"
)

// The bad input of issue 14, each answered shortly and clearly with
// nothing else changed: inline queries at and past Telegram's 256
// characters, unknown languages, share links tampered with or expired, and
// /preview with nonsense. (Topics that vanish: TestGoneTopicFallsBackToGeneralOnce.)

// "@bot" and a space or two more was answered "Can't search for that: a
// query needs at least one word": blank is the empty query, which offers
// the trending stories.
func TestInlineBlankQueryIsTheEmptyOne(t *testing.T) {
	h := newHarnessIn(t, false)
	for _, q := range []string{"", " ", "   ", "\n\t"} {
		h.queued.Add(1)
		id := h.tg.SendInlineQuery(5, q)
		res := waitInline(t, h.tg, id)
		if text, start := inlineButton(t, h.tg, id); len(res) != 0 || !strings.HasPrefix(text, "No trending stories yet") || start == "" {
			t.Errorf("inline query %q: results = %v, button %q (%q); want the empty query's button and no result", q, res, text, start)
		}
	}
}

func TestInlineQueryLengthIsCountedInCharacters(t *testing.T) {
	for _, mode := range modes {
		t.Run(mode.name, func(t *testing.T) {
			h := newHarnessIn(t, mode.webhook)
			tests := []struct {
				name, query string
				long        bool
			}{
				// Telegram's limit is 256 characters: a query of 256 is a
				// query (the bot refused it as too long), 257 cannot come
				// from Telegram but is refused all the same.
				{"255 letters", strings.Repeat("k", 255), false},
				{"256 letters", strings.Repeat("k", 256), false},
				{"257 letters", strings.Repeat("k", 257), true},
				{"256 Cyrillic letters (512 bytes)", strings.Repeat("к", 256), false},
				{"257 Cyrillic letters", strings.Repeat("к", 257), true},
				{"4096 letters", strings.Repeat("k", 4096), true},
			}
			for _, tt := range tests {
				h.queued.Add(1)
				id := h.tg.SendInlineQuery(5, tt.query)
				res := waitInline(t, h.tg, id)
				// Too long is no result that could be posted, but a button.
				text, _ := inlineButton(t, h.tg, id)
				long := len(res) == 0 && strings.HasPrefix(text, "Query too long")
				if long != tt.long {
					t.Errorf("%s: results = %v, button %q, want too long: %v", tt.name, res, text, tt.long)
				}
				if tt.long && !strings.Contains(text, fmt.Sprintf("this one has %d", len([]rune(tt.query)))) {
					t.Errorf("%s: button %q does not give the length", tt.name, text)
				}
			}
		})
	}
}

func TestUnknownTelegramLanguageIsAnsweredInEnglish(t *testing.T) {
	h := newHarness(t, withLanguages)
	for i, code := range []string{"zz", "pt-BR", "x-klingon", "de; DROP TABLE chats", strings.Repeat("q", 300), "🇩🇪"} {
		chat := int64(900 + i)
		if got := h.replyAs(chat, "private", chat, code, "/pause"); got != "⏸ Alerts paused. Send /resume to get them again." {
			t.Errorf("language_code %q: /pause = %q, want English", code, got)
		}
		c, err := h.st.FindChatDelivery(context.Background(), chat)
		if err != nil || (c.Language != "" && c.Language != "en") {
			t.Errorf("language_code %q: stored language %q, %v", code, c.Language, err)
		}
	}
}

func TestBadShareLinksChangeNothing(t *testing.T) {
	h := newHarness(t)
	sub := h.mustSubscribe(10, "private", "kursk deminers")
	m := shareLink.FindStringSubmatch(h.reply(10, "private", 10, fmt.Sprintf("/share %d", sub.ID)).Text())
	if m == nil {
		t.Fatal("no share link")
	}
	good := m[1]
	bad := []string{
		good + "1",                             // a digit added
		good[:len(good)-1],                     // one cut
		"s" + strings.Repeat("9", len(good)-1), // another token of the same shape
		"s",                                    // the prefix alone
		good + "<b>",                           // markup
		"s" + strings.Repeat("1", 300),
		"sкурск",
	}
	for i, payload := range bad {
		chat := int64(30 + i)
		got := h.reply(chat, "private", chat, "/start "+payload)
		if !strings.Contains(got.Text(), "does not work") || len(buttons(t, got)) != 0 {
			t.Errorf("/start %q = %q with buttons %v", payload, got.Text(), buttons(t, got))
		}
		subs, err := h.st.ListSubscriptions(context.Background(), chat)
		if err != nil || len(subs) != 0 {
			t.Errorf("/start %q: subscriptions %+v, %v; want none", payload, subs, err)
		}
	}
	// A payload that is not a share link at all is a plain /start.
	if got := h.reply(39, "private", 39, "/start x"+good[1:]); !strings.Contains(got.Text(), "/subscribe kursk deminers") || len(buttons(t, got)) != 0 {
		t.Errorf("/start x… = %q", got.Text())
	}
	h.clock.Advance(31 * 24 * time.Hour)
	got := h.reply(40, "private", 40, "/start "+good)
	if !strings.Contains(got.Text(), "does not work") || len(buttons(t, got)) != 0 {
		t.Errorf("expired link = %q", got.Text())
	}
	if subs, err := h.st.ListSubscriptions(context.Background(), 10); err != nil || len(subs) != 1 {
		t.Errorf("the sharer's subscriptions = %+v, %v; want its one", subs, err)
	}
}

func TestPreviewNonsenseKeepsTheChoice(t *testing.T) {
	h := newHarness(t)
	const chat = 33
	if got := h.reply(chat, "private", chat, "/preview large"); !strings.Contains(got.Text(), "large link preview") {
		t.Fatalf("/preview large = %q", got.Text())
	}
	for _, nonsense := range []string{"sideways", "LARGE please", "on off", "<b>on</b>", "🖼", strings.Repeat("x", 3000)} {
		h.clock.Advance(5 * time.Second) // past the command rate
		got := h.reply(chat, "private", chat, "/preview "+nonsense)
		clear := strings.Contains(got.Text(), "know the choice") || strings.Contains(got.Text(), "too long for /preview")
		if !clear || len(got.Text()) > 400 {
			t.Errorf("/preview %.40q = %q", nonsense, got.Text())
		}
		// The reply names what it did not know, as /quiet, /digest and
		// /timezone do ("sideways" read only "I don't know that choice").
		if named := html.EscapeString(fmt.Sprintf("%q", nonsense)); len(nonsense) < 100 && !strings.Contains(got.Text(), named) {
			t.Errorf("/preview %q = %q, want it to name %s", nonsense, got.Text(), named)
		}
	}
	h.clock.Advance(5 * time.Second)
	if got := h.reply(chat, "private", chat, "/preview"); !strings.Contains(got.Text(), "a large link preview") {
		t.Errorf("after nonsense, /preview = %q; want the choice kept", got.Text())
	}
	c, err := h.st.FindChatDelivery(context.Background(), chat)
	if err != nil || c.Preview != news.PreviewLarge {
		t.Errorf("stored preview = %q, %v", c.Preview, err)
	}
}

// A feed of text alone gives articles without a title; one among the
// results of an inline query made Telegram refuse the whole answer
// (RESULT_TITLE_EMPTY), and the person saw nothing at all.
func TestInlineResultOfAnUntitledArticleHasATitle(t *testing.T) {
	h := newHarness(t)
	ctx := context.Background()
	src, err := h.st.UpsertSource(ctx, "Wire", "https://wire.example/rss", "config")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := h.st.InsertArticles(ctx, src.ID, []news.Article{
		{GUID: "1", URL: "https://wire.example/1", Title: "Kursk deminers clear fields", Text: "Deminers in Kursk.", PublishedAt: h.clock.Now()},
		{GUID: "2", URL: "https://wire.example/2", Text: "Kursk: a note of the wire without a headline.", PublishedAt: h.clock.Now()},
		{GUID: "3", URL: "https://wire.example/3", Title: "   ", Text: "   ", Summary: "", PublishedAt: h.clock.Now()},
	}); err != nil {
		t.Fatal(err)
	}
	h.queued.Add(1)
	res := waitInline(t, h.tg, h.tg.SendInlineQuery(5, "kursk"))
	if len(res) != 2 {
		t.Fatalf("results = %v, want both Kursk articles", res)
	}
	for _, r := range res {
		if strings.TrimSpace(fmt.Sprint(r["title"])) == "" {
			t.Errorf("result without a title: %v", r)
		}
	}
	if got := inlineTitle(tr(ctx), news.Article{Title: " ", Text: " "}); got != "(untitled)" {
		t.Errorf("title of an article with no words = %q", got)
	}
}

// "/subscribe 🚀 raketen <b>start</b>" was taken as raketen AND "b start b":
// Telegram sends a typed tag as text, so the query is refused with the tag
// named, in the chat's language, and nothing is subscribed; the inline
// query offered "Nothing found · Subscribe to <b>storm</b>".
func TestTypedMarkupInAQueryIsRefused(t *testing.T) {
	h := newHarnessIn(t, false)
	got := h.replyAs(21, "private", 21, "de", "/subscribe 🚀 raketen <b>start</b>")
	if !strings.Contains(got, "„&lt;b&gt;“ ist als Text getipptes Markup") || !strings.Contains(got, "Position 11") {
		t.Errorf("/subscribe with <b> in German = %q, want the tag refused in German", got)
	}
	if subs := h.mustList(21); len(subs) != 0 {
		t.Errorf("subscriptions = %+v, want none", subs)
	}
	h.queued.Add(1)
	id := h.tg.SendInlineQuery(5, "<b>storm</b>")
	res := waitInline(t, h.tg, id)
	if text, _ := inlineButton(t, h.tg, id); len(res) != 0 || !strings.HasPrefix(text, "Can't search for that") || !strings.Contains(text, "markup") {
		t.Errorf("inline <b>storm</b>: results %v, button %q; want it refused as markup", res, text)
	}
}
