package stories

import (
	"testing"
	"time"

	"github.com/newshound/newshound/news"
)

func TestHeadline(t *testing.T) {
	tests := []struct {
		title string
		sites []string
		want  string
	}{
		// the outlet's name after the headline, found by its host, its address or its name
		{"Storm Bert cuts power to 40,000 homes in Wales - BBC News", []string{"bbc", "co", "uk"}, "Storm Bert cuts power to 40,000 homes in Wales"},
		{"Storm Bert cuts power to 40,000 homes in Wales | CNN", []string{"cnn"}, "Storm Bert cuts power to 40,000 homes in Wales"},
		{"Police investigate overnight shooting downtown :: WRAL.com", []string{"wral"}, "Police investigate overnight shooting downtown"},
		{"2 killed, 2 injured in shooting - WMC Action News 5 - Memphis, Tennessee", []string{"wmcactionnews5"}, "2 killed, 2 injured in shooting"},
		{"PD: Arrest made in deadly Phoenix drive-by shooting - CBS 5 - KPHO", []string{"kpho"}, "PD: Arrest made in deadly Phoenix drive-by shooting"},
		{"Police search for shooting suspect in Mesa - FOX 10 News | fox10phoenix.com", []string{"fox10phoenix"}, "Police search for shooting suspect in Mesa"},
		{"Multiple people shot outside of Evansville bar - Tri-State News, Weather & Sports", []string{"14news"}, "Multiple people shot outside of Evansville bar"},
		{"CBS 58 - Milwaukee Police Identify 16-Year-Old Fatally Shot", []string{"cbs58"}, "Milwaukee Police Identify 16-Year-Old Fatally Shot"},
		{"Flooding closes roads across Somerset – The Guardian", []string{"theguardian"}, "Flooding closes roads across Somerset"},
		{"Flooding closes roads across Somerset - Los Angeles Times", []string{"latimes", "Los Angeles Times"}, "Flooding closes roads across Somerset"},
		{"زلزال بقوة 6 درجات يضرب شمال المغرب - الجزيرة نت", []string{"aljazeera", "الجزيرة نت"}, "زلزال بقوة 6 درجات يضرب شمال المغرب"},
		{"四川雅安发生6.1级地震 | 新华网", []string{"xinhuanet", "新华网"}, "四川雅安发生6.1级地震"},
		// written twice (a page's title and headline joined), the outlet's name after it
		{"Waterbury News: Man Shot In The HeadWaterbury News: Man Shot In The Head - DoingItLocal", []string{"doingitlocal"}, "Waterbury News: Man Shot In The Head"},
		// flash labels before it, bracketed labels after it
		{"UPDATE 2-Storm Bert cuts power to 40,000 homes in Wales", nil, "Storm Bert cuts power to 40,000 homes in Wales"},
		{"REFILE-UPDATE 1-Storm Bert cuts power to 40,000 homes in Wales", nil, "Storm Bert cuts power to 40,000 homes in Wales"},
		{"BREAKING: Gunman kills three at Harbor Gateway apartment complex", nil, "Gunman kills three at Harbor Gateway apartment complex"},
		{"Breaking News: Gunman kills three at Harbor Gateway apartment complex", nil, "Gunman kills three at Harbor Gateway apartment complex"},
		{"LIVE: Storm Bert batters Wales", nil, "Storm Bert batters Wales"},
		{"Live updates: Storm Bert batters Wales", nil, "Storm Bert batters Wales"},
		{"WATCH: Storm Bert batters Wales", nil, "Storm Bert batters Wales"},
		{"The Latest: Jurors shown video in deputy's murder trial", nil, "Jurors shown video in deputy's murder trial"},
		{"(UPDATE) Klamath boy on life support after being shot dies", nil, "Klamath boy on life support after being shot dies"},
		{"Updated - Overnight shooting in Decatur, one killed, five shot - Wandtv.com, NewsCenter17", []string{"wandtv"}, "Overnight shooting in Decatur, one killed, five shot"},
		{"Gunman kills three at Harbor Gateway apartment complex (VIDEO)", nil, "Gunman kills three at Harbor Gateway apartment complex"},
		{"BREAKING: Gunman kills three at Harbor Gateway apartment complex - BBC News", []string{"bbc"}, "Gunman kills three at Harbor Gateway apartment complex"},
		// kept: words of the headline
		{"Police: Teen panicked after shooting friend, killed himself", []string{"foxnews"}, "Police: Teen panicked after shooting friend, killed himself"},
		{"LIVE-FIRE DRILL GOES WRONG AT FORT HOOD", nil, "LIVE-FIRE DRILL GOES WRONG AT FORT HOOD"},
		{"New York: Man shot on subway platform", nil, "New York: Man shot on subway platform"},
		{"Sacramento DA :: 9.9.15: Gang Member Convicted of 1st-Degree Murder", []string{"sacda"}, "Sacramento DA :: 9.9.15: Gang Member Convicted of 1st-Degree Murder"},
		{"Trial of Smith (Day 2): jurors hear 911 call", nil, "Trial of Smith (Day 2): jurors hear 911 call"},
		{"Man shot in Dayton - police seek two suspects", []string{"whio"}, "Man shot in Dayton - police seek two suspects"},
		{"Fake news - the rise of the troll farms", []string{"news"}, "Fake news - the rise of the troll farms"},
		{"Exclusive - Reuters poll shows Trump ahead in Ohio", []string{"reuters"}, "Reuters poll shows Trump ahead in Ohio"},
		{"Trump leads in Ohio - CNN poll finds", []string{"cnn"}, "Trump leads in Ohio - CNN poll finds"},
		{"Breaking News", nil, "Breaking News"},
		{"LIVE:", nil, "LIVE:"},
	}
	for _, tt := range tests {
		if got := Headline(tt.title, tt.sites...); got != tt.want {
			t.Errorf("Headline(%q, %q) = %q; want %q", tt.title, tt.sites, got, tt.want)
		}
	}
}

