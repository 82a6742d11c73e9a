// Command fill builds a database of N articles through the real write path
// (Store.StoreFeedItemsPlanned with the summarizer's summary made before the
// store, as the poller's fetch worker does for text a feed carries whole, the
// story linker and the subscription matcher deciding inside the one write
// that stores the fetch, links, queues the alerts and finishes the batch, as
// the poller runs them) and measures what issue 18 asks at that size: CPU per
// new article in steady state, latencies of one fetch's insert, of linking,
// of /search and of the /subscribe preview (p50/p99), bytes per article, and
// the time of a retention prune and of a full vacuum. BENCHMARKS.md records
// its figures:
//
//	go run -tags sqlite_fts5 ./cmd/fill -n 100000
//
// The clock is simulated: N articles span 90 days, so that the windows of
// search, preview and stories hold what they would in production. To measure
// the steady state on top of a large store without filling it through the
// whole write path, build it in bulk (-bulk), copy it, and add articles to
// the copy with -continue:
//
//	fill -bulk -lead-summary -no-prune -n 1000000 -db big.db
//	cp big.db work.db && fill -continue -n 25000 -no-prune -db work.db
//
// With -html each fetch is an RSS document whose items carry HTML, stored
// through the poller's Push (parse, cleaning of the new items, summary,
// plan and write), so that the figures include what a feed of whole
// articles costs the poller:
//
//	fill -n 5000 -no-prune -reps 1 -send -html
//
// Like the bot, it runs at the collector target of the config's [memory]
// defaults (gc_percent 200; GOGC and GOMEMLIMIT in the environment win),
// set through the same internal/gctarget.Apply, and its table names the
// target and the process's peak resident memory.
//
// Like the bot, it is built with the profile-guided optimization of
// default.pgo (a copy of the root's, written with it by
// scripts/pgo-profile.sh from this command's -html run); -pgo=off builds it
// without.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"runtime/trace"
	"syscall"

	"github.com/newshound/newshound/config"
	"github.com/newshound/newshound/internal/gctarget"
)

