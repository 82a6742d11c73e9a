package metrics

import (
	"context"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"
)

func TestServerServesHealthzAndStopsOnCancel(t *testing.T) {
	srv, err := NewServer("127.0.0.1:0", New(Options{}).Handler())
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan error, 1)
	go func() { done <- srv.Run(ctx) }()

	client := &http.Client{Timeout: 5 * time.Second}
	resp, err := client.Get("http://" + srv.Addr() + "/healthz")
	if err != nil {
		t.Fatal(err)
	}
	body, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != http.StatusOK || string(body) != "ok" {
		t.Fatalf("GET /healthz = %d %q, want 200 \"ok\"", resp.StatusCode, body)
	}
	resp, err = client.Get("http://" + srv.Addr() + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("GET /metrics = %d", resp.StatusCode)
	}
	client.CloseIdleConnections()

	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("Run: %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Run did not return after cancel")
	}
	if _, err := client.Get("http://" + srv.Addr() + "/healthz"); err == nil {
		t.Fatal("the server still answers after it stopped")
	}
}

func TestNewServerFailsOnTakenAddress(t *testing.T) {
	first, err := NewServer("127.0.0.1:0", http.NotFoundHandler())
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- first.Run(ctx) }()
	defer func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("Run: %v", err)
		}
	}()
	if _, err := NewServer(first.Addr(), http.NotFoundHandler()); err == nil {
		t.Fatal("want an error listening on a taken address")
	}
}

// A metrics.listen refused for another reason than a taken port was told
// "another process may hold the port: pick another one": an address that
// is not this machine's, a host name that does not resolve ("locahost").
// Each says its own fix.
func TestNewServerSaysWhyTheAddressIsRefused(t *testing.T) {
	first, err := NewServer("127.0.0.1:0", http.NotFoundHandler())
	if err != nil {
		t.Fatal(err)
	}
	defer first.ln.Close()
	_, err = NewServer(first.Addr(), http.NotFoundHandler())
	if err == nil || !strings.Contains(err.Error(), "another process holds the port") {
		t.Errorf("taken port: %v", err)
	}
	_, err = NewServer("192.0.2.1:9090", http.NotFoundHandler()) // TEST-NET-1: no machine's address
	if err == nil || !strings.Contains(err.Error(), "no such address") || strings.Contains(err.Error(), "another process") {
		t.Errorf("an address not this machine's: %v", err)
	}
}
