package digest

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"sync/atomic"
	"time"

	"github.com/newshound/newshound/internal/throttle"
	"github.com/newshound/newshound/locale"
	"github.com/newshound/newshound/localtime"
	"github.com/newshound/newshound/news"
	"github.com/robfig/cron/v3"
)

// Store is what the scheduler needs of the database.
type Store interface {
	ListDigestChats(ctx context.Context) ([]news.DigestChat, error)
	FindChat(ctx context.Context, id int64) (news.Chat, error)
	QueueDigest(ctx context.Context, d news.Digest, build func(news.DigestContent) ([]string, error)) (news.Digest, error)
	HasDigest(ctx context.Context, chatID int64) (bool, error)
	ListDigestsQueuedAfter(ctx context.Context, t time.Time) ([]news.Digest, error)
	RedateDigest(ctx context.Context, id int64, localDate string, dueAt, until time.Time) error
}

// Options configures a Scheduler.
type Options struct {
	Store     Store
	MaxItems  int           // stories shown per digest
	CatchUp   time.Duration // how late a digest missed while down may still go out
	SendEmpty bool          // send a digest on a day without stories
	Notify    func()        // wakes the sender after digests are queued
	Logger    *slog.Logger
	Now       func() time.Time
	Languages Languages // the chat's language for headings and lines; nil: English
}

// Languages tells the language a chat reads its digest in.
type Languages interface {
	// Language returns the chat's chosen language (a locale code), "" for none.
	Language(ctx context.Context, chatID int64) (string, error)
}

// language returns the printer of the chat's language: English when none
// was chosen or it cannot be read (a digest in English beats none).
func (s *Scheduler) language(ctx context.Context, chatID int64) locale.Printer {
	if s.opts.Languages == nil {
		return locale.For(locale.English)
	}
	lang, err := s.opts.Languages.Language(ctx, chatID)
	if err != nil {
		s.log.Debug("chat language unreadable; digest in English", "chat", chatID, "err", err)
	}
	return locale.For(lang)
}

// firstWindow is what a chat's first digest covers.
const firstWindow = 24 * time.Hour

// Scheduler queues each chat's daily digest when its local time comes, and
// digests on demand. Its methods are safe for concurrent use.
type Scheduler struct {
	opts    Options
	log     *slog.Logger
	builder Builder
	running atomic.Bool
	// chatLog lets failing chats be logged once a minute: a database that
	// refuses writes fails every chat due, at every tick.
	chatLog *throttle.Log

	mu      sync.Mutex
	covered time.Time                 // the previous successful tick looked up to here; zero before the first
	zones   map[string]*time.Location // loaded once: time.LoadLocation reads and parses a file each call

	// beforeCommit, when set, runs after a digest is built and before it is
	// recorded; a test makes it fail to play a crash at the worst moment.
	beforeCommit func(chatID int64) error
}

// NewScheduler returns a Scheduler; call Run to start its clock or Tick to drive it.
func NewScheduler(opts Options) *Scheduler {
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.Logger == nil {
		opts.Logger = slog.Default()
	}
	if opts.Notify == nil {
		opts.Notify = func() {}
	}
	return &Scheduler{opts: opts, log: opts.Logger, builder: Builder{MaxItems: opts.MaxItems, SendEmpty: opts.SendEmpty},
		chatLog: &throttle.Log{Now: opts.Now}}
}

// Run ticks at start and then at the top of every minute until ctx is done.
// A tick still running when the next is due makes that one skip (the next
// tick covers its minutes); a failed or panicking tick is logged.
func (s *Scheduler) Run(ctx context.Context) error {
	tick := func() {
		defer func() {
			if r := recover(); r != nil {
				s.log.Error("digest tick panicked", "panic", r)
			}
		}()
		if !s.running.CompareAndSwap(false, true) {
			s.log.Warn("digest tick skipped: the previous one is still running")
			return
		}
		defer s.running.Store(false)
		if _, err := s.Tick(ctx, s.opts.Now()); err != nil && ctx.Err() == nil {
			s.log.Error("digest tick failed", "err", err)
		}
	}
	c := cron.New()
	if _, err := c.AddFunc("* * * * *", tick); err != nil {
		return fmt.Errorf("schedule digests: %w", err)
	}
	go tick()
	c.Start()
	<-ctx.Done()
	<-c.Stop().Done()
	for s.running.Load() { // let a tick in progress notice ctx and end
		time.Sleep(10 * time.Millisecond)
	}
	return nil
}

