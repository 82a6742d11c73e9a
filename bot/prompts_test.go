package bot

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/newshound/newshound/internal/telegramtest"
)

// replyToBot queues userID's text in chatID as a reply to the bot's
// message botMsg, as Telegram delivers it (with privacy mode too).
func (h *harness) replyToBot(chatID int64, chatType string, userID int64, botMsg int, text string) {
	h.queued.Add(1)
	chat := map[string]any{"id": chatID, "type": chatType, "title": "Team"}
	h.tg.AddUpdate(map[string]any{"message": map[string]any{"message_id": 5000 + int(h.queued.Load()), "date": time.Now().Unix(), "chat": chat, "text": text,
		"from": map[string]any{"id": userID, "is_bot": false, "first_name": "Tester"},
		"reply_to_message": map[string]any{"message_id": botMsg, "date": time.Now().Unix(), "chat": chat, "text": "Tell me what to look for",
			"from": map[string]any{"id": 777, "is_bot": true, "first_name": "Newshound", "username": "newshound_test_bot"}}}})
}

// A stranger sent /subscribe, read "Tell me what to look for" and sent
// "kursk deminers": "I understand commands only". The words alone, soon
// after the question, are its answer: in a private chat the next text, in
// a group the asker's reply to the bot's question.
func TestTheWordsAloneAnswerSubscribe(t *testing.T) {
	h := newHarness(t, func(o *RouterOptions) { o.CommandBurst = 50 })
	if got := h.reply(31, "private", 31, "/subscribe").Text(); !strings.Contains(got, "Or just send it now.") {
		t.Errorf("/subscribe alone = %q", got)
	}
	if got := h.reply(31, "private", 31, "kursk deminers").Text(); !strings.Contains(got, "Subscribed") || !strings.Contains(got, "<code>kursk deminers</code>") {
		t.Fatalf("the words after /subscribe = %q, want them subscribed", got)
	}
	h.clock.Advance(2 * time.Hour) // past the hour of hints
	if got := h.reply(31, "private", 31, "thanks!").Text(); !strings.Contains(got, "I understand commands only") {
		t.Errorf("a second text = %q, want the hint: the question was answered", got)
	}
	// /search and /unsubscribe alone ask too.
	h.reply(31, "private", 31, "/search")
	if got := h.reply(31, "private", 31, "belgorod").Text(); !strings.Contains(got, "Nothing I have stored matches") {
		t.Errorf("the words after /search = %q, want a search", got)
	}
	id := h.mustList(31)[0].ID
	h.reply(31, "private", 31, "/unsubscribe")
	if got := h.reply(31, "private", 31, "#"+strconv.FormatInt(id, 10)).Text(); !strings.Contains(got, "Removed") {
		t.Errorf("the ID after /unsubscribe = %q, want it removed", got)
	}
	h.mustSubscribe(31, "private", "kursk deminers")
	h.reply(31, "private", 31, "/subscribe")
	h.clock.Advance(promptWindow + time.Minute)
	h.send(31, "private", 31, "belgorod")
	h.settle()
	if subs := h.mustList(31); len(subs) != 1 {
		t.Errorf("words long after the question: subscriptions %+v, want only the first", subs)
	}

	const group = -100444
	h.tg.SetMember(group, 5, "administrator")
	h.tg.SetMember(group, 6, "administrator")
	h.tg.SetMember(group, 7, "member")
	ask := h.reply(group, "supergroup", 5, "/subscribe")
	if !strings.Contains(ask.Text(), "Or reply to this message with it.") {
		t.Errorf("/subscribe alone in a group = %q", ask.Text())
	}
	question, _ := strconv.Atoi(ask.Params.Get("_message_id"))
	n := len(h.tg.Sent(group))
	h.replyToBot(group, "supergroup", 6, question+100, "not the question")
	h.settle()
	if got := h.tg.Sent(group); len(got) != n {
		t.Errorf("another member's reply to another message got %q, want nothing", got[n:])
	}
	h.replyToBot(group, "supergroup", 5, question, "tariffs japan")
	if got := h.tg.WaitSent(t, group, n+1, 5*time.Second)[n].Text(); !strings.Contains(got, "Subscribed") || !strings.Contains(got, "<code>tariffs japan</code>") {
		t.Errorf("the asker's reply = %q, want it subscribed", got)
	}
	subs := h.mustList(group)
	if len(subs) != 1 {
		t.Errorf("group subscriptions = %+v, want the one", subs)
	}
}

