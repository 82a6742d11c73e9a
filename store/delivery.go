package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/newshound/newshound/news"
)

// FindMessage returns the outbox row with its state, or ErrNotFound.
func (s *Store) FindMessage(ctx context.Context, id int64) (news.MessageState, error) {
	var m news.MessageState
	var nb, created int64
	err := s.w.QueryRowContext(ctx, `SELECT o.id, o.chat_id, COALESCE(ch.type, ''), o.kind, o.priority, o.text, o.buttons, o.silent,
			COALESCE(o.article_id, 0), COALESCE(o.subscription_id, 0), o.attempts, o.not_before, o.created_at, COALESCE(o.target_id, 0),
			o.status, o.message_id, COALESCE(o.bundle_id, 0), o.thread_id
		FROM outbox o LEFT JOIN chats ch ON ch.id = o.chat_id WHERE o.id = ?`, id).
		Scan(&m.ID, &m.ChatID, &m.ChatType, &m.Kind, &m.Priority, &m.Text, &m.Buttons, &m.Silent, &m.ArticleID, &m.SubscriptionID,
			&m.Attempts, &nb, &created, &m.TargetID, &m.Status, &m.TelegramID, &m.BundleID, &m.ThreadID)
	if errors.Is(err, sql.ErrNoRows) {
		return news.MessageState{}, fmt.Errorf("message %d: %w", id, news.ErrNotFound)
	}
	if err != nil {
		return news.MessageState{}, fmt.Errorf("find message %d: %w", id, err)
	}
	m.NotBefore, m.CreatedAt = fromUnix(nb), fromUnix(created)
	return m, nil
}

// PendingAlerts returns the chat's pending rows at alert priority (alerts
// and edits) in sending order, at most limit: the queue a burst is cut from.
func (s *Store) PendingAlerts(ctx context.Context, chatID int64, limit int) ([]news.Message, error) {
	rows, err := s.w.QueryContext(ctx, sqlChatAlerts, chatID, news.PriorityAlert, limit)
	if err != nil {
		return nil, fmt.Errorf("pending alerts of chat %d: %w", chatID, err)
	}
	return scanMessages(rows, fmt.Sprintf("pending alerts of chat %d", chatID))
}

// sqlChatAlerts reads a chat's pending rows at a priority by outbox_pending.
const sqlChatAlerts = `SELECT id, chat_id, kind, priority, COALESCE(article_id, 0), COALESCE(subscription_id, 0), attempts, not_before, created_at, COALESCE(target_id, 0)
		FROM outbox WHERE status = 'pending' AND chat_id = ? AND priority = ? ORDER BY id LIMIT ?`

// BundleMembers returns the alerts sent together in the burst bundleID, in order.
func (s *Store) BundleMembers(ctx context.Context, bundleID int64) ([]news.Message, error) {
	rows, err := s.w.QueryContext(ctx, `SELECT id, chat_id, kind, priority, COALESCE(article_id, 0), COALESCE(subscription_id, 0), attempts, not_before, created_at, COALESCE(target_id, 0)
		FROM outbox WHERE bundle_id = ? ORDER BY id`, bundleID)
	if err != nil {
		return nil, fmt.Errorf("members of burst %d: %w", bundleID, err)
	}
	return scanMessages(rows, fmt.Sprintf("members of burst %d", bundleID))
}

func scanMessages(rows *sql.Rows, what string) ([]news.Message, error) {
	defer rows.Close()
	var out []news.Message
	for rows.Next() {
		var m news.Message
		var nb, created int64
		if err := rows.Scan(&m.ID, &m.ChatID, &m.Kind, &m.Priority, &m.ArticleID, &m.SubscriptionID, &m.Attempts, &nb, &created, &m.TargetID); err != nil {
			return nil, fmt.Errorf("%s: %w", what, err)
		}
		m.NotBefore, m.CreatedAt = fromUnix(nb), fromUnix(created)
		out = append(out, m)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", what, err)
	}
	return out, nil
}

// CountSentAlerts returns how many alerts reached the chat since then,
// whether alone or in a burst.
func (s *Store) CountSentAlerts(ctx context.Context, chatID int64, since time.Time) (int, error) {
	var n int
	err := s.w.QueryRowContext(ctx, `SELECT count(*) FROM outbox WHERE chat_id = ? AND status = 'sent' AND kind = 'alert' AND sent_at >= ?`,
		chatID, since.Unix()).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("count sent alerts of chat %d: %w", chatID, err)
	}
	return n, nil
}

