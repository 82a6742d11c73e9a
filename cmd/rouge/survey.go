package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"

	"github.com/newshound/newshound/summarize"
)

// page is one article of a -furniture file: the rows of
// ../shared/stories/clusters.jsonl (title, text, outlet) or of
// ../shared/realnews (title, text, source). No reference is needed.
type page struct {
	ID     string `json:"id"`
	Title  string `json:"title"`
	Text   string `json:"text"`
	Outlet string `json:"outlet"`
	Source string `json:"source"`
}

// loadPages reads one page a line; blank lines are skipped, a line without
// text is an error naming it.
func loadPages(path string) ([]page, error) {
	return readLines(path, func(p *page, _ int) error {
		if p.Text == "" {
			return errors.New("text is required")
		}
		if p.Outlet == "" {
			p.Outlet = p.Source
		}
		return nil
	})
}

// survey summarises every page as the poller does (the outlet standing
// for the source name) and prints each summary that holds furniture, by
// Furniture and WildFurniture, or opens dangling, with its kinds; then
// the totals. With all, every summary is printed.
func survey(w io.Writer, pages []page, sentences, maxChars int, all bool) error {
	s, err := summarize.New(summarize.Options{Sentences: sentences, MaxChars: maxChars})
	if err != nil {
		return err
	}
	narrow, wild := map[string]int{}, map[string]int{}
	var nNarrow, nWild, nAny, nDangling, nEmpty int
	for _, p := range pages {
		out := s.Summarize(context.Background(), summarize.Input{Title: p.Title, Text: p.Text, Source: p.Outlet})
		if out == "" {
			nEmpty++
		}
		kinds := Furniture(out)
		wk := WildFurniture(out)
		dangling := Dangling(out, p.Text)
		for _, k := range kinds {
			narrow[k]++
		}
		for _, k := range wk {
			wild[k]++
		}
		counted := slices.Contains(kinds, anyFurniture) // not a summary that only ends unstopped
		if counted {
			nNarrow++
		}
		if len(wk) > 0 {
			nWild++
		}
		if dangling {
			nDangling++
			kinds = append(kinds, kindDangling)
		}
		if counted || dangling || len(wk) > 0 {
			nAny++
		}
		if all || counted || dangling || len(wk) > 0 {
			fmt.Fprintf(w, "### %s %s %v %v\n%s\n\n", p.ID, p.Outlet, kinds, wildMatches(out), out)
		}
	}
	delete(narrow, anyFurniture)
	fmt.Fprintf(w, "furniture: %d texts, %d empty summaries; %d with furniture (%s), %d with wild furniture (%s), %d dangling; %d in all\n",
		len(pages), nEmpty, nNarrow, counts(narrow), nWild, counts(wild), nDangling, nAny)
	return nil
}

// counts formats a kind → count map in the order of the kinds' names.
func counts(m map[string]int) string {
	if len(m) == 0 {
		return "none"
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = fmt.Sprintf("%s %d", k, m[k])
	}
	return strings.Join(parts, ", ")
}
