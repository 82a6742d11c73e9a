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

// execer is a *sql.DB or a *wtx: enqueue runs alone or inside another write.
type execer interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
}

func (s *Store) enqueue(ctx context.Context, db execer, m news.Message) (int64, error) {
	var doc any // NULL for text messages
	if m.DocumentName != "" {
		doc = m.Document
	}
	res, err := db.ExecContext(ctx, `INSERT INTO outbox (chat_id, kind, priority, text, buttons, silent, message_id, article_id, subscription_id, not_before, created_at, document, document_name, thread_id, reply_to, language)
		VALUES (?, ?, ?, ?, ?, ?, ?, NULLIF(?, 0), NULLIF(?, 0), ?, ?, ?, ?, ?, ?, ?)`,
		m.ChatID, m.Kind, m.Priority, m.Text, m.Buttons, m.Silent, m.EditOf, m.ArticleID, m.SubscriptionID, unix(m.NotBefore), s.now().Unix(), doc, m.DocumentName, m.ThreadID, m.ReplyTo, m.Language)
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
// 0002_delivery.sql). An AlsoOnly alert (a muted subscription's) queues
// only such an edit: without an earlier alert of its story it records
// nothing. It returns how many messages (alerts and edits) it queued.
//
// One bad row never cancels the others: an alert whose chat or article is
// gone meanwhile (/stop, a group migrated, a source removed), or that breaks
// a constraint, is skipped with a log line. Any other database error fails
// the whole call and queues nothing, so that calling it again is safe.
func (s *Store) QueueAlerts(ctx context.Context, alerts []news.Alert) (int, error) {
	// Alerts are queued without a savepoint each (two statements more an
	// alert): an alert found gone wrote nothing to undo. Only a constraint
	// broken part way through an alert's writes needs one; then the batch
	// is queued again, each alert in its savepoint.
	queued, err := s.queueAlerts(ctx, alerts, false)
	if errors.Is(err, errUndo) {
		queued, err = s.queueAlerts(ctx, alerts, true)
	}
	if err != nil {
		return 0, fmt.Errorf("queue alerts: %w", err)
	}
	return queued, nil
}

// errUndo asks QueueAlerts to queue the batch again with savepoints.
var errUndo = errors.New("an alert's writes to undo")

// queueAlerts queues the alerts in one transaction; without savepoints it
// fails with errUndo at the first skippable error but a gone row.
func (s *Store) queueAlerts(ctx context.Context, alerts []news.Alert, savepoints bool) (int, error) {
	queued := 0
	err := s.tx(ctx, func(tx *wtx) error {
		var err error
		queued, err = s.queueAlertsTx(ctx, tx, alerts, savepoints)
		return err
	})
	return queued, err
}

// queueAlertsTx queues the alerts inside tx (see queueAlerts); a failure
// leaves tx to be rolled back.
func (s *Store) queueAlertsTx(ctx context.Context, tx *wtx, alerts []news.Alert, savepoints bool) (int, error) {
	if len(alerts) == 0 {
		return 0, nil
	}
	now := s.now().Unix()
	if !savepoints && len(alerts) >= alertBatchMin {
		return s.queueBatch(ctx, tx, alerts, now)
	}
	q, err := s.alertStatements(ctx, tx)
	if err != nil {
		return 0, err
	}
	queued := 0
	for _, a := range alerts {
		if savepoints {
			if _, err := q.savepoint.ExecContext(ctx); err != nil {
				return 0, err
			}
		}
		n, err := q.queue(ctx, a, now)
		if err != nil {
			switch {
			case !savepoints && skippable(err) && !errors.Is(err, errGone):
				return 0, errUndo
			case savepoints:
				if _, rerr := q.rollback.ExecContext(ctx); rerr != nil {
					return 0, errors.Join(err, rerr)
				}
			}
			if !skippable(err) {
				return 0, fmt.Errorf("chat %d, article %d: %w", a.ChatID, a.ArticleID, err)
			}
			s.log.Warn("alert skipped", "chat", a.ChatID, "article", a.ArticleID, "subscription", a.SubscriptionID, "err", err)
			n = 0
		}
		if savepoints {
			if _, err := q.release.ExecContext(ctx); err != nil {
				return 0, err
			}
		}
		queued += n
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

// The statements of queueing one alert, among hotStatements (statements.go).
const (
	// sqlAlertCheck reads, by primary keys, whether the chat exists, the
	// article's story (NULL: the article is gone), the forum topic the
	// subscription sends to (an article is alerted once per topic) and
	// whether the chat had the article already in that topic.
	sqlAlertCheck = `SELECT (SELECT count(*) FROM chats WHERE id = ?1),
		(SELECT COALESCE(story_id, id) FROM articles WHERE id = ?2),
		COALESCE((SELECT thread_id FROM subscriptions WHERE id = ?3), 0),
		EXISTS (SELECT 1 FROM alerts WHERE chat_id = ?1 AND article_id = ?2
			AND thread_id = COALESCE((SELECT thread_id FROM subscriptions WHERE id = ?3), 0))`
	sqlAlertInsert = `INSERT INTO alerts (chat_id, thread_id, article_id, subscription_id, created_at, story_id, delivery, outbox_id)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`
	sqlAlertOutbox = `INSERT INTO outbox (chat_id, kind, priority, article_id, subscription_id, target_id, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?)`
)

// storyAlert returns the outbox row and delivery of the chat's earliest
// alert of the story in the topic (by time, then article id) other than
// article's, and whether there is one.
func (q alertStatements) storyAlert(ctx context.Context, chatID int64, thread int, story, article int64) (outbox sql.NullInt64, delivery string, found bool, err error) {
	rows, err := q.story.QueryContext(ctx, chatID, thread, story, article)
	if err != nil {
		return outbox, "", false, err
	}
	defer rows.Close()
	var at, id int64
	for rows.Next() {
		var o sql.NullInt64
		var d string
		var t, a int64
		if err := rows.Scan(&o, &d, &t, &a); err != nil {
			return outbox, "", false, err
		}
		if !found || t < at || t == at && a < id {
			outbox, delivery, at, id, found = o, d, t, a, true
		}
	}
	return outbox, delivery, found, rows.Err()
}

// alertStatements are the queueing statements bound to one transaction.
type alertStatements struct {
	savepoint, rollback, release, check, story, named, insert, outbox wstmt
}

func (s *Store) alertStatements(ctx context.Context, tx *wtx) (alertStatements, error) {
	var q alertStatements
	for i, st := range []*wstmt{&q.savepoint, &q.rollback, &q.release, &q.check, &q.story, &q.named, &q.insert, &q.outbox} {
		p, err := s.stmt(ctx, tx, alertQueries[i])
		if err != nil {
			return q, err
		}
		*st = p
	}
	return q, nil
}

// alertQueries are alertStatements' queries, in the order of its fields.
var alertQueries = []string{`SAVEPOINT alert`, `ROLLBACK TO alert`, `RELEASE alert`,
	sqlAlertCheck, sqlStoryAlert, sqlStorySourceNamed, sqlAlertInsert, sqlAlertOutbox}

// queue records one alert and queues its alert or edit; it returns how
// many messages it queued (0 or 1). It reads what it needs first, then
// writes the outbox row and the alert row that names it: four statements
// for an alert, none written for one the chat had.
func (q alertStatements) queue(ctx context.Context, a news.Alert, now int64) (int, error) {
	var chats, thread int
	var story sql.NullInt64
	var had bool
	if err := q.check.QueryRowContext(ctx, a.ChatID, a.ArticleID, a.SubscriptionID).Scan(&chats, &story, &thread, &had); err != nil {
		return 0, err
	}
	switch {
	case chats == 0:
		return 0, fmt.Errorf("chat %d: %w", a.ChatID, errGone)
	case !story.Valid:
		return 0, fmt.Errorf("article %d: %w", a.ArticleID, errGone)
	case had:
		return 0, nil
	}
	// The story's earlier alert for this chat's topic, if it reached or will
	// reach it: one dropped (paused, unreachable, refused) does not count.
	first, delivery, found, err := q.storyAlert(ctx, a.ChatID, thread, story.Int64, a.ArticleID)
	switch {
	case err != nil:
		return 0, err
	case !found && a.AlsoOnly:
		return 0, nil // a muted subscription's: no alert of its own
	case found:
		// A source the message names already (its own, or an "Also:"
		// one: a story re-published under a new address, a second report
		// of one outlet) adds nothing to it: no edit, which Telegram would
		// refuse as "message is not modified" after a call and a turn of
		// the chat's rate.
		var named bool
		if delivery == "alert" && first.Valid {
			if err := q.named.QueryRowContext(ctx, a.ChatID, thread, story.Int64, a.ArticleID, first.Int64).Scan(&named); err != nil {
				return 0, err
			}
		}
		if _, err := q.insert.ExecContext(ctx, a.ChatID, thread, a.ArticleID, a.SubscriptionID, now, story.Int64, "also", nil); err != nil {
			return 0, err
		}
		if delivery != "alert" || !first.Valid || named {
			return 0, nil // held for the digest, or named already: no edit
		}
		_, err := q.outbox.ExecContext(ctx, a.ChatID, news.KindEdit, news.PriorityAlert, a.ArticleID, a.SubscriptionID, first.Int64, now)
		return 1, err
	}
	res, err := q.outbox.ExecContext(ctx, a.ChatID, news.KindAlert, news.PriorityAlert, a.ArticleID, a.SubscriptionID, nil, now)
	if err != nil {
		return 0, err
	}
	id, _ := res.LastInsertId()
	_, err = q.insert.ExecContext(ctx, a.ChatID, thread, a.ArticleID, a.SubscriptionID, now, story.Int64, "alert", id)
	return 1, err
}

// DueMessages returns, for each chat with pending messages, the first one in
// that chat's order (priority, then id) if it is due at now: so a message
// waiting for a retry holds back the rest of its chat and order is kept.
// At most limit messages are returned, replies first, then oldest first.
// A message held beyond now+FutureMargin was held by a clock that stepped
// back since: it is due.
func (s *Store) DueMessages(ctx context.Context, now time.Time, limit int) ([]news.Message, error) {
	var out []news.Message
	err := s.onWriter(ctx, func(ctx context.Context, c *sql.Conn) error {
		rows, err := c.QueryContext(ctx, sqlDueMessages, now.Unix(), now.Add(FutureMargin).Unix(), limit)
		if err != nil {
			return err
		}
		out, err = collect(rows, scanDue)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("due messages: %w", err)
	}
	return out, nil
}

func scanDue(sc scanner) (news.Message, error) {
	var m news.Message
	var nb, created int64
	if err := sc.Scan(&m.ID, &m.ChatID, &m.ChatType, &m.Kind, &m.Priority, &m.Text, &m.Buttons, &m.Silent, &m.ArticleID, &m.SubscriptionID, &m.Attempts, &nb, &created, &m.TargetID, &m.EditOf, &m.DocumentName, &m.Document, &m.ThreadID, &m.ReplyTo, &m.Language); err != nil {
		return m, err
	}
	m.NotBefore, m.CreatedAt = fromUnix(nb), fromUnix(created)
	return m, nil
}

// MarkSent records that Telegram accepted the message, and forgets the
// bytes of its document if it had one.
func (s *Store) MarkSent(ctx context.Context, id int64, telegramID int) error {
	if _, err := s.execWriter(ctx, `UPDATE outbox SET status = 'sent', message_id = ?, sent_at = ?, attempts = attempts + 1, document = NULL WHERE id = ?`,
		telegramID, s.now().Unix(), id); err != nil {
		return fmt.Errorf("mark message %d sent: %w", id, err)
	}
	return nil
}

// MarkRetry counts a failed attempt and holds the message until notBefore.
func (s *Store) MarkRetry(ctx context.Context, id int64, notBefore time.Time, reason string) error {
	if _, err := s.execWriter(ctx, `UPDATE outbox SET attempts = attempts + 1, not_before = ?, last_error = ? WHERE id = ?`,
		unix(notBefore), reason, id); err != nil {
		return fmt.Errorf("mark message %d for retry: %w", id, err)
	}
	return nil
}

// MarkDropped gives up on the message for good, and forgets the bytes of
// its document if it had one.
func (s *Store) MarkDropped(ctx context.Context, id int64, reason string) error {
	if _, err := s.execWriter(ctx, `UPDATE outbox SET status = 'dropped', attempts = attempts + 1, last_error = ?, document = NULL WHERE id = ?`, reason, id); err != nil {
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

// HeldMessages counts the pending messages of the chats whose first pending
// message (the one the sender takes next, as sqlDueMessages orders them) is
// held back past now: deferred to gather a burst of alerts (no attempt yet)
// or waiting to be tried again after a failed send. /status says so, instead
// of leaving "waiting to be sent" unexplained.
func (s *Store) HeldMessages(ctx context.Context, now time.Time) (news.OutboxHold, error) {
	rows, err := s.w.QueryContext(ctx, sqlHeldMessages, now.Unix())
	if err != nil {
		return news.OutboxHold{}, fmt.Errorf("held messages: %w", err)
	}
	defer rows.Close()
	var h news.OutboxHold
	for rows.Next() {
		var retry bool
		var n int
		var until int64
		if err := rows.Scan(&retry, &n, &until); err != nil {
			return news.OutboxHold{}, fmt.Errorf("held messages: %w", err)
		}
		if retry {
			h.Retry, h.RetryUntil = n, fromUnix(until)
		} else {
			h.Burst, h.BurstUntil = n, fromUnix(until)
		}
	}
	if err := rows.Err(); err != nil {
		return news.OutboxHold{}, fmt.Errorf("held messages: %w", err)
	}
	return h, nil
}

// sqlHeldMessages groups the pending messages of the chats whose first
// pending message is held past ?1 by whether that head was tried before.
const sqlHeldMessages = `
		SELECT h.attempts > 0, count(*), min(h.not_before)
		FROM (SELECT o.chat_id, o.attempts, o.not_before
			FROM (SELECT DISTINCT chat_id FROM outbox WHERE status = 'pending') c
			JOIN outbox o ON o.id = (SELECT i.id FROM outbox i WHERE i.status = 'pending' AND i.chat_id = c.chat_id ORDER BY i.priority, i.id LIMIT 1)
			WHERE o.not_before > ?1) h
		JOIN outbox p ON p.chat_id = h.chat_id AND p.status = 'pending'
		GROUP BY 1`

// sqlDueMessages reads each chat's first pending message (outbox_pending).
const sqlDueMessages = `
		SELECT o.id, o.chat_id, ch.type, o.kind, o.priority, o.text, o.buttons, o.silent, COALESCE(o.article_id, 0), COALESCE(o.subscription_id, 0), o.attempts, o.not_before, o.created_at, COALESCE(o.target_id, 0), o.message_id, o.document_name, o.document, o.thread_id, o.reply_to, o.language
		FROM (SELECT DISTINCT chat_id FROM outbox WHERE status = 'pending') c
		JOIN outbox o ON o.id = (SELECT i.id FROM outbox i WHERE i.status = 'pending' AND i.chat_id = c.chat_id ORDER BY i.priority, i.id LIMIT 1)
		JOIN chats ch ON ch.id = o.chat_id
		WHERE o.not_before <= ? OR o.not_before > ?
		ORDER BY o.priority, o.id LIMIT ?`

// sqlStorySourceNamed tells whether an alert of a story names the outlet
// of an article already (?4; by name, an aggregator's item by the outlet it
// carries, as AlsoSources folds them): the
// source of the article the alert's message (outbox row ?5) shows, or of
// one of its "Also:" rows, in the chat's (?1) forum topic (?2).
const sqlStorySourceNamed = `SELECT EXISTS (SELECT 1 FROM alerts al INDEXED BY alerts_story
		JOIN articles a ON a.id = al.article_id JOIN sources s ON s.id = a.source_id
		WHERE al.story_id = ?3 AND al.chat_id = ?1 AND al.thread_id = ?2 AND (al.delivery = 'also' OR al.outbox_id = ?5)
			AND lower(COALESCE(a.outlet, s.name)) = (SELECT lower(COALESCE(a2.outlet, s2.name)) FROM articles a2 JOIN sources s2 ON s2.id = a2.source_id WHERE a2.id = ?4))`

// sqlStoryAlert finds a chat's earlier alerts of a story in a forum topic
// (0: none), the earliest
// first once sorted in Go (storyAlert): an ORDER BY here costs SQLite a
// temporary b-tree per execution, several times the cost of the lookup,
// for the one or two rows it sorts. INDEXED BY keeps it on (chat_id,
// thread_id, story_id): for an ORDER BY the planner preferred alerts_chat_created and
// read every alert of the chat, per alert queued. The outbox row is read
// only for the rows found.
const sqlStoryAlert = `SELECT al.outbox_id, al.delivery, al.created_at, al.article_id FROM alerts al INDEXED BY alerts_story
		WHERE al.chat_id = ? AND al.thread_id = ? AND al.story_id = ? AND al.article_id <> ?
			AND (al.delivery = 'held' OR (al.delivery = 'alert' AND (SELECT o.status FROM outbox o WHERE o.id = al.outbox_id) IN ('pending', 'sent')))`
