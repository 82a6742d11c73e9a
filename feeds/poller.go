package feeds

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"github.com/mmcdole/gofeed"
	"github.com/robfig/cron/v3"

	"github.com/newshound/newshound/config"
	"github.com/newshound/newshound/news"
	"github.com/newshound/newshound/summarize"
)

// Store is what the poller needs of the database.
type Store interface {
	ListSources(ctx context.Context) ([]news.Source, error)
	InsertArticles(ctx context.Context, sourceID int64, items []news.Article) ([]news.Article, error)
	RecordFetch(ctx context.Context, id int64, r news.FetchResult) error
	UpdateArticleText(ctx context.Context, id int64, text, summary string) error
}

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

// PageTexter fetches an article page and extracts its text (for teasers).
type PageTexter interface {
	Text(ctx context.Context, pageURL string) (string, error)
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
}

// Poller fetches every source on a schedule, stores new articles and hands
// the alertable ones to its Sink. A failing source backs off exponentially
// (1 minute doubling to 6 hours, or the server's Retry-After) without
// holding up the others.
type Poller struct {
	opts     Options
	log      *slog.Logger
	schedule cron.Schedule
	running  atomic.Bool
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
	schedule, err := cronParser().Parse(opts.Schedule)
	if err != nil {
		return nil, fmt.Errorf("poller schedule %q: %w", opts.Schedule, err)
	}
	return &Poller{opts: opts, log: opts.Logger, schedule: schedule}, nil
}

// NextPoll returns when the schedule next runs after t: a source due at t is
// fetched then.
func (p *Poller) NextPoll(t time.Time) time.Time { return p.schedule.Next(t) }

// cronParser is config's, so that a schedule that passed validation parses here.
func cronParser() cron.Parser { return config.CronParser() }

// Run polls once at start, then on the schedule, until ctx is done. A run
// still going when the next is due makes that next one skip; a panic in a
// run is logged and the schedule goes on.
func (p *Poller) Run(ctx context.Context) error {
	c := cron.New(cron.WithParser(cronParser()))
	if _, err := c.AddFunc(p.opts.Schedule, func() { p.tick(ctx) }); err != nil {
		return fmt.Errorf("schedule poller: %w", err)
	}
	go p.tick(ctx)
	c.Start()
	<-ctx.Done()
	<-c.Stop().Done()
	for p.running.Load() { // let a poll in progress notice ctx and end
		time.Sleep(10 * time.Millisecond)
	}
	return nil
}

// tick is one scheduled run: skipped while the previous one runs, its panic
// logged rather than fatal. It reports whether it ran.
func (p *Poller) tick(ctx context.Context) (ran bool) {
	if !p.running.CompareAndSwap(false, true) {
		p.log.Warn("poll skipped: the previous one is still running")
		return false
	}
	defer p.running.Store(false)
	defer func() {
		if r := recover(); r != nil {
			p.log.Error("poll panicked", "panic", r)
		}
	}()
	if err := p.PollOnce(ctx); err != nil && ctx.Err() == nil {
		p.log.Error("poll failed", "err", err)
	}
	return true
}

// PollOnce fetches every source that is due, concurrently within the limit,
// stores new articles and hands the alertable ones to the Sink. A failing
// source is logged and recorded; it fails only when the sources cannot be
// listed or the Sink fails.
func (p *Poller) PollOnce(ctx context.Context) error {
	sources, err := p.opts.Store.ListSources(ctx)
	if err != nil {
		return fmt.Errorf("poll: %w", err)
	}
	defer func(start time.Time) { p.opts.Observer.PollTook(time.Since(start)) }(time.Now())
	now := p.opts.Now()
	var (
		mu    sync.Mutex
		fresh []news.Article
		wg    sync.WaitGroup
		sem   = make(chan struct{}, p.opts.Concurrency)
	)
	for _, src := range sources {
		if src.NextFetchAt.After(now) || src.Origin == news.OriginRetired {
			continue
		}
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer func() { <-sem; wg.Done() }()
			added := p.pollSource(ctx, src)
			mu.Lock()
			fresh = append(fresh, added...)
			mu.Unlock()
		}()
	}
	wg.Wait()
	if len(fresh) > 0 && p.opts.Stories != nil {
		if _, err := p.opts.Stories.Link(ctx, fresh); err != nil {
			// Alerting a story twice beats not alerting it.
			p.log.Error("story detection failed; the articles left unlinked count as stories of their own", "err", err)
		}
	}
	var alertable []news.Article
	for _, a := range fresh {
		if a.Alertable {
			alertable = append(alertable, a)
		}
	}
	if len(alertable) == 0 || p.opts.Sink == nil {
		return nil
	}
	if err := p.opts.Sink.HandleArticles(ctx, alertable); err != nil {
		return fmt.Errorf("poll: hand over %d articles: %w", len(alertable), err)
	}
	return nil
}

