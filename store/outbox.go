package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/mattn/go-sqlite3"

	"github.com/newshound/newshound/news"
)

// Enqueue stores a message as pending and returns its id; it fails when the
// database does.
func (s *Store) Enqueue(ctx context.Context, m news.Message) (int64, error) {
	return s.enqueue(ctx, s.w, m)
}

// execer is a *sql.DB or a *sql.Tx: enqueue runs alone or inside another write.
type execer interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
}

func (s *Store) enqueue(ctx context.Context, db execer, m news.Message) (int64, error) {
	var doc any // NULL for text messages
	if m.DocumentName != "" {
		doc = m.Document
	}
	res, err := db.ExecContext(ctx, `INSERT INTO outbox (chat_id, kind, priority, text, buttons, silent, message_id, article_id, subscription_id, not_before, created_at, document, document_name, thread_id, reply_to)
		VALUES (?, ?, ?, ?, ?, ?, ?, NULLIF(?, 0), NULLIF(?, 0), ?, ?, ?, ?, ?, ?)`,
		m.ChatID, m.Kind, m.Priority, m.Text, m.Buttons, m.Silent, m.EditOf, m.ArticleID, m.SubscriptionID, unix(m.NotBefore), s.now().Unix(), doc, m.DocumentName, m.ThreadID, m.ReplyTo)
	if err != nil {
		return 0, fmt.Errorf("enqueue %s for chat %d: %w", m.Kind, m.ChatID, err)
	}
	id, _ := res.LastInsertId()
	return id, nil
}

