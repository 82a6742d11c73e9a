package bot

import (
	"context"
	"errors"
	"sync"

	"github.com/newshound/newshound/news"
)

// movedChatsMax bounds the migrations movedChats remembers (16 bytes each);
// when full, one at random goes and its old buttons answer as stale.
const movedChatsMax = 10000

// movedChats remembers, in memory, the groups this process saw become
// supergroups (old id → new id), so that a button pressed on a message sent
// before the move, which Telegram still reports from the old id, acts on
// the new chat. The store keeps them too (ChatMigrator.MovedChat), for a
// press after a restart.
type movedChats struct {
	mu sync.Mutex
	to map[int64]int64
}

func (m *movedChats) put(from, to int64) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.to == nil {
		m.to = map[int64]int64{}
	}
	if _, ok := m.to[from]; !ok && len(m.to) >= movedChatsMax {
		for k := range m.to {
			delete(m.to, k)
			break
		}
	}
	m.to[from] = to
}

// get returns the id the chat moved to, following a chain of moves.
func (m *movedChats) get(from int64) (int64, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	to, ok := m.to[from]
	for i := 0; ok && i < 4; i++ {
		next, more := m.to[to]
		if !more {
			break
		}
		to = next
	}
	return to, ok
}

// movedTo returns the id chat from moved to as a supergroup: this
// process's memory first, else the store's record, which survives a
// restart. ok is false when it never moved, or the store cannot say (the
// failure is logged; the press then answers as stale).
func (r *Router) movedTo(ctx context.Context, from int64) (int64, bool) {
	if to, ok := r.moved.get(from); ok {
		return to, true
	}
	if r.opts.Migrator == nil {
		return 0, false
	}
	to, err := r.opts.Migrator.MovedChat(ctx, from)
	if err != nil {
		if !errors.Is(err, news.ErrNotFound) {
			r.log.Error("find where a group moved", "chat", from, "err", err)
		}
		return 0, false
	}
	r.moved.put(from, to)
	return to, true
}
