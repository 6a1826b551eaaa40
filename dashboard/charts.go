package dashboard

import (
	"context"
	"fmt"
	"math"
	"slices"
	"strings"
	"time"
	"unicode"

	"github.com/vigie-edu/vigie/post"
	"github.com/vigie-edu/vigie/store"
)

// Table is the data behind a chart: what CSV and JSON exports hold and what
// the provenance hash covers.
type Table struct {
	Columns []string `json:"columns"`
	Rows    [][]any  `json:"rows"`
}

// Result is one chart built for a view: its ECharts option, its data and
// the notes its caption carries (e.g. the share of posts of unknown region).
type Result struct {
	Chart    string         `json:"chart"`
	Title    string         `json:"title"`
	Subtitle string         `json:"subtitle"`
	Option   map[string]any `json:"option"`
	Table    Table          `json:"-"`
	Notes    []string       `json:"notes"`
	// Meta helps the page react to clicks (incident ids, series keys).
	Meta map[string]any `json:"meta,omitempty"`
}

// chartDef is one chart of the page and of `vigie export`.
type chartDef struct {
	Name     string
	Regional bool // shows the share of posts of unknown region
	Map      bool // needs the regions map
	Wide     bool // spans the page's width
	build    func(ctx context.Context, q Queries, v View) (*Result, error)
}

// charts lists the charts in page order.
func charts() []chartDef {
	return []chartDef{
		{Name: "outages-by-region", Regional: true, Wide: true, build: buildOutagesByRegion},
		{Name: "outages-map", Regional: true, Map: true, build: buildOutagesMap},
		{Name: "platforms", build: buildPlatforms},
		{Name: "label-mix", build: buildLabelMix},
		{Name: "top-hashtags", build: buildTopHashtags},
		{Name: "teacher-sentiment", Regional: true, Wide: true, build: buildTeacherSentiment},
	}
}

// ChartNames lists the chart names, in page order (`vigie export --list`).
func ChartNames() []string {
	var out []string
	for _, c := range charts() {
		out = append(out, c.Name)
	}
	return out
}

func chartByName(name string) (chartDef, bool) {
	for _, c := range charts() {
		if c.Name == name {
			return c, true
		}
	}
	return chartDef{}, false
}

// Colours: the same region, platform or label has the same colour in every chart.
var (
	regionColors = map[string]string{
		"FR-ARA": "#1f77b4", "FR-BFC": "#aec7e8", "FR-BRE": "#ff7f0e", "FR-CVL": "#ffbb78", "FR-COR": "#2ca02c",
		"FR-GES": "#98df8a", "FR-HDF": "#d62728", "FR-IDF": "#9467bd", "FR-NOR": "#c5b0d5", "FR-NAQ": "#8c564b",
		"FR-OCC": "#e377c2", "FR-PDL": "#f7b6d2", "FR-PAC": "#bcbd22", "FR-971": "#17becf", "FR-972": "#9edae5",
		"FR-973": "#393b79", "FR-974": "#637939", "FR-976": "#8c6d31", "": "#9e9e9e",
	}
	platformColors = map[string]string{"pronote": "#2a6fdb", "ent": "#e8590c", "cned": "#c92a2a", "visio": "#2b8a3e", "": "#9e9e9e"}
	labelColors    = map[string]string{"outage_report": "#c92a2a", "complaint": "#f08c00", "testimony": "#1c7ed6", "other": "#adb5bd"}
	levelColors    = map[string]string{"watch": "rgba(245, 159, 0, 0.75)", "incident": "rgba(232, 89, 12, 0.8)", "major": "rgba(201, 42, 42, 0.85)"}
)

// axis returns the bucket start times covering w (ClickHouse 18.16 has no
// WITH FILL: empty buckets are filled here) and their labels in Paris time.
func axis(w store.Window, l Lang) ([]time.Time, []string) {
	loc := paris()
	layout := "02/01 15:04"
	if l == EN {
		layout = "2 Jan 15:04"
	}
	if y1, m1, d1 := w.From.In(loc).Date(); w.Bucket != store.Day {
		if y2, m2, d2 := w.To.Add(-time.Second).In(loc).Date(); y1 == y2 && m1 == m2 && d1 == d2 {
			layout = "15:04"
		}
	} else {
		layout = "02/01/2006"
		if l == EN {
			layout = "2 Jan 2006"
		}
	}
	var ts []time.Time
	var labels []string
	for t := w.Bucket.Floor(w.From); t.Before(w.To); t = w.Bucket.Next(t) {
		ts = append(ts, t)
		labels = append(labels, t.In(loc).Format(layout))
	}
	return ts, labels
}

