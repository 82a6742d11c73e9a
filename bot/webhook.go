package bot

import (
	"context"
	"crypto/rand"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"sync"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"github.com/newshound/newshound/internal/listenadvice"
	"github.com/newshound/newshound/internal/throttle"
)

// Webhook limits. Telegram's updates are a few kilobytes; a body past
// maxWebhookBody is not one of them.
const (
	maxWebhookBody = 1 << 20
	secretHeader   = "X-Telegram-Bot-Api-Secret-Token"
	// queueWait is how long a post waits for room in the queue before it is
	// refused with 503, which Telegram retries later.
	queueWait     = 5 * time.Second
	shutdownGrace = 5 * time.Second
)

// Webhook receives updates by Telegram posting them to a public HTTPS URL
// (usually a reverse proxy in front of Listen) instead of the long poll.
// Posts are checked (POST, the secret header, at most 1 MiB of JSON),
// answered at once and queued; one goroutine hands them on in the order they
// came, as the long poll does — to a Dispatcher in the running bot (app.go),
// whose Submit blocks while it is full, so that this queue fills and posts
// are answered 503 for Telegram to retry. A post answered 200 counts as
// received: Telegram does not post it again.
type Webhook struct {
	tg     *Telegram
	opts   WebhookOptions
	secret string
	seen   recentIDs // update ids queued or handled: Telegram re-posts an update whose answer it missed
	// queueSize and queueWait bound the updates waiting for the router and
	// how long a post waits for room; tests shrink them.
	queueSize int
	queueWait time.Duration
	// headerTimeout and idleTimeout are WebhookHeaderTimeout and
	// WebhookIdleTimeout; tests change them.
	headerTimeout, idleTimeout time.Duration
	// checkEvery is WebhookCheckEvery; tests shorten it.
	checkEvery time.Duration
	// refused logs the posts refused for their secret once a minute: a
	// proxy that drops the header leaves the bot deaf, and nothing else
	// would say why.
	refused throttle.Log
}

// WebhookOptions configures the webhook.
type WebhookOptions struct {
	URL    string // the public URL Telegram posts to
	Listen string // host:port to listen on
	// Secret is the secret_token Telegram sends back in the
	// X-Telegram-Bot-Api-Secret-Token header; a random one when empty.
	Secret string
	// Listener, when set, is served instead of listening on Listen (tests).
	Listener net.Listener
	// Mount is served beside the webhook on its listener, by path prefix
	// (the WebSub callbacks under /websub/); every other path is the webhook's.
	Mount map[string]http.Handler
}

// NewWebhook returns a webhook updater that registers itself through tg.
func NewWebhook(tg *Telegram, opts WebhookOptions) *Webhook {
	secret := opts.Secret
	if secret == "" {
		secret = rand.Text() // A-Z and 2-7: within Telegram's secret_token alphabet
	}
	return &Webhook{tg: tg, opts: opts, secret: secret, queueSize: 64, queueWait: queueWait,
		headerTimeout: WebhookHeaderTimeout, idleTimeout: WebhookIdleTimeout, checkEvery: WebhookCheckEvery}
}

// Updates serves the webhook, registers it with setWebhook and calls handle
// for each update, until ctx is done; then the server shuts down gracefully,
// the updates already queued are handled (with a context that outlives ctx
// by a few seconds), and Updates returns nil. It fails when it cannot listen, when the server
// stops on its own, or when Telegram refuses the webhook (a 4xx other than
// 429: a wrong URL); other setWebhook failures are retried with backoff.
// While it runs it asks Telegram every WebhookCheckEvery whether its posts
// arrive, and logs when they do not (watchDeliveries).
func (w *Webhook) Updates(ctx context.Context, handle func(context.Context, Incoming)) error {
	ln := w.opts.Listener
	if ln == nil {
		var err error
		if ln, err = net.Listen("tcp", w.opts.Listen); err != nil {
			return fmt.Errorf("telegram.webhook_listen %s: %w (%s)", w.opts.Listen, err, listenadvice.For(err, "127.0.0.1:8443"))
		}
	}
	queue := make(chan Incoming, w.queueSize)
	limited := limitConns(ln, WebhookMaxConns)
	srv := &http.Server{Handler: w.mounted(w.handler(ctx, queue)), ReadHeaderTimeout: w.headerTimeout,
		ReadTimeout: 30 * time.Second, WriteTimeout: 30 * time.Second, IdleTimeout: w.idleTimeout,
		MaxHeaderBytes: WebhookMaxHeaderBytes, ConnState: limited.track}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(limited) }()
	var taken []Incoming // taken from the queue as the stop came
	defer func() {
		sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), shutdownGrace)
		defer cancel()
		if err := srv.Shutdown(sctx); err != nil {
			w.tg.log.Warn("webhook server did not shut down cleanly", "err", err)
		}
		w.drain(sctx, taken, queue, handle)
	}()
	since := time.Now()
	if err := w.register(ctx); err != nil {
		return err
	}
	watchCtx, stopWatch := context.WithCancel(ctx)
	watched := make(chan struct{})
	go func() { defer close(watched); w.watchDeliveries(watchCtx, since) }()
	defer func() { stopWatch(); <-watched }()
	for {
		select {
		case <-ctx.Done():
			return nil
		case err := <-served:
			return fmt.Errorf("webhook server: %w", err)
		case in := <-queue:
			if ctx.Err() != nil { // both were ready: the stop wins, the update goes first in the drain
				taken = append(taken, in)
				return nil
			}
			handle(ctx, in)
		}
	}
}

