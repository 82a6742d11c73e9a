// Command crashtrial is a stranger's trial of Newshound's promise of "the
// reliability of a mail server": it runs the real binary against the fake
// Telegram of internal/telegramtest and two local RSS feeds whose items
// change, with five chats subscribed (four private, one supergroup; each
// with its own digest time a few minutes ahead), kills the bot with SIGKILL
// at chosen moments again and again, restarts it each time, and at the end
// compares what each chat received with what it should have: every
// matching report exactly once (a repeat only for a message Telegram took
// while the bot was killed or whose answer was lost), every report carried
// by both feeds edited to say "Also:", one digest per chat for the day, no
// backlog alerted.
//
//	go build -tags sqlite_fts5 -o /tmp/nh_crash .
//	go run -tags sqlite_fts5 ./cmd/crashtrial -bin /tmp/nh_crash -kills 60
//
// The kills aim in turn at: a random moment, just after a feed answered
// (parsing, storing, matching), an alert queued and not sent, a message
// just taken by Telegram (before the outbox records it), an "Also:" edit
// queued, a digest queued or going out (near each chat's digest time).
// With -old-bin (a binary built from an older commit, e.g. git archive
// 9a93984 | tar -x -C /tmp/old && go build -tags sqlite_fts5 -o /tmp/nh_old
// in it) the database is made by the older version, which is killed with
// alerts pending, and the first -migration-kills starts of the new binary
// are killed 0-300 ms after they take the database's lock: during the
// migrations when they take that long (-old-articles makes them).
//
// -faults adds, all through the loop, 429s with retry_after, 502s and
// sends Telegram accepts whose answer is lost (the fake hangs up after
// taking them), besides the fake's own enforcement of Telegram's flood
// limits. After the loop, each of these runs in turn, each followed by a
// settle and a comparison: -outage (Telegram unreachable, with two kills
// during it), -busy (a second connection holds BEGIN IMMEDIATE),
// -disk-full (the bot run under ulimit -f a little above the database's
// size), -block (two chats block the bot: sends refused 403, one with the
// my_chat_member update Telegram sends).
//
// It prints one line per kill and the comparisons, and exits 1 when a chat
// lost anything or got more repeats than the sends on the wire at the kills.
// The bot's logs go to bot.log in -dir (default: a new temporary directory,
// kept).
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"time"

	"github.com/newshound/newshound/store"
)

type options struct {
	bin, oldBin    string
	kills          int
	migrationKills int
	oldArticles    int
	pageDelay      time.Duration
	seed           uint64
	dir            string
	faults         bool
	outage         time.Duration
	busy           time.Duration
	diskFull       bool
	block          bool
	settle         time.Duration
	term           bool // stop with SIGTERM, not SIGKILL
	mixed          bool // each stop a SIGTERM or a SIGKILL, at random
	hup            bool // a SIGHUP now and then before a stop
	sigint         bool // half the clean stops a SIGINT
	slow           time.Duration
	twin           bool
	ballast        bool // disk full by a ballast file filling -dir's file system, not ulimit -f
	powercut       bool // each SIGKILL loses the log's last writes, as a power cut does
	traceOnly      bool // the bot run under strace as for -powercut, its SIGKILLs no power cuts: strace's own cost
	migrations     int  // how many migrations the new binary's schema has
	maxItems       int  // poller.max_items (0: the default)
	backlog        int  // reports on the first feed before its first fetch
	burst          int  // now and then, this many reports at once on the first feed (0: never)
}

