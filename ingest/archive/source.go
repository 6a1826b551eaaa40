package archive

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/segmentio/kafka-go"

	"github.com/vigie-edu/vigie/ingest"
	"github.com/vigie-edu/vigie/post"
)

// Progress reports how far a Source is in its file.
type Progress struct {
	Path   string
	Format Format
	// BytesRead of TotalBytes (the file's size; compressed bytes for gzip).
	BytesRead, TotalBytes int64
	// Records published (valid posts), Rejected (sent to the dead-letter
	// topic) and Skipped (records that are not posts, e.g. delete notices).
	Records, Rejected, Skipped int64
	// Done is set on the last report, once the file is read.
	Done bool
}

// WithProgress has a Source call fn with its progress, at most every
// interval (default 250 ms) and once more when done. fn runs on the
// source's goroutine: keep it quick.
func WithProgress(fn func(Progress)) Option { return func(o *options) { o.progress = fn } }

// WithProgressInterval sets the least time between progress reports.
func WithProgressInterval(d time.Duration) Option { return func(o *options) { o.every = d } }

// WithBatchSize sets how many posts a Source hands to Emit at once (1000).
func WithBatchSize(n int) Option {
	return func(o *options) {
		if n > 0 {
			o.batch = n
		}
	}
}

type progressKey struct{}

// ContextWithProgress attaches a progress callback to ctx for the Sources
// run under it that have none of their own (WithProgress): a way in for
// callers that do not build the sources themselves.
func ContextWithProgress(ctx context.Context, fn func(Progress)) context.Context {
	return context.WithValue(ctx, progressKey{}, fn)
}

func progressFrom(ctx context.Context) func(Progress) {
	fn, _ := ctx.Value(progressKey{}).(func(Progress))
	return fn
}

// Source is an ingest.Source reading one archive file of any format
// Detect knows. Posts go to Emit in batches; records that are not valid
// posts go to the dead-letter topic through the Rejecter, with their
// reason, line number and origin "path:line"; the rest of the file still
// imports. Records that are not posts at all (delete and limit notices,
// reposts, keep-alives) are counted as skipped and go nowhere.
type Source struct {
	path   string
	reject ingest.Rejecter
	opts   options
	opt    []Option
}

// NewSource returns a source reading path.
func NewSource(path string, reject ingest.Rejecter, opts ...Option) *Source {
	return &Source{path: path, reject: reject, opts: buildOptions(opts), opt: opts}
}

// Name implements ingest.Source.
func (s *Source) Name() string { return "file:" + s.path }

// Run implements ingest.Source. A missing or unreadable file is an error;
// content of no known format goes to the dead-letter topic as one record.
func (s *Source) Run(ctx context.Context, emit ingest.Emit) error {
	f, err := os.Open(s.path)
	if err != nil {
		return fmt.Errorf("ingest %s: %w", s.Name(), err)
	}
	defer f.Close()
	var total int64
	if st, err := f.Stat(); err == nil && st.Mode().IsRegular() {
		total = st.Size()
	}
	progress := s.opts.progress
	if progress == nil {
		progress = progressFrom(ctx)
	}
	r, err := NewReader(f, s.opt...)
	if errors.Is(err, ErrUnknownFormat) {
		head := make([]byte, 4096)
		n, _ := f.ReadAt(head, 0)
		if rerr := s.reject(ctx, ingest.RejectRaw(head[:n], err.Error()+" at line 1", Where(s.path, 1))); rerr != nil {
			return fmt.Errorf("ingest %s: %w", s.Name(), rerr)
		}
		if progress != nil {
			progress(Progress{Path: s.path, BytesRead: total, TotalBytes: total, Rejected: 1, Done: true})
		}
		return nil
	}
	if err != nil {
		return fmt.Errorf("ingest %s: %w", s.Name(), err)
	}

	batch := make([]post.Post, 0, s.opts.batch)
	var dead []kafka.Message
	flush := func() error {
		if len(dead) > 0 {
			if err := s.reject(ctx, dead...); err != nil {
				return err
			}
			clear(dead)
			dead = dead[:0]
		}
		if len(batch) > 0 {
			if err := emit(ctx, batch); err != nil {
				return err
			}
			clear(batch)
			batch = batch[:0]
		}
		return nil
	}
	report := func(done bool) {
		if progress == nil {
			return
		}
		st := r.Stats()
		if done {
			st.BytesRead = max(st.BytesRead, total)
		}
		progress(Progress{Path: s.path, Format: r.Format(), BytesRead: st.BytesRead, TotalBytes: total,
			Records: st.Posts, Rejected: st.Rejected, Skipped: st.Skipped, Done: done})
	}
	last := s.opts.now()
	report(false)
	for {
		rec, err := r.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return fmt.Errorf("ingest %s: %w", s.Name(), err)
		}
		if rec.Reject != nil {
			where := Where(s.path, rec.Line)
			dead = append(dead, ingest.RejectRaw(rec.Reject.Raw, fmt.Sprintf("%s at line %d", rec.Reject.Reason, rec.Line), where))
		} else {
			batch = append(batch, rec.Post)
		}
		if len(batch) == cap(batch) || len(dead) >= s.opts.batch {
			if err := flush(); err != nil {
				return fmt.Errorf("ingest %s: %w", s.Name(), err)
			}
			if ctx.Err() != nil {
				return ctx.Err()
			}
		}
		if progress != nil {
			if now := s.opts.now(); now.Sub(last) >= s.opts.every {
				last = now
				report(false)
			}
		}
	}
	if err := flush(); err != nil {
		return fmt.Errorf("ingest %s: %w", s.Name(), err)
	}
	report(true)
	return nil
}