func index(ts []time.Time) map[int64]int {
	m := make(map[int64]int, len(ts))
	for i, t := range ts {
		m[t.Unix()] = i
	}
	return m
}

// stamp formats a bucket start for the data tables: RFC 3339, Paris time.
func stamp(t time.Time) string { return t.In(paris()).Format(time.RFC3339) }

// windowText states a window in Paris time.
func windowText(w store.Window, l Lang) string {
	loc := paris()
	from, to := w.From.In(loc), w.To.In(loc)
	layout := "02/01/2006 15:04"
	if l == EN {
		layout = "2 Jan 2006 15:04"
	}
	end := to.Format(layout)
	if y1, m1, d1 := from.Date(); true {
		if y2, m2, d2 := to.Add(-time.Second).Date(); y1 == y2 && m1 == m2 && d1 == d2 {
			end = to.Format("15:04")
		}
	}
	return from.Format(layout) + " – " + end + " (" + l.T("page.paris") + ")"
}

func bucketText(b store.Bucket, l Lang) string { return l.T("bucket." + string(b)) }

// unknownNote states the share of posts of unknown region among totals.
func unknownNote(totals map[string]uint64, l Lang) (string, float64) {
	var all, unknown uint64
	for k, n := range totals {
		all += n
		if k == "" {
			unknown = n
		}
	}
	share := 0.0
	if all > 0 {
		share = float64(unknown) / float64(all)
	}
	return l.Tf("chart.unknown", l.Percent(share)), share
}

// baseOption is what every chart shares: title, toolbox-free layout, a
// white background (exports) and no animation on refresh jitter.
func baseOption(title, subtitle string) map[string]any {
	return map[string]any{
		"backgroundColor":   "#ffffff",
		"animationDuration": 300,
		"title": map[string]any{"text": title, "subtext": subtitle, "left": 10, "top": 6,
			"textStyle": map[string]any{"fontSize": 16}, "subtextStyle": map[string]any{"fontSize": 12, "color": "#4a5568", "width": 760, "overflow": "break"}},
		"textStyle": map[string]any{"fontFamily": "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif"},
	}
}

func timeAxisOption(labels []string, boundaryGap bool) map[string]any {
	return map[string]any{"type": "category", "data": labels, "boundaryGap": boundaryGap,
		"axisLabel": map[string]any{"hideOverlap": true}}
}

func dataZoom() []any {
	return []any{
		map[string]any{"type": "slider", "bottom": 8, "height": 18},
		map[string]any{"type": "inside"},
	}
}

func fill(n int) []any {
	s := make([]any, n)
	for i := range s {
		s[i] = 0
	}
	return s
}

func isOutageOnly(labels []string) bool {
	return len(labels) == 0 || (len(labels) == 1 && labels[0] == string(post.LabelOutage))
}

func labelsNote(v View, l Lang) string {
	if len(v.Labels) == 0 {
		return ""
	}
	names := make([]string, len(v.Labels))
	for i, lb := range v.Labels {
		names[i] = l.Label(lb)
	}
	return l.Tf("chart.labels", strings.Join(names, ", "))
}

func joinNotes(parts ...string) string {
	var out []string
	for _, p := range parts {
		if p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, " · ")
}

