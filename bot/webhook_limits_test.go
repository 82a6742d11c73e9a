package bot

import (
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/newshound/newshound/internal/telegramtest"
)

// WebhookMaxConns idle connections take every slot: the next request is
// served only once one of them closes.
func TestWebhookCapsConnections(t *testing.T) {
	r := startWebhook(t, telegramtest.New(t, token))
	r.waitRegistered(t)
	addr := strings.TrimSuffix(strings.TrimPrefix(r.url, "http://"), "/hook")
	var idle []net.Conn
	for range WebhookMaxConns {
		c, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		idle = append(idle, c)
	}
	client := &http.Client{Timeout: 300 * time.Millisecond}
	post := func(c *http.Client) (int, error) {
		req, err := http.NewRequest("POST", r.url, strings.NewReader(`{"update_id":1}`))
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
	if code, err := post(client); err == nil {
		t.Fatalf("with %d connections open, a post got %d; want it to wait for a slot", WebhookMaxConns, code)
	}
	idle[0].Close()
	if code, err := post(&http.Client{Timeout: 10 * time.Second}); err != nil || code != http.StatusOK {
		t.Fatalf("after a connection closed: %d, %v; want 200", code, err)
	}
}
