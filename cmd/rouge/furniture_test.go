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
		{"By Jane Doe The council met.", []string{"byline"}},
		{"18 March 2014 Last updated at 09:22 GMT The race was won by a Welsh pair.", []string{"timestamp"}},
		{"Media playback is not supported on this device The striker scored twice.", []string{"media", "glued"}},
		{"Half of the kite flew on Saturday Skilful: The kite weighs 200 kilograms.", []string{"caption"}},
		{"Three parties backed the campaign on the curriculum It means one party is left.", []string{"glued"}},
		{"They would have made 'tremendous advances' The artificial brain is being built.", []string{"glued"}},
		{"The club said the worker was ‘immediately terminated’ The spokesperson said staff had left.", []string{"glued"}},
		{"She called it 'a disaster'. The minister disagreed.", nil},
		{"He spoke in an interview on the Feedback programme The controller of BBC Radio 3 has branded audiences ignorant.", []string{"glued"}},
		{"Models are camouflaged in woodland In many of the pictures, the paint hides them.", []string{"glued"}},
		{"The story ran in The Times and the paper In Focus covered it.", nil},
		{"Read more about the budget here.", []string{"read-more"}},
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
