package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/newshound/newshound/internal/telegramtest"
	"github.com/newshound/newshound/store"
)

// watchedOutput collects a process's output and wakes waiters on each write.
type watchedOutput struct {
	mu      sync.Mutex
	b       bytes.Buffer
	changed chan struct{}
}

func newWatchedOutput() *watchedOutput { return &watchedOutput{changed: make(chan struct{})} }

func (w *watchedOutput) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	n, err := w.b.Write(p)
	close(w.changed)
	w.changed = make(chan struct{})
	return n, err
}

func (w *watchedOutput) String() string { w.mu.Lock(); defer w.mu.Unlock(); return w.b.String() }

// waitText waits, on output events, until the output holds want; it fails the
// test after timeout.
func (w *watchedOutput) waitText(t *testing.T, want string, timeout time.Duration) {
	t.Helper()
	deadline := time.After(timeout)
	for {
		w.mu.Lock()
		has, changed := strings.Contains(w.b.String(), want), w.changed
		w.mu.Unlock()
		if has {
			return
		}
		select {
		case <-changed:
		case <-deadline:
			t.Fatalf("no %q within %s; output:\n%s", want, timeout, w.String())
		}
	}
}

// runBinary starts the built binary with args, its own environment env,
// stdin from a pipe, stdout and stderr into out.
func runBinary(t *testing.T, env []string, args ...string) (*exec.Cmd, io.WriteCloser, *watchedOutput) {
	t.Helper()
	bin, err := binary()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, args...)
	cmd.Env = append([]string{"PATH=" + os.Getenv("PATH"), "HOME=" + t.TempDir(), "TMPDIR=" + t.TempDir()}, env...)
	out := newWatchedOutput()
	cmd.Stdout, cmd.Stderr = out, out
	in, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	var exit error
	go func() { exit = cmd.Wait(); close(done) }()
	t.Cleanup(func() {
		in.Close()
		select {
		case <-done:
		case <-time.After(5 * time.Second):
			if err := cmd.Process.Kill(); err != nil && !errors.Is(err, os.ErrProcessDone) {
				t.Errorf("kill the binary: %v", err)
			}
			<-done
		}
		if exit != nil {
			t.Logf("the binary exited with %v", exit)
		}
	})
	return cmd, in, out
}

// TestDemoAlertsWithinTenSeconds is a stranger's first minute: the binary with
// -demo and no configuration, /subscribe, and an alert in the console.
func TestDemoAlertsWithinTenSeconds(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the binary")
	}
	_, in, out := runBinary(t, nil, "-demo")
	out.waitText(t, "Try: /subscribe meridian", 30*time.Second) // the first build may take a while
	if _, err := io.WriteString(in, "/subscribe meridian\n"); err != nil {
		t.Fatal(err)
	}
	out.waitText(t, "✅ Subscribed", 10*time.Second)
	start := time.Now()
	out.waitText(t, "🔔 meridian", 10*time.Second)
	t.Logf("first alert %s after subscribing", time.Since(start).Round(time.Millisecond))
	if _, err := io.WriteString(in, "/status\n"); err != nil {
		t.Fatal(err)
	}
	out.waitText(t, "Next fetch at", 10*time.Second)
	if s := out.String(); strings.Contains(s, "level=") || strings.Contains(s, "msg=") {
		t.Errorf("log lines in the console conversation:\n%s", s)
	}
	if s := out.String(); strings.Contains(s, "doubtful settings") { // its poll every 3s is its own choice
		t.Errorf("the demo warns of its own configuration:\n%s", s)
	}
}

func TestVersionFlag(t *testing.T) {
	bin := builtBinary(t)
	got, err := exec.Command(bin, "-version").CombinedOutput()
	if err != nil {
		t.Fatalf("-version: %v\n%s", err, got)
	}
	if !strings.HasPrefix(string(got), "newshound ") || !strings.Contains(string(got), "commit ") || !strings.Contains(string(got), "built ") {
		t.Errorf("-version printed %q, want the version, commit and build date", got)
	}
	if s := versionString(); !strings.Contains(s, "commit ") {
		t.Errorf("versionString() = %q", s)
	}
}

