package bot

import (
	"context"
	"sync"
	"time"

	"golang.org/x/time/rate"

	"github.com/newshound/newshound/news"
)

// Hints are the replies to text that is not a command ("I understand
// commands only"). A flood of them must not delay real replies, so:
//
//   - a chat gets at most one hint per HintEvery;
//   - all chats together get at most RouterOptions.HintsPerSecond (by
//     default a tenth of Telegram's global rate), so a burst of new chats
//     cannot spend more than that share of the send budget on hints;
//   - a hint is queued behind command replies (priorityHint): it goes after
//     every reply due, before alerts and digests.
//
// Groups get no hints for their chatter: text in a group is for the bot
// only when it is a command or mentions the bot ("@newshound_bot hello"),
// and a mention gets the hint within the same rations.
const (
	HintEvery = time.Hour
	// HintChatsMax bounds the chats whose last hint is remembered (about
	// 60 bytes each, so ~1.2 MB): when that many got a hint within the
	// hour, chats new to the list get none until the oldest expire.
	HintChatsMax = 20000
	// DefaultHintsPerSecond is RouterOptions.HintsPerSecond's default: 10%
	// of Telegram's 30 messages a second.
	DefaultHintsPerSecond = 3.0
)

// priorityHint sorts hints after command replies and before alerts.
const priorityHint = news.PriorityReply + 5

// hintRation decides which plain texts get a hint.
type hintRation struct {
	mu     sync.Mutex
	now    func() time.Time
	last   map[int64]time.Time // chat → when it last got a hint
	pruned time.Time           // when the full map was last pruned
	global *rate.Limiter
}

func newHintRation(now func() time.Time, perSecond float64) *hintRation {
	if perSecond <= 0 {
		perSecond = DefaultHintsPerSecond
	}
	return &hintRation{now: now, last: map[int64]time.Time{}, global: rate.NewLimiter(rate.Limit(perSecond), max(1, int(perSecond)))}
}

// allow reports whether the chat gets a hint now, and if so counts it.
func (h *hintRation) allow(chatID int64) bool {
	h.mu.Lock()
	defer h.mu.Unlock()
	now := h.now()
	if t, ok := h.last[chatID]; ok && now.Sub(t) < HintEvery && now.Sub(t) > -HintEvery {
		return false
	}
	if len(h.last) >= HintChatsMax {
		if now.Sub(h.pruned) < time.Minute && now.After(h.pruned) {
			return false // full, and pruned moments ago: a prune per new chat would cost the whole map each
		}
		h.pruned = now
		for id, t := range h.last {
			if now.Sub(t) >= HintEvery || now.Sub(t) <= -HintEvery {
				delete(h.last, id)
			}
		}
		if len(h.last) >= HintChatsMax {
			return false
		}
	}
	if !h.global.AllowN(now, 1) {
		return false
	}
	h.last[chatID] = now
	return true
}

// size returns how many chats are remembered.
func (h *hintRation) size() int {
	h.mu.Lock()
	defer h.mu.Unlock()
	return len(h.last)
}

// hint queues a hint for the chat, behind its command replies.
func (r *Router) hint(ctx context.Context, chatID int64, text string) {
	thread, replyTo := destinationOf(ctx, chatID) // a mention in a group: answered in its topic, threaded to it
	m := news.Message{ChatID: chatID, Kind: news.KindReply, Priority: priorityHint, Text: text, ThreadID: thread, ReplyTo: replyTo}
	if _, err := r.opts.Store.Enqueue(ctx, m); err != nil {
		r.log.Error("queue hint", "chat", chatID, "err", err)
		return
	}
	r.opts.Notify()
}
