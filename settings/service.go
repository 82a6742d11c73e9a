package settings

import (
	"context"
	"fmt"
	"log/slog"
	"strings"
	"time"

	"github.com/newshound/newshound/localtime"
	"github.com/newshound/newshound/news"
)

// Store is what the settings need of the database.
type Store interface {
	FindChatDelivery(ctx context.Context, id int64) (news.ChatDelivery, error)
	SetChatPaused(ctx context.Context, id int64, paused bool) error
	PauseChatUntil(ctx context.Context, id int64, until time.Time) error
	SetChatQuiet(ctx context.Context, id int64, start, end, mode string) error
	SetChatTimezone(ctx context.Context, id int64, tz string) error
	SetChatDigestTime(ctx context.Context, id int64, hhmm string) error
	TurnChatDigestOff(ctx context.Context, id int64) (string, error)
	FindChatDigestOff(ctx context.Context, id int64) (string, error)
	FindChatLastDigestDate(ctx context.Context, id int64) (string, error)
	ListDigests(ctx context.Context, chatID int64) ([]news.Digest, error)
	RedateDigest(ctx context.Context, id int64, localDate string, dueAt, until time.Time) error
	DeleteChat(ctx context.Context, id int64) error
	SetChatPreview(ctx context.Context, id int64, preview string) error
	SetChatLanguage(ctx context.Context, id int64, lang string) error
	FollowChatLanguage(ctx context.Context, id int64, lang string) (bool, error)
	SetChatLanguageFollowed(ctx context.Context, id int64, lang string) error
}

// Subscriptions is what deleting a chat needs of the subscription service:
// removing through it keeps its index in step with the store.
type Subscriptions interface {
	List(ctx context.Context, chatID int64) ([]news.Subscription, error)
	Unsubscribe(ctx context.Context, chatID int64, arg string) (news.Subscription, error)
}

// Options configures a Service.
type Options struct {
	Store         Store
	Subscriptions Subscriptions // nil: deleting a chat leaves the subscription index to the store
	QuietMode     string        // alerts.quiet_mode, for chats that chose none; "" is silent
	DigestTime    string        // digest.time ("HH:MM"), what "/digest on" sets; "" = none
	Logger        *slog.Logger
}

// Service runs the chat-settings use cases.
type Service struct {
	opts Options
	log  *slog.Logger
}

// NewService returns a Service on opts.Store.
func NewService(opts Options) *Service {
	if opts.Logger == nil {
		opts.Logger = slog.Default()
	}
	return &Service{opts: opts, log: opts.Logger}
}

// SetPaused pauses the chat's alerts, or resumes them. It fails when the
// database fails.
func (s *Service) SetPaused(ctx context.Context, chatID int64, paused bool) error {
	if err := s.opts.Store.SetChatPaused(ctx, chatID, paused); err != nil {
		return fmt.Errorf("set chat %d paused=%v: %w", chatID, paused, err)
	}
	return nil
}

// PauseUntil pauses the chat's alerts until the time given, when they come
// back by themselves, as after /resume: what matched meanwhile is not
// sent. It fails when the database fails.
func (s *Service) PauseUntil(ctx context.Context, chatID int64, until time.Time) error {
	if err := s.opts.Store.PauseChatUntil(ctx, chatID, until); err != nil {
		return fmt.Errorf("pause chat %d for a time: %w", chatID, err)
	}
	return nil
}

// SetTimezone reads a zone as a user writes it (see localtime.ParseTimezone)
// and stores it. It returns the stored name and the location. It fails with
// localtime.ErrUnknownTimezone for a zone that does not read, or when the
// database fails.
func (s *Service) SetTimezone(ctx context.Context, chatID int64, zone string) (string, *time.Location, error) {
	name, loc, err := localtime.ParseTimezone(zone)
	if err != nil {
		return "", nil, err
	}
	if err := s.opts.Store.SetChatTimezone(ctx, chatID, name); err != nil {
		return "", nil, fmt.Errorf("set time zone of chat %d: %w", chatID, err)
	}
	if err := s.redateDigests(ctx, chatID, loc); err != nil {
		return "", nil, fmt.Errorf("set time zone of chat %d: %w", chatID, err)
	}
	return name, loc, nil
}

// redatedDigests is how many of a chat's latest daily digests a move to another zone dates anew: the one that
// decides when the next is due, and those whose dates it may take.
const redatedDigests = 3

// redateDigests dates the chat's latest daily digests in its new zone loc, by when they were due. A digest is one a
// local date, and the date was the old zone's: moved west across the date line of the day (Tokyo's 10 November
// 08:00 is New York's 9 November 18:00), New York's 10 November digest was held back by Tokyo's, and the chat went
// 38 hours without one. A date another digest holds leaves the digest without one (store.RedateDigest). It fails
// when the database does.
func (s *Service) redateDigests(ctx context.Context, chatID int64, loc *time.Location) error {
	all, err := s.opts.Store.ListDigests(ctx, chatID)
	if err != nil {
		return err
	}
	var daily []news.Digest
	for _, d := range all {
		if d.Kind == news.DigestScheduled && d.LocalDate != "" {
			daily = append(daily, d)
		}
	}
	for _, d := range daily[max(0, len(daily)-redatedDigests):] { // oldest first: each frees the date the next may take
		if date := d.DueAt.In(loc).Format(localtime.DateLayout); date != d.LocalDate {
			if err := s.opts.Store.RedateDigest(ctx, d.ID, date, d.DueAt, d.Until); err != nil {
				return err
			}
		}
	}
	return nil
}

