package bot

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/newshound/newshound/internal/telegramtest"
)

// The calls that answer a person at once (a button press, an inline query)
// do not go through the outbox: refused with a short 429, each waits the
// retry_after once and tries again, instead of leaving the button spinning
// or the keyboard out of step; a long retry_after fails at once (the
// person has moved on by then).
func TestInteractiveCallsWaitAShort429Once(t *testing.T) {
	calls := []struct {
		method string
		call   func(tg *Telegram) error
	}{
		{"answerCallbackQuery", func(tg *Telegram) error { return tg.AnswerCallback(context.Background(), "cb1", "Muted.") }},
		{"editMessageReplyMarkup", func(tg *Telegram) error {
			return tg.EditButtons(context.Background(), 5, 7, [][]Button{{{Text: "🔔 Unmute", Data: "x"}}})
		}},
		{"editMessageText", func(tg *Telegram) error {
			return tg.RewriteMessage(context.Background(), 5, 7, "Nothing was deleted.", nil)
		}},
		{"answerInlineQuery", func(tg *Telegram) error {
			return tg.AnswerInline(context.Background(), "q1", []InlineResult{{ID: "1", Title: "t", Text: "x"}}, "", 0, nil)
		}},
	}
	for _, c := range calls {
		for _, wait := range []int{3, 30} {
			t.Run(fmt.Sprintf("%s retry_after %d", c.method, wait), func(t *testing.T) {
				srv := telegramtest.New(t, token)
				var mu sync.Mutex
				refused := false
				srv.Inject(func(call telegramtest.Call) *telegramtest.Reply {
					mu.Lock()
					defer mu.Unlock()
					if call.Method != c.method || refused {
						return nil
					}
					refused = true
					return &telegramtest.Reply{Code: 429, Description: "Too Many Requests: retry after N", RetryAfter: wait}
				})
				var logs strings.Builder
				tg := newTestTelegram(t, srv, &logs, time.Second)
				var slept []time.Duration
				tg.sleep = func(_ context.Context, d time.Duration) { slept = append(slept, d) }
				err := c.call(tg)
				n := len(srv.Calls(c.method))
				if wait == 3 {
					if err != nil || n != 2 || len(slept) != 1 || slept[0] != 3*time.Second {
						t.Errorf("err %v, %d calls, waits %v; want success at the second call after 3s", err, n, slept)
					}
					return
				}
				var se *SendError
				if !errors.As(err, &se) || se.Code != 429 || n != 1 || len(slept) != 0 {
					t.Errorf("err %v, %d calls, waits %v; want the 429 at once", err, n, slept)
				}
			})
		}
	}
}
