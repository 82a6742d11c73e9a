package subscriptions

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"

	"github.com/newshound/newshound/news"
	"github.com/newshound/newshound/query"
)

// Store is what the service needs of the database.
type Store interface {
	CreateSubscriptionIn(ctx context.Context, chatID int64, thread int, query, key string, max int) (news.Subscription, bool, error)
	DeleteSubscription(ctx context.Context, chatID, id int64) error
	FindSubscription(ctx context.Context, chatID, id int64) (news.Subscription, error)
	FindSubscriptionByKey(ctx context.Context, chatID int64, key string) (news.Subscription, error)
	ListSubscriptions(ctx context.Context, chatID int64) ([]news.Subscription, error)
	EachSubscription(ctx context.Context, fn func(news.Subscription) error) error
	RekeySubscription(ctx context.Context, id int64, key string) (dropped int64, err error)
	AlertTargets(ctx context.Context, subIDs []int64) ([]news.Target, error)
	QueueAlerts(ctx context.Context, alerts []news.Alert) (int, error)
	ListArticlesSince(ctx context.Context, since time.Time, limit int) ([]news.Article, error)
	// RecentMatches counts what the FTS5 expression ("" = all, or all of the
	// sources whose name passes the scope's name test: query.Scope.Names)
	// finds among the articles of the scope (nil: any) fetched since then, and returns the newest of them, at most
	// sampleSize, of those published since then (examined: all read).
	RecentMatches(ctx context.Context, match string, scope *query.Scope, since time.Time, sampleSize int) (sample []news.Article, examined, total int, err error)
	// RecentMatchesExact is RecentMatches of an expression that decides
	// its matches (query.Query.TermsMatchExact), its sample without Text
	// and Summary, unless it read the expression as one that lets more
	// through: then the sample carries them, and loose says it is to be
	// confirmed.
	RecentMatchesExact(ctx context.Context, match string, since time.Time, sampleSize int) (sample []news.Article, examined, total int, loose bool, err error)
	// StoriesOf returns the story of each article (its own id when it has
	// none), for the preview's one line per story.
	StoriesOf(ctx context.Context, ids []int64) (map[int64]int64, error)
}

// ErrNoSuchSubscription is returned by Unsubscribe when the chat has no
// subscription with that id or text.
var ErrNoSuchSubscription = errors.New("no such subscription")

// Service keeps the chats' subscriptions in the store and in the in-memory
// index, and turns new articles into queued alerts.
type Service struct {
	store      Store
	index      *query.Index
	maxPerChat int
	now        func() time.Time
	log        *slog.Logger
	obs        Observer
	// previewWindow and previewScan bound the /subscribe preview: how far back
	// it looks and how many stored articles it confirms at most.
	previewWindow time.Duration
	previewScan   int

	// refile bookkeeping: the index learns term frequencies from the
	// articles it matches; Refile applies them to queries added earlier.
	refileMu   sync.Mutex
	seen       int       // articles matched since the last Refile
	lastRefile time.Time // zero until the first
}

// Refile thresholds: after the first refileAfter articles since the start,
// then at most once per refileEvery.
const (
	refileAfter = 500
	refileEvery = 24 * time.Hour
)

// Options configures a Service.
type Options struct {
	Store      Store
	MaxPerChat int
	Now        func() time.Time
	Logger     *slog.Logger
	Observer   Observer // nil: nobody listens
}

// NewService returns a Service with an empty index; call Load to fill it.
func NewService(opts Options) *Service {
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.Logger == nil {
		opts.Logger = slog.Default()
	}
	if opts.Observer == nil {
		opts.Observer = nopObserver{}
	}
	return &Service{store: opts.Store, index: query.NewIndex(), maxPerChat: opts.MaxPerChat, now: opts.Now, log: opts.Logger, obs: opts.Observer,
		previewWindow: 7 * 24 * time.Hour, previewScan: previewSample}
}

