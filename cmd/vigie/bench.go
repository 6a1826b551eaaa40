package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime/pprof"
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
		posts      = fs.Int("posts", 1_000_000, "posts of the end-to-end run (the scenario scaled; 0 skips it)")
		e2eRuns    = fs.Int("e2e-runs", 3, "end-to-end runs (at least 1), each followed by the classifier alone; medians are printed")
		stagePosts = fs.Int("stage-posts", 50_000, "posts of the classify and ingest comparisons")
		storePosts = fs.Int("store-posts", 10_000_000, "posts loaded (over a month) for the store and dashboard figures (0 skips)")
		batch      = fs.Int("batch", 20000, "rows per insert")
		runs       = fs.Int("runs", 20, "repetitions of the dashboard queries")
		jsonOut    = fs.String("json", "", "also write the figures as JSON to this file")
		cpuProfile = fs.String("cpuprofile", "", "write a CPU profile of the first end-to-end run to this file (go tool pprof)")
		freshRate  = fs.Int("fresh-rate", 1000, "posts/s of the freshness run (0 skips it)")
		freshFor   = fs.Duration("fresh-for", 30*time.Second, "how long the freshness run publishes")
		reuse      = fs.Bool("reuse-store", false, "measure the dashboard on the posts already stored under --data (from an earlier run) instead of loading --store-posts again")
	)
	common.register(fs)
	return &ffcli.Command{
		Name:       "bench",
		ShortUsage: "vigie bench [--posts N] [--e2e-runs N] [--stage-posts N] [--store-posts N] [--json FILE]",
		ShortHelp:  "measure Vigie side by side with the raw libraries and print a table",
		LongHelp: `Measures, under --data (default ./data/bench, wiped first):
  end to end   'vigie run --once' on the scenario scaled to --posts posts, embedded Kafka and a
               local ClickHouse, timed from the first post handed to Kafka to the last batch
               inserted (the whole run's rate is printed too), and the peak RSS of this
               process (ClickHouse excluded); --e2e-runs runs, medians printed;
  freshness    --fresh-rate posts/s for --fresh-for through 'vigie run': p50/p95/p99 from a batch's
               Kafka acknowledgement to the post counted by the dashboard's summary;
  classify     the classifier against lingua-go alone on the same texts (one goroutine per core),
               before the first end-to-end run and after each: a run's efficiency is taken
               against the mean of the two measurements around it (the classifier is the
               slowest stage), and the median over the runs printed;
  ingest       the publisher against a bare kafka-go Writer writing the same messages;
  store        the store stage's insert against a raw clickhouse-go batch insert of the same
               rows (--store-posts spread over a month), then the dashboard's main queries and
               whole page refreshes (as the page's script makes them) on them; --reuse-store
               measures the dashboard again on what an earlier run left under --data.
Figures are ratios measured side by side in the same run: these machines are shared and noisy.`,
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
			var figures []bench.Figure
			profile := func(run func() error) error {
				stop, err := startCPUProfile(*cpuProfile)
				if err != nil {
					return err
				}
				err = run()
				if perr := stop(); err == nil {
					err = perr
				}
				return err
			}
			series, err := bench.RunSeries(ctx, filepath.Join(dir, "e2e"), *posts, *e2eRuns, *stagePosts, profile, log)
			if err != nil {
				return err
			}
			medianOf := fmt.Sprintf("median of %d", len(series.Runs))
			classifyMedian := fmt.Sprintf("median of %d", len(series.Classify))
			if *posts > 0 {
				figures = append(figures,
					bench.Figure{Figure: fmt.Sprintf("end-to-end posts/s (%d posts, first publish -> last row stored, %s)", series.Runs[0].EndToEnd.Posts, medianOf),
						Value: series.PostsPerS, Unit: "posts/s", Target: "≥ 6000", Met: series.PostsPerS >= 6000},
					bench.Figure{Figure: "end-to-end posts/s over the whole run (start-up, final rollup recount and incident pass included)",
						Value: series.WallPostsPerS, Unit: "posts/s"},
					bench.Figure{Figure: "memory: peak RSS of vigie run (ClickHouse excluded)", Value: series.PeakRSSMiB, Unit: "MiB",
						Target: "≤ 512", Met: series.PeakRSSMiB <= 512})
			}
			if *freshRate > 0 {
				log.Info("freshness at a steady rate", "posts_per_s", *freshRate, "for", *freshFor)
				fr, err := bench.Freshness(ctx, filepath.Join(dir, "freshness"), *freshRate, *freshFor)
				if err != nil {
					return err
				}
				for _, q := range []struct {
					name string
					v    time.Duration
					tgt  string
				}{{"p50", fr.P50, ""}, {"p95", fr.P95, "≤ 2000"}, {"p99", fr.P99, ""}} {
					f := bench.Figure{Figure: fmt.Sprintf("freshness %s at %d posts/s (publish -> counted on the dashboard)", q.name, *freshRate),
						Value: ms(q.v), Unit: "ms", Target: q.tgt}
					if q.tgt != "" {
						f.Met = q.v <= 2*time.Second
					}
					figures = append(figures, f)
				}
			}
			figures = append(figures,
				bench.Figure{Figure: fmt.Sprintf("classify posts/s (all cores, %s)", classifyMedian), Value: series.ClassifyPerSec, Unit: "posts/s"},
				bench.Figure{Figure: fmt.Sprintf("lingua-go alone posts/s (all cores, %s)", classifyMedian), Value: series.LinguaPerSec, Unit: "posts/s"},
				bench.Figure{Figure: "classify ÷ lingua", Value: series.ClassifyRatio, Unit: "ratio", Target: "≥ 0.8", Met: series.ClassifyRatio >= 0.8})
			log.Info("publisher against a bare kafka-go Writer", "posts", *stagePosts)
			in, err := bench.CompareIngest(ctx, filepath.Join(dir, "ingest-kafka"), *stagePosts)
			if err != nil {
				return err
			}
			figures = append(figures,
				bench.Figure{Figure: "ingest publish posts/s", Value: in.PublishPerSec, Unit: "posts/s"},
				bench.Figure{Figure: "kafka-go Writer alone msgs/s", Value: in.RawPerSec, Unit: "msgs/s"},
				bench.Figure{Figure: "ingest ÷ raw produce", Value: in.Ratio, Unit: "ratio", Target: "≥ 0.7", Met: in.Ratio >= 0.7})
			slowest := in.PublishPerSec // of the stages measured once; the classifier is paired with each run
			if *storePosts == 0 {
				return a.printFigures(append(figures, efficiency(series, *posts, slowest)...), *jsonOut)
			}
			if !*reuse {
				if err := os.RemoveAll(filepath.Join(dir, "clickhouse")); err != nil {
					return err
				}
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
			stored := uint64(*storePosts)
			if *reuse {
				if stored, err = db.RawRows(ctx); err != nil {
					return err
				}
				log.Info("measuring the dashboard on the stored posts", "rows", stored)
			} else {
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
				slowest = min(slowest, ins.SinkRowsPerSec, ins.RecountRowsPerSec)
				stored = uint64(ins.Posts)
			}
			figures = append(figures, efficiency(series, *posts, slowest)...)
			bpp, err := bench.BytesPerPost(ctx, db)
			if err != nil {
				return err
			}
			figures = append(figures, bench.Figure{Figure: "ClickHouse bytes per post (posts table, on disk)", Value: bpp, Unit: "bytes"})
			lat, err := bench.DashboardQueries(ctx, db, *runs)
			if err != nil {
				return err
			}
			page, err := bench.PageRefreshes(ctx, db, *runs)
			if err != nil {
				return err
			}
			for _, q := range lat {
				figures = append(figures, bench.Figure{Figure: "dashboard query p95: " + q.Query, Value: ms(q.P95), Unit: "ms",
					Target: "≤ 100", Met: q.P95 <= 100*time.Millisecond})
			}
			figures = append(figures, bench.Figure{Figure: fmt.Sprintf("dashboard whole page refresh p95 (%d posts)", stored),
				Value: ms(page.P95), Unit: "ms", Target: "≤ 300", Met: page.P95 <= 300*time.Millisecond})
			return a.printFigures(figures, *jsonOut)
		},
	}
}

// efficiency is the median over the end-to-end runs of their rate over the
// slowest stage measured alone (the mean of the classifier measured before
// and after the run, or a stage measured once if it is slower).
func efficiency(s bench.Series, posts int, slowestOther float64) []bench.Figure {
	r := s.Efficiency(slowestOther)
	if posts <= 0 || r == 0 {
		return nil
	}
	return []bench.Figure{{Figure: fmt.Sprintf("pipeline efficiency (end-to-end ÷ slowest stage alone, median of %d)", len(s.Runs)),
		Value: r, Unit: "ratio", Target: "≥ 0.7", Met: r >= 0.7}}
}

// startCPUProfile profiles the process into path until the returned stop
// is called; an empty path profiles nothing.
func startCPUProfile(path string) (stop func() error, err error) {
	if path == "" {
		return func() error { return nil }, nil
	}
	f, err := os.Create(path)
	if err != nil {
		return nil, fmt.Errorf("bench: cpu profile: %w", err)
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, fmt.Errorf("bench: cpu profile: %w", err)
	}
	return func() error {
		pprof.StopCPUProfile()
		if err := f.Close(); err != nil {
			return fmt.Errorf("bench: cpu profile: %w", err)
		}
		return nil
	}, nil
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
