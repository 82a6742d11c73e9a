package bot

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/newshound/newshound/store"
	"github.com/newshound/newshound/subscriptions"
)

// Subscriptions is what the commands need of the subscription service.
type Subscriptions interface {
	Subscribe(ctx context.Context, chatID int64, text string) (subscriptions.Subscribed, error)
	Unsubscribe(ctx context.Context, chatID int64, arg string) (store.Subscription, error)
	List(ctx context.Context, chatID int64) ([]store.Subscription, error)
}

// RouterStore is what the router needs of the database.
type RouterStore interface {
	EnsureChat(ctx context.Context, id int64, typ, title string, def store.ChatDefaults) (store.Chat, error)
	SetChatActive(ctx context.Context, id int64, active bool) error
	SetChatPaused(ctx context.Context, id int64, paused bool) error
	Enqueue(ctx context.Context, m store.Message) (int64, error)
}

// RouterOptions configures a Router.
type RouterOptions struct {
	Store         RouterStore
	Subscriptions Subscriptions
	ChatDefaults  store.ChatDefaults
	BotName       string // the bot's username, to tell /cmd@ThisBot from /cmd@OtherBot
	Notify        func() // wakes the sender after a reply is queued
	Logger        *slog.Logger
	Digests       Digests          // /timezone and /digest; nil: not available
	Now           func() time.Time // nil: time.Now
}

// Router turns incoming messages into command calls; every reply goes
// through the outbox, ahead of queued alerts.
type Router struct {
	opts     RouterOptions
	log      *slog.Logger
	commands []command
}

// NewRouter returns a Router with the command table.
func NewRouter(opts RouterOptions) *Router {
	if opts.Logger == nil {
		opts.Logger = slog.Default()
	}
	if opts.Notify == nil {
		opts.Notify = func() {}
	}
	r := &Router{opts: opts, log: opts.Logger}
	r.commands = r.table()
	return r
}

// request is one command being handled.
type request struct {
	in   Incoming
	chat store.Chat
	args string
}

// maxArgs bounds what a command reads of its arguments.
const maxArgs = 1000

// Handle runs the command in the message, if it is one for this bot. Text
// that is not a command is ignored in groups and answered with a pointer to
// /help in private chats. Failures are logged and answered with a plain sentence.
func (r *Router) Handle(ctx context.Context, in Incoming) {
	name, args, ok := r.parseCommand(in.Text)
	if !ok {
		if in.ChatType == "private" && strings.TrimSpace(in.Text) != "" {
			r.reply(ctx, in.ChatID, "I understand commands only. Send /help to see them.")
		}
		return
	}
	chat, err := r.opts.Store.EnsureChat(ctx, in.ChatID, in.ChatType, in.ChatTitle, r.opts.ChatDefaults)
	if err != nil {
		r.log.Error("ensure chat", "chat", in.ChatID, "err", err)
		return
	}
	cmd := r.lookup(name)
	if cmd == nil {
		r.reply(ctx, in.ChatID, "I don't know /"+esc(clip(name, 40))+". Send /help to see what I can do.")
		return
	}
	if utf8.RuneCountInString(args) > maxArgs {
		r.reply(ctx, in.ChatID, fmt.Sprintf("That is too long for /%s (%d characters, at most %d).", cmd.name, utf8.RuneCountInString(args), maxArgs))
		return
	}
	if err := cmd.run(ctx, request{in: in, chat: chat, args: args}); err != nil {
		r.log.Error("command failed", "command", cmd.name, "chat", in.ChatID, "err", err)
		r.reply(ctx, in.ChatID, "Sorry, something went wrong on my side. Please try again later.")
	}
}

// parseCommand splits "/name@bot args". It reports false for text that is
// not a command or is addressed to another bot.
func (r *Router) parseCommand(text string) (name, args string, ok bool) {
	text = strings.TrimSpace(text)
	if !strings.HasPrefix(text, "/") {
		return "", "", false
	}
	head, rest, _ := strings.Cut(text, " ")
	if h, r2, found := strings.Cut(head, "\n"); found {
		head, rest = h, r2+" "+rest
	}
	name = strings.ToLower(strings.TrimPrefix(head, "/"))
	if n, target, found := strings.Cut(name, "@"); found {
		if r.opts.BotName == "" || !strings.EqualFold(target, r.opts.BotName) {
			return "", "", false
		}
		name = n
	}
	if name == "" {
		return "", "", false
	}
	return name, strings.TrimSpace(rest), true
}

func (r *Router) lookup(name string) *command {
	for i := range r.commands {
		if r.commands[i].name == name {
			return &r.commands[i]
		}
	}
	return nil
}

// reply queues an HTML reply; text must be escaped already.
func (r *Router) reply(ctx context.Context, chatID int64, text string, buttons ...[]Button) {
	for _, part := range splitMessage(text, MaxMessage) {
		m := store.Message{ChatID: chatID, Kind: store.KindReply, Priority: store.PriorityReply, Text: part}
		if len(buttons) > 0 {
			b, _ := json.Marshal(buttons)
			m.Buttons = string(b)
		}
		if _, err := r.opts.Store.Enqueue(ctx, m); err != nil {
			r.log.Error("queue reply", "chat", chatID, "err", err)
			return
		}
	}
	r.opts.Notify()
}
