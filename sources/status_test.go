package sources_test

import (
	"context"
	"testing"
	"time"

	"github.com/newshound/newshound/news"
	"github.com/newshound/newshound/sources"
)

// every10m is a poller that runs at every tenth minute.
func every10m(t time.Time) time.Time { return t.Truncate(10 * time.Minute).Add(10 * time.Minute) }

func TestListGivesHealthAndNextFetch(t *testing.T) {
	tests := []struct {
		name     string
		nextPoll func(time.Time) time.Time
		fetch    *news.FetchResult // nil: never fetched
		origin   string
		health   sources.Health
		next     time.Time
	}{
		{"never fetched, no schedule known", nil, nil, news.OriginChat, sources.Unfetched, time.Time{}},
		{"never fetched: the next run", every10m, nil, news.OriginChat, sources.Unfetched, start.Truncate(10 * time.Minute).Add(10 * time.Minute)},
		{"fetched, no schedule known", nil, &news.FetchResult{OK: true, Interval: 2 * time.Minute, NextFetchAt: start.Add(2 * time.Minute)}, news.OriginConfig, sources.Healthy, start.Add(2 * time.Minute)},
		{"fetched: its own time, not the schedule's", every10m, &news.FetchResult{OK: true, Interval: 3 * time.Minute, NextFetchAt: start.Add(3 * time.Minute)}, news.OriginConfig, sources.Healthy, start.Add(3 * time.Minute)},
		{"due: now", every10m, &news.FetchResult{OK: true, Interval: 2 * time.Minute, NextFetchAt: start.Add(-time.Minute)}, news.OriginConfig, sources.Healthy, start},
		{"backing off: when it ends", every10m, &news.FetchResult{Err: "http status 500", Interval: 25 * time.Minute, NextFetchAt: start.Add(25 * time.Minute)}, news.OriginChat, sources.Failing, start.Add(25 * time.Minute)},
		{"fetched, not stored: failing, not counted", every10m, &news.FetchResult{Err: news.FetchFailure{Kind: news.FailDatabase, Detail: "database is locked"}.Encode(), Failure: news.FailDatabase, Interval: time.Minute, NextFetchAt: start.Add(time.Minute)}, news.OriginConfig, sources.Failing, start.Add(time.Minute)},
		// A clock stepped back 6 hours (a database written ahead): clamped to the source's interval and jitter.
		{"clock stepped back: healthy", every10m, &news.FetchResult{OK: true, Interval: 5 * time.Minute, NextFetchAt: start.Add(6*time.Hour + 5*time.Minute)}, news.OriginConfig, sources.Healthy, start.Add(5*time.Minute + 31*time.Second)},
		{"clock stepped back: backing off", every10m, &news.FetchResult{Err: "timeout", Interval: time.Minute, NextFetchAt: start.Add(6*time.Hour + time.Minute)}, news.OriginConfig, sources.Failing, start.Add(time.Minute + 7*time.Second)},
		{"clock stepped forward: due now", every10m, &news.FetchResult{OK: true, Interval: 5 * time.Minute, NextFetchAt: start.Add(-6 * time.Hour)}, news.OriginConfig, sources.Healthy, start},
		{"retired: not fetched", every10m, &news.FetchResult{OK: true, NextFetchAt: start.Add(time.Minute)}, news.OriginRetired, sources.Retired, time.Time{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			svc, st := newService(t, nil, tt.nextPoll)
			ctx := context.Background()
			origin := tt.origin
			if origin == news.OriginRetired {
				origin = news.OriginConfig
			}
			src := mustUpsert(t, st, "Feed", "https://feed.example/rss", origin)
			if tt.fetch != nil {
				if err := st.RecordFetch(ctx, src.ID, *tt.fetch); err != nil {
					t.Fatal(err)
				}
			}
			if tt.origin == news.OriginRetired {
				if _, err := st.RetireConfigSources(ctx, nil); err != nil {
					t.Fatal(err)
				}
			}
			list, err := svc.List(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if len(list) != 1 {
				t.Fatalf("List = %+v, want one source", list)
			}
			got := list[0]
			if got.ID != src.ID || got.Health != tt.health || !got.NextFetch.Equal(tt.next) {
				t.Errorf("List = #%d health %d next %v, want #%d health %d next %v", got.ID, got.Health, got.NextFetch, src.ID, tt.health, tt.next)
			}
			counted := 1
			if f, ok := news.ParseFetchFailure(got.LastError); ok && f.Kind == news.FailDatabase {
				counted = 0 // the database's failure, not the source's
			}
			if tt.health == sources.Failing && (got.Failures != counted || got.LastError != tt.fetch.Err || got.LastFetchAt.IsZero()) {
				t.Errorf("a failing source lacks its last fetch: %+v", got.Source)
			}
		})
	}
}

func TestListEmpty(t *testing.T) {
	svc, _ := newService(t, nil, nil)
	list, err := svc.List(context.Background())
	if err != nil || len(list) != 0 {
		t.Errorf("List of no sources = %+v, %v", list, err)
	}
}