// buildOutagesByRegion: outage reports per region over time, stacked, with
// the incidents of the window as bands and the sources' gaps shaded.
func buildOutagesByRegion(ctx context.Context, q Queries, v View) (*Result, error) {
	l := v.Lang
	f := v.Filter(string(post.LabelOutage))
	rows, err := q.SeriesBy(ctx, f, "region")
	if err != nil {
		return nil, err
	}
	incidents, err := q.IncidentsBetween(ctx, v.Window.From, v.Window.To)
	if err != nil {
		return nil, err
	}
	gaps, err := q.Gaps(ctx, v.Window.From, v.Window.To)
	if err != nil {
		return nil, err
	}
	ts, labels := axis(v.Window, l)
	at := index(ts)
	series := map[string][]any{}
	totals := map[string]uint64{}
	table := Table{Columns: []string{"bucket_start", "region", "region_name", "posts"}}
	for _, r := range rows {
		i, ok := at[r.Bucket.Unix()]
		if !ok {
			continue
		}
		s, ok := series[r.Key]
		if !ok {
			s = fill(len(ts))
			series[r.Key] = s
		}
		s[i] = r.Posts
		totals[r.Key] += r.Posts
		table.Rows = append(table.Rows, []any{stamp(r.Bucket), r.Key, l.Region(r.Key), r.Posts})
	}
	title := l.T("title.outages-by-region")
	if !isOutageOnly(v.Labels) {
		title = l.T("title.posts-by-region")
	}
	unknown, share := unknownNote(totals, l)
	per := "chart.reports-per"
	if !isOutageOnly(v.Labels) {
		per = "chart.posts-per"
	}
	subtitle := joinNotes(l.Tf(per, bucketText(v.Window.Bucket, l)), labelsNote(v, l), unknown)
	// Incidents go in lanes under the chart, one per platform and region, as
	// bands (markArea) on a second grid sharing the time axis.
	var lanes []string
	laneOf := map[string]int{}
	var bands []any
	var metaIncidents []any
	for i := len(incidents) - 1; i >= 0; i-- { // oldest first
		in := incidents[i]
		if len(v.Regions) > 0 && in.Region != "" && !slices.Contains(v.Regions, in.Region) {
			continue
		}
		if len(v.Platforms) > 0 && !slices.Contains(v.Platforms, in.Platform) {
			continue
		}
		i0, i1 := bandIndexes(ts, v.Window, in.Start, in.End)
		if i0 < 0 {
			continue
		}
		where := l.Region(in.Region)
		if in.Region == "" {
			where = l.T("now.france")
		}
		key := in.Platform + " · " + where
		n, ok := laneOf[key]
		if !ok {
			n = len(lanes)
			laneOf[key] = n
			lanes = append(lanes, key)
		}
		name := fmt.Sprintf("%s (%s)", key, l.Level(string(in.Level)))
		bands = append(bands, []any{
			map[string]any{"name": name, "xAxis": labels[i0], "yAxis": float64(n) + 0.12, "itemStyle": map[string]any{"color": levelColors[string(in.Level)]}},
			map[string]any{"xAxis": labels[i1], "yAxis": float64(n) + 0.88},
		})
		metaIncidents = append(metaIncidents, map[string]any{"id": in.ID, "name": name})
	}
	for i, key := range lanes {
		p, where, _ := strings.Cut(key, " · ")
		lanes[i] = l.Platform(p) + " · " + where
	}
	const top, mainH, laneH = 92, 300, 17
	lanesTop := top + mainH + 30
	height := 0 // the page's default
	grids := []any{map[string]any{"top": top, "left": 50, "right": 24, "bottom": 62}}
	xAxes := []any{timeAxisOption(labels, false)}
	yAxes := []any{map[string]any{"type": "value", "minInterval": 1}}
	if len(lanes) > 0 {
		subtitle = joinNotes(subtitle, l.T("chart.lanes"))
		lanesH := len(lanes) * laneH
		height = lanesTop + lanesH + 50
		grids[0] = map[string]any{"top": top, "left": 50, "right": 24, "height": mainH}
		grids = append(grids, map[string]any{"top": lanesTop, "left": 50, "right": 24, "height": lanesH})
		x := timeAxisOption(labels, false)
		x["gridIndex"], x["axisLabel"], x["axisTick"] = 1, map[string]any{"show": false}, map[string]any{"show": false}
		xAxes = append(xAxes, x)
		yAxes = append(yAxes,
			map[string]any{"type": "value", "gridIndex": 1, "min": 0, "max": len(lanes), "inverse": true, "show": false},
			map[string]any{"type": "category", "gridIndex": 1, "position": "left", "data": lanes, "inverse": true,
				"axisLine": map[string]any{"show": false}, "axisTick": map[string]any{"show": false}, "z": 10,
				"axisLabel": map[string]any{"inside": true, "fontSize": 10, "color": "#212529", "fontWeight": "bold",
					"textBorderColor": "#ffffff", "textBorderWidth": 3}})
	}
	opt := baseOption(title, subtitle)
	opt["tooltip"] = map[string]any{"trigger": "axis", "confine": true, "order": "valueDesc"}
	opt["legend"] = map[string]any{"type": "scroll", "top": 54, "left": 10, "right": 10}
	opt["grid"], opt["xAxis"], opt["yAxis"] = grids, xAxes, yAxes
	opt["dataZoom"] = []any{
		map[string]any{"type": "slider", "bottom": 8, "height": 18, "xAxisIndex": []int{0, len(xAxes) - 1}},
		map[string]any{"type": "inside", "xAxisIndex": []int{0, len(xAxes) - 1}},
	}
	var out []any
	var keys []string
	for _, code := range append(post.Regions[:], "") {
		data, ok := series[code]
		if !ok {
			continue
		}
		keys = append(keys, code)
		out = append(out, map[string]any{"id": "region:" + code, "name": l.Region(code), "type": "line", "stack": "total",
			"showSymbol": false, "symbol": "none", "data": data, "lineStyle": map[string]any{"width": 1},
			"areaStyle": map[string]any{"opacity": 0.6}, "color": regionColors[code],
			"emphasis": map[string]any{"focus": "series"}})
	}
	if len(lanes) > 0 {
		out = append(out, map[string]any{"id": "incidents", "name": l.T("chart.incidents"), "type": "line", "data": []any{},
			"xAxisIndex": 1, "yAxisIndex": 1, "color": "#e8590c",
			"markArea": map[string]any{"data": bands, "label": map[string]any{"show": false},
				"emphasis": map[string]any{"label": map[string]any{"show": true, "position": "insideTop", "fontSize": 10, "color": "#212529"}}}})
	}
	var gapBands []any
	for _, g := range gaps {
		i0, i1 := bandIndexes(ts, v.Window, g.From, g.To)
		if i0 < 0 {
			continue
		}
		gapBands = append(gapBands, []any{
			map[string]any{"name": l.T("chart.gap") + " " + g.Source + l.Colon() + g.Reason, "xAxis": labels[i0]},
			map[string]any{"xAxis": labels[i1]},
		})
	}
	if len(gapBands) > 0 {
		out = append(out, map[string]any{"id": "gaps", "name": l.T("chart.gaps"), "type": "line", "data": []any{},
			"color": "#868e96", "markArea": map[string]any{"data": gapBands, "silent": true,
				"itemStyle": map[string]any{"color": "rgba(134, 142, 150, 0.28)", "borderColor": "#868e96", "borderType": "dashed", "borderWidth": 1},
				"label":     map[string]any{"show": true, "position": "insideTop", "color": "#495057", "fontSize": 10}}})
	}
	opt["series"] = out
	return &Result{Title: title, Subtitle: subtitle, Option: opt, Table: table, Notes: []string{unknown},
		Meta: map[string]any{"series_keys": keys, "incidents": metaIncidents, "unknown_share": share, "height": height}}, nil
}

