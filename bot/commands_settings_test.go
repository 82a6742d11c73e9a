package bot

import (
	"context"
	"strings"
	"testing"
	"time"
)

// /settings shows every setting of the chat with the command that changes
// it, in the chat's language; anyone in a group may look.
func TestSettingsShowsTheChatsSettings(t *testing.T) {
	h := newHarness(t, func(o *RouterOptions) {
		o.CommandBurst, o.Digests = 50, nothingNew{}
		o.Languages = o.Preview.(Languages) // the harness's settings service
	})
	for _, cmd := range []string{"/timezone Europe/Berlin", "/digest 08:00", "/quiet 23:00-07:00 hold", "/preview small", "/pause"} {
		h.reply(42, "private", 42, cmd)
	}
	got := h.reply(42, "private", 42, "/settings").Text()
	for _, want := range []string{
		"⚙️ <b>This chat's settings</b>",
		"🌐 This chat speaks English. /language",
		"🕑 This chat's time zone is <b>Europe/Berlin</b> (it is 13:00 there). /timezone",
		"📰 Daily digest at <b>08:00</b> (Europe/Berlin); next on Sat 28 Nov at 08:00. /digest",
		"🌙 Quiet hours 23:00–07:00 (Europe/Berlin): alerts are held for the digest. /quiet",
		"🖼 Alerts here show a small link preview below the text. /preview",
		"⏸ Alerts are paused: /resume to turn them back on.",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("/settings lacks %q:\n%s", want, got)
		}
	}
	h.reply(42, "private", 42, "/language de")
	if got := h.reply(42, "private", 42, "/settings").Text(); !strings.Contains(got, "Einstellungen dieses Chats") || !strings.Contains(got, "Europe/Berlin") {
		t.Errorf("/settings in German:\n%s", got)
	}
	h.tg.SetMember(-100, 61, "member")
	if got := h.reply(-100, "supergroup", 61, "/settings").Text(); !strings.Contains(got, "No quiet hours") || strings.Contains(got, "only the admins") {
		t.Errorf("a group member's /settings:\n%s", got)
	}
}

// nothingNew is a digest builder with nothing new to send.
type nothingNew struct{}

func (nothingNew) SendNow(context.Context, int64, int, int) (int, error) { return 0, nil }

func (nothingNew) HadDigest(context.Context, int64) (bool, error) { return true, nil }

// A stranger typed "/digest 08:00 Europe/Paris" and was told the time did
// not read: a time and a zone together set both.
func TestDigestWithATimeZone(t *testing.T) {
	h := newHarness(t, func(o *RouterOptions) { o.CommandBurst, o.Digests = 50, nothingNew{} })
	for _, tt := range []struct{ cmd, want string }{
		{"/digest 08:00 Europe/Paris", "Daily digest at <b>08:00</b> (Europe/Paris)"},
		// A time or a zone of several words: "7 pm" was read as the time "7" and the zone "pm los angeles".
		{"/digest 7 pm los angeles", "Daily digest at <b>19:00</b> (America/Los_Angeles)"},
		{"/digest 8 Uhr Europe/Berlin", "Daily digest at <b>08:00</b> (Europe/Berlin)"},
		{"/digest 9 pm Atlantis", "know the time zone Atlantis"},
		{"/digest 08:00 IST", "IST stands for several time zones: Asia/Kolkata, Asia/Jerusalem, Europe/Dublin."},
		{"/timezone ist", "IST stands for several time zones"},
		{"/timezone new york", "<b>America/New_York</b>"},
		{"/digest 7pm new york", "Daily digest at <b>19:00</b> (America/New_York)"},
		{"/digest 08:00 Atlantis", "know the time zone Atlantis"}, // nothing changes
		{"/timezone", "<b>America/New_York</b>"},
	} {
		if got := h.reply(43, "private", 43, tt.cmd).Text(); !strings.Contains(got, tt.want) {
			t.Errorf("%s = %q; want %q", tt.cmd, got, tt.want)
		}
	}
}

// A German typed "/digest 8 Uhr", a Spaniard "/digest 20h", as their
// languages write an hour: "I can't read that as a time of day".
func TestDigestHoursAsLanguagesWriteThem(t *testing.T) {
	h := newHarness(t, func(o *RouterOptions) { o.CommandBurst, o.Digests = 50, nothingNew{} })
	for _, tt := range []struct{ cmd, want string }{
		{"/digest 8 Uhr", "Daily digest at <b>08:00</b>"},
		{"/digest 20h", "Daily digest at <b>20:00</b>"},
		{"/digest 7 ч", "Daily digest at <b>07:00</b>"},
	} {
		if got := h.reply(45, "private", 45, tt.cmd).Text(); !strings.Contains(got, tt.want) {
			t.Errorf("%s = %q; want %q", tt.cmd, got, tt.want)
		}
	}
}