func main() {
	var o options
	flag.IntVar(&o.n, "n", 10000, "articles to store")
	flag.IntVar(&o.sources, "sources", 0, "sources (default: n/1000, at least 20)")
	flag.IntVar(&o.perFetch, "per-fetch", 5, "new items a fetch carries")
	flag.IntVar(&o.feedSize, "feed-size", 20, "items a feed carries (new and already seen)")
	flag.IntVar(&o.subs, "subs", 2000, "stored subscriptions (50 per chat)")
	flag.IntVar(&o.steady, "steady", 2000, "last articles over which the steady-state figures are taken")
	flag.IntVar(&o.reps, "reps", 20, "runs of each search and preview query")
	flag.StringVar(&o.queryFile, "query-file", "", "time the queries of this file (one a line) instead of the built-in list")
	flag.StringVar(&o.db, "db", "", "database file (default: in a temporary directory, removed after)")
	flag.BoolVar(&o.noPrune, "no-prune", false, "skip the prune and vacuum measurement (keeps the database whole)")
	flag.BoolVar(&o.bulk, "bulk", false, "store the articles in bulk (finished, with summaries, no linking, matching or alerts) and measure search and storage only")
	flag.BoolVar(&o.leadSummary, "lead-summary", false, "with -bulk: summaries are the text's first 400 characters, not the summarizer's (3× faster, for 1M articles)")
	flag.BoolVar(&o.cont, "continue", false, "add -n articles through the real write path to the database -db that an earlier run kept (a bulk one too; it is written to: give a copy), at the rate of its size, for the steady-state figures on top of a large store; its sources are used, and 2,000 subscriptions made unless it has some")
	flag.BoolVar(&o.queriesOnly, "queries", false, "only measure the queries, on the database -db that an earlier run kept (it may have been stopped part way), with the clock at its newest article")
	flag.BoolVar(&o.send, "send", false, "after each fetch's write, mark its queued messages sent as the sender does (DueMessages, MarkSent), so that the outbox keeps a bot's short backlog; the sending's CPU (on the loop's thread) is told apart, not counted in the per-article figures")
	flag.BoolVar(&o.html, "html", false, "send each fetch's feed as RSS whose items carry HTML (paragraphs, a photo's caption, entities, a link) through the poller's Push, which parses and cleans it as it does a fetched feed; the store step's column then includes the parse and the cleaning")
	flag.BoolVar(&o.noSearch, "no-search", false, "with -queries or -bulk: time the /subscribe previews only, not /search between them (its column shows -)")
	flag.BoolVar(&o.writeBetween, "write-between", false, "with -queries: before each search and preview, store one new article (of the newest article's source, 3 s of the clock later, with a lead summary) through the store's write path, as a running bot's poller does between two commands: each read then starts on a page cache the write emptied and first enters what waits for the index in the in-memory index of the waiting articles (the database is written to: give a copy)")
	flag.BoolVar(&o.merge, "merge", false, "with -queries or -bulk: before the queries, run the daily maintenance's merge of the full-text index's segments (Store.MergeTerms) and say what it did")
	cpuprofile := flag.String("cpuprofile", "", "write a CPU profile of the run to this file")
	memprofile := flag.String("memprofile", "", "write a profile of every allocation of the run (runtime.MemProfileRate 1: slower) to this file")
	traceFile := flag.String("trace", "", "write an execution trace of the run (go tool trace) to this file: the goroutines' hand-offs and the threads they woke")
	flag.Parse()
	if *memprofile != "" {
		runtime.MemProfileRate = 1
		defer func() {
			f, err := os.Create(*memprofile)
			if err == nil {
				err = pprof.Lookup("allocs").WriteTo(f, 0)
				f.Close()
			}
			if err != nil {
				fmt.Fprintln(os.Stderr, "fill:", err)
			}
		}()
	}
	if *cpuprofile != "" {
		f, err := os.Create(*cpuprofile)
		if err == nil {
			err = pprof.StartCPUProfile(f)
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, "fill:", err)
			os.Exit(1)
		}
		defer pprof.StopCPUProfile()
	}
	if *traceFile != "" {
		f, err := os.Create(*traceFile)
		if err == nil {
			err = trace.Start(f)
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, "fill:", err)
			os.Exit(1)
		}
		defer func() {
			trace.Stop()
			f.Close()
		}()
	}
	// The collector's target is the bot's (config's [memory] defaults, through
	// the same gctarget.Apply as app.go; GOGC and GOMEMLIMIT win), so that
	// the CPU and memory figures are the bot's.
	mem := config.Defaults().Memory
	gc, restoreGC := gctarget.Apply(mem.GCPercent, mem.LimitBytes, os.Getenv)
	defer restoreGC()
	o.gc = gc.String()
	if o.sources == 0 {
		o.sources = max(20, o.n/1000)
	}
	if o.db == "" {
		dir, err := os.MkdirTemp("", "fill")
		if err != nil {
			fmt.Fprintln(os.Stderr, "fill:", err)
			os.Exit(1)
		}
		defer os.RemoveAll(dir)
		o.db = filepath.Join(dir, "fill.db")
	}
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	// A context that a signal cancels, as the bot's (main.go): the store's
	// statements then run as they do in the bot, where the driver and
	// database/sql watch a context that can be cancelled.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, o, log, os.Stdout)
	stop()
	if err != nil {
		fmt.Fprintln(os.Stderr, "fill:", err)
		os.Exit(1)
	}
}

type options struct {
	n, sources, perFetch, feedSize, subs, steady, reps               int
	db                                                               string
	queryFile                                                        string // -query-file: the queries to time, one a line
	gc                                                               string // the collector's target in force (gctarget.Target)
	noPrune, bulk, queriesOnly, leadSummary, cont, send, html, merge bool
	noSearch, writeBetween                                           bool
}
