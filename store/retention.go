package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// Pruned counts what Prune deleted.
type Pruned struct {
	Articles int64 // with their alert records and search index entries
	Messages int64 // sent or dropped outbox rows
	Digests  int64 // digest records
	Seen     int64 // records of feed items seen (seen_items) that left their feed
	Pages    int64 // free pages given back to the file system (Reclaim)
}

// pruneBatch bounds one delete, so that a first prune of a large database
// does not hold the writer for long.
const pruneBatch = 5000

// Prune deletes what is older than before: articles fetched and published
// before it that the pipeline has finished with (an empty pending column;
// one still waiting for its text, story or matching stays whatever its age,
// so that a downtime longer than the window loses no alert), with their
// alerts rows (the FTS index follows by trigger), outbox rows already sent
// or dropped, and digest records but each chat's latest, and the records of
// feed items seen before it that have left their feed (an item the feed
// still carries stays seen, however old). Pending and held messages are
// kept whatever their age. It works in batches and fails on the first
// database error, keeping what it deleted until then. It then rewrites the
// list of terms (RefreshTerms), and having deleted anything, gives the free
// pages back (Reclaim).
func (s *Store) Prune(ctx context.Context, before time.Time) (Pruned, error) {
	var p Pruned
	cut := before.Unix()
	steps := []struct {
		count *int64
		query string
	}{
		{&p.Articles, `DELETE FROM articles WHERE id IN (SELECT id FROM articles WHERE fetched_at < ? AND published_at < ? AND pending = '' LIMIT ?)`},
		{&p.Messages, `DELETE FROM outbox WHERE id IN (SELECT id FROM outbox WHERE status IN ('sent', 'dropped') AND created_at < ? AND ? > 0 LIMIT ?)`},
		// The latest digest of each chat stays: the next one starts where it ended.
		{&p.Digests, `DELETE FROM digests WHERE id IN (SELECT id FROM digests WHERE queued_at < ? AND ? > 0
			AND id NOT IN (SELECT max(id) FROM digests GROUP BY chat_id, kind) LIMIT ?)`},
		// An item missing from its source's latest full fetch has left the
		// feed: one still there was marked at most seenRefresh before it.
		{&p.Seen, `DELETE FROM seen_items WHERE (source_id, key_hash) IN (SELECT i.source_id, i.key_hash FROM seen_items i JOIN sources s ON s.id = i.source_id
			WHERE i.last_seen_at < ? AND i.last_seen_at < s.items_seen_at - ` + seenRefreshSQL + ` AND ? > 0 LIMIT ?)`},
	}
	for _, st := range steps {
		for {
			var n int64
			err := s.tx(ctx, func(tx *sql.Tx) error {
				res, err := tx.ExecContext(ctx, st.query, cut, cut, pruneBatch)
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
			if n < pruneBatch {
				break
			}
		}
	}
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
