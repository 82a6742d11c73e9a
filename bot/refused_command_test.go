package bot

import (
	"log/slog"
	"strings"
	"testing"

	"github.com/newshound/newshound/internal/testkit"
	"github.com/newshound/newshound/news"
	"github.com/newshound/newshound/settings"
	"github.com/newshound/newshound/subscriptions"
)

// With the disk full, /subscribe from a chat first seen then answered
// "Sorry, something went wrong on my side" and logged "command failed …
// FOREIGN KEY constraint failed": the chat's row had not been written (the
// chat is answered from memory), so the subscription's could not be, and
// neither the user nor the operator read the cause. The reply says the
// database refuses writes, and the log line says so with the store's cause.
func TestACommandTheDatabaseRefusesSaysSo(t *testing.T) {
	r := newSenderRig(t)
	disk := &fullDisk{Store: r.st}
	r.opts.Outbox = disk
	sender := r.start(t)
	disk.full.Store(true)
	logs := &rigLogBuffer{}
	subs := subscriptions.NewService(subscriptions.Options{Store: r.st, MaxPerChat: 3, Now: r.clock.Now, Logger: slog.New(slog.DiscardHandler)})
	router := NewRouter(RouterOptions{Store: ReplyQueue{RouterStore: disk, Sender: sender}, Subscriptions: subs, BotName: "newshound_bot",
		Logger: slog.New(slog.NewTextHandler(logs, nil)), ChatDefaults: news.ChatDefaults{Timezone: "UTC", DigestTime: "08:00"},
		Settings: settings.NewService(settings.Options{Store: r.st, Subscriptions: subs, DigestTime: "08:00", Logger: slog.New(slog.DiscardHandler)})})
	say(router, 77, "private", "/subscribe volcano")
	var text string
	testkit.WaitFor(t, "the reply to /subscribe", func() bool {
		for _, c := range r.tg.Calls("sendMessage") {
			if c.Params.Get("chat_id") == "77" {
				text = c.Text()
				return true
			}
		}
		return false
	})
	if !strings.Contains(text, "database refuses writes") {
		t.Errorf("the reply %q does not say the database refuses writes", text)
	}
	if got := logs.String(); !strings.Contains(got, "command failed: the database refuses writes") || !strings.Contains(got, "cause=") {
		t.Errorf("the log does not say the database refuses writes, with its cause:\n%s", got)
	}
	if disk.failed.Load() == 0 {
		t.Fatal("no write failed: the test did not fill the disk")
	}
}
