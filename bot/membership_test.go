package bot

import (
	"context"
	"strings"
	"testing"
	"time"
)

// memberUpdate queues a my_chat_member update: the bot's status in a chat changed.
func (h *harness) memberUpdate(chatID int64, chatType, status string) {
	h.queued.Add(1)
	h.tg.AddUpdate(map[string]any{"my_chat_member": map[string]any{
		"chat":            map[string]any{"id": chatID, "type": chatType, "title": "Team"},
		"from":            map[string]any{"id": 9, "is_bot": false, "first_name": "Admin"},
		"date":            time.Now().Unix(),
		"old_chat_member": map[string]any{"status": "member", "user": map[string]any{"id": 777, "is_bot": true, "first_name": "Newshound"}},
		"new_chat_member": map[string]any{"status": status, "user": map[string]any{"id": 777, "is_bot": true, "first_name": "Newshound"}},
	}})
}

func TestBotRemovedFromAChatAndAddedBack(t *testing.T) {
	h := newHarness(t)
	ctx := context.Background()
	const group = -100555
	h.memberUpdate(group, "supergroup", "member")
	welcome := h.tg.WaitSent(t, group, 1, 5*time.Second)[0]
	if !strings.Contains(welcome.Text(), "/subscribe") {
		t.Fatalf("welcome = %q", welcome.Text())
	}
	h.mustSubscribe(group, "supergroup", "kursk")
	h.settle()

	h.memberUpdate(group, "supergroup", "kicked")
	h.settle()
	chat, err := h.st.FindChat(ctx, group)
	if err != nil || chat.Active {
		t.Fatalf("after the kick: %+v, %v; want the chat inactive", chat, err)
	}
	if subs, _ := h.st.ListSubscriptions(ctx, group); len(subs) != 1 {
		t.Fatalf("subscriptions = %d, want kept", len(subs))
	}

	h.memberUpdate(group, "supergroup", "administrator")
	h.settle()
	if chat, _ = h.st.FindChat(ctx, group); !chat.Active {
		t.Fatal("added back, the chat is still inactive")
	}

	const user = 4711 // a private chat that blocks the bot: no reply can reach it
	h.send(user, "private", user, "/start")
	h.settle()
	before := len(h.tg.Sent(user))
	h.memberUpdate(user, "private", "kicked")
	h.settle()
	if chat, _ = h.st.FindChat(ctx, user); chat.Active {
		t.Fatal("a user who blocked the bot is still active")
	}
	if len(h.tg.Sent(user)) != before {
		t.Fatal("a message was sent to a user who blocked the bot")
	}
}
