package feeds

import (
	"cmp"
	"context"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/robfig/cron/v3"

	"github.com/newshound/newshound/config"
	"github.com/newshound/newshound/internal/throttle"
	"github.com/newshound/newshound/news"
	"github.com/newshound/newshound/summarize"
)

// Store is what the poller needs of the database.
type Store interface {
	ListSources(ctx context.Context) ([]news.Source, error)
	// StoreFeedItemsFinished records a fetch's items as seen and inserts
	// the new ones, in one transaction: pending at StepLink, their text and
	// summary final, those that finish (called outside the transaction
	// with the index of each item it is to insert, once, before it is
	// inserted) returned true for, the others pending at StepText.
	StoreFeedItemsFinished(ctx context.Context, sourceID int64, items []news.Article, finish func(int, *news.Article) bool) ([]news.Article, error)
	RecordFetch(ctx context.Context, id int64, r news.FetchResult) error
	// UpdateArticleText also moves an article pending at StepText on to StepLink.
	UpdateArticleText(ctx context.Context, id int64, text, summary string) error
	// UpdateArticlePageImage records the image an article's fetched page
	// names as its own ("" = none): alerts preview it before the feed's.
	UpdateArticlePageImage(ctx context.Context, id int64, imageURL string) error
	// PendingArticles returns the articles left at a step, in id order.
	PendingArticles(ctx context.Context, step string) ([]news.Article, error)
	// PendingIDs returns the ids of the articles left at a step, in order.
	PendingIDs(ctx context.Context, step string) ([]int64, error)
	// AdvanceArticles moves articles pending at step from to step to ("" = done).
	AdvanceArticles(ctx context.Context, ids []int64, from, to string) error
}

// The steps an article goes through after it is stored, as the Store
// records them (store.StepText, StepLink, StepMatch; "" = finished).
const (
	stepText  = "text"
	stepLink  = "link"
	stepMatch = "match"
	stepDone  = ""
)

// Sink receives the new articles of a poll that may be alerted.
type Sink interface {
	HandleArticles(ctx context.Context, articles []news.Article) error
}

// Stories links new articles to the stories of earlier ones.
type Stories interface {
	Link(ctx context.Context, articles []news.Article) (int, error)
}

// Summarizer turns article text into a short summary.
type Summarizer interface {
	Summarize(ctx context.Context, in summarize.Input) string
}

// PageTexter fetches an article page and extracts its text and its own
// image (for teasers).
type PageTexter interface {
	Fetch(ctx context.Context, pageURL string) (ArticlePage, error)
}

// Options configures a Poller.
type Options struct {
	Schedule    string // robfig/cron spec
	MaxAge      time.Duration
	Concurrency int
	Fetcher     *Fetcher
	ChatFetcher *Fetcher // for sources that chat users added (origin "chat"), through the address guard; nil = Fetcher
	Store       Store
	Sink        Sink
	Stories     Stories // nil: every article is a story of its own
	Summarizer  Summarizer
	Pages       PageTexter // nil: never fetch article pages
	Logger      *slog.Logger
	Now         func() time.Time
	Observer    Observer // nil: nobody listens
	// MinInterval and MaxInterval bound a source's adaptive interval; 0 is
	// the schedule's interval (both 0: every source at the schedule's).
	MinInterval, MaxInterval time.Duration
	// PerHost is the most fetches of one host at a time (0 = 1), HostGap the
	// least time between the starts of two fetches of one host.
	PerHost int
	HostGap time.Duration
	// SlowAfter is how long a fetch runs before it stops counting against
	// Concurrency (0 = 5 s): slow sources then hold back no other (see
	// slowLane). Tests make it short.
	SlowAfter time.Duration
	// Rand returns numbers uniform in [0, 1) for jitter; nil: math/rand/v2.
	Rand func() float64
	// Hubs, when set, learns of the WebSub hubs feeds name, and a source it
	// says is pushed is polled at the slow interval (see Push).
	Hubs Hubs
	// Moves, when set, keeps where feeds moved for good across restarts
	// (see MovedTo); nil: known only from this run's fetches.
	Moves Moves
	// MaxItems is the most new items of a feed one fetch stores, the
	// newest half and the oldest half (0 = DefaultMaxItems): a feed of
	// thousands, or one making its guids up anew at every fetch, adds at
	// most that many articles a fetch; the new ones between wait for the
	// next fetches (backlog.go).
	MaxItems int
	// StoreFix, when set, says what the operator does about err, the
	// database failing to store a fetch's articles (a full disk: free space
	// in the database's folder), for the "fetch failed" line; "" or nil: a
	// general advice to read the database's lines in the log.
	StoreFix func(err error) string
}

