package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"math"
	"runtime"
	"runtime/pprof"
	"slices"
	"sync"
	"time"

	poll "github.com/newshound/newshound/feeds"
	"github.com/newshound/newshound/news"
	"github.com/newshound/newshound/query"
	"github.com/newshound/newshound/search"
	"github.com/newshound/newshound/store"
	"github.com/newshound/newshound/stories"
	"github.com/newshound/newshound/subscriptions"
	"github.com/newshound/newshound/summarize"
)

// span is the time the N articles cover; retention is what the prune keeps.
const (
	span      = 90 * 24 * time.Hour
	retention = 60 * 24 * time.Hour
)

// clock is the simulated time.
type clock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *clock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.now }
func (c *clock) add(d time.Duration) time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
	return c.now
}

func run(ctx context.Context, o options, log *slog.Logger, w io.Writer) error {
	clk := &clock{now: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}
	step := span / time.Duration(o.n)
	st, err := store.Open(ctx, o.db, clk.Now)
	if err != nil {
		return err
	}
	defer st.Close()
	st.SetLogger(log)
	sum, err := summarize.New(summarize.Options{Sentences: 3, MaxChars: 600, Logger: log, Now: clk.Now})
	if err != nil {
		return err
	}
	linker := stories.NewLinker(stories.Options{Store: st, Window: 48 * time.Hour, Threshold: 0.7, Logger: log, Now: clk.Now})
	subs := subscriptions.NewService(subscriptions.Options{Store: st, MaxPerChat: 50, Now: clk.Now, Logger: log})
	searches := search.NewService(search.Options{Store: st, Now: clk.Now, Logger: log})
	c := newCorpus(1)
	if _, err := st.EnsureChat(ctx, 1, "private", "searcher", news.ChatDefaults{}); err != nil {
		return err
	}
	// base is how many articles the database held before (-continue): the
	// new ones come at the rate of a store of that size.
	base := 0
	if o.cont {
		newest, err := st.ListArticlesSince(ctx, time.Time{}, 1)
		if err != nil || len(newest) == 0 {
			return fmt.Errorf("no articles to continue in %s: %v", o.db, err)
		}
		clk.add(newest[0].FetchedAt.Sub(clk.Now()))
		base = int(newest[0].ID) // a fill's ids are dense
		step = span / time.Duration(base)
		c.n = base // the corpus's guids go on where the database's end
	}
	if o.queriesOnly || o.bulk {
		stored := o.n
		if o.queriesOnly {
			// The clock stands at the newest article: a fill stopped part way
			// has the windows of search and preview as full as a whole one.
			newest, err := st.ListArticlesSince(ctx, time.Time{}, 1)
			if err != nil || len(newest) == 0 {
				return fmt.Errorf("no articles in %s: %v", o.db, err)
			}
			clk.add(newest[0].FetchedAt.Sub(clk.Now()))
			// The size is of the articles stored, not of -n (a 1M store
			// showed 257,379 bytes an article: its size over -n's 10,000).
			stored = int(newest[0].ID) // a fill's ids are dense
		} else if err := bulk(ctx, o, st, sum, clk, c, w); err != nil {
			return err
		}
		if err := printSize(ctx, st, stored, w); err != nil {
			return err
		}
		// The daily prune's refresh of the list of terms (their counts
		// choose a broad prefix's terms): timed, as it runs in production.
		t, cpu := time.Now(), cpuTime()
		terms, err := st.RefreshTerms(ctx)
		if err != nil {
			return err
		}
		fmt.Fprintf(w, "terms list refreshed: %d terms, %s wall, %s CPU\n", terms, time.Since(t).Round(time.Millisecond), (cpuTime() - cpu).Round(time.Millisecond))
		if o.merge {
			t, cpu := time.Now(), cpuTime()
			m, err := st.MergeTerms(ctx)
			if err != nil {
				return err
			}
			fmt.Fprintf(w, "full-text index merged: %d segments to %d in %d steps, %s wall, %s CPU\n", m.Before, m.After, m.Steps, time.Since(t).Round(time.Millisecond), (cpuTime() - cpu).Round(time.Millisecond))
		}
		var between func(context.Context) error
		if o.queriesOnly && o.writeBetween {
			if between, err = writer(ctx, st, clk, c); err != nil {
				return err
			}
		}
		return measureQueries(ctx, o, st, searches, subs, c, between, w)
	}

	loaded := 0
	if o.cont { // the subscriptions of an earlier continuation, if any
		if loaded, err = subs.Load(ctx); err != nil {
			return err
		}
	}
	for i := range o.subs {
		if loaded > 0 {
			break
		}
		chat := int64(1000 + i/50)
		if i%50 == 0 {
			if _, err := st.EnsureChat(ctx, chat, "private", "", news.ChatDefaults{}); err != nil {
				return err
			}
		}
		q := c.vocab[1000+c.rnd.IntN(20000)]
		if i%3 == 0 {
			q += " " + c.vocab[100+c.rnd.IntN(1000)]
		}
		if _, err := subs.Subscribe(ctx, chat, q); err != nil {
			return fmt.Errorf("subscribe %q: %w", q, err)
		}
	}
	type feed struct {
		src   news.Source
		items []news.Article
		parts [][2]string // -html: each item's XML (itemParts)
	}
	var feeds []feed
	if o.cont { // the database's sources
		srcs, err := st.ListSources(ctx)
		if err != nil {
			return err
		}
		for _, src := range srcs {
			feeds = append(feeds, feed{src: src})
		}
		o.sources = len(feeds)
	}
	for i := len(feeds); i < o.sources; i++ {
		src, err := st.UpsertSource(ctx, fmt.Sprintf("src%d", i), fmt.Sprintf("https://src%d.example/rss", i), "config")
		if err != nil {
			return err
		}
		feeds = append(feeds, feed{src: src})
	}

	// -html: the fetches go through the poller's Push, its parts timed.
	var summarizing, linking, matching time.Duration
	poller, err := poll.NewPoller(poll.Options{Schedule: "@every 5m", MaxAge: 7 * 24 * time.Hour, Store: st, Logger: log, Now: clk.Now,
		Summarizer: timedSummarizer{sum, &summarizing}, Stories: timedLinker{linker, &linking}, Sink: timedSubs{subs, &matching}})
	if err != nil {
		return err
	}
	// The loop's steps are timed in CPU on its own thread (threadTime):
	// what the process spends besides is the runtime's (GC) and idle
	// connections'.
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	var (
		insert         []time.Duration  // per fetch, over the steady window
		stepCPU        [5]time.Duration // making articles, store, text, link, match: steady window
		gen            time.Duration    // making articles, inside the steady window
		cpu0, wall0    time.Duration
		steadyFrom     = max(0, o.n-o.steady)
		steadyArticles int
		sendCPU        time.Duration // marking the queued messages sent (-send), steady window
		sent           int
		stored         int
		started        = time.Now()
		lastCPU        = cpuTime()
		lastStored     int
	)
	for fetch := 0; stored < o.n; fetch++ {
		f := &feeds[fetch%len(feeds)]
		steady := stored >= steadyFrom
		if steady && cpu0 == 0 {
			cpu0, wall0 = cpuTime(), time.Since(started)
		}
		g, c0 := time.Now(), threadTime()
		for range min(o.perFetch, o.n-stored) {
			f.items = append(f.items, c.next(f.src.Name, clk.add(step)))
			if o.html {
				f.parts = append(f.parts, itemParts(f.src, f.items[len(f.items)-1]))
			}
		}
		if len(f.items) > o.feedSize {
			f.items = slices.Delete(f.items, 0, len(f.items)-o.feedSize)
		}
		if len(f.parts) > o.feedSize {
			f.parts = slices.Delete(f.parts, 0, len(f.parts)-o.feedSize)
		}
		var body []byte // -html: the fetched feed
		if o.html {
			body = rssOf(f.src, f.items, f.parts)
		}
		if steady {
			gen += time.Since(g)
		}
		t0, c1 := time.Now(), threadTime()
		// As the poller's fetch worker does with text the feed carries
		// whole: the summary is made before the store, written once; the
		// stories and alerts are decided inside the write that stores the
		// fetch, which links, queues and finishes the batch in one commit.
		summarizing, linking, matching = 0, 0, 0
		var pending []news.Article // as the planner saw them
		var fresh int              // articles this fetch stored
		if o.html {
			// The poller's own path: the feed parsed, its items cleaned,
			// the new ones summarized, linked, matched and queued in the
			// write that stores them.
			src := f.src
			src.Fetches = 1 // past its first fetch: its new items are alertable
			n, err := poller.Push(ctx, src, body)
			if err != nil {
				return fmt.Errorf("fetch %d: %w", fetch, err)
			}
			if n == 0 {
				return fmt.Errorf("fetch %d: nothing new stored", fetch)
			}
			fresh = n
		} else {
			added, n, planned, err := st.StoreFeedItemsPlanned(ctx, f.src.ID, f.items, func(_ int, a *news.Article) bool {
				c := threadTime()
				a.SourceName = f.src.Name
				a.Summary = sum.Summarize(ctx, summarize.Input{Title: a.Title, Text: a.Text, Source: f.src.Name})
				summarizing += threadTime() - c
				return true
			}, func(ctx context.Context, arts []news.Article) ([]news.StoryCandidate, []news.Alert, error) {
				c := threadTime()
				for i := range arts {
					arts[i].SourceURL = f.src.URL
					arts[i].PublishedAt, arts[i].FetchedAt = time.Unix(arts[i].PublishedAt.Unix(), 0).UTC(), time.Unix(arts[i].FetchedAt.Unix(), 0).UTC()
				}
				links, _, err := linker.PlanLinks(ctx, arts)
				if err != nil {
					return nil, nil, err
				}
				c2 := threadTime()
				linking += c2 - c
				alerts, err := subs.PlanAlerts(ctx, arts)
				matching += threadTime() - c2
				pending = arts
				return links, alerts, err
			})
			if err != nil {
				linker.Unstored()
				return err
			}
			if !planned {
				return fmt.Errorf("fetch %d: the plan was not stored", fetch)
			}
			if n > 0 {
				subs.AlertsQueued(len(pending), n)
			}
			fresh = len(added)
		}
		// The store step's CPU is told apart from the summaries' it ran
		// and the planning inside its write; the last column is the
		// planning of the alerts and the write (the store step's rest).
		t1 := time.Now()
		c5 := threadTime()
		c2 := c1 + (c5 - c1 - summarizing - linking - matching)
		c3 := c2 + summarizing
		c4 := c3 + linking
		c5 = c4 + matching
		if o.send {
			c := threadTime()
			n, err := sendAll(ctx, st, clk.Now())
			if err != nil {
				return err
			}
			if steady {
				sendCPU += threadTime() - c
				sent += n
			}
		}
		stored += fresh
		if steady {
			for i, d := range []time.Duration{c1 - c0, c2 - c1, c3 - c2, c4 - c3, c5 - c4} {
				stepCPU[i] += d
			}
			steadyArticles += fresh
			insert = append(insert, t1.Sub(t0))
		}
		if o.n >= 10 && stored%(o.n/10) < fresh && fresh > 0 {
			// CPU per article over the last tenth: flat in the store's size
			// when the write path is.
			now := cpuTime()
			fmt.Fprintf(w, "  %d articles stored, %s; CPU per article over the last %d: %s\n", stored, time.Since(started).Round(time.Second),
				stored-lastStored, per(now-lastCPU, stored-lastStored))
			lastCPU, lastStored = now, stored
		}
	}
	cpu := cpuTime() - cpu0 - gen - sendCPU
	wall := time.Since(started) - wall0 - gen
	size, _, err := st.Footprint(ctx)
	if err != nil {
		return err
	}

	if o.cont {
		fmt.Fprintf(w, "\n%d articles added to the %d of %s, at the rate of %d articles in 90 days,", o.n, base, o.db, base)
	} else {
		fmt.Fprintf(w, "\n%d articles,", o.n)
	}
	fmt.Fprintf(w, " %d sources, %d subscriptions, fill %s\n\n", o.sources, max(o.subs, loaded), time.Since(started).Round(time.Second))
	fmt.Fprintf(w, "| measure | value |\n|---|---|\n")
	fmt.Fprintf(w, "| CPU per new article, steady state (last %d; summary, FTS, linking, matching, queueing) | %s |\n", steadyArticles, per(cpu, steadyArticles))
	fmt.Fprintf(w, "| wall per new article, steady state | %s |\n", per(wall, steadyArticles))
	fmt.Fprintf(w, "| CPU per new article by step, steady state (the loop's thread; the rest of the process is GC): store the fetch (its one write: the articles, their terms, links and alerts, and the seen marks) / text + summary / link (decided) / match (decided) (making the articles: %s) | %s / %s / %s / %s |\n",
		per(stepCPU[0], steadyArticles), per(stepCPU[1], steadyArticles), per(stepCPU[2], steadyArticles), per(stepCPU[3], steadyArticles), per(stepCPU[4], steadyArticles))
	fmt.Fprintf(w, "| store one fetch (%d items, %d new; summaries, links, matches, alerts: the whole write) p50 / p99 | %s |\n", o.feedSize, o.perFetch, pct(insert))
	if o.send {
		fmt.Fprintf(w, "| sending (-send, not counted above): messages marked sent, steady state / CPU per message (the loop's thread) | %d / %s |\n", sent, per(sendCPU, sent))
	}
	fmt.Fprintf(w, "| database size | %.1f MB, %d bytes per article |\n", float64(size)/1e6, size/int64(base+o.n))
	fmt.Fprintf(w, "| collector target (the bot's [memory] defaults; GOGC, GOMEMLIMIT win) / peak resident memory so far | %s / %.1f MB |\n", o.gc, float64(peakRSS())/1e6)

	if err := measureQueries(ctx, o, st, searches, subs, c, nil, w); err != nil {
		return err
	}
	var due []time.Duration
	for range o.reps {
		t := time.Now()
		if _, err := st.DueMessages(ctx, clk.Now(), 50); err != nil {
			return err
		}
		due = append(due, time.Since(t))
	}
	fmt.Fprintf(w, "\n| due messages (50) p50 / p99 | %s |\n|---|---|\n", pct(due))

	if o.noPrune {
		return nil
	}
	// A bot sent the alerts of articles older than retention long before:
	// an article whose alert still waits is kept (store.Prune), so without
	// -send the queued alerts go first, not timed.
	if _, err := sendAll(ctx, st, clk.Now()); err != nil {
		return err
	}
	t := time.Now()
	p, err := st.Prune(ctx, clk.Now().Add(-retention))
	if err != nil {
		return err
	}
	pruneTook := time.Since(t)
	after, free, err := st.Footprint(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "| prune %d articles (the oldest third), %d seen items, and give %d pages back | %s; %.1f MB after (%.1f MB free) |\n",
		p.Articles, p.Seen, p.Pages, pruneTook.Round(time.Millisecond), float64(after)/1e6, float64(free)/1e6)
	t = time.Now()
	if err := st.Vacuum(ctx); err != nil {
		return err
	}
	vacuumTook := time.Since(t)
	after, _, err = st.Footprint(ctx)
	if err != nil {
		return err
	}
	left := int64(o.n) - p.Articles
	fmt.Fprintf(w, "| full vacuum (the one-off for an older database) | %s; %.1f MB, %d bytes per article left |\n",
		vacuumTook.Round(time.Millisecond), float64(after)/1e6, after/max(1, left))
	return nil
}

