package bot

import (
	"context"
	"crypto/rand"
	"encoding/json"
	"log/slog"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/newshound/newshound/news"
	"github.com/newshound/newshound/settings"
	"github.com/newshound/newshound/subscriptions"
)

// Subscriptions is what the commands need of the subscription service.
type Subscriptions interface {
	SubscribeIn(ctx context.Context, chatID int64, thread int, text string) (subscriptions.Subscribed, error)
	Unsubscribe(ctx context.Context, chatID int64, arg string) (news.Subscription, error)
	Find(ctx context.Context, chatID int64, arg string) (news.Subscription, error) // /mute kursk
	List(ctx context.Context, chatID int64) ([]news.Subscription, error)
	Restored(subs []news.Subscription) // TopicReopener.MoveThreadBack's, matched again
}

// Settings is what the commands need of the chat-settings service:
// /pause, /resume, /quiet, /timezone, /digest and /stop.
type Settings interface {
	SetPaused(ctx context.Context, chatID int64, paused bool) error
	PauseUntil(ctx context.Context, chatID int64, until time.Time) error // /pause 3 days
	Quiet(ctx context.Context, chatID int64) (settings.Quiet, error)
	SetQuiet(ctx context.Context, chatID int64, change settings.QuietChange) (settings.Quiet, error)
	SetTimezone(ctx context.Context, chatID int64, zone string) (string, *time.Location, error)
	SetDigestTime(ctx context.Context, chatID int64, at string) (string, error)
	DigestOff(ctx context.Context, chatID int64) (string, error)
	KeptDigestTime(ctx context.Context, chatID int64) (string, error)
	LastDigestDate(ctx context.Context, chatID int64) (string, error)
	DeleteChat(ctx context.Context, chatID int64) error
}

// RouterStore is what the router needs of the database.
type RouterStore interface {
	EnsureChat(ctx context.Context, id int64, typ, title string, def news.ChatDefaults) (news.Chat, error)
	SetChatActive(ctx context.Context, id int64, active bool) error
	Enqueue(ctx context.Context, m news.Message) (int64, error)
	// FindMessage reads a queued reply back: whether the question a group
	// member answers is the one the bot sent (prompts.go).
	FindMessage(ctx context.Context, id int64) (news.MessageState, error)
	// RaiseToReplies makes the chat's queued hints replies, when a command
	// follows them (hints.go).
	RaiseToReplies(ctx context.Context, chatID int64) (int, error)
	commandStore
}

// Interactor is what the router needs of the transport besides sending:
// answers to button presses, the admin check of group members, and
// rewriting a message whose buttons were pressed. Telegram has it; the
// console does not (its one user administers its one chat).
type Interactor interface {
	AnswerCallback(ctx context.Context, callbackID, text string) error
	IsChatAdmin(ctx context.Context, chatID, userID int64) (bool, error)
	RewriteMessage(ctx context.Context, chatID int64, messageID int, text string, buttons [][]Button) error
}

// Files downloads the files users send, for /import of an OPML file.
// Telegram has it; the console has no files.
type Files interface {
	DownloadFile(ctx context.Context, fileID string, max int64) ([]byte, error)
}

// RouterOptions configures a Router.
// SourcesOrigin says where the sources /removesource may not remove come
// from, for its answer: "comes from the configuration file" sent an
// operator looking for a file that -demo, or a console started without
// -config, does not have.
type SourcesOrigin struct {
	File    string // the configuration file's path; "" when it goes unnamed
	BuiltIn bool   // no configuration file: the built-in world-news list
	Demo    bool   // -demo's made-up newsroom
}

