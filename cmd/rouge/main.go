// Command rouge scores the extractive summarizer on the fixture articles
// in summarize/testdata/articles against their reference summaries, beside
// a Lead-3 baseline, and prints a Markdown table.
//
//	go run -tags sqlite_fts5 ./cmd/rouge [-dir summarize/testdata/articles] [-v]
//
// Lead-3 is the first three sentences of the raw, uncleaned feed text, split
// by summarize.Sentences. "Lead-3, cleaned" takes them after summarize.Clean,
// to separate what cleaning gains from what ranking gains.
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/newshound/newshound/summarize"
)

// Article is one fixture file.
type Article struct {
	ID        string `json:"id"`
	Kind      string `json:"kind"`
	Lang      string `json:"lang"`
	Source    string `json:"source"`
	Title     string `json:"title"`
	Text      string `json:"text"`
	Reference string `json:"reference"`
}

func main() {
	dir := flag.String("dir", filepath.Join("summarize", "testdata", "articles"), "directory of fixture *.json files")
	sentences := flag.Int("sentences", summarize.DefaultSentences, "sentences per summary")
	maxChars := flag.Int("max-chars", summarize.DefaultMaxChars, "characters per summary")
	verbose := flag.Bool("v", false, "also print each article's scores and summary")
	flag.Parse()
	if err := run(os.Stdout, *dir, *sentences, *maxChars, *verbose); err != nil {
		fmt.Fprintln(os.Stderr, "rouge:", err)
		os.Exit(1)
	}
}

// system is one way of producing a summary.
type system struct {
	name      string
	summarize func(Article) string
}

func run(w io.Writer, dir string, sentences, maxChars int, verbose bool) error {
	articles, err := loadArticles(dir)
	if err != nil {
		return err
	}
	s, err := summarize.New(summarize.Options{Sentences: sentences, MaxChars: maxChars})
	if err != nil {
		return err
	}
	systems := []system{
		{name: "Newshound extractive", summarize: func(a Article) string {
			return s.Summarize(context.Background(), summarize.Input{Title: a.Title, Text: a.Text, Source: a.Source})
		}},
		{name: "Lead-3 (raw text)", summarize: func(a Article) string { return lead(a.Text, 3) }},
		{name: "Lead-3 (cleaned text)", summarize: func(a Article) string { return lead(summarize.Clean(a.Text), 3) }},
	}
	fmt.Fprintf(w, "ROUGE F1 on %d articles in %s (sentences=%d, max_chars=%d; tokens lower-cased, no stemming)\n\n",
		len(articles), dir, sentences, maxChars)
	fmt.Fprintln(w, "| system | ROUGE-1 | ROUGE-2 | ROUGE-L | mean chars | max chars |")
	fmt.Fprintln(w, "|---|---:|---:|---:|---:|---:|")
	perArticle := make([][]Scores, len(systems))
	summaries := make([][]string, len(systems))
	for i, sys := range systems {
		var sum Scores
		chars, longest := 0, 0
		for _, a := range articles {
			out := sys.summarize(a)
			sc := Score(out, a.Reference)
			perArticle[i] = append(perArticle[i], sc)
			summaries[i] = append(summaries[i], out)
			sum.R1, sum.R2, sum.RL = sum.R1+sc.R1, sum.R2+sc.R2, sum.RL+sc.RL
			n := utf8.RuneCountInString(out)
			chars += n
			longest = max(longest, n)
		}
		k := float64(len(articles))
		fmt.Fprintf(w, "| %s | %.3f | %.3f | %.3f | %d | %d |\n", sys.name, sum.R1/k, sum.R2/k, sum.RL/k, chars/len(articles), longest)
	}
	if verbose {
		fmt.Fprintln(w)
		fmt.Fprintln(w, "| article | kind | Newshound R-1/R-2/R-L | Lead-3 raw R-1/R-2/R-L |")
		fmt.Fprintln(w, "|---|---|---|---|")
		for j, a := range articles {
			x, y := perArticle[0][j], perArticle[1][j]
			fmt.Fprintf(w, "| %s | %s | %.2f / %.2f / %.2f | %.2f / %.2f / %.2f |\n", a.ID, a.Kind, x.R1, x.R2, x.RL, y.R1, y.R2, y.RL)
		}
		for j, a := range articles {
			fmt.Fprintf(w, "\n### %s\n\nNewshound: %s\n\nLead-3 raw: %s\n\nReference: %s\n", a.ID, summaries[0][j], summaries[1][j], a.Reference)
		}
	}
	return nil
}

// lead returns the first n sentences of text, joined by spaces.
func lead(text string, n int) string {
	sents := summarize.Sentences(text)
	return strings.Join(sents[:min(n, len(sents))], " ")
}

// loadArticles reads every *.json fixture in dir, sorted by file name.
func loadArticles(dir string) ([]Article, error) {
	paths, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil {
		return nil, err
	}
	if len(paths) == 0 {
		return nil, fmt.Errorf("no *.json fixtures in %s", dir)
	}
	sort.Strings(paths)
	var out []Article
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			return nil, err
		}
		var a Article
		if err := json.Unmarshal(b, &a); err != nil {
			return nil, fmt.Errorf("%s: %w", p, err)
		}
		if a.Text == "" || a.Reference == "" {
			return nil, fmt.Errorf("%s: text and reference are required", p)
		}
		out = append(out, a)
	}
	return out, nil
}
