package digest

import (
	"fmt"
	"html"
	"sort"
	"strings"
	"time"
	"unicode/utf16"

	"github.com/newshound/newshound/locale"
	"github.com/newshound/newshound/news"
	"github.com/newshound/newshound/summarize"
)

// MaxMessage is Telegram's limit on a message's text. Builder measures the
// HTML itself, in UTF-16 units as Telegram counts, which is never less than
// the text Telegram sees after parsing the entities.
const MaxMessage = 4096

// Entry bounds keep any one entry far below MaxMessage.
const (
	maxTitle    = 250
	maxSentence = 280
	maxQuery    = 100
	maxSource   = 60
	maxSources  = 3    // names shown; the rest are counted
	maxURL      = 1500 // a longer link is left out rather than cut
)

// Builder turns a digest's content into Telegram HTML messages.
type Builder struct {
	MaxItems  int  // stories shown; the rest are counted with a pointer to /latest
	SendEmpty bool // a window without stories still gets a message
}

// Heading is what a digest is titled with.
type Heading struct {
	Title string // plain text, e.g. "Daily digest"
	Date  string // plain text, e.g. "Friday 27 November"
	// Language is the chat's (a locale code) for the lines the builder
	// writes; "" is English.
	Language string
	// First marks the chat's first digest, whose window is the last 24
	// hours: an empty one says so, not "since the last digest".
	First bool
}

// story is one entry: the first alerted article of a story and every source
// that carries the story.
type story struct {
	item    news.DigestItem
	sources []string
	latest  time.Time
}

// Build returns the digest's messages, each at most MaxMessage long and split
// only between entries, or nil for an empty window unless SendEmpty is set.
func (b Builder) Build(c news.DigestContent, h Heading) []string {
	all := rank(stories(c))
	p := locale.For(h.Language)
	head := fmt.Sprintf("📰 <b>%s</b> · %s", esc(h.Title), esc(h.Date))
	if len(all) == 0 {
		if !b.SendEmpty {
			return nil
		}
		if h.First {
			return []string{head + "\n" + p.Sprintf("Nothing has matched your subscriptions in the last 24 hours.")}
		}
		return []string{head + "\n" + p.Sprintf("Nothing matched your subscriptions since the last digest.")}
	}
	shown := all
	if b.MaxItems > 0 && len(shown) > b.MaxItems {
		shown = shown[:b.MaxItems]
	}
	head += "\n<i>" + countLine(p, len(all), len(shown)) + "</i>"
	var units []unit
	n := 0
	for _, group := range groups(shown) {
		for i, s := range group {
			n++
			units = append(units, unit{query: s.item.Query, first: i == 0, text: formatEntry(p, n, s)})
		}
	}
	// The stories left out, by subscription, each with the search that lists
	// them: "and 40 more: /latest" sent a reader to /latest, which shows the
	// newest few (those the digest had just shown) and no more.
	for _, group := range groups(all[len(shown):]) {
		q := group[0].item.Query
		units = append(units, unit{footer: true, text: p.Sprintf("… and %d more of %s: %s", len(group),
			"🔔 <b>"+esc(summarize.Clip(q, maxQuery))+"</b>", "<code>/search "+esc(q)+"</code>")})
	}
	return split(p, head, units, MaxMessage)
}

func countLine(p locale.Printer, all, shown int) string {
	if all > shown {
		return p.Sprintf("Top %d of %d stories", shown, all)
	}
	return p.Count(all, "%d stories")
}

// stories folds the items into one entry per story: the first alerted
// article stands for it, and its sources are all that carry the story.
func stories(c news.DigestContent) []story {
	var out []story
	index := map[int64]int{}
	for _, it := range c.Items {
		if _, ok := index[it.StoryID]; ok {
			continue
		}
		// The linked article's own source comes first, then the others, newest first.
		s := story{item: it, latest: it.PublishedAt, sources: []string{it.SourceName}}
		for _, src := range c.Sources[it.StoryID] {
			if !strings.EqualFold(src.Name, it.SourceName) {
				s.sources = append(s.sources, src.Name)
			}
			if src.Latest.After(s.latest) {
				s.latest = src.Latest
			}
		}
		index[it.StoryID] = len(out)
		out = append(out, s)
	}
	return out
}

