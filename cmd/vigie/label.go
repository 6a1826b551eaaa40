package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"runtime"
	"time"

	"github.com/peterbourgon/ff/v3/ffcli"
	"golang.org/x/sync/errgroup"

	"github.com/vigie-edu/vigie/classify"
	"github.com/vigie-edu/vigie/ingest"
	"github.com/vigie-edu/vigie/ingest/archive"
	"github.com/vigie-edu/vigie/post"
)

func (a *app) labelCmd() *ffcli.Command {
	fs := newFlagSet("vigie label", a.stderr)
	var (
		common  commonFlags
		terms   stringList
		in      = fs.String("in", "-", "archive to label, any supported format (detected from the content, gzip accepted); - reads stdin")
		out     = fs.String("out", "-", "file to write, one JSON object per post; - writes stdout")
		format  = fs.String("format", "", "skip format detection: one of "+formatList())
		workers = fs.Int("workers", 0, "classifier goroutines (0: one per core)")
	)
	common.register(fs)
	fs.Var(&terms, "track", "a hashtag or keyword for the matched field, repeatable (default: the April 2021 set)")
	return &ffcli.Command{
		Name:       "label",
		ShortUsage: "vigie label --in FILE|- --out FILE|- [--format F] [--workers N]",
		ShortHelp:  "label an archive offline (no Kafka, no ClickHouse): one JSON object per post",
		LongHelp: `Reads a researcher's archive (twarc2 pages or flattened tweets, X API v1.1 JSON,
Mastodon statuses, Bluesky Jetstream, 4CAT NDJSON, DMI-TCAT CSV, twarc-csv, or Vigie's
JSON Lines; gzip accepted; the format is detected from the content), classifies every
post and writes one JSON object per post, in input order, with id, source, created_at,
line, label, scores, platform, region, lang, role, sentiment, classifier, evidence and
matched. Records that are not valid posts are reported on stderr with their line
number and counted; delete notices and other non-posts are skipped. Exits 0 when the
archive could be read.`,
		FlagSet: fs,
		Options: ffOptions(),
		Exec: func(ctx context.Context, args []string) error {
			log, err := common.logger(a.stderr)
			if err != nil {
				return err
			}
			if len(args) > 0 {
				return fmt.Errorf("label: unexpected arguments %q (use --in)", args)
			}
			var input io.Reader = os.Stdin
			name := "stdin"
			if *in != "-" {
				f, err := os.Open(*in)
				if err != nil {
					return fmt.Errorf("label: %w", err)
				}
				defer f.Close()
				input, name = f, *in
			}
			var output io.Writer = a.stdout
			var outFile *os.File
			if *out != "-" {
				if outFile, err = os.Create(*out); err != nil {
					return fmt.Errorf("label: %w", err)
				}
				defer outFile.Close()
				output = outFile
			}
			opts := []archive.Option{}
			if *format != "" {
				if !knownFormat(*format) {
					return fmt.Errorf("label: --format %q: want one of %s", *format, formatList())
				}
				opts = append(opts, archive.WithFormat(archive.Format(*format)))
			}
			reader, err := archive.NewReader(input, opts...)
			if err != nil {
				return fmt.Errorf("label %s: %w", name, err)
			}
			start := time.Now()
			c, err := classify.New(classify.Config{})
			if err != nil {
				return fmt.Errorf("label: %w", err)
			}
			log.Debug("classifier ready", "version", classify.Version, "took", time.Since(start).Round(time.Millisecond))
			if len(terms) == 0 {
				terms = ingest.DefaultTerms
			}
			tracker, err := ingest.NewTracker(terms)
			if err != nil {
				return fmt.Errorf("label: %w", err)
			}
			counts, err := labelRecords(ctx, labeller{classifier: c, tracker: tracker, workers: *workers, log: log, name: name}, reader, output)
			if err != nil {
				return fmt.Errorf("label %s: %w", name, err)
			}
			if outFile != nil {
				if err := outFile.Close(); err != nil {
					return fmt.Errorf("label: %w", err)
				}
			}
			log.Info("labelled", "input", name, "format", reader.Format(), "posts", counts.Posts,
				"rejected", counts.Rejected, "skipped", counts.Skipped, "took", time.Since(start).Round(time.Millisecond))
			return nil
		},
	}
}

func formatList() string {
	s := ""
	for i, f := range archive.Formats {
		if i > 0 {
			s += ", "
		}
		s += string(f)
	}
	return s
}

