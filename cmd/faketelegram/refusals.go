package main

import (
	"fmt"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/newshound/newshound/internal/telegramtest"
)

// refusals is what Telegram refuses because of a driver line: sends to a
// chat the bot was removed from or a user who blocked it (403), and to a
// group that became a supergroup (400 with migrate_to_chat_id). The fake
// asks it for every call, from its handlers' goroutines.
type refusals struct {
	mu       sync.Mutex
	gone     map[int64]string // chat → the 403's description
	migrated map[int64]int64  // old group → its supergroup
	faults   []*fault         // fail and lose lines, first match wins (faults.go)
	slow     map[string]time.Duration
}

func newRefusals(srv *telegramtest.Server) *refusals {
	r := &refusals{gone: map[int64]string{}, migrated: map[int64]int64{}, slow: map[string]time.Duration{}}
	srv.Inject(r.answer)
	return r
}

// answer refuses c when it names a chat gone or migrated; nil lets it be.
func (r *refusals) answer(c telegramtest.Call) *telegramtest.Reply {
	r.mu.Lock()
	defer r.mu.Unlock()
	slow := r.fault(c) // a fail or lose line first, else perhaps a slow answer
	if slow != nil && (slow.Code != 0 || slow.LoseAnswer || slow.Hangup || slow.Body != "" || slow.CutAfter > 0) || c.Params.Get("chat_id") == "" {
		return slow
	}
	chat := c.ChatID()
	var rep *telegramtest.Reply
	if to, ok := r.migrated[chat]; ok {
		rep = &telegramtest.Reply{Code: 400, Description: "Bad Request: group chat was upgraded to a supergroup chat", MigrateTo: to}
	} else if desc, ok := r.gone[chat]; ok && !strings.HasPrefix(desc, "Bad Request") {
		rep = &telegramtest.Reply{Code: 403, Description: desc}
	} else if ok && (strings.HasPrefix(c.Method, "send") || strings.HasPrefix(c.Method, "edit")) {
		rep = &telegramtest.Reply{Code: 400, Description: desc} // restricted: the bot may read, not write
	}
	if rep == nil {
		return slow
	}
	c.Params.Set("_refused", rep.Description) // the call as recorded: the printer says REFUSED
	if slow != nil {
		rep.Delay = slow.Delay
	}
	return rep
}

// botStatus queues the my_chat_member update of the bot's new status in
// chat and makes sends to it fail while the bot is out ("kicked" in a
// private chat: the user blocked the bot).
func (d *driver) botStatus(chat int64, typ, status string) error {
	old := map[string]string{"member": "left", "administrator": "left", "left": "member", "kicked": "member", "restricted": "member"}[status]
	if old == "" || (status == "restricted" && (typ == "private" || typ == "channel")) {
		return fmt.Errorf("bot: status %q is not member, administrator, restricted (in a group), left or kicked", status)
	}
	if was := d.botIn[chat]; was != "" {
		old = was // as Telegram says: promoted from member, removed as administrator …
	}
	d.botIn[chat] = status
	d.refused.mu.Lock()
	switch {
	case status == "restricted":
		d.refused.gone[chat] = "Bad Request: not enough rights to send text messages to the chat"
	case status == "left" || status == "kicked":
		desc := "Forbidden: bot was kicked from the group chat"
		switch {
		case typ == "private":
			desc = "Forbidden: bot was blocked by the user"
		case typ == "supergroup":
			desc = "Forbidden: bot was kicked from the supergroup chat"
		case status == "left":
			desc = "Forbidden: bot is not a member of the group chat"
		}
		d.refused.gone[chat] = desc
	default:
		delete(d.refused.gone, chat)
	}
	d.refused.mu.Unlock()
	bot := map[string]any{"id": 777, "is_bot": true, "first_name": "Newshound"} // the fake's getMe
	member := map[string]any{"status": status, "user": bot}
	if status == "restricted" { // muted, as ChatMemberRestricted says it
		member["is_member"], member["until_date"], member["can_send_messages"] = true, 0, false
	}
	d.srv.AddUpdate(map[string]any{"my_chat_member": map[string]any{
		"chat": chatObject(chat, typ), "from": d.from(d.sender(chat)), "date": time.Now().Unix(),
		"old_chat_member": map[string]any{"status": old, "user": bot},
		"new_chat_member": member,
	}})
	return nil
}

// migrate makes group from the supergroup to, as Telegram does: the two
// service messages, then every send to from refused with migrate_to_chat_id.
func (d *driver) migrate(args []string) error {
	if len(args) != 2 {
		return fmt.Errorf("migrate GROUP SUPERGROUP")
	}
	from, err1 := strconv.ParseInt(args[0], 10, 64)
	to, err2 := strconv.ParseInt(args[1], 10, 64)
	if err1 != nil || err2 != nil || from >= 0 || to >= 0 || from == to {
		return fmt.Errorf("migrate: two different negative chat ids, e.g. migrate -5 -1005")
	}
	d.refused.mu.Lock()
	d.refused.migrated[from] = to
	d.refused.mu.Unlock()
	d.srv.MigrateGroup(from, to)
	return nil
}
