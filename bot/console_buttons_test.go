package bot

import (
	"context"
	"errors"
	"io"
	"strings"
	"sync"
	"testing"
	"time"
)

// syncWriter is a strings.Builder safe for the console's writes.
type syncWriter struct {
	mu sync.Mutex
	b  strings.Builder
}

func (w *syncWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.b.Write(p)
}
func (w *syncWriter) String() string { w.mu.Lock(); defer w.mu.Unlock(); return w.b.String() }

func TestConsoleNumbersButtonsAndTypingANumberPressesOne(t *testing.T) {
	out := &syncWriter{}
	in := strings.NewReader("2\n9\nhello\n")
	c := NewConsole(in, out)
	id, err := c.Send(context.Background(), Outgoing{ChatID: ConsoleChatID, Text: "<b>Subscriptions</b>",
		Buttons: [][]Button{{{Text: "Remove #1", Data: "rm:1"}, {Text: "Mute #1", Data: "mute:1"}}, {{Text: "Site", URL: "https://x.example/"}}}})
	if err != nil {
		t.Fatal(err)
	}
	if got := out.String(); !strings.Contains(got, "[1: Remove #1] [2: Mute #1]") || !strings.Contains(got, "[Site: https://x.example/]") {
		t.Fatalf("printed %q", got)
	}
	var got []Incoming
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := c.Updates(ctx, func(_ context.Context, in Incoming) { got = append(got, in) }); err != nil && !errors.Is(err, io.EOF) {
		t.Fatal(err) // the end of input (io.EOF) is how the console stops
	}
	if len(got) != 2 {
		t.Fatalf("handled %d inputs, want the press and the text (9 is no button)", len(got))
	}
	if cb := got[0].Callback; cb == nil || cb.Data != "mute:1" || cb.MessageID != id || got[0].Text != "" {
		t.Fatalf("press = %+v", got[0])
	}
	if got[1].Callback != nil || got[1].Text != "hello" {
		t.Fatalf("text = %+v", got[1])
	}
	if !strings.Contains(out.String(), "There is no button 9.") {
		t.Errorf("no notice for a missing button: %q", out.String())
	}
	if err := c.AnswerCallback(context.Background(), "x", "Muted #1."); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "(Muted #1.)") {
		t.Errorf("the answer was not shown: %q", out.String())
	}
}

// A script piped into the console ("/list", then "1") read "There is no
// button 1.": the number came before the reply that prints the button, which
// goes through the outbox. A number that names no button yet waits for the
// output still coming.
func TestConsoleNumberWaitsForTheReplyStillComing(t *testing.T) {
	out := &syncWriter{}
	c := NewConsole(strings.NewReader("/list\n1\n"), out)
	var got []Incoming
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	err := c.Updates(ctx, func(_ context.Context, in Incoming) {
		got = append(got, in)
		if in.Text == "/list" { // the reply is printed later, as the sender would
			time.AfterFunc(300*time.Millisecond, func() {
				if _, err := c.Send(context.Background(), Outgoing{ChatID: ConsoleChatID, Text: "Subscriptions",
					Buttons: [][]Button{{{Text: "Remove #1", Data: "rm:1"}}}}); err != nil {
					t.Error(err)
				}
			})
		}
	})
	if err != nil && !errors.Is(err, io.EOF) {
		t.Fatal(err)
	}
	if len(got) != 2 || got[1].Callback == nil || got[1].Callback.Data != "rm:1" {
		t.Fatalf("handled %+v, want /list then the press of its button; printed %q", got, out.String())
	}
	if strings.Contains(out.String(), "There is no button") {
		t.Errorf("the press was refused before the reply came: %q", out.String())
	}
}

// A 2 MB line pasted into the console ended it silently: every line after it
// was ignored and the process exited. An over-long line is cut (the router
// then says it is too long) and the lines after it are read.
func TestConsoleSurvivesAnOverlongLine(t *testing.T) {
	long := "/subscribe " + strings.Repeat("a", 2<<20)
	c := NewConsole(strings.NewReader(long+"\n/id\n"), &syncWriter{})
	var got []Incoming
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := c.Updates(ctx, func(_ context.Context, in Incoming) { got = append(got, in) }); err != nil && !errors.Is(err, io.EOF) {
		t.Fatal(err)
	}
	if len(got) != 2 || got[1].Text != "/id" {
		t.Fatalf("handled %d lines, want the long one and /id", len(got))
	}
	if !strings.HasPrefix(got[0].Text, "/subscribe aaa") || len(got[0].Text) > maxConsoleLine {
		t.Errorf("the long line came as %d bytes, want it cut to at most %d", len(got[0].Text), maxConsoleLine)
	}
}
