// Package dashboard serves Vigie's web page: charts built with go-echarts
// from the typed queries of package store, and every asset (echarts
// included) from the binary, so the page works without any outside network.
//
// The page is static HTML plus one script of our own; the script fetches
// each chart's ECharts option as JSON from /api/charts/NAME and refreshes it
// every few seconds, so the page follows a running import without reloads
// and the Content-Security-Policy can forbid inline scripts.
package dashboard

import (
	"context"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"log/slog"
	"net"
	"net/http"
	"time"

	"github.com/vigie-edu/vigie/store"
)

// Queries are the store queries the dashboard runs (a *store.DB opened as
// the read-only user).
type Queries interface {
	Extent(ctx context.Context) (from, to time.Time, ok bool, err error)
	RollupTotals(ctx context.Context) (store.Totals, error)
	OutagesByRegion(ctx context.Context, w store.Window) ([]store.RegionCount, error)
	LabelMix(ctx context.Context, w store.Window) ([]store.LabelCount, error)
}

//go:embed static third_party
var assets embed.FS

//go:embed page.html
var pageHTML string

// chart is one chart the page shows.
type chart struct {
	Name  string
	Title string
	build func(ctx context.Context, q Queries, w store.Window) (any, error)
}

var chartList = []chart{
	{Name: "outages-by-region", Title: "Signalements de panne par région",
		build: func(ctx context.Context, q Queries, w store.Window) (any, error) {
			rows, err := q.OutagesByRegion(ctx, w)
			if err != nil {
				return nil, err
			}
			return outagesChart(w, rows).JSON(), nil
		}},
	{Name: "label-mix", Title: "Répartition des publications",
		build: func(ctx context.Context, q Queries, w store.Window) (any, error) {
			rows, err := q.LabelMix(ctx, w)
			if err != nil {
				return nil, err
			}
			return labelMixChart(w, rows).JSON(), nil
		}},
}

// Server is the dashboard's HTTP handler.
type Server struct {
	q    Queries
	log  *slog.Logger
	mux  *http.ServeMux
	page *template.Template
}

// New returns the dashboard handler reading through q.
func New(q Queries, log *slog.Logger) *Server {
	if log == nil {
		log = slog.Default()
	}
	s := &Server{q: q, log: log, mux: http.NewServeMux(),
		page: template.Must(template.New("page").Parse(pageHTML))}
	static, err := fs.Sub(assets, ".")
	if err != nil {
		panic(err) // the embedded tree is fixed at build time
	}
	s.mux.HandleFunc("GET /{$}", s.handlePage)
	s.mux.Handle("GET /static/", http.FileServerFS(static))
	s.mux.Handle("GET /third_party/", http.FileServerFS(static))
	s.mux.HandleFunc("GET /api/charts/{name}", s.handleChart)
	s.mux.HandleFunc("GET /api/summary", s.handleSummary)
	s.mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		fmt.Fprintln(w, "ok")
	})
	return s
}

// ServeHTTP adds the security headers every response carries.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("X-Frame-Options", "DENY")
	s.mux.ServeHTTP(w, r)
}

func (s *Server) handlePage(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	if err := s.page.Execute(w, map[string]any{"Charts": chartList}); err != nil {
		s.log.Error("render page", "err", err)
	}
}

