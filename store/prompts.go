package store

import (
	"context"
	"fmt"
	"time"
)

// SavePrompt remembers that the user was asked, in the chat, for the
// argument of command, until then, in the message of outbox row row (a
// newer question replaces an older one). It fails when the database does.
func (s *Store) SavePrompt(ctx context.Context, chatID, userID int64, command string, row int64, until time.Time) error {
	if _, err := s.w.ExecContext(ctx, `INSERT INTO prompts (chat_id, user_id, command, until, row) VALUES (?, ?, ?, ?, ?)
		ON CONFLICT (chat_id, user_id) DO UPDATE SET command = excluded.command, until = excluded.until, row = excluded.row`,
		chatID, userID, command, unix(until), row); err != nil {
		return fmt.Errorf("save the question to user %d of chat %d: %w", userID, chatID, err)
	}
	return nil
}

// DeletePrompt forgets the user's question in the chat (answered, or
// replaced by a command); it fails when the database does.
func (s *Store) DeletePrompt(ctx context.Context, chatID, userID int64) error {
	if _, err := s.w.ExecContext(ctx, `DELETE FROM prompts WHERE chat_id = ? AND user_id = ?`, chatID, userID); err != nil {
		return fmt.Errorf("delete the question to user %d of chat %d: %w", userID, chatID, err)
	}
	return nil
}

// EachPrompt deletes the questions whose time ran out by now, then calls fn
// for each one still open, at most max of them, the latest asked first,
// with its outbox row (0: unknown). It stops at and returns fn's first
// error, and fails when the database does.
func (s *Store) EachPrompt(ctx context.Context, now time.Time, max int, fn func(chatID, userID int64, command string, row int64, until time.Time) error) error {
	if _, err := s.w.ExecContext(ctx, `DELETE FROM prompts WHERE until <= ?`, unix(now)); err != nil {
		return fmt.Errorf("delete the expired questions: %w", err)
	}
	rows, err := s.r.QueryContext(ctx, `SELECT chat_id, user_id, command, until, row FROM prompts ORDER BY until DESC LIMIT ?`, max)
	if err != nil {
		return fmt.Errorf("read the open questions: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var chatID, userID, until, row int64
		var command string
		if err := rows.Scan(&chatID, &userID, &command, &until, &row); err != nil {
			return fmt.Errorf("read the open questions: %w", err)
		}
		if err := fn(chatID, userID, command, row, fromUnix(until)); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("read the open questions: %w", err)
	}
	return nil
}
