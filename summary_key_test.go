package main

import (
	"context"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/newshound/newshound/config"
	"github.com/newshound/newshound/summarize"
)

// summary.backend "openai" with its key set in the shell but not in the
// service's environment: every summary fell back to the extractive one
// and only a throttled "summary backend failed" said anything. The start
// says the key's variable is empty and where to set it. A key read from an
// env file with a Windows line end is sent without it (Go refuses a header
// holding \r, and every request failed).
func TestOpenAIKeyFromTheEnvironment(t *testing.T) {
	var mu sync.Mutex
	var auth []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		auth = append(auth, r.Header.Get("Authorization"))
		mu.Unlock()
		w.Header().Set("Content-Type", "application/json")
		w.Write([]byte(`{"choices":[{"message":{"role":"assistant","content":"The council approved the barrier."}}]}`))
	}))
	t.Cleanup(srv.Close)
	cfg := config.Defaults()
	cfg.Summary.Backend, cfg.Summary.Endpoint, cfg.Summary.Model = "openai", srv.URL+"/v1", "m"
	summarise := func(env string) (string, string) {
		var logs syncBuffer
		sum, err := newSummarizer(cfg, slog.New(slog.NewTextHandler(&logs, nil)), time.Now, func(k string) string {
			if k == cfg.Summary.APIKeyEnv {
				return env
			}
			return ""
		})
		if err != nil {
			t.Fatal(err)
		}
		got := sum.Summarize(context.Background(), summarize.Input{Title: "Barrier approved", Source: "The Ledger",
			Text: "The council approved the flood barrier on Tuesday after a decade of debate. Work starts in spring."})
		return got, logs.String()
	}
	_, logged := summarise("")
	if !strings.Contains(logged, "api_key_env=NEWSHOUND_SUMMARY_API_KEY") || !strings.Contains(logged, "/etc/newshound/env") {
		t.Errorf("an empty key is not told at start:\n%s", logged)
	}
	got, logged := summarise("sk-test-key\r\n")
	if strings.Contains(logged, "api_key_env") {
		t.Errorf("a key that is set is told empty:\n%s", logged)
	}
	mu.Lock()
	defer mu.Unlock()
	if len(auth) == 0 || auth[len(auth)-1] != "Bearer sk-test-key" || got != "The council approved the barrier." {
		t.Errorf("with an env file's line end: Authorization %q, summary %q; want the key sent and the backend's summary", auth, got)
	}
}
