package metrics

import (
	"context"
	"math"

	"github.com/prometheus/client_golang/prometheus"
)

// SourceCounter counts the sources polled: those whose last fetch failed,
// and all of them.
type SourceCounter interface {
	CountSources(ctx context.Context) (all, failing int, err error)
}

// sourcesDesc is newshound_sources: a handful of series whatever the number
// of sources (no label per source), for an alert on failing feeds that
// /healthz, which is about the bot itself, does not raise.
var sourcesDesc = prometheus.NewDesc("newshound_sources",
	"Sources polled, by the state of their last fetch: ok or failing (NaN when the count failed).", []string{"state"}, nil)

// sourcesCollector reads the counts once per scrape.
type sourcesCollector struct{ c SourceCounter }

func (s sourcesCollector) Describe(ch chan<- *prometheus.Desc) { ch <- sourcesDesc }

func (s sourcesCollector) Collect(ch chan<- prometheus.Metric) {
	ctx, cancel := context.WithTimeout(context.Background(), pendingTimeout)
	defer cancel()
	ok, failing := math.NaN(), math.NaN()
	if all, bad, err := s.c.CountSources(ctx); err == nil {
		ok, failing = float64(all-bad), float64(bad)
	}
	ch <- prometheus.MustNewConstMetric(sourcesDesc, prometheus.GaugeValue, ok, "ok")
	ch <- prometheus.MustNewConstMetric(sourcesDesc, prometheus.GaugeValue, failing, "failing")
}
