package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"text/tabwriter"
	"time"

	"github.com/peterbourgon/ff/v3/ffcli"

	"github.com/vigie-edu/vigie/bench"
	"github.com/vigie-edu/vigie/pipeline"
	"github.com/vigie-edu/vigie/store"
)

func (a *app) benchCmd() *ffcli.Command {
	fs := newFlagSet("vigie bench", a.stderr)
	var (
		common     commonFlags
		storePosts = fs.Int("store-posts", 10_000_000, "posts loaded (over a month) for the store and dashboard figures")
		batch      = fs.Int("batch", 20000, "rows per insert")
		runs       = fs.Int("runs", 20, "repetitions of the dashboard queries")
		jsonOut    = fs.String("json", "", "also write the figures as JSON to this file")
	)
	common.register(fs)
	return &ffcli.Command{
		Name:       "bench",
		ShortUsage: "vigie bench [--store-posts N] [--json FILE]",
		ShortHelp:  "measure Vigie side by side with the raw libraries and print a table",
		LongHelp: `Starts a fresh local ClickHouse under --data (default ./data/bench, wiped first), loads
--store-posts posts spread over a month through the store stage's insert (rows, then the
rollup recount) alternating batch by batch with a raw clickhouse-go batch insert of the
same rows, then times every query a dashboard refresh makes. Figures are ratios measured
in the same run, since these machines are shared and noisy.`,
		FlagSet: fs,
		Options: ffOptions(),
		Exec: func(ctx context.Context, args []string) error {
			log, err := common.logger(a.stderr)
			if err != nil {
				return err
			}
			dir := common.data
			if dir == "./data" {
				dir = filepath.Join("data", "bench")
			}
			if err := os.RemoveAll(filepath.Join(dir, "clickhouse")); err != nil {
				return err
			}
			c, err := pipeline.StartClickHouse(ctx, dir, pipeline.ClickHouseConfig{Database: "vigie"}, true, log)
			if err != nil {
				return err
			}
			defer stopClickHouse(c)
			db, err := store.Open(ctx, c.Writer)
			if err != nil {
				return err
			}
			defer db.Close()

			var figures []bench.Figure
			log.Info("loading posts through the sink and the raw driver", "posts", *storePosts, "batch", *batch)
			ins, err := bench.CompareInsert(ctx, c.Writer, db, bench.Month(*storePosts), *batch)
			if err != nil {
				return err
			}
			figures = append(figures,
				bench.Figure{Figure: "store insert rows/s (mark hours + insert posts)", Value: ins.SinkRowsPerSec, Unit: "rows/s"},
				bench.Figure{Figure: "rollup recount rows/s (runs beside the inserts)", Value: ins.RecountRowsPerSec, Unit: "rows/s"},
				bench.Figure{Figure: "raw clickhouse-go insert rows/s", Value: ins.RawRowsPerSec, Unit: "rows/s"},
				bench.Figure{Figure: "store ÷ raw insert", Value: ins.Ratio, Unit: "ratio", Target: "≥ 0.7", Met: ins.Ratio >= 0.7},
			)
			bpp, err := bench.BytesPerPost(ctx, db)
			if err != nil {
				return err
			}
			figures = append(figures, bench.Figure{Figure: "ClickHouse bytes per post (posts table, on disk)", Value: bpp, Unit: "bytes"})
			lat, page, err := bench.DashboardQueries(ctx, db, *runs)
			if err != nil {
				return err
			}
			for _, q := range lat {
				figures = append(figures, bench.Figure{Figure: "dashboard query p95: " + q.Query, Value: ms(q.P95), Unit: "ms",
					Target: "≤ 100", Met: q.P95 <= 100*time.Millisecond})
			}
			figures = append(figures, bench.Figure{Figure: fmt.Sprintf("dashboard whole page p95 (%d posts)", ins.Posts),
				Value: ms(page.P95), Unit: "ms", Target: "≤ 300", Met: page.P95 <= 300*time.Millisecond})
			return a.printFigures(figures, *jsonOut)
		},
	}
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

func (a *app) printFigures(figures []bench.Figure, jsonPath string) error {
	w := tabwriter.NewWriter(a.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(w, "FIGURE\tVALUE\tUNIT\tTARGET\tMET")
	for _, f := range figures {
		met := ""
		if f.Target != "" {
			met = map[bool]string{true: "yes", false: "NO"}[f.Met]
		}
		fmt.Fprintf(w, "%s\t%.3g\t%s\t%s\t%s\n", f.Figure, f.Value, f.Unit, f.Target, met)
	}
	if err := w.Flush(); err != nil {
		return err
	}
	if jsonPath == "" {
		return nil
	}
	out, err := os.Create(jsonPath)
	if err != nil {
		return err
	}
	enc := json.NewEncoder(out)
	for _, f := range figures {
		if err := enc.Encode(f); err != nil {
			out.Close()
			return err
		}
	}
	return out.Close()
}
