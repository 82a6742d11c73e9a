package bot

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"time"

	"golang.org/x/time/rate"

	"github.com/newshound/newshound/store"
)

// Transport delivers one message; Telegram and the console are the two.
type Transport interface {
	Send(ctx context.Context, m Outgoing) (messageID int, err error)
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

// SenderStore is what the sender needs of the database.
type SenderStore interface {
	DueMessages(ctx context.Context, now time.Time, limit int) ([]store.Message, error)
	MarkSent(ctx context.Context, id int64, telegramID int) error
	MarkRetry(ctx context.Context, id int64, notBefore time.Time, reason string) error
	MarkDropped(ctx context.Context, id int64, reason string) error
	FindArticle(ctx context.Context, id int64) (store.Article, error)
	FindSubscription(ctx context.Context, chatID, id int64) (store.Subscription, error)
	FindChat(ctx context.Context, id int64) (store.Chat, error)
	SetChatActive(ctx context.Context, id int64, active bool) error
}

// Rates are Telegram's sending limits.
type Rates struct {
	GlobalPerSecond float64 // all chats together
	ChatPerSecond   float64 // one private chat
	GroupPerMinute  float64 // one group, supergroup or channel
}

// SenderOptions configures a Sender.
type SenderOptions struct {
	Store       SenderStore
	Transport   Transport
	Rates       Rates
	Concurrency int // messages in flight at once, each to a different chat
	Logger      *slog.Logger
	Now         func() time.Time
}

// Sender drains the outbox: the head message of each chat, when that chat's
// rate and the global rate allow, several chats at once. A message is marked
// sent only after the transport accepted it; failures are retried, dropped or
// turned into chat changes as Telegram's answer says.
type Sender struct {
	opts   SenderOptions
	log    *slog.Logger
	wake   chan struct{}
	global *rate.Limiter

	mu       sync.Mutex
	chats    map[int64]*rate.Limiter
	inFlight map[int64]bool
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
	return &Sender{
		opts:     opts,
		log:      opts.Logger,
		wake:     make(chan struct{}, 1),
		global:   rate.NewLimiter(rate.Limit(opts.Rates.GlobalPerSecond), max(1, int(opts.Rates.GlobalPerSecond/6))),
		chats:    map[int64]*rate.Limiter{},
		inFlight: map[int64]bool{},
	}
}

// Notify wakes the sender to look at the outbox now.
func (s *Sender) Notify() {
	select {
	case s.wake <- struct{}{}:
	default:
	}
}

// Run sends until ctx is done, then waits for the sends in flight.
func (s *Sender) Run(ctx context.Context) error {
	var wg sync.WaitGroup
	defer wg.Wait()
	sem := make(chan struct{}, s.opts.Concurrency)
	tick := time.NewTicker(200 * time.Millisecond)
	defer tick.Stop()
	for {
		msgs, err := s.opts.Store.DueMessages(ctx, s.opts.Now(), 500)
		if err != nil && ctx.Err() == nil {
			s.log.Error("read outbox", "err", err)
		}
		for _, m := range msgs {
			if !s.claim(m) {
				continue
			}
			if err := s.global.Wait(ctx); err != nil {
				s.release(m.ChatID)
				return nil
			}
			select {
			case sem <- struct{}{}:
			case <-ctx.Done():
				s.release(m.ChatID)
				return nil
			}
			wg.Add(1)
			go func() {
				defer func() { <-sem; s.release(m.ChatID); wg.Done() }()
				s.deliver(context.WithoutCancel(ctx), m)
			}()
		}
		select {
		case <-ctx.Done():
			return nil
		case <-s.wake:
		case <-tick.C:
		}
	}
}

// claim reports whether m may go now: its chat has nothing in flight and its
// chat's rate allows one more. It marks the chat in flight.
func (s *Sender) claim(m store.Message) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.inFlight[m.ChatID] {
		return false
	}
	lim := s.chats[m.ChatID]
	if lim == nil {
		lim = s.chatLimiter(m.ChatType)
		s.chats[m.ChatID] = lim
	}
	if !lim.Allow() {
		return false
	}
	s.inFlight[m.ChatID] = true
	return true
}

func (s *Sender) release(chatID int64) {
	s.mu.Lock()
	delete(s.inFlight, chatID)
	s.mu.Unlock()
	s.Notify()
}

