package main

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestFurniture(t *testing.T) {
	tests := []struct {
		summary string
		want    []string
	}{
		{"The council approved the budget on Monday. Parks get more money.", nil},
		{"Police closed the road at about 02:15 GMT on Friday.", nil},                                                    // a time in prose is no timestamp line
		{"The kite flew on Saturday. Scroll down for video The team said it was a record.", []string{"scroll", "glued"}}, // the widget's text glued to the next sentence
		{"(CNN)The storm made landfall on Tuesday.", []string{"dateline"}},
		{"LONDON (Wire) - Shares rose.", []string{"dateline"}},
		{"By Jane Doe The council met.", []string{"byline", "glued"}},
		{"18 March 2014 Last updated at 09:22 GMT The race was won by a Welsh pair.", []string{"timestamp"}},
		{"Media playback is not supported on this device The striker scored twice.", []string{"media", "glued"}},
		{"Half of the kite flew on Saturday Skilful: The kite weighs 200 kilograms.", []string{"caption"}},
		// Session 29: live-commentary lines, counted apart (no "any").
		{"Josh Gillies put Gateshead ahead. Second Half ends, Gateshead 2, Wrexham 1. Foul by Connor Jennings (Wrexham).", []string{"commentary"}},
		{"Town won it late. Chris Löwe (Huddersfield Town) wins a free kick in the defensive half.", []string{"commentary"}},
		{"Corner, Wrexham. Conceded by James Marwood.", []string{"commentary"}},
		{"Attempt saved. Connor Jennings (Wrexham) right footed shot from the centre of the box is saved.", []string{"commentary"}},
		{"Delay in match Wes York (Gateshead) because of an injury.", []string{"commentary"}},
		{"Ipswich ran riot at Portman Road. Match ends, Ipswich Town 3, Queens Park Rangers 0.", nil},
		{"Foul play is not suspected, police said. Substitute Abdallah El Said scored a late winner.", nil},
		{"Delay in match payments angered the clubs. The keeper (left) made a brilliant save.", nil},
		// Session 29: a work's title with a colon inside a sentence is prose.
		{"With the new Avengers: Age of Ultron movie released this week, Haskell showed off his Iron Man.", nil},
		{"Images were released with today's release of Fall of an Empire: The Story of Katherine of Alexandria.", nil},
		{"He is on the big screen playing Black Panther in Captain America: Civil War.", nil},
		{"The kite flew over the river last week Skilful: The kite weighs 200 kilograms.", []string{"caption"}},
		{"Three parties backed the campaign on the curriculum It means one party is left.", []string{"glued"}},
		{"They would have made 'tremendous advances' The artificial brain is being built.", []string{"glued"}},
		{"The club said the worker was ‘immediately terminated’ The spokesperson said staff had left.", []string{"glued"}},
		{"She called it 'a disaster'. The minister disagreed.", nil},
		{"He spoke in an interview on the Feedback programme The controller of BBC Radio 3 has branded audiences ignorant.", []string{"glued"}},
		{"Models are camouflaged in woodland In many of the pictures, the paint hides them.", []string{"glued"}},
		{"The story ran in The Times and the paper In Focus covered it.", nil},
		{"Read more about the budget here.", []string{"read-more"}},
		// Session 28: captions glued after a name, a figure or a quotation,
		// seen by eye in the cnndm summaries.
		{"The former leader urged voters to back Labour And he warned the vote decides the next five years.", []string{"glued"}},
		{"He is now offering to post messages for $20 He was once worth millions.", []string{"glued"}},
		{"A winger celebrates his strike in Madrid Elsewhere, the hosts extended their run.", []string{"glued"}},
		{"It comes to the Armenians In her prize-winning book, the ambassador criticised them.", []string{"glued"}},
		{"Critics said the station was dumbing down With just two million listeners, it is the least listened-to.", []string{"glued"}},
		{"The coach will be named manager on Friday ‘I’d be over the moon to get it,’ said the coach.", []string{"glued"}},
		{"England flanker James Haskell returned to the club for the 2012 season Haskell posted the image on Thursday.", []string{"caption"}},
		{"The jockey gets his trophy from Ian Wright at Sandown on Saturday Wright is now a pundit.", []string{"caption"}},
		{"The trophy goes to AP McCoy, who played as a professional McCoy is a huge supporter.", []string{"caption"}},
		{"The former leader, pictured campaigning this week, has warned voters.", []string{"photo-ref"}},
		{"The Sheriff’s Office announced an arrest, and the County Sheriff’s Office confirmed it.", nil},
		{"Marco Doe, 38, was named in the indictment and earlier this month Doe was charged with assault.", nil},
		{"Police named the boy as Medina Doe and according to police Doe was shot once.", nil},
		{"Police say the handgun Jane Doe bought was used, and the handgun Doe used was owned by her husband.", nil},
		{"An autopsy of John Doe, 37, and tests confirm Doe died of a gunshot wound.", nil},
		{"The suspect, Antonio Taylor, was stopped, at which time Taylor exited his vehicle and fired.", nil},
		{"Police say their investigation of Deonte Doe reveals Doe was attempting a robbery.", nil},
		{"In the pictures the actor can be seen laughing with the cast.", []string{"photo-ref"}},
		{"The manager celebrates in front of the away bench as his side went 2-0 up", []string{"unended"}},
		// Session 29: a caption in Title Case glued before a pronoun.
		{"Prince Harry And Meghan Markle Arrive At The Premiere He said the film was a triumph.", []string{"glued"}},
		{"Crowds gathered on Friday Lady Gaga Is Seen Leaving The Hotel In London She wore a red coat.", []string{"glued"}},
		{"He lost his case at the Court of Appeal Millions of motorists face higher fines.", []string{"glued"}},
		{"Read 8 things to know about the killings 100 years ago In 2006, the envoy resigned.", []string{"glued"}},
		{"The captain is favourite. Michael Vaughan (Age 40) CURRENT JOB: Broadcaster and columnist.", []string{"caption"}},
		// Prose that looks like it.
		{"The alliance said in a statement from NATO: the talks will go on.", nil},
		{"Prices rose in 2006 and fell on 12 May; He starred in Born In 1980.", nil},
		{"Police say they were called by Mickey Doe, and officers found Doe had been wounded.", nil},
		{"Thousands of people were left without power, and Millions Of Us Marched was read aloud.", nil},
		{"By the time the police arrived, the gunman had fled.", nil},
		{"By Tuesday, the river had risen two feet.", nil},
		{"He shops at Marks And Spencer It said it would cut prices.", nil},
		{"The film Lord Of The Rings It was a hit with critics.", nil},
		{"The paper ran 'Why The Fed Is Wrong About The Euro As It stands' on its front page.", nil},
		{"It was reported by The New York Times He said nothing more.", nil},
		{"He bought the shirt at Marks And Spencer on Oxford Street.", nil},
		{"She won a series of Dancing With the Stars in 2012.", nil},
		{"The Prime Minister Theresa May said the vote would go ahead.", nil},
		{"Former striker Jermain Defoe scored and striker Defoe added a third.", nil},
		{"The coach said ‘We agreed we would all sign,’ he said.", nil},
		{"The coach told reporters: ‘We will win,’ he said.", nil},
		{"He has been fit all season. 'I'm ready, I've been fit,' he told the club's website.", nil},
		{"The film is being dubbed ‘The First Great Escape’ by its makers.", nil},
		{"Eight guards were pictured with a politician at a rally.", nil},
	}
	if got := Furniture("The side went 2-0 up"); !slices.Equal(got, []string{kindUnended}) {
		t.Errorf("a summary that only ends unstopped: %v, want [unended] without any", got)
	}
	for _, tt := range tests {
		got := slices.DeleteFunc(Furniture(tt.summary), func(k string) bool { return k == anyFurniture })
		if !slices.Equal(got, tt.want) {
			t.Errorf("Furniture(%q) = %v, want %v", tt.summary, got, tt.want)
		}
	}
}

