package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"sync"
	"time"

	"github.com/peterbourgon/ff/v3/ffcli"
	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"

	"github.com/vigie-edu/vigie/ingest/archive"
	"github.com/vigie-edu/vigie/pipeline"
)

func (a *app) importCmd() *ffcli.Command {
	fs := newFlagSet("vigie import", a.stderr)
	var (
		common   commonFlags
		kafka    kafkaFlags
		ch       clickhouseFlags
		terms    stringList
		workers  = fs.Int("workers", 0, "classifier goroutines (0: one per core)")
		progress = fs.String("progress", "auto", "progress display: auto (a bar when stderr is a terminal, else log lines), bar, log or none")
		every    = fs.Duration("progress-every", 5*time.Second, "time between progress log lines")
	)
	common.register(fs)
	kafka.register(fs, true)
	ch.register(fs)
	fs.Var(&terms, "track", "a hashtag or keyword to track, repeatable (default: the April 2021 set); recorded in each post's matched terms")
	onlyTracked := fs.Bool("only-tracked", false, "store only the posts that match a tracked term (default: the whole archive, which its collector already filtered)")
	return &ffcli.Command{
		Name:       "import",
		ShortUsage: "vigie import [--data DIR] [--brokers ...] [--clickhouse ...] FILE...",
		ShortHelp:  "push archive files through the real pipeline and stop when everything is stored",
		LongHelp: `Imports archive files (any format 'vigie label' reads, gzip accepted, detected from the
content) through ingest, Kafka, classify and store, like 'vigie run --once --source file:FILE'
with no dashboard, then prints the JSON summary. Records that are not valid posts go to
the dead-letter topic with their line number. Importing a file twice changes no count.
Progress (bytes, posts, rate, ETA) goes to stderr: a bar on a terminal, log lines otherwise.`,
		FlagSet: fs,
		Options: ffOptions(),
		Exec: func(ctx context.Context, args []string) error {
			log, err := common.logger(a.stderr)
			if err != nil {
				return err
			}
			if len(args) == 0 {
				return errors.New("import: at least one FILE is required")
			}
			chCfg, err := ch.config()
			if err != nil {
				return err
			}
			// Check every file before starting anything: a typo or a file of
			// no known format fails now, not half-way.
			var total int64
			sources := make([]string, 0, len(args))
			for _, path := range args {
				r, err := archive.Open(path)
				if err != nil {
					return fmt.Errorf("import: %w", err)
				}
				format := r.Format()
				r.Close()
				fi, err := os.Stat(path)
				if err != nil {
					return fmt.Errorf("import: %w", err)
				}
				total += fi.Size()
				log.Info("archive", "path", path, "format", format, "bytes", fi.Size())
				sources = append(sources, "file:"+path)
			}
			mode := *progress
			if mode == "auto" {
				mode = "log"
				if term.IsTerminal(int(a.stderr.Fd())) {
					mode = "bar"
				}
			}
			prog, err := newImportProgress(mode, a.stderr, log, len(sources), total, *every, time.Now)
			if err != nil {
				return err
			}
			// pipeline.Config has no progress field yet: the file sources
			// find the callback in the context.
			ctx = archive.ContextWithProgress(ctx, prog.update)
			sum, err := pipeline.Run(ctx, pipeline.Config{
				DataDir: common.data, HTTPAddr: "", Sources: sources, Terms: terms,
				Kafka: kafka.config(), CH: chCfg, Once: true, Workers: *workers, Logger: log,
				KeepUnmatched: !*onlyTracked,
			})
			prog.finish()
			if err != nil {
				return err
			}
			return json.NewEncoder(a.stdout).Encode(sum)
		},
	}
}

// importProgress sums the progress of the files being imported and shows
// it: a bar with rate and ETA, or a log line every few seconds.
type importProgress struct {
	mu     sync.Mutex
	files  map[string]archive.Progress
	total  int64
	start  time.Time
	now    func() time.Time
	every  time.Duration
	last   time.Time
	log    *slog.Logger
	bar    *progressbar.ProgressBar
	silent bool
	ended  bool
	nfiles int  // files expected
	read   bool // every file is read (and said so)
}

