package bot

import (
	"context"
	"fmt"
	"log/slog"
	"sync"
	"sync/atomic"
	"time"

	"github.com/newshound/newshound/internal/throttle"
	"github.com/newshound/newshound/news"
	"golang.org/x/time/rate"
)

// Transport delivers one message or edits one sent before; Telegram and the
// console are the two.
type Transport interface {
	Send(ctx context.Context, m Outgoing) (messageID int, err error)
	Edit(ctx context.Context, messageID int, m Outgoing) error
}

// SendError is a refusal from Telegram, in the bot's own terms.
type SendError struct {
	Code        int
	Description string
	RetryAfter  time.Duration
	MigrateTo   int64
}

func (e *SendError) Error() string {
	return fmt.Sprintf("telegram %d: %s", e.Code, e.Description)
}

// Outbox is what the sender needs of the queued messages: the chats'
// heads that are due, and what became of each attempt.
type Outbox interface {
	DueMessages(ctx context.Context, now time.Time, limit int) ([]news.Message, error)
	MarkSent(ctx context.Context, id int64, telegramID int) error
	MarkBurstSent(ctx context.Context, ids []int64, telegramID int) error
	MarkRetry(ctx context.Context, id int64, notBefore time.Time, reason string) error
	MarkDropped(ctx context.Context, id int64, reason string) error
	MarkManyDropped(ctx context.Context, ids []int64, reason string) error
	DeferMessage(ctx context.Context, id int64, notBefore time.Time) error
	FindMessage(ctx context.Context, id int64) (news.MessageState, error)
}

// AlertBook is what rendering and pacing alerts read: a chat's waiting
// alerts and bursts, the article, its subscription and the other sources
// that carried its story (and the first of their summaries).
type AlertBook interface {
	PendingAlerts(ctx context.Context, chatID int64, limit int) ([]news.Message, error)
	BundleMembers(ctx context.Context, bundleID int64) ([]news.Message, error)
	CountSentAlerts(ctx context.Context, chatID int64, since time.Time) (int, error)
	HoldChatAlerts(ctx context.Context, chatID int64) (int, error)
	DropChatAlerts(ctx context.Context, chatID int64, reason string) (int, error)
	AlsoSources(ctx context.Context, chatID int64, threadID int, articleID int64) ([]string, error)
	AlsoSummary(ctx context.Context, chatID int64, threadID int, articleID int64) (string, error)
	FindArticle(ctx context.Context, id int64) (news.Article, error)
	FindSubscription(ctx context.Context, chatID, id int64) (news.Subscription, error)
}

// ChatBook is what the sender reads and changes of a chat: its delivery
// settings, whether it still takes messages, and its move to a supergroup.
type ChatBook interface {
	FindChatDelivery(ctx context.Context, id int64) (news.ChatDelivery, error)
	SetChatActive(ctx context.Context, id int64, active bool) error
	MigrateChat(ctx context.Context, from, to int64) error
}

// SenderOptions configures a Sender.
type SenderOptions struct {
	Outbox      Outbox    // required
	Alerts      AlertBook // required when alerts are queued
	Chats       ChatBook  // required
	Transport   Transport
	Rates       Rates
	Concurrency int    // messages waiting for a turn of the global rate at once, each to a different chat; default 8 (8× as many may await Telegram's answers)
	BurstMax    int    // more alerts than this for a chat within a minute go as one message; default 5
	QuietMode   string // store.QuietSilent or store.QuietHold, for chats that chose neither; default silent
	Logger      *slog.Logger
	Now         func() time.Time
	Observer    Observer // nil: nobody listens
	// Reach records since when Telegram's calls fail (reach.go), shared
	// with the start's getMe and read by /status and /healthz; nil: the
	// sender's own.
	Reach *Reach
	// Threads moves what was meant for a gone forum topic to General; nil:
	// only the message at hand goes there.
	Threads ThreadMover
	// Pauses keeps Telegram's 429 pauses across restarts; nil: the
	// Outbox's when it keeps them, else they live in memory only and a
	// restart sends into a wait still running.
	Pauses PauseBook
}

