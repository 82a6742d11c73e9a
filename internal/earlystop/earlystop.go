// Package earlystop catches SIGINT, SIGTERM and SIGHUP from the process's
// first package initialisation on, before main runs: until a handler is
// installed, each ends a Go program by the signal itself (not a clean exit
// 0; for SIGHUP, a bot that should have gone on), and the other packages'
// initialisation takes tens of milliseconds on a loaded machine. Import it
// from main only.
//
// A signal in the first few milliseconds after exec (the dynamic loader,
// the runtime's own start and the ~20 packages this one waits for: 2 to 5
// ms on an idle machine) still ends the process by the signal; nothing has
// been opened then, and systemd counts an end by SIGTERM as clean.
package earlystop

import (
	"context"
	"os"
	"os/signal"
	"sync"
	"syscall"
)

// caught receives the stops from init on, hangups the SIGHUPs. They are
// package state by necessity: init has nowhere else to put what it catches
// before main.
var (
	caught  = make(chan os.Signal, 1)
	hangups = make(chan os.Signal, 1)
)

func init() {
	signal.Notify(caught, os.Interrupt, syscall.SIGTERM)
	signal.Notify(hangups, syscall.SIGHUP)
}

// Hangups returns the SIGHUPs caught from init on: one that arrived during
// the start waits in it (the channel holds one; more before it is read
// are one hangup). signal.Ignore(syscall.SIGHUP) stops them.
func Hangups() <-chan os.Signal {
	return hangups
}

// Context returns a context cancelled by the first SIGINT or SIGTERM, one
// that arrived during initialisation included, and a stop that restores
// the signals' default action (a second Ctrl-C after stop ends the process
// at once, as signal.NotifyContext's stop does). Call it once.
func Context() (context.Context, context.CancelFunc) {
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		select {
		case <-caught:
			cancel()
		case <-done:
		}
	}()
	return ctx, sync.OnceFunc(func() {
		signal.Stop(caught)
		close(done)
		cancel()
	})
}