// pollSource fetches one source and returns its new articles.
func (p *Poller) pollSource(ctx context.Context, src news.Source) []news.Article {
	log := p.log.With("source", src.Name, "url", src.URL)
	fetcher := p.opts.Fetcher
	if src.Origin == "chat" && p.opts.ChatFetcher != nil {
		fetcher = p.opts.ChatFetcher
	}
	resp, err := fetcher.Fetch(ctx, src.URL, src.ETag, src.LastModified)
	var feed *gofeed.Feed
	if err == nil && !resp.NotModified {
		feed, err = gofeed.NewParser().Parse(bytes.NewReader(resp.Body))
		if err != nil {
			err = fmt.Errorf("not a feed (RSS, Atom or JSON Feed): %w", err)
		}
	}
	if err != nil {
		if ctx.Err() != nil {
			return nil
		}
		wait := backoff(src.Failures + 1)
		var se *StatusError
		if errors.As(err, &se) && se.RetryAfter > wait {
			wait = min(se.RetryAfter, 24*time.Hour)
		}
		log.Warn("fetch failed", "err", err, "failures", src.Failures+1, "retry_in", wait)
		p.opts.Observer.Fetched("error")
		if rerr := p.opts.Store.RecordFetch(ctx, src.ID, news.FetchResult{Err: err.Error(), NextFetchAt: p.opts.Now().Add(wait)}); rerr != nil {
			log.Error("record fetch", "err", rerr)
		}
		return nil
	}
	var added []news.Article
	if feed != nil {
		added = p.storeItems(ctx, src, feed)
	}
	p.opts.Observer.Fetched(fetchResult(resp.NotModified))
	p.opts.Observer.Stored(len(added))
	if err := p.opts.Store.RecordFetch(ctx, src.ID, news.FetchResult{OK: true, NotModified: resp.NotModified, ETag: resp.ETag, LastModified: resp.LastModified}); err != nil {
		log.Error("record fetch", "err", err)
	}
	log.Debug("fetched", "not_modified", resp.NotModified, "new", len(added))
	return added
}

// storeItems stores the feed's items. On a source's first successful fetch,
// and for items published before MaxAge, articles are stored but not alertable.
func (p *Poller) storeItems(ctx context.Context, src news.Source, feed *gofeed.Feed) []news.Article {
	now := p.opts.Now()
	items := make([]news.Article, 0, len(feed.Items))
	for _, it := range feed.Items {
		if it == nil {
			continue
		}
		a := articleOf(it, src.URL, now)
		if a.Title == "" && a.Text == "" {
			continue
		}
		a.Alertable = src.Fetches > 0 && now.Sub(a.PublishedAt) <= p.opts.MaxAge
		items = append(items, a)
	}
	// Oldest first, so ids follow publication and alerts go out in order.
	slices.SortStableFunc(items, func(a, b news.Article) int { return a.PublishedAt.Compare(b.PublishedAt) })
	added, err := p.opts.Store.InsertArticles(ctx, src.ID, items)
	if err != nil {
		p.log.Error("store articles", "source", src.Name, "err", err)
		return nil
	}
	for i := range added {
		a := &added[i]
		a.SourceName, a.SourceURL = src.Name, src.URL
		if a.Alertable && p.opts.Pages != nil && a.URL != "" && summarize.IsTeaser(a.Text) {
			if full, err := p.opts.Pages.Text(ctx, a.URL); err != nil {
				p.log.Info("article page not fetched; using the feed's text", "source", src.Name, "url", a.URL, "err", err)
			} else if len(full) > len(a.Text) {
				a.Text = summarize.LimitBytes(full, maxText)
			}
		}
		if p.opts.Summarizer != nil {
			a.Summary = p.opts.Summarizer.Summarize(ctx, summarize.Input{Title: a.Title, Text: a.Text, Source: src.Name})
		}
		if err := p.opts.Store.UpdateArticleText(ctx, a.ID, a.Text, a.Summary); err != nil {
			p.log.Error("store article text", "source", src.Name, "article", a.ID, "err", err)
		}
	}
	return added
}

// backoff is 1 minute doubling per consecutive failure, at most 6 hours.
func backoff(failures int) time.Duration {
	d := time.Minute
	for i := 1; i < failures && d < 6*time.Hour; i++ {
		d *= 2
	}
	return min(d, 6*time.Hour)
}
