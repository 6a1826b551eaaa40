package dashboard

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"github.com/vigie-edu/vigie/store"
)

// Provenance says where the data of an export comes from, so a published
// chart states its query, window, classifier and coverage.
type Provenance struct {
	Chart       string            `json:"chart"`
	Title       string            `json:"title"`
	Generator   string            `json:"generator"`
	GeneratedAt time.Time         `json:"generated_at"`
	Lang        Lang              `json:"lang"`
	From        time.Time         `json:"from"`
	To          time.Time         `json:"to"`
	TimeZone    string            `json:"time_zone"`
	Bucket      string            `json:"bucket"`
	Query       string            `json:"query"`
	Filter      string            `json:"filter"`
	Classifiers []ClassifierCount `json:"classifiers"`
	Coverage    Coverage          `json:"coverage"`
	Rows        int               `json:"rows"`
	DataSHA256  string            `json:"data_sha256"`
	Notes       []string          `json:"notes"`
	Attribution []string          `json:"attribution"`
}

// ClassifierCount is a classifier version and how many posts of the window it labelled.
type ClassifierCount struct {
	Version string `json:"version"`
	Posts   uint64 `json:"posts"`
}

// Coverage lists the sources' collection gaps in the window.
type Coverage struct {
	Gaps    []store.Gap `json:"gaps"`
	Summary string      `json:"summary"`
}

// Export is a chart with its data and provenance, ready to write.
type Export struct {
	Result     *Result
	Provenance Provenance
	mapJSON    []byte // the regions map, for charts that draw it
}

// Formats `vigie export` writes.
var Formats = []string{"png", "svg", "csv", "json", "html"}

// BuildExport builds chart name for p: its option, its data and its
// provenance (classifier versions and gaps of the window from ClickHouse).
// The name "regions-now" exports the regions affected now (CSV/JSON).
func BuildExport(ctx context.Context, q Queries, name string, p Params) (*Export, error) {
	v, err := Resolve(ctx, q, p)
	if err != nil {
		return nil, err
	}
	return buildExport(ctx, q, name, v)
}

func buildExport(ctx context.Context, q Queries, name string, v View) (*Export, error) {
	l := v.Lang
	e := &Export{}
	if name == "regions-now" {
		now, err := regionsNow(ctx, q, v)
		if err != nil {
			return nil, err
		}
		e.Result = &Result{Chart: name, Title: l.T("now.title"), Table: nowTable(now)}
	} else {
		c, ok := chartByName(name)
		if !ok {
			return nil, fmt.Errorf("no chart named %q (vigie export --list)", name)
		}
		res, err := c.build(ctx, q, v)
		if err != nil {
			return nil, err
		}
		res.Chart = name
		e.Result = res
		if c.Map {
			e.mapJSON = regionsMap
		}
	}
	versions, err := q.ClassifierVersions(ctx, v.Window.From, v.Window.To)
	if err != nil {
		return nil, err
	}
	gaps, err := q.Gaps(ctx, v.Window.From, v.Window.To)
	if err != nil {
		return nil, err
	}
	hash, err := tableHash(e.Result.Table)
	if err != nil {
		return nil, err
	}
	prov := Provenance{Chart: name, Title: e.Result.Title, Generator: "Vigie", GeneratedAt: time.Now().UTC().Truncate(time.Second),
		Lang: l, From: v.Window.From, To: v.Window.To, TimeZone: "Europe/Paris", Bucket: string(v.Window.Bucket),
		Query: v.Params.Query().Encode(), Filter: v.Params.Describe(l), Classifiers: []ClassifierCount{},
		Coverage: Coverage{Gaps: gaps}, Rows: len(e.Result.Table.Rows), DataSHA256: hash, Notes: e.Result.Notes,
		Attribution: []string{l.T("prov.source")}}
	if prov.Notes == nil {
		prov.Notes = []string{}
	}
	for _, c := range versions {
		prov.Classifiers = append(prov.Classifiers, ClassifierCount{Version: c.Key, Posts: c.Posts})
	}
	if len(gaps) == 0 {
		prov.Coverage.Gaps = []store.Gap{}
		prov.Coverage.Summary = l.T("prov.nogaps")
	} else {
		var parts []string
		for _, g := range gaps {
			parts = append(parts, fmt.Sprintf("%s %s–%s (%s)", g.Source, g.From.In(paris()).Format("02/01 15:04"),
				g.To.In(paris()).Format("02/01 15:04"), g.Reason))
		}
		prov.Coverage.Summary = l.Tf("prov.gaps", len(gaps), strings.Join(parts, ", "))
	}
	if e.mapJSON != nil {
		prov.Attribution = append(prov.Attribution, l.T("footer.map"))
	}
	if e.Result.Option != nil {
		prov.Attribution = append(prov.Attribution, l.T("footer.echarts"))
	}
	e.Provenance = prov
	return e, nil
}

