package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/newshound/newshound/news"
)

// TurnChatDigestOff stops the chat's daily digest and remembers its time,
// for FindChatDigestOff. A chat whose digest is off already keeps the time
// it remembers. It returns the time remembered now ("" for none). It fails
// with ErrNotFound for an unknown chat.
func (s *Store) TurnChatDigestOff(ctx context.Context, id int64) (string, error) {
	var kept string
	err := s.w.QueryRowContext(ctx, `UPDATE chats SET
			digest_time_off = CASE WHEN digest_time <> '' THEN digest_time ELSE digest_time_off END,
			digest_time = '', updated_at = ? WHERE id = ? RETURNING digest_time_off`, s.now().Unix(), id).Scan(&kept)
	if errors.Is(err, sql.ErrNoRows) {
		return "", fmt.Errorf("chat %d: %w", id, news.ErrNotFound)
	}
	if err != nil {
		return "", fmt.Errorf("turn off digest of chat %d: %w", id, err)
	}
	return kept, nil
}

// FindChatDigestOff returns the daily digest time (HH:MM) the chat had when
// it last turned its digest off, "" for none. It fails with ErrNotFound for
// an unknown chat.
func (s *Store) FindChatDigestOff(ctx context.Context, id int64) (string, error) {
	var hhmm string
	err := s.w.QueryRowContext(ctx, `SELECT digest_time_off FROM chats WHERE id = ?`, id).Scan(&hhmm)
	if errors.Is(err, sql.ErrNoRows) {
		return "", fmt.Errorf("chat %d: %w", id, news.ErrNotFound)
	}
	if err != nil {
		return "", fmt.Errorf("find digest time off of chat %d: %w", id, err)
	}
	return hhmm, nil
}

// FindChatLastDigestDate returns the local date (YYYY-MM-DD) of the chat's
// latest daily digest, "" for none, as the scheduler counts it: one daily
// digest per local date. It fails when the database fails.
func (s *Store) FindChatLastDigestDate(ctx context.Context, id int64) (string, error) {
	var date string
	err := s.r.QueryRowContext(ctx, `SELECT COALESCE(max(local_date), '') FROM digests WHERE chat_id = ? AND kind = ? AND due_at <= ?`,
		id, news.DigestScheduled, s.now().Add(FutureMargin).Unix()).Scan(&date)
	if err != nil {
		return "", fmt.Errorf("find last digest of chat %d: %w", id, err)
	}
	return date, nil
}
