// Command pollload drives the real poller (feeds.Poller.Run with the real
// store, summarizer, story linker and subscription matching) against N
// local feeds served on loopback by a child process, with realistic sizes
// (20 items of about 700 bytes), new items at a steady rate, and a share of
// slow, hanging and failing feeds. It prints the figures that BENCHMARKS.md
// records:
//
//	go run -tags sqlite_fts5 ./cmd/pollload -sources 1000 -interval 5m -measure 10m
//
// Two phases: the first fetch of every source (its backlog stored, not
// alerted; -firstprofile profiles it), then a steady window in which CPU,
// fetches, memory and database growth are measured (-cpuprofile). The delay
// from an item appearing to its alert being queued is taken for every item
// the feeds published in the window: the poller runs on after it for an
// interval and a half minute, and the feed server lists what it published,
// so that late alerts and items never alerted count too.
package main

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"runtime/pprof"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/newshound/newshound/config"
	"github.com/newshound/newshound/feeds"
	"github.com/newshound/newshound/internal/gctarget"
	"github.com/newshound/newshound/news"
	"github.com/newshound/newshound/store"
	"github.com/newshound/newshound/stories"
	"github.com/newshound/newshound/subscriptions"
	"github.com/newshound/newshound/summarize"
)

type options struct {
	sources, ports, items, concurrency int
	interval, publish, measure         time.Duration
	slow, hang, fail                   float64
	seed                               int64
	dir, cpuProfile, firstProfile      string
	hostile                            string
	serve, verbose                     bool
}

func main() {
	var o options
	flag.IntVar(&o.sources, "sources", 1000, "feeds served and polled")
	flag.IntVar(&o.ports, "ports", 0, "loopback listeners the feeds are spread over (one politeness host each; 0 = one per 20 feeds)")
	flag.IntVar(&o.items, "items", 20, "items each feed carries")
	flag.IntVar(&o.concurrency, "concurrency", 16, "poller.concurrency")
	flag.DurationVar(&o.interval, "interval", 5*time.Minute, "each source's interval (poller.min_interval = max_interval)")
	flag.DurationVar(&o.publish, "publish", 2*time.Hour, "each feed publishes a new item once per this, on average")
	flag.DurationVar(&o.measure, "measure", 10*time.Minute, "length of the steady window")
	flag.Float64Var(&o.slow, "slow", 0.01, "share of feeds answering after 5 s")
	flag.Float64Var(&o.hang, "hang", 0.005, "share of feeds never answering (held until poller.timeout, 20 s)")
	flag.Float64Var(&o.fail, "fail", 0.01, "share of feeds answering 500")
	flag.Int64Var(&o.seed, "seed", 1, "random seed of the feeds")
	flag.StringVar(&o.dir, "dir", "", "directory for the database (default: a temporary one, removed after)")
	flag.StringVar(&o.cpuProfile, "cpuprofile", "", "write a CPU profile of the steady window here")
	flag.StringVar(&o.firstProfile, "firstprofile", "", "write a CPU profile of the first fetch of every source here")
	flag.StringVar(&o.hostile, "hostile", "", "hostile feeds at the end of the list, kind=count separated by commas: "+strings.Join(hostileKinds, ", ")+" (see hostile.go)")
	flag.BoolVar(&o.serve, "serve", false, "serve the feeds (the child process)")
	flag.BoolVar(&o.verbose, "v", false, "log the poller's warnings")
	flag.Parse()
	if o.ports <= 0 {
		o.ports = max(1, o.sources/20)
	}
	// The polling process runs at the bot's collector target (config's [memory] defaults through app.go's
	// gctarget.Apply; GOGC and GOMEMLIMIT win), so that its CPU and peak RSS are the bot's.
	mem := config.Defaults().Memory
	gctarget.Apply(mem.GCPercent, mem.LimitBytes, os.Getenv) // the process is the tool's own: nothing to put back
	run := drive
	if o.serve {
		run = func(_ context.Context, o options, _ io.Writer) error { return serve(o) }
	}
	if err := run(context.Background(), o, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "pollload:", err)
		os.Exit(1)
	}
}

