package xapi

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strconv"
	"strings"
	"time"

	"github.com/vigie-edu/vigie/ingest"
	"github.com/vigie-edu/vigie/internal/rawjson"
	"github.com/vigie-edu/vigie/post"
)

// Source reads X: the filtered stream (mode stream) or recent search once
// (mode search). One Run at a time.
type Source struct {
	cfg     Config
	deps    ingest.Deps
	reject  ingest.Rejecter
	log     *slog.Logger
	token   string
	rules   []string
	queries []string
	// authOK is set once any call succeeded: a 401 before that is a
	// configuration error (Run fails at once), after it a revoked token
	// (long backoff).
	authOK bool

	// Clock and waits, replaced in tests so multi-minute backoffs take no time.
	now   func() time.Time
	sleep func(ctx context.Context, d time.Duration) bool
	after func(d time.Duration) <-chan time.Time
}

// New builds a source; cfg is completed with WithDefaults and validated.
func New(cfg Config, deps ingest.Deps, reject ingest.Rejecter) (*Source, error) {
	cfg = cfg.WithDefaults()
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	if reject == nil {
		return nil, errors.New("x: nil rejecter")
	}
	token := cfg.Token
	if cfg.TokenFile != "" {
		t, err := readTokenFile(cfg.TokenFile)
		if err != nil {
			return nil, err
		}
		token = t
	}
	rules, err := cfg.rules()
	if err != nil {
		return nil, err
	}
	queries, err := cfg.queries()
	if err != nil {
		return nil, err
	}
	deps = deps.WithDefaults()
	s := &Source{cfg: cfg, deps: deps, reject: reject, token: token, rules: rules, queries: queries,
		now: deps.Now, sleep: ingest.Sleep, after: time.After}
	s.log = deps.Logger.With("source", s.Name())
	return s, nil
}

// Name implements ingest.Source: "x:stream" or "x:search".
func (s *Source) Name() string { return "x:" + s.cfg.Mode }

// Rules returns the rule values the source keeps on the stream.
func (s *Source) Rules() []string { return append([]string(nil), s.rules...) }

// Queries returns the recent-search queries (one per 512 characters of terms).
func (s *Source) Queries() []string { return append([]string(nil), s.queries...) }

// Run implements ingest.Source. In stream mode it runs until ctx ends (or a
// configuration error: a token refused at start, rules X refuses); in search
// mode it returns once the search is done.
func (s *Source) Run(ctx context.Context, emit ingest.Emit) error {
	r := &run{s: s, emit: emit, seen: newIDSet(s.cfg.DedupeSize)}
	since, err := r.loadCheckpoint()
	if err != nil {
		return err
	}
	if s.cfg.Mode == ModeSearch {
		return r.search(ctx, since)
	}
	return r.stream(ctx, since)
}

// window is a span the stream did not cover: since the last post published
// (sinceID) or from a time, up to the reconnection.
type window struct {
	sinceID  uint64
	from, to time.Time
	causes   []string
}

func (w *window) addCause(c string) {
	if len(w.causes) == 0 || w.causes[len(w.causes)-1] != c {
		w.causes = append(w.causes, c)
	}
}

func (w *window) reason() string {
	if len(w.causes) == 0 {
		return "stream not connected"
	}
	if len(w.causes) > 6 {
		return strings.Join(w.causes[:3], "; ") + fmt.Sprintf("; … (%d more)", len(w.causes)-3)
	}
	return strings.Join(w.causes, "; ")
}

// run is the state of one Run.
type run struct {
	s     *Source
	emit  ingest.Emit
	seen  *idSet
	maxID uint64 // highest id published (emit returned)
	saved uint64 // highest id saved in the checkpoint
	// open is the current disconnection; pending a window awaiting its
	// backfill. While either exists the checkpoint does not move: search
	// answers newest first, so a crash mid-backfill must search again from
	// the old position.
	open, pending *window
	// rateUntil delays the next search call (x-rate-limit-remaining was 0).
	rateUntil time.Time
	published int
	// reloadToken re-reads TokenFile before the next connection (after a 401).
	reloadToken bool
}