func main() {
	var o options
	flag.StringVar(&o.bin, "bin", "", "the newshound binary on trial (required)")
	flag.StringVar(&o.oldBin, "old-bin", "", "an older newshound binary that makes the database first (empty = the new one does)")
	flag.IntVar(&o.kills, "kills", 60, "SIGKILLs in the loop")
	flag.IntVar(&o.migrationKills, "migration-kills", 4, "with -old-bin: the first starts of the new binary killed 0-300 ms after taking the database")
	flag.IntVar(&o.oldArticles, "old-articles", 0, "with -old-bin: old articles (and 3 alerts each) added to the older database, so that the migrations take a while")
	flag.DurationVar(&o.pageDelay, "pages", 0, "fetch each report's page for full text, answered after this delay (0 = the feed's text is enough)")
	flag.Uint64Var(&o.seed, "seed", uint64(time.Now().UnixNano()), "random seed (printed)")
	flag.StringVar(&o.dir, "dir", "", "working directory (default: a new temporary one)")
	flag.BoolVar(&o.faults, "faults", false, "429s, 502s and lost answers to accepted sends all through the loop")
	flag.DurationVar(&o.outage, "outage", 0, "after the loop: Telegram unreachable for this long (0 = skip)")
	flag.DurationVar(&o.busy, "busy", 0, "after the loop: a second connection holds the write lock this long (0 = skip)")
	flag.BoolVar(&o.diskFull, "disk-full", false, "after the loop: run the bot under ulimit -f")
	flag.BoolVar(&o.block, "block", false, "after the loop: chats 1004 (with the my_chat_member update) and 1002 (sends refused 403 only) block the bot")
	flag.DurationVar(&o.settle, "settle", 5*time.Minute, "the longest wait for every chat to have what it should")
	flag.BoolVar(&o.term, "term", false, "stop the bot in the loop with SIGTERM (a clean stop: it must exit 0 and send nothing twice) instead of SIGKILL")
	flag.BoolVar(&o.mixed, "mixed", false, "stop the bot in the loop with SIGTERM or SIGKILL, at random (each SIGTERM must exit 0 within 5 s)")
	flag.BoolVar(&o.sigint, "sigint", false, "with -term or -mixed: half the clean stops are a SIGINT (Ctrl-C) instead of a SIGTERM; the same exit 0 within 5 s")
	flag.BoolVar(&o.hup, "hup", false, "send a SIGHUP to a third of the runs at a random moment before the stop (the bot must go on)")
	flag.DurationVar(&o.slow, "slow", 0, "Telegram answers each send and edit it took after a random delay up to this (0 = at once); a stop meanwhile leaves it taken, unrecorded")
	flag.BoolVar(&o.twin, "twin", false, "after the loop: a second bot started on the running one's database, then two started at once after a SIGKILL")
	flag.BoolVar(&o.powercut, "powercut", false, "each SIGKILL of the loop is a power cut: the database's log loses its last 0-3 s of writes (those synchronous = NORMAL had not synced)")
	flag.BoolVar(&o.traceOnly, "trace-only", false, "run the bot of the loop under strace as -powercut does, but each SIGKILL stays a SIGKILL: what strace's stops alone add to the sends repeated")
	flag.BoolVar(&o.ballast, "ballast", false, "with -disk-full: fill -dir's file system (mount a small tmpfs there: mount -t tmpfs -o size=64m tmpfs DIR) with a ballast file but for 64 KiB, a real ENOSPC, then remove it under the running bot (with -mixed or -term: stop it with SIGTERM while full)")
	flag.IntVar(&o.maxItems, "max-items", 0, "poller.max_items (10 or more; 0 = the default 500): with -backlog and -burst, feeds that list more new items than a fetch reads")
	flag.IntVar(&o.backlog, "backlog", 2, "reports on the first feed before its first fetch (stored, never alerted, also those a fetch leaves for the next past -max-items)")
	flag.IntVar(&o.burst, "burst", 0, "one run in five, this many new reports at once on the first feed (past -max-items: stored and alerted over the next fetches); 0 = never")
	flag.Parse()
	if o.bin == "" {
		fmt.Fprintln(os.Stderr, "crashtrial: -bin is required (go build -tags sqlite_fts5 -o /tmp/nh_crash .)")
		os.Exit(2)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	ok, err := run(ctx, o, os.Stdout)
	if err != nil {
		fmt.Fprintln(os.Stderr, "crashtrial:", err)
		os.Exit(1)
	}
	if !ok {
		os.Exit(1)
	}
}

// schemaMigrations counts the migrations of the schema this package was
// built with (the new binary's, when both come from one commit).
func schemaMigrations(ctx context.Context) (int, error) {
	dir, err := os.MkdirTemp("", "crashtrial-schema-")
	if err != nil {
		return 0, err
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "s.db")
	st, err := store.Open(ctx, path, nil)
	if err != nil {
		return 0, err
	}
	st.Close()
	p, err := openPeek(path)
	if err != nil {
		return 0, err
	}
	defer p.close()
	return p.count(qMigrations), nil
}

func run(ctx context.Context, o options, out io.Writer) (bool, error) {
	n, err := schemaMigrations(ctx)
	if err != nil {
		return false, err
	}
	o.migrations = n
	t, err := newTrial(o, out)
	if err != nil {
		return false, err
	}
	defer t.close()
	t.logf("seed %d, directory %s, %d migrations", o.seed, t.dir, o.migrations)
	first, migrating := o.bin, 0
	if o.oldBin != "" {
		first, migrating = o.oldBin, o.migrationKills
	}
	if err := t.setup(ctx, first, o.oldBin != ""); err != nil {
		return false, err
	}
	if o.oldBin != "" && o.oldArticles > 0 {
		began := time.Now()
		if err := bulkOld(t.dbPath, o.oldArticles); err != nil {
			return false, err
		}
		t.logf("setup: %d old articles and %d alerts added to the older database in %s", o.oldArticles, 3*o.oldArticles, time.Since(began).Round(time.Millisecond))
	}
	t.wire.setSlow(o.slow)
	if o.faults {
		t.faults.setRates(0.03, 0.03, 0.03)
		t.faults.setDrops(0.03)
	}
	if err := t.killLoop(ctx, o.bin, o.kills, migrating); err != nil {
		return false, err
	}
	fmt.Fprintf(out, "kills by moment aimed at:\n%s", sortedCounts(t.kills))
	fmt.Fprintf(out, "what the database held at the kills:\n%s", sortedCounts(t.hits))
	t.faults.setRates(0, 0, 0)
	t.faults.setDrops(0)
	tl, err := t.settle(ctx, o.bin, nil, o.settle)
	if err != nil {
		return false, err
	}
	fmt.Fprintf(out, "== after %d kills:\n", o.kills)
	tl.print(out)
	fmt.Fprintf(out, "sends taken and not recorded, by how long before the next SIGKILL Telegram took them:\n%s", t.unrecordedBeforeKills())
	ok := tl.ok() && len(t.failures) == 0
	check := func(name string, p *process, err error) error {
		if err != nil {
			return err
		}
		tl, err := t.settle(ctx, o.bin, p, o.settle)
		if err != nil {
			return err
		}
		fmt.Fprintf(out, "== after %s:\n", name)
		tl.print(out)
		ok = ok && tl.ok()
		return nil
	}
	if o.outage > 0 {
		p, err := t.outage(ctx, o.bin, o.outage)
		if err := check("the outage", p, err); err != nil {
			return false, err
		}
	}
	if o.busy > 0 {
		p, err := t.busy(ctx, o.bin, o.busy)
		if err := check("the write lock held", p, err); err != nil {
			return false, err
		}
	}
	if o.diskFull {
		if err := check("the full disk", nil, t.diskFull(ctx, o.bin, 90*time.Second)); err != nil {
			return false, err
		}
	}
	if o.twin {
		p, err := t.twins(ctx, o.bin)
		if err := check("two bots on one database", p, err); err != nil {
			return false, err
		}
	}
	if o.block {
		t.blockChat(1004, true)
		t.blockChat(1002, false)
		t.publish(t.a, 6, false)
		if err := check("chats 1004 and 1002 blocked the bot", nil, nil); err != nil {
			return false, err
		}
	}
	f := t.faults
	fmt.Fprintf(out, "faults injected: 429 %d, 502 %d, answers lost %d, dropped before taken %d, hung up (outage) %d, 403 %d; 429s for going over Telegram's limits %d; answers held back (slow) %d\n",
		f.n429.Load(), f.n5xx.Load(), f.nLost.Load(), f.nDrop.Load(), f.nDown.Load(), f.n403.Load(), f.nLimit.Load(), t.wire.nSlow.Load())
	fmt.Fprintf(out, "feeds: %d fetches (%d not modified); bot logs in %s\n", t.a.fetches.Load()+t.b.fetches.Load(), t.a.notMod.Load()+t.b.notMod.Load(), t.logPath)
	order := t.outOfOrder()
	fmt.Fprintf(out, "alerts sent out of their chat's outbox order: %d\n", len(order))
	t.failures = append(t.failures, order...)
	for _, f := range t.failures {
		fmt.Fprintln(out, "failure:", f)
	}
	ok = ok && len(t.failures) == 0
	if ok {
		fmt.Fprintln(out, "PASS")
	} else {
		fmt.Fprintln(out, "FAIL")
	}
	return ok, nil
}
