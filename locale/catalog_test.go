package locale

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

var (
	verbRE = regexp.MustCompile(`%(\[\d+\])?[-+# 0]*\d*(\.\d+)?[a-zA-Z%]`)
	tagRE  = regexp.MustCompile(`</?[a-z]+[^>]*>`)
)

// sorted returns the matches of re in s, sorted (verbs may move in a
// translation only with explicit indexes, which keep them distinct).
func sorted(re *regexp.Regexp, s string) []string {
	m := re.FindAllString(s, -1)
	slices.Sort(m)
	return m
}

// inOrder returns the verbs of s in order.
func inOrder(s string) []string { return verbRE.FindAllString(s, -1) }

func TestEveryKeyInEveryLanguageWithTheSameVerbsAndTags(t *testing.T) {
	seen := map[string]bool{}
	for _, e := range entries {
		if seen[e.en] {
			t.Errorf("key %q twice", e.en)
		}
		seen[e.en] = true
		for i, l := range Languages {
			s := e.text(i)
			if strings.TrimSpace(s) == "" {
				t.Errorf("%s: no text for %q", l.Code, e.en)
				continue
			}
			if got, want := inOrder(s), inOrder(e.en); !slices.Equal(got, want) {
				t.Errorf("%s: %q has verbs %v, the key %v", l.Code, s, got, want)
			}
			if got, want := sorted(tagRE, s), sorted(tagRE, e.en); !slices.Equal(got, want) {
				t.Errorf("%s: %q has tags %v, the key %v", l.Code, s, got, want)
			}
			if strings.Count(s, "\n") != strings.Count(e.en, "\n") {
				t.Errorf("%s: %q breaks lines unlike its key", l.Code, s)
			}
		}
	}
	for _, p := range plurals {
		for _, l := range Languages {
			f, ok := p.by[l.Code]
			if !ok || f.other == "" || f.one == "" {
				t.Errorf("%s: plural %q lacks forms: %+v", l.Code, p.key, f)
				continue
			}
			for _, s := range []string{f.one, f.few, f.other} {
				if s != "" && !slices.Equal(inOrder(s), []string{"%d"}) {
					t.Errorf("%s: plural form %q of %q must have one %%d", l.Code, s, p.key)
				}
			}
		}
		if p.by["ru"].few == "" {
			t.Errorf("ru: plural %q lacks the few form", p.key)
		}
		if p.by[English].other != p.key {
			t.Errorf("plural %q: its English other form is %q", p.key, p.by[English].other)
		}
	}
}

// TestEveryTextTheCodeAsksForIsInTheCatalog walks the packages that speak
// to chats for calls of the catalog (Sprintf, Date, Count on a printer) and
// checks that each constant key is an entry: a key missing would print in
// English in every language.
func TestEveryTextTheCodeAsksForIsInTheCatalog(t *testing.T) {
	keys := map[string]bool{}
	for _, e := range entries {
		keys[e.en] = true
	}
	counted := map[string]bool{}
	for _, p := range plurals {
		counted[p.key] = true
	}
	found := 0
	for _, dir := range []string{"../bot", "../digest", ".."} { // "..": /status, /version, the console's lines
		files, consts := parseDir(t, dir)
		for name, f := range files {
			ast.Inspect(f, func(n ast.Node) bool {
				call, ok := n.(*ast.CallExpr)
				if !ok {
					return true
				}
				sel, ok := call.Fun.(*ast.SelectorExpr)
				if !ok || isPkg(sel.X, "fmt") {
					return true
				}
				var arg ast.Expr
				set := keys
				switch {
				case sel.Sel.Name == "Sprintf" && len(call.Args) > 0:
					arg = call.Args[0]
				case sel.Sel.Name == "Date" && len(call.Args) == 2:
					arg = call.Args[1]
				case sel.Sel.Name == "Count" && len(call.Args) == 2:
					arg, set = call.Args[1], counted
				default:
					return true
				}
				s, ok := constString(arg, consts)
				if !ok {
					return true // a key from the command table or a map; the next test covers those
				}
				found++
				if !set[s] {
					t.Errorf("%s: %q is not in the catalog", name, s)
				}
				return true
			})
		}
	}
	if found < 100 {
		t.Errorf("found %d catalog calls; the walk is broken", found)
	}
}

