package main

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/newshound/newshound/internal/feedtest"
	"github.com/newshound/newshound/internal/telegramtest"
	"github.com/newshound/newshound/internal/testkit"
)

// e2eHub is a local WebSub hub that verifies each subscribe request at
// once and can then publish to the subscriber, signed with its secret.
type e2eHub struct {
	*httptest.Server
	mu   sync.Mutex
	subs []url.Values // verified subscribe requests
}

func newE2EHub(t *testing.T) *e2eHub {
	h := &e2eHub{}
	h.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if err := r.ParseForm(); err != nil || r.PostForm.Get("hub.mode") != "subscribe" {
			http.Error(w, "bad request", http.StatusBadRequest)
			return
		}
		challenge := rand.Text()
		q := url.Values{"hub.mode": {"subscribe"}, "hub.topic": {r.PostForm.Get("hub.topic")}, "hub.challenge": {challenge}, "hub.lease_seconds": {"86400"}}
		resp, err := http.Get(r.PostForm.Get("hub.callback") + "?" + q.Encode())
		if err == nil {
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK && string(body) == challenge {
				h.mu.Lock()
				h.subs = append(h.subs, r.PostForm)
				h.mu.Unlock()
			}
		}
		w.WriteHeader(http.StatusAccepted)
	}))
	t.Cleanup(h.Close)
	return h
}

func (h *e2eHub) verified() []url.Values { h.mu.Lock(); defer h.mu.Unlock(); return h.subs }

