package bot

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/newshound/newshound/query"
)

// access is who may run a command.
type access int

const (
	// chatAdmins: anyone in a private chat; in a group, its administrators;
	// in a channel, whoever posts (only its administrators can).
	chatAdmins access = iota
	everyone
	operators // the users of telegram.admins
)

// accessOf says who may run a command. Commands change something unless
// listed here, so a new row of the table is for chat admins by default.
func accessOf(name string) access {
	switch name {
	case "start", "help", "list", "search", "latest", "trending", "sources", "id", "share", "settings":
		return everyone
	case "addsource", "removesource", "fetch", "export", "import", "status", "version":
		// Sources are one pool the operators keep (no chat owns one, even
		// one added in chat): fetching one ahead of its backoff, a server's
		// Retry-After or a 410 is theirs to decide, as adding and removing.
		return operators
	}
	return chatAdmins
}

// viewOnly reports whether a command with these arguments only shows a
// setting: /language, /timezone, /digest, /quiet and /preview without
// one, what /settings shows everyone. A group's member who asked which
// language or digest time the group has was told "only the admins can
// change its subscriptions and settings".
func viewOnly(name, args string) bool {
	if strings.TrimSpace(args) != "" {
		return false
	}
	switch name {
	case "language", "timezone", "digest", "quiet", "preview":
		return true
	}
	return false
}

// argLimit is the longest argument a command reads, in characters.
func argLimit(name string) int {
	if name == "import" {
		return MaxMessage // pasted OPML
	}
	return 1000
}

// shownLimit is the limit a reply about a too-long argument names: for the
// commands that take a query, the query's own limit, lower than argLimit,
// so that a user who shortens the query to the number named is not then
// refused again with a smaller one.
func shownLimit(name string) int {
	switch name {
	case "subscribe", "search":
		return query.MaxQueryLength
	}
	return argLimit(name)
}

// refusal returns the polite answer for a sender who may not do what is
// asked, or "" when they may.
func (r *Router) refusal(ctx context.Context, a access, in Incoming) string {
	switch a {
	case operators:
		if !r.isOperator(in.UserID) {
			return operatorRefusal(tr(ctx), in.UserID)
		}
	case chatAdmins:
		ok, err := r.isChatAdmin(ctx, in)
		if err != nil {
			// An admin was told "only the admins…" when Telegram did not
			// answer the check (an outage, a group just made a supergroup).
			return tr(ctx).Sprintf("I could not ask Telegram whether you administer this chat. Please try again in a minute.")
		}
		if !ok {
			return tr(ctx).Sprintf("Sorry, only the admins of this chat can change its subscriptions and settings.") + r.privateChatPointer(ctx)
		}
	}
	return ""
}

func (r *Router) isOperator(userID int64) bool {
	return userID != 0 && slices.Contains(r.opts.Operators, userID)
}

// isChatAdmin reports whether the sender administers the chat. It fails
// when Telegram does not answer the check (logged, and not cached).
func (r *Router) isChatAdmin(ctx context.Context, in Incoming) (bool, error) {
	switch {
	case in.ChatType == "private" || r.opts.Interactor == nil:
		return true, nil
	case in.Callback == nil && in.SenderChatID != 0 && in.SenderChatID == in.ChatID:
		return true, nil // an anonymous group admin, or a channel post
	case in.Callback == nil && in.ChatType == "channel":
		return true, nil // only a channel's admins can post in it
	case in.UserID == 0:
		return false, nil
	}
	if ok, found := r.admins.get(in.ChatID, in.UserID); found {
		return ok, nil
	}
	ok, err := r.opts.Interactor.IsChatAdmin(ctx, in.ChatID, in.UserID)
	if err != nil {
		r.log.Warn("admin check failed", "chat", in.ChatID, "user", in.UserID, "err", err)
		return false, fmt.Errorf("admin check: %w", err)
	}
	r.admins.put(in.ChatID, in.UserID, ok)
	return ok, nil
}

// AdminCacheMax bounds the (chat, user) answers the admin cache keeps
// (about 60 bytes each, so ~0.6 MB); when full, expired answers go, then
// answers at random (asked again when needed).
const AdminCacheMax = 10000

// adminNoTTL is how long the admin cache keeps a "no": long enough for a
// burst of presses, short enough that a member just made an admin is
// obeyed at the next try.
const adminNoTTL = 5 * time.Second

// adminCache remembers getChatMember answers briefly, so a busy group does
// not ask for every command, and a demoted admin loses rights within ttl;
// a "no" is kept at most adminNoTTL.
type adminCache struct {
	mu  sync.Mutex
	now func() time.Time
	ttl time.Duration
	m   map[[2]int64]adminEntry
}

type adminEntry struct {
	admin   bool
	expires time.Time
}

func newAdminCache(now func() time.Time, ttl time.Duration) *adminCache {
	return &adminCache{now: now, ttl: ttl, m: map[[2]int64]adminEntry{}}
}

func (c *adminCache) get(chatID, userID int64) (admin, found bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.m[[2]int64{chatID, userID}]
	if !ok || !c.now().Before(e.expires) {
		return false, false
	}
	return e.admin, true
}

func (c *adminCache) put(chatID, userID int64, admin bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	now := c.now()
	if len(c.m) >= AdminCacheMax {
		for k, e := range c.m {
			if !now.Before(e.expires) {
				delete(c.m, k)
			}
		}
		for k := range c.m { // still full: a quarter goes, at random, so this runs rarely
			if len(c.m) < AdminCacheMax*3/4 {
				break
			}
			delete(c.m, k)
		}
	}
	ttl := c.ttl
	if !admin {
		ttl = min(ttl, adminNoTTL)
	}
	c.m[[2]int64{chatID, userID}] = adminEntry{admin: admin, expires: now.Add(ttl)}
}

// privateChatPointer tells a group member the bot refused where the
// command works for them: their own chat with the bot, linked when the
// bot's @username is known. A stranger who typed /subscribe in a group
// read only that they were no admin.
func (r *Router) privateChatPointer(ctx context.Context) string {
	if r.opts.BotName == "" {
		return " " + tr(ctx).Sprintf("For alerts of your own, send me the command in a private chat.")
	}
	return " " + tr(ctx).Sprintf("For alerts of your own, send me the command in a private chat: %s", "https://t.me/"+esc(r.opts.BotName))
}
