package main

import (
	"context"
	"html"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/newshound/newshound/internal/telegramtest"
	"github.com/newshound/newshound/internal/testkit"
	"github.com/newshound/newshound/news"
)

func TestDigestCommandsThroughTelegram(t *testing.T) {
	tg := telegramtest.New(t, testToken)
	clk := testkit.NewClock(time.Date(2026, 6, 10, 12, 0, 0, 0, time.UTC))
	a := startApp(t, testConfig{tg: tg,
		telegram: "chat_per_second = 100.0  # one chat gets many messages here; the fake has no limits\ncommand_burst = 50\n",
		rest:     "[digest]\ntime = \"08:00\"\ntimezone = \"Europe/Berlin\"\n"}.String(), clk.Now)
	ctx := context.Background()
	const chat = 5151
	sent := 0
	// say sends a command and returns the next message the chat gets.
	say := func(text string) string {
		t.Helper()
		tg.SendText(chat, "private", 9, text)
		sent++
		return tg.WaitSent(t, chat, sent, 5*time.Second)[sent-1].Text()
	}
	expect := func(got string, want ...string) {
		t.Helper()
		got = plain(got)
		for _, w := range want {
			if !strings.Contains(got, w) {
				t.Errorf("reply lacks %q:\n%s", w, got)
			}
		}
	}

	names := ""
	for _, c := range tg.Calls("setMyCommands") {
		names += c.Params.Get("commands")
	}
	expect(names, `"timezone"`, `"digest"`)

	expect(say("/digest"), "Daily digest at 08:00 (Europe/Berlin); next on Thu 11 Jun at 08:00.", "/digest off")
	expect(say("/timezone Mars/Olympus"), "I don't know the time zone Mars/Olympus.", "/timezone Europe/Berlin", "/timezone +05:30")
	expect(say("/timezone UTC+15"), `"UTC+15" is out of range: UTC offsets run from -14:00 to +14:00.`, "/timezone +05:30")
	expect(say("/timezone asia/kolkata"), "Time zone set to Asia/Kolkata (it is 17:30 there).", "Daily digest at 08:00 (Asia/Kolkata)")
	expect(say("/timezone"), "This chat's time zone is Asia/Kolkata")
	expect(say("/digest 25:00"), "I can't read 25:00 as a time of day.", "/digest 08:00")
	expect(say("/digest 7:30pm"), "Daily digest at 19:30 (Asia/Kolkata); next on Wed 10 Jun at 19:30.")
	expect(say("/digest now"), "No subscriptions yet: /subscribe QUERY first")
	expect(say("/subscribe kursk"), "Subscribed")
	// No digest yet: a first digest covers the last 24 hours, there is no "last digest".
	expect(say("/digest now"), "Nothing has matched your subscriptions in the last 24 hours.")

	// A match arrives: its alert goes out, and /digest now gathers it.
	match(t, a, "Deminers clear fields near Kursk & Sudzha", "Teams began clearing farmland on Friday. Officials said more would come.")
	expect(tg.WaitSent(t, chat, sent+1, 5*time.Second)[sent].Text(), "Deminers clear fields near Kursk")
	sent++
	clk.Set(time.Date(2026, 6, 10, 12, 5, 0, 0, time.UTC))
	got := say("/digest now")
	expect(got, "📰 Digest · 10 Jun 17:35 IST", "1 story", "🔔 kursk", `Deminers clear fields near Kursk & Sudzha`,
		"Local Wire — Teams began clearing farmland on Friday.")
	if strings.Contains(got, "Officials said") {
		t.Errorf("the digest has more than one sentence:\n%s", got)
	}

	// The scheduled digest at 19:30 in Kolkata covers what came after.
	clk.Set(time.Date(2026, 6, 10, 13, 30, 0, 0, time.UTC))
	match(t, a, "Kursk farmers return to their fields", "Farmers returned on Saturday.")
	sent++                                               // its alert
	due := time.Date(2026, 6, 10, 14, 0, 0, 0, time.UTC) // 19:30 IST
	clk.Set(due)
	// The app's own cron ticks too, so either may queue it; the record says it went once.
	for _, at := range []time.Time{due, due.Add(time.Minute)} {
		if _, err := a.parts.Digest.Tick(ctx, at); err != nil {
			t.Fatalf("Tick at %s: %v", at, err)
		}
	}
	ds, err := a.parts.Store.ListDigests(ctx, chat)
	if err != nil || len(ds) != 2 || ds[0].Kind != news.DigestNow || ds[1].Kind != news.DigestScheduled || ds[1].LocalDate != "2026-06-10" {
		t.Fatalf("digests = %+v, %v; want /digest now then the daily one of 2026-06-10", ds, err)
	}
	msgs := tg.WaitSent(t, chat, sent+1, 5*time.Second)
	sent++
	daily := msgs[len(msgs)-1].Text()
	expect(daily, "📰 Daily digest · Wednesday 10 June", "Kursk farmers return to their fields")
	if strings.Contains(daily, "Deminers") {
		t.Errorf("the daily digest repeats what /digest now sent:\n%s", daily)
	}
	if pm := msgs[len(msgs)-1].Params.Get("parse_mode"); pm != "HTML" {
		t.Errorf("digest parse_mode = %q, want HTML", pm)
	}
	// After a digest, the window starts at it.
	expect(say("/digest now"), "Nothing new has matched your subscriptions since the last digest.")

	expect(say("/digest off"), "Daily digest off.")
	c, err := a.parts.Store.FindChat(ctx, chat)
	if err != nil || c.DigestTime != "" || c.Timezone != "Asia/Kolkata" {
		t.Fatalf("chat = %+v, %v; want digest off in Asia/Kolkata", c, err)
	}
}

// match stores an article of a source named "Local Wire" and runs the matcher on it.
func match(t *testing.T, a *app, title, summary string) {
	t.Helper()
	ctx := context.Background()
	src, err := a.parts.Store.UpsertSource(ctx, "Local Wire", "https://wire.example/feed", "config")
	if err != nil {
		t.Fatal(err)
	}
	added, err := a.parts.Store.InsertArticles(ctx, src.ID, []news.Article{{GUID: title, URL: "https://wire.example/" + strings.ReplaceAll(title, " ", "-"),
		Title: title, Text: summary, Summary: summary, PublishedAt: time.Now(), Alertable: true}})
	if err != nil || len(added) != 1 {
		t.Fatalf("insert article: %v", err)
	}
	added[0].SourceName = src.Name
	if err := a.parts.Subs.HandleArticles(ctx, added); err != nil {
		t.Fatal(err)
	}
	a.parts.Sender.Notify()
}

var tagRE = regexp.MustCompile(`<[^>]*>`)

// plain drops the HTML tags of a message and decodes its entities.
func plain(s string) string { return html.UnescapeString(tagRE.ReplaceAllString(s, "")) }
