package main

import (
	"strings"
	"testing"

	"github.com/newshound/newshound/config"
)

// A configuration written for a host (deploy/newshound.toml's metrics.listen
// "127.0.0.1:9090") mounted into the container: the listener was the
// container's own loopback, unreachable through -p, and the healthcheck
// asking from inside passed. The start warns, naming the key and ":9090".
func TestLoopbackListenInContainerIsWarned(t *testing.T) {
	cfg := config.Defaults()
	cfg.Metrics.Listen = "127.0.0.1:9090"
	cfg.Telegram.WebhookListen = "localhost:8443"
	got := loopbackInContainer(cfg, true)
	if len(got) != 2 || !strings.Contains(got[0], "metrics.listen") || !strings.Contains(got[0], `":9090"`) ||
		!strings.Contains(got[1], "telegram.webhook_listen") || !strings.Contains(got[1], `":8443"`) {
		t.Errorf("warnings %q, want metrics.listen and webhook_listen named with the address to write", got)
	}
	if got := loopbackInContainer(cfg, false); len(got) != 0 {
		t.Errorf("on a host: %q, want no warning", got)
	}
	cfg.Metrics.Listen, cfg.Telegram.WebhookListen = ":9090", "0.0.0.0:8443"
	if got := loopbackInContainer(cfg, true); len(got) != 0 {
		t.Errorf("every address: %q, want no warning", got)
	}
}
