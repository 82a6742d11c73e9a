// Command rouge scores the extractive summarizer against human reference
// summaries, beside two Lead-3 baselines, and counts the page furniture
// and dangling openings in what each system outputs.
//
//	go run -tags sqlite_fts5 ./cmd/rouge [-data FILE.jsonl[,FILE.jsonl]] [-half all|even|odd] [-v]
//	go run -tags sqlite_fts5 ./cmd/rouge -dir summarize/testdata/articles
//	go run -tags sqlite_fts5 ./cmd/rouge -scores before.jsonl     # then change the summarizer, and
//	go run -tags sqlite_fts5 ./cmd/rouge -against before.jsonl
//	go run -tags sqlite_fts5 ./cmd/rouge -furniture ../shared/stories/clusters.jsonl [-v]
//	go run -tags sqlite_fts5 ./cmd/rouge -fit [-target oracle|set|r1|r2|mix] [-ridge 1] [-logistic|-pairwise] [-blend 1] [-features a,b] [-stops 0,0.3] [-floors 0,0.1] [-keep-weights]
//
// A data file has one JSON object a line: {"id", "title", "text",
// "reference", "source"}, the format of ../shared/realnews/. Without -data
// and -dir the files ../shared/realnews/cnndm.jsonl and xsum.jsonl are used
// when they exist (or
// ../../shared/realnews/ from a worktree); the data stays outside the repository. Each file gets a
// table and a line "rouge: newshound R1/R2/RL = a/b/c; lead3 = d/e/f; n=N"
// (ROUGE F1 × 100, lead3 being Lead-3 of the cleaned text); with several
// files a last such line pools all articles.
//
// Summaries are made at the length alerts use (summary.sentences and
// summary.max_chars defaults, 3 and 600). -scores FILE saves each article's
// Newshound scores; -against FILE prints, per file, the mean per-article
// difference from those saved scores with its standard error, on all
// articles and on the even and odd ones, before the file's rouge line. Lead-3 is the first three
// sentences of the raw text split by summarize.Sentences; "Lead-3, cleaned"
// takes them after summarize.Clean. Neither baseline is held to max_chars.
//
// -furniture FILE summarises articles that need no reference (one JSON
// object a line with "title", "text" and "outlet" or "source", the format
// of ../shared/stories/clusters.jsonl) as the poller does, and prints each
// summary holding furniture by Furniture or by WildFurniture (kinds seen
// across many outlets: bylines, timestamps, station datelines, promotions,
// player and login widgets ...) or opening dangling, with what matched,
// then a line of counts; -v prints every summary.
//
// -fit re-derives the summarizer's sentence scorer (summarize.Scorer): each
// candidate sentence's features (summarize.Summarizer.Features) are
// regressed, all files pooled in one model, on a target (by default 1 for
// the sentences a greedy ROUGE oracle picks, else 0), by weighted ridge
// least squares or logistic regression, every article weighing alike
// (-pairwise: logistic regression on each chosen sentence's preference over
// each other one of its article; -blend B: the shipped weights plus B × the
// fitted ones);
// Stop and Floor are chosen among -stops and -floors by the summaries of
// the training articles. It fits on the even articles of every file and
// scores the odd ones with the real summarizer, then the other way round,
// printing the held-out figures beside the shipped scorer's and Lead-3's,
// and last fits on all articles and prints the weights as the Go literal
// summarize's defaultScorer takes.
package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/newshound/newshound/summarize"
)

// Article is one scored article.
type Article struct {
	ID        string `json:"id"`
	Kind      string `json:"kind"`
	Lang      string `json:"lang"`
	Source    string `json:"source"`
	Title     string `json:"title"`
	Text      string `json:"text"`
	Reference string `json:"reference"`

	index int // position in its file or directory, from 0; -half and -against split on it
}

// defaultData are the files read when neither -data nor -dir is given:
// shared/realnews beside the checkout, or beside one of its parents (a
// worktree under the checkout's parent).
func defaultData() []string {
	dir := ".."
	for range 3 {
		var found []string
		for _, name := range []string{"cnndm.jsonl", "xsum.jsonl"} {
			p := filepath.Join(dir, "shared", "realnews", name)
			if _, err := os.Stat(p); err == nil {
				found = append(found, p)
			}
		}
		if len(found) > 0 {
			return found
		}
		dir = filepath.Join(dir, "..")
	}
	return nil
}

