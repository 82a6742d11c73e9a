package stories

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/newshound/newshound/news"
)

// Store is what the linker needs of the database.
type Store interface {
	StoryCandidates(ctx context.Context, since time.Time) ([]news.StoryCandidate, error)
	LinkArticle(ctx context.Context, id, storyID int64, canonicalURL string, signature []byte) error
	FindArticle(ctx context.Context, id int64) (news.Article, error)
}

// Options configures a Linker.
type Options struct {
	Store     Store
	Window    time.Duration // 0 = every article is its own story
	Threshold float64       // Jaccard similarity of title and lead, above 0, at most 1
	Logger    *slog.Logger
	Now       func() time.Time
}

// Linker puts new articles into stories (see the package rules).
type Linker struct {
	opts Options
	log  *slog.Logger
}

// NewLinker returns a Linker.
func NewLinker(opts Options) *Linker {
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.Logger == nil {
		opts.Logger = slog.Default()
	}
	return &Linker{opts: opts, log: opts.Logger}
}

// candidate is a linked article in memory, with its signature decoded.
type candidate struct {
	articleID, storyID int64
	canonical          string
	sig                Signature
	shingles           Shingles // filled on first exact comparison
}

// Link assigns each article (already stored, with its id) to the story of
// an earlier article, or makes it the first of a new one, and stores the
// outcome, in the order given: articles of one batch can join each other's
// stories. It returns how many joined an existing story. It fails when the
// store does; the articles linked before the failure stay linked.
func (l *Linker) Link(ctx context.Context, articles []news.Article) (int, error) {
	if len(articles) == 0 {
		return 0, nil
	}
	var cands []*candidate
	if l.opts.Window > 0 {
		stored, err := l.opts.Store.StoryCandidates(ctx, l.opts.Now().Add(-l.opts.Window))
		if err != nil {
			return 0, fmt.Errorf("link stories: %w", err)
		}
		cands = make([]*candidate, 0, len(stored)+len(articles))
		for _, c := range stored {
			cands = append(cands, &candidate{articleID: c.ArticleID, storyID: c.StoryID, canonical: c.CanonicalURL, sig: ParseSignature(c.Signature)})
		}
	}
	joined := 0
	for _, a := range articles {
		c := &candidate{articleID: a.ID, storyID: a.ID, canonical: CanonicalURL(a.URL), shingles: NewShingles(Text(a.Title, a.Summary, a.Text))}
		c.sig = Sign(c.shingles)
		if l.opts.Window > 0 {
			if best := l.match(ctx, c, cands); best != nil {
				c.storyID = best.storyID
				joined++
			}
		}
		if err := l.opts.Store.LinkArticle(ctx, a.ID, c.storyID, c.canonical, c.sig.Bytes()); err != nil {
			return joined, fmt.Errorf("link stories: %w", err)
		}
		cands = append(cands, c)
	}
	return joined, nil
}

// prefilter is how far below the threshold a signature estimate may fall and
// still be checked exactly: about two and a half standard errors.
const prefilter = 0.15

// match returns the candidate whose story c belongs to, or nil.
func (l *Linker) match(ctx context.Context, c *candidate, cands []*candidate) *candidate {
	var best *candidate
	bestScore := 0.0
	for _, o := range cands {
		if o.articleID == c.articleID {
			continue
		}
		if c.canonical != "" && o.canonical == c.canonical {
			return o
		}
		if c.sig == nil || o.sig == nil || c.sig.Similarity(o.sig) < l.opts.Threshold-prefilter {
			continue
		}
		sh, err := l.shingles(ctx, o)
		if err != nil {
			l.log.Warn("story candidate unreadable; skipped", "article", o.articleID, "err", err)
			continue
		}
		if score := Jaccard(c.shingles, sh); score >= l.opts.Threshold && score > bestScore {
			best, bestScore = o, score
		}
	}
	return best
}

// shingles returns a candidate's shingles, reading its text once.
func (l *Linker) shingles(ctx context.Context, o *candidate) (Shingles, error) {
	if o.shingles != nil {
		return o.shingles, nil
	}
	a, err := l.opts.Store.FindArticle(ctx, o.articleID)
	if errors.Is(err, news.ErrNotFound) {
		o.shingles = Shingles{}
		return o.shingles, nil
	}
	if err != nil {
		return nil, err
	}
	o.shingles = NewShingles(Text(a.Title, a.Summary, a.Text))
	return o.shingles, nil
}
