package stories

import (
	"cmp"
	"container/heap"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"sync"
	"time"

	"github.com/newshound/newshound/news"
)

// Store is what the linker needs of the database.
type Store interface {
	// StoryCandidates returns the linked articles published since then with
	// an id above afterID, in id order.
	StoryCandidates(ctx context.Context, since time.Time, afterID int64) ([]news.StoryCandidate, error)
	// StoryWindowIDs returns the ids of the articles published since then.
	StoryWindowIDs(ctx context.Context, since time.Time) ([]int64, error)
	// LinkArticles records each article's story (StoryID; its own id: a
	// new story), canonical URL and signature, all or none.
	LinkArticles(ctx context.Context, links []news.StoryCandidate) error
	FindArticle(ctx context.Context, id int64) (news.Article, error)
}

// Options configures a Linker.
type Options struct {
	Store  Store
	Window time.Duration // 0 = every article is its own story
	// Threshold is the TF-IDF cosine at or above which two articles that
	// share a distinctive term are one story even when that term is common
	// (near-duplicate copies); above 0, at most 1.
	Threshold float64
	// MaxArticles bounds the articles the window holds in memory; 0 means
	// MaxWindow.
	MaxArticles int
	Logger      *slog.Logger
	Now         func() time.Time
}

// MaxWindow is the default bound of the articles the linker's window holds
// in memory, whatever Options.Window lets in: past it, the first published
// leave first, as if the window were shorter for a while. It is above the
// ~70,000 articles 10,000 sources bring in a 48-hour window. A window article
// takes about 1.3 KB of heap with its share of the document frequencies
// (TestWindowMemoryPerArticle checks at most 2 KB), so the window stays under
// ~200 MB however many articles arrive; the frequencies themselves are
// bounded by maxTerms.
const MaxWindow = 100_000

// Linker puts new articles into stories (see the package rules). It keeps
// the window's articles and the document frequencies of every article it has
// seen in memory, in step with the store's candidates at each Link: the first
// Link reads the whole window, later ones only the articles linked since
// (above a high-water mark of ids) and drop those that left the window, and
// every resyncEvery the ids of the window are read (not the candidates),
// which forgets articles deleted meanwhile. The window holds at most Options.MaxArticles (MaxWindow)
// articles, the last published. It is safe for concurrent use.
type Linker struct {
	opts Options
	log  *slog.Logger

	mu        sync.Mutex
	index     *Index
	canonical map[string]*canon   // canonical URL → its story, over the window
	urls      map[int64]string    // article → its canonical URL, over the window
	published map[int64]time.Time // article → when it was published, over the window
	expiry    expiryHeap          // the window's articles, first published first (stale entries skipped)
	high      int64               // the highest article id read or linked
	synced    time.Time           // the last full read of the window; zero = none yet
	seeded    bool                // the frequencies have learned from the stored articles (see seed)
}

// resyncEvery is how often the linker reads the whole window again rather
// than what was linked since its last read.
const resyncEvery = time.Hour

// NewLinker returns a Linker.
func NewLinker(opts Options) *Linker {
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.Logger == nil {
		opts.Logger = slog.Default()
	}
	if opts.MaxArticles <= 0 {
		opts.MaxArticles = MaxWindow
	}
	index := NewIndex()
	index.NearDuplicate = opts.Threshold
	return &Linker{opts: opts, log: opts.Logger, index: index, canonical: map[string]*canon{}, urls: map[int64]string{}, published: map[int64]time.Time{}}
}