// TestEveryErrorSentenceIsInTheCatalog walks the packages whose errors a
// user reads (query's ParseError, localtime's Error) for the calls that make
// them and checks that each key is an entry: bot/ prints them through the
// catalog in the chat's language.
func TestEveryErrorSentenceIsInTheCatalog(t *testing.T) {
	keys := map[string]bool{}
	for _, e := range entries {
		keys[e.en] = true
	}
	keyArg := map[string]int{"errAt": 1, "errWhole": 0, "userError": 1} // the constructors and where their key is
	found := 0
	for _, dir := range []string{"../query", "../localtime"} {
		files, consts := parseDir(t, dir)
		for name, f := range files {
			ast.Inspect(f, func(n ast.Node) bool {
				call, ok := n.(*ast.CallExpr)
				if !ok {
					return true
				}
				id, ok := call.Fun.(*ast.Ident)
				if !ok {
					return true
				}
				i, ok := keyArg[id.Name]
				if !ok || len(call.Args) <= i {
					return true
				}
				s, ok := constString(call.Args[i], consts)
				if !ok {
					t.Errorf("%s: %s with a key that is not a constant", name, id.Name)
					return true
				}
				found++
				if !keys[s] {
					t.Errorf("%s: error sentence %q is not in the catalog", name, s)
				}
				return true
			})
		}
	}
	if found < 20 {
		t.Errorf("found %d error sentences; the walk is broken", found)
	}
}

// TestNoReplyIsBuiltFromAnEnglishLiteral walks bot/ and digest/ for string
// literals (and string constants) that go into a reply, a rewrite, a
// button, a notice or a message being built (reply, rewrite, WriteString,
// Fprintf, Button{Text}, notice) without passing through the catalog. What
// is left once tags, verbs, commands, URLs and punctuation are removed must
// hold no word.
func TestNoReplyIsBuiltFromAnEnglishLiteral(t *testing.T) {
	word := regexp.MustCompile(`\pL{2,}`)
	strip := regexp.MustCompile(`<a href="|">|</?[a-z]+[^>]*>|%(\[\d+\])?[-+# 0]*\d*(\.\d+)?[a-zA-Z%]|/[a-z_]+|https?://\S*|&[a-z]+;|` + "`")
	allowed := map[string]bool{"Newshound": true}
	// The wiring's files that speak to a chat or the console's terminal:
	// /status, /version, the console's banner and status lines.
	rootFiles := map[string]bool{"status.go": true, "version.go": true, "console_status.go": true}
	for _, dir := range []string{"../bot", "../digest", ".."} {
		files, consts := parseDir(t, dir)
		for name, f := range files {
			base := filepath.Base(name)
			if dir == ".." && !rootFiles[base] {
				continue
			}
			if strings.HasPrefix(base, "telegram") || base == "webhook.go" {
				continue // the transports to Telegram: what they write is logs and errors, never a reply
			}
			check := func(e ast.Expr, where string) {
				ast.Inspect(e, func(n ast.Node) bool {
					if c, ok := n.(*ast.CallExpr); ok {
						if sel, ok := c.Fun.(*ast.SelectorExpr); ok && !isPkg(sel.X, "fmt") &&
							(sel.Sel.Name == "Sprintf" || sel.Sel.Name == "Count" || sel.Sel.Name == "Date") {
							return false // through the catalog
						}
					}
					var s string
					switch x := n.(type) {
					case *ast.BasicLit:
						if x.Kind != token.STRING {
							return true
						}
						s, _ = strconv.Unquote(x.Value)
					case *ast.Ident:
						s = consts[x.Name]
					default:
						return true
					}
					for _, w := range word.FindAllString(strip.ReplaceAllString(s, " "), -1) {
						if !allowed[w] {
							t.Errorf("%s: %s is built from %q, outside the catalog", name, where, s)
							break
						}
					}
					return true
				})
			}
			ast.Inspect(f, func(n ast.Node) bool {
				switch x := n.(type) {
				case *ast.CallExpr:
					name := ""
					switch fn := x.Fun.(type) {
					case *ast.SelectorExpr:
						name = fn.Sel.Name
					case *ast.Ident:
						name = fn.Name
					}
					switch name {
					case "reply", "rewrite": // (ctx, chat or incoming, text, buttons...): buttons are composite literals
						if len(x.Args) > 2 {
							check(x.Args[2], name)
						}
					case "notice": // (id, title, text)
						for _, a := range x.Args[1:] {
							check(a, name)
						}
					case "WriteString":
						for _, a := range x.Args {
							check(a, name)
						}
					case "Fprintf":
						if len(x.Args) > 1 {
							check(x.Args[1], name)
						}
					case "Fprint", "say": // the console's prompt; the console status lines
						for _, a := range x.Args {
							check(a, name)
						}
					}
				case *ast.AssignStmt: // a text put together before it is said: banner, line
					for i, l := range x.Lhs {
						if id, ok := l.(*ast.Ident); ok && (id.Name == "banner" || id.Name == "line") && i < len(x.Rhs) {
							check(x.Rhs[i], "the text "+id.Name)
						}
					}
				case *ast.CompositeLit:
					for _, el := range x.Elts {
						if kv, ok := el.(*ast.KeyValueExpr); ok {
							if k, ok := kv.Key.(*ast.Ident); ok && (k.Name == "Text" || k.Name == "Title") {
								check(kv.Value, "a button or result's "+k.Name)
							}
						}
					}
				}
				return true
			})
		}
	}
}

