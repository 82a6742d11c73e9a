package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/newshound/newshound/news"
)

// PeekChat returns the chat as FindChat does, read through the readers,
// not the one writer connection: it answers while that connection waits on
// a write lock another process holds (SQLITE_BUSY, up to the busy timeout
// at each write), where FindChat would wait behind it. It may miss a write
// made a moment before. It fails with ErrNotFound, or the database's error.
func (s *Store) PeekChat(ctx context.Context, id int64) (news.Chat, error) {
	var c news.Chat
	var created int64
	err := s.r.QueryRowContext(ctx, `SELECT id, type, title, active, paused, timezone, digest_time, created_at FROM chats WHERE id = ?`, id).
		Scan(&c.ID, &c.Type, &c.Title, &c.Active, &c.Paused, &c.Timezone, &c.DigestTime, &created)
	if errors.Is(err, sql.ErrNoRows) {
		return news.Chat{}, fmt.Errorf("chat %d: %w", id, news.ErrNotFound)
	}
	if err != nil {
		return news.Chat{}, fmt.Errorf("peek chat %d: %w", id, err)
	}
	c.CreatedAt = fromUnix(created)
	return c, nil
}
