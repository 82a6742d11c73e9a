package bot

import (
	"context"
	"errors"
	"strings"
	"time"

	"github.com/newshound/newshound/locale"
	"github.com/newshound/newshound/news"
	"github.com/newshound/newshound/summarize"
)

// ThreadMover is what the sender needs when a forum topic is gone: its
// subscriptions and queued messages moved to General; and when General is
// closed or hidden: the refused message parked behind the chat's others
// until General is reopened (TopicReopener.ResumeGeneral) or a retry.
type ThreadMover interface {
	MoveThreadToGeneral(ctx context.Context, chatID int64, thread int) (moved int, merged []news.Subscription, err error)
	ParkMessage(ctx context.Context, id int64, notBefore time.Time, reason string) error
}

// generalPatience is how long a message refused because the forum's General
// topic is closed or hidden is retried (with backoff up to 4 min) before it
// is dropped with a log line: a day, so a General closed for the night
// loses nothing, and one closed for good does not keep a queue forever.
const generalPatience = 24 * time.Hour

// generalClosed keeps a message that General, closed or hidden, refused:
// it waits (behind the chat's other messages, so the open topics' alerts go
// on) and is tried again with backoff (up to 4 min), or at once when General is reopened,
// for generalPatience; then it is dropped. The first refusal of a message
// is a warning in the log.
func (s *Sender) generalClosed(ctx context.Context, d *delivery, se *SendError) {
	m := d.head
	if s.opts.Now().Sub(m.CreatedAt) > generalPatience {
		s.log.Warn("message dropped: the forum's General topic stayed closed", "message", m.ID, "chat", m.ChatID, "kind", m.Kind, "since", m.CreatedAt, "err", se.Error())
		s.record(s.opts.Outbox.MarkManyDropped(ctx, d.ids, se.Error()))
		s.dropped(DropRefused, len(d.ids))
		return
	}
	wait := retryBackoff(m.Attempts + 1) // at most maxRetryWait, under the store's FutureMargin
	if m.Attempts == 0 {
		s.log.Warn("the forum's General topic is closed or hidden; the message waits until it is reopened", "message", m.ID, "chat", m.ChatID, "retry_in", wait)
	}
	notBefore := ceilSecond(s.opts.Now().Add(wait))
	if s.opts.Threads == nil {
		s.record(s.opts.Outbox.MarkRetry(ctx, m.ID, notBefore, se.Error()))
		return
	}
	s.record(s.opts.Threads.ParkMessage(ctx, m.ID, notBefore, se.Error()))
}

// topicGone reports whether Telegram's refusal (lower case) says the
// message's forum topic was deleted or closed.
func topicGone(desc string) bool {
	return strings.Contains(desc, "message thread not found") || strings.Contains(desc, "topic_closed") ||
		strings.Contains(desc, "topic_deleted") || strings.Contains(desc, "thread not found")
}

// topicDeleted reports whether Telegram's refusal (lower case) says the
// message's forum topic was deleted, not closed.
func topicDeleted(desc string) bool {
	return strings.Contains(desc, "thread not found") || strings.Contains(desc, "topic_deleted")
}

// topicDeletedNotice opens the message that goes to General instead of its
// deleted topic: its subscriptions alert in General from now on.
const topicDeletedNotice = "ℹ️ <i>The topic this was meant for was deleted, so it comes here; " +
	"alerts meant for that topic come here from now on.</i>\n\n"

// topicMovedNotice opens the message that goes to General instead of its topic.
const topicMovedNotice = "ℹ️ <i>The topic this was meant for is gone or closed, so it comes here; " +
	"alerts meant for that topic come here too until it is reopened.</i>\n\n"

