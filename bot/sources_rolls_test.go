package bot

import (
	"strings"
	"testing"
	"time"

	"github.com/newshound/newshound/internal/testkit"
	"github.com/newshound/newshound/news"
)

// A source the poller hurries, its feed dropping items unseen between
// fetches (news.ReasonRolls), says so next to it in /sources, in every
// language the bot speaks.
func TestSourcesSayASourceIsHurriedInEveryLanguage(t *testing.T) {
	srv := newSiteServer(t)
	h := newHarness(t, withSites(srv, false, nil))
	now := h.clock.Now()
	short := testkit.UpsertSource(t, h.st, "Short", "https://short.example/rss", "config")
	mustRecordFetch(t, h.st, short.ID, news.FetchResult{OK: true, NextFetchAt: now.Add(15 * time.Minute), Interval: 15 * time.Minute,
		IntervalReason: news.IntervalReason{Kind: news.ReasonRolls, Span: time.Hour}.Encode()})
	for i, c := range []struct{ lang, want string }{
		{"en", "every 15m: ⏩ fetched more often: the feed dropped unseen items between fetches 1h apart"},
		{"ru", "каждые 15 мин: ⏩ опрашивается чаще: лента теряла непрочитанные элементы между опросами раз в 1 ч"},
		{"de", "alle 15 Min.: ⏩ wird öfter abgerufen: der Feed verlor ungesehene Einträge zwischen Abrufen im Abstand von 1 Std."},
		{"es", "cada 15 min: ⏩ se consulta más a menudo: el feed perdía elementos no vistos entre consultas separadas 1 h"},
	} {
		id := int64(70 + i)
		if got := h.replyAs(id, "private", id, c.lang, "/sources"); !strings.Contains(got, c.want) {
			t.Errorf("/sources in %s lacks %q:\n%s", c.lang, c.want, got)
		}
	}
}
