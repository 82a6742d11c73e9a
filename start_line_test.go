package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/newshound/newshound/config"
	"github.com/newshound/newshound/internal/telegramtest"
	"github.com/newshound/newshound/news"
)

// The "started" line is what an operator reads first in the journal after
// an upgrade: it names the version that runs, the database it runs on, the
// sources it polls, those added in chat included (it counted the file's
// alone: "sources=0" for a bot polling 300 imported feeds), how updates
// come, and the collector's target in force ([memory], or GOGC and GOMEMLIMIT).
func TestStartedLineSaysVersionDatabaseSourcesAndMode(t *testing.T) {
	tg := telegramtest.New(t, testToken)
	dir := t.TempDir()
	db := filepath.Join(dir, "with space", "news.db")
	if err := os.Mkdir(filepath.Dir(db), 0o755); err != nil {
		t.Fatal(err)
	}
	cfg := testConfig{tg: tg, sources: []testSource{{"Config feed", "http://127.0.0.1:1/config.xml"}}}.String()
	cfgPath := filepath.Join(dir, "newshound.toml")
	if err := os.WriteFile(cfgPath, []byte(strings.ReplaceAll(cfg, "{{db}}", db)), 0o600); err != nil {
		t.Fatal(err)
	}
	start := func(added func(*Parts)) string {
		logs := &syncBuffer{}
		m := NewMain(strings.NewReader(""), &bytes.Buffer{}, logs, func(string) string { return "" })
		ready := make(chan *Parts, 1)
		m.Ready = func(p *Parts) { ready <- p }
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		done := make(chan error, 1)
		go func() { done <- m.Run(ctx, cfgPath) }()
		select {
		case p := <-ready:
			added(p)
		case err := <-done:
			t.Fatalf("Run ended early: %v\n%s", err, logs)
		case <-time.After(10 * time.Second):
			t.Fatalf("not ready after 10s:\n%s", logs)
		}
		cancel()
		if err := <-done; err != nil {
			t.Fatalf("Run: %v", err)
		}
		for _, line := range strings.Split(logs.String(), "\n") {
			if strings.Contains(line, "msg=started") {
				return line
			}
		}
		t.Fatalf("no started line:\n%s", logs)
		return ""
	}
	first := start(func(p *Parts) {
		for _, u := range []string{"http://127.0.0.1:1/a.xml", "http://127.0.0.1:1/b.xml"} {
			if _, err := p.Store.UpsertSource(context.Background(), u, u, news.OriginChat); err != nil {
				t.Fatal(err)
			}
		}
	})
	for _, want := range []string{"version=\"" + versionString() + "\"", "database=\"" + db + "\"", "sources=1 ", "updates=\"long poll\"",
		"gc=\"GOGC=" + strconv.Itoa(config.DefaultGCPercent) + " GOMEMLIMIT=none\""} {
		if !strings.Contains(first, want) {
			t.Errorf("the first start's line lacks %s:\n%s", want, first)
		}
	}
	if second := start(func(*Parts) {}); !strings.Contains(second, "sources=3 ") {
		t.Errorf("restarted with two sources added in chat, the line says:\n%s", second)
	}
}