// PauseBook keeps the waits Telegram asked for with a 429 (retry_after),
// for one chat or all sending (chat 0), across restarts.
type PauseBook interface {
	SavePause(ctx context.Context, chatID int64, until time.Time, wait time.Duration) error
	// Pauses returns those still running at now.
	Pauses(ctx context.Context, now time.Time) (map[int64]time.Time, error)
}

// batchSize bounds the chat heads read from the outbox at once.
const batchSize = 500

// Sender drains the outbox: the head message of each chat, when that chat's
// rate and the global rate allow, several chats at once, one message per chat
// in flight, so each chat's order holds. A message is marked sent only after
// the transport accepted it; Telegram's refusals are retried, dropped or
// turned into chat changes as the answer says (answers.go).
type Sender struct {
	opts   SenderOptions
	log    *slog.Logger
	wake   chan struct{} // new messages were queued
	freed  chan struct{} // a chat's delivery ended
	fresh  atomic.Bool   // new messages were queued since the batch in hand was read
	global *rate.Limiter
	wall   wallClock // the global rate's clock: real time
	// started is when the sender was made (real time): every chat's
	// bucket starts empty then (see claim).
	started time.Time
	// journal holds outcomes the database could not record (journal.go);
	// opts.Outbox is it.
	journal *journal
	// readLog lets a failing read of the outbox be logged once a minute, not
	// at every look (five a second).
	readLog *throttle.Log

	mu          sync.Mutex
	changed     chan struct{} // closed and replaced when a delivery ends or a look finds nothing due
	looked      chan struct{} // closed and replaced when a look at the outbox ends with nothing in flight
	chats       map[int64]*chatState
	paused      map[int64]time.Time // the 429 pauses of chats read back at Run's start, for claim to give their state
	globalUntil time.Time           // a global 429 holds all sending until then (injected clock)
	last429     struct {
		chat  int64
		until time.Time
	}
	outage outage      // the run of Telegram's failures since its last success (outage.go)
	shown  shownAlerts // what recent alerts show, so an edit to the same is no call (shown.go)
}

