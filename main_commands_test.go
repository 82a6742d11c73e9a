package main

import (
	"encoding/json"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/newshound/newshound/internal/feedtest"
	"github.com/newshound/newshound/internal/telegramtest"
	"github.com/newshound/newshound/internal/testkit"
)

// TestEndToEndCommands runs the whole program against the fake Telegram:
// the wiring of the group-admin check, buttons, search and the address
// guard of /addsource.
func TestEndToEndCommands(t *testing.T) {
	tg := telegramtest.New(t, testToken)
	feed := feedtest.New(t, "testdata/feeds/world-v1.xml", "application/rss+xml")
	var mu sync.Mutex
	clock := time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)
	now := func() time.Time { mu.Lock(); defer mu.Unlock(); return clock }
	a := startApp(t, testConfig{tg: tg, telegram: "admins = [42]\n", sources: []testSource{{"Example World News", feed.URL + "/world.xml"}}}.String(), now)
	a.waitFetched(t, 1)
	tick := func() { mu.Lock(); clock = clock.Add(20 * time.Second); mu.Unlock() } // stay clear of the command rate
	reply := func(chat int64, typ string, user int64, text string) telegramtest.Call {
		t.Helper()
		tick()
		n := len(tg.Sent(chat))
		tg.SendText(chat, typ, user, text)
		return tg.WaitSent(t, chat, n+1, 5*time.Second)[n]
	}

	const group = -100500
	tg.SetMember(group, 6, "administrator")
	if got := reply(group, "supergroup", 5, "/subscribe kursk").Text(); !strings.Contains(got, "only the admins") {
		t.Errorf("member /subscribe → %q", got)
	}
	if got := reply(group, "supergroup", 6, "/subscribe kursk").Text(); !strings.Contains(got, "Subscribed") {
		t.Fatalf("admin /subscribe → %q", got)
	}
	list := reply(group, "supergroup", 5, "/list")
	var kb struct {
		Rows [][]struct {
			Data string `json:"callback_data"`
		} `json:"inline_keyboard"`
	}
	if err := json.Unmarshal([]byte(list.Params.Get("reply_markup")), &kb); err != nil || len(kb.Rows) != 1 {
		t.Fatalf("/list keyboard %q: %v", list.Params.Get("reply_markup"), err)
	}
	answer := func(user int64, data string) string {
		t.Helper()
		tick()
		id := tg.SendCallback(group, "supergroup", user, 1, data)
		var got string
		testkit.WaitWithin(t, "the callback answer", 5*time.Second, func() bool {
			for _, c := range tg.Calls("answerCallbackQuery") {
				if c.Params.Get("callback_query_id") == id {
					got = c.Params.Get("text")
					return true
				}
			}
			return false
		})
		return got
	}
	if got := answer(5, kb.Rows[0][0].Data); !strings.Contains(got, "Only the admins") {
		t.Errorf("member presses remove → %q", got)
	}
	if got := answer(6, "rm:1:forged"); got != "This button is not valid." {
		t.Errorf("forged press → %q", got)
	}
	if got := answer(6, kb.Rows[0][0].Data); !strings.HasPrefix(got, "Removed #") {
		t.Errorf("admin presses remove → %q", got)
	}
	if a.parts.Subs.Count() != 0 {
		t.Errorf("index holds %d queries after the remove", a.parts.Subs.Count())
	}

	if got := reply(42, "private", 42, "/search kursk").Text(); !strings.Contains(got, "Kursk region reports new shelling") || !strings.Contains(got, "<b>Kursk</b>") {
		t.Errorf("/search → %q", got)
	}
	for _, u := range []string{"http://127.0.0.1:1/feed.xml", "http://169.254.169.254/latest/meta-data/", "http://10.0.0.1/"} {
		if got := reply(42, "private", 42, "/addsource "+u).Text(); !strings.Contains(got, "⛔") {
			t.Errorf("/addsource %s → %q", u, got)
		}
	}
	if got := reply(7, "private", 7, "/addsource http://example.org/").Text(); !strings.Contains(got, "Only the operators") {
		t.Errorf("non-operator /addsource → %q", got)
	}
}