// Tick queues the daily digest of every chat whose due instant lies in
// (the previous tick, now], or for the first tick in (now - catch-up, now].
// It returns how many digests it queued. A chat that fails is logged (once
// a minute however many fail) and retried by the next tick; the error then
// names how many failed.
func (s *Scheduler) Tick(ctx context.Context, now time.Time) (int, error) {
	chats, err := s.opts.Store.ListDigestChats(ctx)
	if err != nil {
		return 0, fmt.Errorf("digest tick: %w", err)
	}
	if err := s.afterStepBack(ctx, chats, now); err != nil {
		return 0, fmt.Errorf("digest tick: %w", err)
	}
	from := s.windowStart(now)
	queued, failed := 0, 0
	for _, c := range chats {
		if ctx.Err() != nil {
			return queued, ctx.Err()
		}
		ok, err := s.tickChat(ctx, c, from, now)
		if err != nil {
			failed++
			s.chatLog.Error(s.log, "daily digest failed; tried again at the next tick", "chat", c.ID, "err", err)
			continue
		}
		if ok {
			queued++
		}
	}
	if queued > 0 {
		s.opts.Notify()
	}
	if failed > 0 {
		return queued, fmt.Errorf("digest tick: %d of %d chats failed", failed, len(chats))
	}
	s.mu.Lock()
	if now.After(s.covered) {
		s.covered = now
	}
	s.mu.Unlock()
	return queued, nil
}

// stepTolerance is how far behind the previous tick a tick may read the
// clock before the clock counts as stepped back.
const stepTolerance = 5 * time.Minute

// afterStepBack mends, when the clock reads more than stepTolerance before
// the previous tick, what a clock ahead did: a digest it queued was dated by
// the clock (a day ahead: tomorrow's date, sent at today's due time), and
// that date's digest would not go when its due time comes. Each digest
// queued after now is re-dated to the due time nearest to when it was sent,
// read by this clock (its queue time less the step), and its window ends
// at now at the latest (the store does so at Open); then ticks go on from
// now. A clock an hour ahead leaves a digest's date as it was: its due time
// passes twice and it is sent once. The first tick of a process looks for
// digests queued more than stepTolerance after now (the clock stepped back
// while it was down) and takes the smallest step that explains them. It
// fails when the store does.
func (s *Scheduler) afterStepBack(ctx context.Context, chats []news.DigestChat, now time.Time) error {
	s.mu.Lock()
	covered := s.covered
	s.mu.Unlock()
	var ahead []news.Digest
	var err error
	step := covered.Sub(now)
	switch {
	case covered.IsZero():
		// The first tick: the clock may have stepped back while the process was down. The step is at least what
		// puts the latest digest queued ahead at now (it was sent before now), and it is read so.
		if ahead, err = s.opts.Store.ListDigestsQueuedAfter(ctx, now.Add(stepTolerance)); err != nil || len(ahead) == 0 {
			return err
		}
		step = 0
		for _, d := range ahead {
			step = max(step, d.QueuedAt.Sub(now))
		}
	case step <= stepTolerance:
		return nil
	default:
		if ahead, err = s.opts.Store.ListDigestsQueuedAfter(ctx, now); err != nil {
			return err
		}
	}
	byID := make(map[int64]news.DigestChat, len(chats))
	for _, c := range chats {
		byID[c.ID] = c
	}
	for _, d := range ahead {
		c, ok := byID[d.ChatID]
		at, err := localtime.LoadClock(c.DigestTime)
		if !ok || err != nil {
			continue // no daily digest now: its date holds nothing back
		}
		loc, err := s.location(c.Timezone)
		if err != nil {
			loc = time.UTC
		}
		date, due := localtime.NearestDue(at, loc, d.QueuedAt.Add(-step))
		if err := s.opts.Store.RedateDigest(ctx, d.ID, date, due, now); err != nil {
			return err
		}
		if date != d.LocalDate {
			s.log.Warn("the clock stepped back: a digest it sent ahead is dated anew", "chat", d.ChatID, "was", d.LocalDate, "date", date, "step", step.Round(time.Second))
		}
	}
	if !covered.IsZero() {
		s.mu.Lock()
		s.covered = now
		s.mu.Unlock()
	}
	return nil
}

// windowStart returns the instant after which due digests are sent. Once
// ticking, a digest whose instant passed before the previous tick was
// either sent or deliberately skipped (the chat changed its time after),
// so only downtime longer than a tick reaches back to the catch-up limit.
func (s *Scheduler) windowStart(now time.Time) time.Time {
	s.mu.Lock()
	defer s.mu.Unlock()
	limit := now.Add(-s.opts.CatchUp)
	if s.covered.IsZero() {
		return limit
	}
	// A stalled process (suspended, or ticks failing) counts as down, but
	// a tick that is merely late never loses a digest.
	if limit = now.Add(-max(s.opts.CatchUp, 10*time.Minute)); s.covered.Before(limit) {
		return limit
	}
	return s.covered
}

