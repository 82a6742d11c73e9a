package bot

import (
	"context"
	"errors"
	"strings"

	"github.com/newshound/newshound/locale"
	"github.com/newshound/newshound/news"
	"github.com/newshound/newshound/settings"
)

// Languages reads and sets the language a chat is spoken to in (/language).
type Languages interface {
	// Language returns the chat's language, chosen or followed, "" when
	// it has none.
	Language(ctx context.Context, chatID int64) (string, error)
	// ChosenLanguage returns the language the chat chose, "" when none
	// (a private chat that follows its user's app chose none).
	ChosenLanguage(ctx context.Context, chatID int64) (string, error)
	// SetLanguage sets it from a code as a user writes it; it fails with
	// settings.ErrLanguage for a language the bot does not speak.
	SetLanguage(ctx context.Context, chatID int64, code string) (string, error)
	// FollowApp undoes a choice (/language auto): a private chat speaks
	// lang, its user's app language, and follows it; a group passes "".
	FollowApp(ctx context.Context, chatID int64, lang string) error
	// FollowLanguage makes a private chat that chose no language speak
	// lang, its user's app language ("" for one the bot does not speak),
	// and returns the language the chat speaks.
	FollowLanguage(ctx context.Context, chatID int64, lang string) (string, error)
}

// withLanguage returns ctx carrying the language replies are written in.
func withLanguage(ctx context.Context, lang string) context.Context {
	return locale.WithLanguage(ctx, lang)
}

// tr returns the printer of the language ctx carries (English when none):
// every text a reply is built from goes through it.
func tr(ctx context.Context) locale.Printer {
	return locale.FromContext(ctx)
}

// chatLanguage decides the language to answer in: the chat's chosen one,
// else the sender's Telegram language, else English. A private chat that
// chose none follows its user's app language as each update gives it, so
// its alerts and digests speak it too: it was kept from the first message,
// and a user who later switched the app to German kept getting Russian.
// An update without the user's language (Telegram leaves it out at times)
// changes nothing.
func (r *Router) chatLanguage(ctx context.Context, in Incoming) string {
	sender, known := locale.Match(in.Language)
	if r.opts.Languages == nil || in.ChatID == 0 {
		return sender
	}
	var lang string
	var err error
	if in.ChatType == "private" && strings.TrimSpace(in.Language) != "" {
		app := ""
		if known {
			app = sender
		}
		lang, err = r.opts.Languages.FollowLanguage(ctx, in.ChatID, app)
	} else {
		lang, err = r.opts.Languages.Language(ctx, in.ChatID)
	}
	if err != nil {
		if !errors.Is(err, news.ErrNotFound) { // a press in a chat deleted since
			r.log.Warn("chat language", "chat", in.ChatID, "err", err)
		}
		return sender
	}
	if lang != "" {
		return lang
	}
	return sender
}

// unchosen reports whether in's chat is a group or channel that has not
// chosen a language: its replies speak each sender's language while its
// alerts and digests speak English (README), which /settings, /language
// and /subscribe say rather than "this chat speaks German".
func (r *Router) unchosen(ctx context.Context, in Incoming) bool {
	if r.opts.Languages == nil || in.ChatType == "private" || in.ChatID == 0 {
		return false
	}
	chosen, err := r.opts.Languages.Language(ctx, in.ChatID)
	return err == nil && chosen == ""
}

// languageLine says which language the chat speaks, or that a group has
// chosen none.
func (r *Router) languageLine(ctx context.Context, in Incoming) string {
	if r.unchosen(ctx, in) {
		return noLanguageLine(ctx, in.ChatType)
	}
	if r.followsApp(ctx, in) && in.Terminal {
		return tr(ctx).Sprintf("🌐 This chat speaks %s, your terminal's language (LANG).", ownName(ctx))
	}
	if r.followsApp(ctx, in) {
		return tr(ctx).Sprintf("🌐 This chat speaks %s, your Telegram app's language.", ownName(ctx))
	}
	return tr(ctx).Sprintf("🌐 This chat speaks %s.", ownName(ctx))
}

// followsApp reports whether in's chat is a private one that speaks its
// user's app language, not one they chose: /language and /settings said
// "This chat speaks German" alike, and whether it would follow the app
// (or was kept by /language de) could not be told.
func (r *Router) followsApp(ctx context.Context, in Incoming) bool {
	if r.opts.Languages == nil || in.ChatType != "private" || in.ChatID == 0 {
		return false
	}
	lang, err := r.opts.Languages.Language(ctx, in.ChatID)
	if err != nil || lang == "" { // "": an app language the bot does not speak
		return false
	}
	chosen, err := r.opts.Languages.ChosenLanguage(ctx, in.ChatID)
	return err == nil && chosen == ""
}

// noLanguageLine says that a group or channel has chosen no language. A
// channel's posts carry no one's language: it was told "I answer each of
// you in your own" above an English answer.
func noLanguageLine(ctx context.Context, chatType string) string {
	if chatType == "channel" {
		return tr(ctx).Sprintf("🌐 No language is chosen for this channel: answers, alerts and digests come in English.")
	}
	return tr(ctx).Sprintf("🌐 No language is chosen for this chat: I answer each of you in your own, and alerts and digests come in English.")
}

