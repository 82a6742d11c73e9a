package main

import (
	"net"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/newshound/newshound/internal/telegramtest"
	"github.com/newshound/newshound/internal/testkit"
)

// freeAddr returns a local address nothing listens on (it was free a moment ago).
func freeAddr(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

func TestEndToEndWebhookStart(t *testing.T) {
	tg := telegramtest.New(t, testToken)
	addr := freeAddr(t)
	a := startApp(t, `
[telegram]
token = "`+testToken+`"
api_endpoint = "`+tg.Endpoint()+`"
webhook_url = "http://127.0.0.1:1/hook"
webhook_listen = "`+addr+`"
webhook_secret = "e2e_secret"
[storage]
path = "{{db}}"
`, time.Now)
	testkit.WaitWithin(t, "setWebhook", 5*time.Second, func() bool { return len(tg.Calls("setWebhook")) == 1 })
	if c := tg.Calls("setWebhook")[0]; c.Params.Get("url") != "http://127.0.0.1:1/hook" || c.Params.Get("secret_token") != "e2e_secret" {
		t.Fatalf("setWebhook params = %v", c.Params)
	}
	body := `{"update_id":1,"message":{"message_id":1,"date":` + strconv.FormatInt(time.Now().Unix(), 10) + `,"chat":{"id":77,"type":"private"},` +
		`"from":{"id":77,"is_bot":false,"first_name":"T"},"text":"/start","entities":[{"type":"bot_command","offset":0,"length":6}]}}`
	req, err := http.NewRequest(http.MethodPost, "http://"+addr+"/hook", strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("X-Telegram-Bot-Api-Secret-Token", "e2e_secret")
	resp, err := (&http.Client{Timeout: 5 * time.Second, Transport: &http.Transport{DisableKeepAlives: true}}).Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("webhook answered %d, want 200", resp.StatusCode)
	}
	if got := tg.WaitSent(t, 77, 1, 5*time.Second)[0].Text(); got == "" {
		t.Fatal("empty reply to /start")
	}
	if n := len(tg.Calls("deleteWebhook")); n != 0 {
		t.Errorf("deleteWebhook calls = %d in webhook mode, want 0", n)
	}
	a.stop()
	if strings.Contains(a.logs.String(), "TEST-token") || strings.Contains(a.logs.String(), "e2e_secret") {
		t.Fatalf("the token or the secret appears in the logs:\n%s", a.logs)
	}
}

func TestLongPollModeDeletesWebhook(t *testing.T) {
	tg := telegramtest.New(t, testToken)
	startApp(t, testConfig{tg: tg}.String(), time.Now)
	tg.SendText(5, "private", 5, "/start")
	tg.WaitSent(t, 5, 1, 5*time.Second)
	if n := len(tg.Calls("deleteWebhook")); n != 1 {
		t.Fatalf("deleteWebhook calls = %d, want 1", n)
	}
	if n := len(tg.Calls("setWebhook")); n != 0 {
		t.Fatalf("setWebhook calls = %d in long-poll mode, want 0", n)
	}
}