func TestDangling(t *testing.T) {
	text := "Mayor Ana Ruiz resigned on Monday.\n\nShe said the audit cleared her office.\n\nThe council meets next week."
	for summary, want := range map[string]bool{
		"She said the audit cleared her office. The council meets next week.":       true,
		"Mayor Ana Ruiz resigned on Monday. She said the audit cleared her office.": false,
		"The council meets next week.":                                              false,
	} {
		if got := Dangling(summary, text); got != want {
			t.Errorf("Dangling(%q) = %v, want %v", summary, got, want)
		}
	}
	if !Dangling("But the vote failed.", "The council met.\n\nBut the vote failed.") {
		t.Error("a connective opening is dangling")
	}
	if Dangling("This is the man police named.", "Had been arrested twice\n\nGunman: Alex Doe, 26\n\nThis is the man police named.") {
		t.Error("headings before the first sentence do not make it dangling")
	}
	if Dangling("He was 88.", "He was 88.") {
		t.Error("a summary starting where the article starts is not dangling")
	}
	// The cleaner drops a caption line, so the cleaned text starts at
	// "They": the raw text shows the sentence the opening refers to.
	if !Dangling("They searched through the night.", "Image caption, Rescuers pulled a girl from the rubble in Hatay.\n\nThey searched through the night.") {
		t.Error("an opening after a dropped caption is dangling")
	}
	if Dangling("He was 88.", "(CNN)He was 88.\n\nHe died at home.") {
		t.Error("a dateline glued before the first sentence does not make it dangling")
	}
	if Dangling("He was #10 on the field.", "MEMPHIS, Tenn. -- He was #10 on the field.") {
		t.Error("a dateline of two words is no sentence before the opening")
	}
	// Session 29: "This" before its noun refers to nothing before it; a
	// lead that lost its full stop upstream is the summary's first sentence.
	if Dangling("This week is the anniversary of the massacre. And it is the year the promise was broken.", "Washington (CNN)This week is the anniversary of the massacre And it is the year the promise was broken.") {
		t.Error(`"This week" opening is dangling`)
	}
	if !Dangling("This would have meant a vote.", "The council met on Monday.\n\nThis would have meant a vote.") {
		t.Error(`"This would" after a left-out sentence is not dangling`)
	}
	// Session 30: "Now" set against the sentence before; "Now in ..." is
	// a phrase of its own.
	if !Dangling("Now, a study has found it may make your brain larger, too.", "It's well known that exercise can make your muscles bigger.\n\nNow, a study has found it may make your brain larger, too.") {
		t.Error(`"Now, a study ..." after a left-out sentence is not dangling`)
	}
	if !Dangling("Now the complete ban is being lifted.", "Gay men were barred from giving blood.\n\nNow the complete ban is being lifted.") {
		t.Error(`"Now the ban ..." after a left-out sentence is not dangling`)
	}
	if Dangling("Now in its third year, the festival drew 40,000 people.", "Tickets sold out in a day.\n\nNow in its third year, the festival drew 40,000 people.") {
		t.Error(`"Now in its third year" opening is dangling`)
	}
}

