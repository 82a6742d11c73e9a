package main

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"time"
)

// settle lets the bot (p, or a new run of bin) run without a kill until
// every chat has what it should, nothing is pending and the digests are
// due and sent, or until limit (at least 2 minutes past the last digest's
// time); then stops it with SIGTERM and compares.
func (t *trial) settle(ctx context.Context, bin string, p *process, limit time.Duration) (tally, error) {
	if p == nil {
		var err error
		if p, err = t.start(bin, 0); err != nil {
			return tally{}, err
		}
	}
	done := func() bool {
		if p.exited() || time.Now().Before(t.digestDue.Add(20*time.Second)) {
			return false
		}
		if t.peek.count(qPendingAll) != 0 || t.peek.count(qPendingArticles) != 0 {
			return false
		}
		tl := t.tally()
		return tl.missing == 0 && tl.digestsMissing == 0 && tl.alsoMissing == 0
	}
	limit = max(limit, time.Until(t.digestDue.Add(2*time.Minute))) // the digests are part of what settles
	settled := waitFor(ctx, limit, 500*time.Millisecond, done)
	if !settled && !p.exited() {
		t.logf("settle: not settled within %s (pending outbox rows %d, articles not yet matched %d)", limit, t.peek.count(qPendingAll), t.peek.count(qPendingArticles))
	}
	if p.exited() {
		t.logf("settle: the bot exited by itself (%v):\n%s", p.exit, tail(p.logs.String(), 30))
	}
	p.signal(syscall.SIGTERM)
	return t.tally(), nil
}

// digestsDue lists the chats whose digest instant has passed.
func (t *trial) digestsDue() map[int64]bool {
	out := map[int64]bool{}
	now := time.Now().UTC()
	for _, c := range t.led.chats {
		at, err := time.Parse("15:04", c.digestAt)
		if err != nil {
			continue
		}
		due := time.Date(now.Year(), now.Month(), now.Day(), at.Hour(), at.Minute(), 0, 0, time.UTC)
		if !due.After(now) {
			out[c.id] = true
		}
	}
	return out
}

func (t *trial) tally() tally {
	return t.led.compare(t.wire.messages(), t.tg, t.recorded(), time.Now().UTC().Format("2006-01-02"), t.digestsDue())
}

// recorded reads the (chat, Telegram message id) of every message the
// outbox records as sent.
func (t *trial) recorded() map[[2]int64]bool {
	out := map[[2]int64]bool{}
	rows, err := t.peek.db.Query(`SELECT chat_id, message_id FROM outbox WHERE status = 'sent' AND kind <> 'edit' AND message_id > 0`)
	if err != nil {
		return out
	}
	defer rows.Close()
	for rows.Next() {
		var k [2]int64
		if rows.Scan(&k[0], &k[1]) == nil {
			out[k] = true
		}
	}
	return out
}

// outage takes the network down for d (every call to Telegram hung up)
// under a running bot, while news arrives and the bot is killed and
// restarted twice (each restart then finds Telegram unreachable).
func (t *trial) outage(ctx context.Context, bin string, d time.Duration) (*process, error) {
	p, err := t.start(bin, 0)
	if err != nil {
		return nil, err
	}
	if !t.running(ctx, p) { // the network goes down under a running bot first
		return p, fmt.Errorf("outage: the bot did not start:\n%s", tail(p.logs.String(), 20))
	}
	t.logf("outage: Telegram unreachable for %s", d)
	t.faults.down.Store(true)
	defer t.faults.down.Store(false)
	end := time.Now().Add(d)
	restarts := 0
	for time.Now().Before(end) && ctx.Err() == nil {
		t.publish(t.a, 1, false)
		wait := min(time.Until(end), 20*time.Second)
		select {
		case <-time.After(wait):
		case <-ctx.Done():
		}
		if restarts < 2 && time.Until(end) < d*time.Duration(2-restarts)/3 {
			restarts++
			if (t.o.mixed || t.o.term) && restarts == 1 {
				// A clean stop while every call hangs up: it must not wait
				// on Telegram.
				t.terminate(p, "outage: the first stop")
				t.logf("outage: stopped (SIGTERM) and restarted (%d)", restarts)
			} else {
				p.signal(syscall.SIGKILL)
				t.logf("outage: killed and restarted (%d)", restarts)
			}
			if p, err = t.start(bin, 0); err != nil {
				return nil, err
			}
		}
	}
	t.logf("outage: over; %d calls hung up", t.faults.nDown.Load())
	return p, nil
}

