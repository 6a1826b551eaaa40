package dashboard

import (
	"context"
	"fmt"
	"math"
	"slices"
	"strings"
	"time"
	"unicode"

	echarts "github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

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
	series := map[string][]opts.LineData{}
	totals := map[string]uint64{}
	table := Table{Columns: []string{"bucket_start", "region", "region_name", "posts"}}
	for _, r := range rows {
		i, ok := at[r.Bucket.Unix()]
		if !ok {
			continue
		}
		s, ok := series[r.Key]
		if !ok {
			s = lineData(len(ts))
			series[r.Key] = s
		}
		s[i] = opts.LineData{Value: r.Posts}
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
	var bands []opts.MarkAreaNameCoordItem
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
		bands = append(bands, opts.MarkAreaNameCoordItem{Name: name,
			Coordinate0: []any{labels[i0], float64(n) + 0.12}, Coordinate1: []any{labels[i1], float64(n) + 0.88},
			ItemStyle: &opts.ItemStyle{Color: levelColors[string(in.Level)]}})
		metaIncidents = append(metaIncidents, map[string]any{"id": in.ID, "name": name})
	}
	for i, key := range lanes {
		p, where, _ := strings.Cut(key, " · ")
		lanes[i] = l.Platform(p) + " · " + where
	}
	const top, mainH, laneH = 92, 300, 17
	lanesTop := top + mainH + 30
	height := 0 // the page's default
	grids := []opts.Grid{{Top: itoa(top), Left: "50", Right: "24", Bottom: "62"}}
	nX := 1
	if len(lanes) > 0 {
		subtitle = joinNotes(subtitle, l.T("chart.lanes"))
		lanesH := len(lanes) * laneH
		height = lanesTop + lanesH + 50
		grids = []opts.Grid{
			{Top: itoa(top), Left: "50", Right: "24", Height: itoa(mainH)},
			{Top: itoa(lanesTop), Left: "50", Right: "24", Height: itoa(lanesH)},
		}
		nX = 2
	}
	zoomed := []int{0, nX - 1}
	line := echarts.NewLine()
	line.SetGlobalOptions(append(baseGlobals(title, subtitle),
		echarts.WithTooltipOpts(opts.Tooltip{Trigger: "axis"}),
		echarts.WithLegendOpts(opts.Legend{Type: "scroll", Top: "54", Left: "10", Right: "10"}),
		echarts.WithGridOpts(grids...),
		echarts.WithXAxisOpts(timeXAxis(labels)),
		echarts.WithYAxisOpts(countYAxis()),
		echarts.WithDataZoomOpts(opts.DataZoom{Type: "slider", XAxisIndex: zoomed}, opts.DataZoom{Type: "inside", XAxisIndex: zoomed}),
	)...)
	line.SetXAxis(labels)
	if len(lanes) > 0 {
		line.ExtendXAxis(opts.XAxis{Type: "category", Data: labels, GridIndex: 1,
			AxisLabel: &opts.AxisLabel{Show: opts.Bool(false)}, AxisTick: &opts.AxisTick{Show: opts.Bool(false)}})
		line.ExtendYAxis(
			opts.YAxis{Type: "value", GridIndex: 1, Min: 0, Max: len(lanes), Inverse: opts.Bool(true), Show: opts.Bool(false),
				AxisLabel: &opts.AxisLabel{}},
			opts.YAxis{Type: "category", GridIndex: 1, Position: "left", Data: lanes, Inverse: opts.Bool(true),
				AxisLine:  &opts.AxisLine{Show: opts.Bool(false)},
				AxisLabel: &opts.AxisLabel{Inside: opts.Bool(true), FontSize: 10, Color: "#212529", FontWeight: "bold"}})
	}
	var keys []string
	for _, code := range append(post.Regions[:], "") {
		data, ok := series[code]
		if !ok {
			continue
		}
		keys = append(keys, code)
		line.AddSeries(l.Region(code), data, echarts.WithSeriesId("region:"+code), seriesColor(regionColors[code]),
			echarts.WithLineChartOpts(opts.LineChart{Stack: "total", ShowSymbol: opts.Bool(false), Symbol: "none"}),
			echarts.WithLineStyleOpts(opts.LineStyle{Width: 1}),
			echarts.WithAreaStyleOpts(opts.AreaStyle{Opacity: opts.Float(0.6)}),
			echarts.WithEmphasisOpts(opts.Emphasis{Focus: "series"}))
	}
	if len(lanes) > 0 {
		line.AddSeries(l.T("chart.incidents"), nil, echarts.WithSeriesId("incidents"), seriesColor("#e8590c"),
			echarts.WithLineChartOpts(opts.LineChart{XAxisIndex: 1, YAxisIndex: 1}),
			echarts.WithMarkAreaNameCoordItemOpts(bands...),
			echarts.WithMarkAreaStyleOpts(opts.MarkAreaStyle{Label: &opts.Label{Show: opts.Bool(false)},
				Emphasis: &opts.Emphasis{Label: &opts.Label{Show: opts.Bool(true), Position: "insideTop", FontSize: 10, Color: "#212529"}}}))
	}
	var gapBands [][]opts.MarkAreaData
	for _, g := range gaps {
		i0, i1 := bandIndexes(ts, v.Window, g.From, g.To)
		if i0 < 0 {
			continue
		}
		gapBands = append(gapBands, []opts.MarkAreaData{
			{Name: l.T("chart.gap") + " " + g.Source + l.Colon() + g.Reason, XAxis: labels[i0]},
			{XAxis: labels[i1]},
		})
	}
	if len(gapBands) > 0 {
		line.AddSeries(l.T("chart.gaps"), nil, echarts.WithSeriesId("gaps"), seriesColor("#868e96"),
			echarts.WithMarkAreaData(gapBands...),
			echarts.WithMarkAreaStyleOpts(opts.MarkAreaStyle{
				ItemStyle: &opts.ItemStyle{Color: "rgba(134, 142, 150, 0.28)", BorderColor: "#868e96", BorderWidth: 1},
				Label:     &opts.Label{Show: opts.Bool(true), Position: "insideTop", Color: "#495057", FontSize: 10}}))
	}
	o, err := optionOf(line)
	if err != nil {
		return nil, err
	}
	// By hand, what go-echarts has no field for: the axis's boundaryGap,
	// the tooltip's confine and order, the slider's place.
	o.set(false, "boundaryGap", "xAxis", 0)
	o.set(true, "confine", "tooltip")
	o.set("valueDesc", "order", "tooltip")
	o.set(8, "bottom", "dataZoom", 0)
	o.set(18, "height", "dataZoom", 0)
	if len(lanes) > 0 {
		// The lanes' axes: boundaryGap, the label axis's z and the labels'
		// text border are not in go-echarts' axis types.
		o.set(false, "boundaryGap", "xAxis", 1)
		o.set(10, "z", "yAxis", 2)
		o.set(false, "show", "yAxis", 2, "axisTick")
		o.set("#ffffff", "textBorderColor", "yAxis", 2, "axisLabel")
		o.set(3, "textBorderWidth", "yAxis", 2, "axisLabel")
	}
	for i, id := range seriesIDs(o) {
		switch id {
		case "incidents", "gaps":
			// go-echarts omits an empty data list: the band series have none.
			o.set([]any{}, "data", "series", i)
		}
		if id == "gaps" {
			// The gaps' bands are silent and dashed: not in MarkAreaStyle.
			o.set(true, "silent", "series", i, "markArea")
			o.set("dashed", "borderType", "series", i, "markArea", "itemStyle")
		}
	}
	opt, err := o.done()
	if err != nil {
		return nil, err
	}
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
	var data []opts.MapData
	var maxN uint64
	nameMap := map[string]string{}
	for _, code := range post.Regions {
		n := totals[code]
		maxN = max(maxN, n)
		nameMap[code] = l.Region(code)
		data = append(data, opts.MapData{Name: l.Region(code), Value: n})
		table.Rows = append(table.Rows, []any{code, l.Region(code), n, ratio(n, all)})
	}
	table.Rows = append(table.Rows, []any{"", l.Region(""), totals[""], ratio(totals[""], all)})
	m := echarts.NewMap()
	m.RegisterMapType(mapName)
	m.SetGlobalOptions(append(baseGlobals(title, subtitle),
		echarts.WithLegendOpts(opts.Legend{Show: opts.Bool(false)}),
		echarts.WithTooltipOpts(opts.Tooltip{Trigger: "item", Formatter: "{b} : {c}"}),
		echarts.WithVisualMapOpts(opts.VisualMap{Type: "continuous", Min: 0, Max: float32(max(maxN, 1)), Left: "12", Bottom: "16",
			Calculable: opts.Bool(true), InRange: &opts.VisualMapInRange{Color: []string{"#fff4e6", "#ffc078", "#fd7e14", "#d9480f", "#862e12"}}}),
	)...)
	m.AddSeries(l.T("chart.reports"), data, echarts.WithSeriesId("map"),
		echarts.WithSeriesOpts(func(s *echarts.SingleSeries) {
			s.Roam, s.SelectedMode = opts.Bool(false), opts.Bool(false)
			s.Top, s.Bottom, s.Left, s.Right = "70", "10", "90", "10"
		}),
		echarts.WithLabelOpts(opts.Label{Show: opts.Bool(false)}),
		echarts.WithItemStyleOpts(opts.ItemStyle{BorderColor: "#ffffff", BorderWidth: 1, AreaColor: "#f1f3f5"}),
		echarts.WithEmphasisOpts(opts.Emphasis{Label: &opts.Label{Show: opts.Bool(true), FontWeight: "bold"},
			ItemStyle: &opts.ItemStyle{AreaColor: "#74c0fc"}}))
	o, err := optionOf(m)
	if err != nil {
		return nil, err
	}
	// By hand: the visual map's height, the series' nameMap (GeoJSON codes
	// to the page language's names), and per region its code (app.js
	// selects the region clicked) and, overseas, a label under the shape:
	// opts.MapData holds only a name and a value.
	o.set(110, "itemHeight", "visualMap", 0)
	o.set(nameMap, "nameMap", "series", 0)
	for i, code := range post.Regions {
		o.set(code, "code", "series", 0, "data", i)
		if strings.HasPrefix(code, "FR-9") {
			o.set(map[string]any{"show": true, "position": "bottom", "fontSize": 9, "color": "#495057", "formatter": "{b}"},
				"label", "series", 0, "data", i)
		}
	}
	opt, err := o.done()
	if err != nil {
		return nil, err
	}
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
	series := map[string][]opts.LineData{}
	for _, p := range post.Platforms {
		if len(v.Platforms) == 0 || slices.Contains(v.Platforms, p) {
			series[p] = lineData(len(ts))
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
		s[i] = opts.LineData{Value: r.Posts}
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
	line := echarts.NewLine()
	line.SetGlobalOptions(append(baseGlobals(title, subtitle),
		echarts.WithTooltipOpts(opts.Tooltip{Trigger: "axis"}),
		echarts.WithLegendOpts(opts.Legend{Top: "54", Left: "10"}),
		echarts.WithGridOpts(opts.Grid{Top: "92", Left: "50", Right: "24", Bottom: "62"}),
		echarts.WithXAxisOpts(timeXAxis(labels)),
		echarts.WithYAxisOpts(countYAxis()),
		echarts.WithDataZoomOpts(opts.DataZoom{Type: "slider"}, opts.DataZoom{Type: "inside"}),
	)...)
	line.SetXAxis(labels)
	var keys []string
	for _, p := range post.Platforms {
		data, ok := series[p]
		if !ok {
			continue
		}
		keys = append(keys, p)
		line.AddSeries(l.Platform(p), data, echarts.WithSeriesId("platform:"+p), seriesColor(platformColors[p]),
			echarts.WithLineChartOpts(opts.LineChart{ShowSymbol: opts.Bool(false), Smooth: opts.Bool(false)}),
			echarts.WithLineStyleOpts(opts.LineStyle{Width: 2}),
			echarts.WithEmphasisOpts(opts.Emphasis{Focus: "series"}))
	}
	o, err := optionOf(line)
	if err != nil {
		return nil, err
	}
	// By hand: boundaryGap, the tooltip's confine, the slider's place.
	o.set(false, "boundaryGap", "xAxis", 0)
	o.set(true, "confine", "tooltip")
	o.set(8, "bottom", "dataZoom", 0)
	o.set(18, "height", "dataZoom", 0)
	opt, err := o.done()
	if err != nil {
		return nil, err
	}
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
	series := map[string][]opts.BarData{}
	for _, lb := range post.Labels {
		series[string(lb)] = barData(len(ts))
	}
	table := Table{Columns: []string{"bucket_start", "label", "posts"}}
	for _, r := range rows {
		i, ok := at[r.Bucket.Unix()]
		s, known := series[r.Key]
		if !ok || !known {
			continue
		}
		s[i] = opts.BarData{Value: r.Posts}
		table.Rows = append(table.Rows, []any{stamp(r.Bucket), r.Key, r.Posts})
	}
	title := l.T("title.label-mix")
	subtitle := joinNotes(l.Tf("chart.posts-per", bucketText(v.Window.Bucket, l)), labelsNote(v, l))
	bar := echarts.NewBar()
	bar.SetGlobalOptions(append(baseGlobals(title, subtitle),
		echarts.WithTooltipOpts(opts.Tooltip{Trigger: "axis", AxisPointer: &opts.AxisPointer{Type: "shadow"}}),
		echarts.WithLegendOpts(opts.Legend{Top: "54", Left: "10"}),
		echarts.WithGridOpts(opts.Grid{Top: "92", Left: "50", Right: "24", Bottom: "62"}),
		echarts.WithXAxisOpts(timeXAxis(labels)),
		echarts.WithYAxisOpts(countYAxis()),
		echarts.WithDataZoomOpts(opts.DataZoom{Type: "slider"}, opts.DataZoom{Type: "inside"}),
	)...)
	bar.SetXAxis(labels)
	var keys []string
	for _, lb := range post.Labels {
		if len(v.Labels) > 0 && !slices.Contains(v.Labels, string(lb)) {
			continue
		}
		keys = append(keys, string(lb))
		bar.AddSeries(l.Label(string(lb)), series[string(lb)], echarts.WithSeriesId("label:"+string(lb)),
			seriesColor(labelColors[string(lb)]), echarts.WithBarChartOpts(opts.BarChart{Stack: "total"}),
			echarts.WithEmphasisOpts(opts.Emphasis{Focus: "series"}))
	}
	o, err := optionOf(bar)
	if err != nil {
		return nil, err
	}
	// By hand: boundaryGap, the tooltip's confine, the slider's place.
	o.set(true, "boundaryGap", "xAxis", 0)
	o.set(true, "confine", "tooltip")
	o.set(8, "bottom", "dataZoom", 0)
	o.set(18, "height", "dataZoom", 0)
	opt, err := o.done()
	if err != nil {
		return nil, err
	}
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
	var data []opts.HeatMapData
	var raw []any
	maxAbs := 0.2
	for _, r := range rows {
		i, ok := at[r.Bucket.Unix()]
		if !ok || r.Posts == 0 {
			continue
		}
		avg := math.Round(r.SentimentSum/float64(r.Posts)*1000) / 1000
		maxAbs = max(maxAbs, math.Abs(avg))
		data = append(data, opts.HeatMapData{Value: []any{i, row[r.Key], avg, r.Posts}})
		raw = append(raw, []any{i, row[r.Key], avg, r.Posts})
		table.Rows = append(table.Rows, []any{stamp(r.Bucket), r.Key, l.Region(r.Key), r.Posts, avg})
	}
	maxAbs = math.Ceil(maxAbs*10) / 10
	unknown, share := unknownNote(totals, l)
	title := l.T("title.teacher-sentiment")
	subtitle := joinNotes(l.Tf("sub.teacher-sentiment", bucketText(w.Bucket, l)), labelsNote(v, l), unknown)
	hm := echarts.NewHeatMap()
	hm.SetGlobalOptions(append(baseGlobals(title, subtitle),
		echarts.WithLegendOpts(opts.Legend{Show: opts.Bool(false)}),
		echarts.WithTooltipOpts(opts.Tooltip{Trigger: "item"}),
		echarts.WithGridOpts(opts.Grid{Top: "76", Left: "168", Right: "24", Bottom: "82"}),
		echarts.WithXAxisOpts(opts.XAxis{Type: "category", Data: labels, SplitArea: &opts.SplitArea{Show: opts.Bool(true)},
			AxisLabel: &opts.AxisLabel{HideOverlap: opts.Bool(true)}}),
		echarts.WithYAxisOpts(opts.YAxis{Type: "category", Data: names, Inverse: opts.Bool(true),
			SplitArea: &opts.SplitArea{Show: opts.Bool(true)}, AxisLabel: &opts.AxisLabel{FontSize: 11}}),
		echarts.WithVisualMapOpts(opts.VisualMap{Type: "continuous", Min: float32(-maxAbs), Max: float32(maxAbs),
			Calculable: opts.Bool(true), Orient: "horizontal", Left: "center", Bottom: "6",
			InRange: &opts.VisualMapInRange{Color: []string{"#c92a2a", "#f8f9fa", "#1971c2"}}}),
	)...)
	hm.SetXAxis(labels)
	hm.AddSeries(l.T("field.sentiment"), data, echarts.WithSeriesId("sentiment"),
		echarts.WithItemStyleOpts(opts.ItemStyle{BorderColor: "#ffffff", BorderWidth: 1}),
		echarts.WithEmphasisOpts(opts.Emphasis{ItemStyle: &opts.ItemStyle{BorderColor: "#212529", BorderWidth: 1}}))
	o, err := optionOf(hm)
	if err != nil {
		return nil, err
	}
	// By hand: the tooltip's confine; the visual map's size, precision and
	// dimension (a number: go-echarts types it as a string); the data as
	// plain [x, y, value, posts] arrays, as app.js reads params.data[1]
	// (opts.HeatMapData wraps each point in {"value": …}).
	o.set(true, "confine", "tooltip")
	o.set(12, "itemWidth", "visualMap", 0)
	o.set(160, "itemHeight", "visualMap", 0)
	o.set(2, "precision", "visualMap", 0)
	o.set(2, "dimension", "visualMap", 0)
	if raw == nil {
		raw = []any{}
	}
	o.set(raw, "data", "series", 0)
	opt, err := o.done()
	if err != nil {
		return nil, err
	}
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
	var values []opts.BarData
	for _, r := range rows {
		// A hashtag is letters, digits and underscores: anything else is not
		// shown (it cannot be a hashtag, and it would be user text in a label).
		if !isHashtag(r.Key) || len(names) == topHashtags {
			continue
		}
		names = append(names, "#"+r.Key)
		values = append(values, opts.BarData{Value: r.Posts})
		table.Rows = append(table.Rows, []any{r.Key, r.Posts})
	}
	slices.Reverse(names)
	slices.Reverse(values)
	title := l.T("title.top-hashtags")
	subtitle := joinNotes(l.T("sub.top-hashtags"), labelsNote(v, l))
	bar := echarts.NewBar()
	bar.SetGlobalOptions(append(baseGlobals(title, subtitle),
		echarts.WithLegendOpts(opts.Legend{Show: opts.Bool(false)}),
		echarts.WithTooltipOpts(opts.Tooltip{Trigger: "axis", AxisPointer: &opts.AxisPointer{Type: "shadow"}}),
		echarts.WithGridOpts(opts.Grid{Top: "70", Left: "24", Right: "48", Bottom: "20", ContainLabel: opts.Bool(true)}),
		echarts.WithXAxisOpts(opts.XAxis{Type: "value", MinInterval: 1}),
		echarts.WithYAxisOpts(opts.YAxis{Type: "category", AxisLabel: &opts.AxisLabel{FontSize: 11}}),
	)...)
	// XYReversal: the hashtags are on the y axis.
	bar.SetXAxis(names).XYReversal()
	bar.AddSeries(l.T("chart.posts"), values, echarts.WithSeriesId("hashtags"), seriesColor("#364fc7"),
		echarts.WithLabelOpts(opts.Label{Show: opts.Bool(true), Position: "right", FontSize: 10}))
	o, err := optionOf(bar)
	if err != nil {
		return nil, err
	}
	if len(values) == 0 {
		// go-echarts omits an empty data list.
		o.set([]any{}, "data", "series", 0)
	}
	opt, err := o.done()
	if err != nil {
		return nil, err
	}
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
