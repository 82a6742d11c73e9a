package subscriptions

import (
	"context"
	"testing"

	"github.com/newshound/newshound/news"
)

// TestPlanAlertsOfMutedSubscriptions: a muted subscription's match is an
// AlsoOnly alert (it may only add "Also:" to the story's alert the chat
// has), and an unmuted subscription of the same chat that matches too is
// the one named, whatever their order.
func TestPlanAlertsOfMutedSubscriptions(t *testing.T) {
	svc, st := newTestService(t, 10)
	ctx := context.Background()
	for _, id := range []int64{1, 2} {
		ensureChat(t, st, id)
	}
	mutedKursk := subscribe(t, svc, 1, "kursk").Subscription
	deminers := subscribe(t, svc, 1, "deminers").Subscription
	mutedAlone := subscribe(t, svc, 2, "kursk").Subscription
	for _, m := range []struct{ chat, id int64 }{{1, mutedKursk.ID}, {2, mutedAlone.ID}} {
		if err := st.SetSubscriptionMuted(ctx, m.chat, m.id, true); err != nil {
			t.Fatal(err)
		}
	}
	arts := seedArticles(t, st, news.Article{GUID: "a", Title: "Kursk deminers clear fields", Text: "Work began.", PublishedAt: serviceNow, Alertable: true})
	got, err := svc.PlanAlerts(ctx, arts)
	if err != nil {
		t.Fatal(err)
	}
	want := []news.Alert{
		{ChatID: 1, ArticleID: arts[0].ID, SubscriptionID: deminers.ID},
		{ChatID: 2, ArticleID: arts[0].ID, SubscriptionID: mutedAlone.ID, AlsoOnly: true},
	}
	if len(got) != len(want) || got[0] != want[0] || got[1] != want[1] {
		t.Errorf("alerts = %+v, want %+v", got, want)
	}
}