// Poller fetches every source on its own clock, stores new articles and
// hands the alertable ones to its Sink. A failing source backs off
// exponentially (1 minute doubling to 6 hours, or the server's Retry-After)
// without holding up the others.
type Poller struct {
	opts     Options
	log      *slog.Logger
	schedule cron.Schedule
	bounds   bounds
	noted    sync.Map // notedKey → true: the absurd requests logged
	moved    sync.Map // source id → the address its feed moved to (see MovedTo)
	// movedKept is what Moves holds (source id → address), once
	// movedLoaded: a move is written only when it changes.
	movedKept   sync.Map
	movedLoaded atomic.Bool
	// dbLog lets the database's failures be logged once a minute: one that
	// refuses writes fails every fetch's record and every article's step.
	dbLog *throttle.Log
	// unfinished is set while a finish failed or panicked: the next fetch
	// asks for another, whether it stored articles or not.
	unfinished atomic.Bool
	// stored counts the articles Run's fetches stored, finished those of
	// them a finish took through (a finish that succeeds finishes every
	// article stored before it began), for Run to hold fetching while too
	// many wait.
	stored, finished atomic.Int64
	kick             chan struct{} // asks Run's finisher for a finish
	// texting holds the ids of the articles whose text addText is making,
	// textSem and textBySource bound them (textSlot), and textWG counts
	// them for Run.
	texting      sync.Map // int64 → struct{}
	textSem      chan struct{}
	textSlow     atomic.Int64 // page fetches past SlowAfter that gave their textSem slot back
	textBySource sync.Map     // source id → chan struct{}
	textWG       sync.WaitGroup
	fresh        fresh // the articles fetches stored finished, for the link step
	// due holds, for each source Run's queue holds, when it is due (on the
	// injected clock): what Scheduled reports.
	due sync.Map // int64 → time.Time
	// line reaches the dispatcher of the Run in progress (FetchNow); nil
	// when none runs.
	line atomic.Pointer[runLine]
	// clean cleans an item's content and description (summarize.CleanText;
	// tests count its calls).
	clean cleanFunc
	// clock compares the local clock with the Date of the servers' answers.
	clock clockSkew
	// revisions holds what each source's items said at its last fetch,
	// to follow the items a feed updates in place (revise.go).
	revisions revisions
	// memos holds what each source's last parse gave for its RSS items,
	// so that the items a fetch repeats are not parsed again (itemmemo.go).
	memos itemMemos
	// churn counts each source's fetches in a row that found every item new.
	churn churn
	// rolls keeps what each source's last fetch listed, to hurry the
	// feeds that drop items unseen between two fetches (rolls.go).
	rolls rolls
	// leftOver holds, per source id, the guids its last fetch left for the
	// next ones (map[string]bool; see noteLeft).
	leftOver sync.Map
}

// NewPoller returns a Poller; it fails when the schedule is not a cron spec.
func NewPoller(opts Options) (*Poller, error) {
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.Logger == nil {
		opts.Logger = slog.Default()
	}
	if opts.Concurrency < 1 {
		opts.Concurrency = 1
	}
	if opts.Observer == nil {
		opts.Observer = nopObserver{}
	}
	if opts.SlowAfter <= 0 {
		opts.SlowAfter = defaultSlowAfter
	}
	if opts.Rand == nil {
		opts.Rand = rand.Float64
	}
	if opts.MaxItems <= 0 {
		opts.MaxItems = DefaultMaxItems
	}
	schedule, err := cronParser().Parse(opts.Schedule)
	if err != nil {
		return nil, fmt.Errorf("poller schedule %q: %w", opts.Schedule, err)
	}
	p := &Poller{opts: opts, log: opts.Logger, schedule: schedule, dbLog: &throttle.Log{Now: opts.Now}, kick: make(chan struct{}, 1), clean: summarize.CleanText,
		textSem: make(chan struct{}, opts.Concurrency)}
	p.bounds = newBounds(p.Interval(), opts.MinInterval, opts.MaxInterval)
	return p, nil
}

