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

// TestSocialEmbedIsNotProse: a post embedded from a social network (the
// network's embed code: a <blockquote> of its class) is dropped like a
// caption; it had become the summary's first sentence, a quote without
// its author. A quotation the article sets in a <blockquote> stays.
func TestSocialEmbedIsNotProse(t *testing.T) {
	const lead = `<p>Turkey's disaster agency said a magnitude 6.1 earthquake struck Malatya on Monday.</p>`
	for _, tt := range []struct {
		name, html, want string
	}{
		{name: "tweet",
			html: `<blockquote class="twitter-tweet" data-lang="en"><p lang="en" dir="ltr">We are monitoring the situation in Malatya closely. Stay safe.</p>&mdash; AFAD (@AFADBaskanlik) <a href="https://twitter.com/AFADBaskanlik/status/1">November 30, 2026</a></blockquote> <script async src="https://platform.twitter.com/widgets.js" charset="utf-8"></script>` + lead,
			want: "Turkey's disaster agency said a magnitude 6.1 earthquake struck Malatya on Monday."},
		{name: "instagram post with a quote inside",
			html: lead + `<blockquote class="instagram-media" data-instgrm-permalink="https://www.instagram.com/p/x/" data-instgrm-version="14"><div><blockquote>Praying for Malatya</blockquote><a href="https://www.instagram.com/p/x/">A post shared by Jane Doe (@janedoe)</a></div></blockquote><p>Rescuers worked through the night.</p>`,
			want: "Turkey's disaster agency said a magnitude 6.1 earthquake struck Malatya on Monday.\n\nRescuers worked through the night."},
		{name: "a quotation of the article's own",
			html: lead + `<blockquote class="pullquote"><p>"The buildings swayed for almost a minute," said Ayse Demir, a teacher.</p></blockquote>`,
			want: "Turkey's disaster agency said a magnitude 6.1 earthquake struck Malatya on Monday.\n\n\"The buildings swayed for almost a minute,\" said Ayse Demir, a teacher."},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := Clean(tt.html); got != tt.want {
				t.Errorf("Clean:\n got %q\nwant %q", got, tt.want)
			}
		})
	}
}
