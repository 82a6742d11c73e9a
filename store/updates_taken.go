package store

import (
	"context"
	"fmt"
	"time"
)

// TakeUpdate records that update id of the bot botID is being handled, at,
// and reports whether it was new: false when it was taken before, in this
// run or an earlier one. It fails when the database does.
func (s *Store) TakeUpdate(ctx context.Context, botID, id int64, at time.Time) (bool, error) {
	res, err := s.w.ExecContext(ctx, `INSERT INTO updates_taken (bot, update_id, at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING`,
		botID, id, unix(at))
	if err != nil {
		return false, fmt.Errorf("record update %d as taken: %w", id, err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return false, fmt.Errorf("record update %d as taken: %w", id, err)
	}
	return n == 1, nil
}

// PruneUpdates forgets the updates taken before before and returns how many;
// it fails when the database does.
func (s *Store) PruneUpdates(ctx context.Context, before time.Time) (int64, error) {
	res, err := s.w.ExecContext(ctx, `DELETE FROM updates_taken WHERE at < ?`, unix(before))
	if err != nil {
		return 0, fmt.Errorf("prune the updates taken: %w", err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return 0, fmt.Errorf("prune the updates taken: %w", err)
	}
	return n, nil
}
