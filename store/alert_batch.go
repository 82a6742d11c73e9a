package store

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"

	"github.com/newshound/newshound/news"
)

// A batch of alerts (a fetch queues about three an article) is queued in
// five statements instead of four an alert: the checks of every alert in
// one read, the earlier alerts of their stories in a second, and the new
// outbox rows and alert rows each in one insert. Each statement costs its
// round through database/sql, the driver and SQLite's virtual machine,
// whatever the rows it reads; the b-tree look-ups are the same. What the
// one-by-one queueing read from rows the batch wrote before (a chat that
// had the article already, a story's first alert, the sources an alert
// names) is decided in Go from the two reads and the batch's own rows, so
// that the rows written are those of queue, alert by alert (a test
// compares both on random batches). A constraint broken by a write fails
// the batch with errUndo: the caller then queues it one by one, each alert
// in its savepoint.

// alertBatchMin is the smallest batch queued by queueBatch: one alert
// takes four statements one by one, five in a batch.
const alertBatchMin = 2

// The statements of a batch; each reads or writes a JSON array of the
// batch's rows (json_each), so that one prepared statement serves any
// number of alerts.
const (
	// sqlAlertBatchCheck is sqlAlertCheck for each [chat, article,
	// subscription] of ?1, with the article's source's name (lower case,
	// as sqlStorySourceNamed compares them): the key, whether the chat
	// exists, the article's story (NULL: gone), the subscription's topic,
	// whether the chat had the article in that topic, the source's name.
	sqlAlertBatchCheck = `WITH v AS (SELECT key AS i, value->>0 AS chat, value->>1 AS art,
			COALESCE((SELECT thread_id FROM subscriptions WHERE id = value->>2), 0) AS thread FROM json_each(?1))
		SELECT v.i, (SELECT count(*) FROM chats WHERE id = v.chat),
			(SELECT COALESCE(story_id, id) FROM articles WHERE id = v.art), v.thread,
			EXISTS (SELECT 1 FROM alerts WHERE article_id = v.art AND chat_id = v.chat AND thread_id = v.thread),
			(SELECT lower(s.name) FROM articles a JOIN sources s ON s.id = a.source_id WHERE a.id = v.art)
		FROM v`
	// sqlAlertBatchStories reads every alert of each [chat, topic, story]
	// of ?1 (alerts_story, as sqlStoryAlert): the key, the alert's article,
	// time, delivery and outbox row, that row's status and the article's
	// source's name (lower case).
	sqlAlertBatchStories = `WITH k AS (SELECT key AS i, value->>0 AS chat, value->>1 AS thread, value->>2 AS story FROM json_each(?1))
		SELECT k.i, al.article_id, al.created_at, al.delivery, al.outbox_id,
			(SELECT o.status FROM outbox o WHERE o.id = al.outbox_id),
			(SELECT lower(s.name) FROM articles a JOIN sources s ON s.id = a.source_id WHERE a.id = al.article_id)
		FROM k JOIN alerts al INDEXED BY alerts_story ON al.story_id = k.story AND al.chat_id = k.chat AND al.thread_id = k.thread`
	// sqlOutboxLastID is the id before the one SQLite gives the next
	// outbox row (the largest: outbox has no AUTOINCREMENT).
	sqlOutboxLastID = `SELECT COALESCE(max(id), 0) FROM outbox`
	// sqlAlertBatchOutbox inserts the outbox rows [id, chat, kind,
	// priority, article, subscription, target, created] of ?1.
	sqlAlertBatchOutbox = `INSERT INTO outbox (id, chat_id, kind, priority, article_id, subscription_id, target_id, created_at)
		SELECT value->>0, value->>1, value->>2, value->>3, value->>4, value->>5, value->>6, value->>7 FROM json_each(?1)`
	// sqlAlertBatchInsert inserts the alert rows [chat, topic, article,
	// subscription, created, story, delivery, outbox row] of ?1.
	sqlAlertBatchInsert = `INSERT INTO alerts (chat_id, thread_id, article_id, subscription_id, created_at, story_id, delivery, outbox_id)
		SELECT value->>0, value->>1, value->>2, value->>3, value->>4, value->>5, value->>6, value->>7 FROM json_each(?1)`
)

// batchQueries are prepared at Open (hotStatements).
var batchQueries = []string{sqlAlertBatchCheck, sqlAlertBatchStories, sqlOutboxLastID, sqlAlertBatchOutbox, sqlAlertBatchInsert}

// alertCheck is what sqlAlertBatchCheck read of one alert.
type alertCheck struct {
	chats  int
	story  sql.NullInt64
	thread int
	had    bool
	source sql.NullString
}

// storyKey is a chat's forum topic's part of a story; alertKey an alert's
// key.
type (
	storyKey struct {
		chat   int64
		thread int
		story  int64
	}
	alertKey struct {
		chat    int64
		thread  int
		article int64
	}
)

