package store

import (
	"context"
	"fmt"
	"time"

	"github.com/newshound/newshound/news"
)

// MoveThreadToGeneral sends whatever went to the chat's forum topic thread
// to General instead, as when the topic was deleted or closed: its
// subscriptions, the record of what it was alerted (so a story is not
// alerted twice), and its queued messages (which then answer no message of
// the topic); a queued alert of an article
// General was alerted already is dropped, not sent to General a second
// time. A subscription whose query General
// has already is merged into General's: it is removed, General's goes on,
// and it is returned in merged (as it was), so the chat can be told. Each
// moved subscription remembers the topic (moved_from), so that
// MoveThreadBack can return it when the topic is reopened; a deleted topic is
// never reopened, so its subscriptions stay in General. It returns how many
// subscriptions moved; it fails when the database does.
func (s *Store) MoveThreadToGeneral(ctx context.Context, chatID int64, thread int) (moved int, merged []news.Subscription, err error) {
	err = s.tx(ctx, func(tx *wtx) error {
		merged = nil
		// A queued alert goes where its subscription is at send time: one of
		// an article General has had (or has queued) already, from its own
		// subscription or another gone topic's, is dropped, not sent twice.
		if _, err := tx.ExecContext(ctx, `UPDATE outbox SET status = 'dropped', last_error = 'alerted in General already', document = NULL
			WHERE chat_id = ?1 AND status = 'pending' AND kind = 'alert'
			AND subscription_id IN (SELECT id FROM subscriptions WHERE chat_id = ?1 AND thread_id = ?2)
			AND article_id IN (SELECT article_id FROM alerts WHERE chat_id = ?1 AND thread_id = 0)`, chatID, thread); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `UPDATE OR IGNORE subscriptions SET thread_id = 0, moved_from = thread_id WHERE chat_id = ? AND thread_id = ?`, chatID, thread)
		if err != nil {
			return err
		}
		n, _ := res.RowsAffected()
		moved = int(n)
		rows, err := tx.QueryContext(ctx, `SELECT `+subscriptionColumns+` FROM subscriptions WHERE chat_id = ? AND thread_id = ? ORDER BY id`, chatID, thread)
		if err != nil {
			return err
		}
		if merged, err = collect(rows, s.scanSubscription); err != nil {
			return err
		}
		for _, q := range []string{
			`INSERT OR REPLACE INTO merged_subscriptions (id, chat_id, thread_id, query, query_key, muted, created_at, into_id, muted_until)
				SELECT t.id, t.chat_id, t.thread_id, t.query, t.query_key, t.muted, t.created_at, g.id, t.muted_until
				FROM subscriptions t JOIN subscriptions g ON g.chat_id = t.chat_id AND g.thread_id = 0 AND g.query_key = t.query_key
				WHERE t.chat_id = ? AND t.thread_id = ?`,
			`DELETE FROM subscriptions WHERE chat_id = ? AND thread_id = ?`,
			`UPDATE OR IGNORE alerts SET thread_id = 0 WHERE chat_id = ? AND thread_id = ?`,
			// A moved reply answers nothing: Telegram puts a reply in the
			// topic of the message it answers, the one that is gone.
			`UPDATE outbox SET thread_id = 0, reply_to = 0 WHERE chat_id = ? AND thread_id = ? AND status = 'pending'`,
		} {
			if _, err := tx.ExecContext(ctx, q, chatID, thread); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return 0, nil, fmt.Errorf("move topic %d of chat %d to General: %w", thread, chatID, err)
	}
	return moved, merged, nil
}

// sqlAlertsBack gives a reopened forum topic (?2) of a chat (?1) back the
// alert records its subscriptions (moved back already) made, or had moved,
// in General; one of an article the topic has a record of stays General's.
const sqlAlertsBack = `UPDATE OR IGNORE alerts SET thread_id = ?2 WHERE chat_id = ?1 AND thread_id = 0
			AND subscription_id IN (SELECT id FROM subscriptions WHERE chat_id = ?1 AND thread_id = ?2)`

// MoveThreadBack returns to the chat's forum topic thread the subscriptions
// MoveThreadToGeneral moved from it to General, as when the topic is
// reopened, and brings back, with their ids, the ones it merged into
// General's (returned in restored, the caller's index must learn them again):
// the topic had them before it was closed, and General keeps its own. A
// merged one whose General subscription was removed meanwhile stays gone
// (the chat was told they were one). One whose query the topic has again
// (subscribed anew since) stays in General, or gone, forgetting the topic.
// Messages queued or sent in General stay there; the records of what its
// subscriptions were alerted there come back to the topic, so that a later
// outlet of such a story edits the alert in General ("Also: …") instead of
// alerting it again in the topic. It returns how many
// subscriptions moved back (restored ones included); it fails when the
// database does.
func (s *Store) MoveThreadBack(ctx context.Context, chatID int64, thread int) (moved int, restored []news.Subscription, err error) {
	if thread == 0 {
		return 0, nil, nil
	}
	err = s.tx(ctx, func(tx *wtx) error {
		restored = nil
		res, err := tx.ExecContext(ctx, `UPDATE OR IGNORE subscriptions SET thread_id = moved_from, moved_from = 0 WHERE chat_id = ? AND thread_id = 0 AND moved_from = ?`, chatID, thread)
		if err != nil {
			return err
		}
		n, _ := res.RowsAffected()
		moved = int(n)
		if _, err = tx.ExecContext(ctx, `UPDATE subscriptions SET moved_from = 0 WHERE chat_id = ? AND moved_from = ?`, chatID, thread); err != nil {
			return err
		}
		// The alert records of the subscriptions back in the topic go with
		// them: a later outlet of a story they alerted in General edits that
		// alert (an edit names no topic), where without its record the topic
		// took it as a new story. General's own subscriptions' stay.
		if _, err = tx.ExecContext(ctx, sqlAlertsBack, chatID, thread); err != nil {
			return err
		}
		if _, err = tx.ExecContext(ctx, `INSERT OR IGNORE INTO subscriptions (id, chat_id, query, query_key, muted, created_at, thread_id, muted_until)
			SELECT m.id, m.chat_id, m.query, m.query_key, m.muted, m.created_at, m.thread_id, m.muted_until FROM merged_subscriptions m
			WHERE m.chat_id = ? AND m.thread_id = ? AND EXISTS (SELECT 1 FROM subscriptions g WHERE g.id = m.into_id) ORDER BY m.id`, chatID, thread); err != nil {
			return err
		}
		rows, err := tx.QueryContext(ctx, `SELECT `+subscriptionColumns+` FROM subscriptions
			WHERE chat_id = ? AND thread_id = ? AND id IN (SELECT id FROM merged_subscriptions WHERE chat_id = ? AND thread_id = ?) ORDER BY id`, chatID, thread, chatID, thread)
		if err != nil {
			return err
		}
		if restored, err = collect(rows, s.scanSubscription); err != nil {
			return err
		}
		moved += len(restored)
		_, err = tx.ExecContext(ctx, `DELETE FROM merged_subscriptions WHERE chat_id = ? AND thread_id = ?`, chatID, thread)
		return err
	})
	if err != nil {
		return 0, nil, fmt.Errorf("move subscriptions of chat %d back to topic %d: %w", chatID, thread, err)
	}
	return moved, restored, nil
}

// parkedPriority is the priority of a message parked while its chat's
// General topic is closed: after every other message of the chat (digests
// are 20), so that the topics' alerts and replies do not wait behind it.
const parkedPriority = 30

// ParkMessage counts a failed attempt of a message refused because the
// chat's General topic is closed or hidden, holds it until notBefore, and
// moves it behind the chat's other messages (which it would otherwise hold
// back: a chat's queue goes in order). ResumeGeneral wakes it. It fails
// when the database does.
func (s *Store) ParkMessage(ctx context.Context, id int64, notBefore time.Time, reason string) error {
	if _, err := s.w.ExecContext(ctx, `UPDATE outbox SET attempts = attempts + 1, not_before = ?, last_error = ?, priority = max(priority, ?) WHERE id = ?`,
		unix(notBefore), reason, parkedPriority, id); err != nil {
		return fmt.Errorf("park message %d: %w", id, err)
	}
	return nil
}

// ResumeGeneral makes the chat's messages parked for a closed General due
// now, at an alert's priority again, as when General is reopened. It
// returns how many it woke; it fails when the database does.
func (s *Store) ResumeGeneral(ctx context.Context, chatID int64) (int, error) {
	res, err := s.w.ExecContext(ctx, `UPDATE outbox SET not_before = 0, priority = ? WHERE chat_id = ? AND thread_id = 0 AND status = 'pending' AND priority = ?`,
		news.PriorityAlert, chatID, parkedPriority)
	if err != nil {
		return 0, fmt.Errorf("resume the General topic of chat %d: %w", chatID, err)
	}
	n, _ := res.RowsAffected()
	return int(n), nil
}

// SetChatPreview sets how the chat's alerts show their link preview ("" for
// none, or news.PreviewOn …); the caller validates it. It fails with
// ErrNotFound for an unknown chat.
func (s *Store) SetChatPreview(ctx context.Context, id int64, preview string) error {
	return s.setChatColumn(ctx, id, "preview", preview)
}
