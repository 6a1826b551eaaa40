package main

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/peterbourgon/ff/v3/ffcli"
	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"

	"github.com/vigie-edu/vigie/classify"
	"github.com/vigie-edu/vigie/pipeline"
	"github.com/vigie-edu/vigie/post"
	"github.com/vigie-edu/vigie/store"
)

func (a *app) reclassifyCmd() *ffcli.Command {
	fs := newFlagSet("vigie reclassify", a.stderr)
	var (
		common commonFlags
		ch     clickhouseFlags
	)
	common.register(fs)
	ch.register(fs)
	return &ffcli.Command{
		Name:       "reclassify",
		ShortUsage: "vigie reclassify [--data DIR]",
		ShortHelp:  "label stored posts again with this binary's classifier version",
		LongHelp: `Classifies again every stored post whose classifier version differs from this
binary's, replacing its labels and recounting the rollups, so nothing is counted twice.
Running it again does nothing. Prints {"reclassified":N,"classifier":"..."}.`,
		FlagSet: fs,
		Options: ffOptions(),
		Exec: func(ctx context.Context, args []string) error {
			log, err := common.logger(a.stderr)
			if err != nil {
				return err
			}
			db, closeDB, err := ch.open(ctx, common.data, true, asWriter, log)
			if err != nil {
				return err
			}
			defer closeDB()
			classifier, err := classify.New(classify.Config{})
			if err != nil {
				return err
			}
			from, to, ok, err := db.PostsExtent(ctx)
			if err != nil || !ok {
				return err
			}
			n, err := pipeline.Reclassify(ctx, db, classifier, classify.Version, from, to.Add(time.Second), log)
			if err != nil {
				return err
			}
			return json.NewEncoder(a.stdout).Encode(map[string]any{"reclassified": n, "classifier": classify.Version})
		},
	}
}

func (a *app) exportPostsCmd() *ffcli.Command {
	fs := newFlagSet("vigie export-posts", a.stderr)
	var (
		common                              commonFlags
		ch                                  clickhouseFlags
		labels, regions, platforms, sources stringList
		from                                = fs.String("from", "", "first day or time (YYYY-MM-DD or RFC 3339, Paris time without a zone)")
		to                                  = fs.String("to", "", "end, excluded (same forms)")
		format                              = fs.String("format", "jsonl", "jsonl, csv, or ids (one post id per line, for platforms whose terms allow sharing only ids)")
		out                                 = fs.String("out", "-", "output file, - for stdout")
		limit                               = fs.Int("limit", 0, "at most this many posts (0: all)")
	)
	common.register(fs)
	ch.register(fs)
	fs.Var(&labels, "label", "keep this label (repeatable)")
	fs.Var(&regions, "region", "keep this region code (repeatable)")
	fs.Var(&platforms, "platform", "keep this platform (repeatable)")
	fs.Var(&sources, "source", "keep this source: x, mastodon, bluesky, archive, scenario (repeatable)")
	return &ffcli.Command{
		Name:       "export-posts",
		ShortUsage: "vigie export-posts [--from D] [--to D] [--label L ...] [--region R ...] [--format jsonl|csv|ids] [--out FILE]",
		ShortHelp:  "write the stored posts matching a filter as JSONL, CSV or ids only",
		FlagSet:    fs,
		Options:    ffOptions(),
		Exec: func(ctx context.Context, args []string) error {
			log, err := common.logger(a.stderr)
			if err != nil {
				return err
			}
			f := store.PostFilter{Labels: labels, Regions: regions, Platforms: platforms, Sources: sources, Limit: *limit}
			if f.From, err = parseFilterTime(*from); err != nil {
				return fmt.Errorf("--from: %w", err)
			}
			if f.To, err = parseFilterTime(*to); err != nil {
				return fmt.Errorf("--to: %w", err)
			}
			write, finish, err := postWriter(*format, *out, a.stdout)
			if err != nil {
				return err
			}
			db, closeDB, err := ch.open(ctx, common.data, false, asReader, log)
			if err != nil {
				return err
			}
			defer closeDB()
			total, err := db.CountPosts(ctx, f)
			if err != nil {
				return err
			}
			bar := postsProgress(a.stderr, int64(total), "export")
			n := 0
			err = db.ScanPosts(ctx, f, func(c post.Classified) error {
				n++
				_ = bar.Add(1)
				return write(c)
			})
			_ = bar.Finish()
			if err := errors.Join(err, finish()); err != nil {
				return err
			}
			log.Info("posts exported", "posts", n, "format", *format, "out", *out)
			return nil
		},
	}
}

