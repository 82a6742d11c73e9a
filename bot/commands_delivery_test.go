package bot

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/newshound/newshound/internal/testkit"
	"github.com/newshound/newshound/news"
	"github.com/newshound/newshound/settings"
)

// lastReply returns the text of the newest queued reply.
func lastReply(t *testing.T, r *senderRig) string {
	t.Helper()
	var text string
	for id := int64(1); ; id++ {
		m, err := r.st.FindMessage(context.Background(), id)
		if err != nil {
			return text
		}
		if m.Kind == news.KindReply {
			text = m.Text
		}
	}
}

func TestQuietCommand(t *testing.T) {
	r := newSenderRig(t)
	ctx := context.Background()
	router := NewRouter(RouterOptions{Store: r.st, CommandBurst: 100,
		Settings: settings.NewService(settings.Options{Store: r.st, QuietMode: news.QuietSilent, Logger: r.opts.Logger}), ChatDefaults: news.ChatDefaults{Timezone: "Europe/Berlin"}, Logger: r.opts.Logger})
	steps := []struct {
		name      string
		args      string
		wantReply string
		wantStart string
		wantEnd   string
		wantMode  string
	}{
		{"none yet", "", "No quiet hours", "", "", ""},
		{"set hours", "23:00-07:00", "Quiet hours 23:00–07:00 (Europe/Berlin): alerts arrive without a sound", "23:00", "07:00", ""},
		{"set hold", "hold", "alerts are held for the digest", "23:00", "07:00", "hold"},
		{"hours and mode", "22:30-6:00 silent", "Quiet hours 22:30–06:00", "22:30", "06:00", "silent"},
		{"show", "", "Quiet hours 22:30–06:00", "22:30", "06:00", "silent"},
		{"bad hours", "25:00-07:00", "I can't read that", "22:30", "06:00", "silent"},
		{"bad mode", "23:00-07:00 loud", "say <code>silent</code>", "22:30", "06:00", "silent"},
		// A user wrote "loud" and read only what to write instead: the
		// reply names the word it could not use.
		{"bad mode named", "23:00-07:00 loud", "&#34;loud&#34;", "22:30", "06:00", "silent"},
		{"bad mode with HTML named escaped", "23:00-07:00 <b>", "&#34;&lt;b&gt;&#34;", "22:30", "06:00", "silent"},
		{"too many words", "23:00 07:00 loud extra", "Try <code>/quiet 23:00-07:00</code>", "22:30", "06:00", "silent"},
		// A stranger wrote the span with a space, or "to", for the dash.
		{"a space for the dash", "22:00 07:00", "Quiet hours 22:00–07:00", "22:00", "07:00", "silent"},
		{"a space for the dash and a mode", "22:30 06:30 hold", "Quiet hours 22:30–06:30", "22:30", "06:30", "hold"},
		{"to for the dash", "23:00 to 07:00 silent", "Quiet hours 23:00–07:00", "23:00", "07:00", "silent"},
		{"am and pm with a space for the dash", "10 pm 6 am", "Quiet hours 22:00–06:00", "22:00", "06:00", "silent"},
		{"bad hours with to", "25:00 to 07:00", "I can't read that", "22:00", "06:00", "silent"},
		{"am and pm", "11pm-7am", "Quiet hours 23:00–07:00 (Europe/Berlin)", "23:00", "07:00", "silent"},
		{"am and pm with minutes and a mode", "11:30PM-6:45am silent", "Quiet hours 23:30–06:45", "23:30", "06:45", "silent"},
		{"bad am/pm", "13pm-7am", "I can't read that: &#34;13pm&#34; is not a time of day such as 23:00 or 11pm.", "23:30", "06:45", "silent"},
		// Written as people write a span: spaced dashes, or the em dash
		// that phones make of "--"; a user read "Try /quiet 23:00-07:00"
		// for "/quiet 23:00 - 07:00".
		{"spaced dash", "23:00 - 07:00", "Quiet hours 23:00–07:00", "23:00", "07:00", "silent"},
		{"spaced em dash and a mode", "22:00 — 06:00 hold", "Quiet hours 22:00–06:00", "22:00", "06:00", "hold"},
		{"spaced am and pm", "10 pm - 7 am silent", "Quiet hours 22:00–07:00", "22:00", "07:00", "silent"},
		{"a space after the dash", "23:00- 07:00", "Quiet hours 23:00–07:00", "23:00", "07:00", "silent"},
		{"a space before the dash", "21:00 -06:00", "Quiet hours 21:00–06:00", "21:00", "06:00", "silent"},
		// "/quiet 22:00-06:00 silent hold" read: "06:00 silent" is not a
		// time of day. It names what is wrong, and nothing changes.
		{"two modes", "22:00-06:00 silent hold", "Quiet hours do one thing, <code>silent</code> or <code>hold</code>, not both.", "21:00", "06:00", "silent"},
		{"two modes alone", "hold silent", "not both", "21:00", "06:00", "silent"},
		// The mode first: "22:00-06:00" was named as an unknown mode.
		{"a mode before the hours", "hold 22:00-06:00", "Quiet hours 22:00–06:00", "22:00", "06:00", "hold"},
		{"a mode before a word that is no time", "silent 22:00-06:00 loud", "&#34;06:00 loud&#34; is not a time of day", "22:00", "06:00", "hold"},
		{"silent again", "silent", "alerts arrive without a sound", "22:00", "06:00", "silent"},
		// As "/digest 08:00 Europe/Paris" sets both, the zone after the hours is the chat's (it was an unknown mode).
		{"hours and a zone", "23:00-07:00 Europe/Paris", "Time zone set to <b>Europe/Paris</b>", "23:00", "07:00", "silent"},
		{"hours and a zone, said in it", "22:00-06:00 Asia/Kolkata", "Quiet hours 22:00–06:00 (Asia/Kolkata)", "22:00", "06:00", "silent"},
		// "/quiet 23:00-07:00 new york" read "new york" as hours: a zone of several words, in lower case, is a zone.
		{"hours and a zone of two words", "23:00-07:00 new york", "Time zone set to <b>America/New_York</b>", "23:00", "07:00", "silent"},
		{"spaced hours and a zone of two words", "22:00 - 06:00 Los Angeles", "Quiet hours 22:00–06:00 (America/Los_Angeles)", "22:00", "06:00", "silent"},
		{"hours and a zone of three words", "10 pm - 6 am rio de janeiro", "Time zone set to <b>America/Sao_Paulo</b>", "22:00", "06:00", "silent"},
		// A mode and a zone after the hours: the zone was read as more hours.
		{"hours, a mode and a zone of two words", "23:00-07:00 hold hong kong", "Time zone set to <b>Asia/Hong_Kong</b>", "23:00", "07:00", "hold"},
		{"a mode, hours and a zone", "silent 22:00-06:00 Europe/Paris", "Time zone set to <b>Europe/Paris</b>", "22:00", "06:00", "silent"},
		{"hours and an ambiguous zone", "21:00-05:00 ist", "IST stands for several time zones: Asia/Kolkata, Asia/Jerusalem, Europe/Dublin.", "22:00", "06:00", "silent"},
		{"off", "off", "No quiet hours", "", "", "silent"},
	}
	for _, st := range steps {
		t.Run(st.name, func(t *testing.T) {
			router.Handle(ctx, Incoming{ChatID: 10, ChatType: "private", UserID: 10, Text: strings.TrimSpace("/quiet " + st.args)})
			if got := lastReply(t, r); !strings.Contains(got, st.wantReply) {
				t.Errorf("reply = %q, want it to contain %q", got, st.wantReply)
			}
			c, err := r.st.FindChatDelivery(ctx, 10)
			if err != nil {
				t.Fatal(err)
			}
			if c.QuietStart != st.wantStart || c.QuietEnd != st.wantEnd || c.QuietMode != st.wantMode {
				t.Errorf("stored %q-%q %q, want %q-%q %q", c.QuietStart, c.QuietEnd, c.QuietMode, st.wantStart, st.wantEnd, st.wantMode)
			}
		})
	}
}

