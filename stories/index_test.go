package stories

import (
	"fmt"
	"testing"
	"time"
)

// noon is when the articles of these tests are published, unless a test
// says otherwise.
var noon = time.Date(2016, 12, 12, 12, 0, 0, 0, time.UTC)

// background returns an index whose frequencies have seen n articles of the
// same kind (shootings in many towns), as a day of local news gives.
func background(n int) *Index {
	x := NewIndex()
	towns := []string{"Akron", "Boise", "Camden", "Dayton", "Erie", "Flint", "Gary", "Helena", "Irvine", "Joliet", "Kenner", "Lansing"}
	days := []string{"Monday", "Tuesday", "Saturday"}
	for i := 0; i < n; i++ {
		town := towns[i%len(towns)]
		x.Freq.Add(NewFeatures(fmt.Sprintf("Man shot in %s", town), "",
			fmt.Sprintf("Police said a man was shot %s night in %s. The victim, %d, was taken to a hospital and police are investigating the shooting.", days[i%len(days)], town, 20+i%30)))
	}
	return x
}

func TestIndexMatch(t *testing.T) {
	tests := []struct {
		name   string
		a, b   [3]string // title, summary, text
		same   bool
		reason string
	}{
		{"same event, headlines worded apart",
			[3]string{"Teen girl shot by masked men in Wendell apartment", "", "A 15-year-old girl was shot early Sunday when two masked men forced their way into an apartment on Poole Road in Wendell, deputies said."},
			[3]string{"15-year-old wounded as masked men storm Wendell home", "", "Two masked men burst into a Wendell apartment on Poole Road and shot a 15-year-old girl, the Wake County Sheriff's Office said."},
			true, "shared rare names (Wendell, Poole) and a high cosine"},
		{"number words and digits agree",
			[3]string{"Three dead, one wounded in Fairlane Heights apartment shooting", "", "Three people were killed and one was wounded Saturday at an apartment complex in Fairlane Heights, police said."},
			[3]string{"3 Dead, 1 Hurt in Fairlane Heights Shooting", "", "Police in Fairlane Heights say 3 people died and 1 was hurt in a shooting at an apartment complex Saturday."},
			true, "\"three\" is \"3\", Fairlane Heights is shared"},
		{"same kind, same day, other town",
			[3]string{"Man shot dead outside bar in Millbrook", "", "A man was shot and killed outside a bar on Main Street in Millbrook late Friday, police said. No arrests have been made."},
			[3]string{"Man shot dead outside bar in Ridgeview", "", "A man was shot and killed outside a bar on Main Street in Ridgeview late Friday, police said. No arrests have been made."},
			false, "only Main Street and Friday agree; the towns differ"},
		{"same city, two incidents",
			[3]string{"Woman wounded in Dayton drive-by on Hoover Avenue", "", "A woman was wounded in a drive-by shooting on Hoover Avenue in Dayton on Tuesday night, police said."},
			[3]string{"Dayton teen arrested after Salem Mall robbery", "", "Dayton police arrested a 17-year-old on Tuesday after a robbery at the Salem Mall in which a guard was shot."},
			false, "a city every story of the day names does not make one story"},
		{"identical titles, no names",
			[3]string{"Police investigate overnight shooting downtown", "", "Officers were called to a shooting overnight."},
			[3]string{"Police investigate overnight shooting downtown", "", "A shooting overnight left one man hurt, officers said."},
			true, "an identical title of four words or more is one story"},
		{"page furniture alike, stories apart",
			[3]string{"Clerk shot during robbery at Quickway store", "", "Posted: Monday, May 26, 2014 4:43 PM EDT Updated: Monday, May 26, 2014 5:10 PM EDT\n\nAdvertisement\n\nA clerk at the Quickway store on Bell Road was shot during a robbery, deputies said."},
			[3]string{"Boy hurt when gun goes off in Lakota home", "", "Posted: Monday, May 26, 2014 4:43 PM EDT Updated: Monday, May 26, 2014 5:10 PM EDT\n\nAdvertisement\n\nA 6-year-old boy was hurt when a gun went off inside a home in Lakota, deputies said."},
			false, "the timestamps and labels are cleaned away before comparing"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			x := background(60)
			fa := NewFeatures(tt.a[0], tt.a[1], tt.a[2])
			fb := NewFeatures(tt.b[0], tt.b[1], tt.b[2])
			x.Freq.Add(fa)
			x.Add(1, 1, fa, noon)
			x.Freq.Add(fb)
			story, ok := x.Match(fb, noon.Add(3*time.Hour))
			if ok != tt.same || (ok && story != 1) {
				t.Errorf("Match = %d, %v; want same %v (%s)", story, ok, tt.same, tt.reason)
			}
		})
	}
}