func per(d time.Duration, n int) string {
	if n == 0 {
		return "-"
	}
	return fmt.Sprintf("%.2f ms", float64(d)/float64(n)/1e6)
}

// pct returns "p50 / p99" of ds in milliseconds.
func pct(ds []time.Duration) string {
	if len(ds) == 0 {
		return "-"
	}
	s := slices.Clone(ds)
	slices.Sort(s)
	at := func(q float64) time.Duration { return s[min(len(s)-1, int(math.Ceil(q*float64(len(s))))-1)] }
	return fmt.Sprintf("%.2f / %.2f ms", float64(at(0.5))/1e6, float64(at(0.99))/1e6)
}

// measureQueries times /search and the /subscribe preview of each
// benchmark query, o.reps runs each, and prints their table.
func measureQueries(ctx context.Context, o options, st *store.Store, searches *search.Service, subs *subscriptions.Service, c *corpus, between func(context.Context) error, w io.Writer) error {
	queries := []struct{ kind, text string }{
		{"common word", common[0]},
		{"mid word", c.vocab[300]},
		{"rare word", c.vocab[25000]},
		{"phrase", `"` + common[1] + " " + c.vocab[2] + `"`},
		{"prefix", "presid*"},
		{"broad prefix", "ber*"}, // about 1,500 words of the vocabulary begin with the syllable "ber"
		{"broad prefixes", "ber* OR sen* OR mar*"},
		{"negation", common[3] + " -" + common[7]},
		// Negations that few articles pass: FTS5 steps through the
		// candidates of the left side until countCap pass or the window ends.
		{"negation of a common word", common[3] + " -" + common[0]},
		{"phrase negation", `"` + common[1] + `" -"` + common[0] + `"`},
		{"field", "title:" + common[5]},
		{"or", common[2] + " OR " + common[4]},
		{"source only", "source:src7"},
	}
	if o.queryFile != "" {
		var err error
		if queries, err = readQueries(o.queryFile); err != nil {
			return err
		}
	}
	fmt.Fprintf(w, "\n| query | /search p50 / p99 | CPU | results | preview p50 / p99 | CPU | preview count |\n|---|---|---|---|---|---|---|\n")
	for _, q := range queries {
		parsed, err := query.Parse(q.text)
		if err != nil {
			return fmt.Errorf("query %q: %w", q.text, err)
		}
		var sd, pd []time.Duration
		var scpu, pcpu time.Duration
		var total int
		var pv subscriptions.Preview
		// The CPU profile's samples carry the query's kind and the step
		// (pprof -tagfocus 'op=preview' -tagfocus 'kind=negation').
		searchCtx := pprof.WithLabels(ctx, pprof.Labels("kind", q.kind, "op", "search"))
		previewCtx := pprof.WithLabels(ctx, pprof.Labels("kind", q.kind, "op", "preview"))
		for range o.reps {
			if !o.noSearch {
				if err := write(ctx, between); err != nil {
					return err
				}
				var page search.Page
				t, cpu := time.Now(), cpuTime()
				pprof.SetGoroutineLabels(searchCtx)
				page, err = searches.Search(searchCtx, 1, q.text)
				if err != nil {
					return fmt.Errorf("search %q: %w", q.text, err)
				}
				sd, total, scpu = append(sd, time.Since(t)), page.Total, scpu+cpuTime()-cpu
			}
			if err := write(ctx, between); err != nil {
				return err
			}
			t, cpu := time.Now(), cpuTime()
			pprof.SetGoroutineLabels(previewCtx)
			if pv, err = subs.Preview(previewCtx, parsed); err != nil {
				return fmt.Errorf("preview %q: %w", q.text, err)
			}
			pd, pcpu = append(pd, time.Since(t)), pcpu+cpuTime()-cpu
		}
		pprof.SetGoroutineLabels(ctx)
		approx := ""
		if pv.Approx {
			approx = "≈"
		} else if pv.AtLeast {
			approx = "≥"
		}
		fmt.Fprintf(w, "| %s `%s` | %s | %s | %d | %s | %s | %s%d |\n", q.kind, q.text, pct(sd), per(scpu, len(sd)), total, pct(pd), per(pcpu, len(pd)), approx, pv.Count)
	}
	return nil
}

