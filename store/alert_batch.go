package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/newshound/newshound/news"
)

// A batch of alerts (a fetch queues about three an article) is queued with
// four statements for up to alertChunk alerts instead of four an alert: the
// checks of the chunk's alerts in one read, the earlier alerts of their
// stories in another, then the chunk's outbox rows in one multi-row insert
// and its alert rows in another. Each statement costs its round through
// database/sql, the driver and SQLite's virtual machine, whatever the rows
// it reads or writes; the b-tree look-ups and writes are the same. What the
// one-by-one queueing read from rows the chunk wrote before (a chat that
// had the article already, a story's first alert, the sources an alert
// names, the id of an outbox row an edit targets) is decided in Go from the
// two reads and the chunk's own rows, so that the rows written are those of
// queue (a test compares both on random batches, ids included: the outbox
// rows take, in order, the ids after the largest the check read, which are
// those SQLite gives rows inserted one by one). A constraint broken by a
// write fails the batch with errUndo, as queue's does: the caller then
// queues it one by one, each alert in its savepoint.

// alertBatchMin is the smallest batch queued by queueBatch: one alert
// takes four statements one by one, four in a batch.
const alertBatchMin = 2

// alertChunk is how many alerts, or stories, the reads of a batch take at
// once. Their statements bind alertChunk rows of VALUES, the unused ones
// NULL, so that one prepared statement serves any batch. (A JSON array of
// the rows through json_each, tried first, cost more than the statements it
// saved: SQLite makes each row's array into text and parses it again for
// every field it reads.)
const alertChunk = 16

// The reads of a chunk.
var (
	// sqlAlertBatchCheck is sqlAlertCheck for each (key, chat, article,
	// subscription) of its VALUES, with the article's outlet's name (its
	// Outlet, else its source's; lower case, as sqlStorySourceNamed compares
	// them): the key, whether the
	// chat exists, the article's story (NULL: gone), the subscription's
	// topic, whether the chat had the article in that topic, the source's
	// name, and the largest outbox id (NULL: none), after which the
	// chunk's outbox rows take theirs. The subscription, the article and
	// its source are joined, each read once a row (as subqueries, the
	// article was read twice and the topic's subquery run twice).
	sqlAlertBatchCheck = `WITH v(i, chat, art, sub) AS (VALUES ` + valuesRows(alertChunk, 4) + `)
		SELECT v.i, (SELECT count(*) FROM chats WHERE id = v.chat),
			COALESCE(a.story_id, a.id), COALESCE(sb.thread_id, 0),
			EXISTS (SELECT 1 FROM alerts WHERE article_id = v.art AND chat_id = v.chat AND thread_id = COALESCE(sb.thread_id, 0)),
			lower(COALESCE(a.outlet, s.name)),
			(SELECT max(id) FROM outbox)
		FROM v LEFT JOIN subscriptions sb ON sb.id = v.sub LEFT JOIN articles a ON a.id = v.art LEFT JOIN sources s ON s.id = a.source_id
		WHERE v.i IS NOT NULL`
	// sqlAlertBatchStories reads every alert of each (key, chat, topic,
	// story) of its VALUES (alerts_story, as sqlStoryAlert): the key, the
	// alert's article, time, delivery and outbox row, that row's status and
	// the article's outlet's name (as in sqlAlertBatchCheck).
	sqlAlertBatchStories = `WITH k(i, chat, thread, story) AS (VALUES ` + valuesRows(alertChunk, 4) + `)
		SELECT k.i, al.article_id, al.created_at, al.delivery, al.outbox_id,
			(SELECT o.status FROM outbox o WHERE o.id = al.outbox_id),
			(SELECT lower(COALESCE(a.outlet, s.name)) FROM articles a JOIN sources s ON s.id = a.source_id WHERE a.id = al.article_id)
		FROM k JOIN alerts al INDEXED BY alerts_story ON al.story_id = k.story AND al.chat_id = k.chat AND al.thread_id = k.thread
		WHERE k.i IS NOT NULL`
)

