package query

import (
	"bufio"
	"fmt"
	"os"
	"strings"
	"testing"
)

// docExample is one query of an examples block of docs/QUERY.md and what the doc says of it.
type docExample struct {
	line  int // of the query in the doc
	query string
	match []Article // + lines
	miss  []Article // - lines
	shown []string  // = lines: Query.String()
	fails []string  // ! lines: ParseError messages
}

// readDocExamples returns the examples of the ```examples blocks of the Markdown file at path, in the format that
// its section "How to read the examples" describes.
func readDocExamples(tb testing.TB, path string) []docExample {
	tb.Helper()
	f, err := os.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	var out []docExample
	in := false
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		switch {
		case !in:
			in = line == "```examples"
		case line == "```":
			in = false
		case strings.TrimSpace(line) == "":
		case line[0] != ' ':
			out = append(out, docExample{line: n, query: line})
		default:
			if len(out) == 0 {
				tb.Fatalf("%s:%d: an indented line before any query", path, n)
			}
			e := &out[len(out)-1]
			mark, rest, ok := strings.Cut(strings.TrimSpace(line), " ")
			if !ok {
				tb.Fatalf("%s:%d: want a mark, a space and text: %q", path, n, line)
			}
			switch mark {
			case "+":
				e.match = append(e.match, docArticle(tb, rest))
			case "-":
				e.miss = append(e.miss, docArticle(tb, rest))
			case "=":
				e.shown = append(e.shown, rest)
			case "!":
				e.fails = append(e.fails, rest)
			default:
				tb.Fatalf("%s:%d: unknown mark %q", path, n, mark)
			}
		}
	}
	if err := sc.Err(); err != nil {
		tb.Fatal(err)
	}
	if in {
		tb.Fatalf("%s: an examples block is not closed", path)
	}
	return out
}

// docArticle reads an ARTICLE of an example: "title: x | text: y | source: z | url: u", or the text alone.
func docArticle(tb testing.TB, s string) Article {
	tb.Helper()
	key, _, _ := strings.Cut(s, ": ")
	switch key {
	case "title", "text", "source", "url":
	default:
		return Article{Text: s}
	}
	var a Article
	for _, field := range strings.Split(s, " | ") {
		key, val, ok := strings.Cut(field, ": ")
		if !ok {
			tb.Fatalf("article %q: field %q has no %q", s, field, ": ")
		}
		switch key {
		case "title":
			a.Title = val
		case "text":
			a.Text = val
		case "source":
			a.SourceName = val
		case "url":
			a.URL = val
		default:
			tb.Fatalf("article %q: unknown field %q", s, key)
		}
	}
	return a
}

// TestDocExamples runs the examples of docs/QUERY.md, so that the doc cannot drift from the code.
func TestDocExamples(t *testing.T) {
	examples := readDocExamples(t, "../docs/QUERY.md")
	if len(examples) < 50 {
		t.Fatalf("read %d examples from docs/QUERY.md; the doc has more, so its format and this reader disagree", len(examples))
	}
	for _, e := range examples {
		t.Run(fmt.Sprintf("line %d %s", e.line, e.query), func(t *testing.T) {
			if len(e.match)+len(e.miss)+len(e.shown)+len(e.fails) == 0 {
				t.Fatalf("docs/QUERY.md:%d: %q says nothing about the query", e.line, e.query)
			}
			q, err := Parse(e.query)
			if len(e.fails) > 0 {
				if err == nil {
					t.Fatalf("docs/QUERY.md:%d: Parse(%q) = %q, the doc says it is refused with %q", e.line, e.query, q, e.fails[0])
				}
				for _, msg := range e.fails {
					if err.Error() != msg {
						t.Errorf("docs/QUERY.md:%d: Parse(%q) error = %q, the doc says %q", e.line, e.query, err, msg)
					}
				}
				return
			}
			if err != nil {
				t.Fatalf("docs/QUERY.md:%d: Parse(%q): %v", e.line, e.query, err)
			}
			for _, s := range e.shown {
				if q.String() != s {
					t.Errorf("docs/QUERY.md:%d: Parse(%q).String() = %q, the doc says %q", e.line, e.query, q, s)
				}
			}
			for _, a := range e.match {
				if !q.Match(NewDocument(a)) {
					t.Errorf("docs/QUERY.md:%d: %q does not match %+v, the doc says it does", e.line, e.query, a)
				}
			}
			for _, a := range e.miss {
				if q.Match(NewDocument(a)) {
					t.Errorf("docs/QUERY.md:%d: %q matches %+v, the doc says it does not", e.line, e.query, a)
				}
			}
		})
	}
}

// TestDocLimits checks the limits that docs/QUERY.md states in prose against the constants.
func TestDocLimits(t *testing.T) {
	doc, err := os.ReadFile("../docs/QUERY.md")
	if err != nil {
		t.Fatal(err)
	}
	want := fmt.Sprintf("At most %d characters, %d terms and %d levels of parentheses.", MaxQueryLength, MaxTerms, MaxDepth)
	if !strings.Contains(string(doc), want) {
		t.Errorf("docs/QUERY.md does not say %q", want)
	}
	if want := fmt.Sprintf("(at least %d characters before `*`)", minPrefix); !strings.Contains(string(doc), want) {
		t.Errorf("docs/QUERY.md does not say %q", want)
	}
}
