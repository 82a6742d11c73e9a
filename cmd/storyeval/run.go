package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"sort"
	"time"

	"github.com/newshound/newshound/news"
	"github.com/newshound/newshound/store"
	"github.com/newshound/newshound/stories"
)

// config is what one run measures.
type config struct {
	data, pairs, out string
	half             string // all, even or odd (see halve)
	window           time.Duration
	threshold        float64
	// restart starts a new linker on every new date, as a bot restarted
	// daily would: its frequencies are then the window's articles only.
	restart bool
	// pageTitles gives each article its page title as crawled (page_title:
	// the site's name, section or city left on, "… - WMC Action News 5 -
	// Memphis, Tennessee") rather than the title with the site name cut off,
	// as many feeds and pages title their items.
	pageTitles bool
	// first, when above 0, links only a new bot's first this many articles,
	// seeds times from random starts (see coldStarts); shuffle gives them
	// in a random order, all on one date.
	first, seeds int
	shuffle      bool
	// warm, with first, stores the file's other articles before each cold
	// start, unlinked, for the linker to count in its frequencies: the
	// same runs on a bot that is not new.
	warm bool
	// verbose prints the wrong joins
	verbose bool
}

// Row is one article of the data.
type Row struct {
	ID      string `json:"id"`
	Cluster string `json:"cluster"`
	Story   string `json:"story"`
	Title   string `json:"title"`
	// PageTitle is the title as crawled; "" when the data has none.
	PageTitle string `json:"page_title"`
	Text      string `json:"text"`
	Outlet    string `json:"outlet"`
	Date      string `json:"date"`
	URL       string `json:"url"`
}

// Pair is one pair of articles to decide.
type Pair struct {
	ID     string  `json:"id"`
	A      Row     `json:"a"`
	B      Row     `json:"b"`
	Same   bool    `json:"same"`
	Weight float64 `json:"weight"`
}

func run(ctx context.Context, w io.Writer, cfg config) error {
	rows, err := readJSONL[Row](cfg.data)
	if err != nil {
		return err
	}
	var pairs []Pair
	if cfg.pairs != "" {
		if pairs, err = readJSONL[Pair](cfg.pairs); err != nil {
			return err
		}
	}
	rows, pairs = halve(rows, pairs, cfg.half)
	if len(rows) == 0 {
		return fmt.Errorf("%s: no articles", cfg.data)
	}
	if cfg.first > 0 {
		return runCold(ctx, w, rows, cfg)
	}
	start := time.Now()
	got, m, err := link(ctx, rows, cfg, nil)
	if err != nil {
		return err
	}
	elapsed := time.Since(start)
	restarted := ""
	if cfg.restart {
		restarted = ", a new linker every day"
	}
	if cfg.pageTitles {
		restarted += ", page titles"
	}
	fmt.Fprintf(w, "storyeval: %d articles from %s (half: %s), window %s%s, %.1fs\n\n", len(rows), cfg.data, cfg.half, cfg.window, restarted, elapsed.Seconds())
	fmt.Fprintln(w, "| measure | value |")
	fmt.Fprintln(w, "|---|---:|")
	if len(pairs) > 0 {
		s := scorePairs(pairs, got)
		fmt.Fprintf(w, "| pairs (%d same, %d different): precision | %.3f |\n", s.same, len(pairs)-s.same, s.p)
		fmt.Fprintf(w, "| pairs: recall | %.3f |\n", s.r)
		fmt.Fprintf(w, "| pairs: F1 | %.3f |\n", s.f1)
		fmt.Fprintf(w, "| pairs: stream precision (different pairs weighted) | %.3f |\n", s.stream)
	}
	wp, wr, wf := windowPairs(rows, got, cfg.window)
	fmt.Fprintf(w, "| all article pairs in the window: precision / recall / F1 | %.3f / %.3f / %.3f |\n", wp, wr, wf)
	fmt.Fprintf(w, "| joins made while streaming: right / all | %d / %d (%.3f) |\n", m.right, m.joins, ratio(m.right, m.joins))
	bp, br, bf := bcubed(rows, got)
	fmt.Fprintf(w, "| B-cubed precision / recall / F1 | %.3f / %.3f / %.3f |\n", bp, br, bf)
	printWrong(w, cfg, m.wrong)
	if cfg.out != "" {
		if err := writeAnswers(cfg.out, rows, pairs, got); err != nil {
			return err
		}
	}
	return nil
}

