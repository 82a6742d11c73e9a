package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/newshound/newshound/internal/telegramtest"
	"github.com/newshound/newshound/internal/testkit"
	"github.com/newshound/newshound/news"
	"github.com/newshound/newshound/store"
)

// binaryDir holds the binary that binary built; TestMain removes it.
var binaryDir string

// TestMain runs the tests, then removes the binary they built, if any.
func TestMain(m *testing.M) {
	code := m.Run()
	if binaryDir != "" {
		if err := os.RemoveAll(binaryDir); err != nil {
			fmt.Fprintf(os.Stderr, "remove the test binary: %v\n", err)
		}
	}
	os.Exit(code)
}

// binary builds the newshound binary once per test binary and returns its
// path; every test that runs it shares it.
var binary = sync.OnceValues(func() (string, error) {
	dir, err := os.MkdirTemp("", "newshound-bin-")
	if err != nil {
		return "", err
	}
	binaryDir = dir
	path := filepath.Join(dir, "newshound")
	cmd := exec.Command("go", "build", "-tags", "sqlite_fts5", "-o", path, ".")
	if out, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("go build: %v\n%s", err, out)
	}
	return path, nil
})

// process is the binary running against a config.
type process struct {
	cmd  *exec.Cmd
	logs *syncBuffer
	done chan struct{}
	// exit is what Wait returned, set before done closes: killed on
	// purpose, the binary exits with an error the tests expect.
	exit error
}

func startBinary(t *testing.T, bin, cfgPath string) *process {
	t.Helper()
	p := &process{logs: &syncBuffer{}, done: make(chan struct{})}
	p.cmd = exec.Command(bin, "-config", cfgPath)
	p.cmd.Stdout, p.cmd.Stderr = p.logs, p.logs
	p.cmd.Stdin = nil
	if err := p.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() { p.exit = p.cmd.Wait(); close(p.done) }()
	t.Cleanup(p.kill)
	return p
}

// kill sends SIGKILL and waits for the process to be gone.
func (p *process) kill() {
	select {
	case <-p.done:
		return
	default:
	}
	if err := p.cmd.Process.Signal(syscall.SIGKILL); err != nil && !errors.Is(err, os.ErrProcessDone) {
		panic(fmt.Sprintf("kill the binary: %v", err)) // the test's own child: a kill cannot be refused
	}
	<-p.done
}

var crashTitle = regexp.MustCompile(`Crash alert (\d+)-(\d+)<`)