// The writes of a chunk: sqlOutboxRows[n] inserts n outbox rows of
// (id, chat, kind, priority, article, subscription, target, created),
// sqlAlertRows[n] n alert rows of sqlAlertInsert's columns. A statement per
// count (SQL differs by its rows), each prepared once. A statement that
// writes several rows and may fail part way (a foreign key) keeps a
// statement journal, a copy of each page it changes, in memory up to 64 KB
// and in a temporary file beyond: writeRows rows a statement keep it to
// about a dozen pages (a row writes to two or three indexes at random
// places), so that it stays in memory.
var sqlOutboxRows, sqlAlertRows = rowInserts(`INSERT INTO outbox (id, chat_id, kind, priority, article_id, subscription_id, target_id, created_at) VALUES `, outboxCols),
	rowInserts(`INSERT INTO alerts (chat_id, thread_id, article_id, subscription_id, created_at, story_id, delivery, outbox_id) VALUES `, alertCols)

// outboxCols and alertCols are the values of a row of sqlOutboxRows and
// sqlAlertRows.
const outboxCols, alertCols = 8, 8

// writeRows is the most rows one insert of a chunk writes.
const writeRows = 4

// rowInserts returns insert + n rows of VALUES of m placeholders each, by n
// from 1 to writeRows (index 0: "").
func rowInserts(insert string, m int) []string {
	out := make([]string, writeRows+1)
	for n := 1; n <= writeRows; n++ {
		out[n] = insert + valuesRows(n, m)
	}
	return out
}

// batchQueries are among hotStatements.
var batchQueries = append(append([]string{sqlAlertBatchCheck, sqlAlertBatchStories}, sqlOutboxRows[1:]...), sqlAlertRows[1:]...)

// valuesRows returns n rows of m placeholders for VALUES.
func valuesRows(n, m int) string {
	row := "(" + placeholders(m) + ")"
	return strings.TrimSuffix(strings.Repeat(row+",", n), ",")
}

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

// queueBatch queues the alerts inside tx as queue does one by one, with
// two reads per alertChunk alerts; it returns how many messages it queued.
// An alert whose chat or article is gone is skipped with a log line; a
// constraint that a write breaks fails it with errUndo.
func (s *Store) queueBatch(ctx context.Context, tx *wtx, alerts []news.Alert, now int64) (int, error) {
	q := chunkStatements{check: s.batchStmt(ctx, tx, sqlAlertBatchCheck), story: s.batchStmt(ctx, tx, sqlAlertBatchStories),
		s: s, tx: tx}
	queued := 0
	for len(alerts) > 0 {
		chunk := alerts[:min(len(alerts), alertChunk)]
		alerts = alerts[len(chunk):]
		n, err := q.queueChunk(ctx, chunk, now)
		if err != nil {
			if !errors.Is(err, errGone) && skippable(err) {
				return 0, errUndo
			}
			return 0, err
		}
		queued += n
	}
	return queued, nil
}

// chunkStatements are the batch's reads bound to its transaction, and
// what binds its writes.
type chunkStatements struct {
	check, story wstmt
	s            *Store
	tx           *wtx
}

// queueChunk queues up to alertChunk alerts (queueBatch): the two reads,
// the decisions in Go, then the outbox rows and the alert rows written in
// one statement each.
func (q chunkStatements) queueChunk(ctx context.Context, alerts []news.Alert, now int64) (int, error) {
	s := q.s
	checks, lastOutbox, err := checkAlerts(ctx, q.check, alerts)
	if err != nil {
		return 0, err
	}
	if lastOutbox > math.MaxInt64-alertChunk {
		// SQLite would pick ids at random: queued one by one.
		return 0, errUndo
	}
	// The rows to write, in the order queue writes them; an outbox row
	// takes the id SQLite would give it (the largest so far, plus one).
	outbox := make([]any, 0, outboxCols*len(alerts))
	inserts := make([]any, 0, alertCols*len(alerts))
	newOutbox := func(chat int64, kind string, a news.Alert, target any) int64 {
		lastOutbox++
		outbox = append(outbox, lastOutbox, chat, kind, news.PriorityAlert, a.ArticleID, a.SubscriptionID, target, now)
		return lastOutbox
	}
	// The stories of the alerts to decide, and their stored alerts.
	var keys []storyKey
	for i, a := range alerts {
		c := checks[i]
		if c.chats == 0 || !c.story.Valid || c.had {
			continue
		}
		if k := (storyKey{a.ChatID, c.thread, c.story.Int64}); !slices.Contains(keys, k) {
			keys = append(keys, k)
		}
	}
	rows, err := storyRows(ctx, q.story, keys)
	if err != nil {
		return 0, err
	}
	// Alert by alert, as queue decides, with the rows the chunk adds.
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
		sk := storyKey{a.ChatID, c.thread, c.story.Int64}
		story := rows[sk]
		first, found := firstAlert(story, a.ArticleID)
		if !found && a.AlsoOnly {
			continue // a muted subscription's: no alert of its own
		}
		added[ak] = true
		if found {
			named := first.delivery == "alert" && first.outbox.Valid && names(story, first.outbox.Int64, c.source)
			inserts = append(inserts, a.ChatID, c.thread, a.ArticleID, a.SubscriptionID, now, c.story.Int64, "also", nil)
			rows[sk] = append(story, storyAlertRow{article: a.ArticleID, created: now, delivery: "also", source: c.source})
			if first.delivery != "alert" || !first.outbox.Valid || named {
				continue // held for the digest, or named already: no edit
			}
			newOutbox(a.ChatID, news.KindEdit, a, first.outbox.Int64)
			queued++
			continue
		}
		id := newOutbox(a.ChatID, news.KindAlert, a, nil)
		inserts = append(inserts, a.ChatID, c.thread, a.ArticleID, a.SubscriptionID, now, c.story.Int64, "alert", id)
		rows[sk] = append(story, storyAlertRow{article: a.ArticleID, created: now, delivery: "alert", outbox: sql.NullInt64{Int64: id, Valid: true},
			status: sql.NullString{String: "pending", Valid: true}, source: c.source})
		queued++
	}
	if err := q.insertRows(ctx, sqlOutboxRows, outbox, outboxCols); err != nil {
		return 0, err
	}
	if err := q.insertRows(ctx, sqlAlertRows, inserts, alertCols); err != nil {
		return 0, err
	}
	return queued, nil
}

