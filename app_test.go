package main

import (
	"context"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/newshound/newshound/config"
	"github.com/newshound/newshound/internal/telegramtest"
	"github.com/newshound/newshound/summarize"
)

func TestSummaryRulesFromConfigApplyPerSource(t *testing.T) {
	cfg := config.Defaults()
	cfg.Summary.Rules = []config.Rule{{Name: "app promo", Pattern: `(?i)^today in the ledger:.*$`, Sources: []string{"The Ledger"}}}
	sum, err := newSummarizer(cfg, slog.New(slog.DiscardHandler), time.Now, func(string) string { return "" })
	if err != nil {
		t.Fatal(err)
	}
	text := "Today in the Ledger: council votes on a flood barrier.\n\nThe council approved the flood barrier on Tuesday after a decade of debate."
	got := sum.Summarize(context.Background(), summarize.Input{Title: "Barrier approved", Text: text, Source: "The Ledger"})
	if strings.Contains(got, "Today in the Ledger") || !strings.Contains(got, "flood barrier") {
		t.Errorf("with the rule's source: %q", got)
	}
	other := sum.Summarize(context.Background(), summarize.Input{Title: "Barrier approved", Text: text, Source: "Another Paper"})
	if !strings.Contains(other, "Today in the Ledger") {
		t.Errorf("the rule should not apply to another source: %q", other)
	}
}

func TestBadSummaryRuleKindIsRefused(t *testing.T) {
	cfg := config.Defaults()
	cfg.Summary.Rules = []config.Rule{{Name: "x", Pattern: "a", Kind: "explode"}}
	if err := cfg.Validate(); err == nil || !strings.Contains(err.Error(), "summary.rules[0].kind") {
		t.Fatalf("err = %v, want one naming summary.rules[0].kind", err)
	}
}

func TestRetentionOffKeepsTheProgramRunning(t *testing.T) {
	tg := telegramtest.New(t, testToken)
	startApp(t, testConfig{tg: tg, storage: "retention = \"0s\"\n"}.String(), time.Now)
	// A part that returned at once would have stopped the rest by now. The
	// sleep stays: nothing observable marks that the retention part has run
	// and chosen to wait rather than return.
	time.Sleep(200 * time.Millisecond)
	tg.SendText(5, "private", 5, "/start")
	tg.WaitSent(t, 5, 1, 5*time.Second)
}
