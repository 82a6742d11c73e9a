package summarize

import "testing"

// TestSayable checks the words in capitals that read as words, as short
// places do, against acronyms spelt letter by letter.
func TestSayable(t *testing.T) {
	for w, want := range map[string]bool{
		"GOA": true, "ROME": true, "LIMA": true, "OSLO": true, "AGRA": true, "KYIV": true, "BERN": true,
		"PUNE": true, "DOHA": true, "ELY": true, "YORK": true, "BATH": true, "DHAR": true, "NATO": true,
		"FBI": false, "CDC": false, "NYPD": false, "ESPN": false, "BBC": false, "NHS": false, "KSP": false,
		"HPD": false, "SAPD": false, "JSO": false, "IMF": false, "BCCI": false,
		"OOTY": true, "MONS": true, "EUGENE": true, "IRS": false, "UEFA": false, "IAEA": false, "UAW": false,
	} {
		if got := sayable(w); got != want {
			t.Errorf("sayable(%q) = %v, want %v", w, got, want)
		}
	}
}

// TestOpensOnBody checks the openings that name the body an acronym's
// label stands for, against a dateline's lead.
func TestOpensOnBody(t *testing.T) {
	for s, want := range map[string]bool{
		"The agency said on Monday it would appeal.":                    true,
		"The governing body opened proceedings against the club.":       true,
		"The alliance's chief said troops were ready.":                  true,
		"The state's beaches will get more lifeguards.":                 false,
		"The Archaeological Survey of India will close the Taj.":        false,
		"The group of oil producers agreed to extend its cuts.":         false,
		"Thousands of protesters marched through the capital.":          false,
		"The city's civic body declared a holiday for the schools.":     false,
		"The civic body on Tuesday began a drive against hoardings.":    false,
		"The central bank raised its key rate by a quarter point.":      false,
		"The body said on Monday it would investigate the chanting.":    true,
		"The body was found in a field near the river on Sunday.":       false,
		"The children's agency said 1.4 million children face famine.":  true,
		"The police organisation said it had arrested 200 people.":      true,
		"The regional bloc's foreign ministers met in Jakarta.":         true,
		"The state's water agency will cut supply to farms.":            false,
		"The national statistics agency said inflation fell.":           false,
		"The company said on Tuesday it would open three stores.":       true,
		"The union government on Monday approved the scheme.":           false,
		"The union said its members would strike on Friday.":            true,
		"The agency, which collects taxes, said refunds would be late.": true,
	} {
		if got := opensOnBody(s); got != want {
			t.Errorf("opensOnBody(%q) = %v, want %v", s, got, want)
		}
	}
}

// TestRefersToBody checks the sentences after a label that refer back to
// a body they have not named, against leads that name their own.
func TestRefersToBody(t *testing.T) {
	for s, want := range map[string]bool{
		"Oil ministers agreed to extend output cuts, the group said in a statement.":        true,
		"More than 2 million people have fled, the refugee agency said on Friday.":          true,
		"Peru's tax agency will delay the deadline by a month, the agency said on Tuesday.": false,
		"Heavy rain cut off the hill station, the district collector said.":                 false,
		"Refunds will be delayed, the agency's chief said.":                                 false,
	} {
		if got := refersToBody(s); got != want {
			t.Errorf("refersToBody(%q) = %v, want %v", s, got, want)
		}
	}
}

// TestSpelledOut checks that an acronym is found spelt out in capitalised
// words, with joining words between them, and not in other words.
func TestSpelledOut(t *testing.T) {
	tests := []struct {
		w, text string
		want    bool
	}{
		{"IRS", "IRS: Refunds will be late. The Internal Revenue Service said so.", true},
		{"OPEC", "OPEC: Cuts go on. The Organization of the Petroleum Exporting Countries meets in June.", true},
		{"UEFA", "The Union of European Football Associations fined the club.", true},
		{"GOA", "GOA: The state's beaches will get more lifeguards. Officials said so.", false},
		{"LIMA", "LIMA: Protesters marched. Local Independent Media said so.", false},
		{"IRS", "IRS: Refunds will be late. Internal revenue fell.", false},
		{"IRS", "IRS: Refunds will be late. Internal of the of Revenue Service.", false},
	}
	for _, tt := range tests {
		if got := spelledOut(tt.w, tt.text); got != tt.want {
			t.Errorf("spelledOut(%q, %q) = %v, want %v", tt.w, tt.text, got, tt.want)
		}
	}
}

