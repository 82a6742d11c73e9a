package main

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/newshound/newshound/internal/feedtest"
	"github.com/newshound/newshound/internal/telegramtest"
	"github.com/newshound/newshound/internal/testkit"
	"github.com/newshound/newshound/store"
)

// kurskFeed is an RSS feed of the items given as title and publication
// time, each a Kursk story with its own link.
func kurskFeed(items ...kurskItem) []byte {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Example World News</title><link>https://news.example.org/world</link><description>World news</description>`)
	for _, it := range items {
		fmt.Fprintf(&b, `<item><title>%s</title><link>https://news.example.org/world/%s</link><guid>https://news.example.org/world/%s</guid><pubDate>%s</pubDate><description>Kursk news.</description></item>`,
			it.title, it.slug, it.slug, it.at.UTC().Format(time.RFC1123Z))
	}
	b.WriteString(`</channel></rss>`)
	return []byte(b.String())
}

type kurskItem struct {
	title, slug string
	at          time.Time
}

// pollAndSettle polls every source once and waits until what it fetched
// is matched and whatever it queued is sent.
func (a *app) pollAndSettle(t *testing.T) {
	t.Helper()
	a.pollOnce(t)
	testkit.WaitFor(t, "the fetched articles matched", func() bool {
		arts, err := a.parts.Store.PendingArticles(context.Background(), store.StepMatch)
		return err == nil && len(arts) == 0
	})
	a.waitOutboxEmpty(t, 5*time.Second)
	waitSenderLooks(t, a.parts.Sender)
}

// "/pause 2 hours" paused for ever and said the time was not kept. The
// pause now ends by itself at its time, read by the injected clock where
// alerts are decided, and a restart in between keeps it: an item fetched
// while paused is never sent (as after /resume), one fetched after the
// time is. The reply, /settings and /list say until when, in the
// chat's time zone.
func TestATimedPauseEndsByItselfAcrossARestart(t *testing.T) {
	tg := telegramtest.New(t, testToken)
	start := time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)
	clock := testkit.NewClock(start)
	feed := feedtest.New(t, "testdata/feeds/world-v1.xml", "application/rss+xml")
	dir := t.TempDir()
	cfg := testConfig{tg: tg, sources: []testSource{{"Example World News", feed.URL + "/world.xml"}}}.String()
	a := startAppIn(t, dir, cfg, clock.Now)
	a.waitFetched(t, 1)

	const chat = 4343
	say := func(text string) string {
		t.Helper()
		n := len(tg.Sent(chat))
		tg.SendText(chat, "private", 9, text)
		return tg.WaitSent(t, chat, n+1, 5*time.Second)[n].Text()
	}
	say("/subscribe kursk")
	say("/timezone Europe/Berlin")
	// 12:00 UTC is 13:00 in Berlin: the pause ends at 15:00 there.
	const until = "until Fri 27 Nov at 15:00 (Europe/Berlin)"
	if got := say("/pause 2 hours"); !strings.Contains(got, "Alerts paused "+until) || strings.Contains(got, "not kept") {
		t.Fatalf("/pause 2 hours → %q", got)
	}
	for _, cmd := range []string{"/settings", "/list"} { // /status: bot.TestPauseAndMuteForATimeSayUntilWhen
		if got := say(cmd); !strings.Contains(got, "Alerts are paused "+until) {
			t.Errorf("%s while paused → %q", cmd, got)
		}
	}

	// Fetched while paused: never sent, not even once the pause is over.
	during := kurskItem{"Kursk during the pause", "kursk-during", start.Add(30 * time.Minute)}
	clock.Set(during.at)
	feed.Set(kurskFeed(during), "application/rss+xml")
	a.pollAndSettle(t)
	sentBefore := len(tg.Sent(chat))

	// A restart while paused keeps the pause and its time.
	a.stop()
	clock.Set(start.Add(time.Hour))
	a = startAppIn(t, dir, cfg, clock.Now)
	if got := say("/settings"); !strings.Contains(got, "Alerts are paused "+until) {
		t.Errorf("/settings after a restart → %q", got)
	}
	sentBefore++

	// After the time, alerts come by themselves: no /resume.
	after := kurskItem{"Kursk after the pause", "kursk-after", start.Add(2*time.Hour + time.Minute)}
	clock.Set(after.at)
	feed.Set(kurskFeed(during, after), "application/rss+xml")
	a.pollAndSettle(t)
	sent := tg.WaitSent(t, chat, sentBefore+1, 5*time.Second)
	var alerts []string
	for _, m := range sent[sentBefore:] {
		alerts = append(alerts, m.Text())
	}
	if len(alerts) != 1 || !strings.Contains(alerts[0], "Kursk after the pause") {
		t.Fatalf("after the pause's time, want the one alert of the item fetched after it, got %q", alerts)
	}
	for _, m := range sent {
		if strings.Contains(m.Text(), "Kursk during the pause") {
			t.Errorf("an item fetched during the pause was sent: %q", m.Text())
		}
	}
	if got := say("/settings"); strings.Contains(got, "paused") {
		t.Errorf("/settings after the pause's time still says paused: %q", got)
	}
}