// An admin sent /subscribe alone in a group, the bot asked "Tell me what
// to look for … Or reply to this message with it", and a second admin
// replied "kursk": nothing happened. The reply to the question answers it,
// with the rights of whoever replies; once answered, the question is gone.
func TestAnotherAdminAnswersTheGroupQuestion(t *testing.T) {
	h := newHarness(t, func(o *RouterOptions) { o.CommandBurst = 50 })
	const group = -100446
	h.tg.SetMember(group, 5, "administrator")
	h.tg.SetMember(group, 6, "administrator")
	h.tg.SetMember(group, 7, "member")
	questionOf := func(c telegramtest.Call) int {
		id, _ := strconv.Atoi(c.Params.Get("_message_id"))
		return id
	}
	first := questionOf(h.reply(group, "supergroup", 5, "/subscribe"))
	h.settle() // the question delivered, as it is before anyone can reply
	n := len(h.tg.Sent(group))
	h.replyToBot(group, "supergroup", 7, first, "spam")
	if got := h.tg.WaitSent(t, group, n+1, 5*time.Second)[n].Text(); !strings.Contains(got, "only the admins") {
		t.Errorf("a member's reply to the question = %q, want the admins-only refusal", got)
	}
	second := questionOf(h.reply(group, "supergroup", 5, "/subscribe"))
	h.settle()
	n = len(h.tg.Sent(group))
	h.replyToBot(group, "supergroup", 6, second, "kursk deminers")
	if got := h.tg.WaitSent(t, group, n+1, 5*time.Second)[n].Text(); !strings.Contains(got, "Subscribed") || !strings.Contains(got, "<code>kursk deminers</code>") {
		t.Errorf("a second admin's reply to the question = %q, want it subscribed", got)
	}
	n = len(h.tg.Sent(group))
	h.replyToBot(group, "supergroup", 5, second, "belgorod")
	h.settle()
	if got := h.tg.Sent(group); len(got) != n {
		t.Errorf("the asker's reply after the question was answered got %q, want nothing", got[n:])
	}
	if subs := h.mustList(group); len(subs) != 1 {
		t.Errorf("group subscriptions = %+v, want kursk deminers alone", subs)
	}
}

// A stranger sent /subscribe, the bot was restarted (an update, a crash),
// and the words that came next got "I understand commands only": the
// question was the process's. It is the database's now: in a private chat
// the next text, in a group the asker's reply, still answers it after a
// restart, and only within the question's window.
func TestTheQuestionOutlivesARestart(t *testing.T) {
	h := newHarness(t, func(o *RouterOptions) { o.CommandBurst = 50 })
	h.reply(31, "private", 31, "/subscribe")
	const group = -100445
	h.tg.SetMember(group, 5, "administrator")
	h.reply(group, "supergroup", 5, "/subscribe")
	h.reply(32, "private", 32, "/search")
	h.restartRouter()

	if got := h.reply(31, "private", 31, "kursk deminers").Text(); !strings.Contains(got, "Subscribed") || !strings.Contains(got, "<code>kursk deminers</code>") {
		t.Errorf("the words after /subscribe and a restart = %q, want them subscribed", got)
	}
	n := len(h.tg.Sent(group))
	h.replyToBot(group, "supergroup", 5, 1, "tariffs japan")
	if got := h.tg.WaitSent(t, group, n+1, 5*time.Second)[n].Text(); !strings.Contains(got, "Subscribed") || !strings.Contains(got, "<code>tariffs japan</code>") {
		t.Errorf("the asker's reply after a restart = %q, want it subscribed", got)
	}

	h.clock.Advance(promptWindow + time.Minute)
	h.restartRouter()
	if got := h.reply(32, "private", 32, "belgorod").Text(); !strings.Contains(got, "I understand commands only") {
		t.Errorf("words long after /search, across a restart = %q, want the hint", got)
	}
	// An answered question is gone from the database too.
	h.restartRouter()
	h.clock.Advance(2 * time.Hour) // past the hour of hints
	if got := h.reply(31, "private", 31, "thanks!").Text(); !strings.Contains(got, "I understand commands only") {
		t.Errorf("a second text after a restart = %q, want the hint: the question was answered", got)
	}
}

// After a restart only the asker's reply answered a group's question: the
// message it was asked in was the process's. It is stored with the
// question, so another admin's reply to it answers it after a restart too.
func TestAnotherAdminAnswersTheGroupQuestionAfterARestart(t *testing.T) {
	h := newHarness(t, func(o *RouterOptions) { o.CommandBurst = 50 })
	const group = -100447
	h.tg.SetMember(group, 5, "administrator")
	h.tg.SetMember(group, 6, "administrator")
	question, _ := strconv.Atoi(h.reply(group, "supergroup", 5, "/subscribe").Params.Get("_message_id"))
	h.settle()
	h.restartRouter()
	n := len(h.tg.Sent(group))
	h.replyToBot(group, "supergroup", 6, question, "kursk deminers")
	if got := h.tg.WaitSent(t, group, n+1, 5*time.Second)[n].Text(); !strings.Contains(got, "Subscribed") || !strings.Contains(got, "<code>kursk deminers</code>") {
		t.Errorf("a second admin's reply to the question after a restart = %q, want it subscribed", got)
	}
}
