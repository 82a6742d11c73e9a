package main

import (
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/newshound/newshound/internal/telegramtest"
	"github.com/newshound/newshound/internal/testkit"
)

// /metrics and /healthz are served while Telegram is unreachable at the
// start (they were only once getMe had answered): /healthz answers 503 and
// says why, /metrics answers.
func TestMetricsServedWhileTelegramIsUnreachableAtStart(t *testing.T) {
	dir := t.TempDir()
	tg := telegramtest.New(t, testToken)
	tg.Inject(func(telegramtest.Call) *telegramtest.Reply { return &telegramtest.Reply{Hangup: true} })
	cfgPath := filepath.Join(dir, "newshound.toml")
	cfg := fmt.Sprintf("[telegram]\ntoken = %q\napi_endpoint = %q\n[storage]\npath = %q\n[metrics]\nlisten = \"127.0.0.1:0\"\n",
		testToken, tg.Endpoint(), filepath.Join(dir, "n.db"))
	if err := os.WriteFile(cfgPath, []byte(cfg), 0o600); err != nil {
		t.Fatal(err)
	}
	logs := runMain(t, cfgPath)
	addrRE := regexp.MustCompile(`msg="serving metrics" addr=(\S+)`)
	var addr string
	testkit.WaitWithin(t, "the metrics served while Telegram is unreachable", 30*time.Second, func() bool {
		s := logs.String()
		if mm := addrRE.FindStringSubmatch(s); mm != nil && strings.Contains(s, "telegram unreachable") {
			addr = mm[1]
			return true
		}
		return false
	})
	client := &http.Client{Timeout: 5 * time.Second}
	defer client.CloseIdleConnections()
	get := func(path string) (int, string) {
		t.Helper()
		resp, err := client.Get("http://" + addr + path)
		if err != nil {
			t.Fatalf("GET %s: %v", path, err)
		}
		defer resp.Body.Close()
		body, err := io.ReadAll(resp.Body)
		if err != nil {
			t.Fatal(err)
		}
		return resp.StatusCode, string(body)
	}
	if code, body := get("/healthz"); code != http.StatusServiceUnavailable || !strings.Contains(body, "not connected to telegram") {
		t.Errorf("/healthz while Telegram is unreachable = %d %q, want 503 saying it is not connected", code, body)
	}
	if code, body := get("/metrics"); code != http.StatusOK || !strings.Contains(body, "newshound_") {
		t.Errorf("/metrics while Telegram is unreachable = %d %q", code, body)
	}
}
