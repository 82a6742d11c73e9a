package summarize

import (
	"context"
	"strings"
	"testing"
)

// TestSummaryFooterLabel: a last line of one or two words without a full
// stop is a label (the topic list under BBC's "Related Topics"), not a
// sentence, while a longer last line without one is a feed excerpt cut
// off mid-sentence and may be summarised.
func TestSummaryFooterLabel(t *testing.T) {
	lead := "Rescuers in southern Turkey have pulled a teenage girl alive from the rubble, 248 hours after the earthquake struck.\n\n" +
		"The 17-year-old was taken to hospital in Kahramanmaras, state media reported.\n\n"
	tests := []struct {
		name   string
		text   string
		has    string
		hasNot string
	}{
		{name: "one topic", text: lead + "Related Topics\n\nEarthquakes", has: "state media reported.", hasNot: "Earthquakes"},
		{name: "two topics", text: lead + "Related Topics\n\nTurkey\n\nEarthquakes", hasNot: "Earthquakes"},
		{name: "two-word topic", text: lead + "Related Topics\n\nTurkey earthquake", hasNot: "Turkey earthquake"},
		{name: "one sentence and a topic", text: "Rescuers in southern Turkey have pulled a teenage girl alive from the rubble, 248 hours after the earthquake struck.\n\nEarthquakes", hasNot: "Earthquakes"},
		{
			name: "excerpt cut off mid-sentence",
			text: "The council voted on Monday to close the old bridge to traffic from March.\n\nEngineers found cracks in two of the supports during an inspection last",
			has:  "Engineers found cracks",
		},
		{
			name: "excerpt cut off after two sentences",
			text: "The council voted on Monday to close the old bridge to traffic from March.\n\nDrivers will be sent through the town centre.\n\nEngineers found cracks in two of the supports during an inspection last",
			has:  "Engineers found cracks",
		},
		{
			name: "caption ending a page",
			text: lead + "Her rescue came as hopes of finding more survivors faded across the region.\n\nThe girl was carried to an ambulance on a stretcher.\n\nA rescuer carries the teenage girl pulled alive after ten days from the rubble of her home as her relatives look on",
			has:  "state media reported.", hasNot: "as her relatives look on",
		},
	}
	s := mustNew(t, Options{})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := s.Summarize(context.Background(), Input{Title: "Girl pulled alive after ten days", Text: tt.text})
			if tt.has != "" && !strings.Contains(got, tt.has) {
				t.Errorf("summary %q lacks %q", got, tt.has)
			}
			if tt.hasNot != "" && strings.Contains(got, tt.hasNot) {
				t.Errorf("summary %q carries the label %q", got, tt.hasNot)
			}
		})
	}
}
