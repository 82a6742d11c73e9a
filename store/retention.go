package store

import (
	"context"
	"fmt"
	"time"
)

// Pruned counts what Prune deleted.
type Pruned struct {
	Articles   int64 // with their alert records and search index entries
	Unfinished int64 // of Articles, those the pipeline had not finished (sqlPruneUnfinished)
	Messages   int64 // sent or dropped outbox rows
	Digests    int64 // digest records
	Seen       int64 // records of feed items seen (seen_items) that left their feed
	Pages      int64 // free pages given back to the file system (Reclaim)
}

// pruneBatch bounds one delete, so that a first prune of a large database
// does not hold the writer for long.
const pruneBatch = 5000

// Prune deletes what is older than before: articles fetched and published
// before it that the pipeline has finished with (an empty pending column),
// and those it has not finished that it could no longer usefully alert
// (sqlPruneUnfinished: not alertable, of a retired source, or fetched
// before before less unfinishedGrace; one still waiting for its text, story
// or matching stays otherwise, so that a downtime up to the window plus the
// grace loses no alert), with their alerts rows (the FTS index follows by
// trigger; an article a pending message shows stays, sqlQueuedArticles),
// outbox rows already sent or dropped, and digest records but
// each chat's latest, and the records of feed items seen before it that
// have left their feed (an item the feed still carries stays seen, however
// old). Pending and held messages are kept whatever their age. It logs the
// unfinished articles it pruned, and those it keeps that have waited more
// than heldBackLong (noteHeldBack). It works in batches and fails on the
// first database error, keeping what it deleted until then. It then
// rewrites the list of terms (RefreshTerms), and having deleted anything,
// gives the free pages back (Reclaim).
func (s *Store) Prune(ctx context.Context, before time.Time) (Pruned, error) {
	var p Pruned
	cut := before.Unix()
	steps := []struct {
		count *int64
		query string
		args  []any
	}{
		{&p.Articles, `DELETE FROM articles WHERE id IN (SELECT id FROM articles WHERE fetched_at < ? AND published_at < ? AND pending = ''
			AND id NOT IN (` + sqlQueuedArticles + `) LIMIT ?)`, []any{cut, cut}},
		{&p.Unfinished, `DELETE FROM articles WHERE id IN (` + sqlPruneUnfinished + `)`, []any{cut, cut, before.Add(-unfinishedGrace).Unix()}},
		{&p.Messages, `DELETE FROM outbox WHERE id IN (SELECT id FROM outbox WHERE status IN ('sent', 'dropped') AND created_at < ? AND ? > 0 LIMIT ?)`, []any{cut, cut}},
		// The latest digest of each chat stays: the next one starts where it ended.
		{&p.Digests, `DELETE FROM digests WHERE id IN (SELECT id FROM digests WHERE queued_at < ? AND ? > 0
			AND id NOT IN (SELECT max(id) FROM digests GROUP BY chat_id, kind) LIMIT ?)`, []any{cut, cut}},
		// An item missing from its source's latest full fetch has left the
		// feed: one still there was marked at most seenRefresh before it.
		{&p.Seen, `DELETE FROM seen_items WHERE (source_id, key_hash) IN (SELECT i.source_id, i.key_hash FROM seen_items i JOIN sources s ON s.id = i.source_id
			WHERE i.last_seen_at < ? AND i.last_seen_at < s.items_seen_at - ` + seenRefreshSQL + ` AND ? > 0 LIMIT ?)`, []any{cut, cut}},
	}
	for _, st := range steps {
		args := append(st.args, pruneBatch)
		for {
			var n int64
			err := s.tx(ctx, func(tx *wtx) error {
				res, err := tx.ExecContext(ctx, st.query, args...)
				if err != nil {
					return err
				}
				n, err = res.RowsAffected()
				return err
			})
			if err != nil {
				return p, fmt.Errorf("prune before %s: %w", before.Format(time.DateOnly), err)
			}
			*st.count += n
			if st.count == &p.Unfinished {
				p.Articles += n
			}
			if n < pruneBatch {
				break
			}
		}
	}
	if p.Unfinished > 0 {
		s.log.Warn("unfinished articles pruned: older than retention and never to be alerted (not alertable, their source removed from the configuration, or waiting a week past retention: a step kept failing on them, or a downtime that long)",
			"articles", p.Unfinished)
	}
	s.noteHeldBack(ctx)
	// The terms of the pruned articles leave the list of terms, and the
	// counts of the others are brought up to date (those of a new store
	// are 0 until then).
	if _, err := s.RefreshTerms(ctx); err != nil {
		return p, fmt.Errorf("prune before %s: %w", before.Format(time.DateOnly), err)
	}
	if p.Articles+p.Messages+p.Digests+p.Seen > 0 {
		n, err := s.Reclaim(ctx)
		p.Pages = n
		if err != nil {
			return p, fmt.Errorf("prune before %s: %w", before.Format(time.DateOnly), err)
		}
	}
	return p, nil
}

