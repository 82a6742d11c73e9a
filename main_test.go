package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/newshound/newshound/bot"
	"github.com/newshound/newshound/internal/feedtest"
	"github.com/newshound/newshound/internal/telegramtest"
	"github.com/newshound/newshound/internal/testkit"
	"github.com/newshound/newshound/locale"
	"github.com/newshound/newshound/store"
)

const testToken = "123456:TEST-token-never-logged"

// syncBuffer is a bytes.Buffer safe for the logger's concurrent writes.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}
func (s *syncBuffer) String() string { s.mu.Lock(); defer s.mu.Unlock(); return s.b.String() }

// app is a running Main against fakes.
type app struct {
	parts *Parts
	logs  *syncBuffer
	stop  func()
}

// startApp runs Main with the config text ({{db}} is replaced by a database
// path in a temporary directory) and the clock now, and waits until every part runs.
func startApp(t *testing.T, configText string, now func() time.Time) *app {
	t.Helper()
	return startAppIn(t, t.TempDir(), configText, now)
}

// startAppIn is startApp with its config and database in dir: a second
// start in the same dir is a restart on the same database.
func startAppIn(t *testing.T, dir, configText string, now func() time.Time) *app {
	t.Helper()
	cfgPath := filepath.Join(dir, "newshound.toml")
	if err := os.WriteFile(cfgPath, []byte(strings.ReplaceAll(configText, "{{db}}", filepath.Join(dir, "test.db"))), 0o600); err != nil {
		t.Fatal(err)
	}
	logs := &syncBuffer{}
	m := NewMain(strings.NewReader(""), &bytes.Buffer{}, logs, func(string) string { return "" })
	m.Now = now
	ready := make(chan *Parts, 1)
	m.Ready = func(p *Parts) { ready <- p }
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- m.Run(ctx, cfgPath) }()
	a := &app{logs: logs}
	var once sync.Once
	a.stop = func() {
		once.Do(func() {
			cancel()
			select {
			case err := <-done:
				if err != nil {
					t.Errorf("Run: %v", err)
				}
			case <-time.After(10 * time.Second):
				t.Error("Run did not stop within 10s of cancel")
			}
		})
	}
	t.Cleanup(a.stop)
	select {
	case a.parts = <-ready:
	case err := <-done:
		done <- err
		t.Fatalf("Run ended early: %v\nlogs:\n%s", err, logs)
	case <-time.After(10 * time.Second):
		t.Fatalf("Main not ready after 10s; logs:\n%s", logs)
	}
	return a
}

// testConfig is the configuration of an app that talks to the fake
// Telegram tg, keeps its database in a temporary directory and polls hourly
// (tests poll by hand). Its String is the TOML for startApp.
type testConfig struct {
	tg       *telegramtest.Server
	telegram string       // more keys of [telegram]
	storage  string       // more keys of [storage]
	sources  []testSource // [[sources]]
	rest     string       // further sections
}

// testSource is one [[sources]] entry.
type testSource struct{ name, url string }

func (c testConfig) String() string {
	var b strings.Builder
	b.WriteString("[telegram]\ntoken = \"" + testToken + "\"\napi_endpoint = \"" + c.tg.Endpoint() + "\"\npoll_timeout = \"1s\"\n" + c.telegram)
	b.WriteString("\n[storage]\npath = \"{{db}}\"\n" + c.storage)
	b.WriteString("\n[poller]\nschedule = \"@every 1h\"\n")
	for _, s := range c.sources {
		b.WriteString("[[sources]]\nname = \"" + s.name + "\"\nurl = \"" + s.url + "\"\n")
	}
	b.WriteString(c.rest)
	return b.String()
}

// pollOnce runs one poll of every source now and fails the test when it
// fails.
func (a *app) pollOnce(t *testing.T) {
	t.Helper()
	if err := a.parts.Poller.PollOnce(context.Background()); err != nil {
		t.Fatal(err)
	}
}

