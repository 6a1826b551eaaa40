package dashboard

import (
	"time"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"github.com/vigie-edu/vigie/post"
	"github.com/vigie-edu/vigie/store"
)

// regionNames are the French names shown for the contract's region codes.
var regionNames = map[string]string{
	"FR-ARA": "Auvergne-Rhône-Alpes", "FR-BFC": "Bourgogne-Franche-Comté", "FR-BRE": "Bretagne",
	"FR-CVL": "Centre-Val de Loire", "FR-COR": "Corse", "FR-GES": "Grand Est", "FR-HDF": "Hauts-de-France",
	"FR-IDF": "Île-de-France", "FR-NOR": "Normandie", "FR-NAQ": "Nouvelle-Aquitaine", "FR-OCC": "Occitanie",
	"FR-PDL": "Pays de la Loire", "FR-PAC": "Provence-Alpes-Côte d'Azur", "FR-971": "Guadeloupe",
	"FR-972": "Martinique", "FR-973": "Guyane", "FR-974": "La Réunion", "FR-976": "Mayotte",
	"": "Région inconnue",
}

// labelNames are the French names of the labels.
var labelNames = map[post.Label]string{
	post.LabelOutage: "Signalement de panne", post.LabelComplaint: "Plainte",
	post.LabelTestimony: "Témoignage", post.LabelOther: "Autre",
}

// paris is the time zone the axes are labelled in: the users' own.
func paris() *time.Location {
	loc, err := time.LoadLocation("Europe/Paris")
	if err != nil {
		return time.FixedZone("CET", 3600)
	}
	return loc
}

// axis returns the bucket start times covering w, gaps included (ClickHouse
// 18.16 has no WITH FILL, so missing buckets are filled here), and their labels.
func axis(w store.Window) ([]time.Time, []string) {
	loc := paris()
	layout := "02/01 15:04"
	if w.Bucket == store.Day {
		layout = "02/01/2006"
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

// outagesChart stacks outage reports per region over time; posts of unknown
// region are a series of their own, so the share is always visible.
func outagesChart(w store.Window, rows []store.RegionCount) *charts.Line {
	ts, labels := axis(w)
	at := index(ts)
	series := map[string][]opts.LineData{}
	for _, r := range rows {
		s, ok := series[r.Region]
		if !ok {
			s = make([]opts.LineData, len(ts))
			for i := range s {
				s[i] = opts.LineData{Value: 0}
			}
			series[r.Region] = s
		}
		if i, ok := at[r.Bucket.Unix()]; ok {
			s[i] = opts.LineData{Value: r.Posts}
		}
	}
	line := charts.NewLine()
	line.SetGlobalOptions(
		charts.WithTitleOpts(opts.Title{Title: "Signalements de panne par région", Subtitle: "Publications classées « signalement de panne », par tranche de " + string(w.Bucket)}),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "axis"}),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(true), Type: "scroll", Top: "55"}),
		charts.WithGridOpts(opts.Grid{Top: "110", Left: "50", Right: "20", Bottom: "60"}),
		charts.WithDataZoomOpts(opts.DataZoom{Type: "slider"}),
		charts.WithYAxisOpts(opts.YAxis{Name: "publications"}),
	)
	line.SetXAxis(labels)
	for _, code := range append(post.Regions[:], "") {
		data, ok := series[code]
		if !ok {
			continue
		}
		line.AddSeries(regionNames[code], data,
			charts.WithLineChartOpts(opts.LineChart{Stack: "total", ShowSymbol: opts.Bool(false)}),
			charts.WithAreaStyleOpts(opts.AreaStyle{Opacity: opts.Float(0.5)}))
	}
	line.Validate()
	return line
}

// labelMixChart stacks the posts of each label over time.
func labelMixChart(w store.Window, rows []store.LabelCount) *charts.Bar {
	ts, labels := axis(w)
	at := index(ts)
	series := map[post.Label][]opts.BarData{}
	for _, l := range post.Labels {
		s := make([]opts.BarData, len(ts))
		for i := range s {
			s[i] = opts.BarData{Value: 0}
		}
		series[l] = s
	}
	for _, r := range rows {
		if i, ok := at[r.Bucket.Unix()]; ok {
			if s, ok := series[r.Label]; ok {
				s[i] = opts.BarData{Value: r.Posts}
			}
		}
	}
	bar := charts.NewBar()
	bar.SetGlobalOptions(
		charts.WithTitleOpts(opts.Title{Title: "Répartition des publications", Subtitle: "Par catégorie, par tranche de " + string(w.Bucket)}),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "axis"}),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(true), Top: "55"}),
		charts.WithGridOpts(opts.Grid{Top: "110", Left: "50", Right: "20", Bottom: "60"}),
		charts.WithDataZoomOpts(opts.DataZoom{Type: "slider"}),
		charts.WithYAxisOpts(opts.YAxis{Name: "publications"}),
	)
	bar.SetXAxis(labels)
	for _, l := range post.Labels {
		bar.AddSeries(labelNames[l], series[l], charts.WithBarChartOpts(opts.BarChart{Stack: "total"}))
	}
	bar.Validate()
	return bar
}
