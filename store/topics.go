package store

import (
	"context"
	"fmt"

	"github.com/newshound/newshound/news"
)

// SetSubscriptionThread makes the forum topic thread (0: the chat, or
// General) the destination of the chat's subscription id. It fails with
// ErrNotFound when the chat has no such subscription.
func (s *Store) SetSubscriptionThread(ctx context.Context, chatID, id int64, thread int) error {
	res, err := s.w.ExecContext(ctx, `UPDATE subscriptions SET thread_id = ? WHERE chat_id = ? AND id = ?`, thread, chatID, id)
	if err != nil {
		return fmt.Errorf("set topic of subscription %d: %w", id, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("subscription %d: %w", id, news.ErrNotFound)
	}
	return nil
}

// MoveThreadToGeneral sends whatever went to the chat's forum topic thread
// to General instead, as when the topic was deleted or closed: its
// subscriptions and its queued messages. It returns how many subscriptions
// moved; it fails when the database does.
func (s *Store) MoveThreadToGeneral(ctx context.Context, chatID int64, thread int) (int, error) {
	res, err := s.w.ExecContext(ctx, `UPDATE subscriptions SET thread_id = 0 WHERE chat_id = ? AND thread_id = ?`, chatID, thread)
	if err != nil {
		return 0, fmt.Errorf("move topic %d of chat %d to General: %w", thread, chatID, err)
	}
	n, _ := res.RowsAffected()
	if _, err := s.w.ExecContext(ctx, `UPDATE outbox SET thread_id = 0 WHERE chat_id = ? AND thread_id = ? AND status = 'pending'`, chatID, thread); err != nil {
		return 0, fmt.Errorf("move topic %d of chat %d to General: %w", thread, chatID, err)
	}
	return int(n), nil
}

// SetChatPreview sets how the chat's alerts show their link preview ("" for
// none, or news.PreviewOn …); the caller validates it. It fails with
// ErrNotFound for an unknown chat.
func (s *Store) SetChatPreview(ctx context.Context, id int64, preview string) error {
	return s.setChatColumn(ctx, id, "preview", preview)
}
