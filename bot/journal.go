package bot

import (
	"context"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"github.com/newshound/newshound/internal/throttle"
	"github.com/newshound/newshound/news"
)

// JournalMax bounds the outcomes the sender keeps in memory while the
// database refuses writes (disk full, read-only, file removed): about 200
// bytes each, so at most ~1 MB. While it is full the sender starts no new
// delivery, so the bound is JournalMax plus the deliveries in flight
// (SenderOptions.Concurrency) and the replies held (ReplyQueueMax).
const JournalMax = 5000

// ReplyQueueMax bounds the command replies held in memory because the
// database could not queue them (see ReplyQueue).
const ReplyQueueMax = 1000

// journal stands between the sender and its Outbox. An outcome the database
// fails to record (above all: Telegram accepted a message, and MarkSent
// failed) is kept in memory, in order, and recorded when the database takes
// writes again; until then DueMessages never returns a message whose outcome
// is held, so a message Telegram accepted is never sent again. It is
// bounded by JournalMax: once full, DueMessages returns nothing, so nothing
// is sent that could not be recorded.
type journal struct {
	Outbox
	log *slog.Logger
	now func() time.Time

	mu      sync.Mutex
	entries []journalEntry
	held    map[int64]heldOutcome // message ids of entries → their outcome
	replies int                   // reply entries among entries
	failing bool                  // the last write failed
	failLog throttle.Log          // a failing database, logged once a minute (real clock)
	// strikes counts how often the first entry was refused while the
	// database proved it takes writes; probed is when that was last asked
	// (see refusedAlone).
	strikes int
	probed  time.Time
	// newChats are the chats first seen while the database refused writes
	// (see ReplyQueue.EnsureChat), recorded by a held entry once it takes
	// writes again; at most ReplyQueueMax.
	newChats map[int64]newChat
	// direct are the replies the database could not queue, sent from
	// memory (journal_replies.go); at most ReplyQueueMax. Their ids are
	// negative, from lastDirect down, so no outbox row has one.
	direct     []directReply
	lastDirect int64
	// replyHeld is closed, and replaced, when a reply is held in direct.
	replyHeld chan struct{}
}

// newChat is what EnsureChat was asked to record of a chat; queued once an
// entry to record it is held.
type newChat struct {
	typ, title string
	def        news.ChatDefaults
	queued     bool
}

// journalEntry is one outcome, or one reply, waiting to be recorded.
type journalEntry struct {
	ids   []int64
	what  string
	apply func(ctx context.Context) error
	reply bool
}

// heldOutcome is what a held outcome says of a message: sent (with
// Telegram's id) or something else.
type heldOutcome struct {
	sent       bool
	telegramID int
}

func newJournal(o Outbox, log *slog.Logger, now func() time.Time) *journal {
	return &journal{Outbox: o, log: log, now: now, held: map[int64]heldOutcome{}, newChats: map[int64]newChat{}, replyHeld: make(chan struct{})}
}

// write records an outcome now when the database takes it (and nothing is
// held before it), else holds it. It never fails: a held outcome is the
// journal's to record.
func (j *journal) write(ctx context.Context, e journalEntry, out heldOutcome) error {
	j.flush(ctx)
	j.mu.Lock()
	empty := len(j.entries) == 0
	j.mu.Unlock()
	if empty {
		err := e.apply(ctx)
		if err == nil {
			return nil
		}
		j.failed(err)
	}
	j.mu.Lock()
	defer j.mu.Unlock()
	j.entries = append(j.entries, e)
	for _, id := range e.ids {
		j.held[id] = out
	}
	if e.reply {
		j.replies++
	}
	return nil
}

// failed notes a write the database refused, and logs it at most once a
// minute.
func (j *journal) failed(err error) {
	j.mu.Lock()
	j.failing = true
	held := len(j.entries)
	j.mu.Unlock()
	j.failLog.Error(j.log, "the database refuses writes; sent messages are remembered in memory and recorded when it takes writes again, nothing is sent twice",
		"held", held, "limit", JournalMax, "err", err)
}