// tableHash is the SHA-256 of the table's canonical JSON ({"columns":…,"rows":…}).
func tableHash(t Table) (string, error) {
	if t.Rows == nil {
		t.Rows = [][]any{}
	}
	b, err := json.Marshal(t)
	if err != nil {
		return "", fmt.Errorf("hash chart data: %w", err)
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:]), nil
}

// Caption is the provenance in one line, drawn under the chart's title in
// image exports.
func (e *Export) Caption() string {
	p, l := e.Provenance, e.Provenance.Lang
	versions := l.T("prov.unknown-classifier")
	if len(p.Classifiers) > 0 {
		var vs []string
		for _, c := range p.Classifiers {
			vs = append(vs, c.Version)
		}
		versions = strings.Join(vs, ", ")
	}
	c := l.Colon()
	return l.T("prov.window") + c + windowText(store.Window{From: p.From, To: p.To}, l) + " · " +
		l.T("prov.filter") + c + p.Filter + " · " + l.T("prov.classifier") + c + versions + " · " +
		l.T("prov.coverage") + c + p.Coverage.Summary + " · " + l.T("prov.hash") + c + p.DataSHA256[:16] + "…"
}

// WriteJSON writes {"provenance":…,"columns":…,"rows":…}.
func (e *Export) WriteJSON(w io.Writer) error {
	t := e.Result.Table
	if t.Rows == nil {
		t.Rows = [][]any{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	if err := enc.Encode(map[string]any{"provenance": e.Provenance, "columns": t.Columns, "rows": t.Rows}); err != nil {
		return fmt.Errorf("export json: %w", err)
	}
	return nil
}

// WriteCSV writes the provenance as '#' comment lines, then the table with
// a header line. Cells that would start a spreadsheet formula are prefixed
// with a quote.
func (e *Export) WriteCSV(w io.Writer) error {
	prov, err := json.Marshal(e.Provenance)
	if err != nil {
		return fmt.Errorf("export csv: %w", err)
	}
	p := e.Provenance
	var classifiers []string
	for _, c := range p.Classifiers {
		classifiers = append(classifiers, fmt.Sprintf("%s (%d)", c.Version, c.Posts))
	}
	lines := []string{
		"# " + p.Title + " — Vigie",
		"# window: " + p.From.In(paris()).Format(time.RFC3339) + " / " + p.To.In(paris()).Format(time.RFC3339) + " (bucket " + p.Bucket + ")",
		"# filter: " + p.Filter + " [" + p.Query + "]",
		"# classifier: " + strings.Join(classifiers, ", "),
		"# coverage: " + p.Coverage.Summary,
		"# data_sha256: " + p.DataSHA256,
		"# provenance: " + string(prov),
	}
	for _, line := range lines {
		if _, err := io.WriteString(w, strings.ReplaceAll(line, "\n", " ")+"\n"); err != nil {
			return fmt.Errorf("export csv: %w", err)
		}
	}
	cw := csv.NewWriter(w)
	if err := cw.Write(e.Result.Table.Columns); err != nil {
		return fmt.Errorf("export csv: %w", err)
	}
	for _, row := range e.Result.Table.Rows {
		cells := make([]string, len(row))
		for i, v := range row {
			cells[i] = csvCell(v)
		}
		if err := cw.Write(cells); err != nil {
			return fmt.Errorf("export csv: %w", err)
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("export csv: %w", err)
	}
	return nil
}

func csvCell(v any) string {
	s := fmt.Sprint(v)
	if f, ok := v.(float64); ok {
		s = fmt.Sprintf("%g", f)
	}
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		if _, isNum := v.(float64); !isNum {
			return "'" + s
		}
	}
	return s
}

// HTMLOptions shape a standalone HTML export.
type HTMLOptions struct {
	Width, Height int
	// SVG renders with ECharts' SVG renderer and writes the SVG document
	// into <pre id="vigie-svg"> (what the SVG export reads back).
	SVG bool
}

// WriteHTML writes a standalone page: echarts, the map and the data are
// inlined, so the file works offline, opened from disk. The provenance is
// in a <meta> tag, a visible caption and the chart's subtitle.
func (e *Export) WriteHTML(w io.Writer, o HTMLOptions) error {
	if e.Result.Option == nil {
		return fmt.Errorf("%s has no chart: export it as csv or json", e.Result.Chart)
	}
	if o.Width <= 0 {
		o.Width = 1200
	}
	if o.Height <= 0 {
		o.Height = 720
	}
	if h, ok := e.Result.Meta["height"].(int); ok && h+captionRoom+20 > o.Height {
		o.Height = h + captionRoom + 20
	}
	l := e.Provenance.Lang
	option := exportOption(e.Result.Option, e.Result.Subtitle, e.Caption())
	optJSON, err := json.Marshal(option)
	if err != nil {
		return fmt.Errorf("export html: %w", err)
	}
	provJSON, err := json.Marshal(e.Provenance)
	if err != nil {
		return fmt.Errorf("export html: %w", err)
	}
	lib, err := assets.ReadFile("third_party/echarts/echarts.min.js")
	if err != nil {
		return fmt.Errorf("export html: %w", err)
	}
	if bytes.Contains(bytes.ToLower(lib), []byte("</script")) {
		return errors.New("export html: echarts.min.js cannot be inlined (it contains </script)")
	}
	mapJSON := []byte("null")
	if e.mapJSON != nil {
		mapJSON = e.mapJSON
	}
	renderer := "canvas"
	if o.SVG {
		renderer = "svg"
	}
	p := e.Provenance
	var b bytes.Buffer
	esc := html.EscapeString
	fmt.Fprintf(&b, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n<title>%s</title>\n", l, esc(p.Title))
	fmt.Fprintf(&b, "<meta name=\"generator\" content=\"Vigie\">\n<meta name=\"vigie-provenance\" content=\"%s\">\n", esc(string(provJSON)))
	fmt.Fprintf(&b, "<meta name=\"vigie-data-sha256\" content=\"%s\">\n", p.DataSHA256)
	b.WriteString("<style>body{margin:0;padding:16px;font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:#1d2433;background:#fff}" +
		"figure{margin:0}figcaption{max-width:" + fmt.Sprint(o.Width) + "px;font-size:12px;color:#4a5568;margin-top:8px;line-height:1.45}" +
		"figcaption dt{font-weight:600;display:inline}figcaption dd{display:inline;margin:0 0 0 .3em}figcaption div{margin:1px 0}" +
		"code{font-size:11px;word-break:break-all}pre#vigie-svg{display:none}</style>\n</head>\n<body>\n<figure>\n")
	fmt.Fprintf(&b, "<div id=\"chart\" style=\"width:%dpx;height:%dpx\"></div>\n<figcaption><dl>\n", o.Width, o.Height)
	var versions []string
	for _, c := range p.Classifiers {
		versions = append(versions, fmt.Sprintf("%s (%d)", c.Version, c.Posts))
	}
	if len(versions) == 0 {
		versions = []string{l.T("prov.unknown-classifier")}
	}
	items := [][2]string{
		{l.T("prov.window"), windowText(store.Window{From: p.From, To: p.To}, l)},
		{l.T("prov.filter"), p.Filter},
		{l.T("prov.classifier"), strings.Join(versions, ", ")},
		{l.T("prov.coverage"), p.Coverage.Summary},
	}
	for _, n := range p.Notes {
		items = append(items, [2]string{"Note", n})
	}
	for _, it := range items {
		fmt.Fprintf(&b, "<div><dt>%s</dt><dd>%s</dd></div>\n", esc(it[0]), esc(it[1]))
	}
	fmt.Fprintf(&b, "<div><dt>%s</dt><dd><code>%s</code></dd></div>\n", esc(l.T("prov.hash")), p.DataSHA256)
	fmt.Fprintf(&b, "<div><dt>%s</dt><dd>%s UTC</dd></div>\n", esc(l.T("prov.generated")), p.GeneratedAt.Format("2006-01-02 15:04:05"))
	for _, a := range p.Attribution {
		fmt.Fprintf(&b, "<div><dd>%s</dd></div>\n", esc(a))
	}
	b.WriteString("</dl></figcaption>\n</figure>\n<pre id=\"vigie-svg\"></pre>\n")
	fmt.Fprintf(&b, "<script type=\"application/json\" id=\"vigie-option\">%s</script>\n", optJSON)
	fmt.Fprintf(&b, "<script type=\"application/json\" id=\"vigie-map\">%s</script>\n", mapJSON)
	b.WriteString("<script>")
	b.Write(lib)
	b.WriteString("</script>\n<script>\n")
	fmt.Fprintf(&b, `(function () {
  var option = JSON.parse(document.getElementById("vigie-option").textContent);
  var geo = JSON.parse(document.getElementById("vigie-map").textContent);
  if (geo) { echarts.registerMap(%q, geo); }
  var chart = echarts.init(document.getElementById("chart"), null, { renderer: %q });
  chart.setOption(option);
  if (%q === "svg") { document.getElementById("vigie-svg").textContent = chart.renderToSVGString(); }
  document.body.setAttribute("data-rendered", "1");
})();
`, mapName, renderer, renderer)
	b.WriteString("</script>\n</body>\n</html>\n")
	if _, err := w.Write(b.Bytes()); err != nil {
		return fmt.Errorf("export html: %w", err)
	}
	return nil
}

// captionRoom is the room the provenance caption takes under the title.
const captionRoom = 36

// exportOption returns a copy of option without animation and interactive
// parts, with the provenance caption added to the subtitle.
func exportOption(option map[string]any, subtitle, caption string) map[string]any {
	out := make(map[string]any, len(option))
	for k, v := range option {
		out[k] = v
	}
	out["animation"] = false
	if t, ok := out["title"].(map[string]any); ok {
		t2 := make(map[string]any, len(t))
		for k, v := range t {
			t2[k] = v
		}
		t2["subtext"] = strings.TrimSpace(subtitle + "\n" + caption)
		t2["subtextStyle"] = map[string]any{"fontSize": 11, "color": "#4a5568", "width": 1150, "overflow": "break", "lineHeight": 15}
		out["title"] = t2
	}
	// More room under the title for the caption's lines.
	shift := func(g any) any {
		m, ok := g.(map[string]any)
		if !ok {
			return g
		}
		m2 := make(map[string]any, len(m))
		for k, v := range m {
			m2[k] = v
		}
		if top, ok := m2["top"].(int); ok {
			m2["top"] = top + captionRoom
		}
		return m2
	}
	switch g := out["grid"].(type) {
	case map[string]any:
		out["grid"] = shift(g)
	case []any:
		grids := make([]any, len(g))
		for i := range g {
			grids[i] = shift(g[i])
		}
		out["grid"] = grids
	}
	if l, ok := out["legend"].(map[string]any); ok {
		l2 := make(map[string]any, len(l))
		for k, v := range l {
			l2[k] = v
		}
		if top, ok := l2["top"].(int); ok {
			l2["top"] = top + captionRoom
		}
		out["legend"] = l2
	}
	if s, ok := out["series"].([]any); ok && len(s) == 1 {
		if m, ok := s[0].(map[string]any); ok && m["type"] == "map" {
			m2 := make(map[string]any, len(m))
			for k, v := range m {
				m2[k] = v
			}
			m2["top"] = 70 + captionRoom
			out["series"] = []any{m2}
		}
	}
	delete(out, "dataZoom")
	return out
}

// Chromium finds headless Chromium: path when given, else /usr/bin/chromium
// or chromium / chromium-browser / google-chrome on PATH.
func Chromium(path string) (string, error) {
	if path != "" {
		if _, err := exec.LookPath(path); err != nil {
			return "", fmt.Errorf("chromium %q not found (apt-get install chromium, or give its path): %w", path, err)
		}
		return path, nil
	}
	for _, name := range []string{"/usr/bin/chromium", "chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p, nil
		}
	}
	return "", errors.New("PNG and SVG exports need headless Chromium, which is not installed (apt-get install chromium); export html, csv or json instead")
}

// chromiumArgs keeps Chromium offline and quiet: no sandbox (containers, CI),
// no GPU, no background requests, every host name unresolvable but loopback.
func chromiumArgs(userDir string) []string {
	return []string{"--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--mute-audio",
		"--no-first-run", "--no-default-browser-check", "--disable-extensions", "--disable-background-networking",
		"--disable-sync", "--disable-component-update", "--disable-default-apps", "--metrics-recording-only",
		"--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1",
		"--user-data-dir=" + userDir}
}

// RenderImage writes the export as PNG or SVG with headless Chromium
// (chromium is its path, see Chromium), through a standalone HTML file in a
// temporary folder.
func (e *Export) RenderImage(ctx context.Context, chromium, format string, w io.Writer) error {
	if format != "png" && format != "svg" {
		return fmt.Errorf("render: format %q: want png or svg", format)
	}
	dir, err := os.MkdirTemp("", "vigie-export-")
	if err != nil {
		return fmt.Errorf("render: %w", err)
	}
	defer os.RemoveAll(dir)
	page := filepath.Join(dir, "chart.html")
	f, err := os.Create(page)
	if err != nil {
		return fmt.Errorf("render: %w", err)
	}
	o := HTMLOptions{Width: 1200, Height: 720, SVG: format == "svg"}
	if h, ok := e.Result.Meta["height"].(int); ok && h+captionRoom+20 > o.Height {
		o.Height = h + captionRoom + 20
	}
	if err := errors.Join(e.WriteHTML(f, o), f.Close()); err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(ctx, 90*time.Second)
	defer cancel()
	args := chromiumArgs(filepath.Join(dir, "profile"))
	args = append(args, "--virtual-time-budget=10000", "--run-all-compositor-stages-before-draw")
	if format == "png" {
		shot := filepath.Join(dir, "chart.png")
		// Tall enough for the chart and its caption.
		args = append(args, fmt.Sprintf("--window-size=%d,%d", o.Width+32, o.Height+260), "--screenshot="+shot, "file://"+page)
		if out, err := exec.CommandContext(ctx, chromium, args...).CombinedOutput(); err != nil {
			return fmt.Errorf("render png with %s: %w: %s", chromium, err, lastLines(out, 5))
		}
		b, err := os.ReadFile(shot)
		if err != nil {
			return fmt.Errorf("render png: chromium wrote no screenshot: %w", err)
		}
		_, err = w.Write(b)
		return err
	}
	args = append(args, "--dump-dom", "file://"+page)
	cmd := exec.CommandContext(ctx, chromium, args...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	dom, err := cmd.Output()
	if err != nil {
		return fmt.Errorf("render svg with %s: %w: %s", chromium, err, lastLines(stderr.Bytes(), 5))
	}
	svg, err := svgFromDOM(dom)
	if err != nil {
		return err
	}
	if svg, err = e.WithSVGMetadata(svg); err != nil {
		return err
	}
	_, err = io.WriteString(w, svg)
	return err
}

// svgFromDOM extracts the SVG document the export page wrote into
// <pre id="vigie-svg">, and adds the provenance metadata to it.
func svgFromDOM(dom []byte) (string, error) {
	const open = `<pre id="vigie-svg">`
	i := bytes.Index(dom, []byte(open))
	if i < 0 {
		return "", errors.New("render svg: the page did not render")
	}
	rest := dom[i+len(open):]
	j := bytes.Index(rest, []byte("</pre>"))
	if j < 0 {
		return "", errors.New("render svg: truncated page")
	}
	svg := html.UnescapeString(string(rest[:j]))
	if !strings.HasPrefix(svg, "<svg") {
		return "", errors.New("render svg: no SVG document rendered")
	}
	return svg, nil
}

// WithSVGMetadata inserts the provenance as a <metadata> element into an
// SVG document.
func (e *Export) WithSVGMetadata(svg string) (string, error) {
	prov, err := json.Marshal(e.Provenance)
	if err != nil {
		return "", err
	}
	end := strings.Index(svg, ">")
	if end < 0 {
		return "", errors.New("svg: no root element")
	}
	meta := "<metadata id=\"vigie-provenance\">" + html.EscapeString(string(prov)) + "</metadata>"
	return svg[:end+1] + meta + svg[end+1:], nil
}

func lastLines(b []byte, n int) string {
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, " | ")
}
