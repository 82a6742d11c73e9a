package store

import (
	"context"
	"fmt"
)

// reclaimStep is how many free pages one incremental vacuum step gives
// back to the file system (4 MB of 4 KB pages), so that the writer is not
// held for long.
const reclaimStep = 1024

// Reclaim gives the database's free pages back to the file system, in steps
// of reclaimStep pages, and returns how many it gave back. It needs
// auto_vacuum=INCREMENTAL, which a database created by this version has and
// an older one gets from Vacuum; on a database without it, it gives nothing
// back and says so by returning 0. Prune calls it after deleting. It fails
// when the database does, keeping what it gave back until then.
func (s *Store) Reclaim(ctx context.Context) (int64, error) {
	var mode int
	if err := s.w.QueryRowContext(ctx, `PRAGMA auto_vacuum`).Scan(&mode); err != nil {
		return 0, fmt.Errorf("reclaim: %w", err)
	}
	if mode != 2 { // 2 = INCREMENTAL
		return 0, nil
	}
	var freed int64
	for {
		var before, after int64
		if err := s.w.QueryRowContext(ctx, `PRAGMA freelist_count`).Scan(&before); err != nil {
			return freed, fmt.Errorf("reclaim: %w", err)
		}
		if before == 0 {
			return freed, nil
		}
		if _, err := s.w.ExecContext(ctx, fmt.Sprintf(`PRAGMA incremental_vacuum(%d)`, reclaimStep)); err != nil {
			return freed, fmt.Errorf("reclaim: %w", err)
		}
		if err := s.w.QueryRowContext(ctx, `PRAGMA freelist_count`).Scan(&after); err != nil {
			return freed, fmt.Errorf("reclaim: %w", err)
		}
		if after >= before {
			return freed, nil
		}
		freed += before - after
	}
}

// Vacuum rewrites the whole database into the least space, and turns on
// auto_vacuum=INCREMENTAL on a database created before it was the default,
// so that from then on Prune gives space back by itself. It is the one-off
// maintenance step after upgrading a large database: it runs while the bot
// runs (readers go on; writers wait for it, for about a second per 100 MB)
// and needs free disk space about the size of the database. It fails when
// the database does.
func (s *Store) Vacuum(ctx context.Context) error {
	if _, err := s.w.ExecContext(ctx, `PRAGMA auto_vacuum = INCREMENTAL`); err != nil {
		return fmt.Errorf("vacuum: %w", err)
	}
	if _, err := s.w.ExecContext(ctx, `VACUUM`); err != nil {
		return fmt.Errorf("vacuum: %w", err)
	}
	return nil
}

// Footprint folds the write-ahead log into the database file and returns the
// file's size in bytes and how many of them are free pages. It fails when
// the database does.
func (s *Store) Footprint(ctx context.Context) (size, free int64, err error) {
	if _, err := s.w.ExecContext(ctx, `PRAGMA wal_checkpoint(TRUNCATE)`); err != nil {
		return 0, 0, fmt.Errorf("footprint: %w", err)
	}
	var pages, freePages, pageSize int64
	for _, p := range []struct {
		name string
		v    *int64
	}{{"page_count", &pages}, {"freelist_count", &freePages}, {"page_size", &pageSize}} {
		if err := s.w.QueryRowContext(ctx, "PRAGMA "+p.name).Scan(p.v); err != nil {
			return 0, 0, fmt.Errorf("footprint: %w", err)
		}
	}
	return pages * pageSize, freePages * pageSize, nil
}
