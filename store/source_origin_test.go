package store_test

import (
	"context"
	"testing"
	"time"

	"github.com/newshound/newshound/internal/testkit"
	"github.com/newshound/newshound/news"
)

// A source a chat added with /addsource, then listed in the configuration
// too, then taken out of it: the chat still wants it, so it is the chat's
// again, not retired. Likewise one the configuration listed first and a
// chat added too. One only the configuration listed is retired, and it does
// not come back as the chat's when listed and dropped again.
func TestSourceAChatAddedStaysWhenTheConfigDropsIt(t *testing.T) {
	ctx := context.Background()
	st := testkit.OpenStore(t, func() time.Time { return time.Date(2026, 12, 1, 7, 0, 0, 0, time.UTC) })
	chatFirst := testkit.UpsertSource(t, st, "Chat first", "https://a.example/rss", news.OriginChat)
	testkit.UpsertSource(t, st, "Chat first", "https://a.example/rss", news.OriginConfig)
	configFirst := testkit.UpsertSource(t, st, "Config first", "https://b.example/rss", news.OriginConfig)
	testkit.UpsertSource(t, st, "Config first", "https://b.example/rss", news.OriginChat)
	only := testkit.UpsertSource(t, st, "Config only", "https://c.example/rss", news.OriginConfig)
	if _, err := st.RetireConfigSources(ctx, []string{"https://a.example/rss", "https://b.example/rss", "https://c.example/rss"}); err != nil {
		t.Fatal(err)
	}
	origin := func(id int64) string {
		t.Helper()
		src, err := st.FindSource(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		return src.Origin
	}
	if o := origin(chatFirst.ID); o != news.OriginConfig {
		t.Fatalf("listed in the configuration: origin %q, want config", o)
	}
	changed, err := st.RetireConfigSources(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(changed) != 3 {
		t.Errorf("changed %d sources, want 3: %+v", len(changed), changed)
	}
	for _, tt := range []struct {
		name string
		id   int64
		want string
	}{
		{"added in chat, then listed", chatFirst.ID, news.OriginChat},
		{"listed, then added in chat", configFirst.ID, news.OriginChat},
		{"only listed", only.ID, news.OriginRetired},
	} {
		if o := origin(tt.id); o != tt.want {
			t.Errorf("%s, then dropped from the configuration: origin %q, want %q", tt.name, o, tt.want)
		}
	}
	// Listed again and dropped again: the chat's mark went with the first
	// drop, and a retired source listed again is the configuration's alone.
	testkit.UpsertSource(t, st, "Config only", "https://c.example/rss", news.OriginConfig)
	if _, err := st.RetireConfigSources(ctx, nil); err != nil {
		t.Fatal(err)
	}
	if o := origin(only.ID); o != news.OriginRetired {
		t.Errorf("only listed, listed again and dropped: origin %q, want retired", o)
	}
}
