// Package metrics exposes Newshound's counters to an operator: Prometheus
// metrics at /metrics and a readiness answer at /healthz (503 with the reason
// when the Readiness given in Options says the bot is not doing its work).
//
// Rules:
//   - Everything lives on the registry of one Metrics; nothing is registered
//     globally, so tests and several instances never collide.
//   - The parts being measured do not import Prometheus: each declares a small
//     observer interface of its own (feeds.Observer, subscriptions.Observer,
//     bot.Observer) and Metrics implements all of them.
//   - Label values are bounded: unknown ones are folded into "other", so a
//     surprising input never grows the number of series.
package metrics
