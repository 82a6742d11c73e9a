package stories

import (
	"testing"
	"time"
)

// TestStateAbbreviationIsItsName: a US state written short, as AP style
// ("Del.", "Calif.", "N.J."), as a postal code after a place ("Smyrna, GA",
// a dateline's "LOUISVILLE, KY") or as a code that is no word ("NJ"), gives
// the terms of its name; where the short form may be another word it does
// not.
func TestStateAbbreviationIsItsName(t *testing.T) {
	tests := []struct {
		text, state string
		want        bool
	}{
		{"Three dead in Del. courthouse shooting", "Delaware", true},
		{"Deputies in Fresno, Calif., said the man fled.", "California", true},
		{"A man was shot in Camden, N.J. on Sunday.", "Jersey", true},
		{"A man was shot in Camden, NJ on Sunday.", "Jersey", true},
		{"Two shot at Smyrna, GA apartment complex", "Georgia", true},
		{"LOUISVILLE, KY (WAVE) - A boy, 3, has died.", "Kentucky", true},
		{"LOUISVILLE, Ky. (WHAS11) - A family is mourning.", "Kentucky", true},
		{"Man shot in Raleigh, N.C., police say", "Carolina", true},
		// other words
		{"He fell ill. Doctors could not help.", "Illinois", false},       // lower case
		{"Miss Smith was shot at her home.", "Mississippi", false},        // a title: no dot
		{"Hundreds attended Mass at the church.", "Massachusetts", false}, // no dot
		{"SHOTS FIRED IN HOME OF OFFICER", "Indiana", false},              // a word in capitals
		{"Police: shoot OR run, he told the crowd", "Oregon", false},      // not after a place
		{"Police say CO poisoning killed two, not the gunfire", "Colorado", false},
		{"The shooting in Dover, Delaware left three dead.", "Delaware", true}, // the full name, as ever
		{"CHARLESTON, W.Va. (AP) — A man was shot.", "West", true},             // "W.Va.": West Virginia
		{"A man was shot in Huntington, W. Va., police said.", "West", true},
		{"Huntington, W.Va. — Two were shot.", "Virginia", true},
		{"Shooting on W. Main St. leaves one hurt", "West", false},      // another "W."
		{"Fatal KC gunfight: couple accused", "Kansas", true},           // a city written short
		{"Police in OKC say the boy was shot twice.", "Oklahoma", true}, //
		{"Man shot in South LA, police say", "Angeles", true},           //
		{"A shooting in Marksville, LA on Tuesday", "Angeles", false},   // a postal code after a place
		{"A shooting in Marksville, LA on Tuesday", "Louisiana", true},  //
		{"Two shot in Philly overnight", "Philadelphia", true},          //
		{"kc and the sunshine band played on", "Kansas", false},         // lower case: no city
	}
	for _, tt := range tests {
		_, got := flagsOf(NewFeatures("Shooting", "", tt.text), tt.state)
		if got != tt.want {
			t.Errorf("%q has the term of %q: %v, want %v", tt.text, tt.state, got, tt.want)
		}
	}
	// "N.J." and "New Jersey" give the same terms, and one title's
	// fingerprint is of what it says
	a, b := NewFeatures("Shooting in Camden, N.J.", "", ""), NewFeatures("Shooting in Camden, New Jersey", "", "")
	if len(a.Terms) != len(b.Terms) {
		t.Errorf("\"N.J.\" gives %d terms, \"New Jersey\" %d", len(a.Terms), len(b.Terms))
	}
	for i := range min(len(a.Terms), len(b.Terms)) {
		if a.Terms[i].Hash != b.Terms[i].Hash {
			t.Errorf("term %d: %x and %x", i, a.Terms[i].Hash, b.Terms[i].Hash)
		}
	}
	if a.Title == b.Title {
		t.Error("two titles written apart have one fingerprint")
	}
}

// TestStateWrittenTwoWaysIsOneStory: one courthouse shooting reported as in
// "Del." and in "Delaware" is one story (it was two: the titles named a
// place, "del" and "delaware", that neither report carried); two shootings
// of one day in two towns of one state stay two, though both name it.
func TestStateWrittenTwoWaysIsOneStory(t *testing.T) {
	short := art{"Del. courthouse gunman killed himself in gun battle, police say",
		"The man who opened fire at the New Castle County Courthouse in Wilmington, Del., on Monday killed himself during a gun battle with officers, police said."}
	full := art{"Women gunned down at Delaware courthouse were there for hearing",
		"The two women shot dead at a Delaware courthouse in Wilmington on Monday had come for a child-support hearing, court officials said."}
	other := art{"Teen shot outside Dover, Delaware convenience store",
		"A 17-year-old was shot in the leg outside a convenience store on Loockerman Street in Dover, Delaware, on Monday night, police said."}
	var corpus []art
	for _, town := range []string{"Akron", "Boise", "Camden", "Dayton", "Erie", "Flint", "Gary", "Helena", "Irvine", "Joliet", "Kenner", "Lansing"} {
		for _, day := range []string{"Monday", "Tuesday", "Saturday"} {
			corpus = append(corpus, art{"Man shot in " + town, "Police said a man was shot " + day + " night in " + town + ". The victim was taken to a hospital and police are investigating the shooting."})
		}
	}
	corpus = append(corpus, art{"Storm closes schools across New Jersey and Delaware", "Schools in New Jersey and Delaware closed on Monday as the storm arrived."})
	tests := []storyPair{
		{name: "Del. then Delaware", a: short, b: full, same: true},
		{name: "Delaware then Del.", a: full, b: short, same: true},
		{name: "two towns of one state", a: short, b: other, same: false},
		{name: "two towns of one state, the other way", a: other, b: short, same: false},
		{name: "two towns, the state written out in both", a: full, b: other, same: false},
	}
	checkStoryPairs(t, append(corpus, short, full, other), tests, time.Date(2013, 2, 12, 9, 0, 0, 0, time.UTC), 20*time.Hour)
}