// bandIndexes returns the first and last axis points of [from, to) clipped
// to w, or -1 when the band is outside.
func bandIndexes(ts []time.Time, w store.Window, from, to time.Time) (int, int) {
	if len(ts) == 0 || !from.Before(w.To) || !to.After(w.From) {
		return -1, -1
	}
	i0, i1 := 0, len(ts)-1
	for i, t := range ts {
		if !t.After(from) {
			i0 = i
		}
		if t.Before(to) {
			i1 = i
		}
	}
	if i1 < i0 {
		i1 = i0
	}
	return i0, i1
}

// buildOutagesMap: a choropleth of outage reports per region over the window.
func buildOutagesMap(ctx context.Context, q Queries, v View) (*Result, error) {
	l := v.Lang
	f := v.Filter(string(post.LabelOutage))
	rows, err := q.TotalsBy(ctx, f, "region")
	if err != nil {
		return nil, err
	}
	totals := map[string]uint64{}
	var all uint64
	for _, r := range rows {
		totals[r.Key] = r.Posts
		all += r.Posts
	}
	unknown, share := unknownNote(totals, l)
	title := l.T("title.outages-map")
	if !isOutageOnly(v.Labels) {
		title = l.T("title.posts-map")
	}
	subtitle := joinNotes(l.T("sub.map"), labelsNote(v, l), unknown)
	table := Table{Columns: []string{"region", "region_name", "posts", "share"}}
	var data []any
	var maxN uint64
	nameMap := map[string]string{}
	for _, code := range post.Regions {
		n := totals[code]
		maxN = max(maxN, n)
		nameMap[code] = l.Region(code)
		item := map[string]any{"name": l.Region(code), "value": n, "code": code}
		if strings.HasPrefix(code, "FR-9") {
			item["label"] = map[string]any{"show": true, "position": "bottom", "fontSize": 9, "color": "#495057", "formatter": "{b}"}
		}
		data = append(data, item)
		table.Rows = append(table.Rows, []any{code, l.Region(code), n, ratio(n, all)})
	}
	table.Rows = append(table.Rows, []any{"", l.Region(""), totals[""], ratio(totals[""], all)})
	opt := baseOption(title, subtitle)
	opt["tooltip"] = map[string]any{"trigger": "item", "formatter": "{b} : {c}"}
	opt["visualMap"] = map[string]any{"type": "continuous", "min": 0, "max": max(maxN, 1), "left": 12, "bottom": 16,
		"calculable": true, "itemHeight": 110,
		"inRange": map[string]any{"color": []string{"#fff4e6", "#ffc078", "#fd7e14", "#d9480f", "#862e12"}}}
	opt["series"] = []any{map[string]any{"id": "map", "name": l.T("chart.reports"), "type": "map", "map": mapName,
		"nameMap": nameMap, "roam": false, "top": 70, "bottom": 10, "left": 90, "right": 10, "selectedMode": false,
		"label": map[string]any{"show": false}, "data": data,
		"itemStyle": map[string]any{"borderColor": "#ffffff", "borderWidth": 1, "areaColor": "#f1f3f5"},
		"emphasis":  map[string]any{"label": map[string]any{"show": true, "fontWeight": "bold"}, "itemStyle": map[string]any{"areaColor": "#74c0fc"}}}}
	return &Result{Title: title, Subtitle: subtitle, Option: opt, Table: table, Notes: []string{unknown},
		Meta: map[string]any{"unknown_share": share}}, nil
}

