package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/newshound/newshound/news"
)

// CreateShare stores a shared query under token until expires; it fails
// when the database does (a token taken already among them).
func (s *Store) CreateShare(ctx context.Context, token, query string, expires time.Time) error {
	// Expired shares go as new ones come: the table holds only live links.
	if _, err := s.w.ExecContext(ctx, `DELETE FROM shares WHERE expires_at < ?`, s.now().Unix()); err != nil {
		return fmt.Errorf("create share: %w", err)
	}
	if _, err := s.w.ExecContext(ctx, `INSERT INTO shares (token, query, created_at, expires_at) VALUES (?, ?, ?, ?)`,
		token, query, s.now().Unix(), expires.Unix()); err != nil {
		return fmt.Errorf("create share: %w", err)
	}
	return nil
}

// FindShare returns the query shared under token and when it expires, or
// ErrNotFound when there is no such share.
func (s *Store) FindShare(ctx context.Context, token string) (query string, expires time.Time, err error) {
	var exp int64
	err = s.r.QueryRowContext(ctx, `SELECT query, expires_at FROM shares WHERE token = ?`, token).Scan(&query, &exp)
	if errors.Is(err, sql.ErrNoRows) {
		return "", time.Time{}, fmt.Errorf("share: %w", news.ErrNotFound)
	}
	if err != nil {
		return "", time.Time{}, fmt.Errorf("find share: %w", err)
	}
	return query, time.Unix(exp, 0).UTC(), nil
}
