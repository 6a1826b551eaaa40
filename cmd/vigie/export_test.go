package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/vigie-edu/vigie/dashboard"
	"github.com/vigie-edu/vigie/internal/chtest"
	"github.com/vigie-edu/vigie/post"
)

// TestExportCommand exports every format of a chart from a real ClickHouse
// (an external server, as --clickhouse gives), PNG and SVG through headless
// Chromium, and checks the provenance each carries.
func TestExportCommand(t *testing.T) {
	out, _, err := runCLI(t, "export", "--list")
	if err != nil || strings.TrimSpace(out) != strings.Join(dashboard.ChartNames(), "\n") {
		t.Fatalf("--list: %q %v", out, err)
	}

	ch := chtest.Start(t)
	w := chtest.Open(t, ch.Writer)
	ctx := context.Background()
	start := time.Date(2021, 4, 6, 6, 0, 0, 0, time.UTC)
	regions := []string{"FR-IDF", "FR-HDF", "FR-OCC", ""}
	var posts []post.Classified
	for i := range 400 {
		label := post.LabelOutage
		if i%3 == 0 {
			label = post.LabelComplaint
		}
		posts = append(posts, post.Classified{
			Post: post.Post{ID: fmt.Sprint(i), Source: post.SourceArchive, CreatedAt: start.Add(time.Duration(i) * 30 * time.Second),
				Text: "l'ENT ne répond plus #EcoleALaMaison", Hashtags: []string{"EcoleALaMaison"}},
			Label: label, Region: regions[i%4], Platform: post.PlatformENT, Role: post.RoleTeacher, Sentiment: -0.5,
			Classifier: "rules-test-1", ClassifiedAt: time.Now().UTC(),
		})
	}
	if err := w.InsertPosts(ctx, posts); err != nil {
		t.Fatal(err)
	}
	var times []time.Time
	for _, p := range posts {
		times = append(times, p.CreatedAt)
	}
	if err := w.RefreshRollups(ctx, times); err != nil {
		t.Fatal(err)
	}
	if err := w.RecordGap(ctx, post.SourceMastodon, start.Add(time.Hour), start.Add(90*time.Minute), "rate limited"); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	conn := []string{"--data", dir, "--clickhouse", ch.Reader.Addr, "--database", ch.Reader.Database,
		"--clickhouse-read-user", ch.Reader.User, "--clickhouse-read-password", ch.Reader.Password,
		"--from", "2021-04-06T08:00", "--to", "2021-04-06T12:00"}
	export := func(t *testing.T, args ...string) (string, error) {
		t.Helper()
		_, stderr, err := runCLI(t, append(append([]string{"export"}, conn...), args...)...)
		return stderr, err
	}

	jsonOut := filepath.Join(dir, "outages.json")
	if stderr, err := export(t, "--chart", "outages-by-region", "--region", "FR-IDF", "--region", "unknown", "--format", "json", "--out", jsonOut); err != nil {
		t.Fatalf("json: %v\n%s", err, stderr)
	}
	var j struct {
		Provenance dashboard.Provenance `json:"provenance"`
		Rows       [][]any              `json:"rows"`
	}
	b, _ := os.ReadFile(jsonOut)
	if err := json.Unmarshal(b, &j); err != nil {
		t.Fatal(err)
	}
	var n float64
	for _, r := range j.Rows {
		n += r[3].(float64)
	}
	// 400 posts, 2 in 3 outage reports, half in IDF or of unknown region: 132.
	if n != 132 || j.Provenance.Classifiers[0].Version != "rules-test-1" || !strings.Contains(j.Provenance.Coverage.Summary, "rate limited") ||
		!strings.Contains(j.Provenance.Query, "region=FR-IDF") || !strings.Contains(j.Provenance.Filter, "Île-de-France") {
		t.Errorf("json export: %v outage reports, provenance %+v", n, j.Provenance)
	}

	csvOut := filepath.Join(dir, "outages.csv")
	if stderr, err := export(t, "--chart", "outages-by-region", "--region", "FR-IDF", "--region", "unknown", "--format", "csv", "--out", csvOut); err != nil {
		t.Fatalf("csv: %v\n%s", err, stderr)
	}
	c, _ := os.ReadFile(csvOut)
	if !strings.HasPrefix(string(c), "# ") || !strings.Contains(string(c), "# data_sha256: "+j.Provenance.DataSHA256) ||
		!strings.Contains(string(c), "\nbucket_start,region,region_name,posts\n") {
		t.Errorf("csv export:\n%.800s", c)
	}

	htmlOut := filepath.Join(dir, "map.html")
	if stderr, err := export(t, "--chart", "outages-map", "--lang", "en", "--format", "html", "--out", htmlOut); err != nil {
		t.Fatalf("html: %v\n%s", err, stderr)
	}
	h, _ := os.ReadFile(htmlOut)
	for _, want := range []string{`lang="en"`, "vigie-provenance", "rules-test-1", "Natural Earth", "echarts.registerMap", `"FR-976"`, "rate limited"} {
		if !bytes.Contains(h, []byte(want)) {
			t.Errorf("html export lacks %q", want)
		}
	}

	// Images, rendered by headless Chromium from the standalone page.
	if _, err := dashboard.Chromium(""); err != nil {
		t.Fatalf("%v (CI installs chromium)", err)
	}
	pngOut := filepath.Join(dir, "outages.png")
	if stderr, err := export(t, "--chart", "outages-by-region", "--format", "png", "--out", pngOut); err != nil {
		t.Fatalf("png: %v\n%s", err, stderr)
	}
	png, _ := os.ReadFile(pngOut)
	if len(png) < 20000 || !bytes.HasPrefix(png, []byte("\x89PNG")) {
		t.Errorf("png: %d bytes", len(png))
	}
	if d := os.Getenv("VIGIE_SCREENSHOTS"); d != "" {
		_ = os.WriteFile(filepath.Join(d, "export.png"), png, 0o644)
	}
	side, err := os.ReadFile(pngOut + ".provenance.json")
	if err != nil || !bytes.Contains(side, []byte(`"data_sha256"`)) || !bytes.Contains(side, []byte("rules-test-1")) {
		t.Errorf("png sidecar: %v %s", err, side)
	}
	svgOut := filepath.Join(dir, "labels.svg")
	if stderr, err := export(t, "--chart", "label-mix", "--format", "svg", "--out", svgOut); err != nil {
		t.Fatalf("svg: %v\n%s", err, stderr)
	}
	svg, _ := os.ReadFile(svgOut)
	if !bytes.HasPrefix(svg, []byte("<svg")) || !bytes.Contains(svg, []byte(`xmlns="http://www.w3.org/2000/svg"`)) || !bytes.Contains(svg, []byte("<metadata id=\"vigie-provenance\">")) ||
		!bytes.Contains(svg, []byte("SHA-256")) || !bytes.Contains(svg, []byte("rules-test-1")) || !bytes.Contains(svg, []byte("</svg>")) {
		t.Errorf("svg: %.600s", svg)
	}
	if _, err := os.Stat(svgOut + ".provenance.json"); err != nil {
		t.Errorf("svg sidecar: %v", err)
	}

	// Clear errors.
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--chart", "nosuch", "--format", "csv"}, "--list"},
		{[]string{"--chart", "label-mix", "--format", "gif"}, "--format"},
		{[]string{"--chart", "label-mix", "--format", "png", "--chromium", filepath.Join(dir, "no-chromium")}, "chromium"},
		{[]string{"--chart", "label-mix", "--format", "csv", "--label", "panic"}, "label"},
		{[]string{"--chart", "regions-now", "--format", "png"}, "csv or json"},
	} {
		if _, err := export(t, c.args...); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%v: %v, want an error about %s", c.args, err, c.want)
		}
	}
	if _, err := dashboard.Chromium(filepath.Join(dir, "no-chromium")); err == nil || !strings.Contains(err.Error(), "apt-get install chromium") {
		t.Errorf("missing-chromium message: %v", err)
	}
}
