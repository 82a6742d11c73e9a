package feeds

import (
	"strings"
	"testing"
	"time"

	"github.com/mmcdole/gofeed"

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
			got := (&feedText{description: tt.html}).text(summarize.CleanText).Text
			if got != tt.want {
				t.Errorf("text = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestAggregatorTitleLosesItsOutlet: Google News appends " - Outlet" to
// every headline and describes the item with the headline's link and the
// outlet's name. The alert showed "Peru earthquake: 6.4 quake shakes
// Arequipa - The Guardian", and with the name cut off, the description
// would have summarised as "The Guardian". A dash in a headline of an
// ordinary item stays.
func TestAggregatorTitleLosesItsOutlet(t *testing.T) {
	gnewsLink := func(head, outlet string) string {
		return `<a href="https://news.google.com/rss/articles/CBMi3?oc=5" target="_blank">` + head + `</a>&nbsp;&nbsp;<font color="#6f6f6f">` + outlet + `</font>`
	}
	for _, tt := range []struct {
		name, title, description string
		wantTitle, wantText      string
	}{
		{name: "Google News item, one link",
			title:       "Peru earthquake: 6.4 quake shakes Arequipa - The Guardian",
			description: gnewsLink("Peru earthquake: 6.4 quake shakes Arequipa", "The Guardian"),
			wantTitle:   "Peru earthquake: 6.4 quake shakes Arequipa"},
		{name: "Google News item, full coverage list",
			title: "Turkey earthquake: 6.1 magnitude tremor hits Malatya province - Reuters",
			description: "<ol><li>" + gnewsLink("Turkey earthquake: 6.1 magnitude tremor hits Malatya province", "Reuters") + "</li><li>" +
				gnewsLink("Earthquake shakes eastern Turkey, buildings damaged", "BBC News") + "</li></ol>",
			wantTitle: "Turkey earthquake: 6.1 magnitude tremor hits Malatya province"},
		{name: "escaped headline and an en dash",
			title:       "AT&T to buy <Lumen> fibre unit – Financial Times",
			description: gnewsLink("AT&amp;T to buy &lt;Lumen&gt; fibre unit", "Financial Times"),
			wantTitle:   "AT&T to buy <Lumen> fibre unit"},
		{name: "a dash in an ordinary headline",
			title:       "Brexit - what happens next",
			description: `<p>MPs vote on Tuesday on the <a href="/deal">withdrawal agreement</a>, and the prime minister has warned of delay.</p>`,
			wantTitle:   "Brexit - what happens next",
			wantText:    "MPs vote on Tuesday on the withdrawal agreement, and the prime minister has warned of delay."},
		{name: "the link's outlet differs from the title's",
			title:       "Storm Bert batters Wales - BBC News",
			description: gnewsLink("Storm Bert batters Wales", "The Guardian"),
			wantTitle:   "Storm Bert batters Wales - BBC News",
			wantText:    "Storm Bert batters Wales The Guardian"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			it := &gofeed.Item{Title: tt.title, Description: tt.description, GUID: "CBMi3", Link: "https://news.google.com/rss/articles/CBMi3"}
			a, raw := itemOf(it, "https://news.google.com/rss", time.Now(), summarize.CleanText, nil, "")
			if a.Title != tt.wantTitle {
				t.Errorf("title = %q, want %q", a.Title, tt.wantTitle)
			}
			if got := raw.text(summarize.CleanText).Text; got != tt.wantText {
				t.Errorf("text = %q, want %q", got, tt.wantText)
			}
		})
	}
}

// TestEscapedCDATAKeepsEveryWord: a CDATA section escaped into an HTML
// field (a feed writer's double wrapping) is its content; read as HTML,
// its opening was a comment up to the first ">" and took words with it.
func TestEscapedCDATAKeepsEveryWord(t *testing.T) {
	for _, tt := range []struct {
		name, title, description string
		wantTitle, wantText      string
	}{
		{name: "title with tags", title: "<![CDATA[Profits at <b>Shell</b> slump]]>", description: "<p>Shell reported a 30% drop in third-quarter profit on Thursday.</p>",
			wantTitle: "Profits at Shell slump", wantText: "Shell reported a 30% drop in third-quarter profit on Thursday."},
		{name: "description of prose with a >", title: "Rates: why 3 < 4 for the ECB", description: " <![CDATA[The ECB's rate > the Fed's for the first time since 2008, traders said.]]> ",
			wantTitle: "Rates: why 3 < 4 for the ECB", wantText: "The ECB's rate > the Fed's for the first time since 2008, traders said."},
	} {
		t.Run(tt.name, func(t *testing.T) {
			it := &gofeed.Item{Title: tt.title, Description: tt.description, GUID: "p11"}
			a, raw := itemOf(it, "https://example.org/feed", time.Now(), summarize.CleanText, nil, "")
			if a.Title != tt.wantTitle {
				t.Errorf("title = %q, want %q", a.Title, tt.wantTitle)
			}
			if got := raw.text(summarize.CleanText).Text; got != tt.wantText {
				t.Errorf("text = %q, want %q", got, tt.wantText)
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
	if n := testing.AllocsPerRun(20, func() { linkList(prose, 2) }); n != 0 {
		t.Errorf("linkList of prose with one link: %v allocations, want 0", n)
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
		if got, want := linkList(doc, 2), linkListOfTokens(doc, 2); got != want {
			t.Errorf("linkList(%q) = %v, the tokenizer's reading %v", doc, got, want)
		}
	}
}

// FuzzLinkList: linkList agrees with the tokenizer's reading whatever the
// document.
func FuzzLinkList(f *testing.F) {
	f.Add(`<a href="/1">Council backs harbour wall</a><br><A	href="/2">Eastbank residents count the cost</A>`)
	f.Add(`<p>Police said <a href="/p">John Smith</a>, 34, was arrested.</p>`)
	f.Fuzz(func(t *testing.T, doc string) {
		if got, want := linkList(doc, 2), linkListOfTokens(doc, 2); got != want {
			t.Errorf("linkList(%q) = %v, the tokenizer's reading %v", doc, got, want)
		}
	})
}
