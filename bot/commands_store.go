package bot

import (
	"context"
	"time"

	"github.com/newshound/newshound/feeds"
	"github.com/newshound/newshound/news"
)

// commandStore is what the commands of search, sources and buttons
// need of the database, beyond RouterStore's own methods.
type commandStore interface {
	FindChat(ctx context.Context, id int64) (news.Chat, error)
	SetSubscriptionMuted(ctx context.Context, chatID, id int64, muted bool) error

	SearchArticles(ctx context.Context, match string, limit int) ([]news.Hit, error)
	SearchRecent(ctx context.Context, match string, since time.Time, limit int) ([]news.Article, error)
	ListArticlesSince(ctx context.Context, since time.Time, limit int) ([]news.Article, error)
	FindArticles(ctx context.Context, ids []int64) ([]news.Article, error)
	Snippets(ctx context.Context, match string, ids []int64) (map[int64]string, error)
	CreateSearch(ctx context.Context, chatID int64, query string, ids []int64) (int64, error)
	FindSearch(ctx context.Context, chatID, id int64) (news.Search, error)
	TrendingStories(ctx context.Context, since time.Time, limit int) ([]news.Story, error)

	ListSources(ctx context.Context) ([]news.Source, error)
	FindSource(ctx context.Context, id int64) (news.Source, error)
	FindSourceByURL(ctx context.Context, url string) (news.Source, error)
	UpsertSource(ctx context.Context, name, url, origin string) (news.Source, error)
	DeleteSource(ctx context.Context, id int64) error
}

// FeedFinder fetches what chat users point at, through the address guard:
// feed discovery for /addsource, OPML lists and URL checks for /import.
type FeedFinder interface {
	Discover(ctx context.Context, rawURL string) (feeds.Discovered, error)
	Get(ctx context.Context, rawURL string) (feeds.Page, error)
	Allowed(ctx context.Context, rawURL string) error
}