// window reads from, to (RFC 3339 or YYYY-MM-DD, Paris time when no zone is
// given) and bucket from the query string. Missing bounds default to the
// extent of the stored posts; a missing bucket to the finest one that keeps
// the chart under maxPoints points.
func (s *Server) window(r *http.Request) (store.Window, error) {
	q := r.URL.Query()
	var w store.Window
	if b := q.Get("bucket"); b != "" {
		bucket, err := store.ParseBucket(b)
		if err != nil {
			return w, err
		}
		w.Bucket = bucket
	}
	var err error
	if w.From, err = parseTime(q.Get("from")); err != nil {
		return w, fmt.Errorf("from: %w", err)
	}
	if w.To, err = parseTime(q.Get("to")); err != nil {
		return w, fmt.Errorf("to: %w", err)
	}
	if w.From.IsZero() || w.To.IsZero() {
		first, last, ok, err := s.q.Extent(r.Context())
		if err != nil {
			return w, err
		}
		if !ok {
			first, last = time.Now().Add(-24*time.Hour), time.Now()
		}
		if w.From.IsZero() {
			w.From = first
		}
		if w.To.IsZero() {
			w.To = last.Add(time.Second)
		}
	}
	if !w.From.Before(w.To) {
		return w, errors.New("from must be before to")
	}
	if w.Bucket == "" {
		w.Bucket = store.Day
		for _, b := range []store.Bucket{store.Minute, store.FiveMinutes, store.FifteenMinutes, store.Hour} {
			if w.To.Sub(w.From)/b.Duration() <= maxPoints {
				w.Bucket = b
				break
			}
		}
	}
	// Whole buckets only, so the first and last points are not partial.
	w.From = w.Bucket.Floor(w.From)
	if t := w.Bucket.Floor(w.To); !t.Equal(w.To) {
		w.To = w.Bucket.Next(t)
	}
	if n := w.To.Sub(w.From) / w.Bucket.Duration(); n > 5000 {
		return w, fmt.Errorf("%d time buckets asked for; choose a larger bucket or a shorter window", n)
	}
	return w, nil
}

// maxPoints bounds the points of a time axis when the bucket is chosen automatically.
const maxPoints = 150

func parseTime(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	for _, layout := range []string{time.RFC3339, "2006-01-02T15:04", "2006-01-02"} {
		if t, err := time.ParseInLocation(layout, s, paris()); err == nil {
			return t.UTC(), nil
		}
	}
	return time.Time{}, fmt.Errorf("%q is not a date (want RFC 3339 or YYYY-MM-DD)", s)
}

func (s *Server) handleChart(w http.ResponseWriter, r *http.Request) {
	name := r.PathValue("name")
	for _, c := range chartList {
		if c.Name != name {
			continue
		}
		win, err := s.window(r)
		if err != nil {
			httpError(w, http.StatusBadRequest, err)
			return
		}
		option, err := c.build(r.Context(), s.q, win)
		if err != nil {
			s.log.Error("chart query failed", "chart", name, "err", err)
			httpError(w, http.StatusInternalServerError, errors.New("query failed"))
			return
		}
		writeJSON(w, option)
		return
	}
	httpError(w, http.StatusNotFound, fmt.Errorf("no chart named %q", name))
}

func (s *Server) handleSummary(w http.ResponseWriter, r *http.Request) {
	t, err := s.q.RollupTotals(r.Context())
	if err != nil {
		s.log.Error("summary query failed", "err", err)
		httpError(w, http.StatusInternalServerError, errors.New("query failed"))
		return
	}
	writeJSON(w, map[string]any{"posts": t.Posts, "by_label": t.ByLabel})
}

func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	if err := json.NewEncoder(w).Encode(v); err != nil {
		http.Error(w, "encode", http.StatusInternalServerError)
	}
}

func httpError(w http.ResponseWriter, code int, err error) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(code)
	_ = json.NewEncoder(w).Encode(map[string]string{"error": err.Error()})
}

// Serve serves the dashboard on ln until ctx ends, then shuts down within
// five seconds.
func Serve(ctx context.Context, ln net.Listener, q Queries, log *slog.Logger) error {
	srv := &http.Server{Handler: New(q, log), ReadHeaderTimeout: 10 * time.Second}
	stopped := make(chan struct{})
	go func() {
		defer close(stopped)
		<-ctx.Done()
		sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = srv.Shutdown(sctx)
	}()
	err := srv.Serve(ln)
	if errors.Is(err, http.ErrServerClosed) {
		<-stopped
		return nil
	}
	return fmt.Errorf("dashboard: %w", err)
}
