package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// Quiet-hours modes: what happens to an alert that comes due in quiet hours.
const (
	QuietSilent = "silent" // sent without a notification
	QuietHold   = "hold"   // not sent; the digest lists it
)

// ChatDelivery is what the sender needs to know of a chat to deliver an alert.
type ChatDelivery struct {
	ID         int64
	Type       string
	Active     bool
	Paused     bool
	Timezone   string
	QuietStart string // HH:MM in Timezone; "" = no quiet hours
	QuietEnd   string
	QuietMode  string // QuietSilent, QuietHold, or "" for the configured default
}

// FindChatDelivery returns the chat's delivery settings, or ErrNotFound.
func (s *Store) FindChatDelivery(ctx context.Context, id int64) (ChatDelivery, error) {
	var c ChatDelivery
	err := s.w.QueryRowContext(ctx, `SELECT id, type, active, paused, timezone, quiet_start, quiet_end, quiet_mode FROM chats WHERE id = ?`, id).
		Scan(&c.ID, &c.Type, &c.Active, &c.Paused, &c.Timezone, &c.QuietStart, &c.QuietEnd, &c.QuietMode)
	if errors.Is(err, sql.ErrNoRows) {
		return ChatDelivery{}, fmt.Errorf("chat %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return ChatDelivery{}, fmt.Errorf("find chat %d: %w", id, err)
	}
	return c, nil
}

// SetChatQuiet sets the chat's quiet hours (start and end "HH:MM", both ""
// for none) and mode (QuietSilent, QuietHold or "" for the default). The
// caller validates the values. It fails with ErrNotFound for an unknown chat.
func (s *Store) SetChatQuiet(ctx context.Context, id int64, start, end, mode string) error {
	res, err := s.w.ExecContext(ctx, `UPDATE chats SET quiet_start = ?, quiet_end = ?, quiet_mode = ?, updated_at = ? WHERE id = ?`,
		start, end, mode, s.now().Unix(), id)
	if err != nil {
		return fmt.Errorf("set quiet hours of chat %d: %w", id, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("chat %d: %w", id, ErrNotFound)
	}
	return nil
}
