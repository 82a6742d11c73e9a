package bot

import (
	"context"
	"fmt"
	"sync"

	"github.com/newshound/newshound/locale"
)

// MenuSetter registers command menus and profiles (Telegram's SetMenus),
// and removes a chat's own menus (DeleteMenus).
type MenuSetter interface {
	SetMenus(ctx context.Context, menus []Menu, profiles []Profile) error
	DeleteMenus(ctx context.Context, scopes []MenuScope) error
}

// operatorMenus remembers which operators' own menus (BotCommandScopeChat)
// Telegram took in this process, or are being set. It refuses the menu of a
// chat the bot has never seen ("chat not found"), so an operator who had not
// written to the bot at start got no operator commands until a restart; the
// router sets it when they first write. The updates are taken while the
// menus are registered at start, so a message waiting since before the
// start claims nothing the start has claimed: each menu is set once.
type operatorMenus struct {
	mu  sync.Mutex
	set map[int64]bool
}

func (m *operatorMenus) done(op int64) bool {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.set[op]
}

func (m *operatorMenus) mark(op int64) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.set == nil {
		m.set = map[int64]bool{}
	}
	m.set[op] = true
}

// claim marks op and reports whether it was not marked yet.
func (m *operatorMenus) claim(op int64) bool {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.set[op] {
		return false
	}
	if m.set == nil {
		m.set = map[int64]bool{}
	}
	m.set[op] = true
	return true
}

// forget unmarks op, after setting its menu failed.
func (m *operatorMenus) forget(op int64) {
	m.mu.Lock()
	defer m.mu.Unlock()
	delete(m.set, op)
}

// RegisterMenus registers the menus for everyone and the profiles, then
// each operator's own menu, through opts.Menus (nothing without it). An
// operator's menu that fails (most often: they never wrote to the bot) is
// logged and set again when they write. It returns the first failure of
// the menus for everyone or the profiles; a bot without its menus still works.
func (r *Router) RegisterMenus(ctx context.Context) error {
	if r.opts.Menus == nil {
		return nil
	}
	// Claimed first: a message handled meanwhile does not set them too.
	for _, op := range r.opts.Operators {
		r.opMenus.mark(op)
	}
	var common []Menu
	for _, m := range r.Menus() {
		if m.Scope.Type != "chat" {
			common = append(common, m)
		}
	}
	err := r.opts.Menus.SetMenus(ctx, common, r.Profiles())
	for _, op := range r.opts.Operators {
		if e := r.setOperatorMenu(ctx, op); e != nil {
			r.opMenus.forget(op)
			r.log.Info("operator's command menu not set; it is when they write to the bot", "operator", op, "err", e)
		}
	}
	if err != nil {
		return fmt.Errorf("register menus: %w", err)
	}
	return nil
}

// ensureOperatorMenu sets the menu of an operator who writes in their
// private chat, unless this process set it already or is setting it.
func (r *Router) ensureOperatorMenu(ctx context.Context, in Incoming) {
	if r.opts.Menus == nil || in.ChatType != "private" || in.ChatID != in.UserID || !r.isOperator(in.UserID) || !r.opMenus.claim(in.UserID) {
		return
	}
	if err := r.setOperatorMenu(ctx, in.UserID); err != nil {
		r.opMenus.forget(in.UserID)
		r.log.Warn("operator's command menu not set; tried again at their next message", "operator", in.UserID, "err", err)
	}
}

// setOperatorMenu registers the operator's own menu in every language.
func (r *Router) setOperatorMenu(ctx context.Context, op int64) error {
	var mine []Menu
	for _, m := range r.Menus() {
		if m.Scope.Type == "chat" && m.Scope.ChatID == op {
			mine = append(mine, m)
		}
	}
	if chosen := r.chosenLanguage(ctx, op); chosen != "" {
		mine = r.chatMenus(op, "private", chosen)
	}
	if err := r.opts.Menus.SetMenus(ctx, mine, nil); err != nil {
		return err
	}
	r.opMenus.mark(op)
	return nil
}

// Chat menus: Telegram picks a chat's own menu (BotCommandScopeChat, and
// BotCommandScopeChatAdministrators for a group's admins) before the menus
// for all chats, whatever the language of the person's app. A chat that
// chooses a language with /language gets its own menus in it, so that the
// menu speaks as the replies do: a Russian group's members whose apps are
// in English saw English descriptions under Russian replies.