// NewSender returns a Sender; Run starts it.
func NewSender(opts SenderOptions) *Sender {
	if opts.Logger == nil {
		opts.Logger = slog.Default()
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.Concurrency < 1 {
		opts.Concurrency = 8
	}
	if opts.BurstMax < 1 {
		opts.BurstMax = 5
	}
	if opts.QuietMode == "" {
		opts.QuietMode = news.QuietSilent
	}
	if opts.Observer == nil {
		opts.Observer = nopObserver{}
	}
	if opts.Reach == nil {
		opts.Reach = NewReach(opts.Now)
	}
	if opts.Pauses == nil {
		opts.Pauses, _ = opts.Outbox.(PauseBook)
	}
	j := newJournal(opts.Outbox, opts.Logger, opts.Now)
	opts.Outbox = j
	return &Sender{
		journal: j,
		readLog: &throttle.Log{Now: opts.Now},
		opts:    opts,
		log:     opts.Logger,
		wake:    make(chan struct{}, 1),
		freed:   make(chan struct{}, 1),
		global:  opts.Rates.global(),
		wall:    realWall,
		started: time.Now(),
		chats:   map[int64]*chatState{},
		changed: make(chan struct{}),
		looked:  make(chan struct{}),
	}
}

// Changes returns a channel that is closed the next time a delivery ends or
// a look at the outbox finds nothing due: the moment to count what is left,
// for one who waits for the outbox to empty.
func (s *Sender) Changes() <-chan struct{} {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.changed
}

func (s *Sender) signal() {
	s.mu.Lock()
	close(s.changed)
	s.changed = make(chan struct{})
	s.mu.Unlock()
}

// Looked returns a channel that is closed when the next look at the outbox
// ends with no delivery in flight. Two in a row mean that the sender has read
// the outbox as it is now and sent what it chose to: the event a test waits
// on before it checks that something was not sent.
func (s *Sender) Looked() <-chan struct{} {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.looked
}

// Notify wakes the sender to look at the outbox now: a reply queued behind a
// long batch of alerts goes next.
func (s *Sender) Notify() {
	s.fresh.Store(true)
	select {
	case s.wake <- struct{}{}:
	default:
	}
}

// Run sends until ctx is done, then waits for the deliveries in flight:
// none starts a call after ctx is done, and a call already made gets its
// answer recorded (the transport bounds how long it may take), so that a
// restart repeats nothing Telegram accepted.
func (s *Sender) Run(ctx context.Context) error {
	var wg sync.WaitGroup
	defer s.flushJournal()
	defer wg.Wait()
	// sem bounds the deliveries being prepared or waiting for their turn of
	// the global rate; wire bounds those in flight, calls on the wire
	// included. A slow Telegram (answers in seconds) so still gets messages
	// at its rate, while no more than Concurrency wait for a turn: a
	// message's chat token is taken before its turn (claim), and a long
	// queue of turns would let a group's messages leave bunched.
	sem := make(chan struct{}, s.opts.Concurrency)
	wire := make(chan struct{}, s.opts.Concurrency*wireFactor)
	tick := time.NewTicker(200 * time.Millisecond)
	defer tick.Stop()
	swept := time.Now()
	s.loadPauses(ctx)
	for ctx.Err() == nil {
		if time.Since(swept) > time.Minute {
			s.sweep()
			swept = time.Now()
		}
		s.waitGlobalPause(ctx, wire)
		s.fresh.Store(false)
		read := time.Now()
		msgs, err := s.opts.Outbox.DueMessages(ctx, s.opts.Now(), batchSize)
		if err != nil && ctx.Err() == nil {
			s.readLog.Error(s.log, "read outbox", "err", err)
		}
		if err == nil && len(msgs) == 0 {
			s.signal()
		}
		for _, m := range msgs {
			if ctx.Err() != nil || s.fresh.Load() || s.globallyPaused() {
				break // look again: replies may be waiting, or all sending is on hold
			}
			if !s.claim(m, read) {
				continue
			}
			if !acquire(ctx, wire) || !acquire(ctx, sem) {
				s.release(m.ChatID)
				return nil // wg.Wait and flushJournal run, deferred
			}
			wg.Add(1)
			go func() {
				var once sync.Once
				onWire := func() { once.Do(func() { <-sem }) }
				defer func() { onWire(); <-wire; s.release(m.ChatID); wg.Done() }()
				s.deliverSafely(context.WithoutCancel(ctx), ctx, m, onWire)
			}()
		}
		s.settled(len(wire))
		select {
		case <-ctx.Done():
		case <-s.wake:
		case <-s.freed:
		case <-tick.C:
		}
	}
	return nil
}

// claim reports whether m may go now and, if so, takes a token of its
// chat's rate and marks the chat in flight: the chat has nothing in flight,
// has not finished a delivery since the batch was read (m could be sent
// already), is not held by a 429, and its rate allows one more. The global
// token is taken later, just before the call (pace).
func (s *Sender) claim(m news.Message, read time.Time) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	c := s.chats[m.ChatID]
	if c == nil {
		c = &chatState{lim: s.opts.Rates.chat(m.ChatType)}
		// Its bucket was empty at the start: the process before this one
		// (killed, or stopped for a restart a moment ago) may have spent
		// the chat's burst in its last second, and Telegram counts both.
		// A chat's first message after a start so waits one turn of its
		// rate (about 1 s, a group's 3 s); one first met later finds its
		// bucket refilled since.
		c.lim.ReserveN(s.started, c.lim.Burst())
		if until, ok := s.paused[m.ChatID]; ok { // a 429's wait from before a restart
			c.until = until
			delete(s.paused, m.ChatID)
		}
		s.chats[m.ChatID] = c
	}
	if c.inFlight || c.done.After(read) || c.until.After(s.opts.Now()) || !c.lim.Allow() {
		return false
	}
	c.inFlight = true
	return true
}

