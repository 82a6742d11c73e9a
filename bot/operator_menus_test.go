package bot

import (
	"context"
	"strings"
	"sync/atomic"
	"testing"
)

// gatedMenus holds the first SetMenus until release is closed, as a slow
// or rate-limited setMyCommands at start does.
type gatedMenus struct {
	*Telegram
	first   chan struct{} // closed when the first SetMenus starts
	release chan struct{}
	calls   atomic.Int32
}

func (g *gatedMenus) SetMenus(ctx context.Context, menus []Menu, profiles []Profile) error {
	if g.calls.Add(1) == 1 {
		close(g.first)
		<-g.release
	}
	return g.Telegram.SetMenus(ctx, menus, profiles)
}

// TestOperatorMenusAreRegisteredOnce: the updates are taken while the menus
// are registered at start, so an operator's message waiting since before
// the start is handled while their menu is being set: it must not set it a
// second time (one setMyCommands per language), nor must their later
// messages; a restart (RegisterMenus again) sets it again.
func TestOperatorMenusAreRegisteredOnce(t *testing.T) {
	gate := &gatedMenus{first: make(chan struct{}), release: make(chan struct{})}
	h := newHarness(t, withLanguages, func(o *RouterOptions) {
		gate.Telegram = o.Interactor.(*Telegram)
		o.Menus, o.Operators = gate, []int64{42}
	})
	h.tg.KnowChat(42) // the operator wrote to the bot before this start
	operators := func() int {
		n := 0
		for _, c := range h.tg.Calls("setMyCommands") {
			if strings.Contains(c.Params.Get("scope"), `"chat_id":42`) {
				n++
			}
		}
		return n
	}
	registered := make(chan error, 1)
	go func() { registered <- h.router.RegisterMenus(context.Background()) }()
	<-gate.first
	h.reply(42, "private", 42, "/help") // taken at start, before the menus are all set
	close(gate.release)
	if err := <-registered; err != nil {
		t.Fatal(err)
	}
	once := operators()
	if once == 0 {
		t.Fatal("no operator menu set at start")
	}
	if once != len(menuLanguages()) {
		t.Errorf("%d setMyCommands for the operator's chat by the start and their first message; want %d (one per language)", once, len(menuLanguages()))
	}
	h.reply(42, "private", 42, "/help")
	if got := operators(); got != once {
		t.Errorf("%d setMyCommands for the operator's chat after their next message, %d before; want none more", got, once)
	}
	if err := h.router.RegisterMenus(context.Background()); err != nil {
		t.Fatal(err)
	}
	if got := operators(); got != 2*once {
		t.Errorf("%d setMyCommands for the operator's chat after a second registration, want %d", got, 2*once)
	}
}
