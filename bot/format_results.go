package bot

import (
	"fmt"
	"strings"
	"time"

	"github.com/newshound/newshound/locale"

	"github.com/newshound/newshound/news"
	"github.com/newshound/newshound/summarize"
)

// linkedTitle renders an article's title, linked to it when it has a URL.
func linkedTitle(p locale.Printer, a news.Article) string {
	title := esc(summarize.Clip(a.ShownTitle(), resultTitleLen))
	if title == "" {
		title = p.Sprintf("(untitled)")
	}
	if a.URL == "" {
		return "<b>" + title + "</b>"
	}
	return `<b><a href="` + esc(a.URL) + `">` + title + `</a></b>`
}

// markSnippet escapes a snippet and turns its match markers into bold,
// keeping the tags balanced whatever markers the text holds.
func markSnippet(s string) string {
	var b strings.Builder
	open := false
	for len(s) > 0 {
		i := strings.IndexAny(s, news.SnippetStart+news.SnippetEnd)
		if i < 0 {
			b.WriteString(esc(s))
			break
		}
		b.WriteString(esc(s[:i]))
		switch {
		case s[i:i+1] == news.SnippetStart && !open:
			b.WriteString("<b>")
			open = true
		case s[i:i+1] == news.SnippetEnd && open:
			b.WriteString("</b>")
			open = false
		}
		s = s[i+1:]
	}
	if open {
		b.WriteString("</b>")
	}
	return b.String()
}

// agoIn says how long before now t was, briefly, in p's language; a time
// older than 30 days is its date in loc (the chat's zone).
func agoIn(p locale.Printer, now, t time.Time, loc *time.Location) string {
	d := now.Sub(t)
	switch {
	case t.IsZero():
		return p.Sprintf("date unknown")
	case d < time.Minute:
		return p.Sprintf("just now")
	case d < time.Hour:
		return p.Sprintf("%d min ago", int(d.Minutes()))
	case d < 48*time.Hour:
		return p.Sprintf("%d h ago", int(d.Hours()))
	case d < 30*24*time.Hour:
		return p.Count(int(d.Hours()/24), "%d days ago")
	}
	return p.Date(t.In(loc), "2 Jan 2006")
}

// until says how long after now t is, briefly.
func until(p locale.Printer, now, t time.Time) string {
	d := t.Sub(now)
	switch {
	case t.IsZero() || d <= 0:
		return p.Sprintf("now")
	case d < time.Minute:
		return p.Sprintf("in under a minute")
	case d < time.Hour:
		return p.Sprintf("in %d min", int(d.Minutes()))
	case d < 48*time.Hour:
		return p.Sprintf("in %d h", int(d.Hours()))
	}
	return p.Count(int(d.Hours()/24), "in %d days")
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s = strings.TrimSpace(s); s != "" {
			return s
		}
	}
	return ""
}

// countStored counts stored articles in the printer's language.
func countStored(p locale.Printer, n int) string { return p.Count(n, "%d stored articles") }