// MarkBurstSent records that Telegram accepted one message carrying all the
// alerts ids (the first is the burst's id), in one transaction.
func (s *Store) MarkBurstSent(ctx context.Context, ids []int64, telegramID int) error {
	if len(ids) == 0 {
		return nil
	}
	args := []any{telegramID, s.now().Unix(), ids[0]}
	for _, id := range ids {
		args = append(args, id)
	}
	if _, err := s.execWriter(ctx, `UPDATE outbox SET status = 'sent', message_id = ?, sent_at = ?, bundle_id = ?, attempts = attempts + 1
		WHERE id IN (`+placeholders(len(ids))+`)`, args...); err != nil {
		return fmt.Errorf("mark burst %d sent: %w", ids[0], err)
	}
	return nil
}

// MarkManyDropped gives up on the messages for good, and forgets the bytes
// of their documents.
func (s *Store) MarkManyDropped(ctx context.Context, ids []int64, reason string) error {
	if len(ids) == 0 {
		return nil
	}
	args := []any{reason}
	for _, id := range ids {
		args = append(args, id)
	}
	if _, err := s.w.ExecContext(ctx, `UPDATE outbox SET status = 'dropped', attempts = attempts + 1, last_error = ?, document = NULL
		WHERE status = 'pending' AND id IN (`+placeholders(len(ids))+`)`, args...); err != nil {
		return fmt.Errorf("drop %d messages: %w", len(ids), err)
	}
	return nil
}

// DeferMessage holds a pending message until notBefore without counting an
// attempt: a burst gathering, not a failure.
func (s *Store) DeferMessage(ctx context.Context, id int64, notBefore time.Time) error {
	if _, err := s.w.ExecContext(ctx, `UPDATE outbox SET not_before = ? WHERE id = ?`, unix(notBefore), id); err != nil {
		return fmt.Errorf("defer message %d: %w", id, err)
	}
	return nil
}

// HoldChatAlerts sets aside the chat's pending alerts for the digest (quiet
// hours in hold mode): their rows become 'held', their alerts rows too, and
// pending edits of them are dropped. It returns how many alerts it held.
func (s *Store) HoldChatAlerts(ctx context.Context, chatID int64) (int, error) {
	var n int64
	err := s.tx(ctx, func(tx *wtx) error {
		if _, err := tx.ExecContext(ctx, sqlHoldAlerts, chatID); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `UPDATE outbox SET status = 'held', last_error = 'quiet hours' WHERE chat_id = ? AND status = 'pending' AND kind = 'alert'`, chatID)
		if err != nil {
			return err
		}
		n, _ = res.RowsAffected()
		_, err = tx.ExecContext(ctx, sqlDropHeldEdits, chatID)
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("hold alerts of chat %d: %w", chatID, err)
	}
	return int(n), nil
}

// sqlHoldAlerts marks held the alerts rows of a chat's pending alert
// messages (the chat's alerts by alerts_chat_created, its pending rows by
// outbox_pending).
const sqlHoldAlerts = `UPDATE alerts SET delivery = 'held' WHERE chat_id = ?1 AND delivery = 'alert'
			AND outbox_id IN (SELECT id FROM outbox WHERE chat_id = ?1 AND status = 'pending' AND kind = 'alert')`

// sqlDropHeldEdits drops a chat's pending edits of its held alerts: the
// chat's pending rows by outbox_pending, each edit's target by its id (held
// rows are in no index; the chat's held rows, kept whatever their age, were
// read whole when outbox_pending held every status).
const sqlDropHeldEdits = `UPDATE outbox SET status = 'dropped', last_error = 'edited alert held' WHERE chat_id = ?1 AND status = 'pending' AND kind = 'edit'
			AND (SELECT t.status = 'held' AND t.chat_id = ?1 FROM outbox t WHERE t.id = outbox.target_id)`

// DropChatAlerts drops the chat's pending alerts and edits (a paused chat),
// leaving its replies and digests queued. It returns how many it dropped.
func (s *Store) DropChatAlerts(ctx context.Context, chatID int64, reason string) (int, error) {
	res, err := s.w.ExecContext(ctx, `UPDATE outbox SET status = 'dropped', last_error = ? WHERE chat_id = ? AND status = 'pending' AND kind IN ('alert', 'edit')`, reason, chatID)
	if err != nil {
		return 0, fmt.Errorf("drop alerts of chat %d: %w", chatID, err)
	}
	n, _ := res.RowsAffected()
	return int(n), nil
}

