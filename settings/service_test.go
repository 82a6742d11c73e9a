package settings_test

import (
	"context"
	"errors"
	"log/slog"
	"testing"
	"time"

	"github.com/newshound/newshound/internal/testkit"
	"github.com/newshound/newshound/localtime"
	"github.com/newshound/newshound/news"
	"github.com/newshound/newshound/settings"
	"github.com/newshound/newshound/store"
	"github.com/newshound/newshound/subscriptions"
)

var testNow = time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)

// fixture is a Service on a real database with one chat, 7.
type fixture struct {
	ctx  context.Context
	st   *store.Store
	subs *subscriptions.Service
	svc  *settings.Service
}

func newFixture(t *testing.T, quietMode string) *fixture {
	t.Helper()
	ctx := context.Background()
	now := func() time.Time { return testNow }
	st := testkit.OpenStore(t, now)
	if _, err := st.EnsureChat(ctx, 7, "private", "", news.ChatDefaults{Timezone: "Europe/Berlin"}); err != nil {
		t.Fatal(err)
	}
	log := slog.New(slog.DiscardHandler)
	subs := subscriptions.NewService(subscriptions.Options{Store: st, MaxPerChat: 10, Now: now, Logger: log})
	svc := settings.NewService(settings.Options{Store: st, Subscriptions: subs, QuietMode: quietMode, DigestTime: "08:00", Logger: log})
	return &fixture{ctx: ctx, st: st, subs: subs, svc: svc}
}

func TestSetQuiet(t *testing.T) {
	f := newFixture(t, news.QuietHold)
	steps := []struct {
		name      string
		change    settings.QuietChange
		wantErr   error
		wantHours string // "" = none
		wantMode  string // in effect
		wantStore string // the chat's own mode as stored
	}{
		{"hours in 24 h", settings.QuietChange{Hours: "23:00-07:00"}, nil, "23:00-07:00", news.QuietHold, ""},
		{"hours in am/pm", settings.QuietChange{Hours: "11pm-6:30am"}, nil, "23:00-06:30", news.QuietHold, ""},
		{"mode only", settings.QuietChange{Mode: news.QuietSilent}, nil, "23:00-06:30", news.QuietSilent, news.QuietSilent},
		{"hours and mode", settings.QuietChange{Hours: "22:00-07:00", Mode: news.QuietHold}, nil, "22:00-07:00", news.QuietHold, news.QuietHold},
		{"bad hours are checked first", settings.QuietChange{Hours: "25:00-07:00", Mode: "loud"}, localtime.ErrBadQuietHours, "22:00-07:00", news.QuietHold, news.QuietHold},
		{"bad mode", settings.QuietChange{Hours: "21:00-07:00", Mode: "loud"}, settings.ErrUnknownQuietMode, "22:00-07:00", news.QuietHold, news.QuietHold},
		{"off keeps the mode", settings.QuietChange{Off: true}, nil, "", news.QuietHold, news.QuietHold},
	}
	for _, st := range steps {
		t.Run(st.name, func(t *testing.T) {
			q, err := f.svc.SetQuiet(f.ctx, 7, st.change)
			if !errors.Is(err, st.wantErr) {
				t.Fatalf("SetQuiet(%+v) error = %v, want %v", st.change, err, st.wantErr)
			}
			if err == nil && (q.Mode != st.wantMode || q.Set != (st.wantHours != "") || (q.Set && q.Hours.String() != st.wantHours) || q.Timezone != "Europe/Berlin") {
				t.Errorf("SetQuiet(%+v) = %+v, want hours %q mode %q", st.change, q, st.wantHours, st.wantMode)
			}
			got, err := f.svc.Quiet(f.ctx, 7)
			if err != nil {
				t.Fatal(err)
			}
			hours := ""
			if got.Set {
				hours = got.Hours.String()
			}
			if hours != st.wantHours || got.Mode != st.wantMode {
				t.Errorf("stored hours %q mode %q, want %q %q", hours, got.Mode, st.wantHours, st.wantMode)
			}
			c, err := f.st.FindChatDelivery(f.ctx, 7)
			if err != nil {
				t.Fatal(err)
			}
			if c.QuietMode != st.wantStore {
				t.Errorf("stored own mode %q, want %q", c.QuietMode, st.wantStore)
			}
		})
	}
}

func TestSetQuietUnknownChat(t *testing.T) {
	f := newFixture(t, "")
	if _, err := f.svc.SetQuiet(f.ctx, 99, settings.QuietChange{Hours: "23:00-07:00"}); !errors.Is(err, news.ErrNotFound) {
		t.Fatalf("SetQuiet on an unknown chat: %v, want news.ErrNotFound", err)
	}
}

