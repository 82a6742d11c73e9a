package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"time"
)

// twins starts a second bot on the database of a running one, as an
// operator who forgot the service runs might: it must refuse to start (exit
// non-zero, naming the running one's pid) and the first must go on. Then
// the first is killed with SIGKILL and two are started at once, as a
// restart racing a hand-started one: one must run, the other refuse. It
// returns the one that runs (nil when none does), with news published
// meanwhile for the settle to check.
func (t *trial) twins(ctx context.Context, bin string) (*process, error) {
	p, err := t.start(bin, 0)
	if err != nil {
		return nil, err
	}
	if !t.running(ctx, p) {
		return p, fmt.Errorf("twins: the bot did not start:\n%s", tail(p.logs.String(), 20))
	}
	t.publish(t.a, 2, false)
	q, err := t.start(bin, 0)
	if err != nil {
		return nil, err
	}
	t.refused(q, p, "a second bot started beside a running one")
	// The same database by another name: a symbolic link to it.
	link := filepath.Join(t.dir, "link.db")
	linkCfg := filepath.Join(t.dir, "link.toml")
	if err := os.Symlink(t.dbPath, link); err != nil && !os.IsExist(err) {
		return p, err
	}
	if err := writeConfig(linkCfg, t.wire.Endpoint(), link, []*feed{t.a, t.b}, t.o.pageDelay > 0, t.o.maxItems); err != nil {
		return p, err
	}
	if q, err = start(bin, linkCfg, 0, t.logPath, ""); err != nil {
		return p, err
	}
	t.refused(q, p, "a second bot started beside a running one, its storage.path a symbolic link to the database")
	if p.exited() {
		t.failures = append(t.failures, fmt.Sprintf("twins: the running bot ended when a second one started (%v)", p.exit))
	}
	p.signal(syscall.SIGKILL)
	t.publish(t.a, 2, false)
	t.copyOne()
	x, err := t.start(bin, 0)
	if err != nil {
		return nil, err
	}
	y, err := t.start(bin, 0)
	if err != nil {
		return nil, err
	}
	t.logf("twins: two bots started at once after a SIGKILL (pids %d and %d)", x.cmd.Process.Pid, y.cmd.Process.Pid)
	select {
	case <-x.done:
		x, y = y, x
	case <-y.done:
	case <-time.After(30 * time.Second):
		t.failures = append(t.failures, "twins: two bots started at once both ran for 30 s")
		y.signal(syscall.SIGKILL)
	case <-ctx.Done():
		return x, ctx.Err()
	}
	// x runs; y ended.
	if y.exit == nil {
		t.failures = append(t.failures, "twins: the bot refused beside another exited 0 (a service manager would not see the refusal)")
	}
	if x.exited() {
		t.failures = append(t.failures, fmt.Sprintf("twins: neither of two bots started at once runs (%v, %v):\n%s", x.exit, y.exit, tail(x.logs.String(), 10)))
		return nil, nil
	}
	t.logf("twins: pid %d runs; pid %d refused: %s", x.cmd.Process.Pid, y.cmd.Process.Pid, lastLine(y.logs.String()))
	return x, nil
}

// refused waits for q, started beside the running p, to refuse to start:
// to exit non-zero within 30 s, having said which pid holds the database.
func (t *trial) refused(q, p *process, what string) {
	select {
	case <-q.done:
	case <-time.After(30 * time.Second):
		t.failures = append(t.failures, fmt.Sprintf("twins: %s ran for 30 s", what))
		q.signal(syscall.SIGKILL)
		return
	}
	logs := q.logs.String()
	switch {
	case q.exit == nil:
		t.failures = append(t.failures, fmt.Sprintf("twins: %s exited 0", what))
	case !strings.Contains(logs, fmt.Sprint(p.cmd.Process.Pid)):
		t.failures = append(t.failures, fmt.Sprintf("twins: %s did not name the running one's pid %d: %s", what, p.cmd.Process.Pid, lastLine(logs)))
	}
	t.logf("twins: %s exited (%v): %s", what, q.exit, lastLine(logs))
}

func lastLine(s string) string {
	l := strings.Split(strings.TrimRight(s, "\n"), "\n")
	return l[len(l)-1]
}
