package main

import (
	"context"
	"testing"
	"time"

	"github.com/newshound/newshound/internal/feedtest"
	"github.com/newshound/newshound/internal/telegramtest"
	"github.com/newshound/newshound/internal/testkit"
)

// fixedNoon is the clock of the end-to-end tests: noon of one day, always.
func fixedNoon() time.Time { return time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC) }

// rssFeed serves testdata/feeds/file as an RSS feed.
func rssFeed(t *testing.T, file string) *feedtest.Server {
	t.Helper()
	return feedtest.New(t, "testdata/feeds/"+file, "application/rss+xml")
}

// startFed starts an app on the fake Telegram tg with sources at
// fixedNoon and waits for the first fetch of each source.
func startFed(t *testing.T, tg *telegramtest.Server, sources ...testSource) *app {
	t.Helper()
	a := startApp(t, testConfig{tg: tg, sources: sources}.String(), fixedNoon)
	a.waitFetched(t, len(sources))
	return a
}

// subscribeChat sends "/subscribe query" from the private chat and waits
// for the reply, the chat's first message.
func subscribeChat(t *testing.T, tg *telegramtest.Server, chat int64, query string) {
	t.Helper()
	tg.SendText(chat, "private", 9, "/subscribe "+query)
	tg.WaitSent(t, chat, 1, 5*time.Second)
}

// waitOutboxEmpty waits up to within until no alert or edit is left to
// send.
func (a *app) waitOutboxEmpty(t *testing.T, within time.Duration) {
	t.Helper()
	testkit.WaitWithin(t, "an empty outbox", within, func() bool {
		n, err := a.parts.Store.CountPending(context.Background())
		return err == nil && n == 0
	})
}

// sentTexts returns the texts of the messages sent to chat.
func sentTexts(tg *telegramtest.Server, chat int64) []string {
	var texts []string
	for _, m := range tg.Sent(chat) {
		texts = append(texts, m.Text())
	}
	return texts
}