// TestStartupErrorsNameTheFix checks the message of every start-up failure
// that comes from the configuration or the machine.
func TestStartupErrorsNameTheFix(t *testing.T) {
	dir := t.TempDir()
	aFile := filepath.Join(dir, "a-file")
	if err := os.WriteFile(aFile, []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	taken, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer taken.Close()
	tg := telegramtest.New(t, testToken)
	db := func(p string) string { return "[storage]\npath = " + fmt.Sprintf("%q", p) + "\n" }
	tests := []struct {
		name   string
		config string // "" = no file at all
		path   string // the -config path, when config is ""
		want   []string
	}{
		{"missing config file", "", filepath.Join(dir, "nope.toml"), []string{"read config", "nope.toml"}},
		{"bad TOML", "[telegram\n", "", []string{"parse config"}},
		{"unknown key", "[poller]\nschedul = \"@every 2m\"\n", "", []string{"unknown key poller.schedul"}},
		{"bad value", "[poller]\nschedule = \"@evry 2m\"\n", "", []string{"poller.schedule", "@evry 2m"}},
		{"missing database folder", db(filepath.Join(dir, "missing", "news.db")), "", []string{"storage.path", filepath.Join(dir, "missing"), "does not exist", "mkdir -p"}},
		{"database folder is a file", db(filepath.Join(aFile, "news.db")), "", []string{"storage.path", aFile, "not a folder"}},
		{"bad summary rule", db(filepath.Join(dir, "rule.db")) + "[[summary.rules]]\nname = \"x\"\npattern = \"(\"\n", "", []string{"summary.rules"}},
		{"a source's CA file missing", db(filepath.Join(dir, "ca.db")) + "[[sources]]\nname = \"Intranet\"\nurl = \"https://intranet.example/rss\"\nca_file = \"" + filepath.Join(dir, "myca.pem") + "\"\n", "",
			[]string{"sources[0].ca_file", "Intranet", "myca.pem", "no such file"}},
		{"bad metrics address", db(filepath.Join(dir, "metrics.db")) + "[metrics]\nlisten = \"256.0.0.1:bad\"\n", "", []string{"metrics.listen", "host:port"}},
		{"metrics port taken", db(filepath.Join(dir, "taken.db")) + "[metrics]\nlisten = \"" + taken.Addr().String() + "\"\n", "", []string{"metrics.listen", taken.Addr().String(), "pick another"}},
		{"webhook port taken", db(filepath.Join(dir, "hook.db")) + "[telegram]\ntoken = \"" + testToken + "\"\napi_endpoint = \"" + tg.Endpoint() +
			"\"\nwebhook_url = \"http://127.0.0.1:1/hook\"\nwebhook_listen = \"" + taken.Addr().String() + "\"\n", "",
			[]string{"telegram.webhook_listen", taken.Addr().String(), "pick another"}},
	}
	if f, err := os.CreateTemp("/proc", "x"); err == nil { // /proc takes no files, even from root
		f.Close()
		if err := os.Remove(f.Name()); err != nil {
			t.Fatal(err)
		}
	} else {
		tests = append(tests, struct {
			name, config, path string
			want               []string
		}{"database folder not writable", db("/proc/news.db"), "", []string{"storage.path", "/proc", "takes no new files", "set storage.path to a file in a folder on a disk"}})
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := tt.path
			if tt.config != "" {
				path = filepath.Join(t.TempDir(), "newshound.toml")
				if err := os.WriteFile(path, []byte(tt.config), 0o600); err != nil {
					t.Fatal(err)
				}
			}
			m := NewMain(strings.NewReader(""), io.Discard, io.Discard, func(string) string { return "" })
			err := m.Run(context.Background(), path)
			if err == nil {
				t.Fatal("Run succeeded")
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not say %q", err, w)
				}
			}
		})
	}
}

// growingFeed serves an RSS feed that gains an item at each request.
func growingFeed(t *testing.T) *httptest.Server {
	var n atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		k := n.Add(1)
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Growing</title>`)
		for i := int64(1); i <= k+2; i++ {
			fmt.Fprintf(w, `<item><title>Story %d</title><link>http://x.example/%d</link><guid>g%d</guid><pubDate>%s</pubDate></item>`,
				i, i, i, time.Now().Format(time.RFC1123Z))
		}
		fmt.Fprint(w, `</channel></rss>`)
	}))
	t.Cleanup(srv.Close)
	return srv
}