func (r *run) loadCheckpoint() (uint64, error) {
	v, ok, err := r.s.deps.Checkpoints.Load(CheckpointKey)
	if err != nil {
		return 0, fmt.Errorf("x: load checkpoint: %w", err)
	}
	if !ok || v == "" {
		return 0, nil
	}
	id, err := strconv.ParseUint(v, 10, 64)
	if err != nil {
		return 0, fmt.Errorf("x: checkpoint %s=%q is not a tweet id", CheckpointKey, v)
	}
	r.maxID, r.saved = id, id
	return id, nil
}

// publish emits the posts not seen yet, then moves the checkpoint.
func (r *run) publish(ctx context.Context, posts []post.Post, ids []uint64) error {
	keep := posts[:0]
	var top uint64
	for i := range posts {
		if !r.seen.add(ids[i]) {
			continue
		}
		keep = append(keep, posts[i])
		top = max(top, ids[i])
	}
	if len(keep) == 0 {
		return nil
	}
	if err := r.emit(ctx, keep); err != nil {
		return &fatalError{fmt.Errorf("x: emit: %w", err)}
	}
	r.published += len(keep)
	r.maxID = max(r.maxID, top)
	r.checkpoint()
	return nil
}

// checkpoint saves the highest published id unless a window is open.
func (r *run) checkpoint() {
	if r.open != nil || r.pending != nil || r.maxID <= r.saved {
		return
	}
	if err := r.s.deps.Checkpoints.Save(CheckpointKey, strconv.FormatUint(r.maxID, 10)); err != nil {
		r.s.log.Error("x: save checkpoint", "err", err)
		return
	}
	r.saved = r.maxID
}

// recordGap stores a gap; a failing gap store is logged, not fatal.
func (r *run) recordGap(ctx context.Context, from, to time.Time, reason string) {
	if !to.After(from) {
		return
	}
	g := ingest.Gap{Source: r.s.Name(), From: from.UTC(), To: to.UTC(), Reason: reason}
	if err := r.s.deps.Gaps.RecordGap(ctx, g); err != nil {
		r.s.log.Error("x: record gap", "from", g.From, "to", g.To, "reason", reason, "err", err)
	}
}

// rejectRaw sends input that never became a post to the dead-letter topic:
// its original bytes clipped to rawjson.MaxRawBytes, the reason (which may
// quote what the server sent) to rawjson.MaxReasonBytes.
func (r *run) rejectRaw(ctx context.Context, raw []byte, reason, where string) error {
	raw = rawjson.ClipRaw(raw)
	if err := r.s.reject(ctx, ingest.RejectRaw(raw, rawjson.ClipReason(r.s.scrub(reason)), where)); err != nil {
		return &fatalError{fmt.Errorf("x: dead-letter: %w", err)}
	}
	return nil
}

// fatalError is a failure to hand data on (emit, dead-letter): the
// publisher already retried, so Run stops with it.
type fatalError struct{ err error }

func (e *fatalError) Error() string { return e.err.Error() }
func (e *fatalError) Unwrap() error { return e.err }

func isFatal(err error) bool {
	var fe *fatalError
	return errors.As(err, &fe)
}

// toValidPost maps a tweet and validates the post as the publisher will
// (post.Normalize: control and bidi characters removed, sizes and dates
// checked), so that an invalid post is rejected with the tweet's own bytes
// (clipped) rather than re-encoded whole downstream.
func toValidPost(t *tweet, in *includes, now time.Time) (post.Post, uint64, error) {
	p, id, err := mapTweet(t, in, now)
	if err != nil {
		return p, id, err
	}
	if err := post.Normalize(&p, now); err != nil {
		return p, id, fmt.Errorf("tweet %d: %w", id, err)
	}
	return p, id, nil
}
