package bot

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/newshound/newshound/internal/telegramtest"
	"github.com/newshound/newshound/internal/testkit"
)

func TestAccessOf(t *testing.T) {
	tests := []struct {
		name string
		cmd  string
		want access
	}{
		{"reading is for everyone", "search", everyone},
		{"listing is for everyone", "list", everyone},
		{"subscribing changes the chat", "subscribe", chatAdmins},
		{"stopping changes the chat", "stop", chatAdmins},
		{"sources are for operators", "addsource", operators},
		{"exports are for operators", "export", operators},
		{"fetching a source is for operators", "fetch", operators},
		{"a row added later is for chat admins", "timezone", chatAdmins},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := accessOf(tt.cmd); got != tt.want {
				t.Errorf("accessOf(%q) = %v, want %v", tt.cmd, got, tt.want)
			}
		})
	}
}

// /help and the menus say which commands are the operators': every one
// accessOf keeps for them says so in its description, and no other does.
func TestOperatorCommandsSaySo(t *testing.T) {
	h := newHarness(t)
	for _, c := range h.router.commands {
		if said, is := strings.HasSuffix(c.description, "(operators)"), accessOf(c.name) == operators; said != is {
			t.Errorf("/%s: %q; operators only: %v", c.name, c.description, is)
		}
	}
}

