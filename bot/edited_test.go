package bot

import (
	"context"
	"strings"
	"testing"
	"time"
)

// A user sent "/subscribe krusk", edited it to "/subscribe kursk" and heard
// nothing: edits were not even received, and the chat kept "krusk" alone.
// An edited command is not run (that would act twice, or act on an old
// message), but answered: send it again as a new message. An edited plain
// text, or a command for another bot, still gets nothing.
func TestEditedCommandsAreAnsweredNotRun(t *testing.T) {
	for _, mode := range modes {
		t.Run(mode.name, func(t *testing.T) {
			h := newHarnessIn(t, mode.webhook)
			const chat, group = 60, -1006
			first := h.reply(chat, "private", chat, "/subscribe krusk")
			if !strings.Contains(first.Text(), "Subscribed") {
				t.Fatalf("/subscribe krusk = %q", first.Text())
			}
			n := len(h.tg.Sent(chat))
			h.queued.Add(1)
			h.tg.SendEdit(chat, "private", chat, 7, 0, "/subscribe kursk")
			got := h.tg.WaitSent(t, chat, n+1, 5*time.Second)[n].Text()
			if !strings.Contains(got, "edited") || !strings.Contains(got, "<code>/subscribe kursk</code>") {
				t.Errorf("after an edited /subscribe: %q, want it to say to send it again", got)
			}
			subs, err := h.st.ListSubscriptions(context.Background(), chat)
			if err != nil || len(subs) != 1 || subs[0].Query != "krusk" {
				t.Errorf("subscriptions after the edit = %+v, %v; want krusk alone", subs, err)
			}
			// In a topic, the answer goes to the topic.
			h.tg.SetMember(group, 5, "administrator")
			h.tg.AddTopic(group, 77)
			h.queued.Add(1)
			h.tg.SendEdit(group, "supergroup", 5, 9, 77, "/search kursk")
			m := h.tg.WaitSent(t, group, 1, 5*time.Second)[0]
			if m.Params.Get("message_thread_id") != "77" || !strings.Contains(m.Text(), "<code>/search kursk</code>") {
				t.Errorf("edited /search in topic 77 answered %v: %q", m.Params.Get("message_thread_id"), m.Text())
			}
			for _, text := range []string{"hello there", "/subscribe@OtherBot kursk", "/nonsense"} {
				h.queued.Add(1)
				h.tg.SendEdit(group, "supergroup", 5, 10, 0, text)
			}
			h.queued.Add(1)
			h.tg.SendEdit(chat, "private", chat, 11, 0, "just words")
			h.settle()
			if n := len(h.tg.Sent(group)); n != 1 {
				t.Errorf("the group got %d messages, want only the answer to the edited /search", n)
			}
			if got := len(h.tg.Sent(chat)); got != n+1 {
				t.Errorf("an edited plain text in private got an answer")
			}
		})
	}
}

// A user fixed a typo in three edits of one command and got three answers
// "I don't act on edited messages": each edited message is answered once
// (within the hour); another message's edit gets its own answer.
func TestAnEditedCommandIsAnsweredOnce(t *testing.T) {
	h := newHarness(t, func(o *RouterOptions) { o.CommandBurst = 50 })
	const chat = 61
	for _, text := range []string{"/search a", "/search ab", "/search abc"} {
		h.queued.Add(1)
		h.tg.SendEdit(chat, "private", chat, 7, 0, text)
	}
	h.settle()
	if sent := h.tg.Sent(chat); len(sent) != 1 || !strings.Contains(sent[0].Text(), "<code>/search a</code>") {
		t.Fatalf("three edits of one command got %d answers, want one: %v", len(sent), texts(sent))
	}
	h.queued.Add(1)
	h.tg.SendEdit(chat, "private", chat, 8, 0, "/search b")
	h.settle()
	h.clock.Advance(editNoticeTTL)
	h.queued.Add(1)
	h.tg.SendEdit(chat, "private", chat, 7, 0, "/search abcd")
	h.settle()
	if sent := h.tg.Sent(chat); len(sent) != 3 {
		t.Errorf("another message's edit and an edit an hour later got %d answers in all, want 3: %v", len(sent), texts(sent))
	}
}