func ratio(n, all uint64) float64 {
	if all == 0 {
		return 0
	}
	return math.Round(float64(n)/float64(all)*10000) / 10000
}

// buildPlatforms: outage reports per platform over time.
func buildPlatforms(ctx context.Context, q Queries, v View) (*Result, error) {
	l := v.Lang
	f := v.Filter(string(post.LabelOutage))
	rows, err := q.SeriesBy(ctx, f, "platform")
	if err != nil {
		return nil, err
	}
	ts, labels := axis(v.Window, l)
	at := index(ts)
	series := map[string][]any{}
	for _, p := range post.Platforms {
		if len(v.Platforms) == 0 || slices.Contains(v.Platforms, p) {
			series[p] = fill(len(ts))
		}
	}
	table := Table{Columns: []string{"bucket_start", "platform", "posts"}}
	var none, all uint64
	for _, r := range rows {
		all += r.Posts
		if r.Key == "" {
			none += r.Posts
		}
		i, ok := at[r.Bucket.Unix()]
		s, known := series[r.Key]
		if !ok || !known {
			continue
		}
		s[i] = r.Posts
		table.Rows = append(table.Rows, []any{stamp(r.Bucket), r.Key, r.Posts})
	}
	title := l.T("title.platforms")
	if !isOutageOnly(v.Labels) {
		title = l.T("title.platforms-posts")
	}
	per := "chart.reports-per"
	if !isOutageOnly(v.Labels) {
		per = "chart.posts-per"
	}
	subtitle := joinNotes(l.Tf(per, bucketText(v.Window.Bucket, l)), labelsNote(v, l),
		l.Tf("sub.no-platform", l.Percent(ratio(none, all))))
	opt := baseOption(title, subtitle)
	opt["tooltip"] = map[string]any{"trigger": "axis", "confine": true}
	opt["legend"] = map[string]any{"top": 54, "left": 10}
	opt["grid"] = map[string]any{"top": 92, "left": 50, "right": 24, "bottom": 62}
	opt["xAxis"] = timeAxisOption(labels, false)
	opt["yAxis"] = map[string]any{"type": "value", "minInterval": 1}
	opt["dataZoom"] = dataZoom()
	var out []any
	var keys []string
	for _, p := range post.Platforms {
		data, ok := series[p]
		if !ok {
			continue
		}
		keys = append(keys, p)
		out = append(out, map[string]any{"id": "platform:" + p, "name": l.Platform(p), "type": "line", "showSymbol": false,
			"smooth": false, "data": data, "color": platformColors[p], "lineStyle": map[string]any{"width": 2},
			"emphasis": map[string]any{"focus": "series"}})
	}
	opt["series"] = out
	return &Result{Title: title, Subtitle: subtitle, Option: opt, Table: table, Meta: map[string]any{"series_keys": keys}}, nil
}

