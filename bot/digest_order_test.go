package bot

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/newshound/newshound/digest"
	"github.com/newshound/newshound/internal/telegramtest"
	"github.com/newshound/newshound/internal/testkit"
	"github.com/newshound/newshound/news"
	"github.com/newshound/newshound/store"
)

// withDigestNow gives the router a real digest scheduler on the harness's
// store and clock, and room for a few commands at once.
func withDigestNow(o *RouterOptions) {
	o.CommandBurst = 50
	o.Digests = digest.NewScheduler(digest.Options{Store: o.Store.(*store.Store), Notify: o.Notify, Now: o.Now})
}

// alertVolcano stores one volcano article, alerts the chats subscribed to
// "volcano", sends the alerts and moves the clock a minute on: a story for
// "/digest now" to hold.
func alertVolcano(ctx context.Context, t *testing.T, h *harness) {
	t.Helper()
	arts := h.mustArticles("Alpha News", news.Article{GUID: "v1", URL: "https://alpha.example/v1", Title: "Volcano erupts near Reykjavik",
		Summary: "A volcano erupted.", PublishedAt: h.clock.Now(), Alertable: true})
	if err := h.subs.HandleArticles(ctx, arts); err != nil {
		t.Fatal(err)
	}
	h.sender.Notify()
	h.settle()
	h.clock.Advance(time.Minute)
}

// TestDigestNowIsAnsweredInItsTurn: "/digest now", "/list", "/help" sent
// together were answered list, help, then the digest: it went at digest
// priority, behind every later reply of the chat. A chat's commands are
// answered in the order they came.
func TestDigestNowIsAnsweredInItsTurn(t *testing.T) {
	h := newHarness(t, withDigestNow)
	ctx := context.Background()
	const chat = 70
	h.reply(chat, "private", chat, "/subscribe volcano")
	alertVolcano(ctx, t, h)

	// The chat's next message is held on the wire while the commands come
	// in, so that all their answers wait in the outbox together.
	var once sync.Once
	gate := make(chan struct{})
	h.tg.Inject(func(c telegramtest.Call) *telegramtest.Reply {
		if c.Method == "sendMessage" && c.ChatID() == chat {
			once.Do(func() { <-gate })
		}
		return nil
	})
	n := len(h.tg.Calls("sendMessage"))
	h.send(chat, "private", chat, "/settings")
	for _, cmd := range []string{"/digest now", "/list", "/help"} {
		h.send(chat, "private", chat, cmd)
	}
	h.waitHandled(h.queued.Load())
	close(gate)
	var got []string
	testkit.WaitFor(t, "the four answers", func() bool {
		got = got[:0]
		for _, c := range h.tg.Calls("sendMessage")[n:] {
			got = append(got, c.Text())
		}
		return len(got) >= 4
	})
	for i, want := range []string{"This chat's settings", "Digest", "Subscriptions", "Commands"} {
		if !strings.Contains(got[i], want) {
			t.Errorf("answer %d = %.60q, want the one holding %q (answers in the order asked)", i+1, got[i], want)
		}
	}
}
