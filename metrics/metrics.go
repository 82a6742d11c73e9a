package metrics

import (
	"context"
	"fmt"
	"math"
	"net/http"
	"strconv"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// PendingCounter counts the outbox rows waiting to be sent; *store.Store is one.
type PendingCounter interface {
	CountPending(ctx context.Context) (int, error)
}

// SubscriptionCounter counts the queries in the subscription index;
// *subscriptions.Service is one.
type SubscriptionCounter interface {
	Count() int
}

// Options configures Metrics.
type Options struct {
	// Pending, when set, is read on each scrape as newshound_outbox_pending.
	Pending PendingCounter
	// Ready, when set, is asked on each /healthz: an error makes it answer
	// 503 with the error's text.
	Ready Readiness
	// Sources, when set, is read on each scrape as newshound_sources.
	Sources SourceCounter
	// Build, when its Version is set, is exported as newshound_build_info:
	// which binary runs, for a dashboard to show an upgrade or a fleet's
	// versions.
	Build Build
	// DatabasePath, when set, is the SQLite file whose size (and its -wal
	// file's) newshound_database_bytes reads on each scrape, and
	// newshound_database_disk_free_bytes the room left beside it.
	DatabasePath string
}

// Build is what newshound_build_info labels: the version, the commit and
// the Go release of the running binary ("" = unknown).
type Build struct {
	Version, Commit, GoVersion string
}

// Readiness says whether the bot does its work; it returns why not.
type Readiness interface {
	Ready(ctx context.Context) error
}

// pendingTimeout bounds the outbox count done on each scrape.
const pendingTimeout = 5 * time.Second

// Metrics holds Newshound's collectors on a registry of its own. Its methods
// are the observers of the poller, the subscription service and the sender,
// and are safe for concurrent use.
type Metrics struct {
	ready        Readiness
	reg          *prometheus.Registry
	fetches      *prometheus.CounterVec
	stored       prometheus.Counter
	queued       prometheus.Counter
	sent         *prometheus.CounterVec
	dropped      *prometheus.CounterVec
	telegramErrs *prometheus.CounterVec
	updateErrs   *prometheus.CounterVec
	pollDuration prometheus.Histogram
}

// Fetch results, the values of newshound_feed_fetches_total's result label.
const (
	FetchOK          = "ok"
	FetchNotModified = "not_modified"
	FetchError       = "error"
)

var (
	fetchResults = []string{FetchOK, FetchNotModified, FetchError}
	messageKinds = []string{"reply", "alert", "digest", "edit", "other"}
	errorCodes   = []string{"network", "400", "401", "403", "429", "5xx", "other"}
	dropReasons  = []string{"refused", "unreachable", "gone", "other"}
	// updateMethods and updateCodes are the label values of
	// newshound_update_errors_total (see UpdatesFailed).
	updateMethods = []string{"getMe", "getUpdates", "deleteWebhook", "setWebhook", "webhook"}
	updateCodes   = []string{"network", "400", "401", "403", "409", "413", "429", "5xx", "other"}
)

// New returns Metrics with every collector registered on a new registry,
// along with the Go runtime and process collectors.
func New(opts Options) *Metrics {
	m := &Metrics{
		ready: opts.Ready,
		reg:   prometheus.NewRegistry(),
		fetches: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "newshound_feed_fetches_total",
			Help: "Source fetches by result: ok, not_modified or error."}, []string{"result"}),
		stored: prometheus.NewCounter(prometheus.CounterOpts{Name: "newshound_articles_stored_total",
			Help: "New articles stored."}),
		queued: prometheus.NewCounter(prometheus.CounterOpts{Name: "newshound_alerts_queued_total",
			Help: "Alerts queued in the outbox."}),
		sent: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "newshound_messages_sent_total",
			Help: "Messages Telegram accepted, by outbox kind."}, []string{"kind"}),
		dropped: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "newshound_messages_dropped_total",
			Help: "Messages given up on, by why: refused (Telegram refused it for good), unreachable (the chat blocked or left the bot; its queue went too), gone (what it referred to is gone), other."}, []string{"reason"}),
		telegramErrs: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "newshound_telegram_errors_total",
			Help: "Failed Telegram calls by error code (network: no answer)."}, []string{"code"}),
		updateErrs: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "newshound_update_errors_total",
			Help: "Failures of what brings updates in, by method (getMe, getUpdates, deleteWebhook, setWebhook: Telegram's error code, network when no answer came; webhook: a post the webhook refused, by the status it answered)."}, []string{"method", "code"}),
		pollDuration: prometheus.NewHistogram(prometheus.HistogramOpts{Name: "newshound_poll_duration_seconds",
			Help: "How long finishing a round of fetches took (summaries, story linking and matching of what it stored); each source is fetched on its own clock, so this is no fetch's time.", Buckets: []float64{0.1, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300}}),
	}
	m.reg.MustRegister(m.fetches, m.stored, m.queued, m.sent, m.dropped, m.telegramErrs, m.updateErrs, m.pollDuration,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	// Known label values start at zero, so rate() works from the first scrape.
	for _, r := range fetchResults {
		m.fetches.WithLabelValues(r)
	}
	for _, k := range messageKinds {
		m.sent.WithLabelValues(k)
	}
	for _, c := range errorCodes {
		m.telegramErrs.WithLabelValues(c)
	}
	for _, r := range dropReasons {
		m.dropped.WithLabelValues(r)
	}
	for _, me := range updateMethods {
		for _, c := range updateCodes {
			m.updateErrs.WithLabelValues(me, c)
		}
	}
	if opts.Sources != nil {
		m.reg.MustRegister(sourcesCollector{opts.Sources})
	}
	if opts.DatabasePath != "" {
		m.reg.MustRegister(databaseCollector{opts.DatabasePath})
	}
	if b := opts.Build; b.Version != "" {
		m.reg.MustRegister(prometheus.NewGaugeFunc(prometheus.GaugeOpts{Name: "newshound_build_info",
			Help:        "Always 1; its labels say which Newshound runs: version, commit and Go release.",
			ConstLabels: prometheus.Labels{"version": b.Version, "commit": b.Commit, "goversion": b.GoVersion}}, func() float64 { return 1 }))
	}
	if opts.Pending != nil {
		m.reg.MustRegister(prometheus.NewGaugeFunc(prometheus.GaugeOpts{Name: "newshound_outbox_pending",
			Help: "Outbox messages waiting to be sent (NaN when the count failed)."}, pendingFunc(opts.Pending)))
	}
	return m
}