// englishAlertsNote is the line a subscription confirmed in another
// language adds in a group that chose none: its alerts will be English.
func (r *Router) englishAlertsNote(ctx context.Context, in Incoming) string {
	lang := tr(ctx).Lang()
	if lang == locale.English || !r.unchosen(ctx, in) {
		return ""
	}
	return "\n" + tr(ctx).Sprintf("🌐 Alerts here come in English until an admin chooses this chat's language: <code>/language %s</code>", lang)
}

// englishDigestNote is englishAlertsNote for a digest set in another
// language in a group that chose none: the digest will be English.
func (r *Router) englishDigestNote(ctx context.Context, in Incoming) string {
	lang := tr(ctx).Lang()
	if lang == locale.English || !r.unchosen(ctx, in) {
		return ""
	}
	return "\n" + tr(ctx).Sprintf("🌐 The digest comes in English here until an admin chooses this chat's language: <code>/language %s</code>", lang)
}

func (r *Router) cmdLanguage(ctx context.Context, req request) error {
	if r.opts.Languages == nil {
		r.reply(ctx, req.in.ChatID, tr(ctx).Sprintf("Languages cannot be changed on this bot."))
		return nil
	}
	if req.args == "" {
		r.reply(ctx, req.in.ChatID, r.languageLine(ctx, req.in)+"\n"+languageList(ctx, req.in.ChatType, req.in.Terminal))
		return nil
	}
	if autoWord(req.args) {
		return r.followApp(ctx, req.in)
	}
	lang, err := r.opts.Languages.SetLanguage(ctx, req.in.ChatID, req.args)
	if errors.Is(err, settings.ErrLanguage) {
		r.reply(ctx, req.in.ChatID, tr(ctx).Sprintf("I do not speak “%s”.", esc(clipArg(req.args)))+"\n"+languageList(ctx, req.in.ChatType, req.in.Terminal))
		return nil
	}
	if err != nil {
		return err
	}
	ctx = withLanguage(ctx, lang)
	r.setChatMenus(ctx, req.in.ChatID, req.in.ChatType, lang)
	r.reply(ctx, req.in.ChatID, tr(ctx).Sprintf("✅ From now on I speak %s here.", ownName(ctx)))
	return nil
}

// followApp answers /language auto: the chat's choice is undone, a private
// chat speaks its user's app language again and follows it (a user whose
// language an earlier version kept from their first message had no way
// back), a group answers each member in theirs. The chat's own menus go:
// the menus for all chats follow each app.
func (r *Router) followApp(ctx context.Context, in Incoming) error {
	sender, known := locale.Match(in.Language) // English for one the bot does not speak
	app := ""
	if known && in.ChatType == "private" {
		app = sender
	}
	if err := r.opts.Languages.FollowApp(ctx, in.ChatID, app); err != nil {
		return err
	}
	r.clearChatMenus(ctx, in.ChatID, in.ChatType)
	ctx = withLanguage(ctx, sender)
	if in.ChatType != "private" {
		r.reply(ctx, in.ChatID, noLanguageLine(ctx, in.ChatType))
		return nil
	}
	if in.Terminal { // the console: its "app" is the terminal, whose LANG it speaks
		r.reply(ctx, in.ChatID, tr(ctx).Sprintf("✅ From now on I speak your terminal's language (LANG) here."))
		return nil
	}
	r.reply(ctx, in.ChatID, tr(ctx).Sprintf("✅ From now on I speak your Telegram app's language here."))
	return nil
}

// autoWord reports whether a /language argument asks for no chosen
// language ("auto", in any language the bot speaks).
func autoWord(s string) bool {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "auto", "авто", "automatisch", "automático", "automatico":
		return true
	}
	return false
}

// languageList lists the languages and how to choose one, and auto: the
// app's language in a private chat (the terminal's in the console), each
// member's in a group.
func languageList(ctx context.Context, chatType string, terminal bool) string {
	var b strings.Builder
	b.WriteString(tr(ctx).Sprintf("Choose one with <code>/language CODE</code>:"))
	for _, l := range locale.Languages {
		b.WriteString("\n<code>" + l.Code + "</code> " + esc(l.Name))
	}
	switch {
	case chatType == "private" && terminal:
		b.WriteString("\n" + tr(ctx).Sprintf("<code>auto</code> your terminal's language (LANG)"))
	case chatType == "private":
		b.WriteString("\n" + tr(ctx).Sprintf("<code>auto</code> your Telegram app's language"))
	case chatType == "channel":
		b.WriteString("\n" + tr(ctx).Sprintf("<code>auto</code> none chosen (English)"))
	default:
		b.WriteString("\n" + tr(ctx).Sprintf("<code>auto</code> each member's own (alerts and digests in English)"))
	}
	return b.String()
}

// clipArg cuts what a user wrote to 32 characters for quoting it back.
func clipArg(s string) string {
	if r := []rune(s); len(r) > 32 {
		return string(r[:32]) + "…"
	}
	return s
}

// ownName returns the name of ctx's language for itself, as it reads inside
// one of its own sentences ("español", not the list's "Español").
func ownName(ctx context.Context) string {
	return tr(ctx).Sprintf("English")
}

// explained is an error that says what a user got wrong in a catalog
// sentence: query.ParseError, localtime.Error.
type explained interface {
	Message() (key string, args []any)
}

// explain returns err's sentence in p's language when err carries a catalog
// key, else err's English text.
func explain(p locale.Printer, err error) string {
	var e explained
	if errors.As(err, &e) {
		key, args := e.Message()
		return p.Sprintf(key, args...)
	}
	return err.Error()
}
