package summarize

import (
	"context"
	"strings"
	"testing"
)

// TestSummaryOpening: the text's first sentence does not open a summary
// on a pronoun or a connective when another sentence can: the summarizer
// sees cleaned text (the poller stores a feed's text cleaned), so it
// cannot know whether a caption or a notice that "They" refers to was
// dropped before it.
func TestSummaryOpening(t *testing.T) {
	quake := "The death toll from the earthquake in Turkey and Syria has risen above 5,000, officials in both countries said on Tuesday.\n\n" +
		"Rescue teams from more than 20 countries have arrived in the region to help with the search.\n\n" +
		"Temperatures fell below freezing overnight, hampering the efforts of thousands of volunteers.\n\n" +
		"The World Health Organization warned the number of dead could rise eightfold as more collapsed buildings are searched."
	tests := []struct {
		name    string
		text    string
		opens   string // the summary starts with this
		notOpen string // the summary does not start with this
	}{
		{
			name:    "caption dropped before a pronoun",
			text:    "Image caption, Rescuers pulled a girl from the rubble of a building in Hatay on Tuesday.\n\nThey searched through the night in the freezing cold for more survivors of the earthquake.\n\n" + quake,
			notOpen: "They searched",
		},
		{
			name:    "media notice dropped before a pronoun",
			text:    "Media playback is not supported on this device\n\nHe scored twice in the final ten minutes as the visitors came from behind at the stadium.\n\n" + quake,
			notOpen: "He scored",
		},
		{
			name:    "caption dropped, short text taken whole",
			text:    "Image caption, Rescuers pulled a girl from the rubble of a building in Hatay on Tuesday.\n\nThey searched through the night in the freezing cold for more survivors.\n\nThe death toll from the earthquake has risen above 5,000, officials said.",
			opens:   "The death toll",
			notOpen: "They searched",
		},
		{
			name:    "text cleaned already, the caption gone",
			text:    "They searched through the night in the freezing cold for more survivors of the earthquake.\n\n" + quake,
			notOpen: "They searched",
		},
		{
			name:    "a dateline before a pronoun",
			text:    "ANTAKYA, Turkey (Reuters) - They searched through the night in the freezing cold for survivors of the earthquake in Hatay.\n\n" + quake,
			notOpen: "They searched",
		},
		{
			name:    "a connective",
			text:    "But the rescue teams said on Wednesday that hopes of finding more survivors were fading fast.\n\n" + quake,
			notOpen: "But the rescue",
		},
		{
			name:    "both, after a caption",
			text:    "Image caption, Two rescuers carried a man from the rubble in Hatay on Tuesday.\n\nBoth were taken to a field hospital set up in the stadium car park overnight.\n\n" + quake,
			notOpen: "Both were",
		},
		{
			name:    "a connective of several words",
			text:    "As a result, rescue teams from the capital were sent to the worst-hit towns on Wednesday.\n\n" + quake,
			notOpen: "As a result",
		},
		{
			name:  "nothing else to open",
			text:  "He died at home on Sunday surrounded by his family, his spokesman said in a statement.",
			opens: "He died",
		},
		{
			name:  "a noun after This",
			text:  "This week's earthquake is the deadliest to strike Turkey since 1939, officials said.\n\n" + quake,
			opens: "This week's",
		},
	}
	s := mustNew(t, Options{})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := s.Summarize(context.Background(), Input{Title: "Quake toll passes 5,000", Text: tt.text})
			if got == "" {
				t.Fatal("empty summary")
			}
			if tt.opens != "" && !strings.HasPrefix(got, tt.opens) {
				t.Errorf("summary %q does not open with %q", got, tt.opens)
			}
			if tt.notOpen != "" && strings.HasPrefix(got, tt.notOpen) {
				t.Errorf("summary %q opens with %q, which refers to a line left out", got, tt.notOpen)
			}
		})
	}
}
