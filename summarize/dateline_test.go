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
		"The agency said on Monday it would appeal.":                 true,
		"The governing body opened proceedings against the club.":    true,
		"The alliance's chief said troops were ready.":               true,
		"The state's beaches will get more lifeguards.":              false,
		"The Archaeological Survey of India will close the Taj.":     false,
		"The group of oil producers agreed to extend its cuts.":      false,
		"Thousands of protesters marched through the capital.":       false,
		"The city's civic body declared a holiday for the schools.":  false,
		"The civic body on Tuesday began a drive against hoardings.": false,
		"The central bank raised its key rate by a quarter point.":   false,
	} {
		if got := opensOnBody(s); got != want {
			t.Errorf("opensOnBody(%q) = %v, want %v", s, got, want)
		}
	}
}
