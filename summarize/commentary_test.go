package summarize

import (
	"context"
	"strings"
	"testing"
)

func TestCommentaryLine(t *testing.T) {
	tests := []struct {
		sent string
		want bool
	}{
		{"Foul by Connor Jennings (Wrexham).", true},
		{"Attempt saved.", true},
		{"Attempt missed.", true},
		{"Attempt blocked.", true},
		{"Corner,  Bradford City.", true},
		{"Conceded by Cameron Burgess.", true},
		{"Substitution, Oldham Athletic.", true},
		{"Offside, Wrexham.", true},
		{"Delay in match Marc Klok (Oldham Athletic) because of an injury.", true},
		{"Delay over.", true},
		{"Hand ball by Ryan Flynn (Oldham Athletic).", true},
		{"Second Half ends, Gateshead 2, Wrexham 1.", true},
		{"Goal! St. Johnstone 2, Inverness CT 0.", true},
		{"Chris Löwe (Huddersfield Town) wins a free kick in the defensive half.", true},
		{"Connor Ripley (Oldham Athletic) is shown the yellow card.", true},
		{"Mark Marshall (Bradford City) left footed shot from outside the box is close, but misses to the left.", true},
		// The result line stays: a summary may give it.
		{"Match ends, Gateshead 2, Wrexham 1.", false},
		// Prose.
		{"Delay in match payments angered the clubs.", false},
		{"Oldham went in front in the fifth minute when Marc Klok delivered a free-kick.", false},
		{"Keeper Connor Ripley (left) made a brilliant one-handed save to deny Mark Marshall.", false},
		{"Substitute Abdallah El Said scored a late winner for Egypt.", false},
		{"Attempts to reach the club failed.", false},
		{"Corner shops in the town closed early.", false},
		{"The striker (pictured) wins a lot of free kicks, his manager said.", false},
	}
	for _, tt := range tests {
		if got := commentaryLine(tt.sent); got != tt.want {
			t.Errorf("commentaryLine(%q) = %v, want %v", tt.sent, got, tt.want)
		}
	}
}

// TestSummaryLeavesOutCommentary checks that a match report's summary
// takes its prose and its result line, not the feed's short event lines,
// which otherwise outscore the report: they repeat both teams' names.
func TestSummaryLeavesOutCommentary(t *testing.T) {
	text := strings.Join([]string{
		"Josh Gillies beat Cameron Belford in the visitors' goal with a fine free-kick to put Gateshead ahead.",
		"But Wrexham were back on level terms before half-time when Sean Newton produced an equally fine set-piece.",
		"Gateshead won it when Wes York turned in a cross from the right after the break.",
		"Match ends, Gateshead 2, Wrexham 1.",
		"Second Half ends, Gateshead 2, Wrexham 1.",
		"Foul by Connor Jennings (Wrexham).",
		"James Marwood (Gateshead) wins a free kick in the defensive half.",
		"Corner, Wrexham. Conceded by James Marwood.",
		"Attempt saved. Connor Jennings (Wrexham) right footed shot from the centre of the box is saved.",
		"Substitution, Gateshead. Danny Johnson replaces Wes York.",
		"Foul by Wes York (Gateshead).",
		"Offside, Wrexham. Sean Newton tries a through ball, but Connor Jennings is caught offside.",
		"Delay in match Wes York (Gateshead) because of an injury.",
		"Goal! Gateshead 2, Wrexham 1. Wes York (Gateshead) right footed shot from close range to the bottom left corner.",
	}, "\n\n")
	s, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	sum := s.Summarize(context.Background(), Input{Text: text})
	for _, line := range []string{"Foul by", "Second Half ends", "wins a free kick", "Corner,", "Attempt saved", "Substitution,", "Offside,", "Delay in match", "Goal!"} {
		if strings.Contains(sum, line) {
			t.Errorf("summary carries a commentary line %q:\n%s", line, sum)
		}
	}
	if !strings.Contains(sum, "Gillies") {
		t.Errorf("summary leaves out the report's lead:\n%s", sum)
	}
}
