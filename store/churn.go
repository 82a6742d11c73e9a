package store

import (
	"context"
	"fmt"
	"strconv"
	"strings"
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
	end := strings.TrimSuffix(churnPrefix, " ") + "!"
	if _, err := s.w.ExecContext(ctx, `DELETE FROM secrets WHERE name >= ?1 AND name < ?2
		AND CAST(substr(name, length(?1) + 1) AS INTEGER) NOT IN (SELECT id FROM sources WHERE origin != 'retired')`, churnPrefix, end); err != nil {
		return nil, fmt.Errorf("delete the churn streaks of sources gone: %w", err)
	}
	rows, err := s.w.QueryContext(ctx, `SELECT name, value FROM secrets WHERE name >= ? AND name < ?`, churnPrefix, end)
	if err != nil {
		return nil, fmt.Errorf("read the churn streaks: %w", err)
	}
	defer rows.Close()
	out := map[int64]int{}
	for rows.Next() {
		var name string
		var v []byte
		if err := rows.Scan(&name, &v); err != nil {
			return nil, fmt.Errorf("read the churn streaks: %w", err)
		}
		id, err1 := strconv.ParseInt(strings.TrimPrefix(name, churnPrefix), 10, 64)
		n, err2 := strconv.Atoi(string(v))
		if err1 == nil && err2 == nil && n > 0 {
			out[id] = n
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read the churn streaks: %w", err)
	}
	return out, nil
}

// SetChurnStreak keeps the source's churn streak; 0 forgets it. It fails
// when the database refuses the write.
func (s *Store) SetChurnStreak(ctx context.Context, sourceID int64, n int) error {
	name := churnPrefix + strconv.FormatInt(sourceID, 10)
	var err error
	if n <= 0 {
		_, err = s.w.ExecContext(ctx, `DELETE FROM secrets WHERE name = ?`, name)
	} else {
		_, err = s.w.ExecContext(ctx, `INSERT INTO secrets (name, value, created_at) VALUES (?, ?, ?)
			ON CONFLICT (name) DO UPDATE SET value = excluded.value`, name, []byte(strconv.Itoa(n)), s.now().Unix())
	}
	if err != nil {
		return fmt.Errorf("keep the churn streak of source %d: %w", sourceID, err)
	}
	return nil
}