// frequencySample is how many of the newest stored articles Load reads to learn
// which terms are rare, so that the index files each query under its rarest
// term from the start rather than after its first Refile.
const frequencySample = 1000

// Load builds the index from every stored subscription and returns how many
// it holds. Call it once, before the service is used. A stored query that no
// longer parses is logged and skipped; one stored under an older canonical
// form gets today's (two of one topic that are now the same are folded into
// the older). It fails when the database does.
func (s *Service) Load(ctx context.Context) (int, error) {
	recent, err := s.store.ListArticlesSince(ctx, time.Time{}, frequencySample) // the newest, however old
	if err != nil {
		return 0, fmt.Errorf("load subscriptions: %w", err)
	}
	s.index = query.NewIndexWithFrequencies(query.Frequencies(recent))
	var stale []rekey
	err = s.store.EachSubscription(ctx, func(sub news.Subscription) error {
		q, err := query.ParseStored(sub.Query)
		if err != nil {
			s.log.Warn("stored subscription does not parse; skipped", "subscription", sub.ID, "err", err)
			return nil
		}
		if q.Key() != sub.Key {
			stale = append(stale, rekey{id: sub.ID, key: q.Key()})
		}
		s.index.Add(sub.ID, q)
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("load subscriptions: %w", err)
	}
	for _, r := range stale {
		dropped, err := s.store.RekeySubscription(ctx, r.id, r.key)
		if errors.Is(err, news.ErrNotFound) {
			continue // folded into one rekeyed before it
		}
		if err != nil {
			return 0, fmt.Errorf("load subscriptions: %w", err)
		}
		if dropped != 0 {
			s.index.Remove(dropped)
			s.log.Info("subscription stored under an old form is the same as another of its topic; folded into it", "subscription", r.id, "dropped", dropped, "key", r.key)
		}
	}
	s.index.Pack() // the lists of all those queries into a few arrays on huge pages, for Match
	return s.index.Len(), nil
}

// rekey is a stored subscription whose key is not its query's key today
// (the parser's canonical form changed since it was stored: repeated terms
// now fold): Load stores the new one, so that /unsubscribe and /subscribe
// of the query find it.
type rekey struct {
	id  int64
	key string
}

// Preview is what a query would have matched lately.
type Preview struct {
	Window time.Duration
	Count  int
	// Approx says Count is an estimate: more articles were candidates than
	// the preview confirms, and Count scales the confirmed share of them.
	Approx bool
	// AtLeast says Count is a lower bound: more articles were candidates
	// than the preview confirms, and too few of those it confirmed matched
	// for their share to be scaled (Count is then what it confirmed).
	AtLeast bool
	Checked int      // how many candidates the matcher confirmed or refused
	Titles  []string // of up to 3 stories, one line each, newest first
	// Articles holds, for each of Titles, how many of the matched
	// articles its story holds (two outlets' reports of it: 2).
	Articles []int
}

// minScaled is how many confirmed matches a sample needs before their share
// is scaled to the candidates not read: 2 of 20 scaled to "about 4" named
// articles that were not there (the share of so few is mostly chance).
const minScaled = 5

// previewSample is how many candidates a preview confirms with the query's
// matcher at most, so that its cost does not grow with the store.
const previewSample = 20

// Subscribed is the outcome of Subscribe.
type Subscribed struct {
	Subscription news.Subscription
	Query        *query.Query
	Created      bool // false: the chat already had this query
	Preview      Preview
}

// Subscribe parses text and stores it for the chat. It fails with a
// *query.ParseError for an invalid query (nothing changes) and with a
// *LimitError, which is news.ErrLimit, when the chat holds its maximum already.
func (s *Service) Subscribe(ctx context.Context, chatID int64, text string) (Subscribed, error) {
	return s.SubscribeIn(ctx, chatID, 0, text)
}

// SubscribeIn is Subscribe with a destination: the forum topic thread of
// the chat (0: the chat itself, or General). A query lives once per topic:
// subscribing again in the same topic answers with the subscription there
// (Created false); in another topic it is another subscription, alerting in
// that topic. It fails as Subscribe does.
func (s *Service) SubscribeIn(ctx context.Context, chatID int64, thread int, text string) (Subscribed, error) {
	q, err := query.Parse(visible(text))
	if err != nil {
		return Subscribed{}, err
	}
	// Kept as typed, but with single spaces: runs of spaces and line breaks
	// would show in /list and every alert's footer (a phrase's words are
	// one space apart for the parser too).
	// Emoji, "<>" and direction marks go too: the parser only parts
	// words at them, and the confirmation shows the query without them.
	typed := withoutDropped(q.Text(), q.Key())
	sub, created, err := s.store.CreateSubscriptionIn(ctx, chatID, thread, typed, q.Key(), s.maxPerChat)
	if errors.Is(err, news.ErrLimit) {
		return Subscribed{}, fmt.Errorf("subscribe: %w", &LimitError{Max: s.maxPerChat})
	}
	if err != nil {
		return Subscribed{}, fmt.Errorf("subscribe: %w", err)
	}
	if created {
		s.index.Add(sub.ID, q)
	}
	out := Subscribed{Subscription: sub, Query: q, Created: created}
	if out.Preview, err = s.Preview(ctx, q); err != nil {
		s.log.Warn("subscribe preview failed", "chat", chatID, "err", err)
	}
	return out, nil
}

// Preview counts the stored articles of the last 7 days that q matches, in
// bounded time: the FTS5 index counts the candidates when q can be written
// for it (every article of the window otherwise), the query's matcher
// confirms the newest previewScan of them, or all of them when they are at
// most half as many again. The count is exact when they were all
// confirmed; when there were more, it scales the confirmed share (Approx)
// if at least minScaled matched, and is otherwise what matched, a lower
// bound (AtLeast). When the FTS5 expression decides q's matches on its own
// (query.Query.TermsMatchExact), the candidates are the matches: they are
// read without their text and not confirmed, with the same outcome for
// less (TestPreviewEstimatesAsExactCounts), unless the store read the
// expression as one that lets more through (a broad prefix in a NOT): then
// they come with their text and are confirmed. It fails when the store
// does.
func (s *Service) Preview(ctx context.Context, q *query.Query) (Preview, error) {
	since := s.now().Add(-s.previewWindow)
	if q.TermsMatchExact() {
		loose := false
		read := func(n int) (sample []news.Article, examined, total int, err error) {
			sample, examined, total, loose, err = s.store.RecentMatchesExact(ctx, q.TermsMatch(), since, n)
			return sample, examined, total, err
		}
		confirm := func(a query.Article) bool { return !loose || q.MatchArticle(a) }
		return s.preview(ctx, read, confirm)
	}
	read := func(n int) ([]news.Article, int, int, error) {
		return s.store.RecentMatches(ctx, q.TermsMatch(), q.Scope(), since, n)
	}
	return s.preview(ctx, read, q.MatchArticle)
}

// preview is Preview of the candidates that read returns (the newest n of
// the window, how many it examined, and how many there are), confirmed
// with confirm when it is not nil.
func (s *Service) preview(ctx context.Context, read func(n int) (sample []news.Article, examined, total int, err error), confirm func(query.Article) bool) (Preview, error) {
	p := Preview{Window: s.previewWindow}
	sample, examined, total, err := read(s.previewScan)
	if err != nil {
		return p, fmt.Errorf("preview: %w", err)
	}
	if examined == s.previewScan && total > examined && total <= s.previewScan+s.previewScan/2 {
		// A few more candidates than the sample: confirming them all costs
		// little more, and a count the user can check is exact ("about 21"
		// was shown where all 21 matched). Only when the sample was full:
		// a store that read fewer had no more to give, its total being an
		// estimate of the ids it did not read (one article found in the
		// newest 4,000 of 78,000, "19"), and reading again cost the
		// preview its time twice.
		if sample, examined, total, err = read(total); err != nil {
			return p, fmt.Errorf("preview: %w", err)
		}
	}
	matched := sample
	if confirm != nil {
		matched = nil
		for _, a := range sample {
			if confirm(a) {
				matched = append(matched, a)
			}
		}
	}
	p.Count = len(matched)
	if p.Titles, p.Articles, err = s.storyTitles(ctx, matched, 3); err != nil {
		return p, fmt.Errorf("preview: %w", err)
	}
	p.Checked = examined
	switch {
	case total <= examined || examined == 0:
	case p.Count >= minScaled:
		p.Count = int(math.Round(float64(p.Count) * float64(total) / float64(examined)))
		p.Approx = true
	default:
		p.AtLeast = true
	}
	return p, nil
}

// storyTitles returns the titles of the first n stories of arts, the first
// article of each (arts come newest first), and how many of arts each
// story holds: two outlets' articles of one story were two lines of the
// preview, as if two things had happened. It fails when the store does.
func (s *Service) storyTitles(ctx context.Context, arts []news.Article, n int) ([]string, []int, error) {
	if len(arts) == 0 {
		return nil, nil, nil
	}
	stories, err := s.store.StoriesOf(ctx, news.ArticleIDs(arts))
	if err != nil {
		return nil, nil, err
	}
	var titles []string
	var counts []int
	line := make(map[int64]int, n) // a story's index in titles
	for _, a := range arts {
		story, ok := stories[a.ID]
		if !ok {
			story = a.ID // deleted meanwhile: its own line
		}
		if i, ok := line[story]; ok {
			counts[i]++
			continue
		}
		if len(titles) == n {
			continue // the shown stories' other articles may come later
		}
		line[story] = len(titles)
		titles, counts = append(titles, a.Title), append(counts, 1)
	}
	return titles, counts, nil
}

// Unsubscribe removes the chat's subscription named by its id (as /list
// shows it) or by its query text (digits that are no id of the chat are
// read as a query), and returns it. It fails with
// ErrNoSuchSubscription when there is none such.
func (s *Service) Unsubscribe(ctx context.Context, chatID int64, arg string) (news.Subscription, error) {
	arg = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(arg), "#"))
	sub, err := s.find(ctx, chatID, arg)
	if err != nil {
		return news.Subscription{}, err
	}
	if err := s.store.DeleteSubscription(ctx, chatID, sub.ID); err != nil {
		if errors.Is(err, news.ErrNotFound) {
			return news.Subscription{}, ErrNoSuchSubscription
		}
		return news.Subscription{}, fmt.Errorf("unsubscribe: %w", err)
	}
	s.index.Remove(sub.ID)
	return sub, nil
}