// kursk returns an index whose frequencies have seen 50 articles naming
// Kursk, so that the name alone weighs less than MinShared.
func kursk() *Index {
	x := NewIndex()
	for i := 0; i < 50; i++ {
		x.Freq.Add(NewFeatures("Kursk news", "", fmt.Sprintf("Officials in Kursk said on day %d that nothing happened.", i)))
	}
	return x
}

// cosineOf returns the cosine of b against a and the IDF of the distinctive
// terms they share, with x's frequencies once both are counted.
func cosineOf(x *Index, a, b Features) (cos, shared float64) {
	x.Freq.Add(a)
	x.Freq.Add(b)
	qw, qnorm := x.weights(&doc{f: b})
	l := x.compare(b.Terms, qw, qnorm, &doc{f: a})
	return l.cos, l.shared
}

func TestIndexNearDuplicate(t *testing.T) {
	// Two reports whose only name is common (below MinShared) and whose
	// cosine is below MinCosineAnyName: only the near-duplicate rule, at a
	// threshold below their cosine, makes them one story.
	a := NewFeatures("Deminers clear fields as farmers wait", "", "Teams of deminers began clearing farmland on Friday, officials in Kursk said, after months in which farmers could not sow.")
	b := NewFeatures("Spring sowing waits in border villages", "", "Sappers swept more farmland on Friday, officials in Kursk said, while villagers waited to sow the spring wheat.")
	cos, shared := cosineOf(kursk(), a, b)
	if cos < 0.15 || cos >= MinCosineAnyName || shared >= MinShared {
		t.Fatalf("cosine %.3f, shared %.1f: the pair does not test the near-duplicate rule", cos, shared)
	}
	for _, tt := range []struct {
		threshold float64
		same      bool
	}{{0, false}, {0.7, false}, {0.15, true}} {
		x := kursk()
		x.NearDuplicate = tt.threshold
		x.Freq.Add(a)
		x.Add(1, 1, a, noon)
		x.Freq.Add(b)
		if _, ok := x.Match(b, noon); ok != tt.same {
			t.Errorf("near-duplicate threshold %v: same = %v, want %v (cosine %.3f)", tt.threshold, ok, tt.same, cos)
		}
	}
}

// TestIndexAlikeReportsShareAnyName: two copies of one text whose only name
// is common (below MinShared) are one story at a cosine of
// MinCosineAnyName or more, the near-duplicate rule off; two days apart the
// cosine needed rises as MinCosine's does.
func TestIndexAlikeReportsShareAnyName(t *testing.T) {
	a := NewFeatures("Deminers clear fields as farmers wait", "", "Teams of deminers began clearing farmland on Friday, officials in Kursk said, after months in which farmers could not sow.")
	b := NewFeatures("Deminers clear the fields while farmers wait", "", "Teams of deminers began clearing farmland on Friday, officials in Kursk said, after months in which farmers could not plant.")
	cos, shared := cosineOf(kursk(), a, b)
	if cos < MinCosineAnyName+2*CosinePerDay || shared >= MinShared {
		t.Fatalf("cosine %.3f, shared %.1f: the pair does not test the rule", cos, shared)
	}
	x := kursk()
	x.Freq.Add(a)
	x.Add(1, 1, a, noon)
	x.Freq.Add(b)
	if _, ok := x.Match(b, noon.Add(47*time.Hour)); !ok {
		t.Errorf("copies sharing a common name are two stories (cosine %.3f, shared %.1f)", cos, shared)
	}
	if got := minCosine(noon, noon.Add(48*time.Hour)) - MinCosine + MinCosineAnyName; got < MinCosineAnyName+2*CosinePerDay-1e-9 {
		t.Errorf("two days apart the cosine needed is %.3f; want it raised by %.2f", got, 2*CosinePerDay)
	}
}