// SetDigestTime reads a time of day (see localtime.ParseClock), or "on" for
// the time the chat had before it turned its digest off (the configured
// default for a chat that never had one), and stores it as the chat's daily
// digest time. It returns the stored "HH:MM". It fails with
// localtime.ErrBadClock for a time that does not read, or when the database
// fails.
func (s *Service) SetDigestTime(ctx context.Context, chatID int64, at string) (string, error) {
	on := strings.EqualFold(strings.TrimSpace(at), "on")
	hhmm := s.opts.DigestTime
	if on {
		kept, err := s.opts.Store.FindChatDigestOff(ctx, chatID)
		if err != nil {
			return "", fmt.Errorf("set digest time of chat %d: %w", chatID, err)
		}
		if _, err := localtime.LoadClock(kept); err == nil {
			hhmm = kept
		}
	}
	if !on || hhmm == "" {
		c, err := localtime.ParseClock(at)
		if err != nil {
			return "", err
		}
		hhmm = c.String()
	}
	if err := s.opts.Store.SetChatDigestTime(ctx, chatID, hhmm); err != nil {
		return "", fmt.Errorf("set digest time of chat %d: %w", chatID, err)
	}
	return hhmm, nil
}

// KeptDigestTime returns the time "/digest on" would set for the chat (its
// digest being off): the time it had before, else the configured default,
// "" when there is neither. It fails when the database fails.
func (s *Service) KeptDigestTime(ctx context.Context, chatID int64) (string, error) {
	kept, err := s.opts.Store.FindChatDigestOff(ctx, chatID)
	if err != nil {
		return "", fmt.Errorf("kept digest time of chat %d: %w", chatID, err)
	}
	if _, err := localtime.LoadClock(kept); err == nil {
		return kept, nil
	}
	return s.opts.DigestTime, nil
}

// DigestOff stops the chat's daily digest; its time is kept for "/digest
// on". It returns the kept time ("" for none: "/digest on" then takes the
// configured default). It fails when the database fails.
func (s *Service) DigestOff(ctx context.Context, chatID int64) (string, error) {
	kept, err := s.opts.Store.TurnChatDigestOff(ctx, chatID)
	if err != nil {
		return "", fmt.Errorf("digest off for chat %d: %w", chatID, err)
	}
	if _, err := localtime.LoadClock(kept); err != nil {
		return "", nil // nothing "/digest on" would bring back
	}
	return kept, nil
}

// LastDigestDate returns the local date (YYYY-MM-DD) of the chat's latest
// daily digest, "" for none, for NextDigest. It fails when the database fails.
func (s *Service) LastDigestDate(ctx context.Context, chatID int64) (string, error) {
	date, err := s.opts.Store.FindChatLastDigestDate(ctx, chatID)
	if err != nil {
		return "", fmt.Errorf("last digest of chat %d: %w", chatID, err)
	}
	return date, nil
}

// NextDigest returns when the chat's daily digest comes next after now, in
// the chat's zone; ok is false when its digest is off or its time does not
// read. lastDate is the local date of the chat's latest daily digest ("" for
// none): the scheduler sends one digest per local date, so a date already
// served (after a change of zone moved the chat's clock back) is passed over.
func NextDigest(chat news.Chat, lastDate string, now time.Time) (next time.Time, ok bool) {
	at, err := localtime.LoadClock(chat.DigestTime)
	if err != nil {
		return time.Time{}, false
	}
	loc := localtime.Location(chat.Timezone)
	// A zone moves the clock by at most a day or so: a few steps reach a new date.
	for range 4 {
		next = localtime.NextDue(at, loc, now).In(loc)
		if next.Format(localtime.DateLayout) > lastDate {
			return next, true
		}
		now = next
	}
	return next, true
}

// DeleteChat deletes everything kept about the chat: its subscriptions
// (through the subscription service; one that fails is logged and left to
// the store), its settings and its queued messages. It fails when listing
// the subscriptions or deleting the chat fails.
func (s *Service) DeleteChat(ctx context.Context, chatID int64) error {
	if s.opts.Subscriptions != nil {
		subs, err := s.opts.Subscriptions.List(ctx, chatID)
		if err != nil {
			return fmt.Errorf("delete chat %d: %w", chatID, err)
		}
		for _, sub := range subs {
			if _, err := s.opts.Subscriptions.Unsubscribe(ctx, chatID, fmt.Sprint(sub.ID)); err != nil {
				s.log.Warn("stop: unsubscribe", "chat", chatID, "subscription", sub.ID, "err", err)
			}
		}
	}
	if err := s.opts.Store.DeleteChat(ctx, chatID); err != nil {
		return fmt.Errorf("delete chat %d: %w", chatID, err)
	}
	s.log.Info("chat deleted on request", "chat", chatID)
	return nil
}
