package bot

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"
	"github.com/newshound/newshound/locale"
)

// Menus: the command list a person sees fits who they are. Everyone sees
// the commands anyone may use; in private chats (where a user administers
// their own chat) and for group administrators the settings commands join
// them; the operators (telegram.admins) see everything in their private
// chat. Each text comes from the one catalog (package locale), in each of
// its languages: English is the default ("" language code), every other
// language is registered under its code, and Telegram shows it to users
// whose app speaks it.

// MenuScope is a BotCommandScope: "default", "all_private_chats",
// "all_chat_administrators", or "chat" or "chat_administrators" with ChatID.
type MenuScope struct {
	Type   string
	ChatID int64
}

// Menu is one command list for a scope and a language ("" = every other).
type Menu struct {
	Scope    MenuScope
	Language string
	Commands []Command
}

// Profile is the bot's description (the empty chat's "What can this bot
// do?") and short description (its profile page) in a language.
type Profile struct {
	Language         string
	Description      string
	ShortDescription string
}

// Profile texts, keys of the catalog.
const (
	profileDescription = "Newshound sends you the news that matches your keywords, as it breaks, from the sources it follows. " +
		"Send /subscribe with a query, e.g. /subscribe \"north korea\" OR pyongyang, and alerts come here. " +
		"/search finds the news stored so far; /help lists everything."
	profileShort = "Keyword news alerts, as the news breaks. Try /subscribe \"north korea\" OR pyongyang"
)

// menuLanguage is a catalog language as the menus register it: its
// Telegram language code ("" for English, the default) and its printer.
type menuLanguage struct {
	code string
	p    locale.Printer
}

// menuLanguages returns the catalog's languages, in its order.
func menuLanguages() []menuLanguage {
	var out []menuLanguage
	for _, l := range locale.Languages {
		code := l.Code
		if code == locale.English {
			code = ""
		}
		out = append(out, menuLanguage{code, locale.For(l.Code)})
	}
	return out
}

// Menus returns the command lists to register, per scope and language.
func (r *Router) Menus() []Menu {
	var out []Menu
	for _, ml := range menuLanguages() {
		lang, p := ml.code, ml.p
		pick := func(allowed ...access) []Command { return r.pick(p, allowed...) }
		out = append(out,
			Menu{Scope: MenuScope{Type: "default"}, Language: lang, Commands: pick(everyone)},
			Menu{Scope: MenuScope{Type: "all_private_chats"}, Language: lang, Commands: pick(everyone, chatAdmins)},
			Menu{Scope: MenuScope{Type: "all_chat_administrators"}, Language: lang, Commands: pick(everyone, chatAdmins)})
		for _, op := range r.opts.Operators {
			out = append(out, Menu{Scope: MenuScope{Type: "chat", ChatID: op}, Language: lang, Commands: pick(everyone, chatAdmins, operators)})
		}
	}
	return out
}

// pick returns the commands of the given accesses, described in p's language.
func (r *Router) pick(p locale.Printer, allowed ...access) []Command {
	var cmds []Command
	for _, c := range r.commands {
		for _, a := range allowed {
			if accessOf(c.name) == a {
				cmds = append(cmds, Command{Name: c.name, Description: p.Sprintf(c.description)})
			}
		}
	}
	return cmds
}

// Profiles returns the bot's description and short description per language.
func (r *Router) Profiles() []Profile {
	var out []Profile
	for _, ml := range menuLanguages() {
		lang, p := ml.code, ml.p
		out = append(out, Profile{Language: lang, Description: p.Sprintf(profileDescription), ShortDescription: p.Sprintf(profileShort)})
	}
	return out
}

// menuWaitMax is the longest retry_after that SetMenus waits out; a longer
// one ends the registration (every call after it would be refused too).
const menuWaitMax = 2 * time.Minute

// errMenusHalted marks the calls SetMenus skipped after a 429 it would not wait out.
var errMenusHalted = errors.New("not tried: Telegram asked to wait longer than " + menuWaitMax.String())

// menuCall makes a call of SetMenus; refused with a 429, it waits the
// retry_after (at least a second; at most menuWaitMax, else it gives up and
// sets *halt) or until ctx is done, and tries again, up to three times.
func (t *Telegram) menuCall(ctx context.Context, halt *bool, method string, p tgbotapi.Params) error {
	if *halt {
		return errMenusHalted
	}
	for try := 0; ; try++ {
		err := t.call(method, p, nil)
		var se *SendError
		if !errors.As(err, &se) || se.Code != http.StatusTooManyRequests || try == 2 {
			return err
		}
		if se.RetryAfter > menuWaitMax || ctx.Err() != nil {
			*halt = true
			return err
		}
		t.sleep(ctx, max(se.RetryAfter, time.Second))
		if ctx.Err() != nil {
			*halt = true
			return err
		}
	}
}

// SetMenus registers each menu (setMyCommands with its scope and language)
// and each profile (setMyDescription, setMyShortDescription). A 429 is
// waited out (its retry_after, up to menuWaitMax, or until ctx is done) and
// the call made again; a longer one, or ctx done, ends it. It goes on past
// any other failure and returns the first; a bot without its menus still works.
func (t *Telegram) SetMenus(ctx context.Context, menus []Menu, profiles []Profile) error {
	var first error
	keep := func(err error) {
		if err != nil && first == nil {
			first = err
		}
	}
	halt := false
	for _, m := range menus {
		bc := make([]tgbotapi.BotCommand, len(m.Commands))
		for i, c := range m.Commands {
			bc[i] = tgbotapi.BotCommand{Command: c.Name, Description: c.Description}
		}
		scope := map[string]any{"type": m.Scope.Type}
		if m.Scope.ChatID != 0 { // "chat", "chat_administrators"
			scope["chat_id"] = m.Scope.ChatID
		}
		p := tgbotapi.Params{}
		keep(p.AddInterface("commands", bc))
		keep(p.AddInterface("scope", scope))
		p.AddNonEmpty("language_code", m.Language)
		if err := t.menuCall(ctx, &halt, "setMyCommands", p); err != nil {
			keep(fmt.Errorf("setMyCommands %s %s: %w", m.Scope.Type, strconv.Quote(m.Language), err))
		}
	}
	for _, pr := range profiles {
		p := tgbotapi.Params{"description": pr.Description}
		p.AddNonEmpty("language_code", pr.Language)
		if err := t.menuCall(ctx, &halt, "setMyDescription", p); err != nil {
			keep(fmt.Errorf("setMyDescription: %w", err))
		}
		p = tgbotapi.Params{"short_description": pr.ShortDescription}
		p.AddNonEmpty("language_code", pr.Language)
		if err := t.menuCall(ctx, &halt, "setMyShortDescription", p); err != nil {
			keep(fmt.Errorf("setMyShortDescription: %w", err))
		}
	}
	return first
}

// DeleteMenus removes the menus of each scope (deleteMyCommands, without a
// language: the chat menus are set so). It goes on past a failure and
// returns the first.
func (t *Telegram) DeleteMenus(ctx context.Context, scopes []MenuScope) error {
	var first error
	for _, sc := range scopes {
		scope := map[string]any{"type": sc.Type}
		if sc.ChatID != 0 {
			scope["chat_id"] = sc.ChatID
		}
		p := tgbotapi.Params{}
		err := p.AddInterface("scope", scope)
		if err == nil {
			err = t.call("deleteMyCommands", p, nil)
		}
		if err != nil && first == nil {
			first = fmt.Errorf("deleteMyCommands %s %d: %w", sc.Type, sc.ChatID, err)
		}
	}
	return first
}
