package main

import (
	"strings"
	"testing"
	"time"

	"github.com/newshound/newshound/internal/telegramtest"
)

// TestEndToEndLanguages subscribes chats to words in Russian, German, French, Spanish and English, polls a feed
// that mixes those languages item by item, and checks that each chat is alerted to the item in its word's
// inflections — and the English one not to a derivation of its word.
func TestEndToEndLanguages(t *testing.T) {
	tg := telegramtest.New(t, testToken)
	feed := rssFeed(t, "languages-v1.xml")
	a := startFed(t, tg, testSource{"Mixed Wire", feed.URL + "/mixed.xml"})

	subs := []struct {
		chat  int64
		query string
		alert string // the title alerted, "" for none
	}{
		{101, "Курск саперы", "Саперы разминируют поля в Курской области"},
		{102, "Wahl", "Die Wahlen in Bayern: CSU verliert die Mehrheit"},
		{103, "élection", "Les élections législatives auront lieu en juin"},
		{104, "huelga", "Huelgas de médicos en Madrid"},
		{105, "tariff", ""},
	}
	for _, s := range subs {
		tg.SendText(s.chat, "private", 9, "/subscribe "+s.query)
		tg.WaitSent(t, s.chat, 1, 5*time.Second)
	}

	feed.SetFile(t, "testdata/feeds/languages-v2.xml", "application/rss+xml")
	a.pollOnce(t)
	for _, s := range subs {
		if s.alert == "" {
			continue
		}
		sent := tg.WaitSent(t, s.chat, 2, 5*time.Second)
		if !strings.Contains(sent[1].Text(), s.alert) {
			t.Errorf("chat subscribed to %q alerted with:\n%s\nwant %q", s.query, sent[1].Text(), s.alert)
		}
	}
	a.waitOutboxEmpty(t, 5*time.Second)
	for _, s := range subs {
		want := 2
		if s.alert == "" {
			want = 1
		}
		if got := tg.Sent(s.chat); len(got) != want {
			t.Errorf("chat subscribed to %q got %d messages, want %d (the reply and its alerts)", s.query, len(got), want)
		}
	}
}
