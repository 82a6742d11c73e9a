package main

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/newshound/newshound/internal/telegramtest"
)

// A test bot's token swapped for another bot's on the same storage.path:
// every chat's alerts went from a bot its people never wrote to, Telegram
// refused them ("bot can't initiate conversation"), the chats went inactive
// one by one, and nothing said why. The start names both bots and the fix;
// the first start and a start of the same bot say nothing.
func TestAnotherBotsTokenOnTheDatabaseIsWarned(t *testing.T) {
	db := filepath.Join(t.TempDir(), "nh.db")
	config := func(tg *telegramtest.Server) string {
		return "[telegram]\ntoken = \"" + testToken + "\"\napi_endpoint = \"" + tg.Endpoint() + "\"\npoll_timeout = \"1s\"\n" +
			"[storage]\npath = \"" + db + "\"\n[poller]\nschedule = \"@every 1h\"\n"
	}
	run := func(tg *telegramtest.Server) string {
		a := startApp(t, config(tg), time.Now)
		a.stop()
		return a.logs.String()
	}
	test := telegramtest.New(t, testToken)
	if logs := run(test); strings.Contains(logs, "this token is") {
		t.Errorf("the first start warned:\n%s", logs)
	}
	if logs := run(test); strings.Contains(logs, "this token is") {
		t.Errorf("a start of the same bot warned:\n%s", logs)
	}
	real := telegramtest.New(t, testToken)
	real.BotName, real.BotID = "newshound_real_bot", 778
	logs := run(real)
	for _, want := range []string{"this token is @newshound_real_bot's", "in this database are @newshound_test_bot's", "storage.path of its own"} {
		if !strings.Contains(logs, want) {
			t.Errorf("the start on another bot's database does not say %q:\n%s", want, logs)
		}
	}
}
