package bot

import (
	"context"
	"log/slog"
	"sync"
	"time"
)

// Prompts: "/subscribe" alone asks what to look for (so do "/search" and
// "/unsubscribe" alone), and strangers answer
// the question with the words alone ("kursk deminers"), which got "I
// understand commands only". The router remembers the question for a few
// minutes: the asker's next plain text in a private chat, or their reply
// to the bot's message in a group (Telegram's privacy mode lets those
// through), is the command's argument. In a group, another member's reply
// to the question itself answers it too (the question says "reply to this
// message"; a second admin's answer was ignored), with that member's
// rights: a member who may not subscribe is told so. With a PromptStore the questions
// outlive a restart (a stranger who answers after the bot was updated
// would get "I understand commands only"), with the message they were
// asked in, so that another member's reply still answers them; memory
// holds them too, and is filled from the store once, so a command costs
// no database read.

// PromptStore keeps the open questions across restarts.
type PromptStore interface {
	SavePrompt(ctx context.Context, chatID, userID int64, command string, row int64, until time.Time) error
	DeletePrompt(ctx context.Context, chatID, userID int64) error
	EachPrompt(ctx context.Context, now time.Time, max int, fn func(chatID, userID int64, command string, row int64, until time.Time) error) error
}

// ask replies to command sent without its argument with question, and
// says the answer may come alone: /subscribe's and /search's words,
// /unsubscribe's ID or query. It remembers the question for the asker.
func (r *Router) ask(ctx context.Context, req request, command, question string) {
	more := tr(ctx).Sprintf("Or just send it now.")
	if req.in.ChatType != "private" {
		more = tr(ctx).Sprintf("Or reply to this message with it.")
	}
	row := r.reply(ctx, req.in.ChatID, question+" "+more)
	r.prompts.ask(ctx, req.in.ChatID, req.in.UserID, command, row, r.now())
}

// answered returns the command whose question in, a reply in a group from
// someone who has no question of their own open, answers: the bot's
// message it replies to is a question still open there. A reply to an
// alert or to another answer is chatter, and gets nothing.
func (r *Router) answered(ctx context.Context, in Incoming) (command string, ok bool) {
	if in.ChatType == "private" || !in.RepliesToBot || in.ReplyToID == 0 {
		return "", false
	}
	return r.prompts.takeReplied(ctx, in.ChatID, r.now(), func(row int64) bool {
		m, err := r.opts.Store.FindMessage(ctx, row)
		return err == nil && m.ChatID == in.ChatID && m.TelegramID == in.ReplyToID
	})
}

// promptWindow is how long a question waits for its answer.
const promptWindow = 10 * time.Minute

// promptsMax bounds the questions remembered at once (about 80 bytes each);
// when full, a new question is not remembered.
const promptsMax = 10000

// prompts holds the open questions by (chat, user): the command whose
// argument the answer is, and until when. A failing store costs only the
// question's life across a restart: it is logged, and memory answers.
type prompts struct {
	st   PromptStore // nil: memory only
	log  *slog.Logger
	once sync.Once // the questions stored before the start, read at first use

	mu   sync.Mutex
	open map[[2]int64]prompt
}

type prompt struct {
	command string
	until   time.Time
	row     int64 // the question's outbox row (0: unknown, as for one stored before 0062)
}

// load reads the questions still open from the store, once.
func (p *prompts) load(ctx context.Context, now time.Time) {
	p.once.Do(func() {
		if p.st == nil {
			return
		}
		err := p.st.EachPrompt(ctx, now, promptsMax, func(chatID, userID int64, command string, row int64, until time.Time) error {
			p.remember(chatID, userID, command, row, until, now)
			return nil
		})
		if err != nil {
			p.log.Warn("questions asked before the start not read; their answers get the hint", "err", err)
		}
	})
}

// remember holds the question in memory, if there is room.
func (p *prompts) remember(chatID, userID int64, command string, row int64, until, now time.Time) bool {
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
			return false
		}
	}
	p.open[[2]int64{chatID, userID}] = prompt{command: command, until: until, row: row}
	return true
}

// ask remembers that the user was asked for the command's argument, in the
// reply queued as outbox row row.
func (p *prompts) ask(ctx context.Context, chatID, userID int64, command string, row int64, now time.Time) {
	p.load(ctx, now)
	until := now.Add(promptWindow)
	if !p.remember(chatID, userID, command, row, until, now) || p.st == nil {
		return
	}
	if err := p.st.SavePrompt(ctx, chatID, userID, command, row, until); err != nil {
		p.log.Warn("question not stored; a restart forgets it", "chat", chatID, "user", userID, "err", err)
	}
}

// take returns the command the user's text answers, and forgets the
// question; ok is false when none is open (or it expired).
func (p *prompts) take(ctx context.Context, chatID, userID int64, now time.Time) (command string, ok bool) {
	p.load(ctx, now)
	q, found := p.forget(ctx, chatID, userID)
	if !found || !now.Before(q.until) {
		return "", false
	}
	return q.command, true
}

// takeReplied returns the command of the chat's open question that is
// sent as replied says of its outbox row, and forgets it; ok is false
// when there is none. It looks at the chat's questions only, a few.
func (p *prompts) takeReplied(ctx context.Context, chatID int64, now time.Time, replied func(row int64) bool) (command string, ok bool) {
	p.load(ctx, now)
	p.mu.Lock()
	var asked []struct {
		user int64
		row  int64
	}
	for k, q := range p.open {
		if k[0] == chatID && q.row != 0 && now.Before(q.until) {
			asked = append(asked, struct {
				user int64
				row  int64
			}{k[1], q.row})
		}
	}
	p.mu.Unlock()
	for _, a := range asked { // outside the lock: replied reads the store
		if replied(a.row) {
			q, found := p.forget(ctx, chatID, a.user)
			return q.command, found
		}
	}
	return "", false
}

// drop forgets the user's open question: they sent a command instead.
func (p *prompts) drop(ctx context.Context, chatID, userID int64, now time.Time) {
	p.load(ctx, now)
	p.forget(ctx, chatID, userID)
}

// forget removes the user's question from memory and, when there was one,
// from the store: a command that answers none costs no write.
func (p *prompts) forget(ctx context.Context, chatID, userID int64) (prompt, bool) {
	p.mu.Lock()
	k := [2]int64{chatID, userID}
	q, found := p.open[k]
	delete(p.open, k)
	p.mu.Unlock()
	if found && p.st != nil {
		if err := p.st.DeletePrompt(ctx, chatID, userID); err != nil {
			p.log.Warn("answered question not deleted from the store", "chat", chatID, "user", userID, "err", err)
		}
	}
	return q, found
}