type RouterOptions struct {
	// FileSources is where the configuration's sources come from.
	FileSources   SourcesOrigin
	Store         RouterStore
	Subscriptions Subscriptions
	Settings      Settings // required: /pause, /resume, /quiet, /timezone, /digest, /stop
	ChatDefaults  news.ChatDefaults
	BotName       string // the bot's username, to tell /cmd@ThisBot from /cmd@OtherBot
	Notify        func() // wakes the sender after a reply is queued
	Logger        *slog.Logger
	Digests       Digests          // /digest; nil: not available
	Search        Searcher         // /search, /latest and /trending; nil: not available
	Now           func() time.Time // nil: time.Now
	Interactor    Interactor       // nil: every user administers their chat, and buttons are not answered
	Operators     []int64          // telegram.admins: the users who may manage sources
	Secret        []byte           // signs callback data; nil: a random key for this process
	Sources       Sources          // /sources, /addsource, /removesource, /export, /import; nil: unavailable
	Files         Files            // /import of an uploaded file; nil: files are refused
	// Scheduled says when the poller next fetches a source, as its
	// scheduler holds it (*feeds.Poller.Scheduled): /sources shows that
	// time rather than the source's stored one; nil or false: the stored one.
	Scheduled func(id int64) (time.Time, bool)
	// Moved says where a source's feed moved for good, as the poller's last
	// fetch of it found (*feeds.Poller.MovedTo): /sources shows the new
	// address and what to do; nil or "": nothing moved.
	Moved        func(id int64) string
	CommandBurst int           // commands a chat may send at once (default 5; the config's default is 10)
	CommandEvery time.Duration // then one per this (default 3s)
	Migrator     ChatMigrator  // moves a group that became a supergroup; nil: noticed only when a send fails
	Topics       TopicReopener // returns a reopened topic's subscriptions from General; nil: they stay there
	Prompts      PromptStore   // keeps "/subscribe"'s question for the words alone across restarts; nil: memory only
	// Status answers /status (operators) in plain text, in the language
	// (locale.FromContext) and zone (localtime.ZoneFromContext) ctx carries;
	// nil: unavailable.
	Status func(ctx context.Context) (string, error)
	// Version answers /version (operators): version, commit and build date,
	// in the language ctx carries (locale.FromContext); nil: unknown.
	Version func(ctx context.Context) string
	// Inline answers inline queries (Telegram); nil: they are ignored.
	Inline InlineAnswerer
	// ShareTTL is how long a /share link works (default 30 days).
	ShareTTL time.Duration
	// Shares keeps the queries behind /share links; nil: /share is unavailable.
	Shares Shares
	// Preview reads and sets the chat's link-preview choice; nil: /preview is unavailable.
	Preview Previews
	// HintsPerSecond caps the hints to plain text, all chats together
	// (hints.go); 0: DefaultHintsPerSecond.
	HintsPerSecond float64
	// Languages reads and sets the chat's language (/language); nil: every
	// chat is answered in its sender's Telegram language, or English.
	Languages Languages
	// Menus registers the command menus (Telegram): RegisterMenus at
	// start, and an operator's own menu when they first write; nil: none.
	Menus MenuSetter
}

// Router turns incoming messages and button presses into command calls;
// every reply goes through the outbox, ahead of queued alerts.
type Router struct {
	opts      RouterOptions
	log       *slog.Logger
	commands  []command
	rates     *chatRates
	admins    *adminCache
	hints     *hintRation
	edits     *editNotices   // the edited messages already answered (edited.go)
	jobs      sync.WaitGroup // background commands (/addsource, /import)
	jobSlots  chan struct{}
	inline    inlineCache
	opMenus   operatorMenus // operators whose own menu Telegram took
	langMenus operatorMenus // chats whose own menus in their language this process set or checked
	prompts   prompts       // questions awaiting the words alone (prompts.go)
	pages     *shownPages   // search pages More has sent
	moved     movedChats    // groups that became supergroups (moved_chats.go)
}

