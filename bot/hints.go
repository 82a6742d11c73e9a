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
//     every reply due, before alerts and digests, so that across chats a
//     thousand hints queued do not hold back one command's reply;
//   - but within its chat a hint keeps its place: when a command follows
//     it, the chat's queued hint is made a reply (raiseHints) before the
//     command's answer is queued. A chat's queue goes by priority first, so
//     "kursk ukraine" then /subscribe got the subscription's answer, then
//     the offer to subscribe. Queuing every hint as a reply would have kept
//     its chat's order too, but put a flood of hints of other chats ahead
//     of a command's reply (TestHintsQueueBehindReplies); raising only the
//     hints of a chat that sends a command after them costs an UPDATE per
//     command within the hour after a hint (the ration remembers it), none
//     otherwise, and leaves the rations as they were: a hint raised is
//     still the one its chat got this hour.
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

// recent reports whether the chat got a hint within HintEvery: one may
// still wait in the outbox.
func (h *hintRation) recent(chatID int64) bool {
	h.mu.Lock()
	defer h.mu.Unlock()
	t, ok := h.last[chatID]
	now := h.now()
	return ok && now.Sub(t) < HintEvery && now.Sub(t) > -HintEvery
}

// raiseHints makes the chat's hint, if one waits in the outbox, a reply,
// so that it leaves before the answer to the command that followed it
// (see above). A database that does not answer within ReplyWriteWait
// leaves the hint where it was: the command's answer may then come first,
// as it did before, and the failure is logged.
func (r *Router) raiseHints(ctx context.Context, chatID int64) {
	if !r.hints.recent(chatID) {
		return
	}
	err := Within(ctx, ReplyWriteWait, func(ctx context.Context) error {
		_, err := r.opts.Store.RaiseToReplies(ctx, chatID)
		return err
	})
	if err != nil {
		r.log.Warn("the hint may come after the command's answer", "chat", chatID, "err", err)
	}
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
