package bot

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/newshound/newshound/store"
	"github.com/newshound/newshound/subscriptions"
)

// command is one row of the command table, the one source of setMyCommands
// and /help.
type command struct {
	name        string
	args        string // usage, as shown by /help
	description string
	run         func(ctx context.Context, req request) error
}

// Command is a command's name and description, for setMyCommands.
type Command struct{ Name, Description string }

// Commands lists the command table for registration with Telegram.
func (r *Router) Commands() []Command {
	out := make([]Command, len(r.commands))
	for i, c := range r.commands {
		out[i] = Command{Name: c.name, Description: c.description}
	}
	return out
}

func (r *Router) table() []command {
	return []command{
		{"start", "", "Start Newshound in this chat", r.cmdStart},
		{"help", "", "What Newshound can do", r.cmdHelp},
		{"subscribe", "QUERY", "Alert me on news matching QUERY", r.cmdSubscribe},
		{"unsubscribe", "ID or QUERY", "Stop a subscription", r.cmdUnsubscribe},
		{"list", "", "Show this chat's subscriptions", r.cmdList},
		{"pause", "", "Pause all alerts", r.cmdPause},
		{"resume", "", "Resume alerts", r.cmdResume},
		{"timezone", "Area/City or +HH:MM", "Set this chat's time zone", r.cmdTimezone},
		{"digest", "HH:MM, off or now", "Daily digest: set its time, turn it off, or get one now", r.cmdDigest},
	}
}

func (r *Router) cmdStart(ctx context.Context, req request) error {
	if !req.chat.Active {
		if err := r.opts.Store.SetChatActive(ctx, req.in.ChatID, true); err != nil {
			return err
		}
	}
	r.reply(ctx, req.in.ChatID, "👋 <b>Newshound</b> sends you news that matches your keywords, as it breaks.\n\n"+
		"Try <code>/subscribe kursk deminers</code> or <code>/subscribe \"north korea\" OR pyongyang</code>.\n"+
		"Send /help for every command.")
	return nil
}

func (r *Router) cmdHelp(ctx context.Context, req request) error {
	var b strings.Builder
	b.WriteString("<b>Commands</b>\n")
	for _, c := range r.commands {
		b.WriteString("/" + c.name)
		if c.args != "" {
			b.WriteString(" <i>" + esc(c.args) + "</i>")
		}
		b.WriteString(" — " + esc(c.description) + "\n")
	}
	b.WriteString("\n<b>Queries</b>: words (all must appear), <code>\"exact phrase\"</code>, <code>a OR b</code>, " +
		"<code>-word</code> to exclude, <code>prefix*</code>, <code>title:word</code>, <code>source:reuters</code>.")
	r.reply(ctx, req.in.ChatID, b.String())
	return nil
}

func (r *Router) cmdSubscribe(ctx context.Context, req request) error {
	if req.args == "" {
		r.reply(ctx, req.in.ChatID, "Tell me what to look for, e.g. <code>/subscribe kursk deminers</code>.")
		return nil
	}
	res, err := r.opts.Subscriptions.Subscribe(ctx, req.in.ChatID, req.args)
	var perr *subscriptions.ParseError
	switch {
	case errors.As(err, &perr):
		r.reply(ctx, req.in.ChatID, "I can't use that query: "+esc(perr.Error())+".")
		return nil
	case errors.Is(err, store.ErrLimit):
		r.reply(ctx, req.in.ChatID, "This chat has as many subscriptions as it may hold. Remove one with /unsubscribe first.")
		return nil
	case err != nil:
		return err
	}
	var b strings.Builder
	if res.Created {
		fmt.Fprintf(&b, "✅ Subscribed (#%d): <code>%s</code>\n", res.Subscription.ID, esc(res.Query.String()))
	} else {
		fmt.Fprintf(&b, "You already have this subscription (#%d): <code>%s</code>\n", res.Subscription.ID, esc(res.Query.String()))
	}
	p := res.Preview
	fmt.Fprintf(&b, "In the last %d days it would have matched %d stored article(s).", int(p.Window.Hours()/24), p.Count)
	for _, t := range p.Titles {
		b.WriteString("\n• " + esc(clip(t, 200)))
	}
	r.reply(ctx, req.in.ChatID, b.String())
	return nil
}

func (r *Router) cmdUnsubscribe(ctx context.Context, req request) error {
	if req.args == "" {
		r.reply(ctx, req.in.ChatID, "Which one? Send <code>/unsubscribe ID</code> with an ID from /list, or the query itself.")
		return nil
	}
	sub, err := r.opts.Subscriptions.Unsubscribe(ctx, req.in.ChatID, req.args)
	if errors.Is(err, subscriptions.ErrNoSuchSubscription) {
		r.reply(ctx, req.in.ChatID, "This chat has no subscription "+esc(clip(req.args, 100))+". See /list.")
		return nil
	}
	if err != nil {
		return err
	}
	r.reply(ctx, req.in.ChatID, fmt.Sprintf("Removed #%d: <code>%s</code>", sub.ID, esc(sub.Query)))
	return nil
}

func (r *Router) cmdList(ctx context.Context, req request) error {
	subs, err := r.opts.Subscriptions.List(ctx, req.in.ChatID)
	if err != nil {
		return err
	}
	if len(subs) == 0 {
		r.reply(ctx, req.in.ChatID, "No subscriptions yet. Add one with <code>/subscribe QUERY</code>.")
		return nil
	}
	var b strings.Builder
	b.WriteString("<b>Subscriptions</b>\n")
	for _, s := range subs {
		fmt.Fprintf(&b, "#%d <code>%s</code>", s.ID, esc(s.Query))
		if s.Muted {
			b.WriteString(" (muted)")
		}
		b.WriteString("\n")
	}
	if req.chat.Paused {
		b.WriteString("\nAlerts are paused: /resume to turn them back on.")
	}
	r.reply(ctx, req.in.ChatID, b.String())
	return nil
}

func (r *Router) cmdPause(ctx context.Context, req request) error {
	if err := r.opts.Store.SetChatPaused(ctx, req.in.ChatID, true); err != nil {
		return err
	}
	r.reply(ctx, req.in.ChatID, "⏸ Alerts paused. Send /resume to get them again.")
	return nil
}

func (r *Router) cmdResume(ctx context.Context, req request) error {
	if err := r.opts.Store.SetChatPaused(ctx, req.in.ChatID, false); err != nil {
		return err
	}
	r.reply(ctx, req.in.ChatID, "▶️ Alerts resumed.")
	return nil
}
