package bot

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/newshound/newshound/news"
	"github.com/newshound/newshound/settings"
)

// delivery is one Telegram call in the making: the outbox rows it settles
// (the head first; several for a burst) and, for an edit, the message it edits.
type delivery struct {
	// stop is the sender's run context: waiting for the rate ends with it.
	// (A context in a struct, because a delivery lives for one call only.)
	stop    context.Context
	onWire  func() // called when the call goes on the wire (nil: nothing to do)
	head    news.Message
	ids     []int64
	editOf  int // Telegram's id of the message to edit; 0 = send a new one
	out     Outgoing
	plain   bool   // already the plain-text retry of a parse error
	clipped bool   // already cut short after a "message is too long"
	lang    string // the language of the notices the sender adds: the alert's chat's, the reply's own; "" = the chat's (chatLanguage)
}

// deliver turns the chat's head row into a Telegram call and records the
// outcome.
func (s *Sender) deliver(ctx, stop context.Context, m news.Message, onWire func()) {
	var d *delivery
	var err error
	switch m.Kind {
	case news.KindAlert:
		d, err = s.alertDelivery(ctx, m)
	case news.KindEdit:
		if m.Text != "" { // a rewrite with its own text, e.g. /list after a button press
			if d, err = s.textDelivery(m); d != nil {
				d.editOf = m.EditOf
			}
			break
		}
		if d, err = s.editDelivery(ctx, m); d != nil && s.shown.shows(d.out.ChatID, d.editOf, d.out) {
			s.markSent(ctx, d, d.editOf) // it shows that already (shown.go): no call
			return
		}
	case news.KindDigest:
		d, err = s.digestDelivery(ctx, m)
	default: // replies carry their text
		d, err = s.textDelivery(m)
	}
	var gone *goneError
	switch {
	case errors.As(err, &gone):
		s.log.Info("message dropped", "message", m.ID, "chat", m.ChatID, "kind", m.Kind, "reason", gone.reason)
		s.record(s.opts.Outbox.MarkDropped(ctx, m.ID, gone.reason))
		s.dropped(DropGone, 1)
		return
	case err != nil:
		wait := retryBackoff(m.Attempts + 1)
		s.log.Error("cannot prepare message; will retry", "message", m.ID, "chat", m.ChatID, "err", err, "retry_in", wait)
		s.record(s.opts.Outbox.MarkRetry(ctx, m.ID, ceilSecond(s.opts.Now().Add(wait)), err.Error()))
		return
	case d == nil:
		return // nothing to send now: held, dropped or gathering a burst
	}
	d.stop, d.onWire = stop, onWire
	s.attempt(ctx, d)
}

// goneError says a message can never be sent: what it refers to is gone.
type goneError struct{ reason string }

func (e *goneError) Error() string { return e.reason }

func gone(format string, args ...any) error { return &goneError{reason: fmt.Sprintf(format, args...)} }

// attempt makes the call when the rates allow and records what Telegram
// answered. When the sender stops first, the message stays pending as it was.
func (s *Sender) attempt(ctx context.Context, d *delivery) {
	if err := s.pace(d.stop); err != nil {
		return
	}
	if d.onWire != nil {
		d.onWire() // its turn taken: another message may wait for the next
	}
	var id int
	var err error
	if d.editOf != 0 {
		id, err = d.editOf, s.opts.Transport.Edit(ctx, d.editOf, d.out)
	} else {
		id, err = s.opts.Transport.Send(ctx, d.out)
	}
	if err != nil {
		s.handleError(ctx, d, err)
		return
	}
	s.opts.Observer.Sent(d.head.Kind)
	s.markSent(ctx, d, id)
	s.alertShown(d, id)
	s.telegramBack(ctx)
}

func (s *Sender) markSent(ctx context.Context, d *delivery, telegramID int) {
	if len(d.ids) > 1 {
		s.record(s.opts.Outbox.MarkBurstSent(ctx, d.ids, telegramID))
		return
	}
	s.record(s.opts.Outbox.MarkSent(ctx, d.head.ID, telegramID))
}

// limit is the most text d may carry: a message's, or a document's caption's.
func (d *delivery) limit() int {
	if d.out.Document != nil {
		return maxCaption
	}
	return MaxMessage
}

func (s *Sender) textDelivery(m news.Message) (*delivery, error) {
	out := Outgoing{ChatID: m.ChatID, Text: m.Text, Silent: m.Silent, ThreadID: m.ThreadID, ReplyTo: m.ReplyTo}
	if m.DocumentName != "" {
		out.Document = &Document{Name: m.DocumentName, Data: m.Document}
	}
	if m.Buttons != "" {
		if err := json.Unmarshal([]byte(m.Buttons), &out.Buttons); err != nil {
			return nil, gone("buttons: %v", err)
		}
	}
	return &delivery{head: m, ids: []int64{m.ID}, out: out, lang: m.Language}, nil
}

// digestDelivery sends a digest as its text, without a notification when
// it falls in the chat's quiet hours (of either mode: a digest at 23:00 with
// quiet hours from 22:00 would otherwise ring). An unknown chat or a failed
// look-up of its settings leaves the digest as it was queued: it is never held
// or dropped for them.
func (s *Sender) digestDelivery(ctx context.Context, m news.Message) (*delivery, error) {
	d, err := s.textDelivery(m)
	if err != nil {
		return nil, err
	}
	chat, err := s.opts.Chats.FindChatDelivery(ctx, m.ChatID)
	if err != nil {
		if !errors.Is(err, news.ErrNotFound) {
			s.log.Warn("digest sent without the chat's quiet hours", "chat", m.ChatID, "err", err)
		}
		return d, nil
	}
	d.out.Silent = d.out.Silent || s.quietMode(chat, s.opts.Now()) != ""
	return d, nil
}