// parseDir parses a package's non-test files and collects its string constants.
func parseDir(t *testing.T, dir string) (map[string]*ast.File, map[string]string) {
	t.Helper()
	names, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil || len(names) == 0 {
		t.Fatalf("glob %s: %v (%d files)", dir, err, len(names))
	}
	fs := token.NewFileSet()
	files := map[string]*ast.File{}
	consts := map[string]string{}
	for _, n := range names {
		if strings.HasSuffix(n, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fs, n, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		files[n] = f
	}
	for _, f := range files {
		ast.Inspect(f, func(n ast.Node) bool {
			if g, ok := n.(*ast.GenDecl); ok && g.Tok == token.CONST {
				for _, sp := range g.Specs {
					vs := sp.(*ast.ValueSpec)
					for i, id := range vs.Names {
						if i < len(vs.Values) {
							if s, ok := constString(vs.Values[i], nil); ok {
								consts[id.Name] = s
							}
						}
					}
				}
			}
			return true
		})
	}
	return files, consts
}

// constString evaluates a string literal, a constant or a sum of them.
func constString(e ast.Expr, consts map[string]string) (string, bool) {
	switch x := e.(type) {
	case *ast.BasicLit:
		s, err := strconv.Unquote(x.Value)
		return s, err == nil && x.Kind == token.STRING
	case *ast.Ident:
		s, ok := consts[x.Name]
		return s, ok
	case *ast.BinaryExpr:
		if x.Op != token.ADD {
			return "", false
		}
		l, ok1 := constString(x.X, consts)
		r, ok2 := constString(x.Y, consts)
		return l + r, ok1 && ok2
	case *ast.ParenExpr:
		return constString(x.X, consts)
	}
	return "", false
}

func isPkg(e ast.Expr, name string) bool {
	id, ok := e.(*ast.Ident)
	return ok && id.Name == name
}

func TestMatch(t *testing.T) {
	for _, tt := range []struct {
		code, want string
		ok         bool
	}{
		{"ru", "ru", true}, {"ru-RU", "ru", true}, {"RU", "ru", true}, {"de-AT", "de", true}, {"es-419", "es", true},
		{"en-GB", "en", true}, {"", "en", false}, {"xx", "en", false}, {"pt-BR", "en", false}, {"zh-hans", "en", false},
		{"нет", "en", false}, {"de; DROP TABLE", "en", false}, {strings.Repeat("a", 300), "en", false},
	} {
		if got, ok := Match(tt.code); got != tt.want || ok != tt.ok {
			t.Errorf("Match(%q) = %q, %v; want %q, %v", tt.code, got, ok, tt.want, tt.ok)
		}
	}
}

func TestNamed(t *testing.T) {
	for _, tt := range []struct {
		in, want string
		ok       bool
	}{
		{"de", "de", true}, {"de-AT", "de", true}, {"Deutsch", "de", true}, {"deutsch", "de", true}, {"GERMAN", "de", true},
		{"русский", "ru", true}, {"Русский", "ru", true}, {"Russian", "ru", true}, {" Español ", "es", true}, {"spanish", "es", true},
		{"English", "en", true}, {"klingon", "en", false}, {"Deutschland", "en", false}, {"", "en", false},
		// "/language 🇩🇪": a country's flag names its language.
		{"🇩🇪", "de", true}, {" 🇦🇹 ", "de", true}, {"🇷🇺", "ru", true}, {"🇪🇸", "es", true}, {"🇲🇽", "es", true},
		{"🇬🇧", "en", true}, {"🇺🇸", "en", true}, {"🇫🇷", "en", false}, {"🇩🇪🇩🇪", "en", false}, {"🇩", "en", false},
	} {
		if got, ok := Named(tt.in); got != tt.want || ok != tt.ok {
			t.Errorf("Named(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestPrinter(t *testing.T) {
	if got := For("de").Sprintf("Page %d", 12345); got != "Seite 12345" {
		t.Errorf("numbers are grouped or not translated: %q", got)
	}
	if got := For("xx").Sprintf("Page %d", 2); got != "Page 2" {
		t.Errorf("an unknown language = %q, want English", got)
	}
	if got := For("es").Sprintf("not a key %d", 3); got != "not a key 3" {
		t.Errorf("a missing key = %q, want itself", got)
	}
	if got := For("ru").Sprintf("This chat has no subscription #%d. See /list.", int64(-1001234567890)); got != "В этом чате нет подписки #-1001234567890. См. /list." {
		t.Errorf("int64 = %q", got)
	}
}

func TestCount(t *testing.T) {
	ru := For("ru")
	for n, want := range map[int]string{1: "1 источник", 2: "2 источника", 4: "4 источника", 5: "5 источников", 11: "11 источников", 21: "21 источник", 22: "22 источника", 0: "0 источников"} {
		if got := ru.Count(n, "%d sources"); got != want {
			t.Errorf("ru Count(%d) = %q, want %q", n, got, want)
		}
	}
	// The stored-articles count follows "it would have matched" (accusative
	// in Russian): "нашла бы 1 сохранённую статью".
	for n, want := range map[int]string{1: "1 сохранённую статью", 3: "3 сохранённые статьи", 5: "5 сохранённых статей", 21: "21 сохранённую статью"} {
		if got := ru.Count(n, "%d stored articles"); got != want {
			t.Errorf("ru Count(%d stored articles) = %q, want %q", n, got, want)
		}
	}
	for lang, want := range map[string][2]string{"en": {"1 source", "3 sources"}, "de": {"1 Quelle", "3 Quellen"}, "es": {"1 fuente", "3 fuentes"}} {
		p := For(lang)
		if got := [2]string{p.Count(1, "%d sources"), p.Count(3, "%d sources")}; got != want {
			t.Errorf("%s Count = %q, want %q", lang, got, want)
		}
	}
}

func TestDate(t *testing.T) {
	day := time.Date(2026, 11, 27, 8, 5, 0, 0, time.UTC) // a Friday
	for lang, want := range map[string]string{
		"en": "Friday 27 November", "ru": "пятница, 27 ноября", "de": "Freitag, 27. November", "es": "viernes 27 de noviembre",
	} {
		if got := For(lang).Date(day, "Monday 2 January"); got != want {
			t.Errorf("%s: %q, want %q", lang, got, want)
		}
	}
	for lang, want := range map[string]string{
		"en": "Fri 27 Nov at 08:05", "ru": "пт, 27 ноя в 08:05", "de": "Fr, 27. Nov um 08:05", "es": "vie 27 de nov a las 08:05",
	} {
		if got := For(lang).Date(day, "Mon 2 Jan at 15:04"); got != want {
			t.Errorf("%s: %q, want %q", lang, got, want)
		}
	}
	if got := For("de").Date(time.Date(2026, 5, 3, 14, 0, 0, 0, time.UTC), "2 Jan 15:04 MST"); got != "3. Mai 14:00 UTC" {
		t.Errorf("de alert date = %q", got)
	}
}

// TestTheDemoBannerIsInTheCatalog: -demo's banner goes to the console
// through the catalog, by its text.
func TestTheDemoBannerIsInTheCatalog(t *testing.T) {
	_, consts := parseDir(t, "..")
	banner, ok := consts["demoBanner"]
	if !ok {
		t.Fatal("no demoBanner constant in the root package")
	}
	if For("ru").Sprintf(banner) == banner {
		t.Errorf("the demo banner is not in the catalog: %q", banner)
	}
}

// The German console asked for "/subscribe ANFRAGE" where /help, the
// menus and every other reply say "/subscribe SUCHE": a text that shows a
// command with its argument's placeholder uses the placeholder's one
// translation, the entry "QUERY".
func TestTheQueryPlaceholderIsTheSameEverywhere(t *testing.T) {
	placeholder := "QUERY"
	var own entry
	for _, e := range entries {
		if e.en == placeholder {
			own = e
		}
	}
	if own.en == "" {
		t.Fatal("no entry QUERY")
	}
	for i, l := range Languages {
		want := own.text(i)
		for _, e := range entries {
			if !strings.Contains(e.en, "/subscribe "+placeholder) && !strings.Contains(e.en, "/search "+placeholder) {
				continue
			}
			if got := e.text(i); !strings.Contains(got, "/subscribe "+want) && !strings.Contains(got, "/search "+want) {
				t.Errorf("%s: %q writes the placeholder otherwise than %q", l.Code, got, want)
			}
		}
	}
}

// TestQuotesAreTheLanguages: %q and the symbols an error names are quoted
// as each language quotes («…» in Russian and Spanish, „…“ in German);
// Russian and Spanish errors said "25:00" where /language says «…».
func TestQuotesAreTheLanguages(t *testing.T) {
	key := "%q is not a time of day such as 23:00 or 11pm"
	for lang, want := range map[string]string{
		"en": `"25:00" is not a time of day such as 23:00 or 11pm`,
		"ru": "«25:00» — не время суток вроде 23:00 или 11pm",
		"de": "„25:00“ ist keine Uhrzeit wie 23:00 oder 11pm",
		"es": "«25:00» no es una hora del día como 23:00 o 11pm",
	} {
		if got := For(lang).Sprintf(key, "25:00"); got != want {
			t.Errorf("%s: %q, want %q", lang, got, want)
		}
	}
	// What does not print is still shown, escaped as fmt does.
	if got, want := For("ru").Sprintf("I don't know the mode %q.", "a\tb\"c"), `Я не знаю режима «a\tb"c».`; got != want {
		t.Errorf("ru: %q, want %q", got, want)
	}
	// Other verbs are fmt's.
	if got, want := For("es").Sprintf("I don't know the time zone %s.", "Mars/Base"), "No conozco la zona horaria Mars/Base."; got != want {
		t.Errorf("es %%s: %q, want %q", got, want)
	}
	// A quoted symbol in a translation uses the language's marks; the only
	// ASCII quotes left are text to type as a query ("C++ programming").
	ascii := regexp.MustCompile(`"[^"]*"`)
	for _, e := range errorTexts {
		for i, l := range Languages[1:] {
			for _, q := range ascii.FindAllString(e.text(i+1), -1) {
				if q != `"C++ programming"` {
					t.Errorf("%s: %s in %q is not quoted %s…%s", l.Code, q, e.text(i+1), l.Quotes[0], l.Quotes[1])
				}
			}
		}
	}
}

// TestEveryLanguageHasItsDatesAndQuotes: a language added to Languages
// without its names of days and months (date.go) or its quotation marks
// would print dates and quotes in English unnoticed; every language but
// English has both.
func TestEveryLanguageHasItsDatesAndQuotes(t *testing.T) {
	for _, l := range Languages[1:] {
		n, ok := dateNames[l.Code]
		if !ok {
			t.Errorf("%s: no names for dates", l.Code)
			continue
		}
		for _, names := range [][]string{n.weekdays[:], n.wd[:], n.months[:], n.mon[:]} {
			if slices.Contains(names, "") {
				t.Errorf("%s: a date name is missing: %v", l.Code, names)
			}
		}
		if l.Quotes[0] == "" || l.Quotes[1] == "" {
			t.Errorf("%s: no quotation marks", l.Code)
		}
	}
}
