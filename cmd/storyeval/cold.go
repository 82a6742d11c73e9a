package main

import (
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"sort"
)

// coldStarts picks, for each of seeds runs, the articles a new bot's first
// n links see: n articles in a row of the file in date order, from a start
// drawn at random (seed 1, 2, …); with shuffle they come in a random order,
// all published on the first one's date, as a new bot's first fetch of many
// sources at once. It fails when the file holds fewer than n articles.
func coldStarts(rows []Row, n, seeds int, shuffle bool) ([][]Row, error) {
	if n > len(rows) {
		return nil, fmt.Errorf("-first %d: only %d articles", n, len(rows))
	}
	sorted := make([]Row, len(rows))
	copy(sorted, rows)
	// dates are YYYY-MM-DD, so their strings sort as the dates do
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].Date < sorted[j].Date })
	out := make([][]Row, 0, seeds)
	for s := 1; s <= seeds; s++ {
		rng := rand.New(rand.NewPCG(uint64(s), 0x5eed))
		start := rng.IntN(len(sorted) - n + 1)
		run := make([]Row, n)
		copy(run, sorted[start:start+n])
		if shuffle {
			rng.Shuffle(n, func(i, j int) { run[i], run[j] = run[j], run[i] })
			for i := range run {
				run[i].Date = run[0].Date
			}
		}
		out = append(out, run)
	}
	return out, nil
}

// coldScore is the sums over cold starts of what run reports.
type coldScore struct {
	tp, fp, fn   int // article pairs in the window (see windowCounts)
	joins, right int
	bp, br       float64 // B-cubed, summed over the runs
	runs         int
}

// runCold links each cold start with a new store and linker and prints,
// per run and summed, the article pairs in the window, the joins and
// B-cubed: how a new bot's first stories come out.
func runCold(ctx context.Context, w io.Writer, rows []Row, cfg config) error {
	starts, err := coldStarts(rows, cfg.first, cfg.seeds, cfg.shuffle)
	if err != nil {
		return err
	}
	order := "in date order"
	if cfg.shuffle {
		order = "shuffled, all on one date"
	}
	if cfg.warm {
		order += "; warm: the other articles counted first"
	}
	fmt.Fprintf(w, "storyeval: a new bot's first %d links (%s), %d starts, from %s (half: %s), window %s\n\n", cfg.first, order, cfg.seeds, cfg.data, cfg.half, cfg.window)
	fmt.Fprintln(w, "| start | first article's date | pairs in the window: precision / recall | joins right / all | B-cubed precision / recall |")
	fmt.Fprintln(w, "|---:|---|---|---|---|")
	var sum coldScore
	var wrong []string
	for k, run := range starts {
		var background []Row
		if cfg.warm {
			background = others(rows, run)
		}
		got, m, err := link(ctx, run, cfg, background)
		if err != nil {
			return err
		}
		tp, fp, fn := windowCounts(run, got, cfg.window)
		bp, br, _ := bcubed(run, got)
		sum.tp, sum.fp, sum.fn = sum.tp+tp, sum.fp+fp, sum.fn+fn
		sum.joins, sum.right = sum.joins+m.joins, sum.right+m.right
		sum.bp, sum.br, sum.runs = sum.bp+bp, sum.br+br, sum.runs+1
		fmt.Fprintf(w, "| %d | %s | %.3f / %.3f | %d / %d | %.3f / %.3f |\n", k+1, run[0].Date, ratio(tp, tp+fp), ratio(tp, tp+fn), m.right, m.joins, bp, br)
		wrong = append(wrong, m.wrong...)
	}
	p, r := ratio(sum.tp, sum.tp+sum.fp), ratio(sum.tp, sum.tp+sum.fn)
	bp, br := sum.bp/float64(sum.runs), sum.br/float64(sum.runs)
	fmt.Fprintf(w, "| all | | %.3f / %.3f (F1 %.3f) | %d / %d (%.3f) | %.3f / %.3f (F1 %.3f) |\n", p, r, f1(p, r), sum.right, sum.joins, ratio(sum.right, sum.joins), bp, br, f1(bp, br))
	printWrong(w, cfg, wrong)
	return nil
}

// others returns the rows that are not in run.
func others(rows, run []Row) []Row {
	in := make(map[string]bool, len(run))
	for _, r := range run {
		in[r.ID] = true
	}
	out := make([]Row, 0, len(rows)-len(run))
	for _, r := range rows {
		if !in[r.ID] {
			out = append(out, r)
		}
	}
	return out
}
