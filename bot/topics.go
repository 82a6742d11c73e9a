package bot

import (
	"context"
	"strings"

	"github.com/newshound/newshound/locale"
)

// ThreadMover is what the sender needs when a forum topic is gone: its
// subscriptions and queued messages moved to General.
type ThreadMover interface {
	MoveThreadToGeneral(ctx context.Context, chatID int64, thread int) (int, error)
}

// topicGone reports whether Telegram's refusal (lower case) says the
// message's forum topic was deleted or closed.
func topicGone(desc string) bool {
	return strings.Contains(desc, "message thread not found") || strings.Contains(desc, "topic_closed") ||
		strings.Contains(desc, "topic_deleted") || strings.Contains(desc, "thread not found")
}

// topicMovedNotice opens the message that goes to General instead of its topic.
const topicMovedNotice = "ℹ️ <i>The topic this was meant for is gone or closed, so it comes here; " +
	"alerts meant for that topic come here too from now on.</i>\n\n"

// topicGone sends d once more to General with a notice, after moving what
// else was meant for the topic there; the retry names no topic, so it can
// not loop. Plain messages get the notice in plain text.
func (s *Sender) topicGone(ctx context.Context, d *delivery, se *SendError) {
	thread := d.out.ThreadID
	s.log.Warn("forum topic gone or closed; sending to General instead", "chat", d.head.ChatID, "topic", thread, "message", d.head.ID, "err", se.Description)
	if s.opts.Threads != nil {
		if n, err := s.opts.Threads.MoveThreadToGeneral(ctx, d.head.ChatID, thread); err != nil {
			s.log.Error("move topic to General", "chat", d.head.ChatID, "topic", thread, "err", err)
		} else if n > 0 {
			s.log.Info("subscriptions of a gone topic now go to General", "chat", d.head.ChatID, "topic", thread, "subscriptions", n)
		}
	}
	notice := locale.For(d.lang).Sprintf(topicMovedNotice)
	if d.plain || d.out.Plain {
		notice = plainText(notice)
	}
	// The reply goes unthreaded: the command it answers was in the gone
	// topic (one sent in General names no topic and never comes here), and
	// a reply to a message of a topic lands in that topic, so threading it
	// could be refused again (a closed topic) where this retry must not fail.
	d.out.ThreadID, d.out.ReplyTo = 0, 0
	if len(d.out.Text)+len(notice) <= MaxMessage {
		d.out.Text = notice + d.out.Text
	}
	s.attempt(ctx, d)
}