// location is LoadLocation with a cache; zone rules do not change while the process runs.
func (s *Scheduler) location(name string) (*time.Location, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if loc, ok := s.zones[name]; ok {
		return loc, nil
	}
	loc, err := localtime.LoadLocation(name)
	if err != nil {
		return nil, err
	}
	if s.zones == nil {
		s.zones = map[string]*time.Location{}
	}
	s.zones[name] = loc
	return loc, nil
}

// tickChat queues the chat's daily digest if it fell due in (from, now]. It
// reports whether it queued one; another process having queued it is no error.
func (s *Scheduler) tickChat(ctx context.Context, c news.DigestChat, from, now time.Time) (bool, error) {
	// Settings are validated when they are set; one that is bad all the same
	// must not count as a failed tick, which would hold back the window.
	at, err := localtime.LoadClock(c.DigestTime)
	if err != nil {
		s.log.Debug("digest time unreadable; skipped", "chat", c.ID, "err", err)
		return false, nil
	}
	loc, err := s.location(c.Timezone)
	if err != nil {
		s.log.Debug("time zone unreadable; digest goes by UTC", "chat", c.ID, "err", err)
		loc = time.UTC
	}
	date, due := localtime.LastDue(at, loc, now)
	if date <= c.LastDate || !due.After(from) || due.Before(c.CreatedAt) {
		return false, nil
	}
	day, _ := time.Parse(localtime.DateLayout, date)
	p := s.language(ctx, c.ID)
	had, err := s.HadDigest(ctx, c.ID)
	if err != nil {
		return false, err
	}
	heading := Heading{Title: p.Sprintf("Daily digest"), Date: p.Date(day, "Monday 2 January"), Language: p.Lang(), First: !had}
	d := news.Digest{ChatID: c.ID, Kind: news.DigestScheduled, LocalDate: date, DueAt: due, Since: now.Add(-firstWindow), Until: now}
	got, err := s.opts.Store.QueueDigest(ctx, d, func(content news.DigestContent) ([]string, error) {
		texts := s.builder.Build(content, heading)
		if s.beforeCommit != nil {
			if err := s.beforeCommit(c.ID); err != nil {
				return nil, err
			}
		}
		return texts, nil
	})
	if errors.Is(err, news.ErrDigestExists) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	s.log.Info("daily digest queued", "chat", c.ID, "date", date, "late", now.Sub(due).Round(time.Second),
		"stories", got.Stories, "messages", got.Messages)
	return true, nil
}

// errNothingNew rolls back a digest on demand that would be empty.
var errNothingNew = errors.New("nothing new")

// HadDigest reports whether the chat has had a digest (daily or /digest now):
// a digest covers the alerts since the previous one, a chat's first the last
// 24 hours, and "nothing since the last digest" was said to a chat that had
// none. It fails when the store does.
func (s *Scheduler) HadDigest(ctx context.Context, chatID int64) (bool, error) {
	return s.opts.Store.HasDigest(ctx, chatID)
}

// SendNow queues a digest of the chat's stories since its previous digest
// (or the last 24 hours) at once, and returns how many stories it holds:
// 0 when there is nothing new, and then nothing is queued. The next daily
// digest starts where this one ends. Its messages go to the forum topic
// thread (0: the chat itself, or General), the first answering message
// replyTo (0: none). It fails when the chat is unknown
// (store.ErrNotFound) or the database fails.
func (s *Scheduler) SendNow(ctx context.Context, chatID int64, thread, replyTo int) (int, error) {
	chat, err := s.opts.Store.FindChat(ctx, chatID)
	if err != nil {
		return 0, fmt.Errorf("digest now: %w", err)
	}
	loc, err := localtime.LoadLocation(chat.Timezone)
	if err != nil {
		loc = time.UTC
	}
	now := s.opts.Now()
	p := s.language(ctx, chatID)
	heading := Heading{Title: p.Sprintf("Digest"), Date: p.Date(now.In(loc), "2 Jan 15:04 MST"), Language: p.Lang()}
	d := news.Digest{ChatID: chatID, Kind: news.DigestNow, DueAt: now, Since: now.Add(-firstWindow), Until: now, ThreadID: thread, ReplyTo: replyTo}
	got, err := s.opts.Store.QueueDigest(ctx, d, func(content news.DigestContent) ([]string, error) {
		if len(content.Items) == 0 {
			return nil, errNothingNew
		}
		return s.builder.Build(content, heading), nil
	})
	if errors.Is(err, errNothingNew) {
		return 0, nil
	}
	if err != nil {
		return 0, fmt.Errorf("digest now: %w", err)
	}
	s.opts.Notify()
	return got.Stories, nil
}
