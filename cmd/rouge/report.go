package main

import (
	"context"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/newshound/newshound/summarize"
)

// system is one way of producing a summary.
type system struct {
	name      string
	summarize func(Article) string
}

// result is one system's totals over a set.
type result struct {
	sum       Scores
	chars     int
	longest   int
	furniture map[string]int
	per       []Scores
	outs      []string
}

// options are the command's flags that shape a run.
type options struct {
	sentences, maxChars int
	verbose             bool
	scores, against     string // -scores and -against files, "" for none
}

// run prints a table per set and the rouge lines; the last line pools
// every set when there are several. It fails when the summarizer options
// are wrong or a -scores or -against file cannot be used.
func run(w io.Writer, sets []set, opts options) error {
	s, err := summarize.New(summarize.Options{Sentences: opts.sentences, MaxChars: opts.maxChars})
	if err != nil {
		return err
	}
	var saved map[scoreKey]savedScore
	if opts.against != "" {
		if saved, err = loadScores(opts.against); err != nil {
			return err
		}
	}
	systems := []system{
		{name: "Newshound extractive", summarize: func(a Article) string {
			return s.Summarize(context.Background(), summarize.Input{Title: a.Title, Text: a.Text, Source: a.Source})
		}},
		{name: "Lead-3 (raw text)", summarize: func(a Article) string { return lead(a.Text, 3) }},
		{name: "Lead-3 (cleaned text)", summarize: func(a Article) string { return lead(summarize.Clean(a.Text), 3) }},
	}
	pooled := make([]result, len(systems))
	ours := make([]result, len(sets))
	total := 0
	for k, st := range sets {
		results := make([]result, len(systems))
		for i, sys := range systems {
			results[i] = score(sys, st.articles)
			pooled[i].add(results[i])
		}
		ours[k] = results[0]
		total += len(st.articles)
		printTable(w, st, systems, results, opts.sentences, opts.maxChars, opts.verbose)
		if saved != nil {
			if err := printPaired(w, st, results[0], saved, opts.against); err != nil {
				return err
			}
		}
		fmt.Fprintln(w, rougeLine(results[0], results[2], len(st.articles)))
		fmt.Fprintln(w)
	}
	if len(sets) > 1 {
		fmt.Fprintln(w, rougeLine(pooled[0], pooled[2], total))
	}
	if opts.scores != "" {
		return saveScores(opts.scores, sets, ours)
	}
	return nil
}

func (r *result) add(o result) {
	r.sum.R1, r.sum.R2, r.sum.RL = r.sum.R1+o.sum.R1, r.sum.R2+o.sum.R2, r.sum.RL+o.sum.RL
	r.chars += o.chars
	r.longest = max(r.longest, o.longest)
}

// score summarises every article with sys and scores the summaries.
func score(sys system, articles []Article) result {
	r := result{furniture: map[string]int{}}
	for _, a := range articles {
		out := sys.summarize(a)
		sc := Score(out, a.Reference)
		r.per = append(r.per, sc)
		r.outs = append(r.outs, out)
		r.sum.R1, r.sum.R2, r.sum.RL = r.sum.R1+sc.R1, r.sum.R2+sc.R2, r.sum.RL+sc.RL
		n := utf8.RuneCountInString(out)
		r.chars += n
		r.longest = max(r.longest, n)
		for _, kind := range Furniture(out) {
			r.furniture[kind]++
		}
		if Dangling(out, a.Text) {
			r.furniture[kindDangling]++
		}
	}
	return r
}

// rougeLine is the summary line: mean F1 × 100 of newshound and Lead-3.
func rougeLine(ours, lead3 result, n int) string {
	k := float64(max(n, 1)) / 100
	return fmt.Sprintf("rouge: newshound R1/R2/RL = %.2f/%.2f/%.2f; lead3 = %.2f/%.2f/%.2f; n=%d",
		ours.sum.R1/k, ours.sum.R2/k, ours.sum.RL/k, lead3.sum.R1/k, lead3.sum.R2/k, lead3.sum.RL/k, n)
}

func printTable(w io.Writer, st set, systems []system, results []result, sentences, maxChars int, verbose bool) {
	n := len(st.articles)
	k := float64(n) / 100
	fmt.Fprintf(w, "ROUGE F1 ×100 on %d articles in %s (sentences=%d, max_chars=%d; tokens lower-cased, no stemming)\n\n",
		n, st.name, sentences, maxChars)
	fmt.Fprintln(w, "| system | ROUGE-1 | ROUGE-2 | ROUGE-L | mean chars | max chars | summaries with furniture | dangling openings |")
	fmt.Fprintln(w, "|---|---:|---:|---:|---:|---:|---:|---:|")
	for i, sys := range systems {
		r := results[i]
		fmt.Fprintf(w, "| %s | %.2f | %.2f | %.2f | %d | %d | %d | %d |\n", sys.name, r.sum.R1/k, r.sum.R2/k, r.sum.RL/k,
			r.chars/max(n, 1), r.longest, r.furniture[anyFurniture], r.furniture[kindDangling])
	}
	fmt.Fprintln(w)
	fmt.Fprintf(w, "Furniture by kind (summaries containing it), %s: %s\n\n", systems[0].name, kinds(results[0].furniture))
	if !verbose {
		return
	}
	for j, a := range st.articles {
		x, y := results[0].per[j], results[1].per[j]
		fmt.Fprintf(w, "### %s (ours %.2f/%.2f/%.2f, lead-3 raw %.2f/%.2f/%.2f) %v\n\nNewshound: %s\n\nReference: %s\n\n",
			a.ID, x.R1, x.R2, x.RL, y.R1, y.R2, y.RL, found(results[0].outs[j], a.Text), results[0].outs[j], a.Reference)
	}
}

// kinds formats the furniture counts, "none" when there are none.
func kinds(m map[string]int) string {
	var parts []string
	for _, k := range furnitureKinds {
		if m[k] > 0 {
			parts = append(parts, fmt.Sprintf("%s %d", k, m[k]))
		}
	}
	if len(parts) == 0 {
		return "none"
	}
	return strings.Join(parts, ", ")
}

// lead returns the first n sentences of text, joined by spaces.
func lead(text string, n int) string {
	sents := summarize.Sentences(text)
	return strings.Join(sents[:min(n, len(sents))], " ")
}

// found lists the furniture kinds in summary, dangling openings included.
func found(summary, text string) []string {
	kinds := Furniture(summary)
	if Dangling(summary, text) {
		kinds = append(kinds, kindDangling)
	}
	return kinds
}
