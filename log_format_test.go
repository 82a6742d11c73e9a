package main

import (
	"bytes"
	"encoding/json"
	"testing"
	"time"

	"github.com/newshound/newshound/config"
)

// The container's log format is JSON: durations (retry_in, next_in, took)
// read as the text format writes them, "1m0s", not as nanoseconds
// (60000000000), which no reader of a log takes for a minute.
func TestJSONLogWritesDurationsAsText(t *testing.T) {
	cfg := config.Defaults()
	cfg.Log.Format = "json"
	var b bytes.Buffer
	newLogger(&b, cfg, false).Warn("fetch failed", "retry_in", time.Minute, "failures", 2)
	var line map[string]any
	if err := json.Unmarshal(b.Bytes(), &line); err != nil {
		t.Fatalf("not one JSON line: %v\n%s", err, b.String())
	}
	if line["retry_in"] != "1m0s" || line["failures"] != float64(2) {
		t.Errorf("retry_in = %#v, failures = %#v; want \"1m0s\" and 2\n%s", line["retry_in"], line["failures"], b.String())
	}
}