// "/digest noon" could not be read as a time of day; the named times are,
// in the bot's languages, with a zone too.
func TestDigestAtANamedTime(t *testing.T) {
	h := newHarness(t, func(o *RouterOptions) { o.CommandBurst, o.Digests = 50, nothingNew{} })
	for _, tt := range []struct{ cmd, want string }{
		{"/digest noon", "Daily digest at <b>12:00</b>"},
		{"/digest midnight", "Daily digest at <b>00:00</b>"},
		{"/digest 12pm", "Daily digest at <b>12:00</b>"},
		{"/digest Mittags", "Daily digest at <b>12:00</b>"},
		{"/digest noon Europe/Paris", "Daily digest at <b>12:00</b> (Europe/Paris)"},
		{"/quiet midnight-6:00", "00:00"},
	} {
		if got := h.reply(46, "private", 46, tt.cmd).Text(); !strings.Contains(got, tt.want) {
			t.Errorf("%s = %q; want %q", tt.cmd, got, tt.want)
		}
	}
}

// A stranger in Berlin set "/digest 02:30" the day before the clocks go
// forward and read "next on Sun 29 Mar at 03:30", a time they never typed.
// The answer says why; on other days it says nothing more.
func TestDigestOnASkippedTimeSaysWhy(t *testing.T) {
	h := newHarness(t, withLanguages, func(o *RouterOptions) { o.CommandBurst, o.Digests = 50, nothingNew{} })
	h.clock.Set(time.Date(2026, 3, 28, 12, 0, 0, 0, time.UTC))
	h.reply(46, "private", 46, "/timezone Europe/Berlin")
	if got := h.reply(46, "private", 46, "/digest 02:30").Text(); !strings.Contains(got, "at 03:30.") || !strings.Contains(got, "the clocks skip 02:30") {
		t.Errorf("/digest 02:30 before the clocks go forward = %q; want 03:30 and why", got)
	}
	if got := h.replyAs(46, "private", 46, "de", "/language de"); !strings.Contains(got, "Deutsch") {
		t.Fatalf("/language de = %q", got)
	}
	if got := h.replyAs(46, "private", 46, "de", "/digest"); !strings.Contains(got, "02:30 gibt es nicht") {
		t.Errorf("/digest in German = %q; want why in German", got)
	}
	h.clock.Set(time.Date(2026, 3, 29, 12, 0, 0, 0, time.UTC))
	if got := h.replyAs(46, "private", 46, "de", "/digest"); strings.Contains(got, "gibt es nicht") || !strings.Contains(got, "um 02:30") {
		t.Errorf("/digest the day after = %q; want 02:30 and no more", got)
	}
}

// A stranger in Kyiv with quiet hours typed "/digest 20:00 UTC" and read
// only "Daily digest at 20:00 (UTC)": the chat's time zone, which places
// the quiet hours and the alerts' times too, had become UTC unsaid. The
// answer says the zone changed, when it did.
func TestDigestWithATimeZoneSaysTheChatsZoneChanged(t *testing.T) {
	h := newHarness(t, func(o *RouterOptions) { o.CommandBurst, o.Digests = 50, nothingNew{} })
	h.reply(44, "private", 44, "/timezone Europe/Kyiv")
	got := h.reply(44, "private", 44, "/digest 20:00 UTC").Text()
	if !strings.Contains(got, "Time zone set to <b>UTC</b>") || !strings.Contains(got, "Daily digest at <b>20:00</b> (UTC)") {
		t.Errorf("/digest 20:00 UTC in Kyiv = %q; want the zone change said, and the digest", got)
	}
	if got := h.reply(44, "private", 44, "/digest 21:00 UTC").Text(); strings.Contains(got, "Time zone set") || !strings.Contains(got, "21:00") {
		t.Errorf("/digest 21:00 UTC in UTC = %q; want the digest alone (the zone did not change)", got)
	}
	if got := h.replyAs(44, "private", 44, "de", "/digest 07:00 Europe/Berlin"); !strings.Contains(got, "Zeitzone auf <b>Europe/Berlin</b> gesetzt") {
		t.Errorf("/digest 07:00 Europe/Berlin in German = %q; want the zone change in German", got)
	}
}

// A stranger set "/quiet 23:00-07:00 hold", then "/digest off", and read
// only "Daily digest off": the night's alerts now waited for a digest that
// never came. /quiet said so when set after; "/digest off" says so too.
func TestDigestOffWarnsOfAlertsHeldForIt(t *testing.T) {
	h := newHarness(t, func(o *RouterOptions) { o.CommandBurst, o.Digests = 50, nothingNew{} })
	h.reply(45, "private", 45, "/quiet 23:00-07:00 hold")
	if got := h.reply(45, "private", 45, "/digest off").Text(); !strings.Contains(got, "Daily digest off") || !strings.Contains(got, "they now wait for <code>/digest now</code>") {
		t.Errorf("/digest off with quiet hours that hold = %q; want the warning", got)
	}
	h.reply(45, "private", 45, "/quiet silent")
	h.reply(45, "private", 45, "/digest on")
	if got := h.reply(45, "private", 45, "/digest off").Text(); strings.Contains(got, "wait for") {
		t.Errorf("/digest off with silent quiet hours = %q; want no warning", got)
	}
}