func TestLoadSets(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "news.jsonl")
	lines := `{"id":"a","title":"","text":"One. Two.","reference":"One.","source":"x"}` + "\n\n" +
		`{"id":"b","title":"","text":"Three.","reference":"Three.","source":"x"}` + "\n"
	if err := os.WriteFile(path, []byte(lines), 0o600); err != nil {
		t.Fatal(err)
	}
	sets, err := loadSets(path, "", "all")
	if err != nil {
		t.Fatal(err)
	}
	if len(sets) != 1 || len(sets[0].articles) != 2 {
		t.Fatalf("sets = %+v", sets)
	}
	odd, err := loadSets(path, "", "odd")
	if err != nil {
		t.Fatal(err)
	}
	if len(odd[0].articles) != 1 || odd[0].articles[0].ID != "b" {
		t.Errorf("odd half = %+v", odd[0].articles)
	}
	if _, err := loadSets(filepath.Join(dir, "missing.jsonl"), "", "all"); err == nil {
		t.Error("a missing file is an error")
	}
	if _, err := loadSets(path, "", "third"); err == nil || !strings.Contains(err.Error(), "-half") {
		t.Errorf("bad -half: %v", err)
	}
}

func TestRunPrintsTheRougeLineLast(t *testing.T) {
	sets := []set{{name: "tiny", articles: []Article{
		{ID: "a", Text: "The council approved the budget on Monday.\n\nParks get more money this year.", Reference: "The council approved the budget."},
		{ID: "b", Text: "Storm closes schools across the north.\n\nBuses will not run on Friday.", Reference: "Schools closed by a storm."},
	}}}
	var out strings.Builder
	if err := run(&out, sets, options{sentences: 3, maxChars: 600}); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	last := lines[len(lines)-1]
	if !strings.HasPrefix(last, "rouge: newshound R1/R2/RL = ") || !strings.Contains(last, "; lead3 = ") || !strings.HasSuffix(last, "; n=2") {
		t.Errorf("last line = %q", last)
	}
}