// parseFilterTime reads YYYY-MM-DD, YYYY-MM-DDTHH:MM (Paris time) or RFC 3339.
func parseFilterTime(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	paris, err := time.LoadLocation("Europe/Paris")
	if err != nil {
		return time.Time{}, err
	}
	for _, layout := range []string{time.RFC3339, "2006-01-02T15:04", "2006-01-02"} {
		if t, err := time.ParseInLocation(layout, s, paris); err == nil {
			return t.UTC(), nil
		}
	}
	return time.Time{}, fmt.Errorf("%q is not a date (want YYYY-MM-DD or RFC 3339)", s)
}

var csvHeader = []string{"id", "source", "created_at", "author", "author_location", "text", "url", "label",
	"platform", "region", "lang", "role", "sentiment", "hashtags", "evidence", "classifier"}

// postWriter returns a function writing one post in format to path, and
// one flushing and closing it.
func postWriter(format, path string, stdout io.Writer) (func(post.Classified) error, func() error, error) {
	var w io.Writer = stdout
	closeFn := func() error { return nil }
	if path != "-" {
		f, err := os.Create(path)
		if err != nil {
			return nil, nil, fmt.Errorf("export: %w", err)
		}
		w, closeFn = f, f.Close
	}
	switch format {
	case "jsonl":
		enc := json.NewEncoder(w)
		return func(c post.Classified) error { return enc.Encode(c) }, closeFn, nil
	case "ids":
		return func(c post.Classified) error { _, err := fmt.Fprintln(w, c.ID); return err }, closeFn, nil
	case "csv":
		cw := csv.NewWriter(w)
		if err := cw.Write(csvHeader); err != nil {
			return nil, nil, fmt.Errorf("export: %w", err)
		}
		write := func(c post.Classified) error {
			return cw.Write([]string{c.ID, c.Source, c.CreatedAt.Format(time.RFC3339), c.Author, c.AuthorLocation,
				csvSafe(c.Text), c.URL, string(c.Label), c.Platform, c.Region, c.Language, c.Role,
				strconv.FormatFloat(float64(c.Sentiment), 'f', 3, 32), strings.Join(c.Hashtags, " "),
				strings.Join(c.Evidence, " "), c.Classifier})
		}
		finish := func() error {
			cw.Flush()
			return errors.Join(cw.Error(), closeFn())
		}
		return write, finish, nil
	}
	return nil, nil, fmt.Errorf("--format %q: want jsonl, csv or ids", format)
}

// csvSafe defuses spreadsheet formulas: a cell starting with = + - @ is
// prefixed with a quote so that opening the export never runs anything.
func csvSafe(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

// postsProgress returns a progress bar with rate and ETA on a terminal, and a
// silent one otherwise.
func postsProgress(w *os.File, total int64, what string) *progressbar.ProgressBar {
	if !term.IsTerminal(int(w.Fd())) {
		return progressbar.DefaultSilent(total, what)
	}
	return progressbar.NewOptions64(total, progressbar.OptionSetWriter(w), progressbar.OptionSetDescription(what),
		progressbar.OptionShowCount(), progressbar.OptionShowIts(), progressbar.OptionSetItsString("posts"),
		progressbar.OptionThrottle(200*time.Millisecond), progressbar.OptionClearOnFinish())
}