// storyAlertRow is one alert of a story in a chat's topic, stored or queued by
// the batch.
type storyAlertRow struct {
	article, created int64
	delivery         string
	outbox           sql.NullInt64
	status           sql.NullString // the outbox row's
	source           sql.NullString // the article's source's name, lower case
}

// counts says whether the row is a story's alert that reached or will reach
// its chat (sqlStoryAlert's condition).
func (r storyAlertRow) counts() bool {
	return r.delivery == "held" || r.delivery == "alert" && r.status.Valid && (r.status.String == "pending" || r.status.String == "sent")
}

// queueBatch queues the alerts inside tx as queue does one by one, in five
// statements; it returns how many messages it queued. An alert whose chat
// or article is gone is skipped with a log line; a constraint that a write
// breaks fails it with errUndo.
func (s *Store) queueBatch(ctx context.Context, tx *sql.Tx, alerts []news.Alert, now int64) (int, error) {
	checks, err := s.checkAlerts(ctx, tx, alerts)
	if err != nil {
		return 0, err
	}
	// The stories of the alerts to decide, and their stored alerts.
	keys := map[storyKey]int{}
	var order []storyKey
	for i, a := range alerts {
		c := checks[i]
		if c.chats == 0 || !c.story.Valid || c.had {
			continue
		}
		k := storyKey{a.ChatID, c.thread, c.story.Int64}
		if _, ok := keys[k]; !ok {
			keys[k] = len(order)
			order = append(order, k)
		}
	}
	rows, err := s.storyRows(ctx, tx, order)
	if err != nil {
		return 0, err
	}
	var last int64
	if err := s.batchStmt(ctx, tx, sqlOutboxLastID).QueryRowContext(ctx).Scan(&last); err != nil {
		return 0, err
	}
	// Alert by alert, as queue decides, with the rows the batch adds.
	var outbox, inserts []byte
	added := map[alertKey]bool{}
	queued := 0
	for i, a := range alerts {
		c := checks[i]
		switch {
		case c.chats == 0:
			s.log.Warn("alert skipped", "chat", a.ChatID, "article", a.ArticleID, "subscription", a.SubscriptionID, "err", fmt.Errorf("chat %d: %w", a.ChatID, errGone))
			continue
		case !c.story.Valid:
			s.log.Warn("alert skipped", "chat", a.ChatID, "article", a.ArticleID, "subscription", a.SubscriptionID, "err", fmt.Errorf("article %d: %w", a.ArticleID, errGone))
			continue
		}
		ak := alertKey{a.ChatID, c.thread, a.ArticleID}
		if c.had || added[ak] {
			continue
		}
		added[ak] = true
		sk := storyKey{a.ChatID, c.thread, c.story.Int64}
		story := rows[sk]
		if first, found := firstAlert(story, a.ArticleID); found {
			inserts = appendAlertRow(inserts, a, c, now, "also", sql.NullInt64{})
			rows[sk] = append(story, storyAlertRow{article: a.ArticleID, created: now, delivery: "also", source: c.source})
			if first.delivery != "alert" || !first.outbox.Valid || names(story, first.outbox.Int64, c.source) {
				continue // held for the digest, or named already: no edit
			}
			last++
			outbox = appendOutboxRow(outbox, last, a, news.KindEdit, first.outbox, now)
			queued++
			continue
		}
		last++
		id := sql.NullInt64{Int64: last, Valid: true}
		outbox = appendOutboxRow(outbox, last, a, news.KindAlert, sql.NullInt64{}, now)
		inserts = appendAlertRow(inserts, a, c, now, "alert", id)
		rows[sk] = append(story, storyAlertRow{article: a.ArticleID, created: now, delivery: "alert", outbox: id,
			status: sql.NullString{String: "pending", Valid: true}, source: c.source})
		queued++
	}
	for _, w := range []struct {
		query string
		rows  []byte
	}{{sqlAlertBatchOutbox, outbox}, {sqlAlertBatchInsert, inserts}} {
		if w.rows == nil {
			continue
		}
		if _, err := s.batchStmt(ctx, tx, w.query).ExecContext(ctx, string(append(w.rows, ']'))); err != nil {
			if skippable(err) {
				return 0, errUndo
			}
			return 0, err
		}
	}
	return queued, nil
}

// batchStmt is stmt for a statement prepared at Open, which cannot fail.
func (s *Store) batchStmt(ctx context.Context, tx *sql.Tx, query string) *sql.Stmt {
	s.prepared.mu.Lock()
	st := s.prepared.m[query]
	s.prepared.mu.Unlock()
	return tx.StmtContext(ctx, st)
}