// QueueAlerts records each alert and queues its message, once per (chat,
// forum topic, story), the topic being its subscription's: an alert whose
// chat already had that article in that topic is skipped, so
// several matching subscriptions or a second poll queue nothing more; an
// alert whose chat already had another article of the same story is recorded
// as "also" and queues an edit of the first alert's message instead (see
// 0002_delivery.sql). It returns how many messages (alerts and edits) it queued.
//
// One bad row never cancels the others: an alert whose chat or article is
// gone meanwhile (/stop, a group migrated, a source removed), or that breaks
// a constraint, is skipped with a log line. Any other database error fails
// the whole call and queues nothing, so that calling it again is safe.
func (s *Store) QueueAlerts(ctx context.Context, alerts []news.Alert) (int, error) {
	queued := 0
	err := s.tx(ctx, func(tx *sql.Tx) error {
		queued = 0
		now := s.now().Unix()
		for _, a := range alerts {
			if _, err := tx.ExecContext(ctx, `SAVEPOINT alert`); err != nil {
				return err
			}
			n, err := queueAlert(ctx, tx, a, now)
			if err != nil {
				if _, rerr := tx.ExecContext(ctx, `ROLLBACK TO alert`); rerr != nil {
					return errors.Join(err, rerr)
				}
				if !skippable(err) {
					return fmt.Errorf("chat %d, article %d: %w", a.ChatID, a.ArticleID, err)
				}
				s.log.Warn("alert skipped", "chat", a.ChatID, "article", a.ArticleID, "subscription", a.SubscriptionID, "err", err)
				n = 0
			}
			if _, err := tx.ExecContext(ctx, `RELEASE alert`); err != nil {
				return err
			}
			queued += n
		}
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("queue alerts: %w", err)
	}
	return queued, nil
}

// errGone is a row of an alert that no longer exists.
var errGone = errors.New("gone meanwhile")

// skippable reports whether err concerns one alert only: its chat or article
// gone, or a constraint of its rows.
func skippable(err error) bool {
	var se sqlite3.Error
	return errors.Is(err, errGone) || (errors.As(err, &se) && se.Code == sqlite3.ErrConstraint)
}

// queueAlert records one alert and queues its alert or edit; it returns how
// many messages it queued (0 or 1).
func queueAlert(ctx context.Context, tx *sql.Tx, a news.Alert, now int64) (int, error) {
	var chats int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM chats WHERE id = ?`, a.ChatID).Scan(&chats); err != nil {
		return 0, err
	}
	if chats == 0 {
		return 0, fmt.Errorf("chat %d: %w", a.ChatID, errGone)
	}
	var story int64
	err := tx.QueryRowContext(ctx, `SELECT COALESCE(story_id, id) FROM articles WHERE id = ?`, a.ArticleID).Scan(&story)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, fmt.Errorf("article %d: %w", a.ArticleID, errGone)
	}
	if err != nil {
		return 0, err
	}
	// The topic the subscription sends to: an article is alerted once per
	// (chat, topic), a story linked per topic.
	var thread int
	err = tx.QueryRowContext(ctx, `SELECT thread_id FROM subscriptions WHERE id = ?`, a.SubscriptionID).Scan(&thread)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return 0, err
	}
	res, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO alerts (chat_id, thread_id, article_id, subscription_id, created_at, story_id) VALUES (?, ?, ?, ?, ?, ?)`,
		a.ChatID, thread, a.ArticleID, a.SubscriptionID, now, story)
	if err != nil {
		return 0, err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return 0, nil
	}
	var first sql.NullInt64
	var delivery string
	// The story's earlier alert for this chat, if it reached or will reach
	// the chat: one dropped (paused, unreachable, refused) does not count.
	err = tx.QueryRowContext(ctx, sqlStoryAlert, a.ChatID, thread, story, a.ArticleID).Scan(&first, &delivery)
	switch {
	case err == nil:
		if _, err := tx.ExecContext(ctx, `UPDATE alerts SET delivery = 'also' WHERE chat_id = ? AND thread_id = ? AND article_id = ?`, a.ChatID, thread, a.ArticleID); err != nil {
			return 0, err
		}
		if delivery != "alert" || !first.Valid {
			return 0, nil // held for the digest: no message to edit
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO outbox (chat_id, kind, priority, article_id, subscription_id, target_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
			a.ChatID, news.KindEdit, news.PriorityAlert, a.ArticleID, a.SubscriptionID, first.Int64, now)
		return 1, err
	case !errors.Is(err, sql.ErrNoRows):
		return 0, err
	}
	res, err = tx.ExecContext(ctx, `INSERT INTO outbox (chat_id, kind, priority, article_id, subscription_id, created_at) VALUES (?, ?, ?, ?, ?, ?)`,
		a.ChatID, news.KindAlert, news.PriorityAlert, a.ArticleID, a.SubscriptionID, now)
	if err != nil {
		return 0, err
	}
	id, _ := res.LastInsertId()
	_, err = tx.ExecContext(ctx, `UPDATE alerts SET outbox_id = ? WHERE chat_id = ? AND thread_id = ? AND article_id = ?`, id, a.ChatID, thread, a.ArticleID)
	return 1, err
}

// DueMessages returns, for each chat with pending messages, the first one in
// that chat's order (priority, then id) if it is due at now: so a message
// waiting for a retry holds back the rest of its chat and order is kept.
// At most limit messages are returned, replies first, then oldest first.
// A message held beyond now+FutureMargin was held by a clock that stepped
// back since: it is due.
func (s *Store) DueMessages(ctx context.Context, now time.Time, limit int) ([]news.Message, error) {
	rows, err := s.w.QueryContext(ctx, sqlDueMessages, now.Unix(), now.Add(FutureMargin).Unix(), limit)
	if err != nil {
		return nil, fmt.Errorf("due messages: %w", err)
	}
	defer rows.Close()
	var out []news.Message
	for rows.Next() {
		var m news.Message
		var nb, created int64
		if err := rows.Scan(&m.ID, &m.ChatID, &m.ChatType, &m.Kind, &m.Priority, &m.Text, &m.Buttons, &m.Silent, &m.ArticleID, &m.SubscriptionID, &m.Attempts, &nb, &created, &m.TargetID, &m.EditOf, &m.DocumentName, &m.Document, &m.ThreadID, &m.ReplyTo); err != nil {
			return nil, fmt.Errorf("due messages: %w", err)
		}
		m.NotBefore, m.CreatedAt = fromUnix(nb), fromUnix(created)
		out = append(out, m)
	}
	return out, rows.Err()
}

// MarkSent records that Telegram accepted the message, and forgets the
// bytes of its document if it had one.
func (s *Store) MarkSent(ctx context.Context, id int64, telegramID int) error {
	if _, err := s.w.ExecContext(ctx, `UPDATE outbox SET status = 'sent', message_id = ?, sent_at = ?, attempts = attempts + 1, document = NULL WHERE id = ?`,
		telegramID, s.now().Unix(), id); err != nil {
		return fmt.Errorf("mark message %d sent: %w", id, err)
	}
	return nil
}

// MarkRetry counts a failed attempt and holds the message until notBefore.
func (s *Store) MarkRetry(ctx context.Context, id int64, notBefore time.Time, reason string) error {
	if _, err := s.w.ExecContext(ctx, `UPDATE outbox SET attempts = attempts + 1, not_before = ?, last_error = ? WHERE id = ?`,
		unix(notBefore), reason, id); err != nil {
		return fmt.Errorf("mark message %d for retry: %w", id, err)
	}
	return nil
}

// MarkDropped gives up on the message for good, and forgets the bytes of
// its document if it had one.
func (s *Store) MarkDropped(ctx context.Context, id int64, reason string) error {
	if _, err := s.w.ExecContext(ctx, `UPDATE outbox SET status = 'dropped', attempts = attempts + 1, last_error = ?, document = NULL WHERE id = ?`, reason, id); err != nil {
		return fmt.Errorf("drop message %d: %w", id, err)
	}
	return nil
}

// CountPending returns how many messages wait to be sent.
func (s *Store) CountPending(ctx context.Context) (int, error) {
	var n int
	if err := s.w.QueryRowContext(ctx, `SELECT count(*) FROM outbox WHERE status = 'pending'`).Scan(&n); err != nil {
		return 0, fmt.Errorf("count pending: %w", err)
	}
	return n, nil
}

// sqlDueMessages reads each chat's first pending message (outbox_pending).
const sqlDueMessages = `
		SELECT o.id, o.chat_id, ch.type, o.kind, o.priority, o.text, o.buttons, o.silent, COALESCE(o.article_id, 0), COALESCE(o.subscription_id, 0), o.attempts, o.not_before, o.created_at, COALESCE(o.target_id, 0), o.message_id, o.document_name, o.document, o.thread_id, o.reply_to
		FROM (SELECT DISTINCT chat_id FROM outbox WHERE status = 'pending') c
		JOIN outbox o ON o.id = (SELECT i.id FROM outbox i WHERE i.status = 'pending' AND i.chat_id = c.chat_id ORDER BY i.priority, i.id LIMIT 1)
		JOIN chats ch ON ch.id = o.chat_id
		WHERE o.not_before <= ? OR o.not_before > ?
		ORDER BY o.priority, o.id LIMIT ?`

// sqlStoryAlert finds a chat's earlier alert of a story in a topic. INDEXED
// BY keeps it on (chat_id, thread_id, story_id): for its ORDER BY the planner preferred
// alerts_chat_created and read every alert of the chat, per alert queued.
const sqlStoryAlert = `SELECT al.outbox_id, al.delivery FROM alerts al INDEXED BY alerts_story LEFT JOIN outbox o ON o.id = al.outbox_id
		WHERE al.chat_id = ? AND al.thread_id = ? AND al.story_id = ? AND al.article_id <> ?
			AND (al.delivery = 'held' OR (al.delivery = 'alert' AND o.status IN ('pending', 'sent')))
		ORDER BY al.created_at, al.article_id LIMIT 1`
