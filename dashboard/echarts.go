package dashboard

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"

	echarts "github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
)

// echart is what every go-echarts chart offers: Validate puts the axes'
// data in place, JSON returns the ECharts option.
type echart interface {
	Validate()
	JSON() map[string]interface{}
}

// baseGlobals is what every chart shares: title, a white background
// (exports) and no toolbox.
func baseGlobals(title, subtitle string) []echarts.GlobalOpts {
	return []echarts.GlobalOpts{
		echarts.WithInitializationOpts(opts.Initialization{BackgroundColor: "#ffffff"}),
		echarts.WithTitleOpts(opts.Title{Title: title, Subtitle: subtitle, Left: "10", Top: "6",
			TitleStyle:    &opts.TextStyle{FontSize: 16},
			SubtitleStyle: &opts.TextStyle{FontSize: 12, Color: "#4a5568", Width: 760, Overflow: "break"}}),
		echarts.WithToolboxOpts(opts.Toolbox{Show: opts.Bool(false)}),
	}
}

// timeXAxis is the category axis of bucket labels.
func timeXAxis(labels []string) opts.XAxis {
	return opts.XAxis{Type: "category", Data: labels, AxisLabel: &opts.AxisLabel{HideOverlap: opts.Bool(true)}}
}

// countYAxis is the value axis of post counts. (The axis label is set:
// RectChart.Validate writes through it.)
func countYAxis() opts.YAxis {
	return opts.YAxis{Type: "value", MinInterval: 1, AxisLabel: &opts.AxisLabel{}}
}

// lineData and barData are n zeros (ClickHouse 18.16 has no WITH FILL).
func lineData(n int) []opts.LineData {
	s := make([]opts.LineData, n)
	for i := range s {
		s[i] = opts.LineData{Value: uint64(0)}
	}
	return s
}

func barData(n int) []opts.BarData {
	s := make([]opts.BarData, n)
	for i := range s {
		s[i] = opts.BarData{Value: uint64(0)}
	}
	return s
}

// seriesColor sets a series' colour (the same region, platform or label has
// the same colour in every chart).
func seriesColor(c string) echarts.SeriesOpts {
	return echarts.WithSeriesOpts(func(s *echarts.SingleSeries) { s.Color = c })
}

// optionOf validates c and returns its option as plain JSON values (maps,
// slices, strings, ints, float64s), so that the keys go-echarts cannot
// express can be added to it and exportOption can rework it. go-echarts
// types positions as strings ("92"): those that are whole numbers become
// ints (ECharts reads both alike; exportOption shifts int tops). Nulls
// (unset go-echarts pointers) are dropped: ECharts reads them as unset.
func optionOf(c echart) (*option, error) {
	c.Validate()
	raw, err := json.Marshal(c.JSON())
	if err != nil {
		return nil, fmt.Errorf("echarts option: %w", err)
	}
	d := json.NewDecoder(bytes.NewReader(raw))
	d.UseNumber()
	var m map[string]any
	if err := d.Decode(&m); err != nil {
		return nil, fmt.Errorf("echarts option: %w", err)
	}
	m = plain(m, "").(map[string]any)
	// Shared keys go-echarts has no option for: the animation's duration
	// (typed as a JS function string there) and the global font.
	m["animationDuration"] = 300
	m["textStyle"] = map[string]any{"fontFamily": "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif"}
	return &option{m: m}, nil
}

func isLayoutKey(k string) bool {
	switch k {
	case "top", "left", "right", "bottom", "width", "height":
		return true
	}
	return false
}

func plain(v any, key string) any {
	switch v := v.(type) {
	case map[string]any:
		for k, x := range v {
			if x == nil {
				delete(v, k)
				continue
			}
			v[k] = plain(x, k)
		}
		return v
	case []any:
		for i, x := range v {
			v[i] = plain(x, "")
		}
		return v
	case json.Number:
		if n, err := v.Int64(); err == nil {
			return int(n)
		}
		f, _ := v.Float64()
		return f
	case string:
		if isLayoutKey(key) {
			if n, err := strconv.Atoi(v); err == nil {
				return n
			}
		}
		return v
	}
	return v
}

// option is an ECharts option built by go-echarts, to which set adds what
// go-echarts cannot express. The first path that does not exist is an error
// (the option's shape is ours: it is a bug).
type option struct {
	m   map[string]any
	err error
}

// set puts value at key under the object at path (map keys and slice
// indexes).
func (o *option) set(value any, key string, path ...any) {
	if o.err != nil {
		return
	}
	var cur any = o.m
	for _, p := range path {
		switch p := p.(type) {
		case string:
			m, ok := cur.(map[string]any)
			if !ok {
				o.err = fmt.Errorf("echarts option: no object at %v", path)
				return
			}
			next, ok := m[p]
			if !ok {
				next = map[string]any{}
				m[p] = next
			}
			cur = next
		case int:
			s, ok := cur.([]any)
			if !ok || p < 0 || p >= len(s) {
				o.err = fmt.Errorf("echarts option: no item at %v", path)
				return
			}
			cur = s[p]
		}
	}
	m, ok := cur.(map[string]any)
	if !ok {
		o.err = fmt.Errorf("echarts option: no object at %v", path)
		return
	}
	m[key] = value
}

// done returns the option, or the first error of set.
func (o *option) done() (map[string]any, error) {
	if o.err != nil {
		return nil, o.err
	}
	return o.m, nil
}

// seriesIDs lists the ids of the option's series, in order.
func seriesIDs(o *option) []string {
	s, _ := o.m["series"].([]any)
	ids := make([]string, len(s))
	for i, x := range s {
		if m, ok := x.(map[string]any); ok {
			ids[i], _ = m["id"].(string)
		}
	}
	return ids
}

func itoa(n int) string { return strconv.Itoa(n) }
