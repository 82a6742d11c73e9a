package bot

import (
	"net"

	"golang.org/x/net/netutil"
)

// Bounds of the webhook server, against a flood of connections or slow
// clients: at most WebhookMaxConns connections are served at once (more
// wait in the kernel's backlog until one closes), a request's headers must
// arrive within 10 s and fit in WebhookMaxHeaderBytes, the whole request
// within 30 s, and its body in 1 MiB (see webhook.go).
const (
	WebhookMaxConns       = 100
	WebhookMaxHeaderBytes = 64 << 10
)

// limitConns caps the connections served at once on ln.
func limitConns(ln net.Listener) net.Listener {
	return netutil.LimitListener(ln, WebhookMaxConns)
}
