package bot

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/newshound/newshound/news"
	"github.com/newshound/newshound/store"
)

// memberUpdate queues a my_chat_member update: the bot's status in a chat
// changed, from left when it is now in the chat, else from member.
func (h *harness) memberUpdate(chatID int64, chatType, status string) {
	old := "member"
	if status == "member" || status == "administrator" {
		old = "left"
	}
	h.memberChange(chatID, chatType, old, status)
}

// memberChange queues a my_chat_member update: the bot's status in a chat
// went from old to status.
func (h *harness) memberChange(chatID int64, chatType, old, status string) {
	h.queued.Add(1)
	h.tg.AddUpdate(map[string]any{"my_chat_member": map[string]any{
		"chat":            map[string]any{"id": chatID, "type": chatType, "title": "Team"},
		"from":            map[string]any{"id": 9, "is_bot": false, "first_name": "Admin"},
		"date":            time.Now().Unix(),
		"old_chat_member": map[string]any{"status": old, "user": map[string]any{"id": 777, "is_bot": true, "first_name": "Newshound"}},
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
	if subs := mustListSubscriptions(t, h.st, group); len(subs) != 1 {
		t.Fatalf("subscriptions = %d, want kept", len(subs))
	}

	h.memberUpdate(group, "supergroup", "administrator")
	h.settle()
	if chat = mustFindChat(t, h.st, group); !chat.Active {
		t.Fatal("added back, the chat is still inactive")
	}

	const user = 4711 // a private chat that blocks the bot: no reply can reach it
	h.send(user, "private", user, "/start")
	h.settle()
	before := len(h.tg.Sent(user))
	h.memberUpdate(user, "private", "kicked")
	h.settle()
	if chat = mustFindChat(t, h.st, user); chat.Active {
		t.Fatal("a user who blocked the bot is still active")
	}
	if len(h.tg.Sent(user)) != before {
		t.Fatal("a message was sent to a user who blocked the bot")
	}
}

// A chat made inactive (a 403, or a removal) whose "added back" update was
// lost (the bot down for longer than Telegram keeps updates) answered /list
// yet got no alert again until someone sent /start: any command it sends
// shows it reaches the bot, and makes it active.
func TestAnInactiveChatThatTalksIsActiveAgain(t *testing.T) {
	h := newHarness(t)
	for _, c := range []struct {
		id  int64
		typ string
	}{{4711, "private"}, {-100777, "supergroup"}} {
		h.mustSubscribe(c.id, c.typ, "kursk")
		if err := h.st.SetChatActive(context.Background(), c.id, false); err != nil {
			t.Fatal(err)
		}
		if got := h.reply(c.id, c.typ, 9, "/list").Text(); !strings.Contains(got, "kursk") {
			t.Errorf("/list in the inactive %s chat: %q", c.typ, got)
		}
		if chat := mustFindChat(t, h.st, c.id); !chat.Active {
			t.Errorf("the %s chat sent /list and is still inactive", c.typ)
		}
	}
}

// migrationUpdate queues the service message a chat gets when a group
// becomes a supergroup: key is "migrate_to_chat_id" (in the old group) or
// "migrate_from_chat_id" (in the new supergroup).
func (h *harness) migrationUpdate(chatID int64, chatType, key string, other int64) {
	h.queued.Add(1)
	h.tg.AddUpdate(map[string]any{"message": map[string]any{
		"message_id": 99, "date": time.Now().Unix(),
		"chat": map[string]any{"id": chatID, "type": chatType, "title": "Team"},
		"from": map[string]any{"id": 9, "is_bot": false, "first_name": "Admin"},
		key:    other,
	}})
}

// TestGroupMigrationNoticedOnIncomingMessages: the group's subscriptions
// and settings move to the supergroup's id as soon as either service
// message comes, before any send to the old id fails.
func TestGroupMigrationNoticedOnIncomingMessages(t *testing.T) {
	for _, key := range []string{"migrate_to_chat_id", "migrate_from_chat_id"} {
		t.Run(key, func(t *testing.T) {
			h := newHarness(t, func(o *RouterOptions) { o.Migrator = o.Store.(*store.Store) })
			ctx := context.Background()
			const group, super = -555, -100555
			h.mustSubscribe(group, "group", "kursk")
			if err := h.st.SetChatTimezone(ctx, group, "Europe/Berlin"); err != nil {
				t.Fatal(err)
			}
			h.settle()
			if key == "migrate_to_chat_id" { // both messages, as Telegram sends them
				h.queued.Add(2)
				h.tg.MigrateGroup(group, super)
			} else { // the supergroup's alone
				h.migrationUpdate(super, "supergroup", key, group)
			}
			h.settle()
			chat, err := h.st.FindChat(ctx, super)
			if err != nil {
				t.Fatalf("the supergroup is unknown after the migration: %v", err)
			}
			if chat.Timezone != "Europe/Berlin" || chat.Type != "supergroup" {
				t.Errorf("supergroup = %+v, want the group's settings", chat)
			}
			if subs, err := h.st.ListSubscriptions(ctx, super); err != nil || len(subs) != 1 {
				t.Errorf("supergroup subscriptions = %v, %v; want the group's one", subs, err)
			}
			if _, err := h.st.FindChat(ctx, group); !errors.Is(err, news.ErrNotFound) {
				t.Errorf("the old group id is still a chat: %v", err)
			}
			if strings.Contains(h.logs.String(), "level=ERROR") {
				t.Errorf("errors logged:\n%s", h.logs)
			}
		})
	}
}

// A group that made the bot an administrator heard "👋 Newshound is here"
// a second time, and a group that added the bot back heard the first
// welcome again with no word of the subscriptions it still had. A change
// of the bot's rights says nothing; coming back names what is kept.
func TestPromotedIsNotWelcomedAndBackNamesTheSubscriptions(t *testing.T) {
	h := newHarness(t)
	const group = -100556
	h.memberChange(group, "supergroup", "left", "member")
	if got := h.tg.WaitSent(t, group, 1, 5*time.Second)[0].Text(); !strings.Contains(got, "is here") {
		t.Fatalf("welcome = %q", got)
	}
	h.memberChange(group, "supergroup", "member", "administrator")
	h.memberChange(group, "supergroup", "administrator", "member")
	h.settle()
	if n := len(h.tg.Sent(group)); n != 1 {
		t.Errorf("promoted and demoted, the group got %d messages, want the first welcome alone", n)
	}
	h.mustSubscribe(group, "supergroup", "kursk")
	h.mustSubscribe(group, "supergroup", "flood")
	h.settle()
	n := len(h.tg.Sent(group))
	h.memberChange(group, "supergroup", "member", "kicked")
	h.memberChange(group, "supergroup", "kicked", "member")
	got := h.tg.WaitSent(t, group, n+1, 5*time.Second)[n].Text()
	if !strings.Contains(got, "2 subscriptions") || !strings.Contains(got, "/list") {
		t.Errorf("added back with 2 subscriptions: %q, want them named", got)
	}
}

// A stranger blocked the bot, came back and pressed Start: the first
// welcome ("Try /subscribe kursk deminers") said nothing of the
// subscriptions the chat kept, nor that its alerts were paused.
func TestStartAgainNamesTheKeptSubscriptions(t *testing.T) {
	h := newHarness(t)
	const user = 4242
	h.mustSubscribe(user, "private", "kursk")
	h.reply(user, "private", user, "/pause")
	h.memberChange(user, "private", "member", "kicked")
	h.settle()
	h.memberChange(user, "private", "kicked", "member")
	h.settle()
	got := h.reply(user, "private", user, "/start").Text()
	for _, want := range []string{"subscriptions are still here (1 subscription)", "/list", "/resume"} {
		if !strings.Contains(got, want) {
			t.Errorf("/start after coming back = %q; want %q", got, want)
		}
	}
	if got := h.reply(4343, "private", 4343, "/start").Text(); !strings.Contains(got, "/subscribe kursk deminers") {
		t.Errorf("/start in a new chat = %q; want the first welcome", got)
	}
}

// restrictBot queues a my_chat_member update: the bot, a member of the
// group, is now restricted, with or without the right to send messages.
func (h *harness) restrictBot(chatID int64, canSend bool) {
	h.restrictBotAs(chatID, canSend, true)
}

// restrictBotAs is restrictBot with is_member: false when the restricted
// bot is no longer in the chat.
func (h *harness) restrictBotAs(chatID int64, canSend, member bool) {
	h.queued.Add(1)
	bot := map[string]any{"id": 777, "is_bot": true, "first_name": "Newshound"}
	h.tg.AddUpdate(map[string]any{"my_chat_member": map[string]any{
		"chat":            map[string]any{"id": chatID, "type": "supergroup", "title": "Team"},
		"from":            map[string]any{"id": 9, "is_bot": false, "first_name": "Admin"},
		"date":            time.Now().Unix(),
		"old_chat_member": map[string]any{"status": "member", "user": bot},
		"new_chat_member": map[string]any{"status": "restricted", "user": bot, "is_member": member, "until_date": 0,
			"can_send_messages": canSend, "can_send_polls": false, "can_add_web_page_previews": false},
	}})
}

// A group that muted the bot (restricted, can_send_messages false) was
// still sent every alert, each refused with 400 "not enough rights" and
// logged; a restriction that keeps sending allowed changed nothing, and
// lifting the mute (back to member) made the chat active again without a
// welcome, as it never left.
func TestRestrictedBotIsInactiveUntilAllowedToSend(t *testing.T) {
	h := newHarness(t)
	const group = -100557
	h.mustSubscribe(group, "supergroup", "kursk")
	h.settle()
	sent := len(h.tg.Sent(group))

	h.restrictBot(group, true) // restricted, yet allowed to send: nothing changes
	h.settle()
	if chat := mustFindChat(t, h.st, group); !chat.Active {
		t.Fatal("restricted with can_send_messages, the chat went inactive")
	}

	h.restrictBot(group, false)
	h.settle()
	if chat := mustFindChat(t, h.st, group); chat.Active {
		t.Fatal("restricted from sending, the chat is still active: its alerts would each be refused")
	}
	if subs := mustListSubscriptions(t, h.st, group); len(subs) != 1 {
		t.Fatalf("subscriptions = %d, want kept", len(subs))
	}

	h.memberChange(group, "supergroup", "restricted", "member")
	h.settle()
	if chat := mustFindChat(t, h.st, group); !chat.Active {
		t.Fatal("the restriction lifted, the chat is still inactive")
	}
	if n := len(h.tg.Sent(group)); n != sent {
		t.Errorf("muted and unmuted, the group got %d more messages, want none (no welcome: the bot never left)", n-sent)
	}

	h.restrictBotAs(group, true, false) // restricted, and out of the chat
	h.settle()
	if chat := mustFindChat(t, h.st, group); chat.Active {
		t.Error("restricted and no longer a member, the chat is still active")
	}
}

// A channel admin posted "/subscribe kursk" in the channel; Telegram
// copied the post into the channel's discussion group (is_automatic_forward,
// from the channel), where the bot read it as a command of the group and
// answered "only the admins of this chat…" under every such post.
func TestAChannelPostCopiedToItsDiscussionGroupIsNoCommand(t *testing.T) {
	h := newHarness(t)
	const channel, group = -1001300, -1001301
	h.tg.AddUpdate(map[string]any{"message": map[string]any{
		"message_id": 5, "date": time.Now().Unix(), "text": "/subscribe kursk",
		"entities":             []map[string]any{{"type": "bot_command", "offset": 0, "length": 10}},
		"chat":                 map[string]any{"id": group, "type": "supergroup", "title": "Discussion"},
		"from":                 map[string]any{"id": 777000, "is_bot": false, "first_name": "Telegram"},
		"sender_chat":          map[string]any{"id": channel, "type": "channel", "title": "News"},
		"is_automatic_forward": true,
		"forward_from_chat":    map[string]any{"id": channel, "type": "channel", "title": "News"},
	}})
	// A member's /list after it, in the same chat, is handled after it.
	if got := h.reply(group, "supergroup", 9, "/list").Text(); strings.Contains(got, "only the admins") {
		t.Errorf("the copied post was answered: %q", got)
	}
	h.settle()
	if got := h.tg.Sent(group); len(got) != 1 {
		t.Errorf("the discussion group got %q, want the answer to /list alone", texts(got))
	}
	if subs := mustListSubscriptions(t, h.st, group); len(subs) != 0 {
		t.Errorf("subscriptions of the discussion group = %+v, want none", subs)
	}
}

// A member's /start in a group without subscriptions was told "Try
// /subscribe kursk deminers", which only the group's admins may send, and
// was refused when they did: the group hears what it hears when the bot
// joins, who may subscribe included, in the sender's language.
func TestStartInAGroupSaysWhoMaySubscribe(t *testing.T) {
	h := newHarness(t, withLanguages)
	const group = -100611
	h.tg.SetMember(group, 9, "member")
	for _, c := range []struct{ lang, want string }{
		{"en", "Group admins can add keyword alerts with <code>/subscribe QUERY</code>"},
		{"de", "<code>/subscribe SUCHE</code>"},
	} {
		got := h.replyAs(group, "supergroup", 9, c.lang, "/start")
		if !strings.Contains(got, c.want) || strings.Contains(got, "kursk deminers") || strings.Contains(got, "bundestag") {
			t.Errorf("/start by a member, app in %s = %q, want the group's welcome", c.lang, got)
		}
	}
	if got := h.replyAs(77, "private", 77, "en", "/start"); !strings.Contains(got, "/subscribe kursk deminers") {
		t.Errorf("/start in a private chat = %q", got)
	}
}