// rank orders stories by how many sources carry them, then by their newest
// article, newest first.
func rank(ss []story) []story {
	sort.SliceStable(ss, func(i, j int) bool {
		if len(ss[i].sources) != len(ss[j].sources) {
			return len(ss[i].sources) > len(ss[j].sources)
		}
		if !ss[i].latest.Equal(ss[j].latest) {
			return ss[i].latest.After(ss[j].latest)
		}
		return ss[i].item.StoryID > ss[j].item.StoryID
	})
	return ss
}

// groups splits ranked stories by subscription, in subscription order (as
// /list shows them), keeping the rank within each group.
func groups(ranked []story) [][]story {
	bySub := map[int64][]story{}
	var subs []int64
	for _, s := range ranked {
		id := s.item.SubscriptionID
		if _, ok := bySub[id]; !ok {
			subs = append(subs, id)
		}
		bySub[id] = append(bySub[id], s)
	}
	sort.Slice(subs, func(i, j int) bool { return subs[i] < subs[j] })
	out := make([][]story, len(subs))
	for i, id := range subs {
		out[i] = bySub[id]
	}
	return out
}

// formatEntry renders one story: number, linked title, sources, one sentence.
func formatEntry(p locale.Printer, n int, s story) string {
	it := s.item
	shown := news.Article{Title: it.Title, URL: it.URL, SourceName: it.SourceName}.ShownTitle()
	title := esc(summarize.Clip(strings.Join(strings.Fields(shown), " "), maxTitle))
	if title == "" {
		title = p.Sprintf("(untitled)")
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%d. ", n)
	if it.URL != "" && len(it.URL) <= maxURL && (strings.HasPrefix(it.URL, "https://") || strings.HasPrefix(it.URL, "http://")) {
		b.WriteString(`<a href="` + esc(it.URL) + `">` + title + `</a>`)
	} else {
		b.WriteString("<b>" + title + "</b>")
	}
	b.WriteString("\n<i>" + esc(sourceLine(p, s.sources)) + "</i>")
	if sentence := summarize.FirstSentence(it.Summary, maxSentence); sentence != "" {
		b.WriteString(" — " + esc(sentence))
	}
	return b.String()
}

func sourceLine(p locale.Printer, names []string) string {
	shown := make([]string, 0, maxSources)
	for _, n := range names[:min(len(names), maxSources)] {
		shown = append(shown, summarize.Clip(n, maxSource))
	}
	line := strings.Join(shown, ", ")
	if more := len(names) - len(shown); more > 0 {
		line += p.Sprintf(" +%d more", more)
	}
	return line
}

// unit is one piece of a digest that a split never cuts.
type unit struct {
	query  string
	first  bool // the first entry of its subscription's group
	footer bool
	text   string
}

func groupHeader(p locale.Printer, query string, cont bool) string {
	h := "🔔 <b>" + esc(summarize.Clip(query, maxQuery)) + "</b>"
	if cont {
		h += " <i>" + p.Sprintf("(continued)") + "</i>"
	}
	return h
}

// split packs the units into messages of at most max, the heading first. An
// entry that opens a message in the middle of its group repeats the group's
// header, marked continued in p's language.
func split(p locale.Printer, head string, units []unit, max int) []string {
	var out []string
	cur := head
	for _, u := range units {
		block := u.text
		if !u.footer && u.first {
			block = groupHeader(p, u.query, false) + "\n" + block
		}
		if length(cur)+2+length(block) <= max {
			cur += "\n\n" + block
			continue
		}
		out = append(out, cur)
		if !u.footer && !u.first {
			block = groupHeader(p, u.query, true) + "\n" + block
		}
		cur = block
	}
	return append(out, cur)
}

// length counts UTF-16 units, as Telegram does.
func length(s string) int {
	n := 0
	for _, r := range s {
		n += utf16.RuneLen(r)
	}
	return n
}

// esc escapes outside text for Telegram HTML, quotes included.
func esc(s string) string { return html.EscapeString(s) }