// waitFetched waits until the store holds n sources, each fetched once, and
// no article of theirs is still pending (summary, story, matching): the
// first poll at start is done, its articles searchable.
func (a *app) waitFetched(t *testing.T, n int) {
	t.Helper()
	ctx := context.Background()
	testkit.WaitFor(t, "the first fetches", func() bool {
		srcs, err := a.parts.Store.ListSources(ctx)
		if err != nil || len(srcs) != n {
			return false
		}
		for _, s := range srcs {
			if s.Fetches != 1 {
				return false
			}
		}
		for _, step := range []string{store.StepText, store.StepLink, store.StepMatch} {
			if arts, err := a.parts.Store.PendingArticles(ctx, step); err != nil || len(arts) > 0 {
				return false
			}
		}
		return true
	})
}

func TestEndToEndSubscribePollAlert(t *testing.T) {
	tg := telegramtest.New(t, testToken)
	feed := feedtest.New(t, "testdata/feeds/world-v1.xml", "application/rss+xml")
	now := func() time.Time { return time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC) }
	a := startApp(t, testConfig{tg: tg, sources: []testSource{{"Example World News", feed.URL + "/world.xml"}}}.String(), now)

	// The first poll (at start) stores the backlog without alerting it.
	a.waitFetched(t, 1)
	// One menu per scope and language: everyone, private chats, group
	// administrators (no operators are configured here), in each language.
	if want := 3 * len(locale.Languages); len(tg.Calls("setMyCommands")) != want {
		t.Errorf("setMyCommands calls = %d, want %d", len(tg.Calls("setMyCommands")), want)
	}

	const chat = 4242
	tg.SendText(chat, "private", 9, "/subscribe kursk deminers")
	replies := tg.WaitSent(t, chat, 1, 5*time.Second)
	if got := replies[0].Text(); !strings.Contains(got, "Subscribed") || !strings.Contains(got, "<code>kursk deminers</code>") {
		t.Fatalf("subscribe reply = %q", got)
	}

	// A poll with nothing new sends nothing and uses the validators (304).
	a.pollOnce(t)
	if _, cond, nm := feed.Counts(); cond == 0 || nm == 0 {
		t.Errorf("conditional requests = %d, 304s = %d; want both > 0", cond, nm)
	}

	// A new matching item arrives: exactly one alert, correct and escaped.
	feed.SetFile(t, "testdata/feeds/world-v2.xml", "application/rss+xml")
	a.pollOnce(t)
	sent := tg.WaitSent(t, chat, 2, 5*time.Second)
	alert := sent[1]
	if alert.Params.Get("parse_mode") != "HTML" {
		t.Errorf("parse_mode = %q, want HTML", alert.Params.Get("parse_mode"))
	}
	for _, want := range []string{
		`<a href="https://news.example.org/world/kursk-deminers?utm_source=rss">`,
		`Deminers clear fields near Kursk &amp; Sudzha as farmers &#34;wait&#34;</a>`,
		"Example World News · 27 Nov 11:30 UTC",
		"Teams of deminers began clearing farmland near Kursk on Friday. The work is expected to take months.",
		"🔔 kursk deminers",
	} {
		if !strings.Contains(alert.Text(), want) {
			t.Errorf("alert lacks %q:\n%s", want, alert.Text())
		}
	}

	// A second poll sends nothing more.
	a.pollOnce(t)
	a.waitOutboxEmpty(t, 5*time.Second)
	waitSenderLooks(t, a.parts.Sender)
	if got := tg.Sent(chat); len(got) != 2 {
		t.Fatalf("messages to chat = %d, want 2 (reply + one alert): %v", len(got), got)
	}
	if len(tg.Sent(0)) != 2 {
		t.Fatalf("messages in all = %d, want 2", len(tg.Sent(0)))
	}
	a.stop()
	if strings.Contains(a.logs.String(), testToken) || strings.Contains(a.logs.String(), "TEST-token") {
		t.Fatalf("the token appears in the logs:\n%s", a.logs)
	}
}

