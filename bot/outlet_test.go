package bot

import (
	"strings"
	"testing"
	"time"

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
