package summarize

import (
	"context"
	"strings"
	"testing"
)

func TestDropPictureRefs(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Disgraced former RBS boss Fred Goodwin (pictured) was among those courted by Tony Blair.",
			"Disgraced former RBS boss Fred Goodwin was among those courted by Tony Blair."},
		{`Raashon Jackson (left), Roderick "Riki" Rogers (center) and David Anderson (right) have been arrested.`,
			`Raashon Jackson, Roderick "Riki" Rogers and David Anderson have been arrested.`},
		{"Mr Davey's predecessor Roger Wright (pictured in 2013) dismissed the claims.",
			"Mr Davey's predecessor Roger Wright dismissed the claims."},
		{"Steven Gerrard (far left) and Jordan Henderson (second from right) trained on Friday.",
			"Steven Gerrard and Jordan Henderson trained on Friday."},
		{"The North Atlantic Treaty Organisation (Nato) met in Brussels on Tuesday.",
			"The North Atlantic Treaty Organisation (Nato) met in Brussels on Tuesday."},
		{"Wages rose by 3% (above inflation) for the first time in six years.",
			"Wages rose by 3% (above inflation) for the first time in six years."},
		{"The party's (left-wing) faction walked out of the conference hall.",
			"The party's (left-wing) faction walked out of the conference hall."},
		{"Shares rose 3% (from 120p to 124p) in early trading.",
			"Shares rose 3% (from 120p to 124p) in early trading."},
		{"The council (pictured", "The council (pictured"},
		{"No brackets at all in this sentence.", "No brackets at all in this sentence."},
	}
	for _, tt := range tests {
		if got := dropPictureRefs(tt.in); got != tt.want {
			t.Errorf("dropPictureRefs(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// An alert has no photo: "(pictured)" and "(left)" point at nothing there
// (issue 13, point 2).
func TestSummaryDropsPictureReferences(t *testing.T) {
	text := "Royal Bank of Scotland has racked up £50billion in losses since it was bailed out by taxpayers.\n\n" +
		"The state-backed bank lurched to a £446million loss for the first three months of the year.\n\n" +
		"Disgraced former RBS boss Fred Goodwin (pictured) was among those courted by the bank's advisers."
	s := mustNew(t, Options{})
	got := s.Summarize(context.Background(), Input{Title: "RBS losses pass £50billion", Text: text})
	if strings.Contains(got, "(pictured)") {
		t.Errorf("summary points at a photo: %q", got)
	}
	if !strings.Contains(got, "Fred Goodwin was among") {
		t.Errorf("summary lost the sentence: %q", got)
	}
}
