package main

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// writeConsoleConfig writes in dir a configuration of one source at feedURL,
// polled hourly, on a database in dir, and returns its path.
func writeConsoleConfig(t *testing.T, dir, feedURL string) string {
	t.Helper()
	path := filepath.Join(dir, "console.toml")
	err := os.WriteFile(path, []byte(`
[storage]
path = "`+filepath.Join(dir, "console.db")+`"
[poller]
schedule = "@every 1h"
[[sources]]
name = "Example World News"
url = "`+feedURL+`"
`), 0o600)
	if err != nil {
		t.Fatal(err)
	}
	return path
}

// console is a Main running in console mode, its input a pipe the test
// writes to and its output a buffer.
type console struct {
	t     *testing.T
	out   *syncBuffer
	in    *io.PipeWriter
	done  chan error
	parts *Parts
}

// startConsole runs the configuration at cfgPath in console mode with the
// clock at now and the environment getenv (nil: empty), and returns once its
// parts are ready.
func startConsole(t *testing.T, cfgPath string, now time.Time, getenv func(string) string) *console {
	t.Helper()
	return startConsoleWith(t, cfgPath, now, getenv, nil)
}

// startConsoleWith is startConsole with setup, when set, called on the
// Main before it runs.
func startConsoleWith(t *testing.T, cfgPath string, now time.Time, getenv func(string) string, setup func(*Main)) *console {
	t.Helper()
	if getenv == nil {
		getenv = func(string) string { return "" }
	}
	stdinR, stdinW := io.Pipe()
	c := &console{t: t, out: &syncBuffer{}, in: stdinW, done: make(chan error, 1)}
	m := NewMain(stdinR, c.out, &syncBuffer{}, getenv)
	m.Now = func() time.Time { return now }
	if setup != nil {
		setup(m)
	}
	ready := make(chan *Parts, 1)
	m.Ready = func(p *Parts) { ready <- p }
	go func() { c.done <- m.Run(context.Background(), cfgPath) }()
	select {
	case c.parts = <-ready:
	case err := <-c.done:
		t.Fatalf("console mode ended before it was ready: %v", err)
	}
	return c
}

// send types text, lines ending in newlines, into the console.
func (c *console) send(text string) {
	c.t.Helper()
	if _, err := io.WriteString(c.in, text); err != nil {
		c.t.Fatal(err)
	}
}

// stop ends the input (Ctrl-D) and waits for console mode to end without
// an error.
func (c *console) stop() {
	c.t.Helper()
	c.in.Close()
	select {
	case err := <-c.done:
		if err != nil {
			c.t.Fatal(err)
		}
	case <-time.After(10 * time.Second):
		c.t.Fatal("console mode did not end after its input closed")
	}
}