// TestOneHeadlineFromTwoOutletsIsOneStory: two outlets' copies of one
// headline, each with the outlet's name or a flash label around it and
// leads worded apart, are one story by the identical-title rule, though they
// share no name; the same labels around two different headlines are not.
func TestOneHeadlineFromTwoOutletsIsOneStory(t *testing.T) {
	const lead1, lead2 = "Officers were called to a shooting overnight.", "A shooting overnight left one man hurt, officers said."
	tests := []struct {
		name string
		a, b news.Article
		same bool
	}{
		{"site names", news.Article{Title: "Police investigate overnight shooting downtown | CNN", URL: "https://edition.cnn.com/2024/x", Text: lead1},
			news.Article{Title: "Police investigate overnight shooting downtown - BBC News", URL: "https://www.bbc.co.uk/news/y", Text: lead2}, true},
		{"flash label", news.Article{Title: "BREAKING: Police investigate overnight shooting downtown", URL: "https://www.wral.com/a", Text: lead1},
			news.Article{Title: "Police investigate overnight shooting downtown", URL: "https://www.wsoctv.com/b", Text: lead2}, true},
		{"two wire updates", news.Article{Title: "UPDATE 2: Police investigate overnight shooting downtown", URL: "https://www.reuters.com/a", Text: lead1},
			news.Article{Title: "UPDATE 3: Police investigate overnight shooting downtown", URL: "https://www.yahoo.com/b", Text: lead2}, true},
		{"live and watch", news.Article{Title: "LIVE: Police investigate overnight shooting downtown", URL: "https://www.wral.com/a"},
			news.Article{Title: "WATCH: Police investigate overnight shooting downtown", URL: "https://www.wsoctv.com/b"}, true},
		{"station and address", news.Article{Title: "Police investigate overnight shooting downtown - WMC Action News 5 - Memphis, Tennessee", URL: "https://www.wmcactionnews5.com/a", Text: lead1},
			news.Article{Title: "Police investigate overnight shooting downtown :: WRAL.com", URL: "https://www.wral.com/b", Text: lead2}, true},
		{"one outlet, two headlines", news.Article{Title: "Police investigate overnight shooting downtown - BBC News", URL: "https://www.bbc.co.uk/news/a", Text: lead1},
			news.Article{Title: "Council approves new budget for city parks - BBC News", URL: "https://www.bbc.co.uk/news/b", Text: "The council voted on the budget on Tuesday."}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			x := background(60)
			fa, fb := ArticleFeatures(tt.a), ArticleFeatures(tt.b)
			x.Freq.Add(fa)
			x.Add(1, 1, fa, noon)
			x.Freq.Add(fb)
			story, ok := x.Match(fb, noon.Add(3*time.Hour))
			if ok != tt.same || ok && story != 1 {
				t.Errorf("%q and %q: Match = %d, %v; want same %v", tt.a.Title, tt.b.Title, story, ok, tt.same)
			}
		})
	}
}

// BenchmarkHeadline is the cost Headline adds to an article's features
// (once per new article): four titles as outlets write them.
func BenchmarkHeadline(b *testing.B) {
	titles := []string{
		"2 killed, 2 injured in shooting - WMC Action News 5 - Memphis, Tennessee",
		"UPDATE 2-Storm Bert cuts power to 40,000 homes in Wales",
		"Police search for shooting suspect in Mesa - FOX 10 News | fox10phoenix.com",
		"Teen girl shot by masked men in Garner apartment",
	}
	sites := siteNames(news.Article{URL: "https://www.wmcactionnews5.com/story/123", SourceName: "WMC Action News 5"})
	b.ReportAllocs()
	cpu := processCPUSeconds()
	for i := 0; i < b.N; i++ {
		Headline(titles[i%len(titles)], sites...)
	}
	if cpu = processCPUSeconds() - cpu; cpu > 0 {
		b.ReportMetric(cpu*1e9/float64(b.N), "cpu-ns/op")
	}
}
