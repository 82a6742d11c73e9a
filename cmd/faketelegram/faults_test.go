package main

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"testing"

	"github.com/newshound/newshound/internal/telegramtest"
)

// TestFaultLinesRefuseAndLoseAsTelegramDoes drives fail and lose lines and
// checks the answers a bot would get.
func TestFaultLinesRefuseAndLoseAsTelegramDoes(t *testing.T) {
	srv, err := telegramtest.NewServerAt("1:t", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	d := newDriver(srv, &bytes.Buffer{})
	for _, line := range []string{"fail sendMessage 5 1 429 retry_after=3 Too Many Requests: retry after 3", "lose sendMessage 6 1", "slow editMessageText 0s"} {
		if err := d.do(line); err != nil {
			t.Fatalf("%s: %v", line, err)
		}
	}
	refused(t, d, "fail sendMessage 5 1", "fail sendMessage x 1 400 Bad", "fail sendMessage 5 1 200 fine", "lose sendMessage", "slow sendMessage soon")
	send := func(chat string) (*http.Response, error) {
		return http.PostForm(srv.URL+"/bot1:t/sendMessage", url.Values{"chat_id": {chat}, "text": {"hi"}})
	}
	resp, err := send("5")
	if err != nil {
		t.Fatal(err)
	}
	var body struct {
		ErrorCode  int `json:"error_code"`
		Parameters struct {
			RetryAfter int `json:"retry_after"`
		}
	}
	if err := json.NewDecoder(resp.Body).Decode(&body); err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if body.ErrorCode != 429 || body.Parameters.RetryAfter != 3 {
		t.Errorf("first send answered %+v, want 429 with retry_after 3", body)
	}
	if resp, err = send("5"); err != nil || resp.StatusCode != http.StatusOK {
		t.Errorf("second send: %v, %v; want accepted (the line said once)", resp, err)
	} else {
		resp.Body.Close()
	}
	if resp, err := send("6"); err == nil {
		resp.Body.Close()
		t.Error("a lost answer came back")
	}
	if got := srv.Sent(6); len(got) != 1 {
		t.Errorf("%d messages to chat 6 carried out, want the one whose answer was lost", len(got))
	}
}

// TestBreakLinesAnswerAsABrokenNetworkDoes drives hangup, cut, page and
// garbage lines and checks what a client gets.
func TestBreakLinesAnswerAsABrokenNetworkDoes(t *testing.T) {
	srv, err := telegramtest.NewServerAt("1:t", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	d := newDriver(srv, &bytes.Buffer{})
	for _, line := range []string{"hangup sendMessage 1 1", "cut sendMessage 2 1 10", "page sendMessage 3 1 429 retry_after=7", "garbage sendMessage 4 1"} {
		if err := d.do(line); err != nil {
			t.Fatalf("%s: %v", line, err)
		}
	}
	refused(t, d, "hangup sendMessage 1", "cut sendMessage 2 1", "cut sendMessage 2 1 0", "page sendMessage 3 1 200", "page sendMessage 3 1 502 soon", "garbage x 1 1 1")
	send := func(chat string) (*http.Response, error) {
		return http.PostForm(srv.URL+"/bot1:t/sendMessage", url.Values{"chat_id": {chat}, "text": {"hi"}})
	}
	if resp, err := send("1"); err == nil {
		resp.Body.Close()
		t.Error("hangup: an answer came")
	}
	if resp, err := send("2"); err != nil {
		t.Errorf("cut: %v, want the headers", err)
	} else {
		_, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		if err == nil {
			t.Error("cut: the whole body came")
		}
	}
	if len(srv.Sent(1)) != 0 || len(srv.Sent(2)) != 1 {
		t.Errorf("carried out: %d to chat 1 (hung up), %d to chat 2 (cut); want 0 and 1", len(srv.Sent(1)), len(srv.Sent(2)))
	}
	resp, err := send("3")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 429 || resp.Header.Get("Retry-After") != "7" || !bytes.Contains(body, []byte("<html>")) {
		t.Errorf("page: %d, Retry-After %q, %q", resp.StatusCode, resp.Header.Get("Retry-After"), body)
	}
	resp, err = send("4")
	if err != nil {
		t.Fatal(err)
	}
	body, _ = io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || json.Valid(body) {
		t.Errorf("garbage: %d %q, want a 200 that is not JSON", resp.StatusCode, body)
	}
}