// Interval is the schedule's interval: the time between its next two runs,
// the interval of a source the poller knows nothing of yet.
func (p *Poller) Interval() time.Duration {
	next := p.schedule.Next(p.opts.Now())
	return max(p.schedule.Next(next).Sub(next), time.Second)
}

// NextPoll returns when the schedule next runs after t: a source due at t is
// fetched then.
func (p *Poller) NextPoll(t time.Time) time.Time { return p.schedule.Next(t) }

// Scheduled returns when Run next fetches the source: when it is due, or
// later when its host's politeness holds it (poller.host_gap between two
// fetches of a host that carries many sources: a source due now may wait
// minutes, and /sources said "now"); false when Run is not running or does
// not hold the source (retired, removed, or added since its last look at
// the sources).
func (p *Poller) Scheduled(id int64) (time.Time, bool) {
	v, ok := p.due.Load(id)
	if !ok {
		return time.Time{}, false
	}
	due := v.(time.Time)
	if held, ok := p.hostHold(id); ok && held.After(due) {
		return held, true
	}
	return due, true
}

// cronParser is config's, so that a schedule that passed validation parses here.
func cronParser() cron.Parser { return config.CronParser() }

// PollOnce fetches every source now, except those a failure holds back,
// concurrently within the limit and without the per-host politeness of Run
// (it serves tests and forced polls), stores new articles, then finishes every stored article not finished yet,
// whether from this poll or from one that stopped midway: full text and
// summary, story linking, then the alertable ones to the Sink. An article
// leaves a step only once the step is stored, and is finished only once the
// Sink returned, so a stop at any moment loses nothing, and the store's one
// alert per (chat, story) repeats nothing. A failing source is logged and
// recorded; it fails only when ctx is done, the sources or the pending
// articles cannot be read, or the Sink fails (the articles are tried again
// at the next poll).
func (p *Poller) PollOnce(ctx context.Context) error {
	p.loadMoved(ctx)
	sources, err := p.opts.Store.ListSources(ctx)
	if err != nil {
		return fmt.Errorf("poll: %w", err)
	}
	defer func(start time.Time) { p.opts.Observer.PollTook(time.Since(start)) }(time.Now())
	now := p.opts.Now()
	var (
		wg  sync.WaitGroup
		sem = make(chan struct{}, p.opts.Concurrency)
	)
	for _, src := range sources {
		if src.Origin == news.OriginRetired || src.Failures > 0 && DueAt(src, now).After(now) {
			continue
		}
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer func() { <-sem; wg.Done() }()
			p.pollSource(ctx, src)
		}()
	}
	wg.Wait()
	return p.finish(ctx, true)
}

// finish takes every pending article through the steps left to it. With
// wait false (Run's finisher) the article pages are fetched in the
// background (addText) and the articles already past them are taken on at
// once.
func (p *Poller) finish(ctx context.Context, wait bool) error {
	if err := p.addText(ctx, wait); err != nil {
		return err
	}
	if f, lp, ap, ok := p.oneWrite(); ok {
		return p.finishInOne(ctx, f, lp, ap)
	}
	linked, err := p.link(ctx)
	if err != nil {
		return err
	}
	return p.match(ctx, linked)
}

// pendingAt returns the articles pending at step: known, the articles the
// finish read at its step before, when they are all of them (only their ids
// are read), else every one read whole.
func (p *Poller) pendingAt(ctx context.Context, step string, known []news.Article) ([]news.Article, error) {
	if len(known) > 0 {
		ids, err := p.opts.Store.PendingIDs(ctx, step)
		if err != nil {
			return nil, err
		}
		byID := make(map[int64]int, len(known))
		for i, a := range known {
			byID[a.ID] = i
		}
		arts := make([]news.Article, 0, len(ids))
		for _, id := range ids {
			i, ok := byID[id]
			if !ok {
				break
			}
			arts = append(arts, known[i])
		}
		if len(arts) == len(ids) {
			return arts, nil
		}
	}
	return p.opts.Store.PendingArticles(ctx, step)
}

