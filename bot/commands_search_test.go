package bot

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/newshound/newshound/news"
)

// mustArticles stores articles of a new source; published counts back from the clock.
func (h *harness) mustArticles(source string, arts ...news.Article) []news.Article {
	h.t.Helper()
	ctx := context.Background()
	src, err := h.st.UpsertSource(ctx, source, "https://"+strings.ToLower(strings.ReplaceAll(source, " ", ""))+".example/rss", "config")
	if err != nil {
		h.t.Fatal(err)
	}
	added, err := h.st.InsertArticles(ctx, src.ID, arts)
	if err != nil {
		h.t.Fatal(err)
	}
	return added
}

func TestSearchPagesWithMore(t *testing.T) {
	h := newHarness(t)
	now := h.clock.Now()
	var arts []news.Article
	for i := range 12 {
		arts = append(arts, news.Article{GUID: fmt.Sprint(i), URL: fmt.Sprintf("https://wire.example/%d?a=1&b=2", i),
			Title: fmt.Sprintf("Report %d from the region", i), Text: fmt.Sprintf("Deminers near Kursk cleared field %d today.", i),
			PublishedAt: now.Add(-time.Duration(i) * time.Hour)})
	}
	arts = append(arts, news.Article{GUID: "title", URL: "https://wire.example/t", Title: "Kursk <fields> & farms", Text: "Farmers wait.", PublishedAt: now.Add(-30 * time.Hour)})
	arts = append(arts, news.Article{GUID: "other", Title: "Belgorod", Text: "Nothing about it.", PublishedAt: now})
	h.mustArticles("Wire & Co", arts...)

	const chat = 40
	first := h.reply(chat, "private", chat, "/search kursk")
	text := first.Text()
	if !strings.Contains(text, "1–5 of 13") || strings.Count(text, "<a href=") != 5 {
		t.Fatalf("first page:\n%s", text)
	}
	for _, want := range []string{
		`<a href="https://wire.example/t">Kursk &lt;fields&gt; &amp; farms</a>`, // the title match ranks first
		`<a href="https://wire.example/0?a=1&amp;b=2">Report 0 from the region</a>`,
		"<i>Wire &amp; Co · just now</i>",
		"Deminers near <b>Kursk</b> cleared field 0",
		"<i>Wire &amp; Co · 1 h ago</i>",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("first page lacks %q:\n%s", want, text)
		}
	}
	if i, j := strings.Index(text, "Kursk &lt;fields"), strings.Index(text, "Report 0"); i < 0 || j < 0 || i > j {
		t.Errorf("the title match does not come first:\n%s", text)
	}
	more := buttons(t, first)
	if len(more) != 1 || more[0][0].Text != "More ▸" {
		t.Fatalf("first page buttons = %+v", more)
	}

	if got := h.press(chat, "private", chat, 1, more[0][0].Data); got != "Page 2" {
		t.Errorf("More → %q", got)
	}
	second := h.tg.WaitSent(t, chat, 2, 5*time.Second)[1]
	if !strings.Contains(second.Text(), "6–10 of 13") || !strings.Contains(second.Text(), "Report 4 from") {
		t.Errorf("second page:\n%s", second.Text())
	}
	// Pressed again (a double tap): a user got page 2 twice.
	h.clock.Advance(5 * time.Second) // past the press rate
	if got := h.press(chat, "private", chat, 1, more[0][0].Data); got != "Page 2 is already above." {
		t.Errorf("More again → %q", got)
	}
	h.settle()
	if n := len(h.tg.Sent(chat)); n != 2 {
		t.Errorf("after More twice the chat has %d messages, want the first page and page 2", n)
	}
	h.press(chat, "private", chat, 1, buttons(t, second)[0][0].Data)
	third := h.tg.WaitSent(t, chat, 3, 5*time.Second)[2]
	if !strings.Contains(third.Text(), "11–13 of 13") || len(buttons(t, third)) != 0 {
		t.Errorf("last page (buttons %v):\n%s", buttons(t, third), third.Text())
	}

	// Another chat cannot page this chat's search, even with a valid MAC for itself.
	searchData := strings.Split(more[0][0].Data, ":")
	forged := h.router.sign(41, "more", mustInt(t, searchData[1]), 1)
	if got := h.press(41, "private", 41, 1, forged); got != noticeStale {
		t.Errorf("a chat the bot never saw → %q", got)
	}
	h.reply(41, "private", 41, "/help")
	if got := h.press(41, "private", 41, 1, forged); !strings.Contains(got, "expired") {
		t.Errorf("another chat's search → %q", got)
	}
	// Past a day the search has expired.
	h.clock.Advance(25 * time.Hour)
	if got := h.press(chat, "private", chat, 1, more[0][0].Data); !strings.Contains(got, "expired") {
		t.Errorf("old search → %q", got)
	}

	tests := []struct {
		name, query, want string
	}{
		{"a phrase", `/search "deminers near kursk"`, "1–5 of 12"},
		{"nothing", "/search pyongyang", "Nothing I have stored matches <code>pyongyang</code>"},
		{"no query", "/search", "What should I look for?"},
		{"a bad query", `/search "unclosed`, "I can't search for that"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h.clock.Advance(20 * time.Second)
			if got := h.reply(chat, "private", chat, tt.query).Text(); !strings.Contains(got, tt.want) {
				t.Errorf("%s → %q, want %q", tt.query, got, tt.want)
			}
		})
	}
}

func mustInt(t *testing.T, s string) int64 {
	t.Helper()
	var n int64
	if _, err := fmt.Sscan(s, &n); err != nil {
		t.Fatal(err)
	}
	return n
}

