package main

import (
	"net/http"
	"path/filepath"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/newshound/newshound/internal/telegramtest"
	"github.com/newshound/newshound/internal/testkit"
)

// postUpdate posts a /command of chat 77 as update id to the webhook at
// addr, with the secret, and fails the test unless it is answered 200.
func postUpdate(t *testing.T, addr string, id int, command string) {
	t.Helper()
	body := `{"update_id":` + strconv.Itoa(id) + `,"message":{"message_id":` + strconv.Itoa(id) + `,"date":` + strconv.FormatInt(time.Now().Unix(), 10) +
		`,"chat":{"id":77,"type":"private"},"from":{"id":77,"is_bot":false,"first_name":"T"},"text":"` + command +
		`","entities":[{"type":"bot_command","offset":0,"length":` + strconv.Itoa(len(command)) + `}]}}`
	req, err := http.NewRequest(http.MethodPost, "http://"+addr+"/hook", strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("X-Telegram-Bot-Api-Secret-Token", "once_secret")
	resp, err := (&http.Client{Timeout: 5 * time.Second, Transport: &http.Transport{DisableKeepAlives: true}}).Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("webhook answered %d to update %d, want 200", resp.StatusCode, id)
	}
}

// A webhook update that Telegram posts again after a restart (the process
// handled it but was stopped before its answer reached Telegram) is not
// handled a second time: the record of it is in the database, not only in
// the memory of the process that took it.
func TestWebhookUpdateRepostedAfterRestartIsHandledOnce(t *testing.T) {
	tg := telegramtest.New(t, testToken)
	addr := freeAddr(t)
	db := filepath.Join(t.TempDir(), "n.db")
	cfg := "[telegram]\ntoken = \"" + testToken + "\"\napi_endpoint = \"" + tg.Endpoint() + "\"\nwebhook_url = \"http://127.0.0.1:1/hook\"\n" +
		"webhook_listen = \"" + addr + "\"\nwebhook_secret = \"once_secret\"\n[storage]\npath = \"" + db + "\"\n"
	a := startApp(t, cfg, time.Now)
	testkit.WaitWithin(t, "setWebhook", 5*time.Second, func() bool { return len(tg.Calls("setWebhook")) == 1 })
	postUpdate(t, addr, 501, "/start")
	tg.WaitSent(t, 77, 1, testkit.WaitTimeout)
	a.stop()

	b := startApp(t, cfg, time.Now) // the same database file
	testkit.WaitWithin(t, "setWebhook again", 5*time.Second, func() bool { return len(tg.Calls("setWebhook")) == 2 })
	postUpdate(t, addr, 501, "/start") // Telegram's repost
	postUpdate(t, addr, 502, "/id")
	sent := tg.WaitSent(t, 77, 2, testkit.WaitTimeout)
	if !strings.Contains(sent[1].Text(), "77") {
		t.Errorf("the second message to chat 77 is not the answer to /id:\n%s", sent[1].Text())
	}
	b.stop()
	if got := tg.Sent(77); len(got) != 2 {
		t.Errorf("chat 77 got %d messages, want 2 (/start answered once, /id once)", len(got))
	}
	if !strings.Contains(b.logs.String(), "already handled, skipped") {
		t.Errorf("the log does not say the repost was skipped:\n%s", b.logs)
	}
}

// A long-polled update handled by a process that stopped before any
// getUpdates acknowledged it (the acknowledgements failed) comes again
// after the restart, and is not handled again.
func TestPolledUpdateDeliveredAgainAfterRestartIsHandledOnce(t *testing.T) {
	tg := telegramtest.New(t, testToken)
	var noAck atomic.Bool
	noAck.Store(true)
	tg.Inject(func(c telegramtest.Call) *telegramtest.Reply {
		if c.Method == "getUpdates" && c.Params.Get("offset") != "0" && c.Params.Get("offset") != "" && noAck.Load() {
			return &telegramtest.Reply{Hangup: true} // no acknowledgement reaches Telegram
		}
		return nil
	})
	db := filepath.Join(t.TempDir(), "n.db")
	cfg := strings.ReplaceAll(testConfig{tg: tg}.String(), "{{db}}", db)
	a := startApp(t, cfg, time.Now)
	tg.SendText(77, "private", 77, "/start")
	tg.WaitSent(t, 77, 1, testkit.WaitTimeout)
	a.stop()

	noAck.Store(false)
	b := startApp(t, cfg, time.Now) // the same database file; Telegram delivers /start again
	tg.SendText(77, "private", 77, "/id")
	sent := tg.WaitSent(t, 77, 2, testkit.WaitTimeout)
	if !strings.Contains(sent[1].Text(), "77") {
		t.Errorf("the second message to chat 77 is not the answer to /id:\n%s", sent[1].Text())
	}
	b.stop()
	if got := tg.Sent(77); len(got) != 2 {
		t.Errorf("chat 77 got %d messages, want 2 (/start answered once, /id once)", len(got))
	}
}