// TestCrashLosesNothing runs the real binary, kills it with SIGKILL while
// 1,000 alerts are being delivered, restarts it and checks that every alert
// arrived, in order within each chat, with no more duplicates than the
// messages in flight at the kill.
func TestCrashLosesNothing(t *testing.T) {
	bin := builtBinary(t)
	// onWire: the sender's default Concurrency (8), times the calls that may
	// await Telegram's answers for each (bot's wireFactor, 8): each to a
	// different chat, so a kill repeats at most one message a chat.
	const chats, perChat, onWire = 50, 20, 8 * 8
	dir := t.TempDir()
	dbPath := filepath.Join(dir, "crash.db")
	seedAlerts(t, dbPath, chats, perChat)

	tg := telegramtest.New(t, testToken)
	tg.Inject(func(c telegramtest.Call) *telegramtest.Reply {
		if c.Method == "sendMessage" {
			return &telegramtest.Reply{Delay: 3 * time.Millisecond} // a little time in flight
		}
		return nil
	})
	cfgPath := filepath.Join(dir, "newshound.toml")
	cfg := fmt.Sprintf(`
[telegram]
token = %q
api_endpoint = %q
poll_timeout = "1s"
global_per_second = 5000.0
chat_per_second = 5000.0
group_per_minute = 300000.0
[storage]
path = %q
[poller]
schedule = "@every 1h"
[alerts]
burst_max = 100000
`, testToken, tg.Endpoint(), dbPath)
	if err := os.WriteFile(cfgPath, []byte(cfg), 0o600); err != nil {
		t.Fatal(err)
	}

	first := startBinary(t, bin, cfgPath)
	testkit.WaitWithin(t, "300 alerts delivered before the kill", 60*time.Second, func() bool { return len(tg.Sent(0)) >= 300 })
	first.kill()
	// Let the fake finish answering what it had: no event tells that its
	// handlers for the killed process's last requests are done.
	time.Sleep(200 * time.Millisecond)
	accepted := len(tg.Sent(0))
	sent := countSent(t, dbPath)
	inFlight := accepted - sent
	t.Logf("at the kill: %d accepted by Telegram, %d recorded as sent, %d in flight", accepted, sent, inFlight)
	if accepted >= chats*perChat {
		t.Fatalf("all %d alerts went out before the kill; the test proves nothing", accepted)
	}
	if inFlight < 0 || inFlight > onWire {
		t.Fatalf("%d messages in flight at the kill, want 0 to %d", inFlight, onWire)
	}

	second := startBinary(t, bin, cfgPath)
	testkit.WaitWithin(t, "every alert delivered after the restart", 60*time.Second, func() bool { return len(tg.Sent(0)) >= chats*perChat+inFlight })
	// Once no row is pending every send has been answered and recorded:
	// nothing more is on the wire, so a message more would be a duplicate.
	testkit.WaitWithin(t, "an outbox with nothing pending", 60*time.Second, func() bool {
		return countRows(t, dbPath, `SELECT count(*) FROM outbox WHERE status = 'pending'`) == 0
	})
	second.kill()
	if n := countPending(t, dbPath); n != 0 {
		t.Errorf("%d messages still pending", n)
	}

	seen := map[[2]int]int{}
	last := map[int]int{}
	for _, c := range tg.Sent(0) {
		m := crashTitle.FindStringSubmatch(c.Text())
		if m == nil {
			t.Fatalf("unexpected message %q", c.Text())
		}
		chat, err := strconv.Atoi(m[1])
		if err != nil {
			t.Fatal(err)
		}
		i, err := strconv.Atoi(m[2])
		if err != nil {
			t.Fatal(err)
		}
		if i < last[chat] {
			t.Errorf("chat %d: alert %d after alert %d", chat, i, last[chat])
		}
		last[chat] = i
		seen[[2]int{chat, i}]++
	}
	dups := 0
	for c := 0; c < chats; c++ {
		for i := 1; i <= perChat; i++ {
			switch n := seen[[2]int{c, i}]; {
			case n == 0:
				t.Errorf("chat %d never got alert %d", c, i)
			case n > 1:
				dups += n - 1
			}
		}
	}
	t.Logf("after the restart: %d messages, %d duplicates", len(tg.Sent(0)), dups)
	if dups > inFlight {
		t.Errorf("%d duplicates, more than the %d messages in flight at the kill", dups, inFlight)
	}
}

// seedAlerts queues perChat alerts for each of chats chats, as the matcher would.
func seedAlerts(t *testing.T, dbPath string, chats, perChat int) {
	t.Helper()
	ctx := context.Background()
	st, err := store.Open(ctx, dbPath, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	src, err := st.UpsertSource(ctx, "Crash Wire", "https://crash.example/rss", "config")
	if err != nil {
		t.Fatal(err)
	}
	var alerts []news.Alert
	for c := 0; c < chats; c++ {
		chatID := int64(5000 + c)
		if _, err := st.EnsureChat(ctx, chatID, "private", "", news.ChatDefaults{Timezone: "UTC"}); err != nil {
			t.Fatal(err)
		}
		sub, _, err := st.CreateSubscription(ctx, chatID, "crash", "crash", 10)
		if err != nil {
			t.Fatal(err)
		}
		var items []news.Article
		for i := 1; i <= perChat; i++ {
			items = append(items, news.Article{GUID: fmt.Sprintf("%d-%d", c, i), URL: fmt.Sprintf("https://crash.example/%d/%d", c, i),
				Title: fmt.Sprintf("Crash alert %04d-%04d", c, i), PublishedAt: time.Now()})
		}
		added, err := st.InsertArticles(ctx, src.ID, items)
		if err != nil {
			t.Fatal(err)
		}
		for _, a := range added {
			alerts = append(alerts, news.Alert{ChatID: chatID, ArticleID: a.ID, SubscriptionID: sub.ID})
		}
	}
	if n, err := st.QueueAlerts(ctx, alerts); err != nil || n != chats*perChat {
		t.Fatalf("queued %d alerts, %v", n, err)
	}
}

func countSent(t *testing.T, dbPath string) int { return outboxCounts(t, dbPath)[news.StatusSent] }

func countPending(t *testing.T, dbPath string) int {
	return outboxCounts(t, dbPath)[news.StatusPending]
}

// outboxCounts opens the database (the binary is not running) and counts
// the outbox rows by status.
func outboxCounts(t *testing.T, dbPath string) map[string]int {
	t.Helper()
	ctx := context.Background()
	st, err := store.Open(ctx, dbPath, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	out := map[string]int{}
	for id := int64(1); ; id++ {
		m, err := st.FindMessage(ctx, id)
		if err != nil {
			return out
		}
		out[m.Status]++
	}
}