// busy holds SQLite's write lock from a second connection for d (BEGIN
// IMMEDIATE), as another process would, while news arrives: taken once the
// bot runs (it holds its lock file and has fetched both feeds).
func (t *trial) busy(ctx context.Context, bin string, d time.Duration) (*process, error) {
	p, err := t.start(bin, 0)
	if err != nil {
		return nil, err
	}
	if !t.running(ctx, p) {
		return p, fmt.Errorf("busy: the bot did not start:\n%s", tail(p.logs.String(), 20))
	}
	db, err := sql.Open("sqlite3", "file:"+t.dbPath+"?_busy_timeout=20000")
	if err != nil {
		return nil, err
	}
	defer db.Close()
	conn, err := db.Conn(ctx)
	if err != nil {
		return nil, err
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, "BEGIN IMMEDIATE"); err != nil {
		return nil, fmt.Errorf("busy: take the write lock: %w", err)
	}
	t.logf("busy: write lock held for %s", d)
	t.publish(t.a, 2, false)
	t.copyOne()
	select {
	case <-time.After(d / 2):
	case <-ctx.Done():
	}
	t.publish(t.a, 2, false)
	select {
	case <-time.After(d / 2):
	case <-ctx.Done():
	}
	if _, err := conn.ExecContext(ctx, "ROLLBACK"); err != nil {
		return nil, fmt.Errorf("busy: release the write lock: %w", err)
	}
	if p.exited() {
		t.logf("busy: the bot exited under the lock (%v):\n%s", p.exit, tail(p.logs.String(), 20))
		return nil, nil
	}
	t.logf("busy: lock released; the bot still runs")
	return p, nil
}

// running waits until p holds the database's lock and has fetched both
// feeds since it started, and nothing is left to send.
func (t *trial) running(ctx context.Context, p *process) bool {
	a, b := t.a.fetches.Load(), t.b.fetches.Load()
	pid := fmt.Sprint(p.cmd.Process.Pid)
	return waitFor(ctx, 60*time.Second, 20*time.Millisecond, func() bool {
		lock, err := os.ReadFile(t.dbPath + ".lock")
		return !p.exited() && err == nil && strings.TrimSpace(string(lock)) == pid && t.a.fetches.Load() > a && t.b.fetches.Load() > b &&
			t.peek.count(qPendingAll) == 0
	})
}

// diskFull runs the bot with its files limited (ulimit -f) to 512 KiB more
// than its write-ahead log now holds: the log takes the writes (the database
// file is written only at checkpoints, at 64 MB of log or at the close), so
// the bot starts, and its writes fail as on a full disk once the log has
// grown by that much. News arrives for d; then the bot is killed and
// restarted with room.
func (t *trial) diskFull(ctx context.Context, bin string, d time.Duration) error {
	size, wal := int64(0), int64(0)
	if fi, err := os.Stat(t.dbPath); err == nil {
		size = fi.Size()
	}
	if fi, err := os.Stat(t.dbPath + "-wal"); err == nil {
		wal = fi.Size()
	}
	limitKiB := wal/1024 + 512
	var p *process
	var err error
	if t.o.ballast {
		// A real full disk: the file system of -dir (a small tmpfs, say)
		// filled by a ballast file but for 64 KiB (with 256 KiB a quiet 90 s
		// fitted in it: seed 2917 never saw the disk full).
		free, ferr := t.fillDisk(64 << 10)
		if ferr != nil {
			return ferr
		}
		t.logf("disk full: database %d KiB, its log %d KiB, the disk filled but for %d KiB", size/1024, wal/1024, free/1024)
		p, err = t.start(bin, 0)
	} else {
		t.logf("disk full: database %d KiB, its log %d KiB, files limited to %d KiB", size/1024, wal/1024, limitKiB)
		p, err = t.start(bin, limitKiB)
	}
	if err != nil {
		return err
	}
	for end := time.Now().Add(d); time.Now().Before(end) && ctx.Err() == nil; {
		t.publish(t.a, 1, false)
		if t.rng.IntN(3) == 0 {
			t.copyOne()
		}
		select {
		case <-time.After(3 * time.Second):
		case <-ctx.Done():
		}
	}
	logs := p.logs.String()
	t.logf("disk full: %d log lines say 'file too large' or 'disk'", strings.Count(logs, "too large")+strings.Count(logs, "disk I/O")+strings.Count(logs, "disk is full"))
	if t.o.ballast && (t.o.mixed || t.o.term) && !p.exited() {
		// A clean stop on a full disk: it must still exit 0 within 5 s
		// (what it could not record it sends again after the restart).
		t.terminate(p, "disk full: a SIGTERM while the disk is full")
		t.logf("disk full: stopped with SIGTERM while full (exit %v)", p.exit)
		return os.Remove(t.ballastPath())
	}
	if t.o.ballast {
		if err := os.Remove(t.ballastPath()); err != nil {
			return err
		}
		t.logf("disk full: room again (the ballast removed) under the running bot")
		for range 3 {
			t.publish(t.a, 1, false)
			select {
			case <-time.After(3 * time.Second):
			case <-ctx.Done():
			}
		}
		logs = p.logs.String()
	}
	if p.exited() {
		t.logf("disk full: the bot exited (%v):\n%s", p.exit, tail(logs, 15))
	} else {
		t.logf("disk full: the bot still runs; killing it to restart with room:\n%s", tail(logs, 8))
		p.signal(syscall.SIGKILL)
	}
	return nil
}

