package main

import (
	"errors"
	"fmt"
	"net"

	"github.com/newshound/newshound/config"
	"github.com/newshound/newshound/internal/listenadvice"
	"github.com/newshound/newshound/store"
)

// listensTaken returns an error for each listen address of cfg
// (metrics.listen, and telegram.webhook_listen with a webhook) that the
// system refuses for good (listenRefused: a port another program holds, or
// one below 1024), naming the key and configPath. It listens on each and
// lets go at once: the address was first tried after the database was
// opened, so a start that also had a configuration mistake or an unusable
// storage.path named the port only at the next start. An address refused
// for another reason is left to the real listen.
func listensTaken(cfg config.Config, configPath string) []error {
	type listen struct{ key, addr, example string }
	var listens []listen
	if cfg.Metrics.Listen != "" {
		listens = append(listens, listen{"metrics.listen", cfg.Metrics.Listen, "127.0.0.1:6397"})
	}
	if cfg.WebhookMode() && cfg.Telegram.WebhookListen != "" {
		listens = append(listens, listen{"telegram.webhook_listen", cfg.Telegram.WebhookListen, "127.0.0.1:8443"})
	}
	in := ""
	if configPath != "" {
		in = "; the key is in " + configPath
	}
	var errs []error
	for _, l := range listens {
		ln, err := net.Listen("tcp", l.addr)
		if err == nil {
			ln.Close()
			continue
		}
		if listenRefused(err) {
			errs = append(errs, fmt.Errorf("%s %s: %w (%s)%s", l.key, l.addr, err, listenadvice.For(err, l.example), in))
		}
	}
	return errs
}

// databaseHeld reports whether another process holds the lock of the
// database at path: another Newshound, whose listen addresses are the ones
// taken.
func databaseHeld(path string) bool { return heldBy(path) != nil }

// heldBy is the lock's refusal (store.ErrLocked, naming the holder's pid)
// when another process holds the database at path, else nil.
func heldBy(path string) error {
	unlock, err := lockAsOwner(path)
	if err != nil {
		if errors.Is(err, store.ErrLocked) {
			return err
		}
		return nil
	}
	_ = unlock()
	return nil
}
