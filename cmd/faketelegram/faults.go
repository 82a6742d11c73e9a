package main

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/newshound/newshound/internal/telegramtest"
)

// faultHelp documents the fault lines (help).
const faultHelp = `  fail METHOD CHAT N CODE [retry_after=S] [migrate=ID] DESCRIPTION
                            the next N calls of METHOD (* = any) to CHAT (0 = any; N 0 = for ever)
                            are refused with CODE and DESCRIPTION, as Telegram refuses them, e.g.
                            fail sendMessage 42 1 429 retry_after=5 Too Many Requests: retry after 5
  lose METHOD CHAT N        the next N calls are carried out, then the connection is cut before
                            the answer (an answer lost after Telegram accepted the call)
  hangup METHOD CHAT N      the next N calls are not carried out: the connection is closed at once
  cut METHOD CHAT N BYTES   the next N calls are carried out, and their answer is cut after BYTES
                            bytes (a connection reset mid-response)
  page METHOD CHAT N CODE [retry_after=S]  the next N calls get a proxy's HTML error page with
                            status CODE (e.g. 502), not Telegram's JSON; S goes as Retry-After
  garbage METHOD CHAT N     the next N calls get a 200 whose body is not JSON
  slow METHOD DURATION      every call of METHOD (* = any) is answered DURATION late (0 = no longer)
  clear                     forget every fail, lose, hangup, cut, page, garbage and slow line`

// fault is one rule of the fail, lose and slow lines.
type fault struct {
	method string // "*" = any
	chat   int64  // 0 = any
	left   int    // calls left to answer so; -1 = for ever
	reply  telegramtest.Reply
	lose   bool   // carry the call out, then cut the connection
	broken string // what a hangup, cut, page or garbage line does, for the printer
}

// errorPage is the page of the page lines: nginx's, as Telegram's front
// ends answer when what is behind them is down.
const errorPage = "<html>\r\n<head><title>%d %s</title></head>\r\n<body>\r\n<center><h1>%d %s</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n"

// parseBreak reads a hangup, cut, page or garbage line (after the verb).
func parseBreak(verb string, args []string) (*fault, error) {
	usage := map[string]string{"hangup": "hangup METHOD CHAT N", "cut": "cut METHOD CHAT N BYTES",
		"page": "page METHOD CHAT N CODE [retry_after=S]", "garbage": "garbage METHOD CHAT N"}[verb]
	want := map[string]int{"hangup": 3, "cut": 4, "page": 4, "garbage": 3}[verb]
	if len(args) != want && !(verb == "page" && len(args) == 5) {
		return nil, fmt.Errorf("%s", usage)
	}
	f, err := faultHead(args)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", verb, err)
	}
	switch verb {
	case "hangup":
		f.reply, f.broken = telegramtest.Reply{Hangup: true}, "connection closed, not carried out"
	case "garbage":
		f.reply, f.broken = telegramtest.Reply{Body: `{"ok":true,"result":{"message_id":`, ContentType: "application/json"}, "answered with broken JSON"
	case "cut":
		n, err := strconv.Atoi(args[3])
		if err != nil || n < 1 {
			return nil, fmt.Errorf("cut: bad BYTES %q", args[3])
		}
		f.reply, f.broken = telegramtest.Reply{CutAfter: n}, "carried out, answer cut"
	case "page":
		code, err := strconv.Atoi(args[3])
		if err != nil || code < 400 || code > 599 {
			return nil, fmt.Errorf("page: bad CODE %q", args[3])
		}
		f.reply = telegramtest.Reply{Code: code, Body: fmt.Sprintf(errorPage, code, http.StatusText(code), code, http.StatusText(code))}
		if len(args) == 5 {
			v, ok := strings.CutPrefix(args[4], "retry_after=")
			s, err := strconv.Atoi(v)
			if !ok || err != nil || s < 1 {
				return nil, fmt.Errorf("page: bad %q", args[4])
			}
			f.reply.RetryAfter = s
		}
		f.broken = fmt.Sprintf("an HTML error page, %d", code)
	}
	return f, nil
}

