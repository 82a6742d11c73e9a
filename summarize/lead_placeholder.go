package summarize

// Placeholder until the summarizer of issue 4 lands; replaced at merge.

import (
	"context"
	"html"
	"regexp"
	"strings"
	"unicode/utf8"
)

// Input is one article to summarize.
type Input struct{ Title, Text, Source string }

// Summarizer makes summaries.
type Summarizer struct{ maxChars int }

// Options configures a Summarizer.
type Options struct{ Sentences, MaxChars int }

// New returns a Summarizer.
func New(opts Options) (*Summarizer, error) { return &Summarizer{maxChars: opts.MaxChars}, nil }

var tagRE = regexp.MustCompile(`<[^>]*>`)

// Clean strips markup.
func Clean(text string) string {
	return strings.Join(strings.Fields(html.UnescapeString(tagRE.ReplaceAllString(text, " "))), " ")
}

// IsTeaser reports short text.
func IsTeaser(text string) bool { return utf8.RuneCountInString(text) < 400 }

// Summarize returns the first sentences within the cap.
func (s *Summarizer) Summarize(ctx context.Context, in Input) string {
	t := Clean(in.Text)
	if len(t) <= s.maxChars {
		return t
	}
	cut := strings.LastIndex(t[:s.maxChars], ". ")
	if cut < 0 {
		cut = strings.LastIndex(t[:s.maxChars-3], " ")
		return t[:cut] + "…"
	}
	return t[:cut+1]
}
