package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"

	"github.com/newshound/newshound/news"
)

// A group that became a supergroup keeps, among the per-database values of
// secrets (no table of its own), the id it moved to under "moved " and its
// old id, so that a button pressed after a restart on a message sent
// before the move, which Telegram reports from the old id, reaches the
// supergroup. MigrateChat writes it; DeleteChat of the supergroup prunes it.
const movedPrefix = "moved "

// keepMove records, in MigrateChat's transaction, that from moved to to,
// and points the moves that ended at from (a chain of moves) at to.
func keepMove(ctx context.Context, tx *wtx, from, to int64, now int64) error {
	target := []byte(strconv.FormatInt(to, 10))
	if _, err := tx.ExecContext(ctx, `UPDATE secrets SET value = ? WHERE name >= ? AND name < ? AND value = ?`,
		target, movedPrefix, keyedEnd(movedPrefix), []byte(strconv.FormatInt(from, 10))); err != nil {
		return err
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO secrets (name, value, created_at) VALUES (?, ?, ?)
		ON CONFLICT (name) DO UPDATE SET value = excluded.value, created_at = excluded.created_at`,
		movedPrefix+strconv.FormatInt(from, 10), target, now)
	return err
}

// dropMoves deletes, in DeleteChat's transaction, the moves that end at id.
func dropMoves(ctx context.Context, tx *wtx, id int64) error {
	_, err := tx.ExecContext(ctx, `DELETE FROM secrets WHERE name >= ? AND name < ? AND value = ?`,
		movedPrefix, keyedEnd(movedPrefix), []byte(strconv.FormatInt(id, 10)))
	return err
}

// MovedChat returns the id the group from became as a supergroup. It fails
// with news.ErrNotFound when MigrateChat never moved it (or the
// supergroup was deleted since), and when the database cannot be read.
func (s *Store) MovedChat(ctx context.Context, from int64) (int64, error) {
	var v []byte
	err := s.w.QueryRowContext(ctx, `SELECT value FROM secrets WHERE name = ?`, movedPrefix+strconv.FormatInt(from, 10)).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, fmt.Errorf("moved chat %d: %w", from, news.ErrNotFound)
	}
	if err != nil {
		return 0, fmt.Errorf("moved chat %d: %w", from, err)
	}
	to, err := strconv.ParseInt(string(v), 10, 64)
	if err != nil {
		return 0, fmt.Errorf("moved chat %d: %q is no chat id: %w", from, v, news.ErrNotFound)
	}
	return to, nil
}