func TestLatestAndTrending(t *testing.T) {
	h := newHarness(t)
	now := h.clock.Now()
	h.mustArticles("Alpha",
		news.Article{GUID: "a1", Title: "Kursk fields reopen", PublishedAt: now.Add(-2 * time.Hour)},
		news.Article{GUID: "a2", Title: "Tariffs on steel rise", PublishedAt: now.Add(-time.Hour)},
		news.Article{GUID: "a3", Title: "Kursk harvest late", PublishedAt: now.Add(-10 * 24 * time.Hour)},
	)
	h.mustArticles("Beta", news.Article{GUID: "b1", Title: "Kursk deminers at work", PublishedAt: now.Add(-30 * time.Minute)})
	const chat = 50
	if got := h.reply(chat, "private", chat, "/latest").Text(); !strings.Contains(got, "No subscriptions yet") {
		t.Errorf("/latest without subscriptions → %q", got)
	}
	k := h.mustSubscribe(chat, "private", "kursk")
	tr := h.mustSubscribe(chat, "private", "tariffs")

	tests := []struct {
		name    string
		cmd     string
		want    []string // in this order
		notWant []string
	}{
		{"all subscriptions", "/latest", []string{"Kursk deminers", "Tariffs on steel", "Kursk fields"}, []string{"harvest"}},
		{"one subscription", "/latest " + itoa(k.ID), []string{"Kursk deminers", "Kursk fields"}, []string{"Tariffs"}},
		{"one by #id", "/latest #" + itoa(tr.ID), []string{"Tariffs on steel", "#" + itoa(tr.ID)}, []string{"Kursk"}},
		{"an unknown one", "/latest 999", []string{"no subscription #999"}, nil},
		// By its query, as /mute names one: it was "no subscription tariffs".
		{"one by its query", "/latest Tariffs", []string{"Tariffs on steel", "#" + itoa(tr.ID)}, []string{"Kursk", "no subscription"}},
		{"an unknown query", "/latest belgorod", []string{`no subscription "belgorod"`}, nil},
		{"trending", "/trending", []string{"Trending", "Kursk deminers", "1 source: Beta", "Tariffs"}, []string{"harvest"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h.clock.Advance(20 * time.Second)
			got := h.reply(chat, "private", chat, tt.cmd).Text()
			at := 0
			for _, w := range tt.want {
				i := strings.Index(got[at:], w)
				if i < 0 {
					t.Fatalf("%s lacks %q (in order):\n%s", tt.cmd, w, got)
				}
				at += i
			}
			for _, w := range tt.notWant {
				if strings.Contains(got, w) {
					t.Errorf("%s shows %q:\n%s", tt.cmd, w, got)
				}
			}
		})
	}
}

func TestSearchCommandsWithoutService(t *testing.T) {
	for _, text := range []string{"/search kursk", "/latest", "/trending"} {
		t.Run(text, func(t *testing.T) {
			r, log := newTestRouter(t) // no Search in its options
			say(r, 7, "private", text)
			got := log.take()
			if len(got) != 1 || !strings.Contains(got[0].Text, "Search is not available") {
				t.Errorf("%s → %+v", text, got)
			}
		})
	}
}

// TestSearchDatesInTheChatsZone: a result older than 30 days shows its date
// in the chat's zone (/timezone), as alerts do; it was the UTC date, a day
// off for a chat east or west of it around midnight.
func TestSearchDatesInTheChatsZone(t *testing.T) {
	h := newHarness(t)
	d := h.clock.Now().AddDate(0, 0, -40)
	published := time.Date(d.Year(), d.Month(), d.Day(), 23, 30, 0, 0, time.UTC) // the next day in Tokyo
	h.mustArticles("Wire", news.Article{GUID: "old", URL: "https://wire.example/old", Title: "Kursk harvest", Text: "Fields.", PublishedAt: published})
	const chat = 41
	if got := h.reply(chat, "private", chat, "/timezone Asia/Tokyo").Text(); !strings.Contains(got, "Asia/Tokyo") {
		t.Fatalf("/timezone Asia/Tokyo → %q", got)
	}
	h.clock.Advance(10 * time.Second)
	tokyo, err := time.LoadLocation("Asia/Tokyo")
	if err != nil {
		t.Skip("no zone database:", err)
	}
	text := h.reply(chat, "private", chat, "/search kursk").Text()
	if want := "Wire · " + published.In(tokyo).Format("2 Jan 2006"); !strings.Contains(text, want) {
		t.Errorf("a result from %s in a chat on Asia/Tokyo lacks %q:\n%s", published, want, text)
	}
}

// "/search kursk or belgorod" searched for both and the word "or", and its
// answer showed the query as typed: it says "or" is a word there and what
// to send for either, whether it found something or not.
func TestSearchWithALowerCaseOperatorSaysHowToWriteIt(t *testing.T) {
	h := newHarness(t)
	now := h.clock.Now()
	h.mustArticles("Wire",
		news.Article{GUID: "1", URL: "https://wire.example/1", Title: "Kursk or Belgorod: where the lines run", PublishedAt: now},
		news.Article{GUID: "2", URL: "https://wire.example/2", Title: "Deminers in Kursk", PublishedAt: now})
	const chat = 41
	for _, tt := range []struct{ text, fixed string }{
		{"/search kursk or belgorod", "/search kursk OR belgorod"},
		{"/search kursk or minsk", "/search kursk OR minsk"},
	} {
		got := h.reply(chat, "private", chat, tt.text).Text()
		if !strings.Contains(got, "“or” in small letters is a word to find") || !strings.Contains(got, "<code>"+tt.fixed+"</code>") {
			t.Errorf("%s:\n%s", tt.text, got)
		}
	}
	if got := h.reply(chat, "private", chat, "/search kursk OR belgorod").Text(); strings.Contains(got, "small letters") {
		t.Errorf("/search kursk OR belgorod:\n%s", got)
	}
}
