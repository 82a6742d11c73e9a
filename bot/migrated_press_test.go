package bot

import (
	"context"
	"testing"

	"github.com/newshound/newshound/store"
)

// A /list button pressed in a group after it became a supergroup answered
// "This button no longer works.": the press still comes from the old
// group's id, which the store no longer keeps. It acts on the supergroup.
func TestButtonFromBeforeTheMigrationActsOnTheSupergroup(t *testing.T) {
	h := newHarness(t, func(o *RouterOptions) { o.Migrator = o.Store.(*store.Store) })
	const group, super, admin = -557, -100557, 9
	h.tg.SetMember(group, admin, "administrator")
	sub := h.mustSubscribe(group, "group", "kursk")
	rows := buttons(t, h.reply(group, "group", admin, "/list"))
	if len(rows) == 0 || len(rows[0]) == 0 {
		t.Fatalf("/list sent no buttons")
	}
	var remove string
	for _, row := range rows {
		for _, b := range row {
			if d, ok := h.router.verify(group, b.Data); ok && d.verb == "rm" {
				remove = b.Data
			}
		}
	}
	if remove == "" {
		t.Fatalf("no Remove button in %v", rows)
	}
	h.queued.Add(2)
	h.tg.MigrateGroup(group, super)
	h.settle()
	if got := h.press(group, "group", admin, 1, remove); got == noticeStale {
		t.Fatalf("press on the old group's message → %q", got)
	}
	subs, err := h.st.ListSubscriptions(context.Background(), super)
	if err != nil || len(subs) != 0 {
		t.Errorf("supergroup subscriptions after Remove #%d = %v, %v; want none", sub.ID, subs, err)
	}
}

// The move was kept in memory only: after a restart the same press
// answered "This button no longer works.". The store keeps it now.
func TestButtonFromBeforeTheMigrationActsAfterARestart(t *testing.T) {
	h := newHarness(t, func(o *RouterOptions) { o.Migrator = o.Store.(*store.Store) })
	const group, super, admin = -558, -100558, 9
	h.tg.SetMember(group, admin, "administrator")
	h.tg.SetMember(super, admin, "administrator")
	h.mustSubscribe(group, "group", "kursk")
	rows := buttons(t, h.reply(group, "group", admin, "/list"))
	var remove string
	for _, row := range rows {
		for _, b := range row {
			if d, ok := h.router.verify(group, b.Data); ok && d.verb == "rm" {
				remove = b.Data
			}
		}
	}
	if remove == "" {
		t.Fatalf("no Remove button in %v", rows)
	}
	h.queued.Add(2)
	h.tg.MigrateGroup(group, super)
	h.settle()
	h.restartRouter()
	if got := h.press(group, "group", admin, 1, remove); got == noticeStale {
		t.Fatalf("press on the old group's message after a restart → %q", got)
	}
	subs, err := h.st.ListSubscriptions(context.Background(), super)
	if err != nil || len(subs) != 0 {
		t.Errorf("supergroup subscriptions after Remove = %v, %v; want none", subs, err)
	}
}
