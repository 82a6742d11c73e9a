package store

import (
	"context"

	"github.com/newshound/newshound/news"
)

// PeekChat returns the chat as FindChat does, read through the readers,
// not the one writer connection: it answers while that connection waits on
// a write lock another process holds (SQLITE_BUSY, up to the busy timeout
// at each write), where FindChat would wait behind it. It may miss a write
// made a moment before. It fails with ErrNotFound, or the database's error.
func (s *Store) PeekChat(ctx context.Context, id int64) (news.Chat, error) {
	return findChat(ctx, s.r, id, "peek", s.now())
}