// NewRouter returns a Router with the command table.
func NewRouter(opts RouterOptions) *Router {
	if opts.Logger == nil {
		opts.Logger = slog.Default()
	}
	if opts.Notify == nil {
		opts.Notify = func() {}
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if len(opts.Secret) == 0 {
		opts.Secret = make([]byte, 32)
		_, _ = rand.Read(opts.Secret) // never fails (crypto/rand panics instead)
	}
	if opts.CommandBurst <= 0 {
		opts.CommandBurst = 5
	}
	if opts.CommandEvery <= 0 {
		opts.CommandEvery = 3 * time.Second
	}
	r := &Router{
		opts:     opts,
		log:      opts.Logger,
		rates:    newChatRates(opts.Now, opts.CommandEvery, opts.CommandBurst),
		admins:   newAdminCache(opts.Now, time.Minute),
		hints:    newHintRation(opts.Now, opts.HintsPerSecond),
		edits:    newEditNotices(opts.Now),
		pages:    newShownPages(),
		jobSlots: make(chan struct{}, 2),
	}
	r.prompts.st, r.prompts.log = opts.Prompts, opts.Logger
	r.commands = r.table()
	return r
}

// Wait waits for the commands still running in the background.
func (r *Router) Wait() { r.jobs.Wait() }

// request is one command being handled.
type request struct {
	in   Incoming
	chat news.Chat
	args string
}

// Handle runs the command in the message, or the action of the pressed
// button, if it is for this bot. Text that is not a command is ignored in
// groups unless it mentions the bot, and answered with a pointer to /help
// in private chats (and to a mention). Each chat
// gets a few commands at once, then one every few seconds; the rest are
// dropped with one notice. Plain text gets at most one hint an hour (hints.go). Failures are logged and answered with a plain sentence.
func (r *Router) Handle(ctx context.Context, in Incoming) {
	if in.Inline != nil {
		r.handleInline(ctx, in)
		return
	}
	ctx = withDestination(ctx, in)
	if in.Callback != nil {
		r.handleCallback(ctx, in)
		return
	}
	if in.BotStatus != "" {
		r.handleMembership(ctx, in)
		return
	}
	if in.MigrateTo != 0 {
		r.handleMigration(ctx, in)
		return
	}
	if in.TopicEvent != "" {
		r.handleTopicEvent(ctx, in)
		return
	}
	if in.Edited {
		r.handleEdit(ctx, in)
		return
	}
	r.ensureOperatorMenu(ctx, in) // an operator who never wrote before start has no menu yet
	r.ensureChatMenus(ctx, in)    // a chat that chose its language before chat menus had none
	name, args, addressed, ok := r.parseCommand(in.Text)
	if ok {
		r.prompts.drop(ctx, in.ChatID, in.UserID, r.now())
	} else if text := strings.TrimSpace(in.Text); text != "" && (in.ChatType == "private" || in.RepliesToBot) {
		if cmd, asked := r.prompts.take(ctx, in.ChatID, in.UserID, r.now()); asked {
			name, args, ok = cmd, text, true // the answer to "Tell me what to look for"
		} else if cmd, asked := r.answered(ctx, in); asked {
			name, args, ok = cmd, text, true // another member's reply to the question
		}
	}
	if !ok && ((in.ChatType != "private" && !r.mentioned(in.Text)) || strings.HasPrefix(strings.TrimSpace(in.Text), "/")) {
		// Chatter in a group not addressed to the bot, or a command for
		// another bot. In a private chat a message without text (a sticker,
		// a photo, a voice note) gets the hint as text does: a stranger's
		// first message is often one.
		return
	}
	cmd := r.lookup(name)
	if ok && cmd == nil && in.ChatType != "private" && !addressed {
		return // in a group, "/foo" may well be for another bot
	}
	// An operator's file without a caption in their chat with the bot is an
	// OPML list they mean to import: it gets how, not the rationed hint.
	importable := !ok && in.Document != nil && in.Text == "" && in.ChatType == "private" && r.isOperator(in.UserID)
	if !ok && !importable && !r.hints.allow(in.ChatID) {
		return // plain text: one hint per chat an hour, within the hints' share (hints.go)
	}
	allowed, tell := true, false
	if ok {
		allowed, tell = r.rates.allow(in.ChatID)
	}
	if !allowed && !tell {
		return
	}
	chat, err := r.opts.Store.EnsureChat(ctx, in.ChatID, in.ChatType, in.ChatTitle, r.opts.ChatDefaults)
	if err != nil {
		r.log.Error("ensure chat", "chat", in.ChatID, "err", err)
		return
	}
	if !chat.Active {
		// Made inactive by a 403 or a removal whose "added back" update
		// never came (the bot down longer than Telegram keeps updates): a
		// chat that talks to the bot reaches it, and its alerts go again.
		if err := r.opts.Store.SetChatActive(ctx, in.ChatID, true); err != nil {
			r.log.Error("reactivate chat", "chat", in.ChatID, "err", err)
		} else {
			chat.Active = true
			r.log.Info("an inactive chat talks to me again; it is active", "chat", in.ChatID)
		}
	}
	ctx = withLanguage(ctx, r.chatLanguage(ctx, in))
	if ok || importable {
		r.raiseHints(ctx, in.ChatID) // its answer leaves after the hint to the text before it
	}
	switch {
	case !allowed:
		r.reply(ctx, in.ChatID, tr(ctx).Sprintf("🐢 That is a lot of commands at once. I'll answer again in a few seconds."))
	case importable:
		r.reply(ctx, in.ChatID, tr(ctx).Sprintf("📎 To add the feeds of this file, answer it with <code>/import</code> (reply to it), or send it again with the caption <code>/import</code>."))
	case !ok:
		if words, ok := r.mentionWords(in.Text); ok {
			// "@bot comet" sent as a message: an inline search that was
			// not picked from the list above the keyboard.
			r.hint(ctx, in.ChatID, tr(ctx).Sprintf("🔎 To search the news for that, send <code>/search %s</code>, or pick a result from the list that opens above the keyboard as you type <code>@%s %s</code>.",
				esc(words), esc(r.opts.BotName), esc(words)))
			break
		}
		if in.ChatType == "private" {
			// "kursk ukraine" typed as is: the commands that take it.
			r.hint(ctx, in.ChatID, plainWordsHint(tr(ctx), in.Text))
			break
		}
		r.hint(ctx, in.ChatID, tr(ctx).Sprintf("I understand commands only. Send /help to see them."))
	case cmd == nil:
		r.reply(ctx, in.ChatID, r.unknown(ctx, name, args))
	default:
		r.run(ctx, cmd, request{in: in, chat: chat, args: args})
	}
}

// run checks the argument length and the sender's rights, then runs cmd.
func (r *Router) run(ctx context.Context, cmd *command, req request) {
	in := req.in
	if n, limit := utf8.RuneCountInString(req.args), argLimit(cmd.name); n > limit {
		r.reply(ctx, in.ChatID, tr(ctx).Sprintf("That is too long for /%s (%d characters, at most %d).", cmd.name, n, shownLimit(cmd.name)))
		return
	}
	a := accessOf(cmd.name)
	if a == chatAdmins && viewOnly(cmd.name, req.args) {
		a = everyone
	}
	if refusal := r.refusal(ctx, a, in); refusal != "" {
		r.reply(ctx, in.ChatID, refusal)
		return
	}
	if takesID(cmd.name) {
		req.args = asciiID(req.args)
	}
	if err := cmd.run(ctx, req); err != nil {
		if why := r.writesRefused(ctx); why != nil {
			r.log.Error("command failed: the database refuses writes", "command", cmd.name, "chat", in.ChatID, "err", err, "cause", why)
			r.reply(ctx, in.ChatID, tr(ctx).Sprintf("I can't do that right now: my database refuses writes (the bot's operator sees why in /status and the log). Please try again later."))
			return
		}
		r.log.Error("command failed", "command", cmd.name, "chat", in.ChatID, "err", err)
		r.reply(ctx, in.ChatID, tr(ctx).Sprintf("Sorry, something went wrong on my side. Please try again later."))
	}
}

// writableChecker is the store's check that the database takes writes.
type writableChecker interface {
	CheckWritable(ctx context.Context) error
}

// writesRefused returns why the database takes no writes, after a command
// failed, or nil when it does (or the store cannot say). With the disk
// full, /subscribe answered "something went wrong" and logged, for a chat
// first seen then, "FOREIGN KEY constraint failed": the chat's row had not
// been written, and neither the user nor the operator read the cause.
func (r *Router) writesRefused(ctx context.Context) error {
	w, ok := r.opts.Store.(writableChecker)
	if !ok {
		return nil
	}
	ctx, cancel := context.WithTimeout(ctx, ReplyWriteWait)
	defer cancel()
	return w.CheckWritable(ctx)
}

// parseCommand splits "/name@bot args". It reports false for text that is
// not a command or is addressed to another bot, and addressed when the
// command names this bot.
func (r *Router) parseCommand(text string) (name, args string, addressed, ok bool) {
	text = strings.TrimSpace(text)
	if rest, found := r.afterMention(text); found { // "@newshound_bot /subscribe kursk": addressed to it
		text, addressed = rest, true
	}
	if !strings.HasPrefix(text, "/") {
		return "", "", false, false
	}
	head, rest, _ := strings.Cut(text, " ")
	if h, r2, found := strings.Cut(head, "\n"); found {
		head, rest = h, r2+" "+rest
	}
	name = strings.ToLower(strings.TrimPrefix(head, "/"))
	if n, target, found := strings.Cut(name, "@"); found {
		if r.opts.BotName == "" || !strings.EqualFold(target, r.opts.BotName) {
			return "", "", false, false
		}
		name, addressed = n, true
	}
	if name == "" {
		return "", "", false, false
	}
	return name, r.dropRepeat(name, strings.TrimSpace(rest)), addressed, true
}

// dropRepeat returns args without a leading repeat of the command itself:
// "/subscribe /subscribe kursk" (the client completed the command and the
// person typed it again, or pasted one) is "/subscribe kursk", not a
// subscription to the word "subscribe".
func (r *Router) dropRepeat(name, args string) string {
	if !strings.HasPrefix(args, "/") {
		return args
	}
	head, rest := args, ""
	if i := strings.IndexFunc(args, unicode.IsSpace); i > 0 {
		head, rest = args[:i], args[i:]
	}
	head = strings.ToLower(strings.TrimPrefix(head, "/"))
	if n, target, found := strings.Cut(head, "@"); found && r.opts.BotName != "" && strings.EqualFold(target, r.opts.BotName) {
		head = n
	}
	if head != name {
		return args
	}
	return strings.TrimSpace(rest)
}

// afterMention returns what follows a leading mention of this bot and the
// white space after it, when text starts with a mention and then a command:
// group members address the bot so ("@newshound_bot /subscribe kursk"), and
// got the plain text's hint once an hour, then nothing.
func (r *Router) afterMention(text string) (string, bool) {
	if r.opts.BotName == "" || len(text) < len(r.opts.BotName)+2 || text[0] != '@' || !strings.EqualFold(text[1:len(r.opts.BotName)+1], r.opts.BotName) {
		return "", false
	}
	rest := text[len(r.opts.BotName)+1:]
	trimmed := strings.TrimLeft(rest, " \t\n")
	if len(trimmed) == len(rest) || !strings.HasPrefix(trimmed, "/") {
		return "", false
	}
	return trimmed, true
}

// mentionWords returns the words after a leading mention of this bot
// ("@newshound_bot comet" → "comet"), as the inline search writes them in
// the message field; ok is false for other text, and for a mention with
// nothing after it, followed by a command, or asking a question.
func (r *Router) mentionWords(text string) (string, bool) {
	if r.opts.BotName == "" || len(text) < len(r.opts.BotName)+2 || text[0] != '@' || !strings.EqualFold(text[1:len(r.opts.BotName)+1], r.opts.BotName) {
		return "", false
	}
	rest := text[len(r.opts.BotName)+1:]
	words := strings.Join(strings.Fields(rest), " ")
	// A question ("@bot what can you do?") is said to the bot, not searched for.
	if words == "" || len(words) == len(rest) || strings.HasPrefix(words, "/") || strings.ContainsAny(words, "?？¿؟") || utf8.RuneCountInString(words) > 100 {
		return "", false
	}
	return words, true
}

// mentioned reports whether text names this bot ("@newshound_bot …"), the
// way a group member addresses it; false when the bot's name is unknown.
func (r *Router) mentioned(text string) bool {
	if r.opts.BotName == "" {
		return false
	}
	mention := "@" + strings.ToLower(r.opts.BotName)
	lower := strings.ToLower(text)
	for i := strings.Index(lower, mention); i >= 0; {
		end := i + len(mention)
		if end == len(lower) || !isNameByte(lower[end]) {
			return true
		}
		next := strings.Index(lower[end:], mention)
		if next < 0 {
			break
		}
		i = end + next
	}
	return false
}

// isNameByte reports whether b may be part of a Telegram username.
func isNameByte(b byte) bool {
	return b == '_' || b >= 'a' && b <= 'z' || b >= '0' && b <= '9'
}

func (r *Router) lookup(name string) *command {
	for i := range r.commands {
		if r.commands[i].name == name {
			return &r.commands[i]
		}
	}
	return nil
}

// reply queues an HTML reply; text must be escaped already. A text longer
// than a message is split, and the buttons go with its last part. It
// returns the outbox row of the first part (0: not queued).
func (r *Router) reply(ctx context.Context, chatID int64, text string, buttons ...[]Button) int64 {
	parts := splitMessage(text, MaxMessage)
	var first int64
	thread, replyTo := destinationOf(ctx, chatID)
	for i, part := range parts {
		// Telegram trims a message's trailing blank; the console and
		// the outbox kept it (a list's lines each end in "\n").
		part = strings.TrimRightFunc(part, unicode.IsSpace)
		m := news.Message{ChatID: chatID, Kind: news.KindReply, Priority: news.PriorityReply, Text: part, ThreadID: thread, Language: tr(ctx).Lang()}
		if i == 0 {
			m.ReplyTo = replyTo
		}
		if len(buttons) > 0 && i == len(parts)-1 {
			b, _ := json.Marshal(buttons)
			m.Buttons = string(b)
		}
		id, err := r.opts.Store.Enqueue(ctx, m)
		if err != nil {
			r.log.Error("queue reply", "chat", chatID, "err", err)
			return first
		}
		if i == 0 {
			first = id
		}
	}
	r.opts.Notify()
	return first
}
