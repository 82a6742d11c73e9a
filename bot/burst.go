package bot

import (
	"fmt"
	"html"
	"strings"
	"unicode/utf16"

	"github.com/newshound/newshound/locale"
	"github.com/newshound/newshound/news"
	"github.com/newshound/newshound/summarize"
)

// maxBurstItems bounds the alerts listed in one burst message, whatever
// their length, so that a message stays readable and its links few.
const maxBurstItems = 50

// maxAlso bounds the other sources named on one alert.
const maxAlso = 8

// BurstItem is one alert of a burst message.
type BurstItem struct {
	Article news.Article
	Also    []string // other sources that carried the same story
}

// FormatBurst renders as many of items (from the first) as fit in one
// message of at most MaxMessage characters after entity parsing and
// maxBurstItems lines: a count, then one line per alert with its linked title
// and source. It returns the text and how many items it holds (at least one).
func FormatBurst(items []BurstItem) (string, int) { return FormatBurstIn(locale.English, items) }

// FormatBurstIn is FormatBurst in a language (a locale code; "" = English).
func FormatBurstIn(lang string, items []BurstItem) (string, int) {
	p := locale.For(lang)
	lines := make([]string, 0, min(len(items), maxBurstItems))
	size := 0
	for _, it := range items[:min(len(items), maxBurstItems)] {
		line := burstLine(p, it)
		n := visibleLen(line) + 1
		if len(lines) > 0 && size+n+visibleLen(burstHeader(p, len(lines)+1)) > MaxMessage {
			break
		}
		lines = append(lines, line)
		size += n
	}
	return burstHeader(p, len(lines)) + "\n" + strings.Join(lines, "\n"), len(lines)
}

func burstHeader(p locale.Printer, n int) string {
	return "🗞 <b>" + p.Count(n, "%d new alerts") + "</b>"
}

func burstLine(p locale.Printer, it BurstItem) string {
	a := it.Article
	title := esc(summarize.Clip(a.ShownTitle(), 200))
	if title == "" {
		title = p.Sprintf("(untitled)")
	}
	var b strings.Builder
	b.WriteString("• ")
	if a.URL != "" {
		b.WriteString(`<a href="` + esc(a.URL) + `">` + title + `</a>`)
	} else {
		b.WriteString(title)
	}
	b.WriteString(" — <i>" + esc(outletLine(p, a, 60)) + "</i>")
	if len(it.Also) > 0 {
		b.WriteString(" " + p.Sprintf("(also: %s)", esc(alsoList(p, it.Also))))
	}
	return b.String()
}

// alsoList names other sources: "Reuters, AFP", with "and N more" past maxAlso.
func alsoList(p locale.Printer, names []string) string {
	if len(names) <= maxAlso {
		return summarize.Clip(strings.Join(names, ", "), 300)
	}
	return summarize.Clip(strings.Join(names[:maxAlso], ", "), 300) + p.Sprintf(" and %d more", len(names)-maxAlso)
}

// visibleLen is the length of Telegram HTML as Telegram counts it after
// parsing the entities: tags removed, character references decoded, in
// UTF-16 code units (an emoji outside the BMP counts two), the stricter count.
func visibleLen(h string) int {
	n := 0
	for len(h) > 0 {
		i := strings.IndexByte(h, '<')
		if i < 0 {
			return n + utf16Len(html.UnescapeString(h))
		}
		n += utf16Len(html.UnescapeString(h[:i]))
		j := strings.IndexByte(h[i:], '>')
		if j < 0 {
			return n + utf16Len(html.UnescapeString(h[i:]))
		}
		h = h[i+j+1:]
	}
	return n
}

func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		n += utf16.RuneLen(r)
	}
	return n
}

// maxMuteButtons bounds the mute buttons under a burst message.
const maxMuteButtons = 8

// muteButtons returns one "🔕 Mute" button per subscription (callback data
// mute:<id>), or "🔔 Unmute" (unmute:<id>) for one muted since, named after
// its query when there are several. An alert edited with "Also:" after its
// subscription was muted from the alert's button offered "Mute" again.
func muteButtons(p locale.Printer, subs []news.Subscription) [][]Button {
	label := func(s news.Subscription, named bool) Button {
		switch {
		case s.Muted && named:
			return Button{Text: p.Sprintf("🔔 Unmute “%s”", summarize.Clip(s.Query, 30)), Data: fmt.Sprintf("unmute:%d", s.ID)}
		case s.Muted:
			return Button{Text: p.Sprintf("🔔 Unmute"), Data: fmt.Sprintf("unmute:%d", s.ID)}
		case named:
			return Button{Text: p.Sprintf("🔕 Mute “%s”", summarize.Clip(s.Query, 30)), Data: fmt.Sprintf("mute:%d", s.ID)}
		}
		return Button{Text: p.Sprintf("🔕 Mute"), Data: fmt.Sprintf("mute:%d", s.ID)}
	}
	if len(subs) == 1 {
		return [][]Button{{label(subs[0], false)}}
	}
	var rows [][]Button
	for _, s := range subs[:min(len(subs), maxMuteButtons)] {
		rows = append(rows, []Button{label(s, true)})
	}
	return rows
}