// flush records the held entries in order, stopping at the first the
// database refuses.
func (j *journal) flush(ctx context.Context) {
	for {
		j.mu.Lock()
		if len(j.entries) == 0 {
			if j.failing {
				j.failing = false
				j.log.Info("the database takes writes again; every held outcome is recorded")
			}
			j.mu.Unlock()
			return
		}
		e := j.entries[0]
		j.mu.Unlock()
		if err := e.apply(ctx); err != nil {
			if ctx.Err() != nil {
				return // given up (a reply came to send): not the database's refusal
			}
			if !j.refusedAlone(ctx, e, err) {
				j.failed(err)
				return
			}
		}
		j.mu.Lock()
		j.strikes = 0
		j.entries = j.entries[1:]
		for _, id := range e.ids {
			delete(j.held, id)
		}
		if e.reply {
			j.replies--
		}
		j.mu.Unlock()
	}
}

// writable is what an Outbox may offer to prove the database takes writes
// (store.Store.CheckWritable: it fails while a write was refused within the
// last minute).
type writable interface {
	CheckWritable(ctx context.Context) error
}

// Poison bounds: an entry the database refuses PoisonStrikes times, each at
// least PoisonProbeGap apart, while it takes other writes is dropped.
const (
	PoisonStrikes  = 3
	PoisonProbeGap = 5 * time.Second
)

// refusedAlone reports whether the first entry, e, is to be dropped: the
// database refused it (err) PoisonStrikes times while proving it takes
// writes, as with a reply to a chat deleted or migrated meanwhile (its
// foreign key fails for ever). Kept, it would hold every later outcome in
// memory until the journal is full and nothing is sent. Without a way to
// prove the database writable, nothing is dropped.
func (j *journal) refusedAlone(ctx context.Context, e journalEntry, err error) bool {
	w, ok := j.Outbox.(writable)
	if !ok {
		return false
	}
	j.mu.Lock()
	now := j.now()
	early := !j.probed.IsZero() && now.Sub(j.probed) < PoisonProbeGap
	if !early {
		j.probed = now
	}
	j.mu.Unlock()
	if early {
		return false
	}
	if w.CheckWritable(ctx) != nil {
		return false
	}
	j.mu.Lock()
	j.strikes++
	drop := j.strikes >= PoisonStrikes
	j.mu.Unlock()
	if drop {
		j.log.Error("dropped a held outcome the database refuses while it takes other writes", "what", e.what, "ids", e.ids, "err", err)
	}
	return drop
}

// untilReply returns ctx, also ended when a reply is held in memory
// (holdReply), and its release: the sender's look at the outbox gives way
// to the reply rather than wait for a database that another process locks.
func (j *journal) untilReply(ctx context.Context) (context.Context, func()) {
	j.mu.Lock()
	held := j.replyHeld
	j.mu.Unlock()
	ctx, cancel := context.WithCancel(ctx)
	go func() {
		select {
		case <-held:
			cancel()
		case <-ctx.Done():
		}
	}()
	return ctx, cancel
}

// Held returns how many outcomes and replies wait to be recorded.
func (j *journal) Held() int {
	j.mu.Lock()
	defer j.mu.Unlock()
	return len(j.entries)
}

// DueMessages records what is held, then returns the due messages whose
// outcome is not held; nothing while the journal is full.
//
// The replies held in memory (journal_replies.go) that are due come first,
// even while the journal is full or the outbox cannot be read: they are
// what tells the operator what is wrong.
//
// While replies held in memory are due, they alone are returned, at once,
// without a write or a read of the database: the one writer connection
// (which the outbox's reads use too) may be waiting out another process's
// write lock. The next look goes on with the outbox.
func (j *journal) DueMessages(ctx context.Context, now time.Time, limit int) ([]news.Message, error) {
	if direct := j.dueDirect(now); len(direct) > 0 {
		return direct, nil
	}
	ctx, done := j.untilReply(ctx)
	defer done()
	j.flush(ctx)
	direct := j.dueDirect(now)
	j.mu.Lock()
	full := len(j.entries)-j.replies >= JournalMax
	j.mu.Unlock()
	if full {
		return direct, nil
	}
	msgs, err := j.Outbox.DueMessages(ctx, now, limit)
	if err != nil {
		if direct := j.dueDirect(now); len(direct) > 0 && ctx.Err() != nil {
			return direct, nil // the read gave way to a reply held meanwhile
		}
		return direct, err
	}
	msgs = append(direct, msgs...)
	j.mu.Lock()
	defer j.mu.Unlock()
	if len(j.held) == 0 {
		return msgs, nil
	}
	kept := msgs[:0]
	for _, m := range msgs {
		if _, ok := j.held[m.ID]; !ok {
			kept = append(kept, m)
		}
	}
	return kept, nil
}

