package summarize

import "testing"

// TestReadable: what a search snippet may quote of a stored text.
func TestReadable(t *testing.T) {
	for _, tt := range []struct {
		name, title, text, want string
	}{
		{name: "byline and timestamp glued before the news",
			text: "By Daily Mail Reporter. PUBLISHED: 12:01 EST, 3 March 2015. A man was arrested on Friday after a chase.",
			want: "A man was arrested on Friday after a chase."},
		{name: "player notice inside a paragraph",
			text: "The pound fell. Media playback is not supported on this device. Sterling lost 2%.",
			want: "The pound fell. Sterling lost 2%."},
		{name: "caption glued into a run-on sentence",
			text: "The actor was stabbed on Sunday, police said.\n\nInjured: Video by a passerby shows him on the ground before he was taken to hospital Scene: The street was closed.",
			want: "The actor was stabbed on Sunday, police said."},
		{name: "prose kept whole, paragraphs kept",
			text: "Flights were suspended for three hours.\n\nThe airport said 40 flights were diverted. Passengers waited.",
			want: "Flights were suspended for three hours.\n\nThe airport said 40 flights were diverted. Passengers waited."},
		{name: "a widget's label on a line of its own",
			text: "Slideshow\n\nPolice said the man, 34, was arrested on Friday. He was charged.\n\nSkip Ad",
			want: "Police said the man, 34, was arrested on Friday. He was charged."},
		{name: "a short teaser is kept", text: "Storm Bert hits Wales", want: "Storm Bert hits Wales"},
		{name: "nothing readable", text: "Scroll down for video", want: ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := Readable(tt.text, tt.title); got != tt.want {
				t.Errorf("Readable(%q) =\n %q, want\n %q", tt.text, got, tt.want)
			}
		})
	}
}