// drain handles the updates queued before the stop: Telegram was told they
// arrived and will not post them again. They get a context of their own
// (ctx, ended, would fail them), bounded by the shutdown grace.
func (w *Webhook) drain(ctx context.Context, taken []Incoming, queue chan Incoming, handle func(context.Context, Incoming)) {
	for _, in := range taken {
		handle(ctx, in)
	}
	for {
		select {
		case in := <-queue:
			if ctx.Err() != nil {
				w.tg.log.Warn("updates received but not handled before the stop", "count", len(queue)+1)
				return
			}
			handle(ctx, in)
		default:
			return
		}
	}
}

// ErrWebhookRefused is wrapped by Updates' error when Telegram refuses the
// webhook for good (a 4xx: the URL, its port or its certificate): only
// the configuration mends it.
var ErrWebhookRefused = errors.New("telegram refused telegram.webhook_url")

// register calls setWebhook until Telegram accepts it or ctx is done, with
// backoff from 1 s doubling to 1 min, or a 429's retry_after when longer.
// v5.5.1's WebhookConfig has no secret_token, so the request is built by hand.
func (w *Webhook) register(ctx context.Context) error {
	p := tgbotapi.Params{"url": w.opts.URL, "secret_token": w.secret, "drop_pending_updates": "false"}
	if err := p.AddInterface("allowed_updates", allowedUpdates()); err != nil {
		return fmt.Errorf("setWebhook: %w", err)
	}
	url := redact(errors.New(w.opts.URL), w.tg.token).Error()
	wait := time.Second
	for ctx.Err() == nil {
		_, err := w.tg.send.MakeRequest("setWebhook", p)
		if err == nil {
			w.tg.reach.Answered("setWebhook")
			w.tg.log.Info("webhook set", "url", url, "listen", w.addr())
			return nil
		}
		err = w.tg.convert(err)
		w.tg.updatesFailed("setWebhook", err)
		w.tg.reach.Failed("setWebhook", err)
		var se *SendError
		if errors.As(err, &se) && se.Code >= 400 && se.Code < 500 && se.Code != 429 {
			return fmt.Errorf("setWebhook %s: %w: %w", url, ErrWebhookRefused, err)
		}
		pause := wait
		if se != nil && se.RetryAfter > pause {
			pause = se.RetryAfter // a 429's retry_after: asking sooner is refused again
		}
		w.tg.log.Warn("setWebhook failed", "err", err, "retry_in", pause)
		w.tg.sleep(ctx, pause)
		wait = min(wait*2, time.Minute)
	}
	return nil
}

func (w *Webhook) addr() string {
	if w.opts.Listener != nil {
		return w.opts.Listener.Addr().String()
	}
	return w.opts.Listen
}

// mounted is h with the handlers of opts.Mount beside it.
func (w *Webhook) mounted(h http.Handler) http.Handler {
	if len(w.opts.Mount) == 0 {
		return h
	}
	mux := http.NewServeMux()
	mux.Handle("/", h)
	for prefix, m := range w.opts.Mount {
		mux.Handle(prefix, m)
	}
	return mux
}