func TestAdminCacheExpires(t *testing.T) {
	clock := testkit.NewClock(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
	c := newAdminCache(clock.Now, time.Minute)
	if _, found := c.get(1, 2); found {
		t.Fatal("empty cache found an entry")
	}
	c.put(1, 2, true)
	clock.Advance(59 * time.Second)
	if admin, found := c.get(1, 2); !found || !admin {
		t.Errorf("within ttl: admin=%v found=%v", admin, found)
	}
	clock.Advance(time.Second)
	if _, found := c.get(1, 2); found {
		t.Error("a demoted admin would keep rights past the ttl")
	}
}

func TestChatRatesTellOncePerRun(t *testing.T) {
	clock := testkit.NewClock(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
	r := newChatRates(clock.Now, 3*time.Second, 2)
	var got []string
	for range 5 {
		ok, tell := r.allow(7)
		got = append(got, map[[2]bool]string{{true, false}: "ok", {false, true}: "tell", {false, false}: "drop"}[[2]bool{ok, tell}])
	}
	clock.Advance(3 * time.Second)
	ok, _ := r.allow(7)
	_, tellAgain := r.allow(7)
	if want := "ok ok tell drop drop"; strings.Join(got, " ") != want || !ok || !tellAgain {
		t.Errorf("allow = %s, then ok=%v tell=%v; want %s, then a refill and a new notice", strings.Join(got, " "), ok, tellAgain, want)
	}
}

// A group admin sent /subscribe while Telegram did not answer the admin
// check (an outage; a group just made a supergroup): "Sorry, only the
// admins of this chat can…". The failed check says so, is not remembered,
// and the admin's next try works.
func TestAFailedAdminCheckIsNotARefusal(t *testing.T) {
	h := newHarness(t)
	const group = -100888
	h.tg.SetMember(group, 5, "administrator")
	h.tg.Inject(func(c telegramtest.Call) *telegramtest.Reply {
		if c.Method == "getChatMember" {
			return &telegramtest.Reply{Code: 502, Description: "Bad Gateway"}
		}
		return nil
	})
	got := h.reply(group, "supergroup", 5, "/subscribe kursk").Text()
	if !strings.Contains(got, "could not ask Telegram whether you administer this chat") || strings.Contains(got, "only the admins") {
		t.Errorf("/subscribe with the admin check failing = %q, want the check's failure said", got)
	}
	h.tg.Inject(nil)
	h.clock.Advance(time.Minute)
	if got := h.reply(group, "supergroup", 5, "/subscribe kursk").Text(); !strings.Contains(got, "Subscribed") {
		t.Errorf("/subscribe once the check answers = %q, want it subscribed", got)
	}
}

// The inline answer's "Nothing found · Subscribe to …" button opens the bot
// with /start q<query>; a member of a group typed it there ("/start
// qc3BhbQ") and the group was subscribed to "spam" with no admin check.
// Only an admin's subscribes the group; a private chat's is its own.
func TestStartQueryInAGroupIsForAdmins(t *testing.T) {
	h := newHarness(t)
	const group = -100889
	h.tg.SetMember(group, 5, "administrator")
	h.tg.SetMember(group, 6, "member")
	start := "/start " + nothingFound(context.Background(), "spam").Start
	if got := h.reply(group, "supergroup", 6, start).Text(); !strings.Contains(got, "only the admins") {
		t.Errorf("a member's %s = %q, want the admins-only refusal", start, got)
	}
	if subs := h.mustList(group); len(subs) != 0 {
		t.Fatalf("a member's /start subscribed the group: %+v", subs)
	}
	if got := h.reply(group, "supergroup", 5, start).Text(); !strings.Contains(got, "Subscribed") {
		t.Errorf("an admin's %s = %q, want it subscribed", start, got)
	}
	if got := h.reply(7, "private", 7, start).Text(); !strings.Contains(got, "Subscribed") {
		t.Errorf("%s in a private chat = %q, want it subscribed", start, got)
	}
}

// The same for a button: an admin pressing Mute under /list while Telegram
// did not answer the admin check was told "Only the admins of this chat can
// do that."; the press says the check failed, and the next one works.
func TestAFailedAdminCheckIsNotARefusalOfAPress(t *testing.T) {
	h := newHarness(t)
	const group = -100889
	h.tg.SetMember(group, 5, "administrator")
	sub := h.mustSubscribe(group, "supergroup", "kursk")
	list := h.reply(group, "supergroup", 5, "/list")
	mute := buttons(t, list)[0][1].Data
	h.tg.Inject(func(c telegramtest.Call) *telegramtest.Reply {
		if c.Method == "getChatMember" {
			return &telegramtest.Reply{Code: 502, Description: "Bad Gateway"}
		}
		return nil
	})
	if got := h.press(group, "supergroup", 5, 1, mute); !strings.Contains(got, "could not ask Telegram") {
		t.Errorf("a press with the admin check failing = %q, want the check's failure said", got)
	}
	h.tg.Inject(nil)
	h.clock.Advance(time.Minute)
	if got := h.press(group, "supergroup", 5, 1, mute); got != "Muted #"+itoa(sub.ID)+"." {
		t.Errorf("the press once the check answers = %q, want it muted", got)
	}
}

// A group's member who asked which language, time zone, digest time, quiet
// hours or link previews the group has (the command alone) was refused as
// if changing it, though /settings shows them all to everyone; changing
// one stays the admins'.
func TestAMemberMayAskForASetting(t *testing.T) {
	h := newHarness(t, withLanguages, withDigests)
	const group = -100612
	h.tg.SetMember(group, 9, "member")
	refused := "only the admins of this chat"
	for _, c := range []struct{ text, want string }{
		{"/language", "No language is chosen for this chat"},
		{"/timezone", "This chat's time zone is"},
		{"/digest", "digest"},
		{"/quiet", "quiet hours"},
		{"/preview", "preview"},
	} {
		got := h.replyAs(group, "supergroup", 9, "en", c.text)
		if strings.Contains(got, refused) || !strings.Contains(got, c.want) {
			t.Errorf("a member's %s = %q, want %q", c.text, got, c.want)
		}
	}
	for _, text := range []string{"/language ru", "/timezone Europe/Berlin", "/digest now", "/digest 09:00", "/quiet 23:00-07:00", "/preview on"} {
		if got := h.replyAs(group, "supergroup", 9, "en", text); !strings.Contains(got, refused) {
			t.Errorf("a member's %s = %q, want it refused", text, got)
		}
	}
}