// Find returns the chat's subscription named by its id or by its query
// text, as Unsubscribe names it (/mute kursk). It fails with
// ErrNoSuchSubscription when there is none such.
func (s *Service) Find(ctx context.Context, chatID int64, arg string) (news.Subscription, error) {
	return s.find(ctx, chatID, strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(arg), "#")))
}

func (s *Service) find(ctx context.Context, chatID int64, arg string) (news.Subscription, error) {
	var sub news.Subscription
	var err error
	if id, perr := strconv.ParseInt(arg, 10, 64); perr == nil {
		sub, err = s.store.FindSubscription(ctx, chatID, id)
		if errors.Is(err, news.ErrNotFound) {
			// No such id: a query of digits ("/subscribe 737", then
			// "/unsubscribe 737") is named by its text.
			if q, perr := query.ParseStored(arg); perr == nil {
				sub, err = s.store.FindSubscriptionByKey(ctx, chatID, q.Key())
			}
		}
	} else if q, perr := query.ParseStored(visible(arg)); perr == nil {
		sub, err = s.store.FindSubscriptionByKey(ctx, chatID, q.Key())
	} else {
		return news.Subscription{}, ErrNoSuchSubscription
	}
	if errors.Is(err, news.ErrNotFound) {
		return news.Subscription{}, ErrNoSuchSubscription
	}
	if err != nil {
		return news.Subscription{}, fmt.Errorf("find subscription: %w", err)
	}
	return sub, nil
}

