package bot

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/newshound/newshound/news"
)

// TestAChannelsAlertsHaveNoMuteButton: every reader of a channel saw
// "🔕 Mute" under each alert, a button only the channel's admins may
// press; a channel's alerts go without it, a group's keep it.
func TestAChannelsAlertsHaveNoMuteButton(t *testing.T) {
	h := newHarness(t, func(o *RouterOptions) { o.CommandBurst = 50 })
	ctx := context.Background()
	const channel, group = -1004, -1005
	h.tg.SetMember(group, 5, "administrator")
	h.reply(channel, "channel", 0, "/subscribe volcano")
	h.reply(group, "supergroup", 5, "/subscribe volcano")
	h.settle()
	arts := h.mustArticles("Alpha News", news.Article{GUID: "v1", URL: "https://alpha.example/v1", Title: "Volcano erupts near Reykjavik",
		Summary: "A volcano erupted.", PublishedAt: h.clock.Now(), Alertable: true})
	if err := h.subs.HandleArticles(ctx, arts); err != nil {
		t.Fatal(err)
	}
	h.sender.Notify()
	for _, c := range []struct {
		chat    int64
		buttons int
	}{{channel, 0}, {group, 1}} {
		sent := h.tg.WaitSent(t, c.chat, 2, 5*time.Second)
		alert := sent[1]
		if !strings.Contains(alert.Text(), "Volcano erupts") {
			t.Fatalf("chat %d: the second message is not the alert: %s", c.chat, alert.Text())
		}
		if got := len(buttons(t, alert)); got != c.buttons {
			t.Errorf("chat %d: %d rows of buttons under the alert, want %d", c.chat, got, c.buttons)
		}
	}
}
