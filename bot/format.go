package bot

import (
	"html"
	"strings"
	"time"
	"unicode/utf16"

	"github.com/newshound/newshound/locale"
	"github.com/newshound/newshound/news"
	"github.com/newshound/newshound/summarize"
)

// MaxMessage is Telegram's limit on a message's text after entity parsing.
const MaxMessage = 4096

// maxCaption is Telegram's limit on a document's caption after entity parsing.
const maxCaption = 1024

// esc escapes outside text for Telegram HTML, quotes included, so that it is
// safe in text and in attribute values alike. Bytes that are not UTF-8 become
// U+FFFD: Telegram refuses a message that is not UTF-8, and two broken
// pieces side by side ("\xd0" + "\xbe") must not make a character.
func esc(s string) string { return html.EscapeString(strings.ToValidUTF8(s, "\uFFFD")) }

// AlertView is what an alert shows.
type AlertView struct {
	Article  news.Article
	Query    string
	Location *time.Location // the chat's; nil = UTC
	Also     []string       // other sources that carried the same story
	Language string         // the chat's language (a locale code); "" = English
}

// FormatAlert renders an alert as Telegram HTML: the linked title, the source
// and publication time, the summary and the subscription that matched.
func FormatAlert(v AlertView) string {
	a := v.Article
	loc := v.Location
	if loc == nil {
		loc = time.UTC
	}
	var b strings.Builder
	p := locale.For(v.Language)
	title := esc(summarize.Clip(a.ShownTitle(), 300))
	if title == "" {
		title = p.Sprintf("(untitled)")
	}
	if a.URL != "" {
		b.WriteString(`<b><a href="` + esc(a.URL) + `">` + title + `</a></b>`)
	} else {
		b.WriteString("<b>" + title + "</b>")
	}
	b.WriteString("\n<i>" + esc(outletLine(p, a, 100)) + " · " + p.Date(a.PublishedAt.In(loc), "2 Jan 15:04 MST") + "</i>")
	if len(v.Also) > 0 {
		b.WriteString("\n➕ " + p.Sprintf("Also: %s", esc(alsoList(p, v.Also))))
	}
	if s := strings.TrimSpace(a.Summary); s != "" {
		b.WriteString("\n\n" + esc(summarize.Clip(s, 1200)))
	}
	if v.Query != "" { // an article shared inline matched no subscription
		b.WriteString("\n\n🔔 " + esc(summarize.Clip(v.Query, 200)))
	}
	return b.String()
}

// outletLine names whose report a is, each name clipped to limit: its
// source's name, or for an aggregator's item (Google News) the outlet it
// carries with the aggregator as the channel ("ABC15 Arizona via Google
// News").
func outletLine(p locale.Printer, a news.Article, limit int) string {
	if a.Outlet == "" || strings.EqualFold(a.Outlet, a.SourceName) {
		return summarize.Clip(a.OutletName(), limit)
	}
	return p.Sprintf("%s via %s", summarize.Clip(a.Outlet, limit), summarize.Clip(a.SourceName, limit))
}

// plainText turns Telegram HTML back into text: tags dropped, links as
// "text (url)", entities decoded. The console and the plain-text retry use it.
func plainText(h string) string { return plainTextOf(h, true) }

// plainWithin is the plain text of h in at most limit UTF-16 code units, for
// the plain-text retry of a message Telegram could not parse: with its links
// written out when they fit, else without them (a digest or a burst of many
// links near the limit would be refused as too long, and so lost), else
// clipped.
func plainWithin(h string, limit int) string {
	if p := plainTextOf(h, true); utf16Len(p) <= limit {
		return p
	}
	p := plainTextOf(h, false)
	if utf16Len(p) <= limit {
		return p
	}
	return clipUTF16(p, limit)
}

// clipUTF16 cuts s to at most limit UTF-16 code units, ending in "…".
func clipUTF16(s string, limit int) string {
	if utf16Len(s) <= limit {
		return s
	}
	n := 0
	for i, r := range s {
		if n+utf16.RuneLen(r) > limit-1 {
			return s[:i] + "…"
		}
		n += utf16.RuneLen(r)
	}
	return s
}

// plainTextOf is plainText, with the links' addresses written out or not.
func plainTextOf(h string, links bool) string {
	var b strings.Builder
	href := ""
	for len(h) > 0 {
		i := strings.IndexByte(h, '<')
		if i < 0 {
			b.WriteString(html.UnescapeString(h))
			break
		}
		b.WriteString(html.UnescapeString(h[:i]))
		j := strings.IndexByte(h[i:], '>')
		if j < 0 {
			b.WriteString(html.UnescapeString(h[i:]))
			break
		}
		tag := h[i+1 : i+j]
		h = h[i+j+1:]
		switch {
		case strings.HasPrefix(tag, "a "):
			if k := strings.Index(tag, `href="`); k >= 0 {
				rest := tag[k+6:]
				if e := strings.IndexByte(rest, '"'); e >= 0 {
					href = html.UnescapeString(rest[:e])
				}
			}
		case tag == "/a":
			if href != "" && links {
				b.WriteString(" (" + href + ")")
			}
			href = ""
		}
	}
	return b.String()
}