func TestSetDigestTime(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		want    string
		wantErr error
	}{
		{"24 h", "07:30", "07:30", nil},
		{"pm", "7:30pm", "19:30", nil},
		{"am with a space", "7 am", "07:00", nil},
		{"on is the default", "on", "08:00", nil},
		{"bad", "25:00", "", localtime.ErrBadClock},
		{"words", "soon", "", localtime.ErrBadClock},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFixture(t, "")
			got, err := f.svc.SetDigestTime(f.ctx, 7, tt.in)
			if !errors.Is(err, tt.wantErr) || got != tt.want {
				t.Fatalf("SetDigestTime(%q) = %q, %v; want %q, %v", tt.in, got, err, tt.want, tt.wantErr)
			}
			c, err := f.st.FindChat(f.ctx, 7)
			if err != nil {
				t.Fatal(err)
			}
			if c.DigestTime != tt.want {
				t.Errorf("stored %q, want %q", c.DigestTime, tt.want)
			}
		})
	}
	t.Run("off", func(t *testing.T) {
		f := newFixture(t, "")
		if _, err := f.svc.SetDigestTime(f.ctx, 7, "08:00"); err != nil {
			t.Fatal(err)
		}
		if kept, err := f.svc.DigestOff(f.ctx, 7); err != nil || kept != "08:00" {
			t.Fatalf("DigestOff = %q, %v; want the kept 08:00", kept, err)
		}
		if c, err := f.st.FindChat(f.ctx, 7); err != nil || c.DigestTime != "" {
			t.Fatalf("after DigestOff: %q, %v", c.DigestTime, err)
		}
	})
	// A user who had 13:00, turned the digest off and on again, found it back
	// at the configured 08:00: off keeps the chat's time for on.
	t.Run("on after off brings back the chat's time", func(t *testing.T) {
		f := newFixture(t, "")
		// want is the chat's time after the step; kept what DigestOff says
		// "/digest on" would bring back (a second off still names it).
		steps := []struct{ do, want, kept string }{
			{"13:00", "13:00", ""}, {"off", "", "13:00"}, {"off", "", "13:00"}, {"on", "13:00", ""}, {"off", "", "13:00"},
			{"7pm", "19:00", ""}, {"off", "", "19:00"}, {"on", "19:00", ""},
		}
		for _, st := range steps {
			var got, kept string
			var err error
			if st.do == "off" {
				kept, err = f.svc.DigestOff(f.ctx, 7)
			} else {
				got, err = f.svc.SetDigestTime(f.ctx, 7, st.do)
			}
			if err != nil || got != st.want || kept != st.kept {
				t.Fatalf("/digest %s = %q (kept %q), %v; want %q (kept %q)", st.do, got, kept, err, st.want, st.kept)
			}
			if c, err := f.st.FindChat(f.ctx, 7); err != nil || c.DigestTime != st.want {
				t.Fatalf("after /digest %s the chat has %q, %v; want %q", st.do, c.DigestTime, err, st.want)
			}
		}
	})
	t.Run("on with nothing remembered and no default", func(t *testing.T) {
		f := newFixture(t, "")
		svc := settings.NewService(settings.Options{Store: f.st, Logger: slog.New(slog.DiscardHandler)})
		if got, err := svc.SetDigestTime(f.ctx, 7, "on"); !errors.Is(err, localtime.ErrBadClock) {
			t.Fatalf("SetDigestTime(on) = %q, %v; want ErrBadClock", got, err)
		}
	})
}

func TestSetTimezone(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		want    string
		wantErr error
	}{
		{"iana", "asia/kolkata", "Asia/Kolkata", nil},
		{"offset", "+5:30", "+05:30", nil},
		{"unknown", "Mars/Olympus", "Europe/Berlin", localtime.ErrUnknownTimezone},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFixture(t, "")
			name, loc, err := f.svc.SetTimezone(f.ctx, 7, tt.in)
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("SetTimezone(%q) error = %v, want %v", tt.in, err, tt.wantErr)
			}
			if err == nil && (name != tt.want || loc == nil) {
				t.Errorf("SetTimezone(%q) = %q, %v", tt.in, name, loc)
			}
			if c, err := f.st.FindChat(f.ctx, 7); err != nil || c.Timezone != tt.want {
				t.Errorf("stored %q, %v; want %q", c.Timezone, err, tt.want)
			}
		})
	}
}

func TestSetPaused(t *testing.T) {
	f := newFixture(t, "")
	for _, paused := range []bool{true, false} {
		if err := f.svc.SetPaused(f.ctx, 7, paused); err != nil {
			t.Fatal(err)
		}
		if c, err := f.st.FindChat(f.ctx, 7); err != nil || c.Paused != paused {
			t.Fatalf("paused = %v, %v; want %v", c.Paused, err, paused)
		}
	}
}

