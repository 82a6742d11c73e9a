package locale

import (
	"fmt"
	"strconv"
	"strings"
	"sync"

	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"golang.org/x/text/message/catalog"
)

// Language is one language the bot speaks: its code (as Telegram's
// language_code and /language use it) and its own name for itself.
type Language struct {
	Code    string
	Name    string
	English string    // its name in English, which /language reads too
	Quotes  [2]string // its quotation marks, which %q writes ("" for Go's own, escaped)
}

// English is the language of chats that chose none and whose users' apps
// speak none the bot knows.
const English = "en"

// Languages lists the languages the bot speaks, English first.
var Languages = []Language{
	{"en", "English", "English", [2]string{}},
	{"ru", "Русский", "Russian", [2]string{"«", "»"}},
	{"de", "Deutsch", "German", [2]string{"„", "“"}},
	{"es", "Español", "Spanish", [2]string{"«", "»"}},
}

var (
	tags = func() []language.Tag {
		out := make([]language.Tag, len(Languages))
		for i, l := range Languages {
			out[i] = language.MustParse(l.Code)
		}
		return out
	}()
	matcher = language.NewMatcher(tags)
	// cat is built at the first Printer, not at package initialisation: it
	// was half of the binary's start before main could install its stop
	// handler, and a SIGTERM in that window ended the process by the signal.
	cat = sync.OnceValue(build)
)

// build puts every entry into an x/text catalog, English as the fallback.
// An entry whose translation is missing falls back to its key (English);
// catalog_test.go keeps that from happening.
func build() catalog.Catalog {
	b := catalog.NewBuilder(catalog.Fallback(language.English))
	for _, e := range entries {
		for i, l := range Languages {
			if s := e.text(i); s != "" {
				if err := b.SetString(tags[i], e.en, s); err != nil {
					panic(fmt.Sprintf("locale: %s %q: %v", l.Code, e.en, err))
				}
			}
		}
	}
	return b
}

// Match returns the language the bot speaks for a code as Telegram or a
// user writes it ("ru", "de-AT", "pt-BR", "RU"), and whether it speaks it:
// a code it does not speak, or nonsense, gives English and false.
func Match(code string) (string, bool) {
	code = strings.TrimSpace(code)
	if code == "" {
		return English, false
	}
	t, err := language.Parse(code)
	if err != nil {
		return English, false
	}
	_, i, conf := matcher.Match(t)
	if conf < language.High {
		return English, false
	}
	return Languages[i].Code, true
}

// Named returns the language a user means by a code ("de", "de-AT", see
// Match) or by a name: the name /language lists ("Deutsch", "русский") or
// the English one ("German"), in any case. A user read the list
// "de Deutsch" and sent "/language Deutsch". Anything else gives English
// and false. A country's flag emoji ("🇩🇪") names its language too.
func Named(s string) (string, bool) {
	s = strings.TrimSpace(s)
	for _, l := range Languages {
		if strings.EqualFold(s, l.Name) || strings.EqualFold(s, l.English) {
			return l.Code, true
		}
	}
	if lang, ok := flagged(s); ok {
		return lang, true
	}
	return Match(s)
}

// flagged returns the language of the country whose flag emoji s is
// ("🇩🇪" German, "🇲🇽" Spanish: the country's most likely language), and
// whether the bot speaks it.
func flagged(s string) (string, bool) {
	const indicatorA = 0x1F1E6 // REGIONAL INDICATOR SYMBOL LETTER A
	rs := []rune(s)
	if len(rs) != 2 {
		return "", false
	}
	var region []byte
	for _, r := range rs {
		if r < indicatorA || r > indicatorA+25 {
			return "", false
		}
		region = append(region, byte('A'+r-indicatorA))
	}
	reg, err := language.ParseRegion(string(region))
	if err != nil {
		return "", false
	}
	tag, err := language.Compose(reg)
	if err != nil {
		return "", false
	}
	base, conf := tag.Base()
	if conf == language.No {
		return "", false
	}
	lang, ok := Match(base.String())
	return lang, ok
}

// Supported reports whether code is exactly one of Languages' codes.
func Supported(code string) bool {
	for _, l := range Languages {
		if l.Code == code {
			return true
		}
	}
	return false
}

// Printer prints the catalog's texts in one language.
type Printer struct {
	lang string
	idx  int
	p    *message.Printer
}

// For returns the printer of a language code; a code the bot does not
// speak ("" among them) prints English.
func For(code string) Printer {
	lang, _ := Match(code)
	for i, l := range Languages {
		if l.Code == lang {
			return Printer{lang: lang, idx: i, p: message.NewPrinter(tags[i], message.Catalog(cat()))}
		}
	}
	return For(English)
}

// Lang returns the printer's language code.
func (p Printer) Lang() string {
	if p.lang == "" {
		return English
	}
	return p.lang
}

// Sprintf returns the text of key (its English form) in the printer's
// language, formatted with args as fmt would: numbers are not grouped,
// and %q quotes a text with the language's quotation marks («25:00»,
// „25:00“; English keeps fmt's "25:00"). A key missing from the catalog
// prints as itself.
func (p Printer) Sprintf(key string, args ...any) string {
	if p.p == nil {
		p = For(English)
	}
	marks := Languages[p.idx].Quotes
	wrapped := make([]any, len(args)) // the caller's slice (an error's Args) stays as it was
	for i, a := range args {
		wrapped[i] = plain(a)
		if s, ok := a.(string); ok && marks[0] != "" {
			wrapped[i] = quotable{s, marks}
		}
	}
	return p.p.Sprintf(key, wrapped...)
}

// quotable is a text that %q writes between a language's quotation marks,
// with what does not print (a newline, a control character) escaped as fmt
// escapes it, so the user sees it; other verbs format it as fmt does.
type quotable struct {
	s     string
	marks [2]string
}

// Format implements fmt.Formatter.
func (q quotable) Format(s fmt.State, verb rune) {
	if verb != 'q' {
		fmtArg{q.s}.Format(s, verb)
		return
	}
	var b strings.Builder
	b.WriteString(q.marks[0])
	for _, r := range q.s {
		if strconv.IsPrint(r) || r == '"' || r == '\\' {
			b.WriteRune(r)
			continue
		}
		quoted := strconv.QuoteRune(r)
		b.WriteString(quoted[1 : len(quoted)-1])
	}
	b.WriteString(q.marks[1])
	fmt.Fprint(s, b.String()) // the catalog pads no %q: width is not honoured
}

// plain wraps numbers so that x/text prints them as fmt does (no grouping).
func plain(a any) any {
	switch a.(type) {
	case int, int8, int16, int32, int64, uint, uint8, uint16, uint32, uint64, float32, float64:
		return fmtArg{a}
	}
	return a
}

// fmtArg formats its value with fmt, whatever the verb.
type fmtArg struct{ v any }

// Format implements fmt.Formatter.
func (f fmtArg) Format(s fmt.State, verb rune) {
	format := "%"
	for _, c := range "+-# 0" {
		if s.Flag(int(c)) {
			format += string(c)
		}
	}
	if w, ok := s.Width(); ok {
		format += fmt.Sprint(w)
	}
	if pr, ok := s.Precision(); ok {
		format += "." + fmt.Sprint(pr)
	}
	fmt.Fprintf(s, format+string(verb), f.v)
}
