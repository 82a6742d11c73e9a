package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"sync"
	"syscall"
	"time"
)

// process is one run of the newshound binary.
type process struct {
	cmd  *exec.Cmd
	logs *logBuffer
	done chan struct{}
	exit error
	// traced: cmd is strace running the bot; signals go to the bot, its
	// child.
	traced bool
}

// logBuffer keeps what the binary wrote, for the report of a failed run.
type logBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *logBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *logBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// start runs bin with the config; fileLimit > 0 runs it under
// `ulimit -f fileLimit` (KiB), as a full disk would stop its writes.
func start(bin, cfgPath string, fileLimit int64, logPath, syncTrace string) (*process, error) {
	p := &process{logs: &logBuffer{}, done: make(chan struct{})}
	if fileLimit > 0 {
		p.cmd = exec.Command("bash", "-c", fmt.Sprintf("ulimit -f %d && exec %q -config %q", fileLimit, bin, cfgPath))
	} else if syncTrace != "" {
		// Under strace, writing down when each thread writes and syncs
		// which file: what a power cut keeps (see walWatch).
		p.cmd = exec.Command("strace", "-f", "--seccomp-bpf", "-qq", "-y", "-ttt", "-s", "0", "-e", "trace=pwrite64,fsync,fdatasync", "-e", "signal=none", "-o", syncTrace, bin, "-config", cfgPath)
		p.traced = true
	} else {
		p.cmd = exec.Command(bin, "-config", cfgPath)
	}
	p.cmd.Stdout, p.cmd.Stderr = p.logs, p.logs
	if err := p.cmd.Start(); err != nil {
		return nil, fmt.Errorf("start %s: %w", bin, err)
	}
	go func() {
		p.exit = p.cmd.Wait()
		if logPath != "" {
			appendLog(logPath, p)
		}
		close(p.done)
	}()
	return p, nil
}

// appendLog adds a run's output to the trial's log file.
func appendLog(path string, p *process) {
	f, err := os.OpenFile(path, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o600)
	if err != nil {
		return
	}
	defer f.Close()
	fmt.Fprintf(f, "=== pid %d exit %v\n%s", p.cmd.Process.Pid, p.exit, p.logs.String())
}

// signal sends sig and waits for the process to be gone.
func (p *process) signal(sig syscall.Signal) {
	select {
	case <-p.done:
		return
	default:
	}
	target := p.cmd.Process
	if p.traced {
		if pid := p.child(); pid > 0 {
			target, _ = os.FindProcess(pid)
		}
	}
	if err := target.Signal(sig); err != nil && !errors.Is(err, os.ErrProcessDone) {
		panic(fmt.Sprintf("signal the binary: %v", err)) // our own child
	}
	select {
	case <-p.done:
	case <-time.After(60 * time.Second):
		_ = p.cmd.Process.Kill()
		<-p.done
	}
}

// child returns the pid of the bot strace runs (0 when there is none yet).
func (p *process) child() int {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/task/%d/children", p.cmd.Process.Pid, p.cmd.Process.Pid))
	if err != nil {
		return 0
	}
	var pid int
	fmt.Sscan(string(b), &pid)
	return pid
}

// exited reports whether the process is gone.
func (p *process) exited() bool {
	select {
	case <-p.done:
		return true
	default:
		return false
	}
}

// writeConfig writes the bot's config: the fake Telegram, the database, the
// two feeds polled every 2 s, default sending rates and burst size, and a
// digest sent even on an empty day (so each chat expects exactly one);
// pages: the article pages are fetched for full text; maxItems > 0 sets
// poller.max_items.
func writeConfig(path, endpoint, dbPath string, feeds []*feed, pages bool, maxItems int) error {
	var b bytes.Buffer
	fmt.Fprintf(&b, "[telegram]\ntoken = %q\napi_endpoint = %q\npoll_timeout = \"1s\"\nadmins = [1001]\n", token, endpoint)
	if pages {
		fmt.Fprintf(&b, "allow_private_urls = true\n[summary]\nfetch_full_text = true\n")
	}
	fmt.Fprintf(&b, "[storage]\npath = %q\n", dbPath)
	fmt.Fprintf(&b, "[poller]\nschedule = \"@every 2s\"\nhost_gap = \"0s\"\ntimeout = \"5s\"\n")
	if maxItems > 0 {
		fmt.Fprintf(&b, "max_items = %d\n", maxItems)
	}
	fmt.Fprintf(&b, "[digest]\nsend_empty = true\n")
	fmt.Fprintf(&b, "[log]\nlevel = \"debug\"\n")
	for _, f := range feeds {
		fmt.Fprintf(&b, "[[sources]]\nname = %q\nurl = %q\n", f.name, f.URL+"/rss")
	}
	return os.WriteFile(path, b.Bytes(), 0o600)
}
