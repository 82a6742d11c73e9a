package main

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newshound/newshound/internal/telegramtest"
)

// A configuration that cannot work exited 1 like any failure, and the
// unit's Restart=on-failure started the service again every 5 s, for good,
// each time to the same error in the journal. It exits 78 (EX_CONFIG),
// which the unit does not restart; a failure that may pass (a refused
// start) still exits 1. A damaged database exits 78 too: restarted every
// 5 s, the start re-read the whole file each time, and the restore it
// needs wants the service stopped anyway (README: stop, restore, start).
func TestConfigurationErrorsExit78(t *testing.T) {
	bin := builtBinary(t)
	dir := t.TempDir()
	write := func(name, text string) string { return writeConfig(t, filepath.Join(dir, name), text) }
	damaged := write("damaged.db", strings.Repeat("not a database ", 512))
	for _, c := range []struct {
		name, config string
		env          []string
		want         int
	}{
		{"bad value", "[poller]\nschedule = \"@evry 2m\"\n", nil, exitConfig},
		{"unknown key", "[poller]\nschedul = \"@every 2m\"\n", nil, exitConfig},
		{"no token for a service", "[storage]\npath = \"" + filepath.Join(dir, "n.db") + "\"\n", nil, exitConfig},
		{"token in quotes", "[storage]\npath = \"" + filepath.Join(dir, "q.db") + "\"\n", []string{"NEWSHOUND_TELEGRAM_TOKEN=\"123:abc\""}, exitConfig},
		{"a source's CA file missing", "[storage]\npath = \"" + filepath.Join(dir, "ca.db") + "\"\n[[sources]]\nname = \"x\"\nurl = \"https://intranet.example/rss\"\nca_file = \"" + filepath.Join(dir, "none.pem") + "\"\n", nil, exitConfig},
		{"damaged database", "[storage]\npath = \"" + damaged + "\"\n", []string{"NEWSHOUND_TELEGRAM_TOKEN=123:abc"}, exitConfig},
	} {
		t.Run(c.name, func(t *testing.T) {
			cmd := exec.Command(bin, "-config", write(strings.ReplaceAll(c.name, " ", "-")+".toml", c.config))
			cmd.Env = append([]string{"PATH=" + os.Getenv("PATH"), "HOME=" + dir}, c.env...)
			null, err := os.Open(os.DevNull)
			if err != nil {
				t.Fatal(err)
			}
			defer null.Close()
			cmd.Stdin = null // as under systemd
			if got, out := exitStatusOf(t, cmd); got != c.want {
				t.Errorf("exit status %d, want %d\n%s", got, c.want, out)
			}
		})
	}
	unit, err := os.ReadFile("deploy/newshound.service") // which leaves those stopped
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(unit), "\nRestartPreventExitStatus=78\n") {
		t.Error("deploy/newshound.service restarts a configuration error: no RestartPreventExitStatus=78")
	}
}

// Run's configuration errors are told apart from the rest by exitStatus.
func TestExitStatusOfRun(t *testing.T) {
	dir := t.TempDir()
	cfgPath := filepath.Join(dir, "bad.toml")
	if err := os.WriteFile(cfgPath, []byte("[storage]\nretention = \"1h\"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	err := NewMain(strings.NewReader(""), &bytes.Buffer{}, &bytes.Buffer{}, func(string) string { return "" }).Run(context.Background(), cfgPath)
	if err == nil || exitStatus(err) != exitConfig || !strings.Contains(err.Error(), "storage.retention") {
		t.Errorf("Run = %v (status %d), want storage.retention refused with status %d", err, exitStatus(err), exitConfig)
	}
	tg := telegramtest.New(t, testToken) // refuses any other token with 401
	refused := filepath.Join(dir, "refused.toml")
	if err := os.WriteFile(refused, []byte("[telegram]\ntoken = \"999:refused\"\napi_endpoint = \""+tg.Endpoint()+"\"\n[storage]\npath = \""+filepath.Join(dir, "r.db")+"\"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	err = NewMain(strings.NewReader(""), &bytes.Buffer{}, &bytes.Buffer{}, func(string) string { return "" }).Run(context.Background(), refused)
	if err == nil || exitStatus(err) != exitConfig || !strings.Contains(err.Error(), "401") {
		t.Errorf("a token Telegram refuses: %v (status %d), want status %d", err, exitStatus(err), exitConfig)
	}
	tg.Inject(func(c telegramtest.Call) *telegramtest.Reply {
		if c.Method == "setWebhook" {
			return &telegramtest.Reply{Code: 400, Description: "Bad Request: bad webhook: Failed to resolve host: Name or service not known"}
		}
		return nil
	})
	hook := filepath.Join(dir, "hook.toml")
	if err := os.WriteFile(hook, []byte("[telegram]\ntoken = \""+testToken+"\"\napi_endpoint = \""+tg.Endpoint()+"\"\nwebhook_url = \"https://no-such-host.example/hook\"\nwebhook_listen = \"127.0.0.1:0\"\n[storage]\npath = \""+filepath.Join(dir, "h.db")+"\"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	err = NewMain(strings.NewReader(""), &bytes.Buffer{}, &bytes.Buffer{}, func(string) string { return "" }).Run(context.Background(), hook)
	if err == nil || exitStatus(err) != exitConfig || !strings.Contains(err.Error(), "setWebhook") {
		t.Errorf("a webhook_url Telegram refuses: %v (status %d), want status %d", err, exitStatus(err), exitConfig)
	}
	if got := exitStatus(errors.New("database is locked")); got != 1 {
		t.Errorf("another failure: status %d, want 1", got)
	}
}
