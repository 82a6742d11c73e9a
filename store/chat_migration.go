package store

import (
	"context"
	"fmt"
	"strconv"

	"github.com/newshound/newshound/news"
)

// MigrateChat moves a chat to a new id, as Telegram does when a group becomes
// a supergroup: its subscriptions, settings, alerts and queued messages
// follow it, through the ON UPDATE CASCADE of every table that references
// chats. The chat becomes an active supergroup.
//
// When the new id exists already (the supergroup wrote to the bot before the
// migration was noticed), the two are merged: the new chat's own
// subscriptions (except those the old chat also has), alerts and messages
// join the old chat, the new row is deleted, and the old chat then moves to
// the new id, so the settings the users chose survive. Migrating a chat that
// does not exist fails with ErrNotFound; migrating to the same id does nothing.
// The move is kept (MovedChat) until the supergroup is deleted.
func (s *Store) MigrateChat(ctx context.Context, from, to int64) error {
	if from == to {
		return nil
	}
	err := s.tx(ctx, func(tx *wtx) error {
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM chats WHERE id = ?`, from).Scan(&n); err != nil {
			return err
		}
		if n == 0 {
			return news.ErrNotFound
		}
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM chats WHERE id = ?`, to).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			if err := mergeChatInto(ctx, tx, to, from); err != nil {
				return err
			}
		}
		// Telegram's pause was for the old id, which takes no more messages.
		if _, err := tx.ExecContext(ctx, `DELETE FROM secrets WHERE name = ?`, pausePrefix+strconv.FormatInt(from, 10)); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE chats SET id = ?, type = 'supergroup', active = 1, updated_at = ? WHERE id = ?`, to, s.now().Unix(), from); err != nil {
			return err
		}
		return keepMove(ctx, tx, from, to, s.now().Unix()) // for buttons on the old messages, after a restart too
	})
	if err != nil {
		return fmt.Errorf("migrate chat %d to %d: %w", from, to, err)
	}
	return nil
}

// mergeChatInto moves what chat src holds into chat dst and deletes src.
// Rows dst has already (the same query, the same article) are dropped from src.
func mergeChatInto(ctx context.Context, tx *wtx, src, dst int64) error {
	stmts := []string{
		`UPDATE OR IGNORE subscriptions SET chat_id = ? WHERE chat_id = ?`,
		`UPDATE OR IGNORE alerts SET chat_id = ? WHERE chat_id = ?`,
		`UPDATE outbox SET chat_id = ? WHERE chat_id = ?`,
	}
	for _, q := range stmts {
		if _, err := tx.ExecContext(ctx, q, dst, src); err != nil {
			return err
		}
	}
	_, err := tx.ExecContext(ctx, `DELETE FROM chats WHERE id = ?`, src)
	return err
}