// sqlAlsoSources reads the outlets (an aggregator's item's own, else its
// source's name) of a chat's topic's 'also' alerts of an article's story,
// but the article's own outlet's. INDEXED BY keeps it on alerts_story: for the ORDER BY the
// planner preferred alerts_chat_created and read every alert of the chat.
const sqlAlsoSources = `
		SELECT COALESCE(a.outlet, s.name) FROM alerts al INDEXED BY alerts_story JOIN articles a ON a.id = al.article_id JOIN sources s ON s.id = a.source_id
		WHERE al.chat_id = ?1 AND al.thread_id = ?2 AND al.delivery = 'also'
			AND al.story_id = (SELECT COALESCE(story_id, id) FROM articles WHERE id = ?3)
			AND lower(COALESCE(a.outlet, s.name)) <> (SELECT lower(COALESCE(a2.outlet, s2.name)) FROM articles a2 JOIN sources s2 ON s2.id = a2.source_id WHERE a2.id = ?3)
		ORDER BY al.created_at, al.article_id`

// sqlAlsoSummary reads the text and summary columns (packed, see
// packArticle) of a chat's topic's 'also' alerts of an article's story, in
// the order they came.
const sqlAlsoSummary = `
		SELECT a.text, a.summary FROM alerts al INDEXED BY alerts_story JOIN articles a ON a.id = al.article_id
		WHERE al.chat_id = ? AND al.thread_id = ? AND al.delivery = 'also'
			AND al.story_id = (SELECT COALESCE(story_id, id) FROM articles WHERE id = ?)
		ORDER BY al.created_at, al.article_id`

// AlsoSummary returns the summary of the first other report of the
// article's story that reached the chat's forum topic (threadID) after it was
// alerted and has one, or "" when none has: an alert from a feed of
// headlines only is completed by a later outlet's lead. It fails when the
// database does or a stored text cannot be unpacked.
func (s *Store) AlsoSummary(ctx context.Context, chatID int64, threadID int, articleID int64) (string, error) {
	rows, err := s.w.QueryContext(ctx, sqlAlsoSummary, chatID, threadID, articleID)
	if err != nil {
		return "", fmt.Errorf("other summaries of article %d: %w", articleID, err)
	}
	defer rows.Close()
	for rows.Next() {
		var text, summary string
		t := newArticleText(&text, &summary)
		if err := rows.Scan(&t.Text, &t.Summary); err != nil {
			return "", fmt.Errorf("other summaries of article %d: %w", articleID, err)
		}
		if err := t.set(); err != nil {
			return "", fmt.Errorf("other summaries of article %d: %w", articleID, err)
		}
		if strings.TrimSpace(summary) != "" {
			return summary, nil
		}
	}
	if err := rows.Err(); err != nil {
		return "", fmt.Errorf("other summaries of article %d: %w", articleID, err)
	}
	return "", nil
}

// AlsoSources returns the names of the other outlets that carried the
// article's story to the chat's forum topic (threadID; 0 = the chat, or
// General) after it was alerted, in the order they came, without the
// article's own outlet and without repeats (by name, in any case). An
// aggregator's item (Google News) counts as the outlet it carries
// (news.Article.Outlet), not as the aggregator. Another topic's alerts of the
// same story are that topic's own.
func (s *Store) AlsoSources(ctx context.Context, chatID int64, threadID int, articleID int64) ([]string, error) {
	rows, err := s.w.QueryContext(ctx, sqlAlsoSources, chatID, threadID, articleID)
	if err != nil {
		return nil, fmt.Errorf("other sources of article %d: %w", articleID, err)
	}
	defer rows.Close()
	var out []string
	seen := map[string]bool{}
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			return nil, fmt.Errorf("other sources of article %d: %w", articleID, err)
		}
		if key := strings.ToLower(name); !seen[key] {
			seen[key] = true
			out = append(out, name)
		}
	}
	return out, rows.Err()
}

// RaiseToReplies makes the chat's pending messages that wait between
// replies and alerts (a priority above news.PriorityReply and below
// news.PriorityAlert: the bot's hints to plain text) replies, so that a
// command's reply queued after them leaves after them, as the chat's
// messages came: a chat's queue goes by priority first (DueMessages), and
// "kursk ukraine" then /subscribe got the subscription's answer before the
// offer to subscribe. It returns how many it raised; it fails when the
// database does.
func (s *Store) RaiseToReplies(ctx context.Context, chatID int64) (int, error) {
	res, err := s.w.ExecContext(ctx, `UPDATE outbox SET priority = ? WHERE status = 'pending' AND chat_id = ? AND priority > ? AND priority < ?`,
		news.PriorityReply, chatID, news.PriorityReply, news.PriorityAlert)
	if err != nil {
		return 0, fmt.Errorf("raise the hints of chat %d to replies: %w", chatID, err)
	}
	n, _ := res.RowsAffected()
	return int(n), nil
}