// publish pushes body to the verified subscriber, signed, and returns the status.
func (h *e2eHub) publish(t *testing.T, body []byte) int {
	t.Helper()
	sub := h.verified()[0]
	mac := hmac.New(sha256.New, []byte(sub.Get("hub.secret")))
	mac.Write(body)
	req, err := http.NewRequest(http.MethodPost, sub.Get("hub.callback"), bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/rss+xml")
	req.Header.Set("X-Hub-Signature", "sha256="+hex.EncodeToString(mac.Sum(nil)))
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	return resp.StatusCode
}

// hubFeed is a fixture feed that names hub.
func hubFeed(t *testing.T, fixture, hub string) []byte {
	t.Helper()
	b, err := os.ReadFile("testdata/feeds/" + fixture)
	if err != nil {
		t.Fatal(err)
	}
	return []byte(strings.Replace(string(b), "<channel>", `<channel><atom:link xmlns:atom="http://www.w3.org/2005/Atom" rel="hub" href="`+hub+`"/>`, 1))
}

func TestEndToEndWebSubPushAlerts(t *testing.T) {
	tg := telegramtest.New(t, testToken)
	hub := newE2EHub(t)
	feed := feedtest.New(t, "testdata/feeds/world-v1.xml", "application/rss+xml")
	feed.Set(hubFeed(t, "world-v1.xml", hub.URL), "application/rss+xml")
	addr := freeAddr(t)
	now := func() time.Time { return time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC) }
	a := startApp(t, `
[telegram]
token = "`+testToken+`"
api_endpoint = "`+tg.Endpoint()+`"
poll_timeout = "1s"
allow_private_urls = true
[storage]
path = "{{db}}"
[poller]
schedule = "@every 1h"
max_interval = "6h"
public_url = "http://`+addr+`"
[metrics]
listen = "`+addr+`"
[[sources]]
name = "Example World News"
url = "`+feed.URL+`/world.xml"
`, now)
	a.waitFetched(t, 1)
	testkit.WaitWithin(t, "the hub's verified subscription", 10*time.Second, func() bool { return len(hub.verified()) == 1 })
	if cb := hub.verified()[0].Get("hub.callback"); !strings.HasPrefix(cb, "http://"+addr+"/websub/") {
		t.Fatalf("callback %q is not under poller.public_url/websub/", cb)
	}

	const chat = 4242
	tg.SendText(chat, "private", 9, "/subscribe kursk deminers")
	tg.WaitSent(t, chat, 1, 5*time.Second)

	pushed := time.Now()
	if got := hub.publish(t, hubFeed(t, "world-v2.xml", hub.URL)); got != http.StatusNoContent {
		t.Fatalf("push answered %d, want 204", got)
	}
	alert := tg.WaitSent(t, chat, 2, 5*time.Second)[1]
	t.Logf("alert sent %s after the push", time.Since(pushed).Round(time.Millisecond))
	if !strings.Contains(alert.Text(), "Deminers clear fields near Kursk") {
		t.Errorf("alert = %q", alert.Text())
	}

	// The poll, now a safety net, finds the pushed items seen and waits the slow interval.
	feed.Set(hubFeed(t, "world-v2.xml", hub.URL), "application/rss+xml")
	if err := a.parts.Poller.PollOnce(context.Background()); err != nil {
		t.Fatal(err)
	}
	srcs, err := a.parts.Store.ListSources(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if srcs[0].Interval != 6*time.Hour || !strings.Contains(srcs[0].IntervalReason, "WebSub") {
		t.Errorf("pushed source polled every %s (%q), want poller.max_interval", srcs[0].Interval, srcs[0].IntervalReason)
	}
	a.waitOutboxEmpty(t, 5*time.Second)
	waitSenderLooks(t, a.parts.Sender)
	if got := tg.Sent(chat); len(got) != 2 {
		t.Errorf("messages to chat = %d, want the reply and one alert", len(got))
	}
	if resp, err := http.Get("http://" + addr + "/healthz"); err != nil || resp.StatusCode != http.StatusOK {
		t.Errorf("/healthz beside the callbacks: %v %v", resp, err)
	} else {
		resp.Body.Close()
	}
}

func TestWebSubCallbacksOnTheWebhookListener(t *testing.T) {
	tg := telegramtest.New(t, testToken)
	addr := freeAddr(t)
	startApp(t, `
[telegram]
token = "`+testToken+`"
api_endpoint = "`+tg.Endpoint()+`"
webhook_url = "http://`+addr+`/hook"
webhook_listen = "`+addr+`"
webhook_secret = "e2e_secret"
[storage]
path = "{{db}}"
`, time.Now)
	testkit.WaitWithin(t, "setWebhook", 5*time.Second, func() bool { return len(tg.Calls("setWebhook")) == 1 })
	client := &http.Client{Timeout: 5 * time.Second}
	resp, err := client.Get("http://" + addr + "/websub/unknown?hub.mode=subscribe&hub.topic=x&hub.challenge=y")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusNotFound {
		t.Errorf("verification of an unknown callback on the webhook listener answered %d, want 404", resp.StatusCode)
	}
	resp, err = client.Post("http://"+addr+"/hook", "application/json", strings.NewReader("{}"))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusUnauthorized {
		t.Errorf("the webhook beside the callbacks answered %d to a post without its secret, want 401", resp.StatusCode)
	}
}

// TestWebSubCallbacksUnderThePublicURLsPath: behind a reverse proxy that
// serves Newshound under a path (https://example.org/newshound/) and
// forwards that path as it is, the hubs' calls to
// <poller.public_url>/websub/<token> reached the webhook, which answered
// 405: the callbacks are served under the public address's path too.
func TestWebSubCallbacksUnderThePublicURLsPath(t *testing.T) {
	tg := telegramtest.New(t, testToken)
	addr := freeAddr(t)
	startApp(t, `
[telegram]
token = "`+testToken+`"
api_endpoint = "`+tg.Endpoint()+`"
webhook_url = "http://`+addr+`/newshound/hook"
webhook_listen = "`+addr+`"
webhook_secret = "e2e_secret"
[poller]
public_url = "http://`+addr+`/newshound/"
[storage]
path = "{{db}}"
`, time.Now)
	testkit.WaitWithin(t, "setWebhook", 5*time.Second, func() bool { return len(tg.Calls("setWebhook")) == 1 })
	client := &http.Client{Timeout: 5 * time.Second}
	for _, path := range []string{"/newshound/websub/unknown", "/websub/unknown"} {
		resp, err := client.Get("http://" + addr + path + "?hub.mode=subscribe&hub.topic=x&hub.challenge=y")
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusNotFound {
			t.Errorf("verification of an unknown callback at %s answered %d, want 404 (the callbacks')", path, resp.StatusCode)
		}
	}
	resp, err := client.Post("http://"+addr+"/newshound/hook", "application/json", strings.NewReader("{}"))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusUnauthorized {
		t.Errorf("the webhook beside the callbacks answered %d to a post without its secret, want 401", resp.StatusCode)
	}
}
