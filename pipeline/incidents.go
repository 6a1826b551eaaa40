package pipeline

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"time"

	"github.com/vigie-edu/vigie/incident"
	"github.com/vigie-edu/vigie/store"
)

// IncidentConfig configures the detection passes.
type IncidentConfig struct {
	Detector incident.Config
	// Window is how far back each pass looks (from the newest stored post).
	Window time.Duration
	// History is how far before the window the baseline is learned.
	History time.Duration
	// Examples per incident.
	Examples int
	// Webhook receives a signed JSON POST for each incident that opens,
	// changes level or closes ("" for none).
	Webhook       string
	WebhookSecret string
	HTTPClient    *http.Client
	Logger        *slog.Logger
}

// DefaultIncidentConfig is what vigie run uses.
func DefaultIncidentConfig() IncidentConfig {
	return IncidentConfig{Detector: incident.Defaults(), Window: 24 * time.Hour, History: 28 * 24 * time.Hour, Examples: 3}
}

// IncidentDB is what a detection pass needs from ClickHouse (a *store.DB).
type IncidentDB interface {
	Extent(ctx context.Context) (from, to time.Time, ok bool, err error)
	OutageSeries(ctx context.Context, from, to time.Time) ([]incident.Point, error)
	IncidentExamples(ctx context.Context, f incident.Found, n int) ([]store.Example, error)
	Incidents(ctx context.Context) ([]store.StoredIncident, error)
	SaveIncidents(ctx context.Context, in []store.StoredIncident) error
}

// DetectIncidents runs one detection pass over the last Window of stored
// posts (time is the data's: a replayed 2021 day is judged as of its own
// last post), stores the incidents found and notifies the webhook of
// changes. It returns the incidents of the window.
func DetectIncidents(ctx context.Context, db IncidentDB, cfg IncidentConfig) ([]store.StoredIncident, error) {
	if err := cfg.Detector.Validate(); err != nil {
		return nil, err
	}
	first, last, ok, err := db.Extent(ctx)
	if err != nil || !ok {
		return nil, err
	}
	step := cfg.Detector.Step
	to := last.Truncate(step).Add(step)
	from := last.Add(-cfg.Window)
	if first.After(from) {
		from = first
	}
	from = from.Truncate(step)
	points, err := db.OutageSeries(ctx, from, to)
	if err != nil {
		return nil, err
	}
	history, err := db.OutageSeries(ctx, from.Add(-cfg.History), from)
	if err != nil {
		return nil, err
	}
	found := cfg.Detector.Detect(points, history, from, to)
	before, err := db.Incidents(ctx)
	if err != nil {
		return nil, err
	}
	prev := map[string]store.StoredIncident{}
	for _, in := range before {
		prev[in.ID] = in
	}
	out := make([]store.StoredIncident, 0, len(found))
	var changed []store.StoredIncident
	for _, f := range found {
		ex, err := db.IncidentExamples(ctx, f, cfg.Examples)
		if err != nil {
			return nil, err
		}
		in := store.StoredIncident{Found: f, Examples: ex}
		out = append(out, in)
		if p, ok := prev[f.ID]; !ok || p.Level != f.Level || p.Open != f.Open {
			changed = append(changed, in)
		}
	}
	if err := db.SaveIncidents(ctx, out); err != nil {
		return nil, err
	}
	if cfg.Webhook != "" {
		for _, in := range changed {
			if err := notify(ctx, cfg, in); err != nil {
				logger(cfg.Logger).Error("incident webhook failed", "incident", in.ID, "err", err)
			}
		}
	}
	return out, nil
}

// DetectIncidentsLoop runs a detection pass every interval until ctx ends.
func DetectIncidentsLoop(ctx context.Context, db IncidentDB, cfg IncidentConfig, every time.Duration, log *slog.Logger) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			if _, err := DetectIncidents(ctx, db, cfg); err != nil && ctx.Err() == nil {
				logger(log).Error("incident detection failed", "err", err)
			}
		}
	}
}

// WebhookSignatureHeader carries "sha256=" and the hex HMAC-SHA256 of the
// body with the shared secret, as GitHub-style receivers expect.
const WebhookSignatureHeader = "X-Vigie-Signature"

// Sign returns the signature header value of body.
func Sign(secret string, body []byte) string {
	m := hmac.New(sha256.New, []byte(secret))
	m.Write(body)
	return "sha256=" + hex.EncodeToString(m.Sum(nil))
}

// notify POSTs one incident to the webhook, retrying with backoff.
func notify(ctx context.Context, cfg IncidentConfig, in store.StoredIncident) error {
	body, err := json.Marshal(map[string]any{"event": eventOf(in), "incident": in})
	if err != nil {
		return fmt.Errorf("webhook: %w", err)
	}
	client := cfg.HTTPClient
	if client == nil {
		client = &http.Client{Timeout: 10 * time.Second}
	}
	backoff := 500 * time.Millisecond
	var last error
	for attempt := 0; attempt < 5; attempt++ {
		req, err := http.NewRequestWithContext(ctx, http.MethodPost, cfg.Webhook, bytes.NewReader(body))
		if err != nil {
			return fmt.Errorf("webhook: %w", err)
		}
		req.Header.Set("Content-Type", "application/json")
		if cfg.WebhookSecret != "" {
			req.Header.Set(WebhookSignatureHeader, Sign(cfg.WebhookSecret, body))
		}
		resp, err := client.Do(req)
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode < 300 {
				return nil
			}
			last = fmt.Errorf("webhook answered %s", resp.Status)
			if resp.StatusCode < 500 && resp.StatusCode != http.StatusTooManyRequests {
				return last
			}
		} else {
			last = err
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(backoff):
		}
		backoff *= 2
	}
	return fmt.Errorf("webhook: gave up after 5 attempts: %w", last)
}

func eventOf(in store.StoredIncident) string {
	if !in.Open {
		return "incident.closed"
	}
	return "incident.updated"
}

func logger(l *slog.Logger) *slog.Logger {
	if l == nil {
		return slog.Default()
	}
	return l
}
