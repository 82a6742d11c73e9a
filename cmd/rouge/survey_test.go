package main

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestWildFurniture(t *testing.T) {
	tests := []struct {
		summary string
		want    []string
	}{
		// Prose that looks like furniture.
		{"By Tuesday, the river had risen two metres.", nil},
		{"Posted guards at the gate turned the crowd away.", nil},
		{"Advertisement revenue fell 3% in the quarter.", nil},
		{"Follow the money, he said.", nil},
		{"Sen. Ted Cruz (R-Texas) - who spoke first - backed the bill.", nil},
		{"Call (610)-555-0199 with information, police said.", nil},
		{"The fund raised $31,000 (gofundme.com/stephen) for the family.", nil},
		// Furniture seen across outlets.
		{"By Jane Doe, Staff Writer The council met.", []string{"byline"}},
		{"Posted: Monday, May 27, 2014 4:43 PM EDT The council met.", []string{"timestamp"}},
		{"The council met. Advertisement The mayor spoke.", []string{"advert"}},
		{"The council met. © 2017 Cox Media Group.", []string{"copyright"}},
		{"DENVER (CBS4) – One person is dead.", []string{"dateline"}},
		{"The council met. WASHINGTON — The mayor spoke.", []string{"dateline"}},
		{"Shares rose. Reporting by Jane Doe; Editing by John Roe", []string{"credits"}},
		{"Image 1 of 10 Relatives say the boy found a gun.", []string{"caption"}},
		{"A memorial grows outside the home. (Mike Glenn/Chronicle)", []string{"caption"}},
		{"Get breaking news alerts Be the first to know when news breaks.", []string{"promo"}},
		{"The council met. RELATED: Mayor resigns", []string{"nav"}},
		{"Sandoval, 20, is charged. Related Articles January 9, 2017 Man dead after shootout Sandoval allegedly fired shots.", []string{"nav"}},
		{"Related articles in the journal drew criticism.", nil},
		{"You must enter the characters shown in the image.", []string{"page"}},
		{"CLOSE Skip in Skip x Embed x Share The council met.", []string{"page"}},
		// Session 35: kinds seen in the styles of outlets outside the dev data.
		{"The bill passed. Michael Lee is a reporter for Fox News Digital.", []string{"bio"}},
		{"The shilling firmed. Duncan covers East Africa for Reuters from Nairobi.", []string{"bio"}},
		{"Jane Doe is a reporter who was detained in Minsk on Monday.", nil},
		{"Medicare covers treatment for people over 65.", nil},
		{"Aid convoys were turned back at two crossings. [Mohammed Salem/Reuters]", []string{"credit"}},
		{"Gusts hit New England.Credit...Sophie Park for The New York Times", []string{"credit"}},
		{"The stumps were exposed. Transcript provided by NPR, Copyright NPR.", []string{"credit"}},
		{"The report [released on Monday] cited video evidence.", nil},
		{"Polls closed. Follow Al Jazeera's live coverage of the election here.", []string{"promo"}},
		{"The man pleaded not guilty. Support Times of Malta for the price of a coffee.", []string{"promo"}},
		{"Rainfall will be above normal. Catch all the Latest India News, Breaking News and Weather updates on Hindustan Times.", []string{"promo"}},
		{"Polls closed. Good evening and welcome to our live coverage of election night.", []string{"promo"}},
		{"La Cour a alerté le gouvernement. La suite est réservée aux abonnés.", []string{"promo"}},
		{"The latest figures show prices rose 3% in May.", nil},
		{"The miner reported a record profit on Tuesday, opens new tab, driven by copper demand.", []string{"promo"}},
		{"The browser opens a new tab for each search.", nil},
		{"Police continue the investigation with assistance from the Franklin County Sheriff’s Office.", nil},
		{"Oil rose for a third day. — With assistance from Jack Wittels and Sherry Su", []string{"credit"}},
		{"— The child who was shot has been named.", []string{"bullet"}},
		{"-5 degrees was the low on Monday.", nil},
		// Session 36: datelines and stamps of agencies and papers outside
		// the dev data, and prose that looks like them.
		{"New Delhi, Dec 1 (PTI) The government raised the price of wheat.", []string{"dateline"}},
		{"KATHMANDU, Dec 2: The government extended the deadline.", []string{"dateline"}},
		{"MUMBAI: The state government approved the plan.", []string{"dateline"}},
		{"EST A winter storm closed schools.", []string{"timestamp"}},
		{"14:05 GMT The striker scored twice.", []string{"timestamp"}},
		{"NOTE: The meeting has been moved to Thursday.", nil},
		{"NATO: allies agree to lift defence spending.", nil},
		{"The index rose on Dec 2 (the first rise in a year).", nil},
		{"ET Canada aired the interview on Monday.", nil},
		{"At 14:05 the striker scored twice.", nil},
	}
	for _, tt := range tests {
		if got := WildFurniture(tt.summary); !slices.Equal(got, tt.want) {
			t.Errorf("WildFurniture(%q) = %v, want %v", tt.summary, got, tt.want)
		}
	}
}

func TestSurvey(t *testing.T) {
	path := filepath.Join(t.TempDir(), "clusters.jsonl")
	lines := `{"id":"a","title":"Council meets","text":"The council approved the budget on Monday.\n\nParks get more money this year.","outlet":"ledger.example"}` + "\n\n" +
		`{"id":"b","title":"Storm","text":"Storm closes schools across the north.\n\nBuses will not run on Friday.","source":"times.example"}` + "\n"
	if err := os.WriteFile(path, []byte(lines), 0o600); err != nil {
		t.Fatal(err)
	}
	pages, err := loadPages(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(pages) != 2 || pages[0].Outlet != "ledger.example" || pages[1].Outlet != "times.example" {
		t.Fatalf("pages = %+v", pages)
	}
	var out strings.Builder
	if err := survey(&out, pages, 3, 600, true); err != nil {
		t.Fatal(err)
	}
	got := out.String()
	if !strings.Contains(got, "### a ledger.example [] []\nThe council approved the budget on Monday. Parks get more money this year.") {
		t.Errorf("every summary is printed with -v:\n%s", got)
	}
	if !strings.HasSuffix(got, "furniture: 2 texts, 0 empty summaries; 0 with furniture (none), 0 with wild furniture (none), 0 dangling; 0 in all\n") {
		t.Errorf("last line:\n%s", got)
	}
	if _, err := loadPages(filepath.Join(t.TempDir(), "missing.jsonl")); err == nil {
		t.Error("a missing file is an error")
	}
	empty := filepath.Join(t.TempDir(), "empty.jsonl")
	if err := os.WriteFile(empty, []byte(`{"id":"x","title":"t"}`+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := loadPages(empty); err == nil || !strings.Contains(err.Error(), "text is required") {
		t.Errorf("a page without text: %v", err)
	}
}
