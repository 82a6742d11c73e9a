package summarize

import (
	"context"
	"testing"
)

// The cases below marked "digest" and "bot" are the old tests and results of the helpers that digest (firstSentence,
// clip), bot (clip) and feeds (truncate) had before they came here; "changed" cases show where the digest's results
// differ now that it splits sentences with Sentences, and why.

func TestFirstSentence(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"digest: two sentences", "Troops moved in. Residents fled.", "Troops moved in."},
		{"digest: abbreviations", "Dr. Smith met U.S. officials on Jan. 5 in St. Louis. Talks went on.", "Dr. Smith met U.S. officials on Jan. 5 in St. Louis."},
		{"digest: initial", "Author J. K. Rowling spoke. Fans cheered.", "Author J. K. Rowling spoke."},
		{"digest: decimal", "Prices rose 2.5 percent. Markets fell.", "Prices rose 2.5 percent."},
		{"digest: quote opens the next", `He left! "Never again," he said.`, "He left!"},
		{"digest: no end", "A sentence without an end", "A sentence without an end"},
		{"digest: whitespace", "  Spread \n over\tlines.  Next. ", "Spread over lines."},
		{"digest: cjk", "东京发生地震。没有伤亡。", "东京发生地震。"},
		{"digest: empty", "", ""},
		{"digest: line breaks do not end a sentence", "line one\nline two. Next.", "line one line two."},
		{"digest: title abbreviation", "Mr. Kim arrived. He spoke.", "Mr. Kim arrived."},
		{"digest: initials before a lower-case word", "He met U.S. officials. The talks went on.", "He met U.S. officials."},
		// The digest's old splitter never ended a sentence after "Inc.", and never before a closing quote.
		{"changed: Inc. then a sentence starter ends", "Shares of Acme Inc. The company said.", "Shares of Acme Inc."},
		{"changed: a full stop inside quotes ends", "He said it was 'final.' The team agreed.", "He said it was 'final.'"},
		// "ago." ends a sentence unless a digit follows (Spanish "ago. 15" for agosto), as the old digest list had it.
		{"ago. before a name ends", "It ended three days ago. Billy left.", "It ended three days ago."},
		// "est" was on the digest's list only.
		{"changed: est. before a number ends", "The est. 5,000 people came. Police left.", "The est."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := FirstSentence(tt.in, 280); got != tt.want {
				t.Fatalf("FirstSentence(%q, 280) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
	if got, want := FirstSentence("One two three four five six. Seven.", 10), "One two…"; got != want {
		t.Errorf("FirstSentence clipped to 10 = %q, want %q", got, want)
	}
}

func TestClip(t *testing.T) {
	tests := []struct {
		name string
		in   string
		n    int
		want string
	}{
		{"bot, digest: fits", "short", 10, "short"},
		{"bot, digest: exactly n", "exactly ten", 11, "exactly ten"},
		{"bot, digest: at a space", "alpha beta gamma delta", 14, "alpha beta…"},
		{"bot, digest: punctuation before the space dropped", "alpha beta, gamma delta", 13, "alpha beta…"},
		{"bot, digest: a space in the first half is not used", "a verylongwordthatgoeson", 10, "a verylon…"},
		{"bot, digest: runes, not bytes", "Zürich–Genève: the night train returns", 20, "Zürich–Genève: the…"},
		{"bot, digest: no spaces", "台風が上陸した停電が続いている", 6, "台風が上陸…"},
		{"bot, digest: a line break in the first half is kept", "ab\ncdefghij klmnop", 16, "ab\ncdefghij…"},
		{"bot, digest: one rune", "one two three four", 1, "…"},
		{"bot, digest: two runes", "one two three four", 2, "o…"},
		// The digest's clip cut only at spaces, to "first line\nseco…"; the digest clips titles and sentences after
		// folding white space, so only a query or source name with a line break in it can differ.
		{"bot; changed for digest: at a line break", "first line\nsecond line here", 16, "first line…"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Clip(tt.in, tt.n); got != tt.want {
				t.Fatalf("Clip(%q, %d) = %q, want %q", tt.in, tt.n, got, tt.want)
			}
		})
	}
}

func TestLimitBytes(t *testing.T) {
	tests := []struct {
		name string
		in   string
		n    int
		want string
	}{
		{"feeds: fits", "short", 10, "short"},
		{"feeds: bytes", "abcdef", 3, "abc"},
		{"feeds: not inside a rune", "héllo", 2, "h"},
		{"feeds: after a whole rune", "héllo", 3, "hé"},
		{"feeds: three-byte runes", "日本語", 4, "日"},
		{"feeds: less than one rune", "日本語", 2, ""},
		{"feeds: zero", "日本語", 0, ""},
		{"feeds: empty", "", 5, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := LimitBytes(tt.in, tt.n); got != tt.want {
				t.Fatalf("LimitBytes(%q, %d) = %q, want %q", tt.in, tt.n, got, tt.want)
			}
		})
	}
}

func TestTruncate(t *testing.T) {
	tests := []struct {
		name string
		in   string
		max  int
		want string
	}{
		{name: "fits", in: "short text", max: 20, want: "short text"},
		{name: "word boundary", in: "alpha beta gamma delta", max: 14, want: "alpha beta…"},
		{name: "trailing comma dropped", in: "alpha, beta gamma delta", max: 10, want: "alpha…"},
		{name: "one long word", in: "Donaudampfschifffahrtsgesellschaft", max: 10, want: "Donaudamp…"},
		{name: "cjk", in: "台風が上陸した停電が続いている", max: 6, want: "台風が上陸…"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Truncate(tt.in, tt.max); got != tt.want {
				t.Errorf("Truncate(%q, %d) = %q, want %q", tt.in, tt.max, got, tt.want)
			}
		})
	}
}

// TestTitleOnlyTextGetsNoSummary: a text that only repeats a title too short
// to have terms (a number, one stop word) gets no summary, as any text that
// only repeats its title does.
func TestTitleOnlyTextGetsNoSummary(t *testing.T) {
	s, err := New(Options{Sentences: 3, MaxChars: 200})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ name, title, text string }{
		{"a number", "0", "0"},
		{"a stop word", "Live", "live."},
		{"punctuation and case", "U.S. votes", "US VOTES"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := s.Summarize(context.Background(), Input{Title: tt.title, Text: tt.text}); got != "" {
				t.Errorf("summary of %q under the title %q = %q, want none", tt.text, tt.title, got)
			}
		})
	}
}
