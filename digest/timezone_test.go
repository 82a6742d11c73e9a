package digest

import "testing"

func TestFirstSentence(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"two sentences", "Troops moved in. Residents fled.", "Troops moved in."},
		{"abbreviations", "Dr. Smith met U.S. officials on Jan. 5 in St. Louis. Talks went on.", "Dr. Smith met U.S. officials on Jan. 5 in St. Louis."},
		{"initial", "Author J. K. Rowling spoke. Fans cheered.", "Author J. K. Rowling spoke."},
		{"decimal", "Prices rose 2.5 percent. Markets fell.", "Prices rose 2.5 percent."},
		{"quote opens the next", `He left! "Never again," he said.`, "He left!"},
		{"no end", "A sentence without an end", "A sentence without an end"},
		{"whitespace", "  Spread \n over\tlines.  Next. ", "Spread over lines."},
		{"cjk", "东京发生地震。没有伤亡。", "东京发生地震。"},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := firstSentence(tt.in, 280); got != tt.want {
				t.Fatalf("firstSentence(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}
