package main

import (
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/newshound/newshound/internal/telegramtest"
)

// The image is scratch: no shell, no curl, so compose.yaml had its
// healthcheck disabled and `docker ps` never said a bot was unhealthy.
// `newshound healthcheck` asks /healthz itself, for HEALTHCHECK.
func TestHealthcheckAsksTheRunningBot(t *testing.T) {
	tg := telegramtest.New(t, testToken)
	listen := freeAddr(t)
	_, port, _ := strings.Cut(listen, ":")
	cfgText := testConfig{tg: tg, rest: "[metrics]\nlisten = \":" + port + "\"\n"}.String() // as the image's: no host
	a := startApp(t, cfgText, time.Now)
	cfgPath := filepath.Join(t.TempDir(), "newshound.toml")
	if err := os.WriteFile(cfgPath, []byte(strings.ReplaceAll(cfgText, "{{db}}", "unused.db")), 0o600); err != nil {
		t.Fatal(err)
	}
	getenv := func(string) string { return "" }
	var out bytes.Buffer
	if err := runHealthcheck(context.Background(), []string{"-config", cfgPath}, getenv, &out); err != nil || strings.TrimSpace(out.String()) != "ok" {
		t.Fatalf("healthcheck of a running bot = %v, %q; want nil, ok", err, out.String())
	}
	a.stop()
	err := runHealthcheck(context.Background(), []string{"-config", cfgPath}, getenv, &out)
	if err == nil || exitStatus(err) != 1 || !strings.Contains(err.Error(), "is the bot running") {
		t.Errorf("healthcheck of a stopped bot = %v (status %d), want status 1 saying nothing answers", err, exitStatus(err))
	}

	off := filepath.Join(t.TempDir(), "off.toml")
	if err := os.WriteFile(off, []byte("[storage]\npath = \"x.db\"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	err = runHealthcheck(context.Background(), []string{"-config", off}, getenv, &out)
	if err == nil || exitStatus(err) != exitConfig || !strings.Contains(err.Error(), "metrics.listen") {
		t.Errorf("healthcheck without metrics.listen = %v (status %d), want status %d naming metrics.listen", err, exitStatus(err), exitConfig)
	}
}

// The container's healthcheck is the binary's own (compose.yaml and the
// Dockerfile), with the image's configuration.
func TestContainerHasAHealthcheck(t *testing.T) {
	for file, want := range map[string]string{
		"Dockerfile":                   `HEALTHCHECK --interval=30s --timeout=15s --start-period=2m --retries=3 CMD ["/newshound", "healthcheck", "-config", "/config/newshound.toml"]`,
		"compose.yaml":                 `test: ["CMD", "/newshound", "healthcheck", "-config", "/config/newshound.toml"]`,
		"scripts/image-from-static.sh": `HEALTHCHECK --interval=30s --timeout=15s --start-period=2m --retries=3 CMD ["/newshound", "healthcheck", "-config", "/config/newshound.toml"]`,
	} {
		b, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(b), want) {
			t.Errorf("%s lacks %s", file, want)
		}
		if strings.Contains(string(b), "disable: true") {
			t.Errorf("%s disables the healthcheck", file)
		}
	}
}

// `newshound healthcheck` without -config read the built-in defaults, in
// which metrics.listen is off, and said to set metrics.listen, which the
// operator's file already did. It says to give the bot's configuration.
func TestHealthcheckWithoutConfigAsksForIt(t *testing.T) {
	err := runHealthcheck(context.Background(), nil, func(string) string { return "" }, &bytes.Buffer{})
	if err == nil || !strings.Contains(err.Error(), "no -config") || !strings.Contains(err.Error(), "newshound healthcheck -config") {
		t.Errorf("healthcheck without -config = %v; want it to ask for the bot's configuration", err)
	}
}

// metrics.listen on a port another program answers (Prometheus, Cockpit,
// anything on 9090): its 404 page was printed whole as the bot's reason.
// Newshound answers 200 or 503; anything else is named another program's,
// with the fix, and its page is not printed.
func TestHealthcheckOfAnotherProgramSaysSo(t *testing.T) {
	other := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "<html><h1>Prometheus Time Series Collection</h1></html>", http.StatusNotFound)
	}))
	defer other.Close()
	addr := strings.TrimPrefix(other.URL, "http://")
	cfgPath := filepath.Join(t.TempDir(), "newshound.toml")
	if err := os.WriteFile(cfgPath, []byte("[metrics]\nlisten = \""+addr+"\"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	err := runHealthcheck(context.Background(), []string{"-config", cfgPath}, func(string) string { return "" }, &bytes.Buffer{})
	for _, want := range []string{"404", "another program answers at metrics.listen " + addr, "ss -ltnp"} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("healthcheck = %v, want %q", err, want)
		}
	}
	if err != nil && strings.Contains(err.Error(), "<html>") {
		t.Errorf("healthcheck = %v, prints the other program's page", err)
	}
	if exitStatus(err) != 1 {
		t.Errorf("exit status %d, want 1 (unhealthy)", exitStatus(err))
	}
}