func newImportProgress(mode string, w io.Writer, log *slog.Logger, nfiles int, total int64, every time.Duration, now func() time.Time) (*importProgress, error) {
	p := &importProgress{files: map[string]archive.Progress{}, total: total, start: now(), now: now, every: every, log: log, nfiles: nfiles}
	p.last = p.start
	switch mode {
	case "bar":
		size := total
		if size <= 0 {
			size = -1 // unknown length: a spinner
		}
		p.bar = progressbar.NewOptions64(size,
			progressbar.OptionSetWriter(w),
			progressbar.OptionSetDescription("importing"),
			progressbar.OptionShowBytes(true),
			progressbar.OptionSetPredictTime(true),
			progressbar.OptionSetElapsedTime(true),
			progressbar.OptionSetWidth(30),
			progressbar.OptionThrottle(200*time.Millisecond),
			progressbar.OptionShowElapsedTimeOnFinish(),
			progressbar.OptionOnCompletion(func() { fmt.Fprintln(w) }),
		)
	case "log":
	case "none":
		p.silent = true
	default:
		return nil, fmt.Errorf("--progress %q: want auto, bar, log or none", mode)
	}
	return p, nil
}

// totals sums the files' progress.
func (p *importProgress) totals() (read int64, sum archive.Progress, done bool) {
	done = true
	for _, f := range p.files {
		read += f.BytesRead
		sum.Records += f.Records
		sum.Rejected += f.Rejected
		sum.Skipped += f.Skipped
		done = done && f.Done
	}
	return read, sum, done
}

// update is the sources' progress callback (they may call it concurrently).
func (p *importProgress) update(f archive.Progress) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.silent || p.ended {
		return
	}
	p.files[f.Path] = f
	read, sum, done := p.totals()
	done = done && len(p.files) >= p.nfiles
	now := p.now()
	elapsed := now.Sub(p.start).Seconds()
	rate := 0.0
	if elapsed > 0 {
		rate = float64(sum.Records) / elapsed
	}
	if p.bar != nil {
		p.bar.Describe(fmt.Sprintf("importing: %d posts (%.0f/s), %d rejected", sum.Records, rate, sum.Rejected))
		_ = p.bar.Set64(min(read, max(p.total, 0)))
		return
	}
	switch {
	case done && !p.read:
		p.read = true
		p.logLine("files read, waiting for every post to be stored", read, sum, rate, elapsed)
	case !done && now.Sub(p.last) >= p.every:
		p.last = now
		p.logLine("import progress", read, sum, rate, elapsed)
	}
}

func (p *importProgress) logLine(msg string, read int64, sum archive.Progress, rate, elapsed float64) {
	attrs := []any{"read_mb", fmt.Sprintf("%.1f", float64(read)/1e6), "total_mb", fmt.Sprintf("%.1f", float64(p.total)/1e6),
		"posts", sum.Records, "rejected", sum.Rejected, "skipped", sum.Skipped, "posts_per_s", int64(rate)}
	if p.total > 0 {
		attrs = append(attrs, "percent", fmt.Sprintf("%.1f", 100*float64(read)/float64(p.total)))
	}
	if read > 0 && read < p.total && elapsed > 0 {
		eta := time.Duration(elapsed * float64(p.total-read) / float64(read) * float64(time.Second))
		attrs = append(attrs, "eta", eta.Round(time.Second))
	}
	p.log.Info(msg, attrs...)
}

// finish closes the display once the pipeline is done.
func (p *importProgress) finish() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.silent || p.ended {
		return
	}
	p.ended = true
	if p.bar != nil {
		_ = p.bar.Finish()
		return
	}
	if !p.read { // stopped before the end
		read, sum, _ := p.totals()
		p.logLine("import stopped before the files were read", read, sum, 0, p.now().Sub(p.start).Seconds())
	}
}
