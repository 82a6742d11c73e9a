package digest

import (
	"strings"
	"testing"
	"time"

	"github.com/newshound/newshound/locale"
	"github.com/newshound/newshound/news"
)

func TestBuilderRanksAndGroups(t *testing.T) {
	t0 := time.Date(2026, 6, 10, 6, 0, 0, 0, time.UTC)
	item := func(story, sub int64, query, title string, pub time.Time) news.DigestItem {
		return news.DigestItem{StoryID: story, ArticleID: story, SubscriptionID: sub, Query: query, Title: title,
			URL: "https://news.example/" + title, Summary: title + " happened. Then more.", SourceName: "Wire", PublishedAt: pub}
	}
	srcs := func(names ...string) []news.StorySource {
		var out []news.StorySource
		for _, n := range names {
			out = append(out, news.StorySource{Name: n, Latest: t0})
		}
		return out
	}
	content := news.DigestContent{
		Items: []news.DigestItem{
			item(1, 2, "vote", "lonely", t0.Add(3*time.Hour)),
			item(2, 2, "vote", "widely-carried", t0),
			item(3, 1, "kursk", "older", t0.Add(time.Hour)),
			item(4, 1, "kursk", "newer", t0.Add(2*time.Hour)),
			item(2, 1, "kursk", "widely-carried again", t0), // the same story through another subscription
		},
		Sources: map[int64][]news.StorySource{
			1: srcs("Wire"), 2: srcs("Wire", "Agency", "Daily", "Herald"), 3: srcs("Wire"), 4: srcs("Wire"),
		},
	}
	tests := []struct {
		name     string
		maxItems int
		want     []string // in order
		absent   []string
	}{
		{"all", 10, []string{
			"<i>4 stories</i>",
			"🔔 <b>kursk</b>", "1. ", ">newer<", "2. ", ">older<",
			"🔔 <b>vote</b>", "3. ", ">widely-carried<", "Wire, Agency, Daily +1 more", "widely-carried happened.", "4. ", ">lonely<",
		}, []string{"widely-carried again", "Then more", "more of"}},
		{"top two", 2, []string{
			"<i>Top 2 of 4 stories</i>",
			"🔔 <b>vote</b>", "1. ", ">widely-carried<", "2. ", ">lonely<",
			"… and 2 more of 🔔 <b>kursk</b>: <code>/search kursk</code>", // /latest showed only the newest few
		}, []string{"/latest", ">older<", ">newer<"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			msgs := Builder{MaxItems: tt.maxItems}.Build(content, Heading{Title: "Daily digest", Date: "Wednesday 10 June"})
			if len(msgs) != 1 {
				t.Fatalf("%d messages, want 1", len(msgs))
			}
			rest := msgs[0]
			for _, w := range tt.want {
				i := strings.Index(rest, w)
				if i < 0 {
					t.Fatalf("missing (or out of order) %q in:\n%s", w, msgs[0])
				}
				rest = rest[i+len(w):]
			}
			for _, a := range tt.absent {
				if strings.Contains(msgs[0], a) {
					t.Errorf("has %q:\n%s", a, msgs[0])
				}
			}
		})
	}
}

func TestBuilderEscapesAndBounds(t *testing.T) {
	long := strings.Repeat("a", 3000)
	tests := []struct {
		name   string
		item   news.DigestItem
		want   []string
		absent []string
	}{
		{"html in every field",
			news.DigestItem{Query: `<b>"x"</b>`, Title: `<script>&`, URL: `https://e.example/?a=1&b="2"`, Summary: `Say <hi> & "bye".`, SourceName: `A&B <News>`},
			[]string{`&lt;b&gt;&#34;x&#34;&lt;/b&gt;`, `<a href="https://e.example/?a=1&amp;b=&#34;2&#34;">&lt;script&gt;&amp;</a>`, `A&amp;B &lt;News&gt;`, `Say &lt;hi&gt; &amp; &#34;bye&#34;.`},
			[]string{"<script>", "<hi>", "<News>"}},
		{"no link for a javascript URL",
			news.DigestItem{Query: "q", Title: "t", URL: "javascript:alert(1)", SourceName: "s"},
			[]string{"<b>t</b>"}, []string{"href"}},
		{"a huge title, URL and summary stay bounded",
			news.DigestItem{Query: long, Title: long, URL: "https://e.example/" + long, Summary: long, SourceName: long},
			[]string{"…"}, []string{"href"}},
		{"an untitled article",
			news.DigestItem{Query: "q", URL: "https://e.example/", SourceName: "s"},
			[]string{">(untitled)</a>"}, nil},
		{"the outlet's name after the title, under its source line",
			news.DigestItem{Query: "q", Title: "Storm hits coast - Jane Doe - Example Times", URL: "https://e.example/", SourceName: "Example Times"},
			[]string{">Storm hits coast</a>\n<i>Example Times</i>"}, []string{"Jane Doe"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.item.StoryID, tt.item.SubscriptionID = 1, 1
			msgs := Builder{MaxItems: 20}.Build(news.DigestContent{Items: []news.DigestItem{tt.item}}, Heading{Title: "D", Date: "today"})
			if len(msgs) != 1 || length(msgs[0]) > 2000 {
				t.Fatalf("got %d messages, first %d long", len(msgs), length(msgs[0]))
			}
			for _, w := range tt.want {
				if !strings.Contains(msgs[0], w) {
					t.Errorf("missing %q in %s", w, msgs[0])
				}
			}
			for _, a := range tt.absent {
				if strings.Contains(msgs[0], a) {
					t.Errorf("has %q in %s", a, msgs[0])
				}
			}
		})
	}
}

func TestSplitKeepsEntriesWhole(t *testing.T) {
	var units []unit
	for i := range 50 {
		units = append(units, unit{query: "q" + string(rune('a'+i/20)), first: i%20 == 0, text: strings.Repeat("é🙂", 40) + "|end"})
	}
	msgs := split(locale.For(""), "HEAD", units, 1000)
	if len(msgs) < 5 {
		t.Fatalf("%d messages, want several", len(msgs))
	}
	total := 0
	for i, m := range msgs {
		if length(m) > 1000 {
			t.Errorf("message %d is %d UTF-16 units", i, length(m))
		}
		if i > 0 && !strings.HasPrefix(m, "🔔 ") {
			t.Errorf("message %d starts without a group header: %.30q", i, m)
		}
		total += strings.Count(m, "|end")
		if !strings.HasSuffix(m, "|end") {
			t.Errorf("message %d ends mid-entry", i)
		}
	}
	if total != 50 {
		t.Errorf("entries = %d, want 50", total)
	}
}