// Restored has the index match again subscriptions the store brought back
// under their old ids (a reopened forum topic's, merged into General's while
// it was closed: Store.MoveThreadBack): they left the store without leaving
// the index, which forgot them at a restart. A query that no longer parses
// is logged and skipped; it cannot fail.
func (s *Service) Restored(subs []news.Subscription) {
	for _, sub := range subs {
		q, err := query.ParseStored(sub.Query)
		if err != nil {
			s.log.Warn("restored subscription does not parse; skipped", "subscription", sub.ID, "err", err)
			continue
		}
		s.index.Add(sub.ID, q)
	}
}

// List returns the chat's subscriptions, oldest first.
func (s *Service) List(ctx context.Context, chatID int64) ([]news.Subscription, error) {
	return s.store.ListSubscriptions(ctx, chatID)
}

// Count returns how many queries the index holds.
func (s *Service) Count() int { return s.index.Len() }

// HandleArticles matches each article against the index and queues one
// alert per (chat, forum topic, article) for the subscriptions of active,
// unpaused chats; the first matching unmuted subscription (lowest id) of
// each topic is the one named. A muted subscription's match, with no
// unmuted one beside it, only adds its source to the story's alert the
// chat has (QueueAlerts' AlsoOnly).
func (s *Service) HandleArticles(ctx context.Context, articles []news.Article) error {
	alerts, err := s.PlanAlerts(ctx, articles)
	if err != nil || len(alerts) == 0 {
		return err
	}
	n, err := s.store.QueueAlerts(ctx, alerts)
	if err != nil {
		return fmt.Errorf("queue alerts: %w", err)
	}
	s.AlertsQueued(len(articles), n)
	return nil
}

