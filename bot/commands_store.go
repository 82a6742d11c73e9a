package bot

import (
	"context"

	"github.com/newshound/newshound/feeds"
	"github.com/newshound/newshound/news"
)

// commandStore is what the commands of sources, buttons and /stop
// need of the database, beyond RouterStore's own methods.
type commandStore interface {
	FindChat(ctx context.Context, id int64) (news.Chat, error)
	DeleteChat(ctx context.Context, id int64) error
	SetSubscriptionMuted(ctx context.Context, chatID, id int64, muted bool) error

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