func TestIndexRemoveAndBest(t *testing.T) {
	x := background(30)
	first := NewFeatures("Gunman kills two at Brookfield diner", "", "A gunman killed two people at the Lakeside Diner in Brookfield on Sunday, police said.")
	copyOf := NewFeatures("Two killed in Brookfield diner shooting", "", "Two people were killed when a gunman opened fire at the Lakeside Diner in Brookfield, police said Sunday.")
	for _, f := range []Features{first, copyOf} {
		x.Freq.Add(f)
	}
	x.Add(10, 10, first, noon)
	x.Add(11, 10, copyOf, noon)
	probe := NewFeatures("Brookfield diner shooting leaves two dead", "", "Police in Brookfield said a gunman killed two people at the Lakeside Diner on Sunday.")
	if story, ok := x.Match(probe, noon); !ok || story != 10 {
		t.Fatalf("Match = %d, %v; want story 10", story, ok)
	}
	x.Remove(10)
	x.Remove(11)
	x.Remove(99) // unknown: ignored
	if story, ok := x.Match(probe, noon); ok {
		t.Errorf("after the window moved on, Match = %d; want no story", story)
	}
	if x.Len() != 0 || len(x.post) != 0 || len(x.titles) != 0 {
		t.Errorf("index not empty after removing everything: %d docs, %d postings, %d titles", x.Len(), len(x.post), len(x.titles))
	}
}

func TestFrequenciesForget(t *testing.T) {
	var q Frequencies
	if q.IDF(hash32("x")) <= 0 {
		t.Error("an unseen term has no weight")
	}
	q.df = map[uint32]uint32{}
	for i := 0; i < maxTerms; i++ {
		q.df[uint32(i)] = 1
	}
	q.df[1] = 10
	q.n = maxTerms
	q.Add(NewFeatures("Deminers clear fields near Kursk", "", ""))
	if len(q.df) >= maxTerms/2 || q.df[1] != 5 {
		t.Errorf("after the table filled: %d terms, df[1] = %d; want the rare forgotten and the rest halved", len(q.df), q.df[1])
	}
}

func TestMinCosineRisesWithTheGap(t *testing.T) {
	tests := []struct {
		name string
		a, b time.Time
		want float64
	}{
		{"same moment", noon, noon, MinCosine},
		{"time not known", time.Time{}, noon, MinCosine},
		{"half a day, either order", noon.Add(12 * time.Hour), noon, MinCosine + CosinePerDay/2},
		{"half a day back", noon, noon.Add(12 * time.Hour), MinCosine + CosinePerDay/2},
		{"two days", noon, noon.Add(48 * time.Hour), MinCosine + 2*CosinePerDay},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := minCosine(tt.a, tt.b); got < tt.want-1e-9 || got > tt.want+1e-9 {
				t.Errorf("minCosine = %.4f, want %.4f", got, tt.want)
			}
		})
	}
}

// TestIndexMatchLaterNeedsMore: two reports alike enough to be one story
// when published hours apart are two when a day and a half lies between
// them: the same words later more often tell of another event of the kind.
func TestIndexMatchLaterNeedsMore(t *testing.T) {
	a := NewFeatures("Boy, 14, fatally shot in Fairview Park neighborhood", "",
		"A 14-year-old boy was shot and killed Sunday night in the Fairview Park neighborhood, police said. Officers found him on Kessler Avenue.")
	b := NewFeatures("Medical examiner names victim of Kessler Avenue killing", "",
		"The medical examiner on Monday identified the teenager shot and killed on Kessler Avenue as Darnell Price, a freshman at Lincoln High School. Detectives have made no arrests.")
	x := background(YoungCosineUntil) // a stream past the young one's higher cosine
	x.Freq.Add(a)
	x.Freq.Add(b)
	qw, qnorm := x.weights(&doc{f: b})
	l := x.compare(b.Terms, qw, qnorm, &doc{f: a})
	cos, shared := l.cos, l.shared
	if cos < MinCosine || cos >= MinCosine+1.5*CosinePerDay || shared < MinShared {
		t.Fatalf("cosine %.3f, shared %.1f: the pair does not test the rising threshold", cos, shared)
	}
	for _, tt := range []struct {
		gap  time.Duration
		same bool
	}{{4 * time.Hour, true}, {36 * time.Hour, false}} {
		x := background(YoungCosineUntil) // a stream past the young one's higher cosine
		x.Freq.Add(a)
		x.Add(1, 1, a, noon)
		x.Freq.Add(b)
		if _, ok := x.Match(b, noon.Add(tt.gap)); ok != tt.same {
			t.Errorf("%s apart: same = %v, want %v (cosine %.3f)", tt.gap, ok, tt.same, cos)
		}
	}
}