// unfinishedGrace is how long past the retention window an alertable
// article of a live source that the pipeline has not finished stays: a
// downtime up to the window plus the grace loses none of its alerts, and
// one the pipeline keeps failing on (or left by a longer downtime, news of
// more than the window plus a week by then) does not stay for ever.
const unfinishedGrace = 7 * 24 * time.Hour

// sqlPruneUnfinished selects (?1 and ?2 the cut, ?3 the cut less
// unfinishedGrace, ?4 the batch) the articles fetched and published before
// the cut that the pipeline has not finished and could not usefully alert:
// not alertable (the pipeline would only index it for search, which the
// window ends anyway), of a retired source (removed from the
// configuration: its alerts are not wanted any more), or fetched before ?3.
// Deleting one that a finish in progress has read is safe: its alerts are
// skipped as gone (QueueAlerts) and its move to done changes no row. It
// reads the partial index articles_pending, which holds the unfinished
// articles only (INDEXED BY: else the planner takes articles_fetched, the
// range of every article fetched before the cut).
const sqlPruneUnfinished = `SELECT a.id FROM articles a INDEXED BY articles_pending JOIN sources s ON s.id = a.source_id
		WHERE a.pending <> '' AND a.fetched_at < ?1 AND a.published_at < ?2 AND (a.alertable = 0 OR s.origin = 'retired' OR a.fetched_at < ?3)
			AND a.id NOT IN (` + sqlQueuedArticles + `) LIMIT ?4`

// sqlQueuedArticles selects the articles of the outbox's pending messages.
// An alert is rendered from its article when it is sent, so pruning the
// article of a queued alert drops the alert ("article or subscription
// gone"): after a downtime longer than retention, the start's finish queued
// the alerts of articles kept for them (unfinishedGrace) and the start's
// prune, running beside it, deleted them as finished and old before they
// went. They stay until their messages are sent or dropped; the next day's
// prune takes them. Pending messages are few (the partial index
// outbox_pending), read once per statement.
const sqlQueuedArticles = `SELECT article_id FROM outbox WHERE status = 'pending' AND article_id IS NOT NULL`

// heldBackLong is how long an article waits unfinished before a prune says
// so: the pipeline finishes every article at the next poll or start, so a
// day means a downtime or a step that keeps failing on it.
const heldBackLong = 24 * time.Hour

// sqlHeldBack counts the unfinished articles fetched before ? and returns
// the oldest fetch time, from the partial index articles_pending (see
// sqlPruneUnfinished).
const sqlHeldBack = `SELECT count(*), coalesce(min(fetched_at), 0) FROM articles INDEXED BY articles_pending WHERE pending <> '' AND fetched_at < ?`

// noteHeldBack logs a warning when articles have waited unfinished for more
// than heldBackLong: their alerts are held back. A failed count is logged
// and otherwise ignored, the prune itself having succeeded.
func (s *Store) noteHeldBack(ctx context.Context) {
	var n, oldest int64
	if err := s.r.QueryRowContext(ctx, sqlHeldBack, s.now().Add(-heldBackLong).Unix()).Scan(&n, &oldest); err != nil {
		if ctx.Err() == nil {
			s.log.Error("count the articles waiting unfinished", "err", err)
		}
		return
	}
	if n > 0 {
		s.log.Warn("articles have waited more than a day for their text, story or matching, and their alerts with them: after a downtime they are finished now; else a step keeps failing on them (see the errors logged by the poller); those never finished are pruned unalerted a week past retention",
			"articles", n, "oldest_fetched", fromUnix(oldest).UTC().Format(time.RFC3339))
	}
}