func (f *fault) matches(c telegramtest.Call) bool {
	if f.left == 0 || (f.method != "*" && f.method != c.Method) {
		return false
	}
	return f.chat == 0 || c.ChatID() == f.chat
}

// parseFault reads the arguments of a fail line (after the verb).
func parseFault(args []string) (*fault, error) {
	if len(args) < 5 {
		return nil, fmt.Errorf("fail METHOD CHAT N CODE [retry_after=S] [migrate=ID] DESCRIPTION")
	}
	f, err := faultHead(args)
	if err != nil {
		return nil, err
	}
	if f.reply.Code, err = strconv.Atoi(args[3]); err != nil || f.reply.Code < 300 {
		return nil, fmt.Errorf("fail: bad code %q", args[3])
	}
	rest := args[4:]
	for len(rest) > 0 {
		k, v, ok := strings.Cut(rest[0], "=")
		if !ok || (k != "retry_after" && k != "migrate") {
			break
		}
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil {
			return nil, fmt.Errorf("fail: bad %s %q", k, v)
		}
		if k == "retry_after" {
			f.reply.RetryAfter = int(n)
		} else {
			f.reply.MigrateTo = n
		}
		rest = rest[1:]
	}
	if len(rest) == 0 {
		return nil, fmt.Errorf("fail: no description")
	}
	f.reply.Description = strings.Join(rest, " ")
	return f, nil
}

// faultHead reads METHOD CHAT N.
func faultHead(args []string) (*fault, error) {
	chat, err1 := strconv.ParseInt(args[1], 10, 64)
	n, err2 := strconv.Atoi(args[2])
	if err1 != nil || err2 != nil || n < 0 {
		return nil, fmt.Errorf("bad CHAT or N in %q", strings.Join(args, " "))
	}
	if n == 0 {
		n = -1
	}
	return &fault{method: args[0], chat: chat, left: n}, nil
}

// faultLine runs a fail, lose, slow or clear line.
func (d *driver) faultLine(verb string, args []string) error {
	r := d.refused
	r.mu.Lock()
	defer r.mu.Unlock()
	switch verb {
	case "fail":
		f, err := parseFault(args)
		if err != nil {
			return err
		}
		r.faults = append(r.faults, f)
	case "lose":
		if len(args) != 3 {
			return fmt.Errorf("lose METHOD CHAT N")
		}
		f, err := faultHead(args)
		if err != nil {
			return fmt.Errorf("lose: %w", err)
		}
		f.lose = true
		r.faults = append(r.faults, f)
	case "hangup", "cut", "page", "garbage":
		f, err := parseBreak(verb, args)
		if err != nil {
			return err
		}
		r.faults = append(r.faults, f)
	case "slow":
		if len(args) != 2 {
			return fmt.Errorf("slow METHOD DURATION")
		}
		dur, err := time.ParseDuration(args[1])
		if err != nil {
			return fmt.Errorf("slow: %w", err)
		}
		if dur == 0 {
			delete(r.slow, args[0])
		} else {
			r.slow[args[0]] = dur
		}
	case "clear":
		r.faults, r.slow = nil, map[string]time.Duration{}
	}
	return nil
}

// fault answers c by the first rule that matches it; nil: none does.
// r.mu is held.
func (r *refusals) fault(c telegramtest.Call) *telegramtest.Reply {
	delay := r.slow[c.Method]
	if delay == 0 {
		delay = r.slow["*"]
	}
	for _, f := range r.faults {
		if !f.matches(c) {
			continue
		}
		if f.left > 0 {
			f.left--
		}
		if f.lose {
			c.Params.Set("_refused", "carried out, answer lost")
			return &telegramtest.Reply{Delay: delay, LoseAnswer: true}
		}
		if f.broken != "" {
			c.Params.Set("_refused", f.broken)
		}
		rep := f.reply
		rep.Delay = delay
		c.Params.Set("_refused", rep.Description)
		return &rep
	}
	if delay > 0 {
		return &telegramtest.Reply{Delay: delay}
	}
	return nil
}
