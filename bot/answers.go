package bot

import (
	"context"
	"errors"
	"strings"
	"time"

	"github.com/newshound/newshound/news"
)

// handleError acts on Telegram's answer to a failed call:
//
//   - network errors, 5xx and codes other than 400, 403 and 429: retried
//     with backoff (2 s doubling to 5 min), the chat's queue waiting behind;
//   - 429: the chat (or, when a second chat hears 429 while the first still
//     waits, all sending) waits retry_after, then the message is retried;
//   - 403, 400 "chat not found", and a 400 saying the bot may not send
//     there (restricted in a group, a channel admin without the right to
//     post: noRights): the chat is marked inactive and its queued messages
//     dropped; its subscriptions stay, silent, until the chat talks to the
//     bot or the bot's rights come back (my_chat_member);
//   - 400 with migrate_to_chat_id: the chat moves to the new id with
//     everything it holds, and the message goes again to the new id;
//   - 400 "can't parse entities": the same text goes once more as plain text;
//   - 400 "message is too long" (the bot counted wrong): the message goes
//     once more, cut to half the limit, rather than being lost;
//   - 400 "message is not modified" (an edit): done already;
//   - 400 "message thread not found" or TOPIC_CLOSED/TOPIC_DELETED (a forum
//     topic gone or closed): the message goes once more to General, saying
//     so, and the topic's subscriptions and queue move to General (topics.go);
//   - 400 TOPIC_CLOSED for a message to General (closed or hidden): the
//     message waits behind the chat's others, retried with backoff or at once
//     when General is reopened, for a day (topics.go);
//   - any other 400: the message is dropped, and the queue behind it goes on.
func (s *Sender) handleError(ctx context.Context, d *delivery, err error) {
	m := d.head
	var se *SendError
	s.opts.Observer.SendFailed(errorCode(err))
	if !errors.As(err, &se) || (se.Code != 400 && se.Code != 403 && se.Code != 429) {
		wait := retryBackoff(m.Attempts + 1)
		args := []any{"message", m.ID, "chat", m.ChatID, "err", err, "retry_in", wait}
		// failing_since is Reach's, the clock /status and /healthz read.
		if since := s.opts.Reach.Failed("send "+m.Kind, err); !since.IsZero() {
			args = append(args, "failing_since", since)
		}
		if se != nil && se.Code == 401 { // the token revoked while the bot runs: every send fails until it is fixed
			s.log.Error("send refused: "+ErrUnauthorized.Error()+"; the message waits", args...)
		} else {
			s.log.Warn("send failed; will retry", args...)
		}
		s.record(s.opts.Outbox.MarkRetry(ctx, m.ID, ceilSecond(s.opts.Now().Add(wait)), err.Error()))
		if se == nil || se.Code >= 500 {
			s.heldForOutage(m.ID) // no answer or a 5xx: Telegram may be down (outage.go)
		}
		return
	}
	desc := strings.ToLower(se.Description)
	switch {
	case se.Code == 429:
		wait := max(se.RetryAfter, time.Second)
		global := s.rateLimited(m.ChatID, wait)
		s.log.Warn("telegram rate limit hit", "chat", m.ChatID, "message", m.ID, "retry_after", wait, "all_chats", global)
		s.savePause(ctx, m.ChatID, wait, global)
		// The chat's hold in memory keeps a longer retry_after; the
		// outbox's stays within maxRetryWait (see there).
		s.record(s.opts.Outbox.MarkRetry(ctx, m.ID, ceilSecond(s.opts.Now().Add(min(wait, maxRetryWait))), se.Error()))
	case se.Code == 403 || strings.Contains(desc, "chat not found") || noRights(desc):
		s.log.Info("chat unreachable; marked inactive and its queue dropped", "chat", m.ChatID, "err", se.Description)
		s.record(s.opts.Chats.SetChatActive(ctx, m.ChatID, false))
		s.dropped(DropUnreachable, 1)
	case se.MigrateTo != 0:
		s.migrate(ctx, m.ChatID, se.MigrateTo, d)
	case strings.Contains(desc, "can't parse entities") && !d.plain:
		s.log.Warn("telegram could not parse the message; resending it as plain text", "message", m.ID, "chat", m.ChatID, "err", se.Description)
		d.out.Text, d.out.Plain, d.plain = plainWithin(d.out.Text, d.limit()), true, true
		s.attempt(ctx, d)
	case tooLong(desc) && !d.clipped:
		s.log.Warn("telegram found the message too long; resending its first half", "message", m.ID, "chat", m.ChatID, "err", se.Description)
		s.clip(d)
		s.attempt(ctx, d)
	case d.out.ThreadID != 0 && topicGone(desc):
		s.topicGone(ctx, d, se)
	case d.out.ThreadID == 0 && strings.Contains(desc, "topic_closed"):
		s.generalClosed(ctx, d, se)
	case d.editOf != 0 && strings.Contains(desc, "message is not modified"):
		s.markSent(ctx, d, d.editOf)
		s.alertShown(d, d.editOf)
	default:
		s.log.Warn("message dropped: telegram refused it", "message", m.ID, "chat", m.ChatID, "kind", m.Kind, "err", se.Error())
		s.record(s.opts.Outbox.MarkManyDropped(ctx, d.ids, se.Error()))
		s.dropped(DropRefused, len(d.ids))
	}
}