// addText gives the articles pending at stepText their full text (alertable
// teasers, when configured) and summary, Concurrency at a time. With wait
// it returns once they are done. Without (Run's finisher) it starts them
// and returns: a site whose article pages hang, each until the page
// timeout, would otherwise hold back the alerts of every other source's
// articles waiting for the same finish; each article whose text is stored
// asks for a finish (kick), and Run waits for those in progress before it
// returns. An article whose text is being made is not started twice.
func (p *Poller) addText(ctx context.Context, wait bool) error {
	arts, err := p.opts.Store.PendingArticles(ctx, stepText)
	if err != nil {
		return fmt.Errorf("poll: %w", err)
	}
	var wg sync.WaitGroup
	for _, a := range arts {
		if ctx.Err() != nil {
			break
		}
		if _, busy := p.texting.LoadOrStore(a.ID, struct{}{}); busy {
			continue
		}
		wg.Add(1)
		p.textWG.Add(1)
		go func() {
			defer func() { p.texting.Delete(a.ID); wg.Done(); p.textWG.Done() }()
			release, ok := p.textSlot(ctx, a.SourceID)
			if !ok {
				return
			}
			stored := p.addArticleText(ctx, a)
			release()
			if stored && !wait {
				p.texting.Delete(a.ID) // before the finish it asks for
				signal(p.kick)
			}
		}()
	}
	if wait {
		wg.Wait()
	}
	return ctx.Err()
}

// textSlot waits for a slot to make an article's text in: at most
// Concurrency in all and half of them (at least one) for one source, so
// that a site whose pages hang leaves room for the others' pages. A page
// still running after SlowAfter gives its slot in the common pool back
// (up to slowLaneMax such pages), keeping its source's: two sites whose
// pages hang no longer hold every slot until the page timeout. It
// reports false when ctx ends first; release gives the slot back.
func (p *Poller) textSlot(ctx context.Context, source int64) (release func(), ok bool) {
	v, _ := p.textBySource.LoadOrStore(source, make(chan struct{}, max(1, p.opts.Concurrency/2)))
	own := v.(chan struct{})
	select {
	case own <- struct{}{}:
	case <-ctx.Done():
		return nil, false
	}
	select {
	case p.textSem <- struct{}{}:
	case <-ctx.Done():
		<-own
		return nil, false
	}
	return p.slowText(own), true
}

// addArticleText makes and stores one article's text and summary, and
// reports whether it stored them; on a stop midway it stores nothing, so
// the article stays at stepText.
func (p *Poller) addArticleText(ctx context.Context, a news.Article) bool {
	var cleaned summarize.Cleaned // the page's text's cleaning, when it is the text
	if p.wantsPage(a) {
		page, err := p.opts.Pages.Fetch(ctx, a.URL)
		switch {
		case ctx.Err() != nil:
			return false
		case err != nil:
			p.log.Info("article page not fetched; using the feed's text", "source", a.SourceName, "url", a.URL, "err", err)
		default:
			// The page's text is cleaned as a feed's is (finishText): its
			// stamps, bylines and boxes are no text to search or to compare
			// stories by.
			if text := p.clean(page.Text); len(text.Text) > len(a.Text) {
				a.Text = summarize.LimitBytes(text.Text, maxText)
				cleaned = text
			}
			// The page's own image is previewed before the feed's.
			if page.ImageURL != "" {
				if err := p.opts.Store.UpdateArticlePageImage(ctx, a.ID, page.ImageURL); err != nil {
					p.dbLog.Error(p.log, "store article page image", "source", a.SourceName, "article", a.ID, "err", err)
				}
				a.PageImageURL = page.ImageURL
			}
		}
	}
	p.summarize(ctx, &a, cleaned)
	if ctx.Err() != nil {
		return false
	}
	if err := p.opts.Store.UpdateArticleText(ctx, a.ID, a.Text, a.Summary); err != nil {
		p.dbLog.Error(p.log, "store article text", "source", a.SourceName, "article", a.ID, "err", err)
		return false
	}
	return true
}

// wantsPage reports whether the article's text is to come from its page: an
// alertable teaser, when pages are fetched.
func (p *Poller) wantsPage(a news.Article) bool {
	return a.Alertable && p.opts.Pages != nil && a.URL != "" && summarize.IsTeaser(a.Text)
}

// summarize sets the article's summary, when there is a Summarizer;
// cleaned is what the cleaning of its text learnt, if it is known.
func (p *Poller) summarize(ctx context.Context, a *news.Article, cleaned summarize.Cleaned) {
	if p.opts.Summarizer != nil {
		a.Summary = p.opts.Summarizer.Summarize(ctx, summarize.Input{Title: a.Title, Text: a.Text, Source: a.SourceName, Cleaned: cleaned})
	}
}