// checkAlerts reads sqlAlertBatchCheck for the alerts, in their order.
func (s *Store) checkAlerts(ctx context.Context, tx *sql.Tx, alerts []news.Alert) ([]alertCheck, error) {
	arg := make([]byte, 0, 40*len(alerts))
	for i, a := range alerts {
		arg = appendInts(arg, i == 0, a.ChatID, a.ArticleID, a.SubscriptionID)
	}
	rs, err := s.batchStmt(ctx, tx, sqlAlertBatchCheck).QueryContext(ctx, string(append(arg, ']')))
	if err != nil {
		return nil, err
	}
	defer rs.Close()
	checks := make([]alertCheck, len(alerts))
	for rs.Next() {
		var i int
		var c alertCheck
		if err := rs.Scan(&i, &c.chats, &c.story, &c.thread, &c.had, &c.source); err != nil {
			return nil, err
		}
		if i < 0 || i >= len(checks) {
			return nil, fmt.Errorf("alert check of key %d for %d alerts", i, len(alerts))
		}
		checks[i] = c
	}
	return checks, rs.Err()
}

// storyRows reads the stored alerts of the stories (sqlAlertBatchStories).
func (s *Store) storyRows(ctx context.Context, tx *sql.Tx, keys []storyKey) (map[storyKey][]storyAlertRow, error) {
	out := make(map[storyKey][]storyAlertRow, len(keys))
	if len(keys) == 0 {
		return out, nil
	}
	arg := make([]byte, 0, 40*len(keys))
	for i, k := range keys {
		arg = appendInts(arg, i == 0, k.chat, int64(k.thread), k.story)
	}
	rs, err := s.batchStmt(ctx, tx, sqlAlertBatchStories).QueryContext(ctx, string(append(arg, ']')))
	if err != nil {
		return nil, err
	}
	defer rs.Close()
	for rs.Next() {
		var i int
		var r storyAlertRow
		if err := rs.Scan(&i, &r.article, &r.created, &r.delivery, &r.outbox, &r.status, &r.source); err != nil {
			return nil, err
		}
		if i < 0 || i >= len(keys) {
			return nil, fmt.Errorf("story alerts of key %d for %d stories", i, len(keys))
		}
		out[keys[i]] = append(out[keys[i]], r)
	}
	return out, rs.Err()
}

// firstAlert is storyAlert on the rows: the earliest (by time, then article
// id) that counts, other than article's.
func firstAlert(rows []storyAlertRow, article int64) (storyAlertRow, bool) {
	var first storyAlertRow
	found := false
	for _, r := range rows {
		if r.article == article || !r.counts() {
			continue
		}
		if !found || r.created < first.created || r.created == first.created && r.article < first.article {
			first, found = r, true
		}
	}
	return first, found
}

// names is sqlStorySourceNamed on the rows: whether the message of outbox
// row first, or an "Also:" row, names source.
func names(rows []storyAlertRow, first int64, source sql.NullString) bool {
	if !source.Valid {
		return false
	}
	for _, r := range rows {
		if (r.delivery == "also" || r.outbox.Valid && r.outbox.Int64 == first) && r.source.Valid && r.source.String == source.String {
			return true
		}
	}
	return false
}

// appendInts appends [v...] to a JSON array being written (first: its
// first element).
func appendInts(b []byte, first bool, vs ...int64) []byte {
	if first {
		b = append(b, '[')
	} else {
		b = append(b, ',')
	}
	for i, v := range vs {
		if i == 0 {
			b = append(b, '[')
		} else {
			b = append(b, ',')
		}
		b = strconv.AppendInt(b, v, 10)
	}
	return append(b, ']')
}

// appendOutboxRow appends an sqlAlertBatchOutbox row, at alert priority.
func appendOutboxRow(b []byte, id int64, a news.Alert, kind string, target sql.NullInt64, now int64) []byte {
	b = appendInts(b, b == nil, id, a.ChatID)
	b = append(b[:len(b)-1], `,"`...)
	b = append(b, kind...) // a constant without quotes or escapes
	b = append(b, `",`...)
	b = strconv.AppendInt(b, news.PriorityAlert, 10)
	b = append(b, ',')
	b = strconv.AppendInt(b, a.ArticleID, 10)
	b = append(b, ',')
	b = strconv.AppendInt(b, a.SubscriptionID, 10)
	b = append(b, ',')
	b = appendNullInt(b, target)
	b = append(b, ',')
	b = strconv.AppendInt(b, now, 10)
	return append(b, ']')
}

// appendAlertRow appends an sqlAlertBatchInsert row.
func appendAlertRow(b []byte, a news.Alert, c alertCheck, now int64, delivery string, outbox sql.NullInt64) []byte {
	b = appendInts(b, b == nil, a.ChatID, int64(c.thread), a.ArticleID, a.SubscriptionID, now, c.story.Int64)
	b = append(b[:len(b)-1], `,"`...)
	b = append(b, delivery...) // a constant without quotes or escapes
	b = append(b, `",`...)
	b = appendNullInt(b, outbox)
	return append(b, ']')
}

func appendNullInt(b []byte, v sql.NullInt64) []byte {
	if !v.Valid {
		return append(b, "null"...)
	}
	return strconv.AppendInt(b, v.Int64, 10)
}