// blockChat makes chat block the bot: every send to it refused 403, and,
// when update is set, a my_chat_member update saying so.
func (t *trial) blockChat(chat int64, update bool) {
	t.faults.block(chat)
	t.led.mu.Lock()
	t.led.blockedAt[chat] = time.Now()
	t.led.mu.Unlock()
	t.logf("chat %d blocked the bot (my_chat_member update: %v)", chat, update)
	if !update {
		return
	}
	bot := map[string]any{"id": 777, "is_bot": true, "first_name": "Newshound"}
	t.tg.AddUpdate(map[string]any{"my_chat_member": map[string]any{
		"chat": map[string]any{"id": chat, "type": "private", "first_name": "U"},
		"from": map[string]any{"id": chat, "is_bot": false, "first_name": "U"}, "date": time.Now().Unix(),
		"old_chat_member": map[string]any{"status": "member", "user": bot},
		"new_chat_member": map[string]any{"status": "kicked", "user": bot},
	}})
}

func (t *trial) ballastPath() string { return filepath.Join(t.dir, "ballast") }

// fillDisk writes a ballast file in the trial's folder until its file
// system has only about room bytes free, and returns what is free.
func (t *trial) fillDisk(room int64) (int64, error) {
	var st syscall.Statfs_t
	if err := syscall.Statfs(t.dir, &st); err != nil {
		return 0, fmt.Errorf("disk full: statfs: %w", err)
	}
	free := int64(st.Bavail) * int64(st.Bsize)
	f, err := os.Create(t.ballastPath())
	if err != nil {
		return 0, err
	}
	defer f.Close()
	chunk := make([]byte, 1<<20)
	for left := free - room; left > 0; {
		n := min(left, int64(len(chunk)))
		if _, err := f.Write(chunk[:n]); err != nil {
			break // full a little early: fine
		}
		left -= n
	}
	if err := f.Sync(); err != nil {
		return 0, err
	}
	if err := syscall.Statfs(t.dir, &st); err != nil {
		return 0, err
	}
	return int64(st.Bavail) * int64(st.Bsize), nil
}

// outOfOrder lists the alerts Telegram took in another order than their
// chat's outbox queued them: a chat's alerts recorded as sent, taken by
// outbox id, must carry rising Telegram message ids (the fake numbers the
// messages it takes in order). The sender sends a chat's head message, one
// in flight per chat, so an alert that overtakes one queued before it in
// its chat is a defect.
func (t *trial) outOfOrder() []string {
	rows, err := t.peek.db.Query(`SELECT id, chat_id, message_id FROM outbox WHERE status = 'sent' AND kind = 'alert' AND message_id > 0 ORDER BY id`)
	if err != nil {
		return []string{fmt.Sprintf("order: read the outbox: %v", err)}
	}
	defer rows.Close()
	last := map[int64][2]int64{} // chat → the last row's id and message id
	var out []string
	for rows.Next() {
		var id, chat, msg int64
		if rows.Scan(&id, &chat, &msg) != nil {
			continue
		}
		if prev, ok := last[chat]; ok && msg < prev[1] {
			out = append(out, fmt.Sprintf("chat %d: alert row %d went out as message %d, before row %d (message %d) queued ahead of it", chat, id, msg, prev[0], prev[1]))
		}
		last[chat] = [2]int64{id, msg}
	}
	return out
}