// rateLimited holds the chat for wait, and all sending too when another
// chat was told to wait moments ago: Telegram's answer does not say which
// limit was hit, but two chats refused at once point to the global one.
// It reports whether all sending is now on hold.
func (s *Sender) rateLimited(chatID int64, wait time.Duration) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	now := s.opts.Now()
	until := now.Add(wait)
	global := s.last429.chat != 0 && s.last429.chat != chatID && now.Before(s.last429.until)
	if global && until.After(s.globalUntil) {
		s.globalUntil = until
	}
	s.last429.chat, s.last429.until = chatID, until
	if c := s.chats[chatID]; c != nil && until.After(c.until) {
		c.until = until
	}
	return global
}

// migrate moves the chat to its new id; the message, still pending, goes
// again to the new id on the next round.
func (s *Sender) migrate(ctx context.Context, from, to int64, d *delivery) {
	err := s.opts.Chats.MigrateChat(ctx, from, to)
	if errors.Is(err, news.ErrNotFound) {
		// Moved already, when the group's service message came in; the
		// message, still pending, follows it to the new id.
		s.log.Info("chat migrated already; the message goes to the new id", "chat", from, "to", to, "message", d.head.ID)
		return
	}
	if err != nil {
		wait := retryBackoff(d.head.Attempts + 1)
		s.log.Error("chat migration failed; will retry", "chat", from, "to", to, "err", err, "retry_in", wait)
		s.record(s.opts.Outbox.MarkRetry(ctx, d.head.ID, ceilSecond(s.opts.Now().Add(wait)), err.Error()))
		return
	}
	s.log.Info("chat migrated to a supergroup; its subscriptions, settings and queue moved", "chat", from, "to", to)
}

// noRights reports whether Telegram's refusal (lower case) says the bot
// may not send to the chat at all: restricted in a group ("not enough
// rights to send text messages to the chat", "have no rights to send a
// message", CHAT_RESTRICTED, CHAT_WRITE_FORBIDDEN), or an administrator of
// a channel without the right to post ("need administrator rights in the
// channel chat"). Every later message would be refused alike.
func noRights(desc string) bool {
	for _, s := range []string{"not enough rights to send text messages", "have no rights to send", "need administrator rights in the channel",
		"chat_restricted", "chat_write_forbidden"} {
		if strings.Contains(desc, s) {
			return true
		}
	}
	return false
}

// tooLong reports whether Telegram's refusal (lower case) says the text or
// caption is over its limit.
func tooLong(desc string) bool {
	return strings.Contains(desc, "is too long") || strings.Contains(desc, "message_too_long") || strings.Contains(desc, "caption_too_long")
}

// clip cuts d's text to half its limit, at a line or a space and with its
// tags closed (splitMessage), for a message Telegram refused as too long
// though it counted within the limit: what it counts must differ from
// visibleLen, and half the limit leaves room for any such difference. An
// alert so loses the end of its summary, not the alert.
func (s *Sender) clip(d *delivery) {
	d.clipped = true
	if d.out.Plain {
		d.out.Text = clipUTF16(d.out.Text, d.limit()/2)
		return
	}
	if parts := splitMessage(d.out.Text, d.limit()/2-1); len(parts) > 1 {
		d.out.Text = parts[0] + "…"
	}
}
