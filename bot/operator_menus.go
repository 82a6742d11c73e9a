package bot

import (
	"context"
	"fmt"
	"sync"
)

// MenuSetter registers command menus and profiles (Telegram's SetMenus).
type MenuSetter interface {
	SetMenus(ctx context.Context, menus []Menu, profiles []Profile) error
}

// operatorMenus remembers which operators' own menus (BotCommandScopeChat)
// Telegram took in this process. It refuses the menu of a chat the bot has
// never seen ("chat not found"), so an operator who had not written to the
// bot at start got no operator commands until a restart; the router sets
// it when they first write.
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

// RegisterMenus registers the menus for everyone and the profiles, then
// each operator's own menu, through opts.Menus (nothing without it). An
// operator's menu that fails (most often: they never wrote to the bot) is
// logged and set again when they write. It returns the first failure of
// the menus for everyone or the profiles; a bot without its menus still works.
func (r *Router) RegisterMenus(ctx context.Context) error {
	if r.opts.Menus == nil {
		return nil
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
			r.log.Info("operator's command menu not set; it is when they write to the bot", "operator", op, "err", e)
		}
	}
	if err != nil {
		return fmt.Errorf("register menus: %w", err)
	}
	return nil
}

// ensureOperatorMenu sets the menu of an operator who writes in their
// private chat, unless this process set it already.
func (r *Router) ensureOperatorMenu(ctx context.Context, in Incoming) {
	if r.opts.Menus == nil || in.ChatType != "private" || in.ChatID != in.UserID || !r.isOperator(in.UserID) || r.opMenus.done(in.UserID) {
		return
	}
	if err := r.setOperatorMenu(ctx, in.UserID); err != nil {
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
	if err := r.opts.Menus.SetMenus(ctx, mine, nil); err != nil {
		return err
	}
	r.opMenus.mark(op)
	return nil
}
