package main

import (
	"context"
	"log/slog"
	"net/http"
	"net/url"
	"strings"

	"github.com/newshound/newshound/config"
	"github.com/newshound/newshound/feeds"
	"github.com/newshound/newshound/news"
	"github.com/newshound/newshound/store"
	"github.com/newshound/newshound/websub"
)

// pushes is the WebSub service when Newshound has a public address
// (config.WebSubURL), with the poller it hands pushes to; its zero value
// is WebSub off.
type pushes struct {
	svc    *websub.Service
	pub    string        // the public address the callbacks are under
	poller *feeds.Poller // set once built, before anything runs
}

// newPushes builds and loads the WebSub service, or returns WebSub off
// when there is no public address. Hub URLs come from feed content, so
// requests to them go through the address guard. It fails when the stored
// subscriptions cannot be read.
func (m *Main) newPushes(ctx context.Context, cfg config.Config, st *store.Store, log *slog.Logger) (*pushes, error) {
	p := &pushes{}
	pub := cfg.WebSubURL()
	if pub == "" {
		return p, nil
	}
	client := &http.Client{Timeout: cfg.Poller.Timeout.D(),
		Transport: feeds.GuardedTransport(feeds.DiscoverOptions{AllowPrivate: cfg.Telegram.AllowPrivateURLs})}
	svc, err := websub.New(websub.Options{Store: st, PublicURL: pub, Client: client, MaxBytes: cfg.Poller.MaxBytes,
		UserAgent: cfg.Poller.UserAgent, Logger: log, Now: m.Now,
		Pusher: websub.PusherFunc(func(ctx context.Context, src news.Source, body []byte) (int, error) {
			return p.poller.Push(ctx, src, body)
		})})
	if err != nil {
		return nil, err
	}
	if err := svc.Load(ctx); err != nil {
		return nil, err
	}
	log.Info("WebSub on: feeds that name a hub are subscribed to and pushed", "callbacks", pub+websub.Prefix)
	p.svc, p.pub = svc, pub
	return p, nil
}

// hubs is what the poller tells of the hubs feeds name; nil when off.
func (p *pushes) hubs() feeds.Hubs {
	if p.svc == nil {
		return nil
	}
	return p.svc
}

// mount returns the callbacks to serve beside another handler; nil when off.
func (p *pushes) mount() map[string]http.Handler {
	if p.svc == nil {
		return nil
	}
	return p.callbacks()
}

// callbacks maps each path the callbacks may arrive under to their handler:
// Prefix, for a reverse proxy that forwards <public address>/websub/ there,
// and, when poller.public_url has a path (https://example.org/newshound),
// that path and Prefix, for a proxy that forwards the path as it is.
func (p *pushes) callbacks() map[string]http.Handler {
	h := p.svc.Handler()
	m := map[string]http.Handler{websub.Prefix: h}
	if u, err := url.Parse(p.pub); err == nil {
		if path := strings.TrimRight(u.Path, "/"); path != "" {
			m[path+websub.Prefix] = http.StripPrefix(path, h)
		}
	}
	return m
}

// metricsHandler is h with the callbacks beside it, when WebSub is on and
// there is no webhook to serve them.
func (p *pushes) metricsHandler(cfg config.Config, h http.Handler) http.Handler {
	if p.svc == nil || cfg.WebhookMode() {
		return h
	}
	mux := http.NewServeMux()
	mux.Handle("/", h)
	for prefix, cb := range p.callbacks() {
		mux.Handle(prefix, cb)
	}
	return mux
}

// task is the WebSub loop, or none when off.
func (p *pushes) tasks() []task {
	if p.svc == nil {
		return nil
	}
	return []task{{"websub", p.svc.Run}}
}
