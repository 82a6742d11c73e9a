package bot

import (
	"context"
	"errors"
	"strings"
	"testing"
)

func TestIDAnswersUserAndChat(t *testing.T) {
	h := newHarness(t)
	if got := h.reply(5001, "private", 5001, "/id").Text(); !strings.Contains(got, "Your user id: <code>5001</code>") || !strings.Contains(got, "This chat's id: <code>5001</code>") {
		t.Errorf("/id in a private chat → %q", got)
	}
	if got := h.reply(-100777, "supergroup", 42, "/id").Text(); !strings.Contains(got, "<code>42</code>") || !strings.Contains(got, "<code>-100777</code>") {
		t.Errorf("/id in a group, by a member → %q", got)
	}
}

func TestOperatorRefusalNamesTheID(t *testing.T) {
	h := newHarness(t, func(o *RouterOptions) { o.Operators = []int64{1} })
	for _, cmd := range []string{"/addsource https://example.org/feed", "/version", "/status"} {
		got := h.reply(77, "private", 77, cmd).Text()
		if !strings.Contains(got, "add your id 77 to telegram.admins") {
			t.Errorf("%s by a non-operator → %q, want it to say to add id 77 to telegram.admins", cmd, got)
		}
		h.clock.Advance(10e9)
	}
}

func TestVersionAndStatusForOperators(t *testing.T) {
	h := newHarness(t, func(o *RouterOptions) {
		o.Operators = []int64{9}
		o.Version = func(context.Context) string { return "v1.2.3 (commit abc, built today)" }
		o.Status = func(context.Context) (string, error) { return "Sources: 2 sources <ok>.", nil }
	})
	if got := h.reply(9, "private", 9, "/version").Text(); !strings.Contains(got, "Newshound v1.2.3 (commit abc, built today)") {
		t.Errorf("/version → %q", got)
	}
	if got := h.reply(9, "private", 9, "/status").Text(); !strings.Contains(got, "Sources: 2 sources &lt;ok&gt;.") {
		t.Errorf("/status → %q (want the status, escaped)", got)
	}
}

func TestStatusFailureIsReported(t *testing.T) {
	h := newHarness(t, func(o *RouterOptions) {
		o.Operators = []int64{9}
		o.Status = func(context.Context) (string, error) { return "", errors.New("disk gone") }
	})
	if got := h.reply(9, "private", 9, "/status").Text(); got == "" {
		t.Error("/status with a failing status got no answer")
	}
}

func TestCountOf(t *testing.T) {
	for n, want := range map[int]string{0: "0 stored articles", 1: "1 stored article", 2: "2 stored articles"} {
		if got := countOf(n, "stored article"); got != want {
			t.Errorf("countOf(%d) = %q, want %q", n, got, want)
		}
	}
}
