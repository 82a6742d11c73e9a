package bot

import (
	"context"
	"testing"

	"github.com/newshound/newshound/news"
	"github.com/newshound/newshound/store"
)

// The helpers below read or write the test's store and fail the test on an
// error, so a setup step or a check never goes on with a zero value.

func mustFindSubscription(tb testing.TB, st *store.Store, chatID, id int64) news.Subscription {
	tb.Helper()
	sub, err := st.FindSubscription(context.Background(), chatID, id)
	if err != nil {
		tb.Fatalf("find subscription %d of chat %d: %v", id, chatID, err)
	}
	return sub
}

func mustListSubscriptions(tb testing.TB, st *store.Store, chatID int64) []news.Subscription {
	tb.Helper()
	subs, err := st.ListSubscriptions(context.Background(), chatID)
	if err != nil {
		tb.Fatalf("list subscriptions of chat %d: %v", chatID, err)
	}
	return subs
}

func mustFindChat(tb testing.TB, st *store.Store, id int64) news.Chat {
	tb.Helper()
	c, err := st.FindChat(context.Background(), id)
	if err != nil {
		tb.Fatalf("find chat %d: %v", id, err)
	}
	return c
}

func mustRecordFetch(tb testing.TB, st *store.Store, id int64, r news.FetchResult) {
	tb.Helper()
	if err := st.RecordFetch(context.Background(), id, r); err != nil {
		tb.Fatalf("record fetch of source %d: %v", id, err)
	}
}

func mustAlertTargets(tb testing.TB, st *store.Store, subIDs []int64) []news.Target {
	tb.Helper()
	targets, err := st.AlertTargets(context.Background(), subIDs)
	if err != nil {
		tb.Fatalf("alert targets of %v: %v", subIDs, err)
	}
	return targets
}

// mustList lists a chat's subscriptions through the subscriptions service,
// failing the test on an error.
func (h *harness) mustList(chatID int64) []news.Subscription {
	h.t.Helper()
	subs, err := h.subs.List(context.Background(), chatID)
	if err != nil {
		h.t.Fatalf("list subscriptions of chat %d: %v", chatID, err)
	}
	return subs
}