// alertDelivery applies the chat's pause and quiet hours, then sends the
// head alert alone or, in a burst, with the alerts queued behind it.
func (s *Sender) alertDelivery(ctx context.Context, m news.Message) (*delivery, error) {
	chat, err := s.opts.Chats.FindChatDelivery(ctx, m.ChatID)
	if errors.Is(err, news.ErrNotFound) {
		return nil, gone("chat %d unknown", m.ChatID)
	}
	if err != nil {
		return nil, err
	}
	if chat.Paused {
		n, err := s.opts.Alerts.DropChatAlerts(ctx, m.ChatID, "chat paused")
		s.log.Info("chat paused; its queued alerts dropped", "chat", m.ChatID, "dropped", n)
		return nil, err
	}
	now := s.opts.Now()
	mode := s.quietMode(chat, now)
	if mode == news.QuietHold {
		n, err := s.opts.Alerts.HoldChatAlerts(ctx, m.ChatID)
		s.log.Info("quiet hours; alerts held for the digest", "chat", m.ChatID, "held", n)
		return nil, err
	}
	members, err := s.burstOf(ctx, m, now)
	if err != nil || members == nil {
		return nil, err
	}
	var d *delivery
	if len(members) == 1 {
		d, err = s.singleAlert(ctx, m, chat)
	} else if d, err = s.burstAlert(ctx, members, chat); err == nil && d != nil && len(d.ids) == 1 {
		// The burst narrowed to one alert (the others go to other forum
		// topics, or are gone): a list of one would hide its summary.
		d, err = s.singleAlert(ctx, d.head, chat)
	}
	if d != nil {
		d.out.Silent = d.out.Silent || mode != ""
	}
	return d, err
}

// quietMode is the quiet mode that applies to the chat's alerts now: "" outside
// quiet hours, else the chat's own mode or alerts.quiet_mode.
func (s *Sender) quietMode(chat news.ChatDelivery, now time.Time) string {
	return settings.QuietAt(chat, s.opts.QuietMode, now)
}

// burstOf returns the alerts that go out together with head: head alone
// unless more than BurstMax alerts reach the chat within a minute. Then it
// is every due alert queued within a minute of head (head first), or, when
// head is the only one, nil after holding head back until that minute is
// over, so that the next ones gather behind it.
func (s *Sender) burstOf(ctx context.Context, head news.Message, now time.Time) ([]news.Message, error) {
	pending, err := s.opts.Alerts.PendingAlerts(ctx, head.ChatID, maxBurstItems*4)
	if err != nil {
		return nil, err
	}
	var members []news.Message
	for _, p := range pending {
		if p.Kind != news.KindAlert || p.NotBefore.After(now) || p.CreatedAt.After(head.CreatedAt.Add(time.Minute)) {
			break
		}
		members = append(members, p)
	}
	if len(members) == 0 || members[0].ID != head.ID {
		return []news.Message{head}, nil
	}
	recent, err := s.opts.Alerts.CountSentAlerts(ctx, head.ChatID, now.Add(-time.Minute))
	if err != nil {
		return nil, err
	}
	switch {
	case len(members)+recent <= s.opts.BurstMax:
		return []news.Message{head}, nil
	case len(members) > 1:
		return members, nil
	}
	until := ceilSecond(head.CreatedAt.Add(time.Minute))
	if !until.After(now) {
		return []news.Message{head}, nil
	}
	s.log.Debug("alert held back to gather a burst", "message", head.ID, "chat", head.ChatID, "until", until)
	return nil, s.opts.Outbox.DeferMessage(ctx, head.ID, until)
}

// editDelivery re-renders the message the edit targets (a single alert or a
// burst), which now names the story's other sources.
func (s *Sender) editDelivery(ctx context.Context, m news.Message) (*delivery, error) {
	target, err := s.opts.Outbox.FindMessage(ctx, m.TargetID)
	if errors.Is(err, news.ErrNotFound) {
		return nil, gone("edited message %d is gone", m.TargetID)
	}
	if err != nil {
		return nil, err
	}
	if target.Status != news.StatusSent || target.TelegramID == 0 {
		// Not sent (dropped or held): nothing to edit. Had it been sent later,
		// it would have named the other source itself.
		return nil, gone("edited message %d is %s", target.ID, target.Status)
	}
	chat, err := s.opts.Chats.FindChatDelivery(ctx, m.ChatID)
	if errors.Is(err, news.ErrNotFound) {
		return nil, gone("chat %d unknown", m.ChatID)
	}
	if err != nil {
		return nil, err
	}
	var d *delivery
	if target.BundleID != 0 {
		members, err := s.opts.Alerts.BundleMembers(ctx, target.BundleID)
		if err != nil {
			return nil, err
		}
		d, err = s.burstAlert(ctx, members, chat)
		if err != nil {
			return nil, err
		}
		if d == nil || len(d.ids) != len(members) {
			return nil, gone("burst %d no longer fits one message with its other sources", target.BundleID)
		}
	} else if d, err = s.singleAlert(ctx, target.Message, chat); err != nil {
		return nil, err
	}
	d.head, d.ids, d.editOf = m, []int64{m.ID}, target.TelegramID
	d.out.ChatID, d.out.ThreadID = m.ChatID, 0 // an edit names no topic
	return d, nil
}
