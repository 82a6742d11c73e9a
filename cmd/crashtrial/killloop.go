package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"time"
)

// The moments a kill aims at. Each waits for its moment (or gives up after
// killWait and kills anyway).
const (
	atMigration = "migration" // the first starts on an older database: 0-300 ms after taking it (the check and the migrations take about that)
	atRandom    = "random"    // 0-3 s after the start
	atPoll      = "poll"      // 0-30 ms after a feed answered: parsing, storing, matching
	atQueued    = "queued"    // an alert was just queued, not yet sent
	atWire      = "wire"      // Telegram has just taken a message: before the outbox knows
	atEdit      = "edit"      // an "Also:" edit was just queued, or just went out
	atDigest    = "digest"    // a digest was just queued, or just went out
)

const killWait = 8 * time.Second

// killLoop starts bin n times and kills each run with SIGKILL at a moment
// of one kind or another, publishing news before each start.
func (t *trial) killLoop(ctx context.Context, bin string, n, migrating int) error {
	cycle := []string{atRandom, atPoll, atQueued, atWire, atEdit}
	for i := 1; i <= n && ctx.Err() == nil; i++ {
		mode := cycle[i%len(cycle)]
		if i <= migrating {
			mode = atMigration
		} else if i%2 == 0 && t.digestNear() {
			mode = atDigest
		}
		t.news(mode)
		var wal *walWatch
		var p *process
		var err error
		if t.o.powercut || t.o.traceOnly {
			wal = watchWAL(t.dbPath, filepath.Join(t.dir, fmt.Sprintf("syncs-%d.trace", i))) // each kept, to look a cut up
			p, err = t.startTraced(bin, wal.trace)
		} else {
			p, err = t.start(bin, 0)
		}
		if err != nil {
			return err
		}
		hit := t.await(ctx, p, mode)
		if p.exited() {
			t.logf("kill %d: the bot had exited by itself (%v); logs:\n%s", i, p.exit, tail(p.logs.String(), 30))
			t.hits["exited by itself"]++
			continue
		}
		if t.o.hup && t.rng.IntN(3) == 0 {
			t.hangup(ctx, p, i)
		}
		if t.o.term || t.o.mixed && t.rng.IntN(2) == 0 {
			t.terminate(p, fmt.Sprintf("stop %d", i))
			hit += " (SIGTERM)"
		} else {
			if wal != nil {
				// The last connection to close checkpoints the log into
				// the database: the trial's reader closes while the bot
				// still holds it.
				t.peek.close()
			}
			kill := time.Now()
			p.signal(syscall.SIGKILL)
			t.killedAt, t.killedNo = append(t.killedAt, kill), append(t.killedNo, i)
			if wal != nil && t.o.traceOnly {
				hit += " (traced, no cut)"
				pk, err := openPeek(t.dbPath)
				if err != nil {
					return err
				}
				t.peek = pk
			} else if wal != nil {
				hit += " (power cut)"
				if err := t.powerCut(wal, kill); err != nil {
					return err
				}
				wal = nil
			}
		}
		t.kills[hit]++
		state := t.state()
		for _, s := range state {
			t.hits[s]++
		}
		t.logf("kill %d at %s: %s", i, hit, strings.Join(state, ", "))
	}
	return ctx.Err()
}

// terminate stops p with SIGTERM, as systemctl stop or restart would: it
// must exit 0 within 5 s (the unit's stop timeout is longer, but a bot that
// takes that long has sends it should not wait for).
func (t *trial) terminate(p *process, what string) {
	began := time.Now()
	if t.o.sigint && t.rng.IntN(2) == 0 {
		// Ctrl-C in a terminal, or docker's stop signal set to SIGINT: the
		// same clean stop.
		t.hits["clean stop by SIGINT"]++
		p.signal(syscall.SIGINT)
	} else {
		p.signal(syscall.SIGTERM)
	}
	took := time.Since(began)
	if p.exit != nil {
		t.hits[fmt.Sprintf("SIGTERM: exited with %v", p.exit)]++
		t.failures = append(t.failures, fmt.Sprintf("%s: SIGTERM, exited with %v", what, p.exit))
		t.logf("%s: SIGTERM, exited with %v; logs:\n%s", what, p.exit, tail(p.logs.String(), 30))
	}
	if took > 5*time.Second {
		t.hits["SIGTERM: took more than 5 s to stop"]++
		t.failures = append(t.failures, fmt.Sprintf("%s: SIGTERM took %s to stop", what, took.Round(time.Millisecond)))
	}
}

// powerCut loses the last 0-3 s of the log's writes after a SIGKILL, as a
// power cut would (see walWatch). The trial's own reader lets go of the
// database first: a process holding the shared-memory index keeps the next
// opener from rebuilding it from the shortened log, and its close must not
// be the last (a checkpoint): it was closed before the kill.
func (t *trial) powerCut(w *walWatch, kill time.Time) error {
	b, f, err := w.cut(kill, time.Duration(t.rng.Int64N(int64(3*time.Second))))
	if err != nil {
		return fmt.Errorf("power cut: %w", err)
	}
	pk, err := openPeek(t.dbPath)
	if err != nil {
		return err
	}
	t.peek = pk
	t.hits["power cut: log frames lost"] += int(f)
	if b > 0 {
		t.hits["power cut: writes lost"]++
	}
	return nil
}

