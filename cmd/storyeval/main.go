// Command storyeval measures the same-story decision on real articles
// grouped by the event they report (the format of ../shared/stories/, see
// its README): it feeds them, in date order, through the story linker the
// poller uses, against a real store and the alerts.dedup_window, and prints
// pairwise precision, recall and F1, stream precision and B-cubed F1.
//
//	go run -tags sqlite_fts5 ./cmd/storyeval [-data clusters.jsonl] [-pairs pairs.jsonl] [-out answers.jsonl] [-half all|even|odd] [-restart] [-page-titles] [-first N [-seeds K] [-shuffle] [-warm]]
//
// -half even or odd keeps the events (the "cluster" field, else the story)
// whose FNV-1a hash is even or odd, with every article of each and the pairs
// whose two articles are kept: two halves of different events, to check that
// a change helps on events it was not tuned on.
//
// -first N links only a new bot's first N articles (N in a row of the file
// in date order, from a random start), -seeds K times from K starts, each
// with a new store and linker, and prints the pairs in the window, the joins
// and B-cubed of each start and summed: the cold start of a bot whose
// frequencies have counted few articles. -shuffle gives the N articles in a
// random order, all on one date, as a new bot's first fetch of many sources.
// -warm stores the file's other articles first, unlinked, so that the
// linker counts them (stories.SeedArticles of them) as a bot counts its
// stored backlog: the same starts on a bot that is not new, to tell what the
// cold start costs from what the density of one date does.
//
// -page-titles gives each article the page title as crawled (the site's
// name, a city or a section left on: "… - WMC Action News 5 - Memphis,
// Tennessee"), as feeds and pages of many outlets title their items, rather
// than the data's title with the site name cut off.
//
// The data stays outside the repository: without -data the command reads
// ../shared/stories/clusters.jsonl (and pairs.jsonl beside it) when present
// and says so when not.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"time"
)

// defaultDir is where the data lives beside the main checkout; defaultDirs
// are the places looked at, the second for a worktree one level deeper.
const defaultDir = "../shared/stories"

var defaultDirs = []string{defaultDir, "../../shared/stories"}

func main() {
	data := flag.String("data", "", "articles, one JSON object a line (default "+defaultDir+"/clusters.jsonl)")
	pairs := flag.String("pairs", "", "article pairs to decide (default pairs.jsonl beside -data when present)")
	out := flag.String("out", "", "write the answers here: {id, story} per article, {id, same} per pair")
	window := flag.Duration("window", 48*time.Hour, "the dedup window (alerts.dedup_window)")
	threshold := flag.Float64("threshold", 0.7, "alerts.dedup_threshold")
	restart := flag.Bool("restart", false, "start a new linker every day, as a bot restarted daily: its term frequencies are then the window's articles only (a cold start)")
	pageTitles := flag.Bool("page-titles", false, "give each article its page title as crawled (page_title: the site's name left on, as many feeds title their items) instead of the title with it cut off")
	first := flag.Int("first", 0, "a new bot's cold start: link only this many articles in a row, from a random start, with a new store and linker, and score them")
	seeds := flag.Int("seeds", 5, "with -first: how many random starts (seeds 1…N)")
	shuffle := flag.Bool("shuffle", false, "with -first: the articles come in a random order, all on one date (a new bot's first fetch of many sources)")
	warm := flag.Bool("warm", false, "with -first: store the file's other articles first, unlinked, for the linker to count (up to stories.SeedArticles): the same starts on a bot that is not new")
	half := flag.String("half", "all", "all events, or the even or odd half of them by a hash of the event")
	verbose := flag.Bool("v", false, "print the wrong joins: each article that joined another event's story, and that story's first article")
	flag.Parse()
	if *half != "all" && *half != "even" && *half != "odd" {
		fmt.Fprintf(os.Stderr, "storyeval: -half %q: want all, even or odd\n", *half)
		os.Exit(2)
	}
	if *data == "" {
		for _, d := range defaultDirs {
			if p := filepath.Join(d, "clusters.jsonl"); fileExists(p) {
				*data = p
				break
			}
		}
		if *data == "" {
			fmt.Fprintf(os.Stderr, "storyeval: no data: %s/clusters.jsonl is not there; pass -data FILE (articles with id, story, title, text, outlet, date, url)\n", defaultDir)
			os.Exit(2)
		}
	}
	if *pairs == "" {
		if p := filepath.Join(filepath.Dir(*data), "pairs.jsonl"); fileExists(p) {
			*pairs = p
		}
	}
	err := run(context.Background(), os.Stdout, config{data: *data, pairs: *pairs, out: *out, window: *window, threshold: *threshold, half: *half, restart: *restart, pageTitles: *pageTitles, first: *first, seeds: *seeds, shuffle: *shuffle, warm: *warm, verbose: *verbose})
	if err != nil {
		fmt.Fprintln(os.Stderr, "storyeval:", err)
		os.Exit(1)
	}
}

func fileExists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}