// startFeeds runs this binary with -serve and returns the feed URLs.
func startFeeds(o options) (urls []string, stop func(), err error) {
	self, err := os.Executable()
	if err != nil {
		return nil, nil, err
	}
	cmd := exec.Command(self, "-serve", "-sources", strconv.Itoa(o.sources), "-ports", strconv.Itoa(o.ports),
		"-items", strconv.Itoa(o.items), "-publish", o.publish.String(), "-seed", strconv.FormatInt(o.seed, 10),
		"-slow", fmt.Sprint(o.slow), "-hang", fmt.Sprint(o.hang), "-fail", fmt.Sprint(o.fail), "-hostile", o.hostile)
	in, err := cmd.StdinPipe()
	if err != nil {
		return nil, nil, err
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, nil, err
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		return nil, nil, err
	}
	stop = func() { in.Close(); cmd.Wait() }
	line, err := bufio.NewReader(out).ReadString('\n')
	if err != nil {
		stop()
		return nil, nil, fmt.Errorf("feed server: %w", err)
	}
	addrs := strings.Split(strings.TrimSpace(line), ",")
	counts, err := parseHostile(o.hostile)
	if err != nil {
		stop()
		return nil, nil, err
	}
	kind := make([]string, o.sources)
	if err := assignHostile(kind, counts); err != nil {
		stop()
		return nil, nil, err
	}
	for i := range o.sources {
		addr := addrs[i%len(addrs)]
		if kind[i] == "dns" { // a name the silent DNS server is asked for
			_, port, _ := strings.Cut(addr, ":")
			addr = fmt.Sprintf("feed-%d.dns.test:%s", i, port)
		}
		urls = append(urls, fmt.Sprintf("http://%s/feed/%d", addr, i))
	}
	return urls, stop, nil
}

// counter is the poller's Observer: fetches by result, and the first poll.
type counter struct {
	mu      sync.Mutex
	fetched map[string]int
	polls   int
	first   chan struct{}
}

func (c *counter) Fetched(r string) { c.mu.Lock(); c.fetched[r]++; c.mu.Unlock() }
func (c *counter) Stored(int)       {}
func (c *counter) PollTook(time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.polls++; c.polls == 1 {
		close(c.first)
	}
}
func (c *counter) total() (n int, by map[string]int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	by = map[string]int{}
	for k, v := range c.fetched {
		by[k] = v
		n += v
	}
	return n, by
}

// timingSink queues alerts through the real subscriptions service and
// notes when each article's alerts were queued, by guid (the guid carries
// the time its item appeared).
type timingSink struct {
	subs   *subscriptions.Service
	mu     sync.Mutex
	queued map[string]time.Time
}

func (s *timingSink) HandleArticles(ctx context.Context, arts []news.Article) error {
	if err := s.subs.HandleArticles(ctx, arts); err != nil {
		return err
	}
	now := time.Now()
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, a := range arts {
		if _, ok := s.queued[a.GUID]; !ok {
			s.queued[a.GUID] = now
		}
	}
	return nil
}

// appeared is when the item of guid appeared (the time it carries).
func appeared(guid string) (time.Time, bool) {
	parts := strings.Split(guid, "-")
	ns, err := strconv.ParseInt(parts[len(parts)-1], 10, 64)
	return time.Unix(0, ns), err == nil
}

// delays returns, for the items the feeds published between from and to
// (listed by the feed server), the delay from each appearing to its alerts
// being queued, and which were not queued at all, by their feed's kind.
func (s *timingSink) delays(published []string, from, to time.Time) (delays []time.Duration, missing map[string]int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	missing = map[string]int{}
	for _, line := range published {
		guid, kind, _ := strings.Cut(line, "\t")
		at, ok := appeared(guid)
		if !ok || at.Before(from) || at.After(to) {
			continue
		}
		if q, ok := s.queued[guid]; ok {
			delays = append(delays, q.Sub(at))
		} else {
			missing[kind]++
		}
	}
	return delays, missing
}

