package bot

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/newshound/newshound/news"
)

// directReply is a command's reply that the database could not queue, sent
// from memory: enqueue queues it after all if the sender stops before
// Telegram took it.
type directReply struct {
	m       news.Message
	enqueue func(context.Context, news.Message) (int64, error)
}

// holdReply keeps m, a reply the database could not queue (err), in memory
// for the sender to send now, as it sends the outbox's rows (the same rates,
// retries and answers to Telegram's refusals), without a row: /status has to
// reach an operator whose disk is full. It reports false when ReplyQueueMax
// replies are held already. Alerts and digests are not held so: they stay
// outbox rows, durable (DESIGN.md); a reply is about the moment it answers.
func (j *journal) holdReply(m news.Message, enqueue func(context.Context, news.Message) (int64, error), err error) bool {
	// Logged, not counted as a held outcome: nothing waits to be recorded,
	// so the next flush must not announce that the database takes writes.
	j.failLog.Error(j.log, "the database refuses writes; replies to commands go from memory, not stored", "err", err)
	j.mu.Lock()
	defer j.mu.Unlock()
	if len(j.direct) >= ReplyQueueMax {
		return false
	}
	j.lastDirect--
	m.ID, m.Attempts, m.NotBefore, m.CreatedAt = j.lastDirect, 0, time.Time{}, j.now()
	j.direct = append(j.direct, directReply{m: m, enqueue: enqueue})
	close(j.replyHeld)
	j.replyHeld = make(chan struct{})
	return true
}

// dueDirect returns the replies held in memory that are due at now, the
// first of each chat only (a chat's replies go in order).
func (j *journal) dueDirect(now time.Time) []news.Message {
	j.mu.Lock()
	defer j.mu.Unlock()
	var due []news.Message
	seen := map[int64]bool{}
	for _, d := range j.direct {
		if seen[d.m.ChatID] {
			continue
		}
		seen[d.m.ChatID] = true
		if !d.m.NotBefore.After(now) {
			due = append(due, d.m)
		}
	}
	return due
}

// directDone forgets the reply id: Telegram took it, or it was dropped for
// reason (logged).
func (j *journal) directDone(id int64, reason string) {
	j.mu.Lock()
	defer j.mu.Unlock()
	for i, d := range j.direct {
		if d.m.ID == id {
			if reason != "" {
				j.log.Warn("reply sent from memory dropped", "chat", d.m.ChatID, "reason", reason)
			}
			j.direct = append(j.direct[:i:i], j.direct[i+1:]...)
			return
		}
	}
}

// directLater holds the reply id until notBefore, counting an attempt when
// retry is set.
func (j *journal) directLater(id int64, notBefore time.Time, retry bool) {
	j.mu.Lock()
	defer j.mu.Unlock()
	for i := range j.direct {
		if j.direct[i].m.ID == id {
			j.direct[i].m.NotBefore = notBefore
			if retry {
				j.direct[i].m.Attempts++
			}
			return
		}
	}
}

// directOf finishes the replies held in memory among ids (sent, or dropped
// for reason) and returns the other ids, a copy.
func (j *journal) directOf(ids []int64, reason string) []int64 {
	var rows []int64
	for _, id := range ids {
		if id < 0 {
			j.directDone(id, reason)
		} else {
			rows = append(rows, id)
		}
	}
	return rows
}

// queueDirect queues the replies still held in memory as the sender stops,
// so that a restart sends them; it returns how many it could not.
func (j *journal) queueDirect(ctx context.Context) int {
	j.mu.Lock()
	left := j.direct
	j.direct = nil
	j.mu.Unlock()
	lost := 0
	for _, d := range left {
		m := d.m
		m.ID, m.NotBefore = 0, time.Time{}
		if _, err := d.enqueue(ctx, m); err != nil {
			lost++
		}
	}
	return lost
}

// ReplyWriteWait bounds how long ReplyQueue waits for the database to take
// a reply (or a chat) before it sends the reply from memory: with another
// process holding the database's write lock (SQLITE_BUSY), every write
// waits the store's busy timeout (10 s) in turn on its one writer
// connection, behind the poller's, and /status came only once the lock was
// gone.
const ReplyWriteWait = 2 * time.Second

// Within runs fn and waits at most d for it: SQLite's wait for another
// process's write lock (its busy timeout) does not end with ctx, so a write
// that must not hold up a reply runs on, abandoned, and its result is
// dropped. Only for writes whose late success is harmless (an upsert, a
// probe). It fails with fn's error, or context.DeadlineExceeded after d.
func Within(ctx context.Context, d time.Duration, fn func(context.Context) error) error {
	ctx, cancel := context.WithTimeout(ctx, d)
	defer cancel() // after fn returned, or once d is over (fn's ctx is done then anyway)
	done := make(chan error, 1)
	go func() { done <- fn(ctx) }()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
		select { // fn may have returned as the time ran out: its answer wins
		case err := <-done:
			return err
		default:
		}
		return fmt.Errorf("waited %s: %w", d, ctx.Err())
	}
}

// ReplyQueue is the router's store with replies that the database cannot
// queue (disk full, read-only, locked by another process: within
// ReplyWriteWait) sent from memory by the sender instead of dropped (see journal.holdReply); and a chat that
// cannot be updated (EnsureChat) read as it is. Beyond ReplyQueueMax held
// replies, Enqueue fails as the store did.
type ReplyQueue struct {
	RouterStore
	Sender *Sender
}