// TestIndexShortItemsNeedEvidence: short items reach a high cosine on one
// shared word or a word and a number; that is no evidence of one event.
// Reports that share names and more stay one story however short.
func TestIndexShortItemsNeedEvidence(t *testing.T) {
	tests := []struct {
		name   string
		window [][3]string // title, summary, text; in the window, in order
		item   [3]string
		want   int // the window item it joins (1-based); 0 = a story of its own
	}{
		{"a word and a number word", [][3]string{{"Storm number 2 hits the coast", "", "The second storm of the week hit the coast overnight."}, {"emojitest burst 1 🎉", "", "Burst number 1 👨‍👩‍👧"}},
			[3]string{"emojitest silent one", "Silent.", ""}, 0},
		{"a number and the word number", [][3]string{{"Storm number 2 hits the coast", "", "The second storm of the week hit the coast overnight."}, {"emojitest burst 1 🎉", "", "Burst number 1 👨‍👩‍👧"}},
			[3]string{"emojitest burst 2 🌪️", "", "Burst number 2 👨‍👩‍👧"}, 0},
		{"one shared name", [][3]string{{"Boise fire", "", ""}, {"Helena vote", "", ""}},
			[3]string{"Boise election", "", ""}, 0},
		{"a series, numbered", [][3]string{{"test item 1", "", "Item 1."}, {"test item 2", "", "Item 2."}},
			[3]string{"test item 3", "", "Item 3."}, 0},
		{"empty texts, one word alike", [][3]string{{"Update", "", ""}, {"Kursk", "", ""}},
			[3]string{"Kursk update", "", ""}, 0},
		{"same event, short and worded apart", [][3]string{{"Wildfire forces Boise evacuations", "", "Crews fought a wildfire near Boise."}, {"Helena council vote delayed", "", ""}},
			[3]string{"Boise wildfire: thousands evacuated", "", "A wildfire near Boise forced thousands from their homes."}, 1},
		{"a numbered series with names", [][3]string{{"Game 6: Warriors beat Cavaliers in Oakland", "", "The Warriors beat the Cavaliers in Oakland on Sunday night."}, {"Helena council vote delayed", "", ""}},
			[3]string{"Game 7: Warriors beat Cavaliers in Oakland", "", "The Warriors beat the Cavaliers in Oakland on Sunday night."}, 0},
		{"storms numbered apart", [][3]string{{"Storm number 2 hits the Carolina coast", "", "Storm number 2 of the season hit the Carolina coast overnight, forecasters said."}, {"Helena council vote delayed", "", ""}},
			[3]string{"Storm number 3 hits the Carolina coast", "", "Storm number 3 of the season hit the Carolina coast overnight, forecasters said."}, 0},
		{"same number of a series, worded apart", [][3]string{{"Apollo 11 crew honoured in Houston", "", "Houston honoured the Apollo 11 crew at a ceremony at the space center."}, {"Helena council vote delayed", "", ""}},
			[3]string{"Houston ceremony for Apollo 11 astronauts", "", "The crew of Apollo 11 were honoured at the Houston space center on Monday."}, 1},
		{"a count and an age are no series", [][3]string{{"Pasco shooting kills 2 brothers", "", "A shooting in Pasco killed two brothers, the sheriff said."}, {"Helena council vote delayed", "", ""}},
			[3]string{"Sheriff: Pasco teen kills 6-year-old brother", "", "A Pasco teen shot and killed his brother, the sheriff said, in a shooting in Pasco."}, 1},
		{"two games of one team, two scores", [][3]string{{"Lakers beat Warriors 110-102 behind LeBron James", "", "LeBron James scored 31 points and Anthony Davis added 20 rebounds as the Los Angeles Lakers beat the Golden State Warriors 110-102 on Friday night."}, {"Helena council vote delayed", "", ""}},
			[3]string{"Lakers fall to Kings 99-95 on second night of back-to-back", "", "De'Aaron Fox scored 28 points and the Sacramento Kings held off LeBron James and the Los Angeles Lakers 99-95 on Saturday night, a day after the Lakers beat Golden State."}, 0},
		{"one game, one score, worded apart", [][3]string{{"Lakers beat Warriors 110-102 behind LeBron James", "", "LeBron James scored 31 points and Anthony Davis added 20 rebounds as the Los Angeles Lakers beat the Golden State Warriors 110-102 on Friday night."}, {"Helena council vote delayed", "", ""}},
			[3]string{"James leads Lakers past Warriors, 110-102", "", "The Los Angeles Lakers beat the Golden State Warriors 110-102 on Friday as LeBron James scored 31 points."}, 1},
		{"a headline in Title Case alone, then the name in a sentence", [][3]string{{"Storm Bert", "", ""}, {"Helena council vote delayed", "", ""}},
			[3]string{"Storm Bert leaves thousands without power in Wales", "", ""}, 1},
		{"a headline in Title Case alone, then another storm", [][3]string{{"Storm Bert", "", ""}, {"Helena council vote delayed", "", ""}},
			[3]string{"Storm Ciaran leaves thousands without power in France", "", ""}, 0},
		{"two headlines in Title Case alone, two storms", [][3]string{{"Storm Bert Hits Wales", "", ""}, {"Helena council vote delayed", "", ""}},
			[3]string{"Storm Ciaran Hits France", "", ""}, 0},
		{"a storm named by a letter, then the name in a sentence", [][3]string{{"Storm A", "", ""}, {"Helena council vote delayed", "", ""}},
			[3]string{"Storm A hits the coast", "", ""}, 1},
		{"a storm named by a letter, then another letter", [][3]string{{"Storm A", "", ""}, {"Helena council vote delayed", "", ""}},
			[3]string{"Storm B hits the coast", "", ""}, 0},
		{"two storms named by letters, one coast", [][3]string{{"Storm A hits the coast", "", "Storm A hit the coast overnight, forecasters said."}, {"Helena council vote delayed", "", ""}},
			[3]string{"Storm B hits the coast", "", "Storm B hit the coast overnight, forecasters said."}, 0},
		{"same event, numbers and a name", [][3]string{{"3 dead, 1 hurt in Harbor Gateway shooting", "", ""}, {"Helena council vote delayed", "", ""}},
			[3]string{"Three dead, one wounded in Harbor Gateway apartment shooting", "", ""}, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// A new install (a few items, every word rare) and a day's news;
			// in a new install every shared word is common (two in three
			// items carry it), so no true merge is asked of it.
			if tt.want == 0 {
				shortItemJoins(t, NewIndex(), tt.window, tt.item, tt.want)
			}
			shortItemJoins(t, background(60), tt.window, tt.item, tt.want)
		})
	}
}

// shortItemJoins checks which of the window's items item joins in x (0:
// none).
func shortItemJoins(t *testing.T, x *Index, window [][3]string, item [3]string, want int) {
	t.Helper()
	base := int64(1000) // above background's ids: none
	for i, w := range window {
		f := NewFeatures(w[0], w[1], w[2])
		story := base + int64(i+1)
		if s, ok := x.Match(f, noon); ok {
			story = s
		}
		x.Freq.Add(f)
		x.Add(base+int64(i+1), story, f, noon)
	}
	f := NewFeatures(item[0], item[1], item[2])
	story, ok := x.Match(f, noon.Add(time.Minute))
	if !ok {
		story = base
	}
	if story-base != int64(want) {
		t.Errorf("%q joins %d, want %d (of %d articles)", item[0], story-base, want, x.Len())
	}
}