// chatMenus returns the menus of a chat that speaks lang: in a private
// chat its own (an operator's in every app language, since theirs are set
// per language); in a group one for its admins and one for everyone.
func (r *Router) chatMenus(chatID int64, chatType, lang string) []Menu {
	p := locale.For(lang)
	switch {
	case chatType == "private" && r.isOperator(chatID):
		var out []Menu
		for _, ml := range menuLanguages() {
			out = append(out, Menu{Scope: MenuScope{Type: "chat", ChatID: chatID}, Language: ml.code, Commands: r.pick(p, everyone, chatAdmins, operators)})
		}
		return out
	case chatType == "private":
		return []Menu{{Scope: MenuScope{Type: "chat", ChatID: chatID}, Commands: r.pick(p, everyone, chatAdmins)}}
	case chatType == "group" || chatType == "supergroup":
		return []Menu{{Scope: MenuScope{Type: "chat_administrators", ChatID: chatID}, Commands: r.pick(p, everyone, chatAdmins)},
			{Scope: MenuScope{Type: "chat", ChatID: chatID}, Commands: r.pick(p, everyone)}}
	}
	return nil // a channel has no command menu
}

// setChatMenus registers the chat's own menus in lang, after /language; a
// failure is logged (the menu stays in the app's language).
func (r *Router) setChatMenus(ctx context.Context, chatID int64, chatType, lang string) {
	menus := r.chatMenus(chatID, chatType, lang)
	if r.opts.Menus == nil || len(menus) == 0 {
		return
	}
	if err := r.opts.Menus.SetMenus(ctx, menus, nil); err != nil {
		r.log.Warn("chat's command menu not set in its language", "chat", chatID, "language", lang, "err", err)
		return
	}
	r.langMenus.mark(chatID)
	if chatType == "private" && r.isOperator(chatID) {
		r.opMenus.mark(chatID)
	}
}

// ensureChatMenus gives a chat that chose a language its own menus in it,
// at its first message to this process: chats that chose before /language
// set menus had none until they sent /language again. Each chat costs at
// most one setMyCommands per process, when it writes, so the calls are
// paced by the chats themselves (none at start, which would send one per
// chat at once); a failure is logged and not tried again until a restart.
// Operators' private chats are ensureOperatorMenu's.
func (r *Router) ensureChatMenus(ctx context.Context, in Incoming) {
	if r.opts.Menus == nil || in.ChatID == 0 || r.langMenus.done(in.ChatID) {
		return
	}
	r.langMenus.mark(in.ChatID)
	if in.ChatType == "private" && r.isOperator(in.ChatID) {
		return
	}
	if lang := r.chosenLanguage(ctx, in.ChatID); lang != "" {
		r.setChatMenus(ctx, in.ChatID, in.ChatType, lang)
	}
}

// chosenLanguage is the language the chat chose, "" when none (or unknown):
// a private chat that follows its user's app needs no menus of its own,
// the menus for all chats follow the app too.
func (r *Router) chosenLanguage(ctx context.Context, chatID int64) string {
	if r.opts.Languages == nil {
		return ""
	}
	lang, err := r.opts.Languages.ChosenLanguage(ctx, chatID)
	if err != nil {
		return ""
	}
	return lang
}

// hasOwnMenus reports whether the chat may have menus of its own in a
// language it chose (setChatMenus, ensureChatMenus): a chat that chose
// none has only the menus for all chats (an operator, their own, which
// /stop leaves as they are), and /stop has nothing to remove. When the
// choice cannot be read, it says true: a needless deleteMyCommands beats
// menus left in a deleted chat's language.
func (r *Router) hasOwnMenus(ctx context.Context, chatID int64) bool {
	if r.opts.Menus == nil || r.opts.Languages == nil {
		return false
	}
	lang, err := r.opts.Languages.ChosenLanguage(ctx, chatID)
	return err != nil || lang != ""
}

// clearChatMenus removes the menus a chat got in its language, when /stop
// deletes what the bot keeps about it: the chat sees the menus for all
// chats again (an operator their own, in every language). A failure is
// logged.
func (r *Router) clearChatMenus(ctx context.Context, chatID int64, chatType string) {
	if r.opts.Menus == nil {
		return
	}
	var scopes []MenuScope
	for _, m := range r.chatMenus(chatID, chatType, "") {
		if m.Language == "" {
			scopes = append(scopes, m.Scope)
		}
	}
	if len(scopes) == 0 {
		return
	}
	err := r.opts.Menus.DeleteMenus(ctx, scopes)
	if err == nil && chatType == "private" && r.isOperator(chatID) {
		err = r.setOperatorMenu(ctx, chatID)
	}
	if err != nil {
		r.log.Warn("chat's own command menu not removed", "chat", chatID, "err", err)
	}
}
