package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// SwapBot records the bot that runs on this database, its Telegram user id
// and username, and returns the one recorded before it: 0 and "" the first
// time. It is kept among the per-database values of secrets (no table of
// its own). It fails when the database does.
func (s *Store) SwapBot(ctx context.Context, id int64, name string) (prevID int64, prevName string, err error) {
	var v []byte
	err = s.w.QueryRowContext(ctx, `SELECT value FROM secrets WHERE name = 'bot'`).Scan(&v)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return 0, "", fmt.Errorf("read the bot recorded: %w", err)
	}
	if err == nil {
		idText, nameText, _ := strings.Cut(string(v), " ")
		prevID, _ = strconv.ParseInt(idText, 10, 64)
		prevName = nameText
	}
	if prevID == id && prevName == name {
		return prevID, prevName, nil
	}
	if _, err := s.w.ExecContext(ctx, `INSERT INTO secrets (name, value, created_at) VALUES ('bot', ?, ?)
		ON CONFLICT (name) DO UPDATE SET value = excluded.value, created_at = excluded.created_at`,
		[]byte(strconv.FormatInt(id, 10)+" "+name), s.now().Unix()); err != nil {
		return prevID, prevName, fmt.Errorf("record the bot: %w", err)
	}
	return prevID, prevName, nil
}
