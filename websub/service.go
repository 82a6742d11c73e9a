package websub

import (
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/newshound/newshound/news"
)

// Prefix is the path under which the callbacks are served: Handler is
// mounted there, and a callback URL is the public address, Prefix and the
// subscription's token.
const Prefix = "/websub/"

// Defaults and bounds.
const (
	// DefaultLease is the lease asked of hubs (they may grant another).
	DefaultLease = 10 * 24 * time.Hour
	// firstRetry is the wait before a request the hub did not verify is
	// sent again; it doubles up to lastRetry.
	firstRetry, lastRetry = 5 * time.Minute, 24 * time.Hour
	// verifyWindow is how long after a request its verification is taken.
	verifyWindow = 24 * time.Hour
	// unsubscribeTries is how many unsubscribe requests are sent before an
	// ended subscription is forgotten (the hub's lease then runs out).
	unsubscribeTries = 3
	// maxLease bounds the lease a hub grants, for the renewal's sake.
	maxLease = 30 * 24 * time.Hour
	// maxRenewMargin bounds how long before the lease ends it is renewed.
	maxRenewMargin = 24 * time.Hour
	// maxWait is the longest the loop sleeps between two looks.
	maxWait = time.Minute
)

// Store is what the service needs of the database.
type Store interface {
	FindSource(ctx context.Context, id int64) (news.Source, error)
	CreateHubSubscription(ctx context.Context, h news.HubSubscription) (news.HubSubscription, error)
	// FindHubSubscription fails with news.ErrNotFound for an unknown token.
	FindHubSubscription(ctx context.Context, token string) (news.HubSubscription, error)
	ListHubSubscriptions(ctx context.Context) ([]news.HubSubscription, error)
	UpdateHubSubscription(ctx context.Context, h news.HubSubscription) error
	DeleteHubSubscription(ctx context.Context, id int64) error
	// EndOrphanHubSubscriptions moves those of removed or retired sources
	// to news.HubUnsubscribing and returns them.
	EndOrphanHubSubscriptions(ctx context.Context) ([]news.HubSubscription, error)
}

// Pusher stores a pushed feed as a poll of its source would
// (feeds.Poller.Push); it fails with feeds.ErrNotFeed for a body that is
// not a feed.
type Pusher interface {
	Push(ctx context.Context, src news.Source, body []byte) (int, error)
}

// Options configures a Service.
type Options struct {
	Store  Store
	Pusher Pusher
	// PublicURL is where Handler is reachable from the hubs, without
	// Prefix: "https://news.example.org" makes callbacks
	// https://news.example.org/websub/<token>.
	PublicURL string
	// Client sends the requests to hubs (give it a timeout and, for hub
	// URLs found in feeds, the address guard); nil: a 20 s timeout.
	Client *http.Client
	// Lease is asked of hubs; 0: DefaultLease.
	Lease time.Duration
	// MaxBytes bounds a push's body (the poller's max feed size).
	MaxBytes  int64
	UserAgent string
	Logger    *slog.Logger
	Now       func() time.Time
}

// Service keeps the WebSub subscriptions of the sources whose feeds name a
// hub: it implements feeds.Hubs, serves the callbacks (Handler) and sends
// the requests (Run). It is safe for concurrent use.
type Service struct {
	opts     Options
	log      *slog.Logger
	callback string // PublicURL + Prefix
	limited  *rateLog
	wake     chan struct{}

	// mu serialises every read-modify-write of a subscription row, and
	// guards current.
	mu sync.Mutex
	// current is, by source id, the subscription that source wants (not
	// one being ended): what Offered and Pushed consult.
	current map[int64]news.HubSubscription
}

