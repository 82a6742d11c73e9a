package bot

import (
	"strings"
	"testing"
	"time"
)

// A stranger's trial: an anonymous admin sent /id in a group and was told
// "Your user id: 1087968824", the id of @GroupAnonymousBot, which every
// anonymous admin of every group shares. Put in telegram.admins, it made
// anyone who creates a group and writes there anonymously an operator. A
// message on behalf of a chat has no user: /id says so (and where to ask
// instead), and the operators' commands refuse it even when that id is an
// operator's.
func TestAMessageOnBehalfOfAChatHasNoUserID(t *testing.T) {
	const anonymousBot = 1087968824
	h := newHarness(t, func(o *RouterOptions) { o.Operators = []int64{anonymousBot}; o.CommandBurst = 50 })
	const group = -1012
	send := func(text string) string {
		t.Helper()
		n := len(h.tg.Sent(group))
		h.queued.Add(1)
		h.tg.AddUpdate(map[string]any{"message": map[string]any{
			"message_id": 9000 + n, "date": time.Now().Unix(), "text": text,
			"chat":        map[string]any{"id": group, "type": "supergroup", "title": "G"},
			"from":        map[string]any{"id": anonymousBot, "is_bot": true, "first_name": "Group", "username": "GroupAnonymousBot"},
			"sender_chat": map[string]any{"id": group, "type": "supergroup", "title": "G"},
			"entities":    []map[string]any{{"type": "bot_command", "offset": 0, "length": len(strings.Fields(text)[0])}},
		}})
		return h.tg.WaitSent(t, group, n+1, 5*time.Second)[n].Text()
	}
	if got := send("/id"); strings.Contains(got, "1087968824") || !strings.Contains(got, "no user id") || !strings.Contains(got, "/id in your private chat") {
		t.Errorf("an anonymous admin's /id → %q, want the chat's id and no user id", got)
	}
	if got := send("/version"); !strings.Contains(got, "operators") {
		t.Errorf("an anonymous admin's /version → %q, want the operators' refusal", got)
	}
	// Still the group's admin: an anonymous admin's /subscribe is obeyed.
	if got := send("/subscribe tariffs"); !strings.Contains(got, "Subscribed") {
		t.Errorf("an anonymous admin's /subscribe → %q", got)
	}
}