// Link assigns each article (already stored, with its id) to the story of
// an earlier article, or makes it the first of a new one, and stores the
// outcome, in the order given: articles of one batch can join each other's
// stories. The batch is stored in one call. It returns how many joined an
// existing story. It fails when the store does; then none of the batch is
// linked, and the next Link reads the whole window again.
func (l *Linker) Link(ctx context.Context, articles []news.Article) (int, error) {
	if len(articles) == 0 {
		return 0, nil
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	links, joined, err := l.plan(ctx, articles)
	if err != nil {
		return 0, err
	}
	if err := l.opts.Store.LinkArticles(ctx, links); err != nil {
		// The window holds the batch the store does not: read it whole
		// next time, which forgets them.
		l.synced = time.Time{}
		return 0, fmt.Errorf("link stories: %w", err)
	}
	return joined, nil
}

// PlanLinks decides each article's story as Link does, and puts the batch
// into the window, but stores nothing: it returns the links for the caller
// to store (in a write of its own, with other steps) and how many joined an
// existing story. A caller whose write of the links fails calls Unstored.
// It fails when reading the window fails; then it plans nothing.
func (l *Linker) PlanLinks(ctx context.Context, articles []news.Article) ([]news.StoryCandidate, int, error) {
	if len(articles) == 0 {
		return nil, 0, nil
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.plan(ctx, articles)
}

// Unstored tells the linker that the links PlanLinks returned last were not
// stored: the next Link or PlanLinks reads the whole window again, which
// forgets them.
func (l *Linker) Unstored() {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.synced = time.Time{}
}

// plan decides the batch's stories and adds it to the window; l.mu held.
func (l *Linker) plan(ctx context.Context, articles []news.Article) ([]news.StoryCandidate, int, error) {
	if l.opts.Window > 0 {
		if err := l.sync(ctx); err != nil {
			return nil, 0, fmt.Errorf("link stories: %w", err)
		}
		if !l.seeded {
			l.seed(ctx, articles)
		}
	}
	joined := 0
	links := make([]news.StoryCandidate, 0, len(articles))
	for _, a := range articles {
		canonical := CanonicalURL(a.URL)
		f := ArticleFeatures(a)
		story := a.ID
		if l.opts.Window > 0 {
			if s, ok := l.match(canonical, f, a.PublishedAt); ok {
				story = s
				joined++
			}
		}
		links = append(links, news.StoryCandidate{ArticleID: a.ID, StoryID: story, CanonicalURL: canonical, Signature: f.Bytes(), PublishedAt: a.PublishedAt})
		if !l.index.Has(a.ID) {
			l.index.Freq.Add(f)
		}
		l.add(a.ID, story, canonical, f, a.PublishedAt)
		l.high = max(l.high, a.ID)
	}
	return links, joined, nil
}

// match returns the story of the window an article belongs to: a canonical
// URL match first, then the Index's decision.
func (l *Linker) match(canonical string, f Features, published time.Time) (int64, bool) {
	if canonical != "" {
		if c, ok := l.canonical[canonical]; ok {
			return c.story, true
		}
	}
	return l.index.Match(f, published)
}

// add puts an article into the window, unless it is there already, and
// makes the first published leave while the window holds more than its
// bound.
func (l *Linker) add(id, story int64, canonical string, f Features, published time.Time) {
	if l.index.Has(id) {
		return
	}
	defer l.trim()
	l.index.Add(id, story, f, published)
	l.published[id] = published
	heap.Push(&l.expiry, expiring{id: id, at: published})
	if canonical != "" {
		l.urls[id] = canonical
		if c, ok := l.canonical[canonical]; ok {
			c.n++
		} else {
			l.canonical[canonical] = &canon{story: story, n: 1}
		}
	}
}

// sync brings the in-memory window in step with the store's candidates:
// articles that left the window go, articles linked by another process (or
// before a restart) come in and are counted in the frequencies. The first
// sync (and one after the clock stepped back, or after a failed Link) reads
// every candidate of the window; later ones those above the high-water mark,
// and every resyncEvery the window's ids too, to forget deleted articles: 48
// ids an article in a 48-hour window, where the candidates (signatures of
// some 200 bytes, read from the articles' rows) cost ten times more. A candidate
// stored without features (by an older version) has them computed from its
// text; one that cannot be read is skipped with a warning.
func (l *Linker) sync(ctx context.Context) error {
	now := l.opts.Now()
	since := now.Add(-l.opts.Window)
	full := l.synced.IsZero() || now.Before(l.synced)
	after := l.high
	if full {
		after = 0
	} else if now.Sub(l.synced) >= resyncEvery {
		ids, err := l.opts.Store.StoryWindowIDs(ctx, since)
		if err != nil {
			return err
		}
		keep := make(map[int64]bool, len(ids))
		for _, id := range ids {
			keep[id] = true
		}
		l.forgetBut(keep)
		l.synced = now
	}
	stored, err := l.opts.Store.StoryCandidates(ctx, since, after)
	if err != nil {
		return err
	}
	for _, c := range stored {
		l.high = max(l.high, c.ArticleID)
	}
	if full {
		stored = lastPublished(stored, l.opts.MaxArticles)
		keep := make(map[int64]bool, len(stored))
		for _, c := range stored {
			keep[c.ArticleID] = true
		}
		l.forgetBut(keep)
		l.synced = now
	}
	for len(l.expiry) > 0 && l.expiry[0].at.Before(since) {
		e := heap.Pop(&l.expiry).(expiring)
		if at, ok := l.published[e.id]; ok && at.Equal(e.at) {
			l.remove(e.id)
		}
	}
	for _, c := range stored {
		if l.index.Has(c.ArticleID) {
			continue
		}
		f, err := ParseFeatures(c.Signature)
		if err != nil {
			a, err := l.opts.Store.FindArticle(ctx, c.ArticleID)
			if errors.Is(err, news.ErrNotFound) {
				continue
			}
			if err != nil {
				l.log.Warn("story candidate unreadable; skipped", "article", c.ArticleID, "err", err)
				continue
			}
			f = ArticleFeatures(a)
		}
		l.index.Freq.Add(f)
		l.add(c.ArticleID, c.StoryID, c.CanonicalURL, f, c.PublishedAt)
	}
	return nil
}

// Lister is a Store that lists the articles it holds, newest first: the
// linker's first read of the window also counts the terms of the last
// SeedArticles of them in the frequencies (see seed).
type Lister interface {
	ListArticlesSince(ctx context.Context, since time.Time, limit int) ([]news.Article, error)
}

// SeedArticles is how many stored articles, newest first, a linker counts
// in its frequencies at its first read of the window, besides the window's
// own.
const SeedArticles = 2000

// seed counts, once, the terms of the SeedArticles newest stored articles
// outside the window and the batch (counted as they come in) in the
// frequencies, when the store is a Lister and the window holds fewer than
// SeedArticles. Without them a linker
// that starts with few articles in its window (a new bot, whose first
// fetch is backlog the linker never sees, or a quiet one restarted) knows
// too few articles to tell a name from a word every article has: every
// shared term weighs alike, and the reports of one story stay apart. A
// failed read is logged; the frequencies then learn from the stream alone.
func (l *Linker) seed(ctx context.Context, batch []news.Article) {
	lister, ok := l.opts.Store.(Lister)
	if !ok || l.index.Len() >= SeedArticles {
		// a window this full counts enough articles of its own: reading
		// past it (the newest first) would cost a read of the window's texts
		l.seeded = true
		return
	}
	arts, err := lister.ListArticlesSince(ctx, time.Time{}, SeedArticles+l.index.Len()+len(batch))
	if err != nil {
		l.log.Warn("story frequencies: reading stored articles failed; learning from new ones only", "err", err)
		return
	}
	l.seeded = true
	in := make(map[int64]bool, len(batch))
	for _, a := range batch {
		in[a.ID] = true
	}
	n := 0
	for _, a := range arts {
		if in[a.ID] || l.index.Has(a.ID) || n >= SeedArticles {
			continue
		}
		l.index.Freq.Add(ArticleFeatures(a))
		n++
	}
}

// forgetBut removes the window's articles that keep lacks, and rebuilds the
// expiry heap.
func (l *Linker) forgetBut(keep map[int64]bool) {
	for id := range l.index.docs {
		if !keep[id] {
			l.remove(id)
		}
	}
	l.expiry = l.expiry[:0]
	for id := range l.index.docs {
		l.expiry = append(l.expiry, expiring{id: id, at: l.published[id]})
	}
	heap.Init(&l.expiry)
}

// trim makes the first published articles leave while the window holds more
// than its bound, and rebuilds the expiry heap when stale entries make it
// more than twice the window.
func (l *Linker) trim() {
	for l.index.Len() > l.opts.MaxArticles && len(l.expiry) > 0 {
		e := heap.Pop(&l.expiry).(expiring)
		if at, ok := l.published[e.id]; ok && at.Equal(e.at) {
			l.remove(e.id)
		}
	}
	if len(l.expiry) > 2*max(l.index.Len(), 1024) {
		l.expiry = l.expiry[:0]
		for id := range l.index.docs {
			l.expiry = append(l.expiry, expiring{id: id, at: l.published[id]})
		}
		heap.Init(&l.expiry)
	}
}

// lastPublished returns the n candidates published last (the later id wins
// a tie), in id order, or all of them when there are no more than n.
func lastPublished(cs []news.StoryCandidate, n int) []news.StoryCandidate {
	if len(cs) <= n {
		return cs
	}
	last := slices.Clone(cs)
	slices.SortFunc(last, func(a, b news.StoryCandidate) int {
		if c := b.PublishedAt.Compare(a.PublishedAt); c != 0 {
			return c
		}
		return cmp.Compare(b.ArticleID, a.ArticleID)
	})
	last = last[:n]
	slices.SortFunc(last, func(a, b news.StoryCandidate) int { return cmp.Compare(a.ArticleID, b.ArticleID) })
	return last
}

// canon is the story of a canonical URL and how many window articles have it.
type canon struct {
	story int64
	n     int
}

func (l *Linker) remove(id int64) {
	l.index.Remove(id)
	delete(l.published, id)
	u, ok := l.urls[id]
	if !ok {
		return
	}
	delete(l.urls, id)
	if c := l.canonical[u]; c != nil {
		if c.n--; c.n <= 0 {
			delete(l.canonical, u)
		}
	}
}

// expiring is an article of the window and when it was published.
type expiring struct {
	id int64
	at time.Time
}

// expiryHeap orders the window's articles by publication, first first
// (container/heap).
type expiryHeap []expiring

func (h expiryHeap) Len() int           { return len(h) }
func (h expiryHeap) Less(i, j int) bool { return h[i].at.Before(h[j].at) }
func (h expiryHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *expiryHeap) Push(x any)        { *h = append(*h, x.(expiring)) }
func (h *expiryHeap) Pop() any {
	old := *h
	e := old[len(old)-1]
	*h = old[:len(old)-1]
	return e
}
