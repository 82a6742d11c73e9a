package summarize

import "testing"

// A field is markup only when it holds a tag that only markup writes; a
// headline naming an element ("<progress>", "<div>") keeps the name.
func TestLooksLikeHTML(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"US & EU agree to cut tariffs on <steel> and aluminium", false}, // no element
		{"Browsers add the <progress> element", false},                   // an element's start tag alone
		{"Use a <div> for layout, not a <table>", false},
		{"Why <b> is bold", false},
		{"x<y and y>z", false},
		{"<b>Storm</b> closes schools", true}, // its end tag
		{"Storm closes schools</p>", true},
		{`Read <a href="https://example.com/">more</a>`, true}, // attributes
		{"Line one<br/>Line two", true},                        // self-closed
		{"Line one<br>Line two", true},                         // empty element
		{"First paragraph<p>Second paragraph", true},           // left open
		{"<li>one<li>two", true},
		{"<!-- a comment --> text", true},
		{"<img src=x.jpg> Caption", true},
	}
	for _, tt := range tests {
		if got := looksLikeHTML(tt.in); got != tt.want {
			t.Errorf("looksLikeHTML(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
	if got := PlainText("Browsers add the <progress> element"); got != "Browsers add the <progress> element" {
		t.Errorf("PlainText kept %q, want every word", got)
	}
}