// writer returns what -write-between does before each read: it stores one
// new article of the newest article's source, 3 s of clk later, with its
// first 400 characters as its summary, finished and without stories or
// alerts. The store waits for its index delay in real time, which the
// driver does not spend, so the articles wait for the index until a batch
// of 256, and every read enters the one new article in the store's
// in-memory index of the waiting ones first (store/fresh_terms.go).
// It fails when the store does or holds no article.
func writer(ctx context.Context, st *store.Store, clk *clock, c *corpus) (func(context.Context) error, error) {
	newest, err := st.ListArticlesSince(ctx, time.Time{}, 1)
	if err != nil {
		return nil, fmt.Errorf("the newest article: %w", err)
	}
	if len(newest) == 0 {
		return nil, fmt.Errorf("no article to write after")
	}
	src := newest[0].SourceID
	name := newest[0].SourceName
	c.n = int(newest[0].ID) // the corpus's guids go on where the database's end
	return func(ctx context.Context) error {
		a := c.next(name, clk.add(3*time.Second))
		lead := func(_ int, a *news.Article) bool {
			a.Summary = a.Text[:min(len(a.Text), 400)]
			return true
		}
		none := func(context.Context, []news.Article) ([]news.StoryCandidate, []news.Alert, error) {
			return nil, nil, nil
		}
		added, _, _, err := st.StoreFeedItemsPlanned(ctx, src, []news.Article{a}, lead, none)
		if err != nil {
			return fmt.Errorf("write between the queries: %w", err)
		}
		if len(added) != 1 {
			return fmt.Errorf("write between the queries: %q not stored", a.GUID)
		}
		return nil
	}, nil
}

// write calls between, if any (-write-between).
func write(ctx context.Context, between func(context.Context) error) error {
	if between == nil {
		return nil
	}
	return between(ctx)
}

// sendAll marks every due message sent, each chat's in order, as the
// sender does (one MarkSent a message), and returns how many.
func sendAll(ctx context.Context, st *store.Store, now time.Time) (int, error) {
	n := 0
	for {
		due, err := st.DueMessages(ctx, now, 1000)
		if err != nil || len(due) == 0 {
			return n, err
		}
		for _, m := range due {
			if err := st.MarkSent(ctx, m.ID, int(m.ID)); err != nil {
				return n, err
			}
			n++
		}
	}
}
