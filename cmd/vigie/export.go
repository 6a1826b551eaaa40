package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"slices"
	"strings"

	"github.com/peterbourgon/ff/v3/ffcli"

	"github.com/vigie-edu/vigie/dashboard"
)

func (a *app) exportCmd() *ffcli.Command {
	fs := newFlagSet("vigie export", a.stderr)
	var (
		common                              commonFlags
		ch                                  clickhouseFlags
		regions, platforms, labels, sources stringList
		list                                = fs.Bool("list", false, "print the chart names, one a line, and exit")
		chart                               = fs.String("chart", "", "chart to export (see --list)")
		from                                = fs.String("from", "", "start (YYYY-MM-DD, YYYY-MM-DDTHH:MM in Paris time, or RFC 3339); default: follow the data")
		to                                  = fs.String("to", "", "end, excluded (same forms); default: the last stored post")
		window                              = fs.String("range", "24h", "without --from/--to: 24h, 7d, 30d or all, before the last stored post")
		bucket                              = fs.String("bucket", "", "time step: 1m, 5m, 15m, 1h or 1d (default: automatic)")
		hashtag                             = fs.String("hashtag", "", "keep posts carrying this hashtag")
		lang                                = fs.String("lang", "fr", "language of titles and captions: fr or en")
		format                              = fs.String("format", "html", "png, svg, csv, json or html (standalone, works offline)")
		out                                 = fs.String("out", "-", "output file (- for stdout); png and svg also write FILE.provenance.json")
		chromium                            = fs.String("chromium", "", "headless Chromium for png and svg (default: /usr/bin/chromium or on PATH)")
	)
	common.register(fs)
	ch.register(fs)
	fs.Var(&regions, "region", "keep this region code, or unknown (repeatable)")
	fs.Var(&platforms, "platform", "keep this platform: pronote, ent, cned, visio or none (repeatable)")
	fs.Var(&labels, "label", "keep this label: outage_report, complaint, testimony, other (repeatable)")
	fs.Var(&sources, "source", "keep this source (repeatable)")
	return &ffcli.Command{
		Name:       "export",
		ShortUsage: "vigie export [--data DIR] --chart NAME [--from D] [--to D] [filters] --format png|svg|csv|json|html --out FILE",
		ShortHelp:  "export a dashboard chart for publication, with its provenance",
		LongHelp: `Writes one chart of the dashboard, read as the read-only user, as a standalone HTML
page (echarts, the map and the data inlined: it opens offline), CSV, JSON, or a PNG or
SVG image rendered by headless Chromium (apt-get install chromium). 'vigie export --list'
prints the chart names; "regions-now" exports the regions affected now (csv, json).

Every export states its provenance: the filter, the time window, the classifier
version(s) of the posts, the sources' collection gaps in the window and the SHA-256 of
the data shown, in the file (CSV comment lines, a JSON field, HTML meta and caption, a
caption under the image's title) and, for PNG and SVG, in FILE.provenance.json.`,
		FlagSet: fs,
		Options: ffOptions(),
		Exec: func(ctx context.Context, args []string) error {
			if *list {
				for _, n := range dashboard.ChartNames() {
					fmt.Fprintln(a.stdout, n)
				}
				return nil
			}
			log, err := common.logger(a.stderr)
			if err != nil {
				return err
			}
			names := append(dashboard.ChartNames(), "regions-now")
			if !slices.Contains(names, *chart) {
				return fmt.Errorf("--chart %q: want one of %s (vigie export --list)", *chart, strings.Join(names, ", "))
			}
			if !slices.Contains(dashboard.Formats, *format) {
				return fmt.Errorf("--format %q: want one of %s", *format, strings.Join(dashboard.Formats, ", "))
			}
			if *chart == "regions-now" && *format != "csv" && *format != "json" {
				return errors.New("regions-now exports as csv or json")
			}
			q := url.Values{"lang": {*lang}, "from": {*from}, "to": {*to}, "range": {*window}, "bucket": {*bucket}, "hashtag": {*hashtag},
				"region": regions, "platform": platforms, "label": labels, "source": sources}
			params, err := dashboard.ParseParams(q)
			if err != nil {
				return fmt.Errorf("export: %w", err)
			}
			var browser string
			if *format == "png" || *format == "svg" {
				// Before starting anything: say at once when Chromium is missing.
				if browser, err = dashboard.Chromium(*chromium); err != nil {
					return err
				}
			}
			db, closeDB, err := ch.open(ctx, common.data, false, asReader, log)
			if err != nil {
				return err
			}
			defer closeDB()
			e, err := dashboard.BuildExport(ctx, db, *chart, params)
			if err != nil {
				return fmt.Errorf("export: %w", err)
			}
			var buf bytes.Buffer
			switch *format {
			case "csv":
				err = e.WriteCSV(&buf)
			case "json":
				err = e.WriteJSON(&buf)
			case "html":
				err = e.WriteHTML(&buf, dashboard.HTMLOptions{})
			case "png", "svg":
				err = e.RenderImage(ctx, browser, *format, &buf)
			}
			if err != nil {
				return err
			}
			if err := writeOut(*out, a.stdout, buf.Bytes()); err != nil {
				return err
			}
			if (*format == "png" || *format == "svg") && *out != "-" {
				prov, err := json.MarshalIndent(e.Provenance, "", "  ")
				if err != nil {
					return err
				}
				if err := os.WriteFile(*out+".provenance.json", append(prov, '\n'), 0o644); err != nil {
					return fmt.Errorf("export: %w", err)
				}
			}
			log.Info("chart exported", "chart", *chart, "format", *format, "out", *out,
				"data_sha256", e.Provenance.DataSHA256, "rows", e.Provenance.Rows)
			return nil
		},
	}
}

// writeOut writes b to path, or to stdout for "-".
func writeOut(path string, stdout io.Writer, b []byte) error {
	if path == "-" {
		_, err := stdout.Write(b)
		return err
	}
	if err := os.WriteFile(path, b, 0o644); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	return nil
}
