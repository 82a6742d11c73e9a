package bot

import (
	"strings"
	"testing"
	"time"

	"github.com/newshound/newshound/locale"
	"github.com/newshound/newshound/news"
)

// TestAlertNamesTheOutlet: an alert names the outlet an
// aggregator's item carries, with the aggregator as the channel, in the
// chat's language; an item of no outlet, or of its own source's name in
// another case, names its source once.
func TestAlertNamesTheOutlet(t *testing.T) {
	at := time.Date(2026, 11, 27, 11, 0, 0, 0, time.UTC)
	for _, tt := range []struct {
		name, outlet, source, language, want string
	}{
		{"aggregator's item", "ABC15 Arizona", "Google News", "", "<i>ABC15 Arizona via Google News · "},
		{"aggregator's item, German", "ABC15 Arizona", "Google News", "de", "<i>ABC15 Arizona über Google News · "},
		{"escaped outlet", "AT&T News", "Google News", "", "<i>AT&amp;T News via Google News · "},
		{"own item", "", "Daily Courier", "", "<i>Daily Courier · "},
		{"outlet is the source", "daily courier", "Daily Courier", "", "<i>daily courier · "},
	} {
		t.Run(tt.name, func(t *testing.T) {
			a := news.Article{Title: "Dam bursts", URL: "https://x.example/1", SourceName: tt.source, Outlet: tt.outlet, PublishedAt: at}
			if got := FormatAlert(AlertView{Article: a, Language: tt.language}); !strings.Contains(got, tt.want) {
				t.Errorf("alert = %q, want it to hold %q", got, tt.want)
			}
		})
	}
}

// TestAlertTitleNamesNoOutletTwice: an alert's title, a burst's line, a
// search or inline result (and a digest's entry, TestBuilderEscapesAndBounds) show the headline without the outlet's name and byline
// the feed put after it, as the line under it names the outlet; a title
// that names another outlet stays whole.
func TestAlertTitleNamesNoOutletTwice(t *testing.T) {
	at := time.Date(2026, 11, 27, 11, 0, 0, 0, time.UTC)
	own := news.Article{Title: "Storm hits coast - Jane Doe - Example Times", URL: "https://x.example/1", SourceName: "Example Times", PublishedAt: at}
	other := news.Article{Title: "Tariffs cut on <steel> - Reuters", URL: "https://x.example/2", SourceName: "Example Times", PublishedAt: at}
	for _, tt := range []struct {
		name, got, want, not string
	}{
		{"alert", FormatAlert(AlertView{Article: own}), `">Storm hits coast</a></b>` + "\n<i>Example Times · ", "Jane Doe"},
		{"burst", burstText(own), `">Storm hits coast</a> — <i>Example Times</i>`, "Jane Doe"},
		{"search result", linkedTitle(locale.For(""), own), `">Storm hits coast</a></b>`, "Jane Doe"},
		{"inline result", inlineTitle(locale.For(""), own), "Storm hits coast", "Jane Doe"},
		{"another outlet's name", FormatAlert(AlertView{Article: other}), `">Tariffs cut on &lt;steel&gt; - Reuters</a></b>`, "\x00"},
	} {
		if !strings.Contains(tt.got, tt.want) || strings.Contains(tt.got, tt.not) {
			t.Errorf("%s = %q, want it to hold %q and not %q", tt.name, tt.got, tt.want, tt.not)
		}
	}
}

// burstText is the burst of a alone.
func burstText(a news.Article) string {
	s, _ := FormatBurst([]BurstItem{{Article: a}})
	return s
}