// EnsureChat ensures the chat; when the database refuses the write, a known
// chat is read instead so that its commands are still answered, and a chat
// it does not know yet is answered as new: it is recorded when the database
// takes writes again (see Enqueue). It fails as the store did when
// ReplyQueueMax such chats wait already.
func (q ReplyQueue) EnsureChat(ctx context.Context, id int64, typ, title string, def news.ChatDefaults) (news.Chat, error) {
	var c news.Chat
	err := Within(ctx, ReplyWriteWait, func(ctx context.Context) error {
		var err error
		c, err = q.RouterStore.EnsureChat(ctx, id, typ, title, def)
		return err
	})
	if err == nil {
		return c, nil
	}
	if known, ferr := q.findChat(ctx, id); ferr == nil {
		return known, nil
	} else if !errors.Is(ferr, news.ErrNotFound) || ctx.Err() != nil {
		return c, err
	}
	j := q.Sender.journal
	j.mu.Lock()
	defer j.mu.Unlock()
	if _, ok := j.newChats[id]; !ok && len(j.newChats) >= ReplyQueueMax {
		return c, err
	}
	j.newChats[id] = newChat{typ: typ, title: title, def: def}
	return news.Chat{ID: id, Type: typ, Title: title, Active: true, Timezone: def.Timezone, DigestTime: def.DigestTime, CreatedAt: j.now()}, nil
}

// CheckWritable is the store's check that the database takes writes, or
// nil when the store has none.
func (q ReplyQueue) CheckWritable(ctx context.Context) error {
	if w, ok := q.RouterStore.(writableChecker); ok {
		return w.CheckWritable(ctx)
	}
	return nil
}

// Enqueue queues m, or, when the database refuses, has the sender send it
// from memory; it fails only when ReplyQueueMax replies are held so.
func (q ReplyQueue) Enqueue(ctx context.Context, m news.Message) (int64, error) {
	wctx, cancel := context.WithTimeout(ctx, ReplyWriteWait)
	id, err := q.enqueue(wctx, m)
	cancel()
	if err == nil || ctx.Err() != nil {
		return id, err
	}
	if m.ChatType == "" {
		m.ChatType = q.chatType(ctx, m.ChatID)
	}
	q.recordLater(m.ChatID)
	if q.Sender.journal.holdReply(m, q.enqueue, err) {
		q.Sender.Notify()
		return 0, nil
	}
	return 0, fmt.Errorf("%w (and %d replies are held in memory already)", err, ReplyQueueMax)
}

// chatPeeker is what a store may offer to read a chat without waiting on
// its writer connection (store.Store.PeekChat).
type chatPeeker interface {
	PeekChat(ctx context.Context, id int64) (news.Chat, error)
}

// findChat reads the chat while the database refuses writes: through the
// store's readers when it has them, as its writer may be waiting out
// another process's lock.
func (q ReplyQueue) findChat(ctx context.Context, id int64) (news.Chat, error) {
	if p, ok := q.RouterStore.(chatPeeker); ok {
		return p.PeekChat(ctx, id)
	}
	return q.RouterStore.FindChat(ctx, id)
}

// chatType is the chat's type for its rate: as recorded, or as EnsureChat
// was told of a new one; "" (a private chat's rate) when unknown.
func (q ReplyQueue) chatType(ctx context.Context, id int64) string {
	j := q.Sender.journal
	j.mu.Lock()
	nc, isNew := j.newChats[id]
	j.mu.Unlock()
	if isNew {
		return nc.typ
	}
	if c, err := q.findChat(ctx, id); err == nil {
		return c.Type
	}
	return ""
}

// recordLater holds an entry that records chat id, first seen while the
// database refused writes, once it takes writes again; nothing when the
// chat is not new or its entry is held already.
func (q ReplyQueue) recordLater(id int64) {
	j := q.Sender.journal
	j.mu.Lock()
	defer j.mu.Unlock()
	nc, isNew := j.newChats[id]
	if !isNew || nc.queued {
		return
	}
	nc.queued = true
	j.newChats[id] = nc
	j.entries = append(j.entries, journalEntry{what: "new chat", reply: true, apply: func(ctx context.Context) error {
		_, err := q.ensureNew(ctx, id)
		return err
	}})
	j.replies++
}

// ensureNew records chat id when it was first seen while the database
// refused writes; it reports whether it did.
func (q ReplyQueue) ensureNew(ctx context.Context, id int64) (bool, error) {
	j := q.Sender.journal
	j.mu.Lock()
	nc, isNew := j.newChats[id]
	j.mu.Unlock()
	if !isNew {
		return false, nil
	}
	if _, err := q.RouterStore.EnsureChat(ctx, id, nc.typ, nc.title, nc.def); err != nil {
		return false, err
	}
	j.mu.Lock()
	delete(j.newChats, id)
	j.mu.Unlock()
	return true, nil
}

// enqueue queues m, recording its chat first when the chat was first seen
// while the database refused writes.
func (q ReplyQueue) enqueue(ctx context.Context, m news.Message) (int64, error) {
	if _, err := q.ensureNew(ctx, m.ChatID); err != nil {
		return 0, err
	}
	return q.RouterStore.Enqueue(ctx, m)
}
