package main

import (
	"math/rand/v2"
	"sync"
	"sync/atomic"

	"github.com/newshound/newshound/internal/telegramtest"
)

// faults is the fake Telegram's misbehaviour: Telegram's flood limits
// (a 429 beyond them), and, at the rates set, 429s with a retry_after, 5xx
// answers and sends accepted whose answer never arrives; a network down
// (every call hung up); chats that blocked the bot (403).
type faults struct {
	enf *telegramtest.Enforcer

	mu               sync.Mutex
	rng              *rand.Rand
	rate429          float64
	rate5xx          float64
	rateAcceptedLost float64
	rateDrop         float64 // connections dropped before Telegram takes the message
	blocked          map[int64]bool

	down atomic.Bool

	// counts of what was injected
	n429, n5xx, nLost, nDrop, nDown, n403, nLimit atomic.Int64
}

func newFaults(seed uint64) *faults {
	return &faults{enf: telegramtest.NewEnforcer(telegramtest.TelegramLimits(), 0),
		rng: rand.New(rand.NewPCG(seed, seed^0x5eed)), blocked: map[int64]bool{}}
}

func (f *faults) setRates(r429, r5xx, rLost float64) {
	f.mu.Lock()
	f.rate429, f.rate5xx, f.rateAcceptedLost = r429, r5xx, rLost
	f.mu.Unlock()
}

// setDrops sets the rate of sends and edits whose connection drops before
// Telegram takes them (a network cut on the way out).
func (f *faults) setDrops(r float64) {
	f.mu.Lock()
	f.rateDrop = r
	f.mu.Unlock()
}

func (f *faults) block(chat int64) {
	f.mu.Lock()
	f.blocked[chat] = true
	f.mu.Unlock()
}

// answer is the fake's injector.
func (f *faults) answer(c telegramtest.Call) *telegramtest.Reply {
	if f.down.Load() {
		f.nDown.Add(1)
		return &telegramtest.Reply{Hangup: true}
	}
	if c.Method != "sendMessage" && c.Method != "editMessageText" {
		return nil
	}
	f.mu.Lock()
	blocked := f.blocked[c.ChatID()]
	p := f.rng.Float64()
	r429, r5xx, rLost := f.rate429, f.rate5xx, f.rateAcceptedLost
	drop := f.rng.Float64() < f.rateDrop
	f.mu.Unlock()
	switch {
	case blocked:
		f.n403.Add(1)
		c.Params.Set("_refused", "blocked")
		return &telegramtest.Reply{Code: 403, Description: "Forbidden: bot was blocked by the user"}
	case drop:
		f.nDrop.Add(1)
		return &telegramtest.Reply{Hangup: true}
	case p < r429:
		f.n429.Add(1)
		return &telegramtest.Reply{Code: 429, Description: "Too Many Requests: retry after 2", RetryAfter: 2}
	case p < r429+r5xx:
		f.n5xx.Add(1)
		return &telegramtest.Reply{Code: 502, Description: "Bad Gateway"}
	}
	if rep := f.enf.Check(c); rep != nil {
		f.nLimit.Add(1)
		return rep
	}
	if p < r429+r5xx+rLost {
		// Telegram took the message; the answer is lost on the way back.
		f.nLost.Add(1)
		// The fake records the call as it is hung up, with this mark:
		// the ledger counts it as received.
		c.Params.Set("_lost", "1")
		return &telegramtest.Reply{Hangup: true}
	}
	return nil
}
