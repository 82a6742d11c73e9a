package bot

import (
	"context"
	"sync"
	"time"
)

// Prompts: "/subscribe" alone asks what to look for (so do "/search" and
// "/unsubscribe" alone), and strangers answer
// the question with the words alone ("kursk deminers"), which got "I
// understand commands only". The router remembers the question for a few
// minutes: the asker's next plain text in a private chat, or their reply
// to the bot's message in a group (Telegram's privacy mode lets those
// through), is the command's argument. The memory is the process's: after
// a restart the words get the hint, as before.

// ask replies to command sent without its argument with question, and
// says the answer may come alone: /subscribe's and /search's words,
// /unsubscribe's ID or query. It remembers the question for the asker.
func (r *Router) ask(ctx context.Context, req request, command, question string) {
	r.prompts.ask(req.in.ChatID, req.in.UserID, command, r.now())
	more := tr(ctx).Sprintf("Or just send it now.")
	if req.in.ChatType != "private" {
		more = tr(ctx).Sprintf("Or reply to this message with it.")
	}
	r.reply(ctx, req.in.ChatID, question+" "+more)
}

// promptWindow is how long a question waits for its answer.
const promptWindow = 10 * time.Minute

// promptsMax bounds the questions remembered at once (about 80 bytes each);
// when full, a new question is not remembered.
const promptsMax = 10000

// prompts holds the open questions by (chat, user): the command whose
// argument the answer is, and until when.
type prompts struct {
	mu   sync.Mutex
	open map[[2]int64]prompt
}

type prompt struct {
	command string
	until   time.Time
}

// ask remembers that the user was asked for the command's argument.
func (p *prompts) ask(chatID, userID int64, command string, now time.Time) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.open == nil {
		p.open = map[[2]int64]prompt{}
	}
	if len(p.open) >= promptsMax {
		for k, q := range p.open {
			if !now.Before(q.until) {
				delete(p.open, k)
			}
		}
		if len(p.open) >= promptsMax {
			return
		}
	}
	p.open[[2]int64{chatID, userID}] = prompt{command: command, until: now.Add(promptWindow)}
}

// take returns the command the user's text answers, and forgets the
// question; ok is false when none is open (or it expired).
func (p *prompts) take(chatID, userID int64, now time.Time) (command string, ok bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	k := [2]int64{chatID, userID}
	q, found := p.open[k]
	if !found {
		return "", false
	}
	delete(p.open, k)
	if !now.Before(q.until) {
		return "", false
	}
	return q.command, true
}

// drop forgets the user's open question: they sent a command instead.
func (p *prompts) drop(chatID, userID int64) {
	p.mu.Lock()
	defer p.mu.Unlock()
	delete(p.open, [2]int64{chatID, userID})
}