// halve keeps every row and pair for "all"; for "even" or "odd" it keeps
// the rows of the events (Cluster, else Story) whose FNV-1a hash has that
// parity, and the pairs whose two articles are both kept.
func halve(rows []Row, pairs []Pair, half string) ([]Row, []Pair) {
	if half == "all" {
		return rows, pairs
	}
	keep := map[string]bool{}
	var kept []Row
	for _, r := range rows {
		event := r.Cluster
		if event == "" {
			event = r.Story
		}
		h := fnv.New32a()
		h.Write([]byte(event))
		if (h.Sum32()%2 == 0) == (half == "even") {
			keep[r.ID] = true
			kept = append(kept, r)
		}
	}
	var keptPairs []Pair
	for _, p := range pairs {
		if keep[p.A.ID] && keep[p.B.ID] {
			keptPairs = append(keptPairs, p)
		}
	}
	return kept, keptPairs
}

// streamed counts the joins the linker made.
type streamed struct {
	joins, right int
	// wrong are the wrong joins, each "title (outlet) -> title (outlet)"
	// of the article and its story's first article
	wrong []string
}

// link runs the linker over the rows in date order (stable: rows of one
// date keep the file's order), one article a poll, each published at
// midnight of its date, the clock at that moment. It returns each article's
// predicted story.
//
// The background articles, when any, are stored first, a year before the
// first row and never linked: a linker counts them in its frequencies as it
// counts a bot's stored backlog (stories.SeedArticles of them), so that
// the rows meet a linker whose frequencies are warm.
func link(ctx context.Context, rows []Row, cfg config, background []Row) (map[string]string, streamed, error) {
	order := make([]int, len(rows))
	for i := range order {
		order[i] = i
	}
	dates := make([]time.Time, len(rows))
	for i, r := range rows {
		d, err := time.Parse("2006-01-02", r.Date)
		if err != nil {
			return nil, streamed{}, fmt.Errorf("article %s: date: %w", r.ID, err)
		}
		dates[i] = d
	}
	sort.SliceStable(order, func(i, j int) bool { return dates[order[i]].Before(dates[order[j]]) })

	dir, err := os.MkdirTemp("", "storyeval")
	if err != nil {
		return nil, streamed{}, err
	}
	defer os.RemoveAll(dir)
	now := time.Time{}
	clock := func() time.Time { return now }
	st, err := store.Open(ctx, filepath.Join(dir, "eval.db"), clock)
	if err != nil {
		return nil, streamed{}, err
	}
	defer st.Close()
	newLinker := func() *stories.Linker {
		return stories.NewLinker(stories.Options{Store: st, Window: cfg.window, Threshold: cfg.threshold, Now: clock,
			Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	}
	linker := newLinker()

	if len(background) > 0 {
		src, err := st.UpsertSource(ctx, "background", "https://background.invalid/feed", "config")
		if err != nil {
			return nil, streamed{}, err
		}
		at := dates[order[0]].AddDate(-1, 0, 0)
		arts := make([]news.Article, len(background))
		for i, r := range background {
			arts[i] = news.Article{GUID: "background-" + r.ID, URL: r.URL + "#background", Title: r.Title, Text: r.Text, PublishedAt: at}
		}
		if _, err := st.InsertArticles(ctx, src.ID, arts); err != nil {
			return nil, streamed{}, err
		}
	}

	sources := map[string]int64{}
	byArticle := map[int64]int{} // store id → row
	var m streamed
	for _, i := range order {
		r := rows[i]
		if cfg.restart && !now.IsZero() && !dates[i].Equal(now) {
			linker = newLinker()
		}
		now = dates[i]
		src, ok := sources[r.Outlet]
		if !ok {
			s, err := st.UpsertSource(ctx, r.Outlet, "https://"+r.Outlet+"/feed", "config")
			if err != nil {
				return nil, m, err
			}
			src, sources[r.Outlet] = s.ID, s.ID
		}
		title := r.Title
		if cfg.pageTitles && r.PageTitle != "" {
			title = r.PageTitle
		}
		added, err := st.InsertArticles(ctx, src, []news.Article{{GUID: r.ID, URL: r.URL, Title: title, Text: r.Text, PublishedAt: dates[i]}})
		if err != nil {
			return nil, m, err
		}
		if len(added) != 1 {
			return nil, m, fmt.Errorf("article %s: stored %d", r.ID, len(added))
		}
		byArticle[added[0].ID] = i
		if _, err := linker.Link(ctx, added); err != nil {
			return nil, m, err
		}
	}
	now = dates[order[len(order)-1]].Add(100 * 365 * 24 * time.Hour)
	cands, err := st.StoryCandidates(ctx, time.Time{}, 0)
	if err != nil {
		return nil, m, err
	}
	got := make(map[string]string, len(rows))
	for _, c := range cands {
		r := rows[byArticle[c.ArticleID]]
		first := rows[byArticle[c.StoryID]]
		got[r.ID] = first.ID
		if c.StoryID != c.ArticleID {
			m.joins++
			if first.Story == r.Story {
				m.right++
			} else {
				m.wrong = append(m.wrong, fmt.Sprintf("%s (%s, %s) -> %s (%s, %s)", r.Title, r.Outlet, r.Date, first.Title, first.Outlet, first.Date))
			}
		}
	}
	if len(got) != len(rows) {
		return nil, m, fmt.Errorf("%d of %d articles linked", len(got), len(rows))
	}
	return got, m, nil
}

// pairScore is the pairs' confusion, summed.
type pairScore struct {
	same             int
	p, r, f1, stream float64
}

func scorePairs(pairs []Pair, got map[string]string) pairScore {
	var tp, fp, fn int
	var fpWeighted float64
	s := pairScore{}
	for _, p := range pairs {
		pred := got[p.A.ID] != "" && got[p.A.ID] == got[p.B.ID]
		if p.Same {
			s.same++
		}
		switch {
		case pred && p.Same:
			tp++
		case pred:
			fp++
			fpWeighted += max(p.Weight, 1)
		case p.Same:
			fn++
		}
	}
	s.p, s.r = ratio(tp, tp+fp), ratio(tp, tp+fn)
	s.f1 = f1(s.p, s.r)
	if tp > 0 {
		s.stream = float64(tp) / (float64(tp) + fpWeighted)
	}
	return s
}

// windowPairs scores every pair of articles at most the window apart.
func windowPairs(rows []Row, got map[string]string, window time.Duration) (p, r, f float64) {
	tp, fp, fn := windowCounts(rows, got, window)
	p, r = ratio(tp, tp+fp), ratio(tp, tp+fn)
	return p, r, f1(p, r)
}

// windowCounts counts the pairs of articles at most the window apart that
// are one story both in the data and as linked (tp), as linked only (fp)
// and in the data only (fn).
func windowCounts(rows []Row, got map[string]string, window time.Duration) (tp, fp, fn int) {
	days := int(window / (24 * time.Hour))
	dates := make([]time.Time, len(rows))
	for i, row := range rows {
		dates[i], _ = time.Parse("2006-01-02", row.Date)
	}
	for i := range rows {
		for j := i + 1; j < len(rows); j++ {
			d := dates[i].Sub(dates[j])
			if d < 0 {
				d = -d
			}
			if int(d/(24*time.Hour)) > days {
				continue
			}
			gold := rows[i].Story == rows[j].Story
			pred := got[rows[i].ID] == got[rows[j].ID]
			switch {
			case gold && pred:
				tp++
			case pred:
				fp++
			case gold:
				fn++
			}
		}
	}
	return tp, fp, fn
}

// bcubed scores the predicted stories against the gold ones.
func bcubed(rows []Row, got map[string]string) (p, r, f float64) {
	both := map[[2]string]int{}
	pred, gold := map[string]int{}, map[string]int{}
	for _, row := range rows {
		both[[2]string{got[row.ID], row.Story}]++
		pred[got[row.ID]]++
		gold[row.Story]++
	}
	for _, row := range rows {
		n := float64(both[[2]string{got[row.ID], row.Story}])
		p += n / float64(pred[got[row.ID]])
		r += n / float64(gold[row.Story])
	}
	p, r = p/float64(len(rows)), r/float64(len(rows))
	return p, r, f1(p, r)
}

func writeAnswers(path string, rows []Row, pairs []Pair, got map[string]string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(f)
	enc := json.NewEncoder(bw)
	for _, r := range rows {
		if err := enc.Encode(struct {
			ID    string `json:"id"`
			Story string `json:"story"`
		}{r.ID, got[r.ID]}); err != nil {
			f.Close()
			return err
		}
	}
	for _, p := range pairs {
		if err := enc.Encode(struct {
			ID   string `json:"id"`
			Same bool   `json:"same"`
		}{p.ID, got[p.A.ID] != "" && got[p.A.ID] == got[p.B.ID]}); err != nil {
			f.Close()
			return err
		}
	}
	if err := bw.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

func readJSONL[T any](path string) ([]T, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []T
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for n := 1; sc.Scan(); n++ {
		var v T
		if err := json.Unmarshal(sc.Bytes(), &v); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", path, n, err)
		}
		out = append(out, v)
	}
	return out, sc.Err()
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

func f1(p, r float64) float64 {
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// printWrong prints the wrong joins when cfg.verbose asks for them.
func printWrong(w io.Writer, cfg config, wrong []string) {
	if !cfg.verbose || len(wrong) == 0 {
		return
	}
	fmt.Fprintf(w, "\nwrong joins (%d): an article -> the first article of the story it joined\n", len(wrong))
	for _, s := range wrong {
		fmt.Fprintln(w, "  "+s)
	}
}
