package store

import (
	"context"
	"fmt"
)

// RecordMoved keeps where source id's feed moved for good ("" = it did not
// move, or no longer does); a source removed meanwhile is no failure. It
// fails when the database refuses the write.
func (s *Store) RecordMoved(ctx context.Context, id int64, to string) error {
	if _, err := s.w.ExecContext(ctx, `UPDATE sources SET moved_to = ? WHERE id = ?`, to, id); err != nil {
		return fmt.Errorf("record move of source %d: %w", id, err)
	}
	return nil
}

// FindMoved returns, by source id, where the sources' feeds moved for good,
// as RecordMoved kept it (sources that did not move are absent). It fails
// when the database cannot be read.
func (s *Store) FindMoved(ctx context.Context) (map[int64]string, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT id, moved_to FROM sources WHERE moved_to != ''`)
	if err != nil {
		return nil, fmt.Errorf("find moved sources: %w", err)
	}
	defer rows.Close()
	out := map[int64]string{}
	for rows.Next() {
		var id int64
		var to string
		if err := rows.Scan(&id, &to); err != nil {
			return nil, fmt.Errorf("find moved sources: %w", err)
		}
		out[id] = to
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("find moved sources: %w", err)
	}
	return out, nil
}
