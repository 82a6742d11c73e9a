package bot

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/newshound/newshound/internal/telegramtest"
	"github.com/newshound/newshound/news"
)

// TestAlertQueuedBeforeMuteComesQuietly: a user pressed Mute under an
// alert, and the subscription's alerts already queued still arrived with a
// sound and a Mute button. They asked for quiet: such an alert comes
// silently, its button unmuting.
func TestAlertQueuedBeforeMuteComesQuietly(t *testing.T) {
	h := newHarness(t)
	ctx := context.Background()
	const chat = 61
	sub := h.mustSubscribe(chat, "private", "volcano")
	arts := h.mustArticles("Alpha News",
		news.Article{GUID: "q1", URL: "https://alpha.example/q1", Title: "Volcano erupts near Reykjavik",
			Summary: "A volcano erupted.", PublishedAt: h.clock.Now(), Alertable: true},
		news.Article{GUID: "q2", URL: "https://alpha.example/q2", Title: "Volcano ash closes Keflavik airport",
			Summary: "Ash from the volcano.", PublishedAt: h.clock.Now(), Alertable: true})
	// The first alert is held on the wire until the subscription is muted,
	// so the second is still queued then.
	gate, n := queueHoldingFirst(t, h, chat, "Volcano", arts)
	if err := h.st.SetSubscriptionMuted(ctx, chat, sub.ID, true); err != nil {
		t.Fatal(err)
	}
	close(gate)
	sent := h.tg.WaitSent(t, chat, n+2, 5*time.Second)[n:]
	first, second := sent[0], sent[1]
	if first.Params.Get("disable_notification") == "true" {
		t.Errorf("the alert sent before the mute was silent")
	}
	if second.Params.Get("disable_notification") != "true" {
		t.Errorf("the alert queued before the mute rang: %q", second.Params.Encode())
	}
	if b := second.Params.Get("reply_markup"); !strings.Contains(b, "Unmute") || strings.Contains(b, "🔕") {
		t.Errorf("its button = %s, want Unmute", b)
	}
}

// TestBurstOfMutedSubscriptionsComesQuietly: alerts queued before their
// subscription was muted that go out together as one list come silently
// too; a list that also holds an unmuted subscription's alerts still rings.
func TestBurstOfMutedSubscriptionsComesQuietly(t *testing.T) {
	for _, c := range []struct {
		name       string
		muteOthers bool
		silent     bool
	}{{"all muted", true, true}, {"one unmuted", false, false}} {
		t.Run(c.name, func(t *testing.T) {
			h := newHarness(t)
			ctx := context.Background()
			const chat = 62
			volcano := h.mustSubscribe(chat, "private", "volcano")
			ash := h.mustSubscribe(chat, "private", "ash")
			article := func(i int, title string) news.Article {
				return news.Article{GUID: fmt.Sprint("b", i), URL: fmt.Sprint("https://alpha.example/b", i), Title: title,
					Summary: "News from Iceland.", PublishedAt: h.clock.Now(), Alertable: true}
			}
			gate, n := queueHoldingFirst(t, h, chat, "Volcano", h.mustArticles("Alpha News", article(0, "Volcano erupts")))
			var more []news.Article
			for i := 1; i <= 6; i++ {
				title := fmt.Sprint("Volcano update ", i)
				if i%2 == 0 {
					title = fmt.Sprint("Ash cloud report ", i)
				}
				more = append(more, article(i, title))
			}
			if err := h.subs.HandleArticles(ctx, h.mustArticles("Alpha News", more...)); err != nil {
				t.Fatal(err)
			}
			for _, s := range []news.Subscription{volcano, ash} {
				if s.ID == volcano.ID || c.muteOthers {
					if err := h.st.SetSubscriptionMuted(ctx, chat, s.ID, true); err != nil {
						t.Fatal(err)
					}
				}
			}
			close(gate)
			h.sender.Notify()
			burst := h.tg.WaitSent(t, chat, n+2, 5*time.Second)[n+1]
			if !strings.Contains(burst.Text(), "Ash cloud report") || !strings.Contains(burst.Text(), "Volcano update") {
				t.Fatalf("second message = %q, want the list of both", burst.Text())
			}
			if got := burst.Params.Get("disable_notification") == "true"; got != c.silent {
				t.Errorf("list silent = %v, want %v", got, c.silent)
			}
		})
	}
}

// queueHoldingFirst queues the alerts of arts for the chats subscribed and
// returns once the first alert to chat with word is on the wire, held there
// until gate is closed; n is the chat's messages sent before.
func queueHoldingFirst(t *testing.T, h *harness, chat int64, word string, arts []news.Article) (gate chan struct{}, n int) {
	t.Helper()
	gate, arrived := holdFirstSend(h, chat, word)
	n = len(h.tg.Sent(chat))
	if err := h.subs.HandleArticles(context.Background(), arts); err != nil {
		t.Fatal(err)
	}
	h.sender.Notify()
	select {
	case <-arrived:
	case <-time.After(5 * time.Second):
		t.Fatal("the first alert never went out")
	}
	return gate, n
}

// holdFirstSend holds the first sendMessage to chat whose text holds word
// on the wire: arrived is closed when it is taken, and it is answered once
// gate is closed.
func holdFirstSend(h *harness, chat int64, word string) (gate, arrived chan struct{}) {
	var once sync.Once
	gate, arrived = make(chan struct{}), make(chan struct{})
	h.tg.Inject(func(c telegramtest.Call) *telegramtest.Reply {
		if c.Method == "sendMessage" && c.ChatID() == chat && strings.Contains(c.Text(), word) {
			once.Do(func() { close(arrived); <-gate })
		}
		return nil
	})
	return gate, arrived
}
