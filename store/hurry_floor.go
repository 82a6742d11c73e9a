package store

import (
	"context"
	"fmt"
	"strconv"
	"time"
)

// A source's hurry floor (the shortest interval the poller may hurry it
// to since its host answered 429 Too Many Requests, see feeds/rolls.go)
// is kept among the per-database values of secrets (no table of its own),
// in seconds, so that a restart does not hurry the source into the host's
// limit again.

// hurryFloorPrefix starts the secrets names of hurry floors; the source id
// follows.
const hurryFloorPrefix = "hurry429 "

// HurryFloors returns the hurry floors kept, by source id, and deletes
// those of sources gone or retired. It fails when the database cannot be
// read or the deletion is refused.
func (s *Store) HurryFloors(ctx context.Context) (map[int64]time.Duration, error) {
	if _, err := s.w.ExecContext(ctx, `DELETE FROM secrets WHERE name >= ?1 AND name < ?2
		AND CAST(substr(name, length(?1) + 1) AS INTEGER) NOT IN (SELECT id FROM sources WHERE origin != 'retired')`, hurryFloorPrefix, keyedEnd(hurryFloorPrefix)); err != nil {
		return nil, fmt.Errorf("delete the hurry floors of sources gone: %w", err)
	}
	kept, _, err := s.keyed(ctx, hurryFloorPrefix)
	if err != nil {
		return nil, fmt.Errorf("read the hurry floors: %w", err)
	}
	out := map[int64]time.Duration{}
	for id, v := range kept {
		if n, err := strconv.ParseInt(string(v), 10, 64); err == nil && n > 0 {
			out[id] = time.Duration(n) * time.Second
		}
	}
	return out, nil
}

// SetHurryFloor keeps the source's hurry floor (whole seconds); 0 forgets
// it. It fails when the database refuses the write.
func (s *Store) SetHurryFloor(ctx context.Context, sourceID int64, d time.Duration) error {
	var err error
	if secs := int64(d / time.Second); secs <= 0 {
		_, err = s.w.ExecContext(ctx, `DELETE FROM secrets WHERE name = ?`, hurryFloorPrefix+strconv.FormatInt(sourceID, 10))
	} else {
		err = s.putKeyed(ctx, hurryFloorPrefix, sourceID, []byte(strconv.FormatInt(secs, 10)))
	}
	if err != nil {
		return fmt.Errorf("keep the hurry floor of source %d: %w", sourceID, err)
	}
	return nil
}