// TestDescribesPhotos checks the lines before a dateline line that
// describe a photo, in the present tense, against a lead's.
func TestDescribesPhotos(t *testing.T) {
	for s, want := range map[string]bool{
		"A worker repairs a power line after the storm.\n\n":           true,
		"Voters queue outside a polling booth on Tuesday.\n\n":         true,
		"Police shot a man on Main Street on Monday night.\n\n":        false,
		"A gunman opened fire at a mall on Saturday.\n\n":              false,
		"The council has approved a new budget for the schools.\n\n":   false,
		"Officials will open the new bridge to traffic next week.\n\n": false,
		"\n\n": false,
	} {
		if got := describesPhotos(s); got != want {
			t.Errorf("describesPhotos(%q) = %v, want %v", s, got, want)
		}
	}
}

// TestKickerLabel checks the kickers' labels that open a text, in
// capitals or a capitalised word, against other labels and mixed case.
func TestKickerLabel(t *testing.T) {
	for s, want := range map[string]int{
		"Exclusive: The minister said ...":     len("Exclusive: "),
		"BREAKING: Two people were killed ...": len("BREAKING: "),
		"Breaking news: Two people ...":        len("Breaking news: "),
		"Live: Votes are being counted ...":    len("Live: "),
		"Warning: This story contains ...":     0,
		"ExClusive: The minister said ...":     0,
		"Exclusive interview: The minister":    0,
	} {
		if got := kickerLabel(s); got != want {
			t.Errorf("kickerLabel(%q) = %d, want %d", s, got, want)
		}
	}
}

// TestFieldOf checks the modifiers before a body's noun that name a field
// or an owner the acronym holds the initial of, against those it does
// not, and adjectives, which are not asked.
func TestFieldOf(t *testing.T) {
	tests := []struct {
		w, mods string
		want    bool
	}{
		{"NASA", "space ", true},
		{"UNICEF", "children's ", true},
		{"UNICEF", "UN children's ", true},
		{"INTERPOL", "police ", true},
		{"FIFA", "governing ", true},
		{"ASEAN", "regional ", true},
		{"NATO", "military ", true},
		{"UEFA", "", true},
		{"GENEVA", "health ", false},
		{"GENEVA", "UN's health ", false},
		{"GENEVA", "UN's ", false},
		{"", "health ", true},
		{"", "UN's ", false},
	}
	for _, tt := range tests {
		if got := fieldOf(tt.w, tt.mods); got != tt.want {
			t.Errorf("fieldOf(%q, %q) = %v, want %v", tt.w, tt.mods, got, tt.want)
		}
	}
}

// TestReportLead checks the sentences after a short word in capitals that
// read as a dateline's lead, against a body's announcement.
func TestReportLead(t *testing.T) {
	for s, want := range map[string]bool{
		"Thousands of protesters marched through the capital on Tuesday.":                        true,
		"Air raid sirens sounded across the country as drones struck power plants.":              true,
		"Air raid sirens sounded in three regions overnight.":                                    true,
		"The state's beaches will get 200 more lifeguards, the tourism minister said on Monday.": true,
		"Latvia will close two border crossings from Monday, the interior minister said.":        true,
		"Astronauts will return from the space station next month after a nine-month stay.":      false,
		"Astronauts will return to Earth on Friday after nine months on the station.":            false,
		"Output would rise by 400,000 barrels a day from Monday.":                                false,
		"Astronauts returned to Earth after nine months on the station.":                         false,
	} {
		if got := reportLead(s); got != want {
			t.Errorf("reportLead(%q) = %v, want %v", s, got, want)
		}
	}
}

// TestRefersToPlace checks the sentences that refer to a place they do
// not name, against those that name it or name none.
func TestRefersToPlace(t *testing.T) {
	for s, want := range map[string]bool{
		"Police arrested two men outside a nightclub in the town centre.": true,
		"The city's roads were flooded after 20 cm of rain.":              true,
		"Air raid sirens sounded across the country.":                     true,
		"Voters in the state of Kerala went to the polls.":                false,
		"Police in Maryland issued a warrant on Monday.":                  false,
		"A video shows a man kicking a dog in a park.":                    false,
		"Officials said the cost would be borne by the state.":            true,
		"Residents in Statesboro said the theatre would reopen.":          false,
	} {
		if got := refersToPlace(s); got != want {
			t.Errorf("refersToPlace(%q) = %v, want %v", s, got, want)
		}
	}
}

// TestEnglishEnding checks the capitalised words that end as English
// words do, against places whose "-ing" follows a stem no English word
// ends with.
func TestEnglishEnding(t *testing.T) {
	for w, want := range map[string]bool{
		"Wanted": true, "Shocking": true, "Reading": true, "Dancing": true, "Troubling": true, "Swimming": true,
		"Opinion": true, "Analysis": true, "Starving": true, "Judgment": true,
		"Kunming": false, "Beijing": false, "Chongqing": false, "Nanjing": false, "Tring": false,
		"Mumbai": false, "Chennai": false,
	} {
		if got := englishEnding(w); got != want {
			t.Errorf("englishEnding(%q) = %v, want %v", w, got, want)
		}
	}
}
