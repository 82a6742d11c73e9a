package main

import (
	"bytes"
	"encoding/json"
	"io"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// delivered is one message Telegram took: a send (with the id Telegram
// gave it) or an edit of one. id 0 = a send whose answer was lost.
type delivered struct {
	method string
	chat   int64
	id     int
	text   string
	at     time.Time
}

// wire stands between the bot and the fake Telegram and writes down every
// message the fake accepted, with the message id it answered: the ledger
// tells a repeat of a send the bot never heard was accepted (killed in
// flight, answer lost: at-least-once, allowed) from a send made twice
// (both recorded as sent by the outbox: a defect).
type wire struct {
	*httptest.Server
	upstream string

	mu   sync.Mutex
	msgs []delivered
	rng  *rand.Rand
	slow time.Duration // the longest an answer to a taken message is held back

	nSlow atomic.Int64
}

func newWire(upstream string, slow time.Duration, seed uint64) *wire {
	w := &wire{upstream: upstream, slow: slow, rng: rand.New(rand.NewPCG(seed, seed^0x51))}
	w.Server = httptest.NewServer(http.HandlerFunc(w.serve))
	return w
}

// setSlow sets the longest an answer to a taken message is held back: the
// setup's replies go at once (a -slow past the bot's 30 s client timeout
// would keep the chats from subscribing), the loop's as -slow says.
func (w *wire) setSlow(d time.Duration) {
	w.mu.Lock()
	w.slow = d
	w.mu.Unlock()
}

// Endpoint is the api_endpoint for the bot.
func (w *wire) Endpoint() string { return w.URL + "/bot%s/%s" }

func (w *wire) serve(rw http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(r.Body)
	if err != nil {
		return
	}
	req, err := http.NewRequestWithContext(r.Context(), r.Method, w.upstream+r.URL.RequestURI(), bytes.NewReader(body))
	if err != nil {
		return
	}
	req.Header = r.Header.Clone()
	resp, err := http.DefaultTransport.RoundTrip(req)
	if err != nil { // the fake hung up (a lost answer, the network down) or the bot went away
		hangup(rw)
		return
	}
	defer resp.Body.Close()
	answer, err := io.ReadAll(resp.Body)
	if err != nil {
		hangup(rw)
		return
	}
	method := r.URL.Path[strings.LastIndexByte(r.URL.Path, '/')+1:]
	if (method == "sendMessage" || method == "editMessageText") && resp.StatusCode == http.StatusOK {
		w.note(method, body, answer)
		// A slow Telegram: the message is taken, its answer comes late;
		// a bot stopped meanwhile never learns that it was taken.
		if d := w.delay(); d > 0 {
			w.nSlow.Add(1)
			select {
			case <-time.After(d):
			case <-r.Context().Done():
				return
			}
		}
	}
	for k, v := range resp.Header {
		rw.Header()[k] = v
	}
	rw.WriteHeader(resp.StatusCode)
	_, _ = rw.Write(answer)
}

// delay is how long the answer to a taken message is held back.
func (w *wire) delay() time.Duration {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.slow <= 0 {
		return 0
	}
	return time.Duration(w.rng.Int64N(int64(w.slow)))
}

// note records an accepted message from its form and Telegram's answer.
func (w *wire) note(method string, body, answer []byte) {
	form, err := url.ParseQuery(string(body))
	if err != nil {
		return
	}
	var a struct {
		Result struct {
			MessageID int `json:"message_id"`
			Chat      struct {
				ID int64 `json:"id"`
			} `json:"chat"`
		} `json:"result"`
	}
	if err := json.Unmarshal(answer, &a); err != nil {
		return
	}
	w.mu.Lock()
	w.msgs = append(w.msgs, delivered{method: method, chat: a.Result.Chat.ID, id: a.Result.MessageID, text: form.Get("text"), at: time.Now()})
	w.mu.Unlock()
}

func (w *wire) messages() []delivered {
	w.mu.Lock()
	defer w.mu.Unlock()
	return append([]delivered(nil), w.msgs...)
}

// hangup closes the bot's connection without an answer.
func hangup(rw http.ResponseWriter) {
	if hj, ok := rw.(http.Hijacker); ok {
		if conn, _, err := hj.Hijack(); err == nil {
			conn.Close()
		}
	}
}
