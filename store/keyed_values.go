package store

import (
	"context"
	"strconv"
	"strings"
)

// Values kept per chat or per source among the per-database values of
// secrets (no table of their own): each under a name of a prefix ("pause ",
// "churn ") and the id.

// keyedEnd is the first name after every name that starts with prefix,
// which ends in a space: the names prefix+id sort between them.
func keyedEnd(prefix string) string { return strings.TrimSuffix(prefix, " ") + "!" }

// putKeyed keeps value under prefix and id, replacing what was there. It
// fails when the database refuses the write.
func (s *Store) putKeyed(ctx context.Context, prefix string, id int64, value []byte) error {
	_, err := s.w.ExecContext(ctx, `INSERT INTO secrets (name, value, created_at) VALUES (?, ?, ?)
		ON CONFLICT (name) DO UPDATE SET value = excluded.value, created_at = excluded.created_at`,
		prefix+strconv.FormatInt(id, 10), value, s.now().Unix())
	return err
}

// keyed returns the values kept under prefix, by id, and the names whose id
// does not read as one (for the caller to delete). It fails when the
// database cannot be read.
func (s *Store) keyed(ctx context.Context, prefix string) (map[int64][]byte, []string, error) {
	rows, err := s.w.QueryContext(ctx, `SELECT name, value FROM secrets WHERE name >= ? AND name < ?`, prefix, keyedEnd(prefix))
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close()
	out := map[int64][]byte{}
	var bad []string
	for rows.Next() {
		var name string
		var v []byte
		if err := rows.Scan(&name, &v); err != nil {
			return nil, nil, err
		}
		if id, err := strconv.ParseInt(strings.TrimPrefix(name, prefix), 10, 64); err == nil {
			out[id] = v
		} else {
			bad = append(bad, name)
		}
	}
	return out, bad, rows.Err()
}