// finishText is the finish of StoreFeedItemsFinished: it cleans the text
// of a new item that texts holds (by the item's index; nil: cleaned
// already), whatever else it does; then an item whose text the feed
// carries whole (no page to fetch) gets its summary before it is stored,
// in the fetch's worker, so that it is written once, past stepText; a
// teaser whose page is wanted is left to addText. On a stop (ctx done) it
// finishes nothing but the cleaning.
func (p *Poller) finishText(ctx context.Context, src news.Source, texts []*feedText, final map[string]bool) func(int, *news.Article) bool {
	return func(i int, a *news.Article) bool {
		var cleaned summarize.Cleaned
		if t := texts[i]; t != nil {
			cleaned = t.text(p.clean)
			a.Text = cleaned.Text
			if t.html != nil {
				a.ImageURL = t.image()
			}
		}
		if ctx.Err() != nil || p.wantsPage(*a) {
			return false
		}
		a.SourceName = src.Name
		p.summarize(ctx, a, cleaned)
		final[a.GUID] = ctx.Err() == nil
		return final[a.GUID]
	}
}

// link links the articles pending at stepLink to their stories and
// returns them, moved on to stepMatch.
func (p *Poller) link(ctx context.Context) ([]news.Article, error) {
	arts, err := p.pendingLink(ctx)
	if err != nil || len(arts) == 0 {
		return nil, wrapPoll(err)
	}
	if p.opts.Stories != nil {
		if _, err := p.opts.Stories.Link(ctx, arts); err != nil {
			if ctx.Err() != nil {
				return nil, ctx.Err()
			}
			// Alerting a story twice beats not alerting it.
			p.log.Error("story detection failed; the articles left unlinked count as stories of their own", "err", err)
		}
	}
	if err := p.opts.Store.AdvanceArticles(ctx, news.ArticleIDs(arts), stepLink, stepMatch); err != nil {
		return nil, wrapPoll(err)
	}
	return arts, nil
}

// match hands the alertable articles pending at stepMatch to the Sink, then
// marks them all finished; linked are the articles link moved on to
// stepMatch, read again only when others wait there too.
func (p *Poller) match(ctx context.Context, linked []news.Article) error {
	arts, err := p.pendingAt(ctx, stepMatch, linked)
	if err != nil || len(arts) == 0 {
		return wrapPoll(err)
	}
	var alertable []news.Article
	for _, a := range arts {
		if a.Alertable {
			alertable = append(alertable, a)
		}
	}
	if len(alertable) > 0 && p.opts.Sink != nil {
		if err := p.opts.Sink.HandleArticles(ctx, alertable); err != nil {
			return fmt.Errorf("poll: hand over %d articles: %w", len(alertable), err)
		}
	}
	return wrapPoll(p.opts.Store.AdvanceArticles(ctx, news.ArticleIDs(arts), stepMatch, stepDone))
}

func wrapPoll(err error) error {
	if err != nil {
		return fmt.Errorf("poll: %w", err)
	}
	return nil
}

// storeFix is what to do about err, a failure to store a fetch's articles:
// Options.StoreFix's advice, or else where to look.
func (p *Poller) storeFix(err error) string {
	if p.opts.StoreFix != nil {
		if fix := p.opts.StoreFix(err); fix != "" {
			return fix
		}
	}
	return "see why the database refuses writes (/status, /healthz, the log's database lines); the source is tried again within a minute and needs no change"
}

