package stories

import (
	"net/url"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newshound/newshound/news"
)

// ArticleFeatures returns the features of a stored article: NewFeatures of
// its headline (Headline, the outlet's name and flash labels taken off its
// title), summary and text. The outlet is known by the article's host, its
// aggregator's outlet and its source's name.
func ArticleFeatures(a news.Article) Features {
	return NewFeatures(Headline(a.Title, siteNames(a)...), a.Summary, a.Text)
}

// siteNames returns what may name an article's outlet in its title: the
// labels of its address's host ("wmcactionnews5" of
// www.wmcactionnews5.com, "sky" of news.sky.com), the outlet an
// aggregator's item carries and the source's name (Headline keeps those
// news.OutletKeys keeps).
func siteNames(a news.Article) []string {
	var names []string
	if u, err := url.Parse(a.URL); err == nil {
		names = strings.Split(u.Hostname(), ".")
	}
	return append(names, a.Outlet, a.SourceName)
}

// Headline returns a title without what outlets put around a headline, so
// that two outlets' copies of one headline compare as one (the identical
// title rule) and the outlet's own name counts as no name of the story:
//
//   - a flash label before it: "UPDATE 2-", "BREAKING:", "LIVE:", "WATCH:",
//     "The Latest:", "(UPDATE)", "Updated - ";
//   - a bracketed label after it: "(VIDEO)", "[PHOTOS]";
//   - the outlet's name after a separator (" | ", " - ", " – ", " — ",
//     " :: ", " » ", " · ") and whatever follows it ("… | CNN", "… - BBC
//     News", "… - WMC Action News 5 - Memphis, Tennessee"), or before one
//     ("CBS 58 - …"). A segment names the outlet when it holds one of sites
//     (the host's labels, the outlet's or source's name; case, spaces and
//     punctuation aside), a web address ("KVOA.com"), or reads as a local
//     station's tag line ("Tri-State News, Weather & Sports"); short station
//     tags just before it ("CBS 5 - KPHO") go with it.
//
// A title that would be left empty is returned as it is.
func Headline(title string, sites ...string) string {
	t := strings.TrimSpace(title)
	keys := news.OutletKeys(sites...)
	segs := news.TitleParts(t)
	// the outlet's name before the headline: "CBS 58 - Milwaukee Police …"
	for len(segs) > 1 && namesOutlet(t[segs[0].From:segs[0].To], keys) {
		segs = segs[1:]
	}
	for i := 1; i < len(segs); i++ {
		if namesOutlet(t[segs[i].From:segs[i].To], keys) {
			for i > 1 && stationTag(t[segs[i-1].From:segs[i-1].To]) {
				i--
			}
			segs = segs[:i]
			break
		}
	}
	h := strings.TrimSpace(t[segs[0].From:segs[len(segs)-1].To])
	for {
		rest := stripLabel(h)
		if rest == h {
			break
		}
		h = rest
	}
	if h == "" {
		return t
	}
	return news.Undoubled(h)
}

// namesOutlet reports whether a segment of a title names the outlet: it
// is written as a name (capitalised) and holds one of keys (collapsed site
// names), or, of at least four characters and at most four words, is part of
// one; or it is a web address or a station's tag line.
func namesOutlet(seg string, keys []string) bool {
	c := news.Collapse(seg)
	if c == "" {
		return false
	}
	if !news.WrittenAsName(seg) {
		// words of a headline that names the outlet: "Trump leads in
		// Ohio - CNN poll finds"
		return news.WebAddress(seg) || tagLine(seg)
	}
	for _, k := range keys {
		if strings.Contains(c, k) || len(c) >= 4 && len(strings.Fields(seg)) <= 4 && strings.Contains(k, c) {
			return true
		}
	}
	return news.WebAddress(seg) || tagLine(seg)
}

// tagLine reports whether a segment is a station's tag line: it names news
// with the weather or sports ("Tri-State News, Weather & Sports", "KATV -
// Breaking News, Weather and Razorback Sports").
func tagLine(seg string) bool {
	news, other := false, false
	for _, w := range strings.FieldsFunc(strings.ToLower(seg), func(r rune) bool { return !unicode.IsLetter(r) }) {
		switch w {
		case "news":
			news = true
		case "weather", "sports":
			other = true
		}
	}
	return news && other
}