// published asks the feed server for the items it published.
func published(addr string) ([]string, error) {
	resp, err := http.Get("http://" + addr + "/published")
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, err
	}
	return strings.Split(strings.TrimSpace(string(body)), "\n"), nil
}

// usage is the process's CPU time and peak resident memory so far.
func usage() (cpu time.Duration, peakRSS int64) {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()), ru.Maxrss * 1024
}

func dbSize(path string) int64 {
	var n int64
	for _, suffix := range []string{"", "-wal"} {
		if fi, err := os.Stat(path + suffix); err == nil {
			n += fi.Size()
		}
	}
	return n
}

func drive(ctx context.Context, o options, w io.Writer) error {
	dir := o.dir
	if dir == "" {
		tmp, err := os.MkdirTemp("", "pollload")
		if err != nil {
			return err
		}
		defer os.RemoveAll(tmp)
		dir = tmp
	}
	urls, stopFeeds, err := startFeeds(o)
	if err != nil {
		return err
	}
	defer stopFeeds()
	dnsAddr, stopDNS, err := silentDNS()
	if err != nil {
		return err
	}
	defer stopDNS()
	dbPath := filepath.Join(dir, "pollload.db")
	st, err := store.Open(ctx, dbPath, nil)
	if err != nil {
		return err
	}
	defer st.Close()
	for i, u := range urls {
		if _, err := st.UpsertSource(ctx, fmt.Sprintf("Load feed %d", i), u, news.OriginConfig); err != nil {
			return err
		}
	}
	// One chat subscribed to what every item says: each new item queues an alert.
	if _, err := st.EnsureChat(ctx, 1, "private", "", news.ChatDefaults{Timezone: "UTC"}); err != nil {
		return err
	}
	if _, _, err := st.CreateSubscription(ctx, 1, "quake", "quake", 10); err != nil {
		return err
	}
	log := slog.New(slog.DiscardHandler)
	if o.verbose {
		log = slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	}
	subs := subscriptions.NewService(subscriptions.Options{Store: st, MaxPerChat: 10, Logger: log})
	if _, err := subs.Load(ctx); err != nil {
		return err
	}
	sum, err := summarize.New(summarize.Options{Sentences: 3, MaxChars: 600})
	if err != nil {
		return err
	}
	sink := &timingSink{subs: subs, queued: map[string]time.Time{}}
	obs := &counter{fetched: map[string]int{}, first: make(chan struct{})}
	poller, err := feeds.NewPoller(feeds.Options{
		Schedule: "@every " + o.interval.String(), MaxAge: 48 * time.Hour, Concurrency: o.concurrency,
		MinInterval: o.interval, MaxInterval: o.interval, PerHost: 1, HostGap: time.Second,
		Fetcher: feeds.NewFetcher(feeds.FetcherOptions{Timeout: 20 * time.Second, MaxBytes: 10 << 20, UserAgent: "pollload", Transport: hostileTransport(dnsAddr)}),
		Store:   st, Sink: sink, Summarizer: sum, Logger: log, Observer: obs,
		Stories: stories.NewLinker(stories.Options{Store: st, Window: 48 * time.Hour, Threshold: 0.7, Logger: log}),
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "pollload: %d sources on %d loopback hosts, %d items each, interval %s, a new item per feed every %s, concurrency %d, %.1f%% slow, %.1f%% hanging, %.1f%% failing\n",
		o.sources, o.ports, o.items, o.interval, o.publish, o.concurrency, 100*o.slow, 100*o.hang, 100*o.fail)
	if o.hostile != "" {
		fmt.Fprintf(w, "hostile feeds at the end of the list: %s\n", o.hostile)
	}

	if o.firstProfile != "" {
		f, err := os.Create(o.firstProfile)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
	}
	runCtx, cancel := context.WithCancel(ctx)
	stopped := make(chan error, 1)
	cpu0, _ := usage()
	begin := time.Now()
	go func() { stopped <- poller.Run(runCtx) }()
	select {
	case <-obs.first:
	case err := <-stopped:
		cancel()
		return fmt.Errorf("poller stopped: %w", err)
	}
	cpu1, rss1 := usage()
	if o.firstProfile != "" {
		pprof.StopCPUProfile()
	}
	n1, _ := obs.total()
	fmt.Fprintf(w, "first fetch of %d new sources: %s wall, %.1f s CPU, %d fetches, peak RSS %d MB, database %.1f MB\n",
		o.sources, time.Since(begin).Round(100*time.Millisecond), (cpu1 - cpu0).Seconds(), n1, rss1>>20, float64(dbSize(dbPath))/(1<<20))

	// The steady window starts once the start round is fetched.
	if o.cpuProfile != "" {
		f, err := os.Create(o.cpuProfile)
		if err != nil {
			cancel()
			return err
		}
		defer f.Close()
		pprof.StartCPUProfile(f)
	}
	start := time.Now()
	size0 := dbSize(dbPath)
	n0, _ := obs.total()
	cpuA, _ := usage()
	select {
	case <-time.After(o.measure):
	case err := <-stopped:
		cancel()
		return fmt.Errorf("poller stopped: %w", err)
	}
	cpuB, rss := usage()
	if o.cpuProfile != "" {
		pprof.StopCPUProfile()
	}
	end := time.Now()
	wall := end.Sub(start)
	n, by := obs.total()
	fetches := n - n0
	cpu := cpuB - cpuA
	fmt.Fprintf(w, "steady window %s: %d fetches (%v in all), %.1f fetches/s, %.2f s CPU = %.3f cores, %.2f ms CPU per fetch\n",
		wall.Round(time.Second), fetches, by, float64(fetches)/wall.Seconds(), cpu.Seconds(), cpu.Seconds()/wall.Seconds(), 1000*cpu.Seconds()/float64(max(fetches, 1)))
	fmt.Fprintf(w, "peak RSS %d MB; database grew %.1f MB (%.1f MB now)\n", rss>>20, float64(dbSize(dbPath)-size0)/(1<<20), float64(dbSize(dbPath))/(1<<20))
	// The delays of the items that appeared in the window, each followed
	// until its alerts are queued: the poller runs on for the longest wait
	// a source can have (its interval and jitter) and a margin, so that an
	// item appearing near the window's end is not left out (which would
	// favour short delays).
	drain := o.interval + o.interval/10 + 30*time.Second
	fmt.Fprintf(w, "following the window's items for %s more\n", drain.Round(time.Second))
	select {
	case <-time.After(drain):
	case err := <-stopped:
		cancel()
		return fmt.Errorf("poller stopped: %w", err)
	}
	pub, err := published(strings.TrimPrefix(strings.Split(urls[0], "/feed/")[0], "http://"))
	cancel()
	<-stopped
	if err != nil {
		return fmt.Errorf("published items: %w", err)
	}
	delays, missing := sink.delays(pub, start, end)
	if len(delays) == 0 {
		fmt.Fprintf(w, "no alert queued for the window's items (not queued: %v)\n", missing)
		return nil
	}
	slices.Sort(delays)
	q := func(p float64) time.Duration {
		return delays[min(len(delays)-1, int(p*float64(len(delays))))].Round(100 * time.Millisecond)
	}
	fmt.Fprintf(w, "item appearing → alert queued, items that appeared in the window: %d alerted, median %s, p99 %s, max %s (interval %s); not alerted by feed kind: %v\n",
		len(delays), q(0.5), q(0.99), delays[len(delays)-1].Round(100*time.Millisecond), o.interval, missing)
	return nil
}