// pace waits until a message may leave: no global hold and a turn of the
// global rate (one missed during a stall is not taken late: see turn). Taking it here, after the message was read and rendered,
// keeps database hiccups from bunching the messages that reach Telegram. (A
// message may so leave up to Concurrency/rate after its chat's token was
// taken; the limits' headroom and the chat bursts absorb that.) It fails only
// when stop is done.
func (s *Sender) pace(stop context.Context) error {
	s.waitGlobalPause(stop, nil)
	if _, err := turn(stop, s.global, s.wall); err != nil {
		return err
	}
	s.waitGlobalPause(stop, nil) // a 429 may have come while this one waited its turn
	return stop.Err()
}

func (s *Sender) release(chatID int64) {
	s.mu.Lock()
	if c := s.chats[chatID]; c != nil {
		c.inFlight = false
		c.done = time.Now()
	}
	close(s.changed)
	s.changed = make(chan struct{})
	s.mu.Unlock()
	select {
	case s.freed <- struct{}{}:
	default:
	}
}

// sweep forgets idle chats, so that memory follows the chats being served
// rather than every chat ever served.
func (s *Sender) sweep() {
	s.mu.Lock()
	defer s.mu.Unlock()
	now, real := s.opts.Now(), time.Now()
	for id, c := range s.chats {
		if c.idle(now, real) {
			delete(s.chats, id)
		}
	}
}

func (s *Sender) globallyPaused() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.globalUntil.After(s.opts.Now())
}

// waitGlobalPause sleeps while a global 429 holds all sending, in short
// steps so that a test clock moving on is noticed, or until ctx is done.
// Run passes its semaphore of deliveries in flight, deliveries pass nil.
func (s *Sender) waitGlobalPause(ctx context.Context, sem chan struct{}) {
	for ctx.Err() == nil {
		s.mu.Lock()
		left := s.globalUntil.Sub(s.opts.Now())
		s.mu.Unlock()
		if left <= 0 {
			return
		}
		if sem != nil {
			s.settled(len(sem)) // on hold, the sender chooses to send nothing
		}
		sleepCtx(ctx, min(left, 100*time.Millisecond))
	}
}

// settled ends a look at the outbox for those waiting on Looked, when no
// delivery is in flight.
func (s *Sender) settled(inFlight int) {
	if inFlight > 0 {
		return
	}
	s.mu.Lock()
	close(s.looked)
	s.looked = make(chan struct{})
	s.mu.Unlock()
}

// deliverSafely delivers m; a panic while doing so is logged and the message
// retried later, so one bad row cannot stop the bot. ctx outlives Run's, so
// that an outcome is always recorded; stop is Run's, and ends waiting.
func (s *Sender) deliverSafely(ctx, stop context.Context, m news.Message, onWire func()) {
	defer func() {
		if r := recover(); r != nil {
			s.log.Error("delivery panicked; will retry", "message", m.ID, "chat", m.ChatID, "panic", r)
			s.record(s.opts.Outbox.MarkRetry(ctx, m.ID, ceilSecond(s.opts.Now().Add(retryBackoff(m.Attempts+1))), fmt.Sprint("panic: ", r)))
		}
	}()
	s.deliver(ctx, stop, m, onWire)
}

// wireFactor is how many more deliveries may be in flight than wait for a
// turn (Concurrency): calls Telegram is slow to answer.
const wireFactor = 8

// acquire takes a slot of sem, or fails when ctx ends first.
func acquire(ctx context.Context, sem chan struct{}) bool {
	select {
	case sem <- struct{}{}:
		return true
	case <-ctx.Done():
		return false
	}
}

func (s *Sender) record(err error) {
	if err != nil {
		s.log.Error("record delivery", "err", err)
	}
}

// maxRetryWait is the longest a message is held in the outbox for a retry.
// It stays under the store's FutureMargin (5 minutes) with room for the
// rounding up to a whole second: a hold past now+FutureMargin reads as one
// written before the clock stepped back, due at once, and a message that
// failed nine times was retried round after round without a pause (a
// 5-minute hold rounded up was a second past the margin).
const maxRetryWait = 4 * time.Minute

// retryBackoff is 2^attempts seconds, at most maxRetryWait.
func retryBackoff(attempts int) time.Duration {
	d := time.Second
	for i := 0; i < attempts && d < maxRetryWait; i++ {
		d *= 2
	}
	return min(d, maxRetryWait)
}
