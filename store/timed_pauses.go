package store

import (
	"context"
	"fmt"
	"time"

	"github.com/newshound/newshound/news"
)

// stillOn reads a stored pause or mute (on, and its until in Unix seconds,
// 0 = until /resume or /unmute) at now: whether it still holds, and when
// it ends by itself (zero for never, or when it does not hold). A pause
// whose until has passed is no pause: nothing needs to end it, so a
// restart, or a bot that was down at that time, keeps it right.
func stillOn(on bool, until int64, now time.Time) (bool, time.Time) {
	if !on || until <= 0 {
		return on, time.Time{}
	}
	end := time.Unix(until, 0).UTC()
	if !now.Before(end) {
		return false, time.Time{}
	}
	return true, end
}

// PauseChatUntil pauses alerts for the chat until the time given, when
// they come back by themselves (/resume ends the pause sooner). It fails
// with ErrNotFound for an unknown chat, or when the database fails.
func (s *Store) PauseChatUntil(ctx context.Context, id int64, until time.Time) error {
	res, err := s.w.ExecContext(ctx, `UPDATE chats SET paused = 1, paused_until = ?, updated_at = ? WHERE id = ?`, until.Unix(), s.now().Unix(), id)
	if err != nil {
		return fmt.Errorf("pause chat %d until %s: %w", id, until.UTC().Format(time.RFC3339), err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("chat %d: %w", id, news.ErrNotFound)
	}
	return nil
}

// MuteSubscriptionUntil mutes the chat's subscription until the time
// given, when its alerts come back by themselves (/unmute ends the mute
// sooner). It fails with ErrNotFound for a subscription the chat does not
// have, or when the database fails.
func (s *Store) MuteSubscriptionUntil(ctx context.Context, chatID, id int64, until time.Time) error {
	res, err := s.w.ExecContext(ctx, `UPDATE subscriptions SET muted = 1, muted_until = ? WHERE chat_id = ? AND id = ?`, until.Unix(), chatID, id)
	if err != nil {
		return fmt.Errorf("mute subscription %d until %s: %w", id, until.UTC().Format(time.RFC3339), err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("subscription %d of chat %d: %w", id, chatID, news.ErrNotFound)
	}
	return nil
}