// TestBackupCommandWhileRunning runs the bot (console mode, polling every
// second) and `newshound backup` on its database meanwhile: the copy opens
// and holds the stored articles.
func TestBackupCommandWhileRunning(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the binary")
	}
	dir := t.TempDir()
	feed := growingFeed(t)
	cfgPath := filepath.Join(dir, "newshound.toml")
	cfg := fmt.Sprintf("[storage]\npath = %q\n[poller]\nschedule = \"@every 1s\"\n[[sources]]\nname = \"Growing\"\nurl = %q\n",
		filepath.Join(dir, "live.db"), feed.URL+"/feed.xml")
	if err := os.WriteFile(cfgPath, []byte(cfg), 0o600); err != nil {
		t.Fatal(err)
	}
	_, _, out := runBinary(t, nil, "-config", cfgPath)
	out.waitText(t, "First fetch done", 30*time.Second)
	bin, err := binary()
	if err != nil {
		t.Fatal(err)
	}
	for i := range 2 {
		dest := filepath.Join(dir, fmt.Sprintf("copy%d.db", i))
		got, err := exec.Command(bin, "backup", "-config", cfgPath, dest).CombinedOutput()
		if err != nil || !strings.Contains(string(got), "copied") {
			t.Fatalf("backup: %v\n%s", err, got)
		}
		st, err := store.Open(context.Background(), dest, nil)
		if err != nil {
			t.Fatalf("open the copy: %v", err)
		}
		srcs, err := st.ListSources(context.Background())
		st.Close()
		if err != nil || len(srcs) != 1 || srcs[0].Fetches == 0 {
			t.Fatalf("the copy's sources: %+v, %v", srcs, err)
		}
	}
	// The second backup of a day by the README's newshound-$(date +%F).db
	// meets an existing file: the refusal names a free name to give (it
	// named storage.path, which is not what to change).
	got, err := exec.Command(bin, "backup", "-config", cfgPath, filepath.Join(dir, "copy0.db")).CombinedOutput()
	if err == nil || !strings.Contains(string(got), "already exists") || strings.Contains(string(got), "storage.path") ||
		!strings.Contains(string(got), "such as "+filepath.Join(dir, "copy0-2.db")) {
		t.Errorf("backup over an existing file: %v\n%s", err, got)
	}
	got, err = exec.Command(bin, "backup").CombinedOutput()
	if err == nil || !strings.Contains(string(got), "usage: newshound backup") {
		t.Errorf("backup without a destination: %v\n%s", err, got)
	}
	logData, err := os.ReadFile(filepath.Join(dir, "newshound.log"))
	if err != nil {
		t.Fatalf("console mode wrote no newshound.log beside the database: %v", err)
	}
	if !bytes.Contains(logData, []byte("level=")) && len(logData) == 0 {
		t.Logf("log file is empty")
	}
}

// TestTelegramThroughProxy starts the binary with HTTP_PROXY set: every
// Telegram call goes through the proxy.
func TestTelegramThroughProxy(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the binary")
	}
	tg := telegramtest.New(t, testToken)
	target, err := url.Parse(tg.URL)
	if err != nil {
		t.Fatal(err)
	}
	var proxied atomic.Int64
	rp := httputil.NewSingleHostReverseProxy(target)
	rp.ErrorLog = log.New(io.Discard, "", 0) // the long poll cut at the end is no news
	proxy := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Host == "api.telegram.test" { // an absolute URI: asked as a proxy
			proxied.Add(1)
		}
		r.Host = target.Host
		rp.ServeHTTP(w, r)
	}))
	t.Cleanup(proxy.Close)
	dir := t.TempDir()
	cfgPath := filepath.Join(dir, "newshound.toml")
	cfg := fmt.Sprintf("[telegram]\napi_endpoint = \"http://api.telegram.test/bot%%s/%%s\"\npoll_timeout = \"1s\"\n[storage]\npath = %q\n[poller]\nschedule = \"@every 1h\"\n",
		filepath.Join(dir, "p.db"))
	if err := os.WriteFile(cfgPath, []byte(cfg), 0o600); err != nil {
		t.Fatal(err)
	}
	runBinary(t, []string{"NEWSHOUND_TELEGRAM_TOKEN=" + testToken, "HTTP_PROXY=" + proxy.URL, "HTTPS_PROXY=" + proxy.URL}, "-config", cfgPath)
	tg.SendText(5, "private", 5, "/id")
	sent := tg.WaitSent(t, 5, 1, 30*time.Second)
	if !strings.Contains(sent[0].Text(), "Your user id: <code>5</code>") {
		t.Errorf("/id through the proxy → %q", sent[0].Text())
	}
	if proxied.Load() == 0 {
		t.Error("no Telegram call went through HTTP_PROXY")
	}
}