// hangup sends p a SIGHUP, as logrotate's postrotate or an operator's
// habit does: the bot must go on (it reopens its log file, reloads nothing).
//
// It waits for the bot's first log line (or killWait): a kill "at random"
// comes 0-3 s after the start, and a SIGHUP in its first milliseconds,
// before the dynamic loader and Go's runtime have handed over to the
// bot's first package initialisation (earlystop, which catches it from
// then on), ends any program by the signal's default action: no program
// can catch a signal before its first instruction, and no logrotate sends
// one to a process that has not yet opened its log.
func (t *trial) hangup(ctx context.Context, p *process, i int) {
	waitFor(ctx, killWait, time.Millisecond, func() bool { return p.exited() || p.logs.String() != "" })
	if p.exited() {
		return
	}
	if err := p.cmd.Process.Signal(syscall.SIGHUP); err != nil {
		return
	}
	t.hits["SIGHUP before the stop"]++
	select {
	case <-p.done:
		t.failures = append(t.failures, fmt.Sprintf("run %d: SIGHUP ended the bot (%v)", i, p.exit))
	case <-time.After(time.Duration(50+t.rng.IntN(250)) * time.Millisecond):
	}
}

// news publishes what the next run should find: new reports on the first
// feed, now and then one on the second alone, and copies for edits.
func (t *trial) news(mode string) {
	if mode == atEdit || t.rng.IntN(6) == 0 {
		t.copyOne()
	}
	t.publish(t.a, 1+t.rng.IntN(3), false)
	if t.o.burst > 0 && t.rng.IntN(5) == 0 {
		t.publish(t.a, t.o.burst, false)
	}
	if t.rng.IntN(5) == 0 {
		t.publish(t.b, 1, false)
	}
}

// digestNear reports whether a chat's digest falls due within 5 s or fell
// due within the last 25 s.
func (t *trial) digestNear() bool {
	now := time.Now().UTC()
	for _, c := range t.led.chats {
		at, err := time.Parse("15:04", c.digestAt)
		if err != nil {
			continue
		}
		due := time.Date(now.Year(), now.Month(), now.Day(), at.Hour(), at.Minute(), 0, 0, time.UTC)
		if d := due.Sub(now); d < 5*time.Second && d > -25*time.Second {
			return true
		}
	}
	return false
}

// await waits for the moment mode aims at and returns what was hit.
func (t *trial) await(ctx context.Context, p *process, mode string) string {
	sleep := func(max time.Duration) {
		select {
		case <-time.After(time.Duration(t.rng.Int64N(int64(max)))):
		case <-p.done:
		case <-ctx.Done():
		}
	}
	sends := len(t.tg.Calls("sendMessage"))
	// The rows queued by this run, not those left by the last.
	lastAlert, lastEdit, lastDigest := t.peek.count(qLastRow, "alert"), t.peek.count(qLastRow, "edit"), t.peek.count(qLastRow, "digest")
	newRow := func(kind string, last int) bool { return t.peek.count(qLastRow, kind) > last }
	edits := len(t.tg.Calls("editMessageText"))
	var ok bool
	switch mode {
	case atMigration:
		lock := t.dbPath + ".lock"
		pid := fmt.Sprint(p.cmd.Process.Pid)
		ok = waitFor(ctx, killWait, time.Millisecond, func() bool {
			b, err := os.ReadFile(lock)
			return p.exited() || err == nil && strings.TrimSpace(string(b)) == pid
		})
		if ok {
			sleep(300 * time.Millisecond)
		}
	case atRandom:
		sleep(3 * time.Second)
		return mode
	case atPoll:
		a, b := t.a.servedCh(), t.b.servedCh()
		select {
		case <-a:
			ok = true
		case <-b:
			ok = true
		case <-time.After(killWait):
		case <-p.done:
		}
		if ok {
			sleep(30 * time.Millisecond)
		}
	case atQueued:
		ok = waitFor(ctx, killWait, 2*time.Millisecond, func() bool { return p.exited() || newRow("alert", lastAlert) })
	case atWire:
		ok = waitFor(ctx, killWait, time.Millisecond, func() bool { return p.exited() || len(t.tg.Calls("sendMessage")) > sends })
	case atEdit:
		ok = waitFor(ctx, killWait, 2*time.Millisecond, func() bool {
			return p.exited() || newRow("edit", lastEdit) || len(t.tg.Calls("editMessageText")) > edits
		})
	case atDigest:
		ok = waitFor(ctx, killWait, 2*time.Millisecond, func() bool {
			return p.exited() || newRow("digest", lastDigest) || t.digestSentSince(sends)
		})
	}
	if !ok {
		return mode + " (not seen; killed after 8 s)"
	}
	return mode
}

// digestSentSince reports whether a digest went out after the first n sends.
func (t *trial) digestSentSince(n int) bool {
	calls := t.tg.Calls("sendMessage")
	for _, c := range calls[min(n, len(calls)):] {
		if strings.HasPrefix(c.Text(), "📰 <b>") {
			return true
		}
	}
	return false
}

// state says what the database held when the bot was killed.
func (t *trial) state() []string {
	var out []string
	if n := t.peek.count(qPendingArticles); n > 0 {
		out = append(out, "articles not yet matched")
	}
	if n := t.peek.count(qPendingAlerts); n > 0 {
		out = append(out, "alerts queued")
	}
	if n := t.peek.count(qPendingEdits); n > 0 {
		out = append(out, "edits queued")
	}
	if n := t.peek.count(qPendingDigests); n > 0 {
		out = append(out, "digests queued")
	}
	if n := t.peek.count(qMigrations); n >= 0 && n < t.o.migrations {
		out = append(out, fmt.Sprintf("migrations %d of %d", n, t.o.migrations))
	}
	if len(out) == 0 {
		out = append(out, "nothing pending")
	}
	return out
}

func sortedCounts(m map[string]int) string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	for _, k := range keys {
		fmt.Fprintf(&b, "  %-45s %d\n", k, m[k])
	}
	return b.String()
}
