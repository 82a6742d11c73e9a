package store

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/newshound/newshound/news"
)

func TestHubSubscriptions(t *testing.T) {
	st := mustOpenStore(t)
	ctx := context.Background()
	kept, err := st.UpsertSource(ctx, "Kept", "https://kept.example/feed", news.OriginConfig)
	if err != nil {
		t.Fatal(err)
	}
	gone, err := st.UpsertSource(ctx, "Gone", "https://gone.example/feed", news.OriginChat)
	if err != nil {
		t.Fatal(err)
	}
	retired, err := st.UpsertSource(ctx, "Retired", "https://retired.example/feed", news.OriginConfig)
	if err != nil {
		t.Fatal(err)
	}
	var subs []news.HubSubscription
	for i, src := range []news.Source{kept, gone, retired} {
		h, err := st.CreateHubSubscription(ctx, news.HubSubscription{SourceID: src.ID, Hub: "https://hub.example/", Topic: src.URL,
			Token: "tok" + string(rune('a'+i)), Secret: "s", State: news.HubSubscribing, NextAttemptAt: testNow})
		if err != nil {
			t.Fatal(err)
		}
		subs = append(subs, h)
	}
	if _, err := st.CreateHubSubscription(ctx, news.HubSubscription{SourceID: kept.ID, Token: "toka", State: news.HubSubscribing}); err == nil {
		t.Error("a second subscription with a taken token was stored")
	}

	active := subs[0]
	active.State, active.Lease, active.ExpiresAt, active.Attempts, active.LastError = news.HubActive, 10*24*time.Hour, testNow.Add(10*24*time.Hour), 0, ""
	if err := st.UpdateHubSubscription(ctx, active); err != nil {
		t.Fatal(err)
	}
	got, err := st.FindHubSubscription(ctx, "toka")
	if err != nil {
		t.Fatal(err)
	}
	if got != active {
		t.Errorf("found %+v, want %+v", got, active)
	}
	if _, err := st.FindHubSubscription(ctx, "nope"); !errors.Is(err, news.ErrNotFound) {
		t.Errorf("unknown token: %v, want ErrNotFound", err)
	}

	if err := st.DeleteSource(ctx, gone.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := st.RetireConfigSources(ctx, []string{kept.URL, gone.URL}); err != nil {
		t.Fatal(err)
	}
	ended, err := st.EndOrphanHubSubscriptions(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(ended) != 2 || ended[0].SourceID == kept.ID || ended[1].SourceID == kept.ID {
		t.Fatalf("ended %+v, want the removed and the retired source's", ended)
	}
	for _, h := range ended {
		if h.State != news.HubUnsubscribing {
			t.Errorf("ended subscription %d is %q", h.ID, h.State)
		}
	}
	if again, err := st.EndOrphanHubSubscriptions(ctx); err != nil || len(again) != 0 {
		t.Errorf("second pass ended %d, %v; want none", len(again), err)
	}
	if err := st.DeleteHubSubscription(ctx, ended[0].ID); err != nil {
		t.Fatal(err)
	}
	all, err := st.ListHubSubscriptions(ctx)
	if err != nil || len(all) != 2 {
		t.Fatalf("listed %d, %v; want 2", len(all), err)
	}
	if err := st.UpdateHubSubscription(ctx, ended[0]); !errors.Is(err, news.ErrNotFound) {
		t.Errorf("update of a deleted row: %v, want ErrNotFound", err)
	}
}
