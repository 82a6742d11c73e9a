package search_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/newshound/newshound/news"
)

// TestSnippetsSkipFurniture: a result's snippet comes from the readable
// text, not from the furniture the stored text still carries inside its
// paragraphs (a byline and a timestamp glued before the news, a player
// notice, a photo caption glued into a run-on sentence); a word found only
// in that furniture still gets its snippet from the stored text.
func TestSnippetsSkipFurniture(t *testing.T) {
	r := newRig(t)
	ctx := context.Background()
	for i, tt := range []struct {
		name, query, text string
		want, wantNot     []string
	}{
		{name: "byline and timestamp glued before the news", query: "gatwick",
			text:    "By Daily Mail Reporter. PUBLISHED: 12:01 EST, 3 March 2015. UPDATED: 14:20 EST, 3 March 2015. Flights at Gatwick were suspended for three hours on Tuesday after a drone was seen near the runway.",
			want:    []string{"Flights at \x02Gatwick\x03 were suspended"},
			wantNot: []string{"PUBLISHED", "Daily Mail Reporter", "UPDATED"}},
		{name: "player notice inside a paragraph", query: "sterling",
			text:    "The pound fell sharply against the dollar. Media playback is not supported on this device. Sterling lost 2% after the Bank of England held rates.",
			want:    []string{"\x02Sterling\x03 lost 2%"},
			wantNot: []string{"Media playback"}},
		{name: "photo caption glued into a run-on sentence", query: "copeland",
			text:    "The actor Stewart Copeland was stabbed outside a theatre in Manhattan on Sunday night, police said. Injured: Video by a passerby shows Copeland and his wife on the ground before they were taken to hospital Scene: The couple was stabbed by a man who fled on foot.",
			want:    []string{"\x02Copeland\x03 was stabbed"},
			wantNot: []string{"Injured:", "Scene:", "passerby"}},
		{name: "a word only the caption holds", query: "bystander",
			text: "A singer was mugged outside a club in Leeds on Friday, police said. Shaken: Video by a bystander shows the singer and his wife on the ground before they were taken to hospital Scene: The couple was stabbed by a man who fled on foot.",
			want: []string{"\x02bystander\x03"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r.articles("Outlet"+string(rune('A'+i)), news.Article{GUID: tt.name, Title: "Report " + tt.name, Text: tt.text, PublishedAt: r.now.Add(-time.Hour)})
			p, err := r.svc.Search(ctx, 7, tt.query)
			if err != nil {
				t.Fatal(err)
			}
			if len(p.Results) != 1 {
				t.Fatalf("found %d results, want 1", len(p.Results))
			}
			got := p.Results[0].Snippet
			for _, w := range tt.want {
				if !strings.Contains(got, w) {
					t.Errorf("snippet %q lacks %q", got, w)
				}
			}
			for _, w := range tt.wantNot {
				if strings.Contains(got, w) {
					t.Errorf("snippet %q holds furniture %q", got, w)
				}
			}
		})
	}
}