// stationTag reports whether a segment reads as a station's short tag:
// at most four words, each capitalised or a number, one of them a number or
// in capitals ("CBS 5", "FOX10 News", "WCIV-TV", "NBC12").
func stationTag(seg string) bool {
	ws := strings.Fields(seg)
	if len(ws) == 0 || len(ws) > 4 {
		return false
	}
	tag := false
	for _, w := range ws {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) && !unicode.IsDigit(r) {
			return false
		}
		letters, upper := 0, 0
		for _, r := range w {
			switch {
			case unicode.IsDigit(r):
				tag = true
			case unicode.IsLetter(r):
				letters++
				if unicode.IsUpper(r) {
					upper++
				}
			}
		}
		tag = tag || letters >= 2 && upper == letters
	}
	return tag
}

// flashLabels are the words outlets put before a headline to flag it, not
// to tell the story: "UPDATE 2-", "BREAKING:", "The Latest:".
var flashLabels = setOf("update updated updates breaking live watch video videos photo photos exclusive developing alert " +
	"latest correction corrected refile urgent new just flash listen")

// wireLabels are the flash labels a wire service joins to its headline by
// a bare dash ("UPDATE 2-", "REFILE-", "EXCLUSIVE-"); others so joined are
// words of the headline ("LIVE-FIRE DRILL …").
var wireLabels = setOf("update refile corrected exclusive urgent")

// labelFillers may stand between flash labels: "BREAKING NEWS:", "The
// Latest:", "Just in:", "Live updates:", "Developing story:", "News alert:".
var labelFillers = setOf("news the in story")

// stripLabel returns h without one flash label before it ("UPDATE 2-",
// "BREAKING NEWS:", "(UPDATE)", "Updated - ") or one bracketed label after it
// ("(VIDEO)", "[PHOTOS]"), or h when it has none.
func stripLabel(h string) string {
	// a bracketed label after the headline
	if n := len(h); n > 2 && (h[n-1] == ')' || h[n-1] == ']') {
		open := strings.LastIndexAny(h, "([")
		if open > 0 && isLabel(h[open+1:n-1]) {
			return strings.TrimSpace(h[:open])
		}
	}
	// a bracketed label before it
	if strings.HasPrefix(h, "(") || strings.HasPrefix(h, "[") {
		if end := strings.IndexAny(h, ")]"); end > 0 && isLabel(h[1:end]) {
			return strings.TrimLeft(h[end+1:], " :-–—")
		}
	}
	// a label ending in a colon, a spaced dash, or (in capitals) a dash
	// right after it: "LIVE:", "Updated - ", "UPDATE 2-", "REFILE-UPDATE 1-"
	for i := 0; i < len(h) && i < 40; i++ {
		c := h[i]
		switch {
		case c == ':' || c == '|':
			if isLabel(h[:i]) {
				return strings.TrimSpace(h[i+1:])
			}
			return h
		case c == '-' && i+1 < len(h) && h[i+1] != ' ':
			if label := h[:i]; isLabel(label) && strings.ToUpper(label) == label && wireLabels[strings.ToLower(strings.Fields(label)[0])] {
				return strings.TrimSpace(h[i+1:])
			}
		case c == ' ':
			for _, sep := range []string{" - ", " – ", " — "} {
				if strings.HasPrefix(h[i:], sep) {
					if isLabel(h[:i]) {
						return strings.TrimSpace(h[i+len(sep):])
					}
					return h
				}
			}
		}
	}
	return h
}

// isLabel reports whether s is a flash label: label words (with the words
// that join them), and a number only after "update", "refile" or
// "corrected" ("UPDATE 2").
func isLabel(s string) bool {
	ws := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return r == ' ' || r == '-' })
	if len(ws) == 0 || len(ws) > 3 {
		return false
	}
	label := false
	for i, w := range ws {
		switch {
		case flashLabels[w]:
			label = true
		case labelFillers[w]:
		case i > 0 && isDigits(w) && (ws[i-1] == "update" || ws[i-1] == "refile" || ws[i-1] == "corrected"):
		default:
			return false
		}
	}
	return label
}

func isDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}
