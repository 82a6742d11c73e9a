package bot

import (
	"bufio"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/newshound/newshound/internal/telegramtest"
	"github.com/newshound/newshound/internal/testkit"
)

// hookAddr is the host:port the rig's webhook listens on.
func (r *hookRig) hookAddr() string {
	return strings.TrimSuffix(strings.TrimPrefix(r.url, "http://"), "/hook")
}

// postUpdate posts an update with the right secret through c.
func (r *hookRig) postUpdate(t *testing.T, c *http.Client, body string) (int, error) {
	t.Helper()
	req, err := http.NewRequest("POST", r.url, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("X-Telegram-Bot-Api-Secret-Token", hookSecret)
	resp, err := c.Do(req)
	if err != nil {
		return 0, err
	}
	resp.Body.Close()
	return resp.StatusCode, nil
}

// dial opens a TCP connection to addr, closed when the test ends.
func dial(t *testing.T, addr string) net.Conn {
	t.Helper()
	c, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	return c
}

// keepAlive sends a request on c and reads its answer, leaving c an idle
// keep-alive connection.
func keepAlive(t *testing.T, c net.Conn) {
	t.Helper()
	c.SetDeadline(time.Now().Add(20 * time.Second)) // generous: a server that never answers fails the test
	defer c.SetDeadline(time.Time{})
	if _, err := fmt.Fprintf(c, "GET /hook HTTP/1.1\r\nHost: x\r\n\r\n"); err != nil {
		t.Fatal(err)
	}
	resp, err := http.ReadResponse(bufio.NewReader(c), nil)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusMethodNotAllowed || resp.Close {
		t.Fatalf("GET answered %d (close %v); want 405 on a kept connection", resp.StatusCode, resp.Close)
	}
}

// closedByServer reports whether the server closed c (a read ends in EOF or
// a reset) within a generous bound.
func closedByServer(c net.Conn) bool {
	c.SetReadDeadline(time.Now().Add(10 * time.Second))
	_, err := c.Read(make([]byte, 1))
	return err != nil && !errors.Is(err, os.ErrDeadlineExceeded)
}

// Many more idle connections than the cap — opened and left silent, or left
// idle after a request — do not keep a real update out: the connection it
// comes on closes the longest-idle one. The timeouts are long here, so only
// that can let it in.
func TestWebhookServesAnUpdatePastIdleConnections(t *testing.T) {
	for _, tc := range []struct {
		name    string
		prepare func(t *testing.T, c net.Conn)
	}{
		{"silent", func(*testing.T, net.Conn) {}},
		{"keep-alive", keepAlive},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := startWebhook(t, telegramtest.New(t, token), func(w *Webhook) {
				w.headerTimeout, w.idleTimeout = time.Minute, time.Minute
			})
			r.waitRegistered(t)
			var idle []net.Conn
			for range 3 * WebhookMaxConns {
				c := dial(t, r.hookAddr())
				tc.prepare(t, c)
				idle = append(idle, c)
			}
			client := &http.Client{Timeout: 20 * time.Second}
			if code, err := r.postUpdate(t, client, `{"update_id":7,"message":{"message_id":1,"date":1700000000,"chat":{"id":42,"type":"private"},"text":"/list"}}`); err != nil || code != http.StatusOK {
				t.Fatalf("with %d idle connections open, a post got %d, %v; want 200", len(idle), code, err)
			}
			if in := testkit.Receive(t, "the update", r.got); in.ChatID != 42 || in.Text != "/list" {
				t.Fatalf("handled %+v", in)
			}
			if !closedByServer(idle[0]) {
				t.Error("the longest-idle connection is still open")
			}
		})
	}
}

// A connection that sends nothing, or stays idle after a request, is
// closed after the header or idle timeout.
func TestWebhookClosesIdleConnections(t *testing.T) {
	r := startWebhook(t, telegramtest.New(t, token), func(w *Webhook) {
		w.headerTimeout, w.idleTimeout = 50*time.Millisecond, 50*time.Millisecond
	})
	r.waitRegistered(t)
	silent := dial(t, r.hookAddr())
	kept := dial(t, r.hookAddr())
	keepAlive(t, kept)
	if !closedByServer(silent) {
		t.Error("a silent connection is still open past the header timeout")
	}
	if !closedByServer(kept) {
		t.Error("a keep-alive connection is still open past the idle timeout")
	}
}

// WebhookMaxConns connections whose requests are being served take every
// slot: the next request is served only once one of them closes.
func TestWebhookCapsConnections(t *testing.T) {
	r := startWebhook(t, telegramtest.New(t, token))
	r.waitRegistered(t)
	var busy []net.Conn
	for range WebhookMaxConns {
		c := dial(t, r.hookAddr())
		// The body is promised and never sent: the handler waits for it.
		// The server's "100 Continue" shows the handler is running.
		c.SetReadDeadline(time.Now().Add(20 * time.Second))
		if _, err := fmt.Fprintf(c, "POST /hook HTTP/1.1\r\nHost: x\r\n%s: %s\r\nContent-Length: 10\r\nExpect: 100-continue\r\n\r\n", secretHeader, hookSecret); err != nil {
			t.Fatal(err)
		}
		line, err := bufio.NewReader(c).ReadString('\n')
		if err != nil || !strings.Contains(line, "100 Continue") {
			t.Fatalf("busy connection: %q, %v; want 100 Continue", line, err)
		}
		busy = append(busy, c)
	}
	if code, err := r.postUpdate(t, &http.Client{Timeout: 300 * time.Millisecond}, `{"update_id":1}`); err == nil {
		t.Fatalf("with %d requests being served, a post got %d; want it to wait for a slot", WebhookMaxConns, code)
	}
	busy[0].Close()
	if code, err := r.postUpdate(t, &http.Client{Timeout: 10 * time.Second}, `{"update_id":1}`); err != nil || code != http.StatusOK {
		t.Fatalf("after a connection closed: %d, %v; want 200", code, err)
	}
}