// pollSource fetches one source and stores its new articles, then records
// the fetch with when the source is due next; it returns the source as the
// fetch left it, that time, and how many articles it stored that wait for
// the finish (those the fetch's own write did not finish). A fetch counts
// as a success only once its articles are stored: a failed save is recorded
// as a failed fetch (validators and first-fetch flag untouched). On a stop
// (ctx done) it records nothing and returns the source unchanged.
func (p *Poller) pollSource(ctx context.Context, src news.Source) (news.Source, time.Time, int) {
	log := p.log.With("source", src.Name, "url", Redacted(src.URL))
	fetcher := p.opts.Fetcher
	if src.Origin == "chat" && p.opts.ChatFetcher != nil {
		fetcher = p.opts.ChatFetcher
	}
	resp, err := fetcher.Fetch(ctx, src.URL, src.ETag, src.LastModified)
	now := p.opts.Now()
	p.clock.note(p.log, src.URL, resp.Date, now)
	o := outcome{now: now, failures: src.Failures + 1, notModified: resp.NotModified, fresh: resp.Fresh, freshFrom: resp.FreshFrom}
	var feed parsedFeed
	if err == nil && !resp.NotModified {
		feed, err = parseFeedAfter(resp.Body, p.memos.last(src.ID))
		p.memos.keep(src.ID, feed.memo)
		if err != nil {
			err = notFeed(err)
		} else {
			o.dated, o.ttl = datedItems(feed.Feed, now), rssTTL(resp.Body)
		}
	}
	var (
		added []news.Article
		lst   listing
	)
	waiting, left, storeFailed := 0, 0, false
	if err == nil && feed.Feed != nil {
		if added, waiting, left, lst, err = p.storeItems(ctx, src, feed); err != nil {
			err, storeFailed = fmt.Errorf("store articles: %w", err), true
		}
	}
	if err != nil && ctx.Err() != nil {
		return src, now, 0
	}
	o.err = err
	if storeFailed {
		o.failures = 1 // the database's failure, not the source's: it grows no backoff
	}
	wait, why, note := plan(p.bounds, src.Interval, o)
	if storeFailed {
		// Tried again within a minute, or at the source's own interval when
		// that is shorter: a locked or full database loses no time once it
		// is back, and the source is fetched no more often than it is anyway.
		wait = min(wait, cmp.Or(src.Interval, p.bounds.base))
	}
	if err == nil {
		v := rollRoom // a 304: nothing new, room to spare
		if !resp.NotModified {
			v = p.rolls.judge(src, lst, p.opts.MaxItems)
		}
		wait, why = p.hurry(ctx, log, src, v, wait, why)
		p.noteMoved(ctx, log, src, resp.MovedTo)
		wait, why = p.pushedWait(src.ID, wait, why)
		p.offerHub(ctx, src, resp)
	}
	p.noteOnce(log, src.ID, note)
	r := news.FetchResult{NextFetchAt: now.Add(wait), Interval: wait, IntervalReason: why.Encode()}
	if err != nil { // a backoff or a server's wait is kept exact
		f := failure(err, storeFailed)
		if storeFailed { // the database's failure, not the source's
			p.dbLog.Warn(log, "fetch failed", "err", err, "cause", "the database refused to store the articles; the source answered well",
				"retry_in", wait, "fix", p.storeFix(err))
		} else if fix := failureFix(f, err, src.URL); fix != "" {
			log.Warn("fetch failed", "err", err, "failures", src.Failures+1, "retry_in", wait, "fix", fix)
		} else {
			log.Warn("fetch failed", "err", err, "failures", src.Failures+1, "retry_in", wait)
		}
		if !storeFailed {
			book, _ := p.opts.Store.(HurryBook)
			p.rolls.tooMany(ctx, log, book, src, err)
		}
		p.opts.Observer.Fetched("error")
		r.Err, r.Failure = f.Encode(), f.Kind
		if !storeFailed {
			src.Failures++
		}
		src.LastError = r.Err
	} else {
		p.opts.Observer.Fetched(fetchResult(resp.NotModified))
		p.opts.Observer.Stored(len(added))
		r.OK, r.NotModified, r.ETag, r.LastModified = true, resp.NotModified, resp.ETag, resp.LastModified
		if left > 0 {
			// The items left for the next fetches come with the whole
			// feed, not a 304 of an unchanged one.
			r.ETag, r.LastModified, resp.ETag, resp.LastModified = "", "", "", ""
		}
		r.NextFetchAt = now.Add(withJitter(wait, p.opts.Rand()))
		if !resp.NotModified {
			src.ETag, src.LastModified = resp.ETag, resp.LastModified
		}
		src.Fetches++
		src.Failures, src.LastError, src.LastOKAt = 0, "", now
		log.Debug("fetched", "not_modified", resp.NotModified, "new", len(added), "next_in", wait, "why", why.String())
	}
	src.LastFetchAt, src.NextFetchAt, src.Interval, src.IntervalReason = now, r.NextFetchAt, r.Interval, r.IntervalReason
	if rerr := p.opts.Store.RecordFetch(ctx, src.ID, r); rerr != nil && ctx.Err() == nil {
		// A stop is no database failure: it logged "record fetch ...:
		// context canceled" at ERROR on ordinary stops; the source is
		// fetched again after the restart.
		p.dbLog.Error(log, "record fetch", "err", rerr)
	}
	return src, r.NextFetchAt, waiting
}

