package feeds

import (
	"strings"
	"testing"

	"github.com/newshound/newshound/summarize"
)

// TestLinkListIsNoText: an aggregator's item whose description lists
// other outlets' headlines (Google News) has no text, so no summary made
// of another outlet's headline and name; prose with links keeps its text.
func TestLinkListIsNoText(t *testing.T) {
	for _, tt := range []struct {
		name, html string
		want       string // the text; "" = none
	}{
		{name: "Google News coverage list",
			html: `<ol><li><a href="https://news.google.com/rss/articles/CBMi1?oc=5" target="_blank">Storm Bert batters Wales as rivers burst banks</a>&nbsp;&nbsp;<font color="#6f6f6f">BBC News</font></li>` +
				`<li><a href="https://news.google.com/rss/articles/CBMi2?oc=5" target="_blank">Pontypridd flooded as Storm Bert hits south Wales</a>&nbsp;&nbsp;<font color="#6f6f6f">The Guardian</font></li>` +
				`<li><a href="https://news.google.com/rss/articles/CBMi3?oc=5" target="_blank">Storm Bert: Major incident declared in Rhondda Cynon Taf</a>&nbsp;&nbsp;<font color="#6f6f6f">WalesOnline</font></li></ol>`},
		{name: "related headlines on lines of their own",
			html: `<a href="/1">Council backs harbour wall after floods</a><br><a href="/2">Eastbank residents count the cost of storm</a><br><a href="/3">Mayor promises flood barrier by 2029</a>`},
		{name: "prose with inline links",
			html: `<p>Police said <a href="/p">John Smith</a>, 34, was arrested after the <a href="/c">chase through Leeds city centre</a> on Friday.</p>`,
			want: "Police said John Smith, 34, was arrested after the chase through Leeds city centre on Friday."},
		{name: "a paragraph, then related links",
			html: `<p>The council voted seven to two on Thursday to build a flood barrier along the harbour.</p><p>Related: <a href="/1">Floods hit Eastbank again this winter</a> <a href="/2">Mayor promises flood barrier by 2029</a></p>`,
			want: "The council voted seven to two on Thursday to build a flood barrier along the harbour."},
		{name: "one headline link and its outlet",
			html: `<a href="https://news.google.com/rss/articles/CBMi1?oc=5">Storm Bert batters Wales as rivers burst banks</a>&nbsp;&nbsp;<font color="#6f6f6f">BBC News</font>`,
			want: "Storm Bert batters Wales as rivers burst banks BBC News"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got := (&feedText{description: tt.html}).text(summarize.Clean)
			if got != tt.want {
				t.Errorf("text = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestLinkListWithoutTwoLinksSkipsTheTokenizer: prose with one link or
// none (most items' HTML) is told no link list without the HTML tokenizer,
// whose buffer alone is 4 KB a call, and the count of a tags it goes by
// agrees with the tokenizer's reading on every document.
func TestLinkListWithoutTwoLinksSkipsTheTokenizer(t *testing.T) {
	prose := `<p>Police said <a href="/p">John Smith, 34, was arrested</a> after the chase through Leeds city centre on Friday.</p>` +
		`<p>The council voted seven to two on Thursday to build a flood barrier along the harbour.</p>`
	if n := testing.AllocsPerRun(20, func() { isLinkList(prose) }); n != 0 {
		t.Errorf("isLinkList of prose with one link: %v allocations, want 0", n)
	}
	list := `<a href="/1">Council backs harbour wall after floods</a><br><a href="/2">Eastbank residents count the cost</a>`
	for _, doc := range []string{
		prose, list, "", "<", "<a", "<a>", "<a >x y z</a><a>x y z</a>",
		strings.ReplaceAll(list, "<a ", "<A\t"), strings.ReplaceAll(list, "<a ", "<a\n"), strings.ReplaceAll(list, "<a ", "<a\f"),
		strings.ReplaceAll(list, "<a ", "<a\r"), strings.ReplaceAll(list, `<a href="/1">`, "<a/>"),
		strings.ReplaceAll(list, "<a ", "<abbr "), strings.ReplaceAll(list, "<a ", "<a\x00 "), strings.ReplaceAll(list, "<a ", "< a "),
		`<!-- <a href="/1">one two three</a> --><a href="/2">four five six</a>`,
		`<script><a href="/1">one two three</a></script><a href="/2">four five six</a>`,
		`<a href="/1">one two three</a><a href="/2">four five six</a`,
		`<a href="/1">one two three</a><a>four five six</a>`,
	} {
		if got, want := isLinkList(doc), linkListOfTokens(doc); got != want {
			t.Errorf("isLinkList(%q) = %v, the tokenizer's reading %v", doc, got, want)
		}
	}
}

// FuzzLinkList: isLinkList agrees with the tokenizer's reading whatever the
// document.
func FuzzLinkList(f *testing.F) {
	f.Add(`<a href="/1">Council backs harbour wall</a><br><A	href="/2">Eastbank residents count the cost</A>`)
	f.Add(`<p>Police said <a href="/p">John Smith</a>, 34, was arrested.</p>`)
	f.Fuzz(func(t *testing.T, doc string) {
		if got, want := isLinkList(doc), linkListOfTokens(doc); got != want {
			t.Errorf("isLinkList(%q) = %v, the tokenizer's reading %v", doc, got, want)
		}
	})
}
