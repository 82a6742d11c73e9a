package main

import (
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/newshound/newshound/news"
	"github.com/newshound/newshound/store"
)

// After the clock stepped back, the warning about stored times ahead of it
// goes to the configured log (in console mode the log file), not to the
// process's default logger (a raw line on the console's terminal), and
// says how long the messages now wait: store.FutureMargin at most.
func TestClockStepWarningGoesToTheLog(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	db := filepath.Join(dir, "newshound.db")
	now := time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)
	ahead := func() time.Time { return now.Add(6 * time.Hour) }
	if err := createDatabase(ctx, db); err != nil {
		t.Fatal(err)
	}
	st, err := store.Open(ctx, db, ahead)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.EnsureChat(ctx, 7, "private", "", news.ChatDefaults{}); err != nil {
		t.Fatal(err)
	}
	id, err := st.Enqueue(ctx, news.Message{ChatID: 7, Kind: news.KindReply, Priority: news.PriorityReply, Text: "hi"})
	if err != nil {
		t.Fatal(err)
	}
	if err := st.MarkRetry(ctx, id, ahead().Add(2*time.Minute), "502"); err != nil {
		t.Fatal(err)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	cfg := filepath.Join(dir, "newshound.toml")
	if err := os.WriteFile(cfg, []byte(fmt.Sprintf("[storage]\npath = %q\n", db)), 0o600); err != nil {
		t.Fatal(err)
	}
	var raw bytes.Buffer // what reaches the process's default logger: the terminal
	defer slog.SetDefault(slog.Default())
	slog.SetDefault(slog.New(slog.NewTextHandler(&raw, nil)))

	var stderr bytes.Buffer
	m := NewMain(strings.NewReader(""), &bytes.Buffer{}, &stderr, func(string) string { return "" })
	m.Now = func() time.Time { return now }
	if err := m.Run(ctx, cfg); err != nil {
		t.Fatalf("Run: %v", err)
	}
	if strings.Contains(raw.String(), "future") || strings.Contains(stderr.String(), "future") {
		t.Errorf("the warning reached the terminal:\n%s%s", raw.String(), stderr.String())
	}
	logged, err := os.ReadFile(filepath.Join(dir, logFile))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"stored times lay in the future", "messages_waiting=1", "now plus 5m0s"} {
		if !strings.Contains(string(logged), want) {
			t.Errorf("the log lacks %q:\n%s", want, logged)
		}
	}
}
