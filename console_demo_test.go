package main

import (
	"context"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/newshound/newshound/internal/testkit"
)

// TestDemoSaysItForgetsAtCtrlD: the demo's database is a scratch copy,
// removed at Ctrl-D; a stranger who ran it again found the subscription
// gone without a word. At the end it says so, and how to keep them, in the
// terminal's language.
func TestDemoSaysItForgetsAtCtrlD(t *testing.T) {
	for lang, want := range map[string]string{"": "To keep your subscriptions, run ", "ru_RU.UTF-8": "Чтобы сохранить подписки, запустите "} {
		stdinR, stdinW := io.Pipe()
		out := &syncBuffer{}
		env := map[string]string{"LANG": lang}
		m := NewMain(stdinR, out, &syncBuffer{}, func(k string) string { return env[k] })
		done := make(chan error, 1)
		go func() { done <- m.RunDemo(context.Background()) }()
		if _, err := io.WriteString(stdinW, "/subscribe meridian\n"); err != nil {
			t.Fatal(err)
		}
		testkit.WaitWithin(t, "the subscription", 15*time.Second, func() bool { return strings.Contains(out.String(), "(#1): meridian") })
		stdinW.Close()
		select {
		case err := <-done:
			if err != nil {
				t.Fatal(err)
			}
		case <-time.After(15 * time.Second):
			t.Fatal("the demo did not end after Ctrl-D")
		}
		if s := out.String(); !strings.Contains(s, want) {
			t.Errorf("LANG=%q: the demo ended without saying it forgets, want %q:\n%s", lang, want, s)
		}
	}
}
