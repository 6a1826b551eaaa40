package dashboard_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/vigie-edu/vigie/dashboard"
	"github.com/vigie-edu/vigie/internal/chtest"
	"github.com/vigie-edu/vigie/post"
)

// newServer serves a dashboard over a real ClickHouse holding a few posts,
// read as the read-only user as in production.
func newServer(t *testing.T) *httptest.Server {
	t.Helper()
	ch := chtest.Start(t)
	w := chtest.Open(t, ch.Writer)
	day := time.Date(2021, 4, 6, 7, 0, 0, 0, time.UTC)
	var posts []post.Classified
	for i := 0; i < 40; i++ {
		label, region := post.LabelOutage, "FR-IDF"
		if i%4 == 0 {
			label, region = post.LabelComplaint, ""
		}
		posts = append(posts, post.Classified{
			Post: post.Post{ID: fmt.Sprint(i), Source: "x", CreatedAt: day.Add(time.Duration(i) * 5 * time.Minute),
				Text: "<script>alert('x')</script> l'ENT plante", Author: "<img src=x onerror=alert(1)>"},
			Label: label, Region: region, Classifier: "test", ClassifiedAt: time.Now(),
		})
	}
	if err := w.InsertPosts(context.Background(), posts); err != nil {
		t.Fatal(err)
	}
	var times []time.Time
	for _, p := range posts {
		times = append(times, p.CreatedAt)
	}
	if err := w.RefreshRollups(context.Background(), times); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(dashboard.New(chtest.Open(t, ch.Reader), nil))
	t.Cleanup(srv.Close)
	return srv
}

func get(t *testing.T, url string) (*http.Response, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp, string(b)
}

func TestPageIsSelfContainedAndFrench(t *testing.T) {
	srv := newServer(t)
	resp, body := get(t, srv.URL+"/")
	if resp.StatusCode != 200 || !strings.Contains(body, `lang="fr"`) || !strings.Contains(body, "Signalements de panne par région") {
		t.Fatalf("page: %d\n%s", resp.StatusCode, body)
	}
	csp := resp.Header.Get("Content-Security-Policy")
	if !strings.Contains(csp, "script-src 'self'") || strings.Contains(csp, "unsafe-inline") {
		t.Errorf("CSP = %q", csp)
	}
	if resp.Header.Get("X-Content-Type-Options") != "nosniff" {
		t.Error("no nosniff header")
	}
	// Nothing loaded from elsewhere, and no inline script (the CSP forbids it).
	for _, m := range regexp.MustCompile(`(?:src|href)="([^"]+)"`).FindAllStringSubmatch(body, -1) {
		if !strings.HasPrefix(m[1], "/") || strings.HasPrefix(m[1], "//") {
			t.Errorf("external reference %q", m[1])
		}
		r, _ := get(t, srv.URL+m[1])
		if r.StatusCode != 200 {
			t.Errorf("%s: %d", m[1], r.StatusCode)
		}
	}
	if regexp.MustCompile(`<script>`).MatchString(body) {
		t.Error("inline script in page")
	}
	r, js := get(t, srv.URL+"/third_party/echarts/echarts.min.js")
	if r.StatusCode != 200 || len(js) < 500_000 {
		t.Errorf("echarts: %d, %d bytes", r.StatusCode, len(js))
	}
}

func TestChartsReturnOptionsFromClickHouse(t *testing.T) {
	srv := newServer(t)
	resp, body := get(t, srv.URL+"/api/charts/outages-by-region?from=2021-04-06T09:00:00%2B02:00&to=2021-04-06T10:00:00%2B02:00&bucket=15m")
	if resp.StatusCode != 200 {
		t.Fatalf("%d %s", resp.StatusCode, body)
	}
	var opt struct {
		XAxis  []struct{ Data []string } `json:"xAxis"`
		Series []struct {
			Name string
			Data []struct{ Value int }
		} `json:"series"`
	}
	if err := json.Unmarshal([]byte(body), &opt); err != nil {
		t.Fatal(err)
	}
	if len(opt.XAxis) != 1 || len(opt.XAxis[0].Data) != 4 || opt.XAxis[0].Data[0] != "06/04 09:00" {
		t.Fatalf("x axis = %+v", opt.XAxis)
	}
	// 07:00-07:59 UTC: 12 posts, 9 outage reports in Île-de-France (every 4th is a complaint).
	total := 0
	for _, s := range opt.Series {
		if s.Name != "Île-de-France" {
			t.Errorf("unexpected series %q", s.Name)
		}
		for _, d := range s.Data {
			total += d.Value
		}
	}
	if total != 9 {
		t.Errorf("outage reports in the window = %d, want 9", total)
	}

	_, body = get(t, srv.URL+"/api/charts/label-mix?bucket=1h")
	if !strings.Contains(body, "Plainte") || !strings.Contains(body, "Signalement de panne") {
		t.Errorf("label mix: %s", body)
	}
	_, body = get(t, srv.URL+"/api/summary")
	if !strings.Contains(body, `"posts":40`) || !strings.Contains(body, `"complaint":10`) {
		t.Errorf("summary: %s", body)
	}
}

func TestBadParametersAreRefused(t *testing.T) {
	srv := newServer(t)
	for _, q := range []string{
		"/api/charts/outages-by-region?bucket=1%20DAY)%3B%20DROP%20TABLE%20posts",
		"/api/charts/outages-by-region?from=yesterday",
		"/api/charts/outages-by-region?from=2021-04-07&to=2021-04-06",
		"/api/charts/outages-by-region?from=2000-01-01&to=2021-01-01&bucket=1m",
	} {
		resp, body := get(t, srv.URL+q)
		if resp.StatusCode != 400 || !strings.Contains(body, "error") {
			t.Errorf("%s: %d %s", q, resp.StatusCode, body)
		}
	}
	resp, _ := get(t, srv.URL+"/api/charts/nosuch")
	if resp.StatusCode != 404 {
		t.Errorf("unknown chart: %d", resp.StatusCode)
	}
	// The table is still there.
	_, body := get(t, srv.URL+"/api/summary")
	if !strings.Contains(body, `"posts":40`) {
		t.Errorf("summary after hostile queries: %s", body)
	}
}
