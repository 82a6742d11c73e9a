package news

import "testing"

// TestShownTitle: an alert's title loses the outlet's own name after the
// headline, and a byline between them, when its outlet line names the
// outlet; every other title stays as the feed wrote it.
func TestShownTitle(t *testing.T) {
	for _, tt := range []struct {
		name, title, source, outlet, url string
		want                             string
	}{
		{name: "byline and outlet after a dash", title: "Storm hits coast - Jane Doe - Example Times", source: "Example Times",
			want: "Storm hits coast"},
		{name: "By and a name", title: "Storm hits coast - By Mark Roe - Example Times", source: "Example Times",
			want: "Storm hits coast"},
		{name: "outlet after a bar", title: "Cameron attacks Labour MPs | Example Times", source: "Example Times",
			want: "Cameron attacks Labour MPs"},
		{name: "the source's name within a longer one", title: "Snooker star warned – Example Times News", source: "Example Times",
			want: "Snooker star warned"},
		{name: "host label, guillemet", title: "1 Dead In Vallejo Multiple Shooting; 4 Others Hurt « CBS San Francisco", source: "CBS Local",
			url: "https://sanfrancisco.cbslocal.com/2013/02/12/vallejo/", want: "1 Dead In Vallejo Multiple Shooting; 4 Others Hurt"},
		{name: "a station's name and its city after it", title: "2 killed, 2 injured in shooting - WMC Action News 5 - Memphis, Tennessee",
			source: "WMC", url: "https://www.wmcactionnews5.com/story/1", want: "2 killed, 2 injured in shooting"},
		{name: "a web address and a trailing bar", title: "Weapon identified in 7-year-old's fatal shooting - wistv.com - Columbia, South Carolina |",
			source: "Local Wire", url: "http://127.0.0.1/x/e7", want: "Weapon identified in 7-year-old's fatal shooting"},
		{name: "an aggregator's outlet", title: "Dam bursts upstream - ABC15 Arizona", source: "Google News", outlet: "ABC15 Arizona",
			want: "Dam bursts upstream"},
		{name: "a headline written twice", title: "Waterbury News: Man Shot In The HeadWaterbury News: Man Shot In The Head", source: "DoingItLocal",
			want: "Waterbury News: Man Shot In The Head"},
		{name: "written twice with a space, and the outlet after it", title: "Two hurt in crash on Route 9 Two hurt in crash on Route 9 - Example Times",
			source: "Example Times", want: "Two hurt in crash on Route 9"},
		// stay
		{name: "a name of two words repeated", title: "Walla Walla Walla Walla", source: "Example Times", want: "Walla Walla Walla Walla"},
		{name: "a repeat set off by a comma", title: "New York Times, New York Times", source: "Example Times", want: "New York Times, New York Times"},
		{name: "a chant", title: "Lock him up lock him up", source: "Example Times", want: "Lock him up lock him up"},
		{name: "a dash in the headline", title: "Brexit - what happens next", source: "Example Times", want: "Brexit - what happens next"},
		{name: "a name in the headline, no outlet", title: "Storm hits coast - Jane Doe", source: "Example Times", want: "Storm hits coast - Jane Doe"},
		{name: "the outlet's name in lower-case words", title: "Trump leads in Ohio - Example Times poll finds", source: "Example Times",
			want: "Trump leads in Ohio - Example Times poll finds"},
		{name: "the outlet's name alone", title: "Example Times", source: "Example Times", want: "Example Times"},
		{name: "another outlet's name", title: "US & EU agree to cut tariffs on <steel> - Reuters", source: "Example Times",
			url: "https://example.com/a", want: "US & EU agree to cut tariffs on <steel> - Reuters"},
		{name: "the headline a name, not a byline", title: "Interview - Jane Doe", source: "Example Times", want: "Interview - Jane Doe"},
		{name: "the source's short name and News", title: "Storm hits coast - BBC News", source: "BBC", want: "Storm hits coast"},
		{name: "a one-word source's name within a longer part", title: "Messi scores twice - World Cup 2026", source: "World",
			want: "Messi scores twice - World Cup 2026"},
		{name: "empty", title: "", source: "Example Times", want: ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			a := Article{Title: tt.title, SourceName: tt.source, Outlet: tt.outlet, URL: tt.url}
			if got := a.ShownTitle(); got != tt.want {
				t.Errorf("ShownTitle(%q) = %q, want %q", tt.title, got, tt.want)
			}
		})
	}
}
