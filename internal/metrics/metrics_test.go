package metrics

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

func TestReasonClassBoundsCardinality(t *testing.T) {
	cases := map[string]string{
		"invalid post: absurd created_at 0001-01-01T00:00:01Z (before 2006)": "invalid post: absurd created_at",
		"invalid post: malformed JSON: invalid character 'x'":                "invalid post: malformed JSON: invalid",
		"classifier panic: runtime error: index out of range [3]":            "classifier panic: runtime error: index",
		"":    "other",
		"123": "other",
	}
	for in, want := range cases {
		if got := ReasonClass(in); got != want {
			t.Errorf("ReasonClass(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestEndpoints(t *testing.T) {
	m := New()
	m.ObserveBatch("store", 10, 8, 20*time.Millisecond, []string{"invalid post: missing id", "invalid post: missing id"})
	m.ObserveRetry("store")
	m.SetLag("vigie-store", "vigie.posts.classified", 42)
	m.RegisterIngest(func() (int64, int64, int64) { return 7, 1, 2 })
	healthy := true
	m.AddReadiness("clickhouse", func(context.Context) error {
		if healthy {
			return nil
		}
		return errors.New("connection refused")
	})
	srv := httptest.NewServer(m.Handler())
	defer srv.Close()
	get := func(path string) (int, string) {
		resp, err := http.Get(srv.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	_, body := get("/metrics")
	for _, want := range []string{
		`vigie_messages_total{direction="in",stage="store"} 10`,
		`vigie_messages_total{direction="out",stage="store"} 8`,
		`vigie_dlq_total{reason="invalid post: missing id",stage="store"} 2`,
		`vigie_batch_retries_total{stage="store"} 1`,
		`vigie_consumer_lag{group="vigie-store",topic="vigie.posts.classified"} 42`,
		`vigie_ingest_published_total 7`,
		`go_goroutines`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("/metrics lacks %q", want)
		}
	}
	if code, _ := get("/healthz"); code != 200 {
		t.Errorf("/healthz = %d", code)
	}
	if code, body := get("/readyz"); code != 200 || !strings.Contains(body, `"ready":true`) {
		t.Errorf("/readyz = %d %s", code, body)
	}
	healthy = false
	if code, body := get("/readyz"); code != 503 || !strings.Contains(body, "connection refused") {
		t.Errorf("/readyz while ClickHouse is down = %d %s", code, body)
	}
}

func TestStartingIsNotReadyUntilReleased(t *testing.T) {
	m := New()
	srv := httptest.NewServer(m.Handler())
	defer srv.Close()
	get := func(path string) (int, string) {
		resp, err := http.Get(srv.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	ready := m.Starting("stage", "connecting to Kafka at 127.0.0.1:9")
	if code, body := get("/readyz"); code != 503 || !strings.Contains(body, "connecting to Kafka at 127.0.0.1:9") {
		t.Errorf("/readyz while starting = %d %s", code, body)
	}
	if code, _ := get("/healthz"); code != 200 {
		t.Errorf("/healthz while starting = %d", code)
	}
	ready()
	ready() // twice is harmless
	if code, body := get("/readyz"); code != 200 || strings.Contains(body, "stage") {
		t.Errorf("/readyz once started = %d %s", code, body)
	}
	var none *Metrics
	none.Starting("x", "y")() // a process without metrics
}
