package main

import (
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/newshound/newshound/internal/telegramtest"
)

const token = "1:crashtrial"

// trial is one run of the whole plan: the fake Telegram, two feeds, the
// subscribers, and the binary started and killed over and over.
type trial struct {
	o         options
	out       io.Writer
	rng       *rand.Rand
	tg        *telegramtest.Server
	wire      *wire // the bot talks to tg through it
	faults    *faults
	a, b      *feed // the second feed carries copies of some of the first's reports
	led       *ledger
	dir       string
	dbPath    string
	cfgPath   string
	logPath   string
	peek      *peek
	next      int // the next report number
	kills     map[string]int
	hits      map[string]int // what the database held at each kill
	failures  []string       // what the bot did wrong besides what chats received: a SIGTERM not exiting 0 in 5 s, a SIGHUP ending it, two bots on one database
	started   time.Time
	digestDue time.Time // the last chat's digest instant
	// killedAt are the loop's SIGKILLs (power cuts included), in order:
	// what a send Telegram took and the outbox never recorded was taken
	// how long before (see unrecordedBeforeKills).
	killedAt []time.Time
	killedNo []int // the loop's stop number of each
}

func newTrial(o options, out io.Writer) (*trial, error) {
	dir := o.dir
	if dir == "" {
		d, err := os.MkdirTemp("", "crashtrial-")
		if err != nil {
			return nil, err
		}
		dir = d
	}
	t := &trial{o: o, out: out, rng: rand.New(rand.NewPCG(o.seed, o.seed+1)), dir: dir,
		dbPath: filepath.Join(dir, "newshound.db"), cfgPath: filepath.Join(dir, "newshound.toml"), logPath: filepath.Join(dir, "bot.log"),
		kills: map[string]int{}, hits: map[string]int{}, started: time.Now()}
	t.led = &ledger{reports: map[int]*report{}, blockedAt: map[int64]time.Time{}}
	t.faults = newFaults(o.seed)
	t.tg = telegramtest.NewServer(token)
	t.tg.Inject(t.faults.answer)
	t.wire = newWire(t.tg.URL, 0, o.seed) // -slow from the loop on (run)
	t.a, t.b = newFeed("Wire A", o.pageDelay), newFeed("Wire B", o.pageDelay)
	// Digests fall due while the bot is killed and restarted: one chat a
	// minute, from two minutes on.
	first := time.Now().UTC().Add(2 * time.Minute).Truncate(time.Minute)
	specs := []chatSpec{
		{id: 1001, typ: "private", query: "alpha", keywords: []string{"alpha"}},
		{id: 1002, typ: "private", query: "beta", keywords: []string{"beta"}},
		{id: 1003, typ: "private", query: "alpha OR beta", keywords: []string{"alpha", "beta"}},
		{id: 1004, typ: "private", query: "gamma", keywords: []string{"gamma"}},
		{id: -1002005, typ: "supergroup", query: "gamma OR alpha", keywords: []string{"gamma", "alpha"}},
	}
	for i := range specs {
		at := first.Add(time.Duration(i) * time.Minute)
		specs[i].digestAt = at.Format("15:04")
		t.digestDue = at
	}
	t.led.chats = specs
	if err := writeConfig(t.cfgPath, t.wire.Endpoint(), t.dbPath, []*feed{t.a, t.b}, o.pageDelay > 0, o.maxItems); err != nil {
		return nil, err
	}
	return t, nil
}

func (t *trial) close() {
	if t.peek != nil {
		t.peek.close()
	}
	t.wire.Close()
	t.tg.Close()
	t.a.Close()
	t.b.Close()
}

func (t *trial) logf(format string, args ...any) {
	fmt.Fprintf(t.out, "%s %s\n", time.Now().Format("15:04:05.000"), fmt.Sprintf(format, args...))
}

// publish adds n new reports to feed f (a random keyword each) and returns them.
func (t *trial) publish(f *feed, n int, backlog bool) []*report {
	var out []*report
	var items []item
	for range n {
		t.next++
		kw := []string{"alpha", "beta", "gamma"}[t.rng.IntN(3)]
		r := &report{n: t.next, keyword: kw, added: time.Now(), backlog: backlog, secondOnly: f == t.b}
		t.led.mu.Lock()
		t.led.reports[r.n] = r
		t.led.mu.Unlock()
		out = append(out, r)
		items = append(items, t.itemOf(f, r))
	}
	f.add(items...)
	return out
}