// TestWrongTokenNamesTheFix runs the binary with a token the fake Telegram
// refuses: it stops with a message naming the variable, the key and @BotFather.
func TestWrongTokenNamesTheFix(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the binary")
	}
	tg := telegramtest.New(t, testToken)
	dir := t.TempDir()
	cfgPath := filepath.Join(dir, "newshound.toml")
	cfg := fmt.Sprintf("[telegram]\napi_endpoint = %q\n[storage]\npath = %q\n", tg.Endpoint(), filepath.Join(dir, "t.db"))
	if err := os.WriteFile(cfgPath, []byte(cfg), 0o600); err != nil {
		t.Fatal(err)
	}
	_, _, out := runBinary(t, []string{"NEWSHOUND_TELEGRAM_TOKEN=1:WRONG"}, "-config", cfgPath)
	out.waitText(t, "@BotFather", 30*time.Second)
	for _, want := range []string{"NEWSHOUND_TELEGRAM_TOKEN", "telegram.token"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("the wrong-token message does not name %s:\n%s", want, out)
		}
	}
}

// TestArgumentsAreRefused: a word after the flags (a configuration file
// named without -config, a flag after it), or -demo with -config, stops
// the start with what to write, instead of ignoring what was given.
func TestArgumentsAreRefused(t *testing.T) {
	if err := argsError(nil, false, "newshound.toml"); err != nil {
		t.Fatalf("no arguments: %v", err)
	}
	if err := argsError(nil, true, ""); err != nil {
		t.Fatalf("-demo alone: %v", err)
	}
	if err := argsError(nil, true, "x.toml"); err == nil || !strings.Contains(err.Error(), "drop -config x.toml") {
		t.Errorf("-demo -config x.toml: %v, want it refused", err)
	}
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"newshound.toml"}, "-config newshound.toml"},
		{[]string{"start"}, `unexpected argument "start"`},
		{[]string{"x.toml", "-demo"}, "flags go before"},
		// The maintenance commands' flags come after their name: the
		// refusal said "flags go before other words", which they were.
		{[]string{"backup", "copy.db"}, "newshound backup -config FILE copy.db"},
		{[]string{"version"}, "newshound -version"},
		{[]string{"help"}, "newshound -h"},
	}
	for _, tt := range tests {
		if err := argsError(tt.args, false, ""); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("argsError(%q) = %v, want %q in it", tt.args, err, tt.want)
		}
	}
}

// TestHelpNamesTheCommandsAndTheToken: -help says how to run the bot, its
// backup and vacuum commands and where the token comes from, not only the
// flags.
func TestHelpNamesTheCommandsAndTheToken(t *testing.T) {
	fs := flag.NewFlagSet("newshound", flag.ContinueOnError)
	var out strings.Builder
	fs.SetOutput(&out)
	fs.String("config", "", "path to the TOML configuration")
	usage(fs)()
	for _, want := range []string{"newshound [-config FILE]", "newshound backup [-config FILE] DEST", "newshound vacuum", "NEWSHOUND_TELEGRAM_TOKEN", "NEWSHOUND_WEBHOOK_SECRET", "SIGHUP", "78 a configuration error", "console", "-config string"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("-help lacks %q:\n%s", want, out.String())
		}
	}
}

// TestSubcommandHelpIsNoFailure: backup -h and vacuum -h print their usage
// and return flag.ErrHelp, which main takes for success (exit 0, no
// "flag: help requested" line).
func TestSubcommandHelpIsNoFailure(t *testing.T) {
	for name, run := range map[string]func(context.Context, []string, func(string) string, io.Writer) error{"backup": runBackup, "vacuum": runVacuum} {
		var out strings.Builder
		err := run(context.Background(), []string{"-h"}, func(string) string { return "" }, &out)
		if !errors.Is(err, flag.ErrHelp) || !strings.Contains(out.String(), "usage: newshound "+name) {
			t.Errorf("%s -h: %v, printed %q; want flag.ErrHelp and the usage", name, err, out.String())
		}
	}
}
