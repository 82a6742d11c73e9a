package store

import (
	"context"
	"fmt"
	"time"
)

// FutureMargin is how far ahead of the clock a stored time may lie. No
// message waits longer than this by design (a retry waits at most 4 minutes,
// a burst gathers for one), so a time further ahead was written by a clock
// that has since stepped back, or on another machine: it is clamped to now
// plus FutureMargin when the store opens, and treated as due when read, so
// that no chat or digest waits for the size of the step.
const FutureMargin = 5 * time.Minute

// clampFuture pulls the stored times that lie beyond now+FutureMargin back:
// the outbox's not_before to now+FutureMargin, its created_at to now, and
// the end of every digest's window (where the next digest starts) to now.
// It logs what it changed and fails when the database does.
func (s *Store) clampFuture(ctx context.Context) error {
	now := s.now()
	limit := now.Add(FutureMargin).Unix()
	var counts [3]int64
	err := s.tx(ctx, func(tx *wtx) error {
		for i, q := range []struct {
			sql  string
			args []any
		}{
			{`UPDATE outbox SET not_before = ? WHERE status = 'pending' AND not_before > ?`, []any{limit, limit}},
			{`UPDATE outbox SET created_at = ? WHERE status = 'pending' AND created_at > ?`, []any{now.Unix(), limit}},
			{`UPDATE digests SET until = ? WHERE until > ?`, []any{now.Unix(), limit}},
		} {
			res, err := tx.ExecContext(ctx, q.sql, q.args...)
			if err != nil {
				return err
			}
			counts[i], _ = res.RowsAffected()
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("clamp stored times to the clock: %w", err)
	}
	if counts[0]+counts[1]+counts[2] > 0 {
		s.log.Warn(fmt.Sprintf("stored times lay in the future (the clock stepped back, or the database came from another machine): "+
			"waiting messages now wait until now plus %v at most; their creation times and the digests' windows are set to now", FutureMargin),
			"messages_waiting", counts[0], "messages_created", counts[1], "digests", counts[2], "now", now.UTC().Format(time.RFC3339))
	}
	return nil
}
