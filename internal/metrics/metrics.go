// Package metrics holds the Prometheus metrics of one Vigie process and its
// health endpoints: /metrics, /healthz (the process serves) and /readyz
// (its dependencies answer). One Metrics per process, on its own registry:
// no package-level state.
package metrics

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"strings"
	"sync"
	"time"
	"unicode"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// Metrics are the counters and gauges every stage reports.
type Metrics struct {
	reg *prometheus.Registry

	messages *prometheus.CounterVec   // stage, direction (in|out)
	dlq      *prometheus.CounterVec   // stage, reason
	batches  *prometheus.HistogramVec // stage
	handle   *prometheus.HistogramVec // stage
	retries  *prometheus.CounterVec   // stage
	lag      *prometheus.GaugeVec     // group, topic
	gaps     *prometheus.CounterVec   // source

	mu     sync.Mutex
	checks map[string]func(context.Context) error
}

// New creates the metrics of a process.
func New() *Metrics {
	m := &Metrics{
		reg: prometheus.NewRegistry(),
		messages: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "vigie_messages_total",
			Help: "Messages handled by a stage: direction in (consumed) or out (handed to the next stage)."}, []string{"stage", "direction"}),
		dlq: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "vigie_dlq_total",
			Help: "Messages sent to the dead-letter topic, by stage and reason class."}, []string{"stage", "reason"}),
		batches: prometheus.NewHistogramVec(prometheus.HistogramOpts{Name: "vigie_batch_size",
			Help: "Messages per handled batch.", Buckets: prometheus.ExponentialBuckets(1, 4, 9)}, []string{"stage"}),
		handle: prometheus.NewHistogramVec(prometheus.HistogramOpts{Name: "vigie_batch_seconds",
			Help: "Time to handle a batch (for store: the ClickHouse insert).", Buckets: prometheus.ExponentialBuckets(0.001, 3, 10)}, []string{"stage"}),
		retries: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "vigie_batch_retries_total",
			Help: "Failed batch attempts, retried with backoff."}, []string{"stage"}),
		lag: prometheus.NewGaugeVec(prometheus.GaugeOpts{Name: "vigie_consumer_lag",
			Help: "Messages not yet committed by a consumer group."}, []string{"group", "topic"}),
		gaps: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "vigie_source_gaps_total",
			Help: "Coverage gaps recorded by live sources."}, []string{"source"}),
		checks: map[string]func(context.Context) error{},
	}
	m.reg.MustRegister(m.messages, m.dlq, m.batches, m.handle, m.retries, m.lag, m.gaps,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return m
}

// Registry returns the registry, for tests and extra collectors.
func (m *Metrics) Registry() *prometheus.Registry { return m.reg }

// ObserveBatch records one handled batch (kafkax.Observer).
func (m *Metrics) ObserveBatch(stage string, in, out int, took time.Duration, reasons []string) {
	m.messages.WithLabelValues(stage, "in").Add(float64(in))
	m.messages.WithLabelValues(stage, "out").Add(float64(out))
	m.batches.WithLabelValues(stage).Observe(float64(in))
	m.handle.WithLabelValues(stage).Observe(took.Seconds())
	for _, r := range reasons {
		m.dlq.WithLabelValues(stage, ReasonClass(r)).Inc()
	}
}

// ObserveRetry records a failed batch attempt (kafkax.Observer).
func (m *Metrics) ObserveRetry(stage string) { m.retries.WithLabelValues(stage).Inc() }

// SetLag records a consumer group's lag.
func (m *Metrics) SetLag(group, topic string, lag int64) {
	m.lag.WithLabelValues(group, topic).Set(float64(lag))
}

// Gap counts a coverage gap of a live source.
func (m *Metrics) Gap(source string) { m.gaps.WithLabelValues(source).Inc() }

// IngestCounts reports what the ingest publisher did; RegisterIngest
// exposes it as counters read at scrape time.
type IngestCounts func() (published, unmatched, deadLettered int64)

// RegisterIngest exposes the publisher's counters.
func (m *Metrics) RegisterIngest(counts IngestCounts) {
	for _, c := range []struct {
		name, help string
		pick       func(a, b, c int64) int64
	}{
		{"vigie_ingest_published_total", "Posts published to the raw topic.", func(a, _, _ int64) int64 { return a }},
		{"vigie_ingest_unmatched_total", "Posts dropped for matching no tracked term.", func(_, b, _ int64) int64 { return b }},
		{"vigie_ingest_dlq_total", "Input records sent to the dead-letter topic by ingest.", func(_, _, c int64) int64 { return c }},
	} {
		m.reg.MustRegister(prometheus.NewCounterFunc(prometheus.CounterOpts{Name: c.name, Help: c.help},
			func() float64 { a, b, d := counts(); return float64(c.pick(a, b, d)) }))
	}
}

// ReasonClass turns a dead-letter reason into a label of bounded
// cardinality: its words before the first digit, quote or colon detail,
// e.g. "invalid post: absurd created_at 0001-01-01…" -> "invalid post: absurd created_at".
func ReasonClass(reason string) string {
	var b strings.Builder
	words := 0
	for _, w := range strings.Fields(reason) {
		if strings.IndexFunc(w, func(r rune) bool { return unicode.IsDigit(r) || r == '"' || r == '\'' || r == '(' }) >= 0 {
			break
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(w)
		if words++; words == 5 {
			break
		}
	}
	if b.Len() == 0 {
		return "other"
	}
	return b.String()
}

// AddReadiness registers a check that /readyz runs (Kafka reachable,
// ClickHouse answers, ...).
func (m *Metrics) AddReadiness(name string, check func(context.Context) error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.checks[name] = check
}

// Starting registers a readiness check named name that fails with reason
// (e.g. "connecting to Kafka at host:port") until the returned function is
// called, which removes it: /readyz says not ready while a process is still
// starting, even before its dependency checks are registered. It is safe on
// a nil *Metrics (a process without metrics), where it does nothing.
func (m *Metrics) Starting(name, reason string) (ready func()) {
	if m == nil {
		return func() {}
	}
	m.AddReadiness(name, func(context.Context) error { return errors.New(reason) })
	var once sync.Once
	return func() {
		once.Do(func() {
			m.mu.Lock()
			defer m.mu.Unlock()
			delete(m.checks, name)
		})
	}
}

// Register mounts /metrics, /healthz and /readyz on mux.
func (m *Metrics) Register(mux *http.ServeMux) {
	mux.Handle("GET /metrics", promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{}))
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		_, _ = w.Write([]byte("ok\n"))
	})
	mux.HandleFunc("GET /readyz", m.ready)
}

// Handler serves the three endpoints alone.
func (m *Metrics) Handler() http.Handler {
	mux := http.NewServeMux()
	m.Register(mux)
	return mux
}

// ready runs every readiness check (2 s each) and answers 200 when all
// pass, 503 otherwise, with each check's result as JSON.
func (m *Metrics) ready(w http.ResponseWriter, r *http.Request) {
	m.mu.Lock()
	checks := make(map[string]func(context.Context) error, len(m.checks))
	for k, v := range m.checks {
		checks[k] = v
	}
	m.mu.Unlock()
	results := map[string]string{}
	ok := true
	for name, check := range checks {
		ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
		err := check(ctx)
		cancel()
		if err != nil {
			ok = false
			results[name] = err.Error()
		} else {
			results[name] = "ok"
		}
	}
	w.Header().Set("Content-Type", "application/json")
	if !ok {
		w.WriteHeader(http.StatusServiceUnavailable)
	}
	_ = json.NewEncoder(w).Encode(map[string]any{"ready": ok, "checks": results})
}