// WatchSubscriptions adds newshound_subscriptions, read from c on each
// scrape. It is a method rather than an option because the subscription
// service takes the Metrics as its observer, so it exists only afterwards.
// It fails when called a second time.
func (m *Metrics) WatchSubscriptions(c SubscriptionCounter) error {
	g := prometheus.NewGaugeFunc(prometheus.GaugeOpts{Name: "newshound_subscriptions",
		Help: "Subscriptions in the matching index."}, func() float64 { return float64(c.Count()) })
	if err := m.reg.Register(g); err != nil {
		return fmt.Errorf("metrics: watch subscriptions: %w", err)
	}
	return nil
}

// pendingFunc counts the outbox on each scrape; a failed count reads as NaN
// rather than a misleading zero.
func pendingFunc(p PendingCounter) func() float64 {
	return func() float64 {
		ctx, cancel := context.WithTimeout(context.Background(), pendingTimeout)
		defer cancel()
		n, err := p.CountPending(ctx)
		if err != nil {
			return math.NaN()
		}
		return float64(n)
	}
}

// Registry returns the registry that holds every collector.
func (m *Metrics) Registry() *prometheus.Registry { return m.reg }

// Handler serves /metrics (the Prometheus text format) and /healthz: "ok",
// or 503 with the reason when the Readiness says the bot is not ready.
func (m *Metrics) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.Handle("/metrics", promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{}))
	mux.HandleFunc("/healthz", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		if m.ready != nil {
			ctx, cancel := context.WithTimeout(r.Context(), pendingTimeout)
			defer cancel()
			if err := m.ready.Ready(ctx); err != nil {
				w.WriteHeader(http.StatusServiceUnavailable)
				_, _ = w.Write([]byte("not ready: " + err.Error() + "\n"))
				return
			}
		}
		_, _ = w.Write([]byte("ok"))
	})
	return mux
}

// Fetched counts one source fetch; result is FetchOK, FetchNotModified or
// FetchError (anything else counts as an error).
func (m *Metrics) Fetched(result string) {
	switch result {
	case FetchOK, FetchNotModified:
	default:
		result = FetchError
	}
	m.fetches.WithLabelValues(result).Inc()
}

// Stored counts n new articles stored.
func (m *Metrics) Stored(n int) { m.stored.Add(float64(max(n, 0))) }

// PollTook records how long one poll took.
func (m *Metrics) PollTook(d time.Duration) { m.pollDuration.Observe(d.Seconds()) }

// AlertsQueued counts n alerts queued in the outbox.
func (m *Metrics) AlertsQueued(n int) { m.queued.Add(float64(max(n, 0))) }

// Sent counts one message Telegram accepted, by its outbox kind.
func (m *Metrics) Sent(kind string) {
	switch kind {
	case "reply", "alert", "digest", "edit":
	default:
		kind = "other"
	}
	m.sent.WithLabelValues(kind).Inc()
}

// Dropped counts one message given up on, by why (refused, unreachable or
// gone; anything else counts as other).
func (m *Metrics) Dropped(reason string) {
	switch reason {
	case "refused", "unreachable", "gone":
	default:
		reason = "other"
	}
	m.dropped.WithLabelValues(reason).Inc()
}

// SendFailed counts one failed Telegram call by its error code; 0 means no
// answer came (a network error or timeout).
func (m *Metrics) SendFailed(code int) { m.telegramErrs.WithLabelValues(codeLabel(code)).Inc() }

// UpdatesFailed counts one failure of what brings updates in: a call of
// method (getMe, getUpdates, deleteWebhook, setWebhook; another counts as
// other) with Telegram's error code, 0 when no answer came; or, for
// method "webhook", a post the webhook refused with the status it answered.
func (m *Metrics) UpdatesFailed(method string, code int) {
	known := false
	for _, me := range updateMethods {
		known = known || me == method
	}
	if !known {
		method = "other"
	}
	label := codeLabel(code)
	switch code {
	case 401, 409, 413:
		label = strconv.Itoa(code)
	}
	m.updateErrs.WithLabelValues(method, label).Inc()
}

func codeLabel(code int) string {
	switch {
	case code == 0:
		return "network"
	case code == 400 || code == 401 || code == 403 || code == 429: // 401: the token revoked
		return strconv.Itoa(code)
	case code >= 500 && code <= 599:
		return "5xx"
	default:
		return "other"
	}
}