func TestDeleteChat(t *testing.T) {
	f := newFixture(t, "")
	for _, q := range []string{"kursk", "pyongyang"} {
		if _, err := f.subs.Subscribe(f.ctx, 7, q); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.svc.DeleteChat(f.ctx, 7); err != nil {
		t.Fatal(err)
	}
	if _, err := f.st.FindChat(f.ctx, 7); !errors.Is(err, news.ErrNotFound) {
		t.Errorf("chat after DeleteChat: %v, want news.ErrNotFound", err)
	}
	if subs, err := f.subs.List(f.ctx, 7); err != nil || len(subs) != 0 {
		t.Errorf("subscriptions after DeleteChat = %v, %v", subs, err)
	}
	if n := f.subs.Count(); n != 0 {
		t.Errorf("the index still holds %d subscriptions of the deleted chat", n)
	}
}

func TestNextDigest(t *testing.T) {
	la := news.Chat{DigestTime: "08:00", Timezone: "America/Los_Angeles"}
	tests := []struct {
		name   string
		chat   news.Chat
		last   string // local date of the latest daily digest
		want   time.Time
		wantOK bool
	}{
		{"later today", news.Chat{DigestTime: "18:00", Timezone: "Europe/Berlin"}, "", time.Date(2026, 11, 27, 17, 0, 0, 0, time.UTC), true},
		{"tomorrow", news.Chat{DigestTime: "08:00", Timezone: "+05:30"}, "", time.Date(2026, 11, 28, 2, 30, 0, 0, time.UTC), true},
		{"utc by default", news.Chat{DigestTime: "12:30"}, "", time.Date(2026, 11, 27, 12, 30, 0, 0, time.UTC), true},
		{"off", news.Chat{Timezone: "Europe/Berlin"}, "", time.Time{}, false},
		// 12:00 UTC is 04:00 in Los Angeles: 08:00 there is still to come
		// today, but today's digest went out at 08:00 UTC, before the move.
		{"moved west after today's digest", la, "2026-11-27", time.Date(2026, 11, 28, 16, 0, 0, 0, time.UTC), true},
		{"moved west, yesterday's digest", la, "2026-11-26", time.Date(2026, 11, 27, 16, 0, 0, 0, time.UTC), true},
		{"moved east: tomorrow is already served", news.Chat{DigestTime: "09:00", Timezone: "Pacific/Kiritimati"}, "2026-11-28", time.Date(2026, 11, 28, 19, 0, 0, 0, time.UTC), true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := settings.NextDigest(tt.chat, tt.last, testNow)
			if ok != tt.wantOK || !got.Equal(tt.want) {
				t.Fatalf("NextDigest = %s, %v; want %s, %v", got, ok, tt.want, tt.wantOK)
			}
		})
	}
}

func TestQuietAt(t *testing.T) {
	night := news.ChatDelivery{QuietStart: "23:00", QuietEnd: "07:00", Timezone: "Europe/Berlin"}
	hold := night
	hold.QuietMode = news.QuietHold
	tests := []struct {
		name string
		chat news.ChatDelivery
		def  string
		at   time.Time
		want string
	}{
		{"no quiet hours", news.ChatDelivery{}, news.QuietHold, time.Date(2026, 1, 10, 23, 30, 0, 0, time.UTC), ""},
		{"outside", night, news.QuietHold, time.Date(2026, 1, 10, 12, 0, 0, 0, time.UTC), ""},
		{"inside, the default", night, news.QuietHold, time.Date(2026, 1, 10, 23, 30, 0, 0, time.UTC), news.QuietHold},
		{"inside, no default is silent", night, "", time.Date(2026, 1, 10, 23, 30, 0, 0, time.UTC), news.QuietSilent},
		{"inside, the chat's own mode", hold, news.QuietSilent, time.Date(2026, 1, 11, 3, 0, 0, 0, time.UTC), news.QuietHold},
		{"in the chat's zone, not UTC", night, news.QuietSilent, time.Date(2026, 1, 10, 22, 30, 0, 0, time.UTC), news.QuietSilent}, // 23:30 in Berlin
		{"ended in the chat's zone", night, news.QuietSilent, time.Date(2026, 1, 11, 6, 30, 0, 0, time.UTC), ""},                   // 07:30 in Berlin
		{"unreadable hours", news.ChatDelivery{QuietStart: "late", QuietEnd: "07:00"}, news.QuietHold, time.Date(2026, 1, 10, 23, 30, 0, 0, time.UTC), ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := settings.QuietAt(tt.chat, tt.def, tt.at); got != tt.want {
				t.Errorf("QuietAt = %q, want %q", got, tt.want)
			}
		})
	}
}
