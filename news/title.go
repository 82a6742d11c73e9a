package news

import (
	"net/url"
	"strings"
	"unicode"
	"unicode/utf8"
)

// ShownTitle returns the title an alert shows above its outlet line: the
// feed's title without the outlet's own name that pages and some feeds put
// after the headline ("Storm hits coast - Example Times", "… | Example
// Times", "… « CBS San Francisco", "… - KVOA.com"), nor a byline between the
// two ("Storm hits coast - Jane Doe - Example Times", "… - By Jane Doe -
// …"), since the line under the title names the outlet already. A part
// names the outlet when it is written as a name (no word in lower case but
// the small words names join) and half of it at least is the outlet's or
// the source's name or a label of the article's host ("sanfrancisco" of
// sanfrancisco.cbslocal.com), letters and digits compared without case; or
// when it is a web address. Whatever follows that part goes with it ("… -
// WMC Action News 5 - Memphis, Tennessee"). The headline itself, the first
// part, always stays; a title with no such part is returned as it is.
func (a Article) ShownTitle() string {
	t := strings.TrimSpace(a.Title)
	keys := titleKeys(a)
	segs := TitleParts(t)
	cut := len(segs)
	for cut > 1 && namesOutletIn(t[segs[cut-1].From:segs[cut-1].To], keys) {
		cut--
	}
	if cut == len(segs) {
		// the name in the middle, a place or tag line after it
		for i := 1; i < len(segs); i++ {
			if namesOutletIn(t[segs[i].From:segs[i].To], keys) {
				cut = i
				break
			}
		}
	}
	if cut == len(segs) {
		return Undoubled(t)
	}
	if cut > 1 && byline(t[segs[cut-1].From:segs[cut-1].To]) {
		cut--
	}
	return Undoubled(strings.TrimSpace(t[segs[0].From:segs[cut-1].To]))
}

// Undoubled returns t once when it is a headline of three words or more
// written twice, end to end or with a space between ("Man Shot In The
// HeadMan Shot In The Head": a page whose title element and headline a
// crawler or feed joined), and t as it is otherwise: a word or two
// repeated is a name ("Bora Bora", "Walla Walla"), and a repeat set off by
// punctuation ("New York, New York") is written so.
func Undoubled(t string) string {
	for _, sep := range []string{"", " "} {
		n := len(t) - len(sep)
		if n <= 0 || n%2 != 0 {
			continue
		}
		half := t[:n/2]
		if t[n/2:n/2+len(sep)] == sep && t[n/2+len(sep):] == half && len(strings.Fields(half)) >= 3 {
			return half
		}
	}
	return t
}

// titleKeys returns what names a's outlet (OutletKeys): its outlet's and
// source's names and the labels of its address's host.
func titleKeys(a Article) []string {
	var names []string
	if u, err := url.Parse(a.URL); err == nil {
		names = append(names, strings.Split(u.Hostname(), ".")...)
	}
	return OutletKeys(append(names, a.Outlet, a.SourceName)...)
}

// OutletKeys returns names (an outlet's or source's name, the labels of an
// article's host) as keys that a part of a title naming the outlet holds:
// letters and digits in lower case (Collapse), those of three characters
// or more that are not only digits (a part of an IP address) nor name no
// outlet by themselves ("www", "com", "news", "feeds").
func OutletKeys(names ...string) []string {
	keys := make([]string, 0, len(names))
	for _, n := range names {
		if k := Collapse(n); len(k) >= 3 && !hostFiller[k] && strings.Trim(k, "0123456789") != "" {
			keys = append(keys, k)
		}
	}
	return keys
}

// hostFiller is the labels of a host that name no outlet.
var hostFiller = map[string]bool{"www": true, "amp": true, "mobile": true, "com": true, "org": true, "net": true,
	"edu": true, "gov": true, "news": true, "info": true, "biz": true, "feeds": true, "rss": true, "feed": true}

// TitlePart is a part of a title between separators, as byte offsets.
type TitlePart struct{ From, To int }

// titleSeparators part a title's headline from the outlet's name.
var titleSeparators = []string{" | ", " - ", " – ", " — ", " :: ", " « ", " » ", " · "}

// TitleParts returns the parts of t between separators ("Headline - Jane
// Doe - Example Times" has three); a separator at the end of t ("… -
// Columbia, South Carolina |") ends the last part. Used by ShownTitle and
// by the story linker's headline.
func TitleParts(t string) []TitlePart {
	t = strings.TrimRight(t, " |")
	var parts []TitlePart
	from := 0
	for i := 0; i < len(t); i++ {
		if t[i] != ' ' {
			continue
		}
		for _, sep := range titleSeparators {
			if strings.HasPrefix(t[i:], sep) {
				parts = append(parts, TitlePart{from, i})
				from = i + len(sep)
				i = from - 1
				break
			}
		}
	}
	return append(parts, TitlePart{from, len(t)})
}

// namesOutletIn reports whether a part of a title names the outlet: it is
// written as a name and holds one of keys, as half of its letters and digits
// at least ("news" aside), or is a web address. A source named "World" does
// not take "World Cup 2026" for its name.
func namesOutletIn(part string, keys []string) bool {
	if WebAddress(part) {
		return true
	}
	c := Collapse(part)
	if c == "" || !WrittenAsName(part) {
		return false
	}
	rest := len(strings.ReplaceAll(c, "news", "")) // "BBC News" is BBC's name
	for _, k := range keys {
		if strings.Contains(c, k) && 2*len(k) >= rest {
			return true
		}
	}
	return false
}

// byline reports whether a part of a title is a byline: "By" and a name,
// or a person's name alone of two or three words ("Jane Doe", "Mary-Ann
// O'Neill").
func byline(part string) bool {
	words := strings.Fields(part)
	if len(words) > 0 && (words[0] == "By" || words[0] == "by") {
		words = words[1:]
	}
	if len(words) < 2 || len(words) > 3 {
		return false
	}
	for _, w := range words {
		r, size := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) {
			return false
		}
		for _, r := range w[size:] {
			if !unicode.IsLetter(r) && !strings.ContainsRune("'’.-", r) {
				return false
			}
		}
	}
	return true
}

// WrittenAsName reports whether no word of a part starts with a lower-case
// letter, but for the small words names join ("Northern Michigan's News
// Leader", "Voice of the Valley").
func WrittenAsName(part string) bool {
	for _, w := range strings.Fields(part) {
		r, _ := utf8.DecodeRuneInString(w)
		if unicode.IsLower(r) && !nameJoiners[w] {
			return false
		}
	}
	return true
}

// nameJoiners are the words a name may hold in lower case.
var nameJoiners = map[string]bool{"and": true, "of": true, "the": true, "on": true, "for": true, "in": true, "at": true, "de": true, "la": true}

// WebAddress reports whether a part of a title holds a web address: a
// word of letters, a dot and a top-level domain ("KVOA.com", "wistv.com",
// "NewsOn6.com").
func WebAddress(part string) bool {
	for _, w := range strings.Fields(part) {
		w = strings.TrimRight(w, ",;:|")
		dot := strings.LastIndexByte(w, '.')
		if dot <= 0 || dot == len(w)-1 {
			continue
		}
		switch strings.ToLower(w[dot+1:]) {
		case "com", "net", "org", "tv", "uk", "au", "ca", "ie", "nz", "news":
			return true
		}
	}
	return false
}

// Collapse returns s in lower case with only its letters and digits:
// "WMC Action News 5" and "wmcactionnews5" agree.
func Collapse(s string) string {
	var b strings.Builder
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}
