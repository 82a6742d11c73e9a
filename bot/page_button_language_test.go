package bot

import (
	"fmt"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/newshound/newshound/internal/testkit"
	"github.com/newshound/newshound/news"
	"github.com/newshound/newshound/sources"
)

// pressAs presses a button as a user whose Telegram app speaks lang and
// returns the answer to the callback query.
func (h *harness) pressAs(chatID int64, chatType string, userID int64, lang string, messageID int, data string) string {
	h.t.Helper()
	h.queued.Add(1)
	id := h.tg.SendCallbackAs(chatID, chatType, userID, lang, messageID, data)
	var answer string
	testkit.WaitFor(h.t, fmt.Sprintf("an answer to callback %s", id), func() bool {
		for _, c := range h.tg.Calls("answerCallbackQuery") {
			if c.Params.Get("callback_query_id") == id {
				answer = c.Params.Get("text")
				return true
			}
		}
		return false
	})
	return answer
}

// A stranger's trial: in a group that chose no language, a German member
// sent /list, /sources and /search, and an English admin's press on their
// buttons rewrote the /list and the /sources page, and sent the next search
// page, in English, for a group that had been reading German. A page keeps
// the language it was sent in (its buttons record it); the answer to the
// press, which only the presser sees, speaks theirs. A group that chose a
// language is answered in it whoever presses.
func TestPagesKeepTheirLanguageWhenAnotherMemberPresses(t *testing.T) {
	h := newHarness(t, withLanguages, func(o *RouterOptions) {
		o.Operators = []int64{operator}
		o.Sources = sources.NewService(sources.Options{Store: o.Store.(sources.Store), Now: o.Now})
	})
	const group, german, admin = -1009, 7, 5
	h.tg.SetMember(group, admin, "administrator")
	h.tg.SetMember(group, german, "administrator")
	now := h.clock.Now()
	var arts []news.Article
	for i := range 12 {
		arts = append(arts, news.Article{GUID: fmt.Sprint(i), URL: fmt.Sprintf("https://wire.example/%d", i),
			Title: fmt.Sprintf("Kursk report %d", i), Text: "Deminers near Kursk.", PublishedAt: now.Add(-time.Duration(i) * time.Hour)})
	}
	h.mustArticles("Wire", arts...)
	for i := range 300 {
		src := testkit.UpsertSource(t, h.st, fmt.Sprintf("Regional Outlet Number %d", i), fmt.Sprintf("https://outlet-%d.example/rss", i), "config")
		mustRecordFetch(t, h.st, src.ID, news.FetchResult{OK: true, NextFetchAt: now.Add(2 * time.Minute)})
	}
	sub := h.mustSubscribe(group, "supergroup", "kursk")

	sent := func(cmd string) (int, [][]struct {
		Text string `json:"text"`
		Data string `json:"callback_data"`
		URL  string `json:"url"`
	}) {
		t.Helper()
		n := len(h.tg.Sent(group))
		h.sendAs(group, "supergroup", german, "de", cmd)
		c := h.tg.WaitSent(t, group, n+1, 5*time.Second)[n]
		id, err := strconv.Atoi(c.Params.Get("_message_id"))
		if err != nil {
			t.Fatal(err)
		}
		return id, buttons(t, c)
	}

	// /list: the admin mutes the subscription from the German list.
	id, kb := sent("/list")
	if len(kb) != 1 || !strings.Contains(kb[0][1].Text, "Stumm") {
		t.Fatalf("the German /list's buttons = %+v", kb)
	}
	if got := h.pressAs(group, "supergroup", admin, "en", id, kb[0][1].Data); got != fmt.Sprintf("Muted #%d.", sub.ID) {
		t.Errorf("the admin's notice = %q, want it in English", got)
	}
	edit := h.waitEdits(group, 1)[0]
	if eb := buttons(t, edit); !strings.Contains(edit.Text(), "Abos") || len(eb) != 1 || strings.Contains(eb[0][0].Text, "Remove") {
		t.Errorf("the /list rewritten after an English press:\n%s\n%+v\nwant it German, as sent", edit.Text(), eb)
	}

	// /sources: the admin turns to page 2 of the German list.
	h.clock.Advance(5 * time.Second)
	id, kb = sent("/sources")
	if len(kb) != 1 || len(kb[0]) != 1 {
		t.Fatalf("the German /sources page's buttons = %+v", kb)
	}
	h.clock.Advance(5 * time.Second)
	h.pressAs(group, "supergroup", admin, "en", id, kb[0][0].Data)
	edit = h.waitEdits(group, 2)[1]
	if !strings.Contains(edit.Text(), "Quellen") || strings.Contains(edit.Text(), "page 2 of") {
		t.Errorf("the /sources page after an English press:\n%.300s\nwant it German, as sent", edit.Text())
	}

	// /search: the admin asks for the next page.
	h.clock.Advance(5 * time.Second)
	id, kb = sent("/search kursk")
	if len(kb) != 1 {
		t.Fatalf("the German search page's buttons = %+v", kb)
	}
	h.clock.Advance(5 * time.Second)
	n := len(h.tg.Sent(group))
	h.pressAs(group, "supergroup", admin, "en", id, kb[0][0].Data)
	page := h.tg.WaitSent(t, group, n+1, 5*time.Second)[n]
	if pb := buttons(t, page); len(pb) != 1 || pb[0][0].Text == "More ▸" {
		t.Errorf("the second search page's button after an English press = %+v, want it German, as the search was", pb)
	}

	// /stop: the admin cancels the German question; then confirms another.
	for i, want := range []string{"Es wurde nichts gelöscht.", "🗑 Erledigt"} {
		h.clock.Advance(5 * time.Second)
		id, kb = sent("/stop")
		if len(kb) != 1 || len(kb[0]) != 2 {
			t.Fatalf("the German /stop's buttons = %+v", kb)
		}
		h.clock.Advance(5 * time.Second)
		h.pressAs(group, "supergroup", admin, "en", id, kb[0][1-i].Data)
		testkit.WaitFor(t, "the /stop question rewritten", func() bool {
			for _, c := range h.edits(group) {
				if c.Params.Get("message_id") == strconv.Itoa(id) {
					if !strings.HasPrefix(c.Text(), want) {
						t.Errorf("the /stop question after an English press = %q, want it German (%q)", c.Text(), want)
					}
					return true
				}
			}
			return false
		})
	}
}