// insertRows writes the rows of args, m values each, in order, writeRows
// at a time, with the statements of inserts (by rows).
func (q chunkStatements) insertRows(ctx context.Context, inserts []string, args []any, m int) error {
	for len(args) > 0 {
		n := min(len(args)/m, writeRows)
		q.s.prepared.inserts.Add(1)
		if _, err := q.s.batchStmt(ctx, q.tx, inserts[n]).ExecContext(ctx, args[:n*m]...); err != nil {
			return err
		}
		args = args[n*m:]
	}
	return nil
}

// batchStmt is stmt for a statement of batchQueries, which cannot fail.
func (s *Store) batchStmt(ctx context.Context, tx *wtx, query string) wstmt {
	st, _ := s.stmt(ctx, tx, query)
	return st
}

// chunkArgs returns the arguments of alertChunk VALUES rows of (key, a, b,
// c), rows[i] giving row i's, the rows after them NULL.
func chunkArgs(n int, row func(i int) (a, b, c int64)) []any {
	args := make([]any, 4*alertChunk)
	for i := range n {
		a, b, c := row(i)
		args[4*i], args[4*i+1], args[4*i+2], args[4*i+3] = int64(i), a, b, c
	}
	return args
}

// checkAlerts reads sqlAlertBatchCheck for up to alertChunk alerts, in
// their order, and the largest outbox id (0: none).
func checkAlerts(ctx context.Context, check wstmt, alerts []news.Alert) ([]alertCheck, int64, error) {
	rs, err := check.QueryContext(ctx, chunkArgs(len(alerts), func(i int) (int64, int64, int64) {
		return alerts[i].ChatID, alerts[i].ArticleID, alerts[i].SubscriptionID
	})...)
	if err != nil {
		return nil, 0, err
	}
	defer rs.Close()
	checks := make([]alertCheck, len(alerts))
	var last sql.NullInt64
	for rs.Next() {
		var i int
		var c alertCheck
		if err := rs.Scan(&i, &c.chats, &c.story, &c.thread, &c.had, &c.source, &last); err != nil {
			return nil, 0, err
		}
		if i < 0 || i >= len(checks) {
			return nil, 0, fmt.Errorf("alert check of key %d for %d alerts", i, len(alerts))
		}
		checks[i] = c
	}
	return checks, last.Int64, rs.Err()
}

// storyRows reads the stored alerts of up to alertChunk stories
// (sqlAlertBatchStories).
func storyRows(ctx context.Context, story wstmt, keys []storyKey) (map[storyKey][]storyAlertRow, error) {
	out := make(map[storyKey][]storyAlertRow, len(keys))
	if len(keys) == 0 {
		return out, nil
	}
	rs, err := story.QueryContext(ctx, chunkArgs(len(keys), func(i int) (int64, int64, int64) {
		return keys[i].chat, int64(keys[i].thread), keys[i].story
	})...)
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