func knownFormat(f string) bool {
	for _, k := range archive.Formats {
		if string(k) == f {
			return true
		}
	}
	return false
}

// labelLine is one line of `vigie label` output.
type labelLine struct {
	ID             string      `json:"id"`
	Source         string      `json:"source"`
	CreatedAt      time.Time   `json:"created_at"`
	Line           int         `json:"line"`
	Label          post.Label  `json:"label"`
	Scores         post.Scores `json:"scores"`
	Platform       string      `json:"platform"`
	Region         string      `json:"region"`
	RegionSource   string      `json:"region_source,omitempty"`
	Lang           string      `json:"lang"`
	LangConfidence float32     `json:"lang_confidence"`
	Role           string      `json:"role"`
	Sentiment      float32     `json:"sentiment"`
	Classifier     string      `json:"classifier"`
	Evidence       []string    `json:"evidence"`
	Matched        []string    `json:"matched"`
}

// labeller classifies posts for labelRecords.
type labeller struct {
	classifier *classify.Classifier
	tracker    *ingest.Tracker
	workers    int
	log        *slog.Logger
	name       string // input name for messages: a path or "stdin"
}

// labelChunk is a run of consecutive records, labelled by one worker and
// written in turn.
type labelChunk struct {
	recs []archive.Record
	out  []byte
	done chan struct{}
}

// labelChunkSize is how many records a worker takes at once.
const labelChunkSize = 256

// labelRecords classifies every post of r on several goroutines and writes
// the results to w in input order; rejections are logged in order too.
// The archive reader has normalised and validated each post already.
func labelRecords(ctx context.Context, l labeller, r *archive.Reader, w io.Writer) (archive.Stats, error) {
	workers := l.workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	g, ctx := errgroup.WithContext(ctx)
	ordered := make(chan *labelChunk, workers*4) // bounds what is in flight
	work := make(chan *labelChunk)

	g.Go(func() error { // reader
		defer close(ordered)
		defer close(work)
		for {
			c := &labelChunk{done: make(chan struct{})}
			var readErr error
			for len(c.recs) < labelChunkSize {
				rec, err := r.Next()
				if err != nil {
					readErr = err
					break
				}
				c.recs = append(c.recs, rec)
			}
			if len(c.recs) > 0 {
				for _, ch := range []chan *labelChunk{ordered, work} {
					select {
					case ch <- c:
					case <-ctx.Done():
						return ctx.Err()
					}
				}
			}
			if errors.Is(readErr, io.EOF) {
				return nil
			}
			if readErr != nil {
				return readErr
			}
		}
	})
	for range workers {
		g.Go(func() error {
			for c := range work {
				now := time.Now()
				var line labelLine
				for _, rec := range c.recs {
					if rec.Reject != nil {
						continue
					}
					p := rec.Post
					p.Matched = l.tracker.Match(&p)
					cl := l.classifier.Classify(p, now)
					line = labelLine{
						ID: p.ID, Source: p.Source, CreatedAt: p.CreatedAt, Line: rec.Line,
						Label: cl.Label, Scores: cl.Scores, Platform: cl.Platform, Region: cl.Region, RegionSource: cl.RegionSource,
						Lang: cl.Language, LangConfidence: cl.LangConfidence, Role: cl.Role, Sentiment: cl.Sentiment,
						Classifier: cl.Classifier, Evidence: nonNil(cl.Evidence), Matched: nonNil(p.Matched),
					}
					b, err := json.Marshal(line)
					if err != nil {
						return fmt.Errorf("encode post %s: %w", p.ID, err)
					}
					c.out = append(c.out, b...)
					c.out = append(c.out, '\n')
				}
				close(c.done)
				if ctx.Err() != nil {
					return ctx.Err()
				}
			}
			return nil
		})
	}
	g.Go(func() error { // writer
		bw := bufio.NewWriterSize(w, 256<<10)
		for c := range ordered {
			select {
			case <-c.done:
			case <-ctx.Done():
				return ctx.Err()
			}
			for _, rec := range c.recs {
				if rec.Reject != nil {
					l.log.Warn("record rejected", "at", archive.Where(l.name, rec.Line), "reason", rec.Reject.Reason)
				}
			}
			if _, err := bw.Write(c.out); err != nil {
				return fmt.Errorf("write: %w", err)
			}
		}
		if err := bw.Flush(); err != nil {
			return fmt.Errorf("write: %w", err)
		}
		return nil
	})
	err := g.Wait()
	return r.Stats(), err
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
