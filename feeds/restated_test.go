package feeds

import (
	"strings"
	"testing"
)

// titleWithOutletCopying is titleWithOutlet without the word count that
// rules out long texts: the comparison on the texts' copies alone.
var titleWithOutletCopying = saysTitleWithOutlet

var outletCases = []struct{ text, title string }{
	{"Grandma detained after boy killed with her gun - WSB-TV", "Grandma detained after boy killed with her gun"},
	{"Grandma detained  after boy\u00a0killed with her gun \n– The Arizona Republic", "grandma detained after boy killed with her gun"},
	{"Title here | Channel 4 News Tonight Late", "Title here"},
	{"Title here | Channel 4 News Tonight Late Show", "Title here"},
	{"Title here — police say more arrests will follow.", "Title here"},
	{"Title here - wsb", "Title here"},
	{"Title here", "Title here"},
	{"", ""},
	{"x - Y", ""},
	{"\u212a - Y", "k"},
	{"k\u2003- Y\u0085Z", "K"},
	{"bad \xff - Name", "bad \xff"},
	{"A longer text about something else entirely, with many words in it and a dash - Outlet", "A longer"},
}

func TestTitleWithOutletAsTheCopyingComparison(t *testing.T) {
	for _, c := range outletCases {
		if got, want := titleWithOutlet(c.text, c.title), titleWithOutletCopying(c.text, c.title); got != want {
			t.Errorf("titleWithOutlet(%q, %q) = %v, the copying comparison %v", c.text, c.title, got, want)
		}
	}
}

func TestFieldCountAsStringsFields(t *testing.T) {
	for _, c := range outletCases {
		for _, s := range []string{c.text, c.title, " \t" + c.text + "\u3000"} {
			if got, want := fieldCount(s, -1), len(strings.Fields(s)); got != want {
				t.Errorf("fieldCount(%q) = %d, strings.Fields %d", s, got, want)
			}
		}
	}
}

// TestTitleWithOutletOfProseAllocatesNothing: an item's text of a few
// paragraphs is ruled out by its word count, not by copies of it.
func TestTitleWithOutletOfProseAllocatesNothing(t *testing.T) {
	text := strings.Repeat("The council voted on Tuesday to close the bridge for repairs. ", 40)
	title := "Council votes to close the bridge"
	if n := testing.AllocsPerRun(20, func() { titleWithOutlet(text, title) }); n != 0 {
		t.Errorf("titleWithOutlet of a 400-word text: %v allocations, want 0", n)
	}
}

func FuzzTitleWithOutlet(f *testing.F) {
	for _, c := range outletCases {
		f.Add(c.text, c.title)
	}
	f.Fuzz(func(t *testing.T, text, title string) {
		if got, want := titleWithOutlet(text, title), titleWithOutletCopying(text, title); got != want {
			t.Errorf("titleWithOutlet(%q, %q) = %v, the copying comparison %v", text, title, got, want)
		}
		if got, want := fieldCount(text, -1), len(strings.Fields(text)); got != want {
			t.Errorf("fieldCount(%q) = %d, strings.Fields %d", text, got, want)
		}
	})
}