func (t *trial) itemOf(f *feed, r *report) item {
	title := fmt.Sprintf("%s report %d at %s", strings.ToUpper(r.keyword[:1])+r.keyword[1:], r.n, placeName(r.n))
	slug := fmt.Sprintf("%s-%d", strings.ToLower(f.name[len(f.name)-1:]), r.n)
	return item{guid: slug, title: title, link: f.URL + "/news/" + slug, desc: "At " + placeName(r.n) + ": " + leadText(title), pub: time.Now()}
}

// copyOne publishes on the second feed a report the first carried a while
// ago, with the same title: one story, so the alert is edited ("Also:").
func (t *trial) copyOne() *report {
	t.led.mu.Lock()
	var pick *report
	for n := t.next - 3; n > 0 && n > t.next-12; n-- {
		if r := t.led.reports[n]; r != nil && !r.backlog && !r.copied && !r.secondOnly {
			pick = r
			break
		}
	}
	if pick != nil {
		pick.copied = true
	}
	t.led.mu.Unlock()
	if pick == nil {
		return nil
	}
	t.b.add(t.itemOf(t.b, pick))
	return pick
}

// start runs the binary (bin) and waits for nothing.
func (t *trial) start(bin string, fileLimit int64) (*process, error) {
	return start(bin, t.cfgPath, fileLimit, t.logPath, "")
}

// startTraced runs bin under strace, writing its syncs to trace.
func (t *trial) startTraced(bin, trace string) (*process, error) {
	return start(bin, t.cfgPath, 0, t.logPath, trace)
}

// waitFor polls cond every few milliseconds until it holds or the time is
// up; it reports whether it held.
func waitFor(ctx context.Context, within time.Duration, every time.Duration, cond func() bool) bool {
	deadline := time.Now().Add(within)
	for time.Now().Before(deadline) {
		if cond() {
			return true
		}
		select {
		case <-ctx.Done():
			return false
		case <-time.After(every):
		}
	}
	return cond()
}

// setup starts bin on a new database, subscribes the chats, lets the first
// fetch of both feeds store their backlog, and stops it.
func (t *trial) setup(ctx context.Context, bin string, old bool) error {
	t.publish(t.a, max(t.o.backlog, 2), true)
	t.publish(t.b, 2, true)
	p, err := t.start(bin, 0)
	if err != nil {
		return err
	}
	defer p.signal(syscall.SIGKILL)
	for _, c := range t.led.chats {
		user := c.id
		if c.typ != "private" {
			user = 1001
			t.tg.SetMember(c.id, user, "administrator")
		}
		t.tg.SendText(c.id, c.typ, user, "/subscribe "+c.query)
		t.tg.SendText(c.id, c.typ, user, "/digest "+c.digestAt)
	}
	ok := waitFor(ctx, 90*time.Second, 50*time.Millisecond, func() bool {
		if p.exited() {
			return false
		}
		if t.peek == nil {
			pk, err := openPeek(t.dbPath)
			if err != nil {
				return false
			}
			t.peek = pk
		}
		for _, c := range t.led.chats {
			if t.peek.count(qDigestTime, c.id, c.digestAt) != 1 {
				return false
			}
		}
		return t.peek.count(qSubscribed) == len(t.led.chats) &&
			t.peek.count(qArticles) >= 4 && t.a.fetches.Load() > 0 && t.b.fetches.Load() > 0 && t.peek.count(qPendingAll) == 0
	})
	if !ok {
		return fmt.Errorf("setup: the chats did not subscribe or the feeds were not fetched within 90 s (exited %v); logs:\n%s", p.exited(), tail(p.logs.String(), 40))
	}
	t.logf("setup: %d chats subscribed, digests at %s…%s UTC, backlog stored", len(t.led.chats), t.led.chats[0].digestAt, t.led.chats[len(t.led.chats)-1].digestAt)
	if old {
		// The older version queues and sends a few alerts, and is killed with
		// some still pending: the upgrade inherits them.
		t.publish(t.a, 4, false)
		sent := len(t.tg.Sent(0))
		waitFor(ctx, 30*time.Second, 2*time.Millisecond, func() bool { return len(t.tg.Sent(0)) > sent })
		t.logf("setup: the older binary sent %d messages, killed with %d pending", len(t.tg.Sent(0))-sent, t.peek.count(qPendingAll))
	}
	return nil
}

func tail(s string, lines int) string {
	l := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(l) > lines {
		l = l[len(l)-lines:]
	}
	return strings.Join(l, "\n")
}