// FindMessage answers for a message whose sending is held as sent, so that
// an edit of it goes out.
func (j *journal) FindMessage(ctx context.Context, id int64) (news.MessageState, error) {
	if id < 0 {
		return news.MessageState{}, fmt.Errorf("message %d, sent from memory: %w", id, news.ErrNotFound)
	}
	st, err := j.Outbox.FindMessage(ctx, id)
	if err != nil {
		return st, err
	}
	j.mu.Lock()
	out, ok := j.held[id]
	j.mu.Unlock()
	if ok && out.sent {
		st.Status, st.TelegramID = news.StatusSent, out.telegramID
	}
	return st, nil
}

func (j *journal) MarkSent(ctx context.Context, id int64, telegramID int) error {
	if id < 0 {
		j.directDone(id, "")
		return nil
	}
	return j.write(ctx, journalEntry{ids: []int64{id}, what: "sent", apply: func(ctx context.Context) error {
		return j.Outbox.MarkSent(ctx, id, telegramID)
	}}, heldOutcome{sent: true, telegramID: telegramID})
}

func (j *journal) MarkBurstSent(ctx context.Context, ids []int64, telegramID int) error {
	ids = j.directOf(ids, "")
	if len(ids) == 0 {
		return nil
	}
	ids = append([]int64(nil), ids...)
	return j.write(ctx, journalEntry{ids: ids, what: "sent", apply: func(ctx context.Context) error {
		return j.Outbox.MarkBurstSent(ctx, ids, telegramID)
	}}, heldOutcome{sent: true, telegramID: telegramID})
}

func (j *journal) MarkRetry(ctx context.Context, id int64, notBefore time.Time, reason string) error {
	if id < 0 {
		j.directLater(id, notBefore, true)
		return nil
	}
	return j.write(ctx, journalEntry{ids: []int64{id}, what: "retry", apply: func(ctx context.Context) error {
		return j.Outbox.MarkRetry(ctx, id, notBefore, reason)
	}}, heldOutcome{})
}

func (j *journal) MarkDropped(ctx context.Context, id int64, reason string) error {
	if id < 0 {
		j.directDone(id, reason)
		return nil
	}
	return j.write(ctx, journalEntry{ids: []int64{id}, what: "dropped", apply: func(ctx context.Context) error {
		return j.Outbox.MarkDropped(ctx, id, reason)
	}}, heldOutcome{})
}

func (j *journal) MarkManyDropped(ctx context.Context, ids []int64, reason string) error {
	ids = j.directOf(ids, reason)
	if len(ids) == 0 {
		return nil
	}
	ids = append([]int64(nil), ids...)
	return j.write(ctx, journalEntry{ids: ids, what: "dropped", apply: func(ctx context.Context) error {
		return j.Outbox.MarkManyDropped(ctx, ids, reason)
	}}, heldOutcome{})
}

func (j *journal) DeferMessage(ctx context.Context, id int64, notBefore time.Time) error {
	if id < 0 {
		j.directLater(id, notBefore, false)
		return nil
	}
	return j.write(ctx, journalEntry{ids: []int64{id}, what: "deferred", apply: func(ctx context.Context) error {
		return j.Outbox.DeferMessage(ctx, id, notBefore)
	}}, heldOutcome{})
}

// flushJournal records what the journal holds as the sender stops, and
// logs what it could not: those messages stay pending and a restart sends
// them again. The replies still held in memory are queued for the restart
// when the database takes them, else logged as lost.
func (s *Sender) flushJournal() {
	s.journal.flush(context.Background())
	if lost := s.journal.queueDirect(context.Background()); lost > 0 {
		s.log.Error("stopping with replies that neither Telegram nor the database took; they are lost", "replies", lost)
	}
	if n := s.journal.Held(); n > 0 {
		s.log.Error("stopping with outcomes the database would not record; their messages may go again after a restart", "held", n)
	}
}
