package bot

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/newshound/newshound/internal/telegramtest"
	"github.com/newshound/newshound/internal/testkit"
	"github.com/newshound/newshound/news"
)

// TestMutedSubscriptionsAlertStillGetsAlso: a user muted a subscription
// from its alert's button; a second outlet then reported the story and the
// alert, already in the chat, never gained "Also: Beta Times" (an edit,
// which makes no sound), while an unmuted one did. A muted subscription's
// match still never sends an alert of its own.
func TestMutedSubscriptionsAlertStillGetsAlso(t *testing.T) {
	h := newHarness(t)
	ctx := context.Background()
	const chat = 60
	h.reply(chat, "private", chat, "/subscribe volcano")
	subs, err := h.st.ListSubscriptions(ctx, chat)
	if err != nil || len(subs) != 1 {
		t.Fatalf("subscriptions = %v, %v", subs, err)
	}
	alert := func(source, guid, title string) news.Article {
		t.Helper()
		a := h.mustArticles(source, news.Article{GUID: guid, URL: "https://" + guid + ".example/", Title: title,
			Summary: "A volcano erupted near Reykjavik.", PublishedAt: h.clock.Now(), Alertable: true})[0]
		return a
	}
	first := alert("Alpha News", "a1", "Volcano erupts near Reykjavik")
	n := len(h.tg.Sent(chat))
	if err := h.subs.HandleArticles(ctx, []news.Article{first}); err != nil {
		t.Fatal(err)
	}
	h.sender.Notify()
	if got := h.tg.WaitSent(t, chat, n+1, 5*time.Second)[n].Text(); !strings.Contains(got, "Volcano erupts near Reykjavik") {
		t.Fatalf("the alert: %s", got)
	}
	if got := h.reply(chat, "private", chat, "/mute 1").Text(); !strings.Contains(got, "Muted #1") {
		t.Fatalf("/mute 1: %s", got)
	}

	second := alert("Beta Times", "b1", "Volcano erupts, Grindavik evacuated")
	if err := h.st.LinkArticle(ctx, second.ID, first.ID, "", nil); err != nil {
		t.Fatal(err)
	}
	if err := h.subs.HandleArticles(ctx, []news.Article{second}); err != nil {
		t.Fatal(err)
	}
	h.sender.Notify()
	var edit telegramtest.Call
	testkit.WaitFor(t, "the alert edited with Also: Beta Times", func() bool {
		for _, c := range h.tg.Calls("editMessageText") {
			if strings.Contains(c.Text(), "Also: Beta Times") {
				edit = c
				return true
			}
		}
		return false
	})
	// The edit keeps offering what undoes the mute, not "Mute" again.
	if b := buttons(t, edit); len(b) != 1 || len(b[0]) != 1 || b[0][0].Data != "unmute:1" || b[0][0].Text != "🔔 Unmute" {
		t.Errorf("the edited alert's buttons = %+v, want one 🔔 Unmute (unmute:1)", b)
	}

	// A new story of the muted subscription sends nothing.
	n = len(h.tg.Sent(chat))
	other := alert("Gamma Post", "c1", "Volcano museum opens in Naples")
	if err := h.subs.HandleArticles(ctx, []news.Article{other}); err != nil {
		t.Fatal(err)
	}
	h.settle()
	if sent := h.tg.Sent(chat); len(sent) != n {
		t.Errorf("the muted subscription alerted: %s", sent[len(sent)-1].Text())
	}
}