// PlanAlerts matches the articles as HandleArticles does and returns the
// alerts they cause, without queueing them: the caller queues them (with
// the store's QueueAlerts rules, in a write of its own) and then calls
// AlertsQueued. It fails when the subscriptions cannot be read.
func (s *Service) PlanAlerts(ctx context.Context, articles []news.Article) ([]news.Alert, error) {
	// One look at the store for the whole batch: the subscriptions that
	// may alert, of every article's matches.
	// Every article's matches go one after another into one buffer;
	// each article's are ascending (the lowest id is the one named).
	matched := make([][]int64, len(articles))
	var all []int64
	ends := make([]int, len(articles))
	runs := 0 // articles with a match
	for i, a := range articles {
		n := len(all)
		all = s.index.MatchAppend(all, query.DocumentOf(a)) // made when it was stored, if kept
		ends[i] = len(all)
		if len(all) > n {
			runs++
		}
	}
	start := 0
	for i, end := range ends {
		matched[i], start = all[start:end:end], end
	}
	var alerts []news.Alert
	if len(all) > 0 {
		// The store is asked once per subscription: the matches of several
		// articles are sorted together to drop the repeats. One article's
		// are sorted and without repeats already.
		ids := all
		if runs > 1 {
			ids = slices.Clone(all)
			slices.Sort(ids)
			ids = slices.Compact(ids)
		}
		targets, err := s.store.AlertTargets(ctx, ids)
		if err != nil {
			return nil, fmt.Errorf("match %d articles: %w", len(articles), err)
		}
		// A subscription's destination: its chat and forum topic; an
		// article is alerted once per destination.
		type destination struct {
			chat   int64
			thread int
		}
		destOf := make(map[int64]news.Target, len(targets))
		for _, t := range targets {
			destOf[t.SubscriptionID] = t
		}
		// Of one article, cleared for the next: the destinations' alerts
		// (index into alerts), an unmuted subscription's taking the place
		// of a muted one's, which only adds "Also:" to an alert the chat has.
		seen := make(map[destination]int)
		for i, a := range articles {
			clear(seen)
			for _, id := range matched[i] {
				t, ok := destOf[id]
				if !ok {
					continue
				}
				d := destination{t.ChatID, t.ThreadID}
				if j, ok := seen[d]; ok {
					if alerts[j].AlsoOnly && !t.Muted {
						alerts[j] = news.Alert{ChatID: d.chat, ArticleID: a.ID, SubscriptionID: id}
					}
					continue
				}
				seen[d] = len(alerts)
				alerts = append(alerts, news.Alert{ChatID: d.chat, ArticleID: a.ID, SubscriptionID: id, AlsoOnly: t.Muted})
			}
		}
	}
	s.maybeRefile(len(articles))
	return alerts, nil
}