// topicGone sends d once more to General with a notice, after moving what
// else was meant for the topic there; the retry names no topic, so it can
// not loop. Plain messages get the notice in plain text.
func (s *Sender) topicGone(ctx context.Context, d *delivery, se *SendError) {
	thread := d.out.ThreadID
	s.log.Warn("forum topic gone or closed; sending to General instead", "chat", d.head.ChatID, "topic", thread, "message", d.head.ID, "err", se.Description)
	lang := d.lang
	if lang == "" { // a digest, or a reply queued before replies kept their language
		lang = s.chatLanguage(ctx, d.head.ChatID)
	}
	p := locale.For(lang)
	notice := p.Sprintf(topicMovedNotice)
	deleted := topicDeleted(strings.ToLower(se.Description))
	if deleted {
		notice = p.Sprintf(topicDeletedNotice) // "until it is reopened" promised what a deleted topic never is
	}
	if s.opts.Threads != nil {
		n, merged, err := s.opts.Threads.MoveThreadToGeneral(ctx, d.head.ChatID, thread)
		if err != nil {
			s.log.Error("move topic to General", "chat", d.head.ChatID, "topic", thread, "err", err)
		} else if n > 0 || len(merged) > 0 {
			s.log.Info("subscriptions of a gone topic now go to General", "chat", d.head.ChatID, "topic", thread, "subscriptions", n, "merged", len(merged))
		}
		notice += mergedNotice(p, merged, deleted)
		if s.movedAway(ctx, d) {
			s.log.Info("the gone topic's alert was in General already; not sent twice", "chat", d.head.ChatID, "topic", thread, "message", d.head.ID)
			if err == nil && (n > 0 || len(merged) > 0) {
				s.queueTopicNotice(ctx, d.head.ChatID, p, deleted, merged, lang)
			}
			return
		}
	}
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

// noticeQueue queues a message in the outbox; the store has it.
type noticeQueue interface {
	Enqueue(ctx context.Context, m news.Message) (int64, error)
}

// queueTopicNotice tells General, in a message of its own, that a gone
// topic's subscriptions alert there now (and which were merged into
// General's), when the alert that would have carried the notice was
// General's already and is not sent twice: the group never heard that its
// topic's subscriptions had moved. Without a queue (Threads is no store)
// or when queueing fails (logged), the notice is not sent.
func (s *Sender) queueTopicNotice(ctx context.Context, chatID int64, p locale.Printer, deleted bool, merged []news.Subscription, lang string) {
	q, ok := s.opts.Threads.(noticeQueue)
	if !ok {
		return
	}
	text := p.Sprintf("ℹ️ <i>A topic that subscriptions alert in is gone or closed: their alerts come here until it is reopened.</i>\n\n")
	if deleted {
		text = p.Sprintf("ℹ️ <i>A topic that subscriptions alert in was deleted: their alerts come here from now on.</i>\n\n")
	}
	text = strings.TrimSpace(text + mergedNotice(p, merged, deleted))
	if _, err := q.Enqueue(ctx, news.Message{ChatID: chatID, Kind: news.KindReply, Priority: news.PriorityReply, Text: text, Language: lang}); err != nil {
		s.log.Warn("gone topic's notice not queued", "chat", chatID, "err", err)
		return
	}
	s.Notify()
}

// chatLanguage is the language chosen for the chat (/language), which the
// notices the sender adds speak, as its alerts do; "" (English) when none
// was chosen or the chat cannot be read. (A reply's or digest's notice was
// English in every chat: their delivery's language was never filled in.)
func (s *Sender) chatLanguage(ctx context.Context, chatID int64) string {
	chat, err := s.opts.Chats.FindChatDelivery(ctx, chatID)
	if err != nil {
		if !errors.Is(err, news.ErrNotFound) {
			s.log.Warn("notice in English: read the chat's language", "chat", chatID, "err", err)
		}
		return ""
	}
	return chat.Language
}

// movedAway reports whether the move of a gone topic to General dropped
// every message of d, alerts of articles General had already: sending d
// there would alert them twice. It is false when the outbox cannot say.
func (s *Sender) movedAway(ctx context.Context, d *delivery) bool {
	if d.head.Kind != news.KindAlert {
		return false
	}
	for _, id := range d.ids {
		m, err := s.opts.Outbox.FindMessage(ctx, id)
		if err != nil || m.Status != news.StatusDropped {
			return false
		}
	}
	return len(d.ids) > 0
}

// mergedNotice says which of a gone topic's queries General had already,
// so that the topic's subscription is one with General's until the topic is
// reopened (MoveThreadBack; "" for none): the group would otherwise find
// one of them gone from /list unsaid. A deleted topic is never reopened:
// its notice said "until the topic is reopened" all the same.
func mergedNotice(p locale.Printer, merged []news.Subscription, deleted bool) string {
	switch {
	case len(merged) == 0:
		return ""
	case deleted:
		return p.Sprintf("ℹ️ <i>General already had %s: the deleted topic's same subscriptions are one with General's from now on.</i>\n\n", queryNames(merged))
	}
	return p.Sprintf("ℹ️ <i>General already had %s: the topic's same subscriptions are one with General's until the topic is reopened.</i>\n\n", queryNames(merged))
}

// queryNames lists the subscriptions' queries, clipped, as code.
func queryNames(subs []news.Subscription) string {
	names := make([]string, 0, len(subs))
	for _, m := range subs {
		names = append(names, "<code>"+esc(summarize.Clip(m.Query, 60))+"</code>")
	}
	return strings.Join(names, ", ")
}

// TopicReopener is what the router needs when a forum topic is reopened:
// the subscriptions that went to General when it was closed, back to it.
type TopicReopener interface {
	MoveThreadBack(ctx context.Context, chatID int64, thread int) (moved int, restored []news.Subscription, err error)
	ResumeGeneral(ctx context.Context, chatID int64) (int, error)
}

// handleTopicEvent acts on a forum's service message about a topic. When
// General is reopened (or unhidden), the messages parked while it was closed
// go at once (Sender.generalClosed). When a topic is reopened, the subscriptions that went to General when it was
// closed go back to it, and the topic hears so once. A closed topic is
// noticed when a send to it is refused (topicGone): its subscriptions move
// then, as they must also when the bot missed the service message.
func (r *Router) handleTopicEvent(ctx context.Context, in Incoming) {
	r.log.Info("forum topic event", "chat", in.ChatID, "topic", in.ThreadID, "event", in.TopicEvent)
	if in.TopicEvent == TopicClosed && in.ThreadID == 0 {
		r.tellGeneralClosed(ctx, in.ChatID)
		return
	}
	if in.TopicEvent != TopicReopened || r.opts.Topics == nil {
		return
	}
	if in.ThreadID == 0 { // General is back: what waited for it goes now
		n, err := r.opts.Topics.ResumeGeneral(ctx, in.ChatID)
		if err != nil {
			r.log.Error("resume the messages waiting for General", "chat", in.ChatID, "err", err)
		} else if n > 0 {
			r.log.Info("General reopened; the messages waiting for it go now", "chat", in.ChatID, "messages", n)
			if r.opts.Notify != nil {
				r.opts.Notify()
			}
		}
		return
	}
	n, restored, err := r.opts.Topics.MoveThreadBack(ctx, in.ChatID, in.ThreadID)
	if err != nil {
		r.log.Error("move subscriptions back to a reopened topic", "chat", in.ChatID, "topic", in.ThreadID, "err", err)
		return
	}
	if n == 0 {
		return
	}
	r.opts.Subscriptions.Restored(restored)
	r.log.Info("subscriptions back in their reopened topic", "chat", in.ChatID, "topic", in.ThreadID, "subscriptions", n, "unmerged", len(restored))
	t := locale.For(r.chosenLanguage(ctx, in.ChatID))
	text := t.Sprintf("ℹ️ This topic is open again: its alerts come here again (%s, in General while it was closed).",
		t.Count(n, "%d subscriptions"))
	if len(restored) > 0 {
		// The group was told these were one with General's; now each is
		// the topic's again, and General's goes on beside it.
		text += t.Sprintf("\nThis topic's own again: %s (General keeps its own too).", queryNames(restored))
	}
	r.reply(ctx, in.ChatID, text)
}

// tellGeneralClosed says, when a forum's General is closed or hidden and
// holds subscriptions, that their alerts wait for it (Sender.generalClosed),
// for how long, and what to do; else the group learns it only from the
// alerts that stopped. The notice goes to the topic of the chat's newest
// subscription outside General: General itself refuses it, and a topic
// without subscriptions is unknown to the bot. Without one it is logged.
func (r *Router) tellGeneralClosed(ctx context.Context, chatID int64) {
	subs, err := r.opts.Subscriptions.List(ctx, chatID)
	if err != nil {
		r.log.Error("General closed: list the subscriptions", "chat", chatID, "err", err)
		return
	}
	inGeneral, topic := 0, 0
	var newest int64
	for _, sub := range subs {
		switch {
		case sub.ThreadID == 0:
			inGeneral++
		case sub.ID > newest:
			newest, topic = sub.ID, sub.ThreadID
		}
	}
	if inGeneral == 0 {
		return
	}
	if topic == 0 {
		r.log.Warn("General closed or hidden; its alerts wait, and no topic is known to say so", "chat", chatID, "subscriptions", inGeneral)
		return
	}
	t := locale.For(r.chosenLanguage(ctx, chatID))
	ctx = context.WithValue(ctx, destinationKey{}, destination{chatID: chatID, thread: topic})
	r.reply(ctx, chatID, t.Sprintf("⚠️ General is closed or hidden, so the alerts of its %s wait: they come when it is reopened, and one waiting more than a day is dropped. "+
		"Reopen General, or send <code>/subscribe</code> in a topic to have a query's alerts there.", t.Count(inGeneral, "%d subscriptions")))
}
