package summarize

import (
	"context"
	"testing"
)

func TestInCapitals(t *testing.T) {
	tests := []struct {
		s    string
		want bool
	}{
		{"THE FIRE BROKE OUT AROUND 3:00 THIS MORNING.", true},
		{"Reporter: A LOT OF PEOPLE ARE UPSET ABOUT WHAT IS DESCRIBED AS A DRIVE-BY SHOOTING.", true},
		{"The Reporter: POLICE ARE STILL SEARCHING.", true},
		{"Laurie Jennings: A TEN-YEAR-OLD CAUGHT IN THE CROSSFIRE IN MIAMI.", true},
		{"ΣΕΙΣΜΟΣ ΣΤΗΝ ΑΘΗΝΑ ΤΟ ΠΡΩΙ.", true},
		// Prose with acronyms, a sign in capitals, a colon of prose.
		{"NASA and the FBI said the launch was delayed.", false},
		{"A sign reading STOP was knocked down by the truck, police said.", false},
		{"The minister said: WE WILL NOT BACK DOWN.", false},
		{"IT HAPPENED AROUND 6:00 p.m., POLICE SAID.", false},
		{"US.", false},
		{"東京で地震があった。", false},
	}
	for _, tt := range tests {
		if got := inCapitals(tt.s); got != tt.want {
			t.Errorf("inCapitals(%q) = %v, want %v", tt.s, got, tt.want)
		}
	}
}

// TestSummaryLeavesCapitalsOut: a sentence in capitals is never in the
// summary of a text with prose in mixed case, and a text all in capitals
// gets no summary (the alert shows its title).
func TestSummaryLeavesCapitalsOut(t *testing.T) {
	tests := []struct {
		name, title, text, want string
	}{
		{name: "a transcript's line in a page of prose",
			title: "Boy, 6, killed in Montfort shooting",
			text: "SHE BRINGS US THE LATEST DETAILS OUT OF GRANT COUNTY TONIGHT.\n\n" +
				"Since Friday night Montfort residents have been reeling from news of the death of a six-year-old boy.\n\n" +
				"Deputies said the boy's mother shot him at their home before turning the gun on herself.",
			want: "Since Friday night Montfort residents have been reeling from news of the death of a six-year-old boy. " +
				"Deputies said the boy's mother shot him at their home before turning the gun on herself."},
		{name: "shouting among ranked sentences",
			title: "Council votes to close library",
			text: "The council voted on Tuesday to close the Elm Street library at the end of March.\n\n" +
				"THIS IS AN OUTRAGE AND WE WILL FIGHT IT ALL THE WAY TO THE COURTS.\n\n" +
				"The library has served the neighbourhood since 1921 and lends about 40,000 books a year.\n\n" +
				"Councillors said the building needs repairs the city cannot pay for.\n\n" +
				"A petition to keep it open has gathered 3,000 signatures.\n\n" +
				"The branch will close on 31 March.",
			want: "The council voted on Tuesday to close the Elm Street library at the end of March. " +
				"The library has served the neighbourhood since 1921 and lends about 40,000 books a year. " +
				"Councillors said the building needs repairs the city cannot pay for."},
		{name: "a headline in capitals above the prose",
			title: "Three dead in Memphis shooting",
			text: "POLICE SAY THREE PEOPLE ARE DEAD AFTER A SHOOTING IN MEMPHIS.\n\n" +
				"Three people were killed and two wounded in a shooting at a Memphis apartment complex on Sunday, police said.",
			want: "Three people were killed and two wounded in a shooting at a Memphis apartment complex on Sunday, police said."},
		{name: "a text all in capitals",
			title: "Boy, 3, dies after shooting himself",
			text: "NOW A SAD STORY WE'VE BEEN FOLLOWING ALL DAY. A THREE-YEAR-OLD BOY HAS DIED AFTER ACCIDENTALLY SHOOTING HIMSELF IN THE HEAD. " +
				"Reporter: THIS ALL HAPPENED INSIDE THE BOY'S HOME RIGHT BEHIND ME HERE. AT THIS POINT INVESTIGATORS SAY IT APPEARS TO BE JUST A HORRIBLE ACCIDENT.",
			want: ""},
		// Prose that must stay as it is.
		{name: "acronyms and a sign in capitals",
			title: "Launch delayed",
			text:  "NASA and the FBI said the launch was delayed by a day. A sign reading STOP was knocked down by the crowd near the gate.",
			want:  "NASA and the FBI said the launch was delayed by a day. A sign reading STOP was knocked down by the crowd near the gate."},
		{name: "a label in capitals above the prose",
			title: "Storm closes schools",
			text:  "UPDATE.\n\nSchools across the county will stay closed on Monday as the storm moves east, officials said.",
			want:  "Schools across the county will stay closed on Monday as the storm moves east."},
	}
	s := mustNew(t, Options{})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := s.Summarize(context.Background(), Input{Title: tt.title, Text: tt.text}); got != tt.want {
				t.Errorf("Summarize =\n%q\nwant\n%q", got, tt.want)
			}
		})
	}
}
