package main

import (
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/newshound/newshound/internal/telegramtest"
	"github.com/newshound/newshound/internal/testkit"
)

// getHealthz asks GET http://addr/healthz and returns its status and body.
func getHealthz(t *testing.T, addr string) (int, string) {
	t.Helper()
	client := &http.Client{Timeout: 5 * time.Second}
	defer client.CloseIdleConnections()
	resp, err := client.Get("http://" + addr + "/healthz")
	if err != nil {
		t.Fatalf("GET /healthz: %v", err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, string(body)
}

// While getMe fails at the start, /healthz says with what, as the log does
// (it said only "not connected"), and the log line says how calls leave the
// machine: which proxy variable is set, or that none is.
func TestHealthzSaysWhyGetMeFails(t *testing.T) {
	dir := t.TempDir()
	tg := telegramtest.New(t, testToken)
	tg.Inject(func(c telegramtest.Call) *telegramtest.Reply {
		if c.Method == "getMe" {
			return &telegramtest.Reply{Code: 502, Body: "<html><h1>502 Bad Gateway</h1></html>"}
		}
		return nil
	})
	cfgPath := filepath.Join(dir, "newshound.toml")
	cfg := fmt.Sprintf("[telegram]\ntoken = %q\napi_endpoint = %q\n[storage]\npath = %q\n[metrics]\nlisten = \"127.0.0.1:0\"\n",
		testToken, tg.Endpoint(), filepath.Join(dir, "n.db"))
	if err := os.WriteFile(cfgPath, []byte(cfg), 0o600); err != nil {
		t.Fatal(err)
	}
	logs := runMainEnv(t, cfgPath, map[string]string{"HTTPS_PROXY": "http://user:secret@proxy.example:3128"})
	addrRE := regexp.MustCompile(`msg="serving metrics" addr=(\S+)`)
	var addr, line string
	testkit.WaitWithin(t, "getMe failing, logged", 30*time.Second, func() bool {
		s := logs.String()
		mm := addrRE.FindStringSubmatch(s)
		i := strings.Index(s, "telegram unreachable")
		if mm == nil || i < 0 {
			return false
		}
		line, _, _ = strings.Cut(s[i:], "\n")
		addr = mm[1]
		return true
	})
	code, body := getHealthz(t, addr)
	if code != http.StatusServiceUnavailable || !strings.Contains(body, "getMe has failed since") || !strings.Contains(body, "Bad Gateway") {
		t.Errorf("/healthz while getMe is answered 502 = %d %q, want 503 with getMe's error", code, body)
	}
	// The fake is on http://127.0.0.1, a loopback address, which never goes
	// through a proxy: no proxy to set; HTTPS_PROXY is named as set.
	if !strings.Contains(line, "proxy=") || !strings.Contains(line, "HTTPS_PROXY is set, but 127.0.0.1 is a loopback address") {
		t.Errorf("the telegram unreachable line does not say how calls leave the machine:\n%s", line)
	}
	if strings.Contains(logs.String(), "secret") {
		t.Errorf("the log shows the proxy's password:\n%s", logs)
	}
}

// /healthz, /status and the log agree on since when Telegram fails: one
// clock. A revoked token (401 on every send) counted for /healthz but not
// for /status's delivery line, whose clock was the sender's own.
func TestTelegramFailingSinceIsOneClock(t *testing.T) {
	tg := telegramtest.New(t, testToken)
	tg.Inject(func(c telegramtest.Call) *telegramtest.Reply {
		if c.Method == "sendMessage" && c.Params.Get("chat_id") == "7" {
			return &telegramtest.Reply{Code: 401, Description: "Unauthorized"}
		}
		return nil
	})
	fc := &fakeClock{t: time.Now()}
	a := startApp(t, testConfig{tg: tg, telegram: "admins = [42]\n", rest: "[metrics]\nlisten = \"127.0.0.1:0\"\n"}.String(), fc.Now)
	tg.SendText(7, "private", 7, "/start")
	testkit.WaitFor(t, "the sender failing for chat 7 with a 401", func() bool { return !a.parts.Sender.FailingSince().IsZero() })
	since := a.parts.Sender.FailingSince()
	fc.Advance(telegramGrace + time.Minute)
	code, body := getHealthz(t, a.parts.MetricsAddr)
	if code != http.StatusServiceUnavailable || !strings.Contains(body, "telegram calls have failed since "+since.UTC().Format(time.RFC3339)) || !strings.Contains(body, "Unauthorized") {
		t.Errorf("/healthz with every send refused 401 for %s = %d %q, want 503 since %s with the 401", telegramGrace+time.Minute, code, body, since.UTC().Format(time.RFC3339))
	}
	if want := "failing_since=" + since.Format("2006-01-02T15:04:05"); !strings.Contains(a.logs.String(), want) {
		t.Errorf("the log lacks %s:\n%s", want, a.logs)
	}
	// /status is written before its answer goes, which Telegram accepts
	// (the 401 is for chat 7 only here) and so ends the run.
	tg.SendText(42, "private", 42, "/status")
	if got := tg.WaitSent(t, 42, 1, testkit.WaitTimeout)[0].Text(); !strings.Contains(got, "Telegram calls have failed since "+clock(since, "")) {
		t.Errorf("/status does not say Telegram fails since %s:\n%s", clock(since, ""), got)
	}
}

// A token revoked while the bot runs and nothing is to be sent: only the
// long poll learns it (401 at every getUpdates). /healthz said ok, for it
// counted only the sender's calls: the bot was deaf and called healthy.
func TestHealthzNotReadyWhenThePollIsRefused(t *testing.T) {
	tg := telegramtest.New(t, testToken)
	var revoked atomic.Bool
	tg.Inject(func(c telegramtest.Call) *telegramtest.Reply {
		if c.Method == "getUpdates" && revoked.Load() {
			return &telegramtest.Reply{Code: 401, Description: "Unauthorized"}
		}
		return nil
	})
	fc := &fakeClock{t: time.Now()}
	a := startApp(t, testConfig{tg: tg, rest: "[metrics]\nlisten = \"127.0.0.1:0\"\n"}.String(), fc.Now)
	revoked.Store(true)
	testkit.WaitFor(t, "the poll refused 401", func() bool { return !a.parts.Sender.FailingSince().IsZero() })
	fc.Advance(telegramGrace + time.Minute)
	code, body := getHealthz(t, a.parts.MetricsAddr)
	if code != http.StatusServiceUnavailable || !strings.Contains(body, "getUpdates") || !strings.Contains(body, "Unauthorized") {
		t.Errorf("/healthz with every getUpdates refused 401 = %d %q, want 503 naming getUpdates and the 401", code, body)
	}
}