func (s *Sender) chatLimiter(chatType string) *rate.Limiter {
	switch chatType {
	case "group", "supergroup", "channel":
		return rate.NewLimiter(rate.Limit(s.opts.Rates.GroupPerMinute/60), 3)
	default:
		return rate.NewLimiter(rate.Limit(s.opts.Rates.ChatPerSecond), 1)
	}
}

// deliver renders and sends one message and records the outcome.
func (s *Sender) deliver(ctx context.Context, m store.Message) {
	out, err := s.render(ctx, m)
	if err != nil {
		s.log.Warn("message dropped: cannot render", "message", m.ID, "chat", m.ChatID, "err", err)
		s.record(s.opts.Store.MarkDropped(ctx, m.ID, err.Error()))
		return
	}
	id, err := s.opts.Transport.Send(ctx, out)
	if err == nil {
		s.record(s.opts.Store.MarkSent(ctx, m.ID, id))
		return
	}
	s.handleError(ctx, m, out, err)
}

func (s *Sender) handleError(ctx context.Context, m store.Message, out Outgoing, err error) {
	var se *SendError
	if !errors.As(err, &se) || se.Code >= 500 {
		wait := retryBackoff(m.Attempts + 1)
		s.log.Warn("send failed; will retry", "message", m.ID, "chat", m.ChatID, "err", err, "retry_in", wait)
		s.record(s.opts.Store.MarkRetry(ctx, m.ID, s.opts.Now().Add(wait), err.Error()))
		return
	}
	desc := strings.ToLower(se.Description)
	switch {
	case se.Code == 429:
		wait := max(se.RetryAfter, time.Second)
		s.log.Warn("telegram rate limit hit", "chat", m.ChatID, "retry_after", wait)
		s.record(s.opts.Store.MarkRetry(ctx, m.ID, s.opts.Now().Add(wait), se.Error()))
	case se.Code == 403 || (se.Code == 400 && strings.Contains(desc, "chat not found")):
		s.log.Info("chat unreachable; marked inactive", "chat", m.ChatID, "err", se.Description)
		s.record(s.opts.Store.SetChatActive(ctx, m.ChatID, false))
	case se.Code == 400 && strings.Contains(desc, "can't parse entities"):
		s.log.Warn("telegram could not parse the message; resending as plain text", "message", m.ID, "chat", m.ChatID, "err", se.Description)
		out.Text, out.Plain = plainText(out.Text), true
		if id, err2 := s.opts.Transport.Send(ctx, out); err2 == nil {
			s.record(s.opts.Store.MarkSent(ctx, m.ID, id))
		} else {
			s.record(s.opts.Store.MarkDropped(ctx, m.ID, err2.Error()))
		}
	default:
		s.log.Warn("message dropped: telegram refused it", "message", m.ID, "chat", m.ChatID, "err", se.Error())
		s.record(s.opts.Store.MarkDropped(ctx, m.ID, se.Error()))
	}
}

func (s *Sender) record(err error) {
	if err != nil {
		s.log.Error("record delivery", "err", err)
	}
}

// retryBackoff is 2^attempts seconds, at most 5 minutes.
func retryBackoff(attempts int) time.Duration {
	d := time.Second
	for i := 0; i < attempts && d < 5*time.Minute; i++ {
		d *= 2
	}
	return min(d, 5*time.Minute)
}

// render turns an outbox row into a message; alerts are built from the
// article and subscription as they are now.
func (s *Sender) render(ctx context.Context, m store.Message) (Outgoing, error) {
	out := Outgoing{ChatID: m.ChatID, Text: m.Text, Silent: m.Silent}
	if m.Buttons != "" {
		if err := json.Unmarshal([]byte(m.Buttons), &out.Buttons); err != nil {
			return Outgoing{}, fmt.Errorf("buttons: %w", err)
		}
	}
	if m.Kind != store.KindAlert {
		return out, nil
	}
	a, err := s.opts.Store.FindArticle(ctx, m.ArticleID)
	if err != nil {
		return Outgoing{}, err
	}
	sub, err := s.opts.Store.FindSubscription(ctx, m.ChatID, m.SubscriptionID)
	if err != nil {
		return Outgoing{}, err
	}
	v := AlertView{Article: a, Query: sub.Query}
	if chat, err := s.opts.Store.FindChat(ctx, m.ChatID); err == nil && chat.Timezone != "" {
		if loc, err := time.LoadLocation(chat.Timezone); err == nil {
			v.Location = loc
		}
	}
	out.Text = FormatAlert(v)
	return out, nil
}
