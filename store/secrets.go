package store

import (
	"context"
	"crypto/rand"
	"fmt"
)

// Secret returns the random key stored under name, creating one of size
// bytes the first time, so that it survives restarts (signed callback data
// stays valid). It fails when the database does.
func (s *Store) Secret(ctx context.Context, name string, size int) ([]byte, error) {
	fresh := make([]byte, size)
	if _, err := rand.Read(fresh); err != nil {
		return nil, fmt.Errorf("secret %s: %w", name, err)
	}
	if _, err := s.w.ExecContext(ctx, `INSERT OR IGNORE INTO secrets (name, value, created_at) VALUES (?, ?, ?)`, name, fresh, s.now().Unix()); err != nil {
		return nil, fmt.Errorf("secret %s: %w", name, err)
	}
	var v []byte
	if err := s.w.QueryRowContext(ctx, `SELECT value FROM secrets WHERE name = ?`, name).Scan(&v); err != nil {
		return nil, fmt.Errorf("secret %s: %w", name, err)
	}
	return v, nil
}
