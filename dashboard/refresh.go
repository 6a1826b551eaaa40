package dashboard

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"time"

	"golang.org/x/sync/errgroup"
)

// RefreshCalls are the API calls one refresh of the page makes after the
// summary has resolved its window (resolved: the query string with lang,
// from, to and bucket): the "regions affected now" list, the latest posts
// and every chart, all in parallel, as the page's script does.
func RefreshCalls(resolved string) []string {
	calls := []string{"/api/regions-now?" + resolved, "/api/posts?" + resolved}
	for _, name := range ChartNames() {
		calls = append(calls, "/api/charts/"+name+"?"+resolved)
	}
	return calls
}

// Refresh does what the page's script does on every refresh against the
// dashboard at base (e.g. "http://127.0.0.1:8080"): the summary, then
// RefreshCalls in parallel. It returns how long the whole refresh took:
// the latency a reader of the page waits for. Benchmarks and tests use it.
func Refresh(ctx context.Context, c *http.Client, base string) (time.Duration, error) {
	start := time.Now()
	var s struct {
		Window struct {
			From, To time.Time
			Bucket   string
		} `json:"window"`
	}
	if err := getJSON(ctx, c, base+"/api/summary?lang=fr", &s); err != nil {
		return 0, err
	}
	q := url.Values{"lang": {"fr"}, "from": {s.Window.From.Format(time.RFC3339)},
		"to": {s.Window.To.Format(time.RFC3339)}, "bucket": {s.Window.Bucket}}
	var g errgroup.Group
	for _, call := range RefreshCalls(q.Encode()) {
		g.Go(func() error { return getJSON(ctx, c, base+call, nil) })
	}
	err := g.Wait()
	return time.Since(start), err
}

// getJSON fetches u and decodes it into v (or discards it when v is nil).
func getJSON(ctx context.Context, c *http.Client, u string, v any) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return fmt.Errorf("dashboard refresh: %w", err)
	}
	resp, err := c.Do(req)
	if err != nil {
		return fmt.Errorf("dashboard refresh: %w", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("dashboard refresh: %s: %s", req.URL.Path, resp.Status)
	}
	if v == nil {
		_, err = io.Copy(io.Discard, resp.Body)
	} else {
		err = json.NewDecoder(resp.Body).Decode(v)
	}
	if err != nil {
		return fmt.Errorf("dashboard refresh: %s: %w", req.URL.Path, err)
	}
	return nil
}
