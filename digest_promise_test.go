package main

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/newshound/newshound/internal/telegramtest"
	"github.com/newshound/newshound/internal/testkit"
)

// A user who set 13:00, turned the digest off and then on found it at the
// configured 08:00; and one who moved west after the day's digest was told
// "today at 08:00", which the scheduler skips (one digest per local date).
func TestDigestTimeKeptAndNextPromiseTrue(t *testing.T) {
	tg := telegramtest.New(t, testToken)
	clk := testkit.NewClock(time.Date(2026, 6, 10, 7, 0, 0, 0, time.UTC)) // a Wednesday
	a := startApp(t, testConfig{tg: tg,
		telegram: "chat_per_second = 100.0\ncommand_burst = 50\n",
		rest:     "[digest]\ntime = \"08:00\"\ntimezone = \"UTC\"\n"}.String(), clk.Now)
	ctx := context.Background()
	const chat = 5252
	sent := 0
	say := func(text string, want ...string) {
		t.Helper()
		tg.SendText(chat, "private", 9, text)
		sent++
		got := plain(tg.WaitSent(t, chat, sent, 5*time.Second)[sent-1].Text())
		for _, w := range want {
			if !strings.Contains(got, w) {
				t.Errorf("%s: reply lacks %q:\n%s", text, w, got)
			}
		}
	}

	say("/digest 13:00", "Daily digest at 13:00 (UTC); next on Wed 10 Jun at 13:00.")
	say("/digest off", "Daily digest off. /digest on turns it back on at 13:00.")
	say("/digest off", "Daily digest off. /digest on turns it back on at 13:00.")    // off already: the kept time still
	say("/digest", "The daily digest is off. /digest on turns it back on at 13:00;") // was: "Turn it on with /digest 08:00"
	say("/digest on", "Daily digest at 13:00 (UTC)")
	say("/digest 08:00", "Daily digest at 08:00 (UTC); next on Wed 10 Jun at 08:00.")
	say("/subscribe kursk", "Subscribed")
	match(t, a, "Deminers clear fields near Kursk", "Teams began clearing farmland.")
	tg.WaitSent(t, chat, sent+1, 5*time.Second)
	sent++

	due := time.Date(2026, 6, 10, 8, 0, 0, 0, time.UTC)
	clk.Set(due)
	if _, err := a.parts.Digest.Tick(ctx, due); err != nil {
		t.Fatal(err)
	}
	if ds, err := a.parts.Store.ListDigests(ctx, chat); err != nil || len(ds) != 1 || ds[0].LocalDate != "2026-06-10" {
		t.Fatalf("digests = %+v, %v; want today's", ds, err)
	}
	tg.WaitSent(t, chat, sent+1, 5*time.Second)
	sent++

	// 09:00 UTC is 02:00 in Los Angeles: 08:00 there is still to come on the
	// 10th, but the 10th has had its digest.
	clk.Set(due.Add(time.Hour))
	say("/timezone America/Los_Angeles", "Daily digest at 08:00 (America/Los_Angeles); next on Thu 11 Jun at 08:00.")
	say("/digest", "next on Thu 11 Jun at 08:00.")
	laDue := time.Date(2026, 6, 10, 15, 0, 0, 0, time.UTC) // 08:00 on the 10th in Los Angeles
	clk.Set(laDue)
	if _, err := a.parts.Digest.Tick(ctx, laDue); err != nil {
		t.Fatal(err)
	}
	if ds, err := a.parts.Store.ListDigests(ctx, chat); err != nil || len(ds) != 1 {
		t.Fatalf("digests after 08:00 in Los Angeles on the 10th = %+v, %v; the promise said none until the 11th", ds, err)
	}
	// The app's own ticks may queue it too; the record says it went once.
	next := laDue.Add(24 * time.Hour)
	clk.Set(next)
	if _, err := a.parts.Digest.Tick(ctx, next); err != nil {
		t.Fatal(err)
	}
	if ds, err := a.parts.Store.ListDigests(ctx, chat); err != nil || len(ds) != 2 || ds[1].LocalDate != "2026-06-11" {
		t.Fatalf("digests = %+v, %v; want the promised one of the 11th", ds, err)
	}
}