// buildLabelMix: posts per label over time, stacked.
func buildLabelMix(ctx context.Context, q Queries, v View) (*Result, error) {
	l := v.Lang
	rows, err := q.SeriesBy(ctx, v.Filter(), "label")
	if err != nil {
		return nil, err
	}
	ts, labels := axis(v.Window, l)
	at := index(ts)
	series := map[string][]any{}
	for _, lb := range post.Labels {
		series[string(lb)] = fill(len(ts))
	}
	table := Table{Columns: []string{"bucket_start", "label", "posts"}}
	for _, r := range rows {
		i, ok := at[r.Bucket.Unix()]
		s, known := series[r.Key]
		if !ok || !known {
			continue
		}
		s[i] = r.Posts
		table.Rows = append(table.Rows, []any{stamp(r.Bucket), r.Key, r.Posts})
	}
	title := l.T("title.label-mix")
	subtitle := joinNotes(l.Tf("chart.posts-per", bucketText(v.Window.Bucket, l)), labelsNote(v, l))
	opt := baseOption(title, subtitle)
	opt["tooltip"] = map[string]any{"trigger": "axis", "confine": true, "axisPointer": map[string]any{"type": "shadow"}}
	opt["legend"] = map[string]any{"top": 54, "left": 10}
	opt["grid"] = map[string]any{"top": 92, "left": 50, "right": 24, "bottom": 62}
	opt["xAxis"] = timeAxisOption(labels, true)
	opt["yAxis"] = map[string]any{"type": "value", "minInterval": 1}
	opt["dataZoom"] = dataZoom()
	var out []any
	var keys []string
	for _, lb := range post.Labels {
		if len(v.Labels) > 0 && !slices.Contains(v.Labels, string(lb)) {
			continue
		}
		keys = append(keys, string(lb))
		out = append(out, map[string]any{"id": "label:" + string(lb), "name": l.Label(string(lb)), "type": "bar", "stack": "total",
			"data": series[string(lb)], "color": labelColors[string(lb)], "emphasis": map[string]any{"focus": "series"}})
	}
	opt["series"] = out
	return &Result{Title: title, Subtitle: subtitle, Option: opt, Table: table, Meta: map[string]any{"series_keys": keys}}, nil
}