// AlertsQueued logs and counts the n messages queued for the alerts that
// PlanAlerts returned for articles articles.
func (s *Service) AlertsQueued(articles, n int) {
	s.log.Info("alerts queued", "articles", articles, "alerts", n)
	s.obs.AlertsQueued(n)
}

// maybeRefile re-chooses the index terms of the stored queries once enough
// articles taught the index which terms are rare: after the first
// refileAfter articles since the start, then daily.
func (s *Service) maybeRefile(matched int) {
	s.refileMu.Lock()
	s.seen += matched
	due := (s.lastRefile.IsZero() && s.seen >= refileAfter) || (!s.lastRefile.IsZero() && s.now().Sub(s.lastRefile) >= refileEvery && s.seen > 0)
	if due {
		s.seen, s.lastRefile = 0, s.now()
	}
	s.refileMu.Unlock()
	if due {
		started := time.Now()
		s.index.Refile()
		s.log.Info("subscription index refiled", "queries", s.index.Len(), "took", time.Since(started).Round(time.Millisecond))
	}
}

// dropped reports a character of a query that the parser only parts words
// at and that the query is shown without: emoji (with their variation
// selectors, joiners, skin tones and keycaps), "<" and ">", and the
// direction marks and embeddings of right-to-left text.
func dropped(r rune) bool {
	switch {
	case r == '<' || r == '>' || r == '\u200d' || r == '\ufe0e' || r == '\ufe0f' || r == '\u20e3' || r == '\u061c':
		return true
	case r == '\u200e' || r == '\u200f' || (r >= '\u202a' && r <= '\u202e') || (r >= '\u2066' && r <= '\u2069'):
		return true
	}
	return unicode.In(r, unicode.So, unicode.Sk)
}

// withoutDropped returns text with single spaces and without the dropped
// characters, each replaced by a space or, where that would change what it
// means (a "-" glued to a word after an emoji), removed; text with single
// spaces if neither reads as key.
func withoutDropped(text, key string) string {
	typed := strings.Join(strings.Fields(text), " ")
	if strings.IndexFunc(typed, dropped) < 0 {
		return typed
	}
	for _, by := range []string{" ", ""} {
		clean := strings.Join(strings.Fields(strings.Map(func(r rune) rune {
			if dropped(r) {
				if by == "" {
					return -1
				}
				return ' '
			}
			return r
		}, typed)), " ")
		if q, err := query.Parse(clean); err == nil && q.Key() == key {
			return clean
		}
	}
	return typed
}

// visible removes from a query the characters a word copied from a web page
// may carry unseen: zero-width spaces, word joiners, byte-order marks and
// soft hyphens. "k\u200bursk" was stored as the phrase "k ursk", which no
// article spells (stored articles lose them: summarize's cleaning), so the
// subscription never alerted. Text without them is returned as it is.
func visible(text string) string {
	if !strings.ContainsAny(text, "\u200b\u2060\ufeff\u00ad") {
		return text
	}
	return strings.NewReplacer("\u200b", "", "\u2060", "", "\ufeff", "", "\u00ad", "").Replace(text)
}
