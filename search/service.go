package search

import (
	"context"
	"log/slog"
	"time"

	"github.com/newshound/newshound/news"
	"github.com/newshound/newshound/query"
)

// Limits of the use cases.
const (
	PageSize        = 5                   // results a page shows
	MaxResults      = 50                  // results a search keeps for paging
	LatestWindow    = 7 * 24 * time.Hour  // how far back Latest looks
	LatestCount     = 5                   // articles Latest returns at most
	TrendingWindow  = 6 * time.Hour       // how far back Trending looks
	TrendingCount   = 5                   // stories Trending returns at most
	scanWindow      = 30 * 24 * time.Hour // how far back a search FTS5 cannot narrow reads
	scanLimit       = 1000                // articles such a search reads at most (each inflated and matched: 5,000 cost 230 ms at 1M)
	firstCandidates = 64                  // ranked FTS5 candidates read first to confirm MaxResults
	maxCandidates   = 200                 // ranked FTS5 candidates read, at most, to confirm MaxResults
	snippetWords    = 24                  // words a result's snippet shows
)

// Store is what the use cases need of the database.
type Store interface {
	// SearchNewest and SearchRecent read the matches that scope admits
	// (nil: of every source and address); ScopeArticles reads the newest
	// articles it admits.
	SearchNewest(ctx context.Context, match string, scope *query.Scope, limit int) (news.Found, error)
	SearchRecent(ctx context.Context, match string, scope *query.Scope, since time.Time, limit int) ([]news.Article, error)
	ListArticlesSince(ctx context.Context, since time.Time, limit int) ([]news.Article, error)
	ScopeArticles(ctx context.Context, scope *query.Scope, since time.Time, limit int) ([]news.Article, error)
	FindArticles(ctx context.Context, ids []int64) ([]news.Article, error)
	CreateSearch(ctx context.Context, sr news.Search) (int64, error)
	FindSearch(ctx context.Context, chatID, id int64) (news.Search, error)
	TrendingStories(ctx context.Context, since time.Time, limit int) ([]news.Story, error)
	// StoriesOf returns the story of each article (its own id when it has
	// none), for Latest's one line per story.
	StoriesOf(ctx context.Context, ids []int64) (map[int64]int64, error)
	// StoryOutlets names the other outlets of each article's story, for
	// Outlets.
	StoryOutlets(ctx context.Context, ids []int64) (map[int64][]string, error)
}

// Options configures a Service.
type Options struct {
	Store  Store
	Now    func() time.Time // nil: time.Now
	Logger *slog.Logger     // nil: slog.Default()
}

// Service runs searches, pages through them, and finds the latest and the
// trending news.
type Service struct {
	store Store
	now   func() time.Time
	log   *slog.Logger
}

// NewService returns a Service reading opts.Store.
func NewService(opts Options) *Service {
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.Logger == nil {
		opts.Logger = slog.Default()
	}
	return &Service{store: opts.Store, now: opts.Now, log: opts.Logger}
}