func main() {
	data := flag.String("data", "", "comma-separated JSONL files of articles with references (default: ../shared/realnews/*.jsonl)")
	dir := flag.String("dir", "", "directory of fixture *.json files instead of -data")
	half := flag.String("half", "all", "score all articles, or only the even or odd lines of each file (to check a change on data not looked at)")
	sentences := flag.Int("sentences", summarize.DefaultSentences, "sentences per summary")
	maxChars := flag.Int("max-chars", summarize.DefaultMaxChars, "characters per summary")
	verbose := flag.Bool("v", false, "also print each article's scores and summaries")
	scores := flag.String("scores", "", "write each article's Newshound scores to this JSONL file")
	against := flag.String("against", "", "compare with the scores a -scores run saved in this file, article by article")
	fit := flag.Bool("fit", false, "cross-fit the sentence scorer (even ↔ odd articles, all files pooled) and print its weights")
	target := flag.String("target", "oracle", "with -fit: what a sentence's score predicts: 1 for the sentences a greedy oracle picks, else 0 (oracle), 1 for those of the best summary within 3 sentences and 600 characters (set), or its own ROUGE-1 (r1), ROUGE-2 (r2) or the mean of 1, 2 and L (mix) against the reference")
	ridge := flag.Float64("ridge", 1, "with -fit: L2 penalty on the weights")
	stops := flag.String("stops", "0", "with -fit: comma-separated Scorer.Stop values to choose from on the training half")
	floors := flag.String("floors", "0", "with -fit: comma-separated Scorer.Floor values to choose from on the training half")
	keep := flag.Bool("keep-weights", false, "with -fit: keep the shipped weights and cross-fit only -stops and -floors")
	logistic := flag.Bool("logistic", false, "with -fit and -target oracle or set: logistic regression instead of least squares")
	pairwise := flag.Bool("pairwise", false, "with -fit and -target oracle or set: logistic regression on preferences, each chosen sentence over each other one of its article")
	blend := flag.Float64("blend", 0, "with -fit: add this multiple of the fitted weights to the shipped ones instead of replacing them")
	features := flag.String("features", "", "with -fit: comma-separated features to fit (default all; names as -fit prints them)")
	furniture := flag.String("furniture", "", "summarise the articles of this JSONL file (title, text, outlet or source; no reference) and print each summary holding furniture or opening dangling, then the counts")
	flag.Parse()
	if *furniture != "" {
		pages, err := loadPages(*furniture)
		if err == nil {
			err = survey(os.Stdout, pages, *sentences, *maxChars, *verbose)
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, "rouge:", err)
			os.Exit(1)
		}
		return
	}
	sets, err := loadSets(*data, *dir, *half)
	if err != nil {
		fmt.Fprintln(os.Stderr, "rouge:", err)
		os.Exit(1)
	}
	if *fit {
		fo, err := parseFitOptions(*half, *target, *stops, *floors, *features)
		if err == nil {
			fo.sentences, fo.maxChars, fo.ridge, fo.logistic, fo.keep, fo.pairwise = *sentences, *maxChars, *ridge, *logistic || *pairwise, *keep, *pairwise
			fo.blend = *blend
			err = fitRun(os.Stdout, sets, fo)
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, "rouge:", err)
			os.Exit(1)
		}
		return
	}
	opts := options{sentences: *sentences, maxChars: *maxChars, verbose: *verbose, scores: *scores, against: *against}
	if err := run(os.Stdout, sets, opts); err != nil {
		fmt.Fprintln(os.Stderr, "rouge:", err)
		os.Exit(1)
	}
}

// set is the articles of one file or directory.
type set struct {
	name     string
	articles []Article
}

// loadSets reads the -data files or the -dir fixtures, or the default data
// when both are empty; the error says what is missing and how to give it.
func loadSets(data, dir, half string) ([]set, error) {
	if half != "all" && half != "even" && half != "odd" {
		return nil, fmt.Errorf("-half %q: want all, even or odd", half)
	}
	if dir != "" {
		a, err := loadDir(dir)
		if err != nil {
			return nil, err
		}
		return []set{{name: dir, articles: pick(a, half)}}, nil
	}
	var paths []string
	if data != "" {
		paths = strings.Split(data, ",")
	} else {
		paths = defaultData()
		if len(paths) == 0 {
			return nil, errors.New("no data: ../shared/realnews/cnndm.jsonl and xsum.jsonl are not there " +
				"(run from the repository root beside ../shared, or give -data FILE.jsonl or -dir summarize/testdata/articles)")
		}
	}
	var sets []set
	for _, p := range paths {
		a, err := loadJSONL(p)
		if err != nil {
			return nil, err
		}
		sets = append(sets, set{name: p, articles: pick(a, half)})
	}
	return sets, nil
}

// pick returns every article, or those at even or odd positions.
func pick(a []Article, half string) []Article {
	if half == "all" {
		return a
	}
	var out []Article
	for i := range a {
		if (a[i].index%2 == 0) == (half == "even") {
			out = append(out, a[i])
		}
	}
	return out
}

// loadJSONL reads one article a line; blank lines are skipped, an article
// without its text or reference is an error naming its line.
func loadJSONL(path string) ([]Article, error) {
	return readLines(path, func(a *Article, n int) error {
		if a.Text == "" || a.Reference == "" {
			return errors.New("text and reference are required")
		}
		a.index = n
		return nil
	})
}

// readLines reads one JSON object a line into T, skipping blank lines;
// check fixes up or refuses each (n is how many came before it). It fails
// on a file it cannot read, a line that is not T or that check refuses
// (naming the line), and a file without any.
func readLines[T any](path string, check func(v *T, n int) error) ([]T, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []T
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	for line := 1; sc.Scan(); line++ {
		b := sc.Bytes()
		if len(strings.TrimSpace(string(b))) == 0 {
			continue
		}
		var v T
		if err := json.Unmarshal(b, &v); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", path, line, err)
		}
		if err := check(&v, len(out)); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", path, line, err)
		}
		out = append(out, v)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%s: no articles", path)
	}
	return out, nil
}

// loadDir reads every *.json fixture in dir, sorted by file name.
func loadDir(dir string) ([]Article, error) {
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
		a.index = len(out)
		out = append(out, a)
	}
	return out, nil
}
