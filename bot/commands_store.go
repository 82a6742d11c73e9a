package bot

import (
	"context"
	"time"

	"github.com/newshound/newshound/news"
)

// commandStore is what the commands of buttons
// need of the database, beyond RouterStore's own methods.
type commandStore interface {
	FindChat(ctx context.Context, id int64) (news.Chat, error)
	SetSubscriptionMuted(ctx context.Context, chatID, id int64, muted bool) error
	// MuteSubscriptionUntil is /mute kursk 2h: muted until then.
	MuteSubscriptionUntil(ctx context.Context, chatID, id int64, until time.Time) error
}
