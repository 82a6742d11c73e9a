package store

import (
	"context"
	"fmt"
	"strconv"
)

// A source's churn streak (the poller's fetches in a row that found every
// item of its feed new, see feeds/churn.go) is kept among the per-database
// values of secrets (no table of its own) while it runs, so that a restart
// neither forgets a runaway feed nor warns of it again.

// churnPrefix starts the secrets names of churn streaks; the source id
// follows.
const churnPrefix = "churn "

// ChurnStreaks returns the churn streaks kept, by source id, and deletes
// those of sources gone or retired (DeleteSource deletes a source's own;
// these were left by a version before it did, or by a retirement: a
// retired source is not fetched, so no streak runs). It fails when the
// database cannot be read or the deletion is refused.
func (s *Store) ChurnStreaks(ctx context.Context) (map[int64]int, error) {
	if _, err := s.w.ExecContext(ctx, `DELETE FROM secrets WHERE name >= ?1 AND name < ?2
		AND CAST(substr(name, length(?1) + 1) AS INTEGER) NOT IN (SELECT id FROM sources WHERE origin != 'retired')`, churnPrefix, keyedEnd(churnPrefix)); err != nil {
		return nil, fmt.Errorf("delete the churn streaks of sources gone: %w", err)
	}
	kept, _, err := s.keyed(ctx, churnPrefix)
	if err != nil {
		return nil, fmt.Errorf("read the churn streaks: %w", err)
	}
	out := map[int64]int{}
	for id, v := range kept {
		if n, err := strconv.Atoi(string(v)); err == nil && n > 0 {
			out[id] = n
		}
	}
	return out, nil
}

// SetChurnStreak keeps the source's churn streak; 0 forgets it. It fails
// when the database refuses the write.
func (s *Store) SetChurnStreak(ctx context.Context, sourceID int64, n int) error {
	var err error
	if n <= 0 {
		_, err = s.w.ExecContext(ctx, `DELETE FROM secrets WHERE name = ?`, churnPrefix+strconv.FormatInt(sourceID, 10))
	} else {
		err = s.putKeyed(ctx, churnPrefix, sourceID, []byte(strconv.Itoa(n)))
	}
	if err != nil {
		return fmt.Errorf("keep the churn streak of source %d: %w", sourceID, err)
	}
	return nil
}