// buildTeacherSentiment: the teachers' average sentiment per region and day
// (per hour when the window is shorter than two days), as a heatmap.
func buildTeacherSentiment(ctx context.Context, q Queries, v View) (*Result, error) {
	l := v.Lang
	w := v.Window
	w.Bucket = store.Hour
	if w.To.Sub(w.From) >= 48*time.Hour {
		w.Bucket = store.Day
	}
	w.From = w.Bucket.Floor(w.From)
	if t := w.Bucket.Floor(w.To); !t.Equal(w.To) {
		w.To = w.Bucket.Next(t)
	}
	f := v.Filter()
	f.Window = w
	f.Roles = []string{post.RoleTeacher}
	rows, err := q.SeriesBy(ctx, f, "region")
	if err != nil {
		return nil, err
	}
	ts, labels := axis(w, l)
	at := index(ts)
	present := map[string]bool{}
	totals := map[string]uint64{}
	for _, r := range rows {
		present[r.Key] = true
		totals[r.Key] += r.Posts
	}
	var regions []string
	for _, code := range append(post.Regions[:], "") {
		if present[code] {
			regions = append(regions, code)
		}
	}
	row := map[string]int{}
	names := make([]string, len(regions))
	for i, code := range regions {
		row[code] = i
		names[i] = l.Region(code)
	}
	table := Table{Columns: []string{"bucket_start", "region", "region_name", "posts", "avg_sentiment"}}
	var data []any
	maxAbs := 0.2
	for _, r := range rows {
		i, ok := at[r.Bucket.Unix()]
		if !ok || r.Posts == 0 {
			continue
		}
		avg := math.Round(r.SentimentSum/float64(r.Posts)*1000) / 1000
		maxAbs = max(maxAbs, math.Abs(avg))
		data = append(data, []any{i, row[r.Key], avg, r.Posts})
		table.Rows = append(table.Rows, []any{stamp(r.Bucket), r.Key, l.Region(r.Key), r.Posts, avg})
	}
	maxAbs = math.Ceil(maxAbs*10) / 10
	unknown, share := unknownNote(totals, l)
	title := l.T("title.teacher-sentiment")
	subtitle := joinNotes(l.Tf("sub.teacher-sentiment", bucketText(w.Bucket, l)), labelsNote(v, l), unknown)
	opt := baseOption(title, subtitle)
	opt["tooltip"] = map[string]any{"trigger": "item", "confine": true}
	opt["grid"] = map[string]any{"top": 76, "left": 168, "right": 24, "bottom": 82}
	opt["xAxis"] = map[string]any{"type": "category", "data": labels, "splitArea": map[string]any{"show": true},
		"axisLabel": map[string]any{"hideOverlap": true}}
	opt["yAxis"] = map[string]any{"type": "category", "data": names, "inverse": true, "splitArea": map[string]any{"show": true},
		"axisLabel": map[string]any{"fontSize": 11}}
	opt["visualMap"] = map[string]any{"type": "continuous", "min": -maxAbs, "max": maxAbs, "calculable": true,
		"orient": "horizontal", "left": "center", "bottom": 6, "itemWidth": 12, "itemHeight": 160, "precision": 2,
		"dimension": 2, "inRange": map[string]any{"color": []string{"#c92a2a", "#f8f9fa", "#1971c2"}}}
	opt["series"] = []any{map[string]any{"id": "sentiment", "name": l.T("field.sentiment"), "type": "heatmap", "data": data,
		"itemStyle": map[string]any{"borderColor": "#ffffff", "borderWidth": 1},
		"emphasis":  map[string]any{"itemStyle": map[string]any{"borderColor": "#212529", "borderWidth": 1}}}}
	return &Result{Title: title, Subtitle: subtitle, Option: opt, Table: table, Notes: []string{unknown},
		Meta: map[string]any{"series_keys": regions, "unknown_share": share}}, nil
}

// topHashtags is how many hashtags the chart shows.
const topHashtags = 15

// buildTopHashtags: the hashtags most posts carry.
func buildTopHashtags(ctx context.Context, q Queries, v View) (*Result, error) {
	l := v.Lang
	f := v.Filter()
	if f.Bucket.Duration() < 15*time.Minute {
		// The hashtag rollups' finest grain: widen the window to whole quarters.
		f.Bucket = store.FifteenMinutes
		f.From = f.Bucket.Floor(f.From)
		if t := f.Bucket.Floor(f.To); !t.Equal(f.To) {
			f.To = f.Bucket.Next(t)
		}
	}
	rows, err := q.TopHashtags(ctx, f, topHashtags+10)
	if err != nil {
		return nil, err
	}
	table := Table{Columns: []string{"hashtag", "posts"}}
	var names []string
	var values []any
	for _, r := range rows {
		// A hashtag is letters, digits and underscores: anything else is not
		// shown (it cannot be a hashtag, and it would be user text in a label).
		if !isHashtag(r.Key) || len(names) == topHashtags {
			continue
		}
		names = append(names, "#"+r.Key)
		values = append(values, r.Posts)
		table.Rows = append(table.Rows, []any{r.Key, r.Posts})
	}
	slices.Reverse(names)
	slices.Reverse(values)
	title := l.T("title.top-hashtags")
	subtitle := joinNotes(l.T("sub.top-hashtags"), labelsNote(v, l))
	opt := baseOption(title, subtitle)
	opt["tooltip"] = map[string]any{"trigger": "axis", "axisPointer": map[string]any{"type": "shadow"}}
	opt["grid"] = map[string]any{"top": 70, "left": 24, "right": 48, "bottom": 20, "containLabel": true}
	opt["xAxis"] = map[string]any{"type": "value", "minInterval": 1}
	opt["yAxis"] = map[string]any{"type": "category", "data": names, "axisLabel": map[string]any{"fontSize": 11}}
	opt["series"] = []any{map[string]any{"id": "hashtags", "name": l.T("chart.posts"), "type": "bar", "data": values,
		"color": "#364fc7", "label": map[string]any{"show": true, "position": "right", "fontSize": 10}}}
	return &Result{Title: title, Subtitle: subtitle, Option: opt, Table: table}, nil
}

func isHashtag(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '_' {
			return false
		}
	}
	return true
}