// noteOnce logs, once per source and kind of note, that a feed asked for
// something absurd and was bounded: a source whose answers alternate
// between two absurd requests logs each once.
func (p *Poller) noteOnce(log *slog.Logger, id int64, note string) {
	if note == "" {
		return
	}
	kind, _, _ := strings.Cut(note, " of ") // the same header, whatever its value
	if _, seen := p.noted.LoadOrStore(notedKey{id, kind}, true); seen {
		return
	}
	log.Warn("feed asks for an interval out of bounds", "bounded", note)
}

// oldestFirst reports whether a feed of n items, the ith published at(i),
// lists them oldest first: more of its neighbours go up in time than down.
func oldestFirst(n int, at func(int) time.Time) bool {
	up, down := 0, 0
	for i := 1; i < n; i++ {
		switch at(i).Compare(at(i - 1)) {
		case 1:
			up++
		case -1:
			down++
		}
	}
	return up > down
}

// notedKey is a source and a kind of absurd request it made.
type notedKey struct {
	id   int64
	kind string
}

// storeItems stores the feed's items, new ones pending at stepText. On a
// source's first successful fetch, and for items published before MaxAge,
// articles are stored but not alertable: decided now, once. It returns the
// articles stored, how many of them wait for the finish (those a planned
// write did not finish) and how many new items it left for the next
// fetches (newestUnseen), and what the items say of how the feed rolls.
func (p *Poller) storeItems(ctx context.Context, src news.Source, feed parsedFeed) ([]news.Article, int, int, listing, error) {
	now := p.opts.Now()
	// An item's text is cleaned when the store finds it new (finishText):
	// most items of a fetch are stored already.
	type item struct {
		a   news.Article
		raw *feedText
	}
	got := make([]item, 0, len(feed.Items))
	for _, it := range feed.Items {
		if it == nil {
			continue
		}
		a, raw := itemOf(it, src.URL, now, p.clean, feed.html[it], feed.sources[it])
		if a.Title == "" && a.Text == "" { // raw is nil without a title
			continue
		}
		a.Alertable = src.Fetches > 0 && now.Sub(a.PublishedAt) <= p.opts.MaxAge
		got = append(got, item{a, raw})
	}
	// Oldest first, so ids follow publication and alerts go out in order.
	// Items of the same time (undated ones, dated now; a feed that gives
	// days only) keep the feed's own order read from its end: a feed lists
	// the newest first, unless its dated items say it goes the other way.
	if !oldestFirst(len(got), func(i int) time.Time { return got[i].a.PublishedAt }) {
		slices.Reverse(got)
	}
	slices.SortStableFunc(got, func(a, b item) int { return a.a.PublishedAt.Compare(b.a.PublishedAt) })
	listed := len(got)
	items, texts := make([]news.Article, len(got)), make([]*feedText, len(got))
	for i, it := range got {
		items[i], texts[i] = it.a, it.raw
	}
	lst := listing{listed: listed}
	items, texts, left, err := p.newestUnseen(ctx, src, items, texts)
	if err != nil {
		return nil, 0, 0, lst, err
	}
	final := map[string]bool{} // the guids finishText finished
	finish := p.finishText(ctx, src, texts, final)
	var (
		added   []news.Article
		waiting int
	)
	if ps, lp, ap, ok := p.plannedWrite(); ok {
		added, waiting, err = p.storePlanned(ctx, ps, lp, ap, src, items, finish, final)
	} else {
		added, err = p.opts.Store.StoreFeedItemsFinished(ctx, src.ID, items, finish)
		if err == nil && len(final) > 0 {
			p.fresh.keep(src, added, final)
		}
		waiting = len(added)
	}
	if err == nil {
		p.revise(ctx, src, items, texts, added)
		book, _ := p.opts.Store.(ChurnBook)
		p.churn.note(ctx, book, p.log, p.opts.Observer, src, listed, len(items), len(added), p.opts.MaxItems)
		lst.known = len(items) - len(added)
	}
	return added, waiting, left, lst, err
}

// backoff is 1 minute doubling per consecutive failure, at most 6 hours.
func backoff(failures int) time.Duration {
	d := time.Minute
	for i := 1; i < failures && d < 6*time.Hour; i++ {
		d *= 2
	}
	return min(d, 6*time.Hour)
}