// New returns a Service; it fails when PublicURL is not an absolute http or
// https URL or a required option is missing. Call Load before the poller
// runs.
func New(opts Options) (*Service, error) {
	u, err := url.Parse(opts.PublicURL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("websub: public URL %q is not an http or https URL", opts.PublicURL)
	}
	if opts.Store == nil || opts.Pusher == nil {
		return nil, errors.New("websub: a store and a pusher are required")
	}
	if opts.Client == nil {
		opts.Client = &http.Client{Timeout: 20 * time.Second}
	}
	if opts.Lease <= 0 {
		opts.Lease = DefaultLease
	}
	if opts.MaxBytes <= 0 {
		opts.MaxBytes = 10 << 20
	}
	if opts.Logger == nil {
		opts.Logger = slog.Default()
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	return &Service{opts: opts, log: opts.Logger, callback: strings.TrimRight(opts.PublicURL, "/") + Prefix,
		limited: newRateLog(opts.Logger, opts.Now), wake: make(chan struct{}, 1), current: map[int64]news.HubSubscription{}}, nil
}

// Load reads the stored subscriptions, so that a restart keeps them: the
// sources they push are polled slowly from the first poll on. It fails
// when the database does.
func (s *Service) Load(ctx context.Context) error {
	all, err := s.opts.Store.ListHubSubscriptions(ctx)
	if err != nil {
		return fmt.Errorf("websub: %w", err)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, h := range all {
		if h.State != news.HubUnsubscribing {
			s.current[h.SourceID] = h
		}
	}
	return nil
}

// CallbackURL is the URL a hub pushes a subscription's feed to.
func (s *Service) CallbackURL(token string) string { return s.callback + token }

// Offered is told by the poller that src's feed names hub, with topic: a
// subscription is created when the source has none, or replaced (the old
// one ended) when the feed moved to another hub or topic. It returns at
// once when nothing changed; a failed write is logged and tried again at
// the next poll.
func (s *Service) Offered(ctx context.Context, src news.Source, hub, topic string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	cur, ok := s.current[src.ID]
	if ok && cur.Hub == hub && cur.Topic == topic {
		return
	}
	now := s.opts.Now()
	if ok {
		cur.State, cur.Attempts, cur.RequestedAt, cur.NextAttemptAt, cur.LastError = news.HubUnsubscribing, 0, time.Time{}, now, ""
		if err := s.opts.Store.UpdateHubSubscription(ctx, cur); err != nil && !errors.Is(err, news.ErrNotFound) {
			s.log.Error("websub: end the subscription of a feed that moved hub", "source", src.Name, "err", err)
			return
		}
		delete(s.current, src.ID)
	}
	h, err := s.opts.Store.CreateHubSubscription(ctx, news.HubSubscription{SourceID: src.ID, Hub: hub, Topic: topic,
		Token: rand.Text(), Secret: rand.Text(), State: news.HubSubscribing, NextAttemptAt: now})
	if err != nil {
		s.log.Error("websub: store a subscription", "source", src.Name, "err", err)
		return
	}
	s.current[src.ID] = h
	s.log.Info("feed offers WebSub: subscribing to its hub", "source", src.Name, "hub", hub, "topic", topic)
	signal(s.wake)
}

// Pushed reports whether a hub pushes the source's feed now: its
// subscription is verified and its lease runs.
func (s *Service) Pushed(sourceID int64) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	h, ok := s.current[sourceID]
	return ok && h.State == news.HubActive && h.ExpiresAt.After(s.opts.Now())
}

// Run sends the requests that are due (Maintain) until ctx is done: when
// the next one is due, when a feed offers a new hub, and at least every
// minute. A failed look is logged and tried again. It returns nil.
func (s *Service) Run(ctx context.Context) error {
	timer := time.NewTimer(0)
	defer timer.Stop()
	for {
		select {
		case <-ctx.Done():
			return nil
		case <-timer.C:
		case <-s.wake:
		}
		wait := maxWait
		next, err := s.Maintain(ctx)
		switch {
		case err != nil && ctx.Err() == nil:
			s.log.Error("websub: look at the subscriptions", "err", err)
		case !next.IsZero():
			wait = min(max(next.Sub(s.opts.Now()), time.Second), maxWait)
		}
		if !timer.Stop() {
			select {
			case <-timer.C:
			default:
			}
		}
		timer.Reset(wait)
	}
}

// Maintain does what is due now: it ends the subscriptions of removed or
// retired sources, marks lapsed ones for a new request, and sends every
// request due (subscribe, renew, unsubscribe). It returns when the next
// request is due (zero: none waits). It fails when the database does; a
// hub that fails fails only its own request.
func (s *Service) Maintain(ctx context.Context) (time.Time, error) {
	ended, err := s.opts.Store.EndOrphanHubSubscriptions(ctx)
	if err != nil {
		return time.Time{}, fmt.Errorf("websub: %w", err)
	}
	s.mu.Lock()
	for _, h := range ended {
		if s.current[h.SourceID].ID == h.ID {
			delete(s.current, h.SourceID)
		}
	}
	s.mu.Unlock()
	for _, h := range ended {
		s.log.Info("websub: source removed; telling its hub to stop pushing", "source_id", h.SourceID, "hub", h.Hub)
	}
	all, err := s.opts.Store.ListHubSubscriptions(ctx)
	if err != nil {
		return time.Time{}, fmt.Errorf("websub: %w", err)
	}
	var next time.Time
	for _, h := range all {
		if ctx.Err() != nil {
			return time.Time{}, ctx.Err()
		}
		if h = s.lapse(ctx, h); h.NextAttemptAt.After(s.opts.Now()) {
			if next.IsZero() || h.NextAttemptAt.Before(next) {
				next = h.NextAttemptAt
			}
			continue
		}
		if at := s.attempt(ctx, h); !at.IsZero() && (next.IsZero() || at.Before(next)) {
			next = at
		}
	}
	return next, nil
}

// lapse moves a verified subscription whose lease ended without a renewal
// back to subscribing, logged once.
func (s *Service) lapse(ctx context.Context, h news.HubSubscription) news.HubSubscription {
	if h.State != news.HubActive || h.ExpiresAt.After(s.opts.Now()) {
		return h
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	cur, err := s.opts.Store.FindHubSubscription(ctx, h.Token) // a renewal may have come meanwhile
	if err != nil {
		return h
	}
	if cur.State != news.HubActive || cur.ExpiresAt.After(s.opts.Now()) {
		return cur
	}
	h = cur
	h.State = news.HubSubscribing
	if err := s.opts.Store.UpdateHubSubscription(ctx, h); err != nil {
		s.log.Error("websub: record a lapsed subscription", "hub", h.Hub, "err", err)
		return h
	}
	if s.current[h.SourceID].ID == h.ID {
		s.current[h.SourceID] = h
	}
	s.log.Warn("websub: the hub's lease ended without a renewal; the source is polled at its normal interval until the hub verifies again",
		"source_id", h.SourceID, "hub", h.Hub, "last_error", h.LastError)
	return h
}

// retry is the wait before request n+1 when request n went unverified:
// firstRetry doubling, at most lastRetry.
func retry(n int) time.Duration {
	d := firstRetry
	for i := 1; i < n && d < lastRetry; i++ {
		d *= 2
	}
	return min(d, lastRetry)
}

func signal(c chan<- struct{}) {
	select {
	case c <- struct{}{}:
	default:
	}
}

// PusherFunc adapts a function to a Pusher: the poller is built after the
// service it asks of hubs, so the wiring hands it over through a closure.
type PusherFunc func(ctx context.Context, src news.Source, body []byte) (int, error)

// Push calls f.
func (f PusherFunc) Push(ctx context.Context, src news.Source, body []byte) (int, error) {
	return f(ctx, src, body)
}