// Strangers wrote their quiet hours as their language says a span and read
// that it was none: "/quiet 22 bis 7", "с 22 до 7", "de 22 a 7", "from 22
// to 7", "22 Uhr - 7 Uhr", "22h-7h". And "/quiet hold" before any hours
// answered "✅ No quiet hours" alone, as if not understood.
func TestQuietSpansAsEachLanguageWritesThem(t *testing.T) {
	r := newSenderRig(t)
	ctx := context.Background()
	router := NewRouter(RouterOptions{Store: r.st, CommandBurst: 100,
		Settings: settings.NewService(settings.Options{Store: r.st, Logger: r.opts.Logger}), Logger: r.opts.Logger})
	router.Handle(ctx, Incoming{ChatID: 11, ChatType: "private", UserID: 11, Text: "/quiet hold"})
	if got := lastReply(t, r); !strings.Contains(got, "once you set them") {
		t.Errorf("/quiet hold before any hours = %q; want it to say the hours are still to set", got)
	}
	for _, tt := range []struct{ args, start, end string }{
		{"22 bis 7", "22:00", "07:00"},
		{"von 21 bis 6 Uhr", "21:00", "06:00"},
		{"22 Uhr - 7 Uhr", "22:00", "07:00"},
		{"с 23 до 7", "23:00", "07:00"},
		{"23 ч до 8 ч", "23:00", "08:00"},
		{"de 22 a 7", "22:00", "07:00"},
		{"desde 22:30 hasta 6:30", "22:30", "06:30"},
		{"from 10pm to 6am", "22:00", "06:00"},
		{"22h-7h", "22:00", "07:00"},
	} {
		router.Handle(ctx, Incoming{ChatID: 11, ChatType: "private", UserID: 11, Text: "/quiet " + tt.args})
		got := lastReply(t, r)
		c, err := r.st.FindChatDelivery(ctx, 11)
		if err != nil {
			t.Fatal(err)
		}
		if c.QuietStart != tt.start || c.QuietEnd != tt.end || c.QuietMode != "hold" {
			t.Errorf("/quiet %s: stored %s-%s %q, reply %q; want %s-%s, still hold", tt.args, c.QuietStart, c.QuietEnd, c.QuietMode, got, tt.start, tt.end)
		}
	}
}

