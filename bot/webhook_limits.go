package bot

import (
	"net"
	"net/http"
	"sync"
	"time"
)

// Bounds of the webhook server, against a flood of connections or slow
// clients. At most WebhookMaxConns connections are held at once. A
// connection that has not yet sent a whole request's headers, or a
// keep-alive connection between requests, only holds its slot until one
// more is needed: a connection arriving at the cap closes the one that has
// waited longest in either state, so that idle connections (a flood of
// them, opened and left silent) never keep Telegram's post out. Only
// connections whose request is being served count against the cap for
// good; with WebhookMaxConns of them busy, a new one waits (first in the
// kernel's backlog) until one closes. Besides, a silent connection is
// closed after WebhookHeaderTimeout, a keep-alive one after
// WebhookIdleTimeout; a request's headers must fit in WebhookMaxHeaderBytes,
// the whole request arrive within 30 s, and its body fit in 1 MiB (see
// webhook.go).
const (
	WebhookMaxConns       = 100
	WebhookMaxHeaderBytes = 64 << 10
	WebhookHeaderTimeout  = 5 * time.Second
	WebhookIdleTimeout    = 15 * time.Second
)

// connLimit is a listener that holds at most max connections, closing the
// longest-waiting idle one (see the constants above) to make room. Its
// track method is the http.Server's ConnState hook, which tells it which
// connections are idle. It is safe for concurrent use.
type connLimit struct {
	net.Listener
	max    int
	mu     sync.Mutex
	freed  *sync.Cond // signalled when a slot frees or a connection turns idle, and on Close
	conns  map[*limitedConn]uint64
	seq    uint64 // orders the idle connections: the lowest waited longest
	closed bool
}

// busy marks a connection serving a request in connLimit.conns: it cannot be closed to make room.
const busy = 0

func limitConns(ln net.Listener, max int) *connLimit {
	l := &connLimit{Listener: ln, max: max, conns: make(map[*limitedConn]uint64, max)}
	l.freed = sync.NewCond(&l.mu)
	return l
}

// Accept accepts a connection and makes room for it: below the cap at once,
// at the cap by closing the longest-idle connection, or else by waiting for
// a connection to close or turn idle. It fails when the listener does or is
// closed.
func (l *connLimit) Accept() (net.Conn, error) {
	c, err := l.Listener.Accept()
	if err != nil {
		return nil, err
	}
	l.mu.Lock()
	for !l.closed && len(l.conns) >= l.max {
		if old := l.oldestIdle(); old != nil {
			delete(l.conns, old)
			old.Conn.Close() // its server goroutine sees the error and ends
			break
		}
		l.freed.Wait()
	}
	if l.closed {
		l.mu.Unlock()
		c.Close()
		return nil, net.ErrClosed
	}
	lc := &limitedConn{Conn: c, l: l}
	l.seq++
	l.conns[lc] = l.seq // new: idle until its request's headers are read
	l.mu.Unlock()
	return lc, nil
}

// Close closes the listener and wakes an Accept waiting for room.
func (l *connLimit) Close() error {
	l.mu.Lock()
	l.closed = true
	l.freed.Broadcast()
	l.mu.Unlock()
	return l.Listener.Close()
}

// track is the server's ConnState hook: a connection turning active is
// busy, one turning idle may be closed to make room.
func (l *connLimit) track(c net.Conn, state http.ConnState) {
	lc, ok := c.(*limitedConn)
	if !ok {
		return
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if _, held := l.conns[lc]; !held {
		return // closed already
	}
	switch state {
	case http.StateActive, http.StateHijacked:
		l.conns[lc] = busy
	case http.StateIdle:
		l.seq++
		l.conns[lc] = l.seq
		l.freed.Broadcast()
	}
}

// oldestIdle is the held connection idle the longest, or nil. The caller holds mu.
func (l *connLimit) oldestIdle() *limitedConn {
	var old *limitedConn
	var at uint64
	for c, seq := range l.conns {
		if seq != busy && (old == nil || seq < at) {
			old, at = c, seq
		}
	}
	return old
}

func (l *connLimit) release(c *limitedConn) {
	l.mu.Lock()
	if _, held := l.conns[c]; held {
		delete(l.conns, c)
		l.freed.Broadcast()
	}
	l.mu.Unlock()
}

// limitedConn gives its slot back when closed.
type limitedConn struct {
	net.Conn
	l    *connLimit
	once sync.Once
}

func (c *limitedConn) Close() error {
	c.once.Do(func() { c.l.release(c) })
	return c.Conn.Close()
}