// handler checks one post and queues its update. It answers 405 to anything
// but POST, 401 to a wrong or missing secret, 413 to a body over 1 MiB, 400
// to a body that is not an update, 503 when the queue stays full, and 200
// otherwise (updates of kinds the bot does not handle included, and updates
// it cannot decode, skipped as the long poll skips them).
func (w *Webhook) handler(ctx context.Context, queue chan<- Incoming) http.Handler {
	return http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodPost {
			rw.Header().Set("Allow", http.MethodPost)
			http.Error(rw, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		if subtle.ConstantTimeCompare([]byte(r.Header.Get(secretHeader)), []byte(w.secret)) != 1 {
			w.refused.Warn(w.tg.log, "webhook post refused: its "+secretHeader+" header is missing or wrong. Posts from Telegram carry it; "+
				"a proxy in front of telegram.webhook_listen that drops the header refuses every update", "remote", r.RemoteAddr, "header_sent", r.Header.Get(secretHeader) != "")
			w.refuse(rw, "unauthorized", http.StatusUnauthorized)
			return
		}
		body, err := io.ReadAll(http.MaxBytesReader(rw, r.Body, maxWebhookBody))
		var tooBig *http.MaxBytesError
		switch {
		case errors.As(err, &tooBig):
			w.tg.log.Warn("webhook post over 1 MiB refused", "remote", r.RemoteAddr)
			w.refuse(rw, "body too large", http.StatusRequestEntityTooLarge)
			return
		case err != nil:
			w.refuse(rw, "cannot read the body", http.StatusBadRequest)
			return
		}
		id, in, ok, err := decodeUpdate(body)
		if err != nil {
			if uid, read := updateID(body); read {
				// Telegram's own update (the secret says so) that the
				// library cannot read, a field changed since Bot API 5.5:
				// refused, Telegram would post it again and again. Skipped,
				// as the long poll skips it.
				w.tg.log.Warn("update skipped", "update", uid, "err", err)
				return // 200
			}
			w.tg.log.Warn("webhook post is not an update", "remote", r.RemoteAddr, "err", err)
			w.refuse(rw, "not a Telegram update", http.StatusBadRequest)
			return
		}
		if !ok {
			return // 200: an update the bot does not handle
		}
		// The id is taken before queueing, so that two posts of one update
		// at once queue it once, and given back when the post is refused:
		// Telegram re-posts a refused update, and that post must be served.
		// A repost while the first post still waits for room (Telegram or
		// a proxy gave up on it) is refused too: answered 200, it would
		// tell Telegram the update arrived, and the first post may yet be
		// refused, the update then lost.
		if !w.seen.add(id) {
			if w.seen.waiting(id) {
				w.tg.log.Info("webhook update posted again while its first post waits for room; refused for Telegram to post again", "update", id)
				w.refuse(rw, "busy", http.StatusServiceUnavailable)
				return
			}
			w.tg.log.Debug("webhook update seen before; ignored", "update", id)
			return // 200: queued or handled already
		}
		t := time.NewTimer(w.queueWait)
		defer t.Stop()
		select {
		case queue <- in:
			w.seen.queued(id)
		case <-ctx.Done():
			w.seen.forget(id)
			w.refuse(rw, "shutting down", http.StatusServiceUnavailable)
		case <-t.C:
			w.seen.forget(id)
			w.tg.log.Warn("webhook queue full; update refused for Telegram to post again", "update", id)
			w.refuse(rw, "busy", http.StatusServiceUnavailable)
		}
	})
}

// refuse answers a post with an error status, and tells the observer.
func (w *Webhook) refuse(rw http.ResponseWriter, text string, status int) {
	if w.tg.obs != nil {
		w.tg.obs.UpdatesFailed("webhook", status)
	}
	http.Error(rw, text, status)
}

// updateID reads the update_id of a JSON object, and whether it has one.
func updateID(body []byte) (int, bool) {
	var head struct {
		ID *int `json:"update_id"`
	}
	if json.Unmarshal(body, &head) != nil || head.ID == nil {
		return 0, false
	}
	return *head.ID, true
}

// recentIDs remembers the last recentIDsSize update ids, so an update that
// Telegram posts twice is handled once; an id given back with forget counts
// as never seen. It is safe for concurrent use.
type recentIDs struct {
	mu   sync.Mutex
	ids  map[int]bool // id → its post still waits for room in the queue
	ring []int
	next int
}

const recentIDsSize = 4096

// add records id, as waiting for room until queued says otherwise, and
// reports whether it was new.
func (r *recentIDs) add(id int) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.ids == nil {
		r.ids, r.ring = make(map[int]bool, recentIDsSize), make([]int, 0, recentIDsSize)
	}
	if _, dup := r.ids[id]; dup {
		return false
	}
	if len(r.ring) < recentIDsSize {
		r.ring = append(r.ring, id)
	} else {
		delete(r.ids, r.ring[r.next])
		r.ring[r.next] = id
		r.next = (r.next + 1) % recentIDsSize
	}
	r.ids[id] = true
	return true
}

// queued records that id's update is in the queue.
func (r *recentIDs) queued(id int) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if _, ok := r.ids[id]; ok {
		r.ids[id] = false
	}
}

// waiting reports whether a post of id still waits for room in the queue.
func (r *recentIDs) waiting(id int) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.ids[id]
}

// forget gives back an id that add took but whose update was not queued.
// Its slot in the ring stays: when that slot is reused later, the id is
// forgotten early, which at worst lets a very late repost through once.
func (r *recentIDs) forget(id int) {
	r.mu.Lock()
	defer r.mu.Unlock()
	delete(r.ids, id)
}