func TestStartReactivatesAnInactiveChat(t *testing.T) {
	r := newSenderRig(t)
	ctx := context.Background()
	sub := r.chat(t, 10, "private")
	if err := r.st.SetChatActive(ctx, 10, false); err != nil {
		t.Fatal(err)
	}
	if targets := mustAlertTargets(t, r.st, []int64{sub}); len(targets) != 0 {
		t.Fatalf("an inactive chat is a target: %v", targets)
	}
	router := NewRouter(RouterOptions{Store: r.st, Logger: r.opts.Logger})
	router.Handle(ctx, Incoming{ChatID: 10, ChatType: "private", UserID: 10, Text: "/start"})
	c, err := r.st.FindChat(ctx, 10)
	if err != nil || !c.Active {
		t.Fatalf("chat after /start = %+v, %v; want active", c, err)
	}
	if targets := mustAlertTargets(t, r.st, []int64{sub}); len(targets) != 1 {
		t.Errorf("the kept subscription is not alerting again: %v", targets)
	}
}

func TestQuietHoldWarnsWhenTheDigestIsOff(t *testing.T) {
	r := newSenderRig(t)
	ctx := context.Background()
	for _, tt := range []struct {
		name   string
		digest string
		warn   bool
	}{{"digest on", "08:00", false}, {"digest off", "", true}} {
		t.Run(tt.name, func(t *testing.T) {
			router := NewRouter(RouterOptions{Store: r.st, CommandBurst: 100, ChatDefaults: news.ChatDefaults{Timezone: "UTC", DigestTime: tt.digest}, Logger: r.opts.Logger,
				Settings: settings.NewService(settings.Options{Store: r.st, Logger: r.opts.Logger})})
			chatID := int64(len(tt.digest) + 20)
			router.Handle(ctx, Incoming{ChatID: chatID, ChatType: "private", UserID: chatID, Text: "/quiet 23:00-07:00 hold"})
			got := lastReply(t, r)
			if warned := strings.Contains(got, "daily digest is off"); warned != tt.warn {
				t.Fatalf("reply = %q; warning shown = %v, want %v", got, warned, tt.warn)
			}
		})
	}
}

// /quiet reads the am/pm clock that /digest reads, and the sender honours
// the hours it stores.
func TestQuietTwelveHourClockThroughTheRouter(t *testing.T) {
	r := newSenderRig(t)
	ctx := context.Background()
	sub := r.chat(t, 10, "private")
	router := NewRouter(RouterOptions{Store: r.st, CommandBurst: 100, Logger: r.opts.Logger, Now: r.clock.Now,
		Settings: settings.NewService(settings.Options{Store: r.st, Logger: r.opts.Logger})})
	// A zone where it is now about 02:00, well inside 11pm-7am.
	offset := (2 - r.clock.Now().UTC().Hour() + 24) % 24
	if offset > 14 {
		offset -= 24
	}
	zone := fmt.Sprintf("%+03d:00", offset)
	if offset == 0 {
		zone = "UTC" // as /timezone stores +00:00
	}
	for _, cmd := range []string{"/timezone " + zone, "/quiet 11pm-7am hold"} {
		router.Handle(ctx, Incoming{ChatID: 10, ChatType: "private", UserID: 10, Text: cmd})
	}
	if got, want := lastReply(t, r), "Quiet hours 23:00–07:00 ("+zone+"): alerts are held for the digest"; !strings.Contains(got, want) {
		t.Fatalf("reply = %q, want it to contain %q", got, want)
	}
	r.alerts(t, 10, sub, "one", "two")
	r.start(t)
	testkit.WaitFor(t, "the outbox settled", func() bool { return r.statuses(t)[news.StatusPending] == 0 })
	if st := r.statuses(t); st[news.StatusHeld] != 2 {
		t.Errorf("outbox = %v, want the 2 alerts held in quiet hours", st)
	}
}