func TestConsoleModeSubscribesAndPrintsAlerts(t *testing.T) {
	feed := feedtest.New(t, "testdata/feeds/world-v1.xml", "application/rss+xml")
	c := startConsole(t, writeConsoleConfig(t, t.TempDir(), feed.URL), time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC), nil)
	out, parts := c.out, c.parts
	ctx := context.Background()
	// The fetch is recorded before its articles are summarized and indexed;
	// the console says when the first fetch is done with all of them.
	testkit.WaitWithin(t, "the first fetch", 15*time.Second, func() bool { return strings.Contains(out.String(), "First fetch done") })
	c.send("/subscribe kursk\n")
	testkit.WaitWithin(t, "the subscribe reply", 5*time.Second, func() bool { return strings.Contains(out.String(), "Subscribed (#1): kursk") })
	if !strings.Contains(out.String(), "it would have matched 1 stored article.") || !strings.Contains(out.String(), "• Kursk region reports new shelling") {
		t.Errorf("the preview should count the stored backlog:\n%s", out)
	}
	feed.SetFile(t, "testdata/feeds/world-v2.xml", "application/rss+xml")
	if err := parts.Poller.PollOnce(ctx); err != nil {
		t.Fatal(err)
	}
	testkit.WaitWithin(t, "the alert", 5*time.Second, func() bool { return strings.Contains(out.String(), "🔔 kursk") })
	if !strings.Contains(out.String(), `Deminers clear fields near Kursk & Sudzha as farmers "wait" (https://news.example.org/world/kursk-deminers?utm_source=rss)`) {
		t.Errorf("the console alert should be plain text with the link:\n%s", out)
	}
	c.stop() // Ctrl-D ends the program
}

func TestSetMyCommandsFailureIsNotFatal(t *testing.T) {
	tg := telegramtest.New(t, testToken)
	tg.Inject(func(c telegramtest.Call) *telegramtest.Reply {
		if c.Method == "setMyCommands" {
			return &telegramtest.Reply{Code: 400, Description: "Bad Request: BOT_COMMANDS_TOO_MUCH"}
		}
		return nil
	})
	a := startApp(t, testConfig{tg: tg}.String(), time.Now)
	tg.SendText(5, "private", 5, "/start")
	tg.WaitSent(t, 5, 1, 5*time.Second)
	if !strings.Contains(a.logs.String(), "could not register the command list") {
		t.Errorf("no warning about setMyCommands in the logs:\n%s", a.logs)
	}
}

// waitSenderLooks wakes the sender and waits until it has twice read the
// outbox and finished what it chose to send: after it, what was not sent is
// not going out.
func waitSenderLooks(t *testing.T, s *bot.Sender) {
	t.Helper()
	for range 2 {
		looked := s.Looked()
		s.Notify()
		testkit.Receive(t, "the sender's look at the outbox", looked)
	}
}

// runMain runs the binary's Main on the configuration at cfgPath, with no
// input and no environment, until the test ends (then it must stop within
// 20 s of its context's end, without error): its log.
func runMain(t *testing.T, cfgPath string) *syncBuffer {
	t.Helper()
	return runMainEnv(t, cfgPath, nil)
}

// runMainEnv is runMain with the environment variables env (nil: none).
func runMainEnv(t *testing.T, cfgPath string, env map[string]string) *syncBuffer {
	t.Helper()
	logs := &syncBuffer{}
	m := NewMain(strings.NewReader(""), &bytes.Buffer{}, logs, func(k string) string { return env[k] })
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- m.Run(ctx, cfgPath) }()
	t.Cleanup(func() {
		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("Run = %v", err)
			}
		case <-time.After(20 * time.Second):
			t.Error("Run did not stop within 20 s of cancel")
		}
	})
	return logs
}
