package bluesky

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/coder/websocket"
	"golang.org/x/sync/errgroup"

	"github.com/vigie-edu/vigie/ingest"
	"github.com/vigie-edu/vigie/internal/rawjson"
	"github.com/vigie-edu/vigie/internal/wsmsg"
	"github.com/vigie-edu/vigie/post"
)

// Source follows Jetstream and, with credentials, backfills through
// searchPosts. It implements ingest.Source.
type Source struct {
	cfg     Config
	deps    ingest.Deps
	reject  ingest.Rejecter
	tracker *ingest.Tracker
	name    string
	key     string
	log     *slog.Logger
	recent  *recentSet
	xrpc    *xrpcClient // nil without credentials
	sleep   func(context.Context, time.Duration) bool

	emitMu sync.Mutex
	stats  counters
}

// Stats count what the source did since it was built.
type Stats struct {
	Events         int64 // frames read from Jetstream
	Posts          int64 // post creates/updates decoded
	Matched        int64 // posts matching a tracked term (before dedupe)
	Filtered       int64 // posts matching nothing, not emitted
	Duplicates     int64 // matching posts already emitted recently (replays, stream+backfill overlap)
	Emitted        int64 // posts handed to emit successfully (stream and backfill)
	Deletes        int64 // post deletes seen (all of the network)
	DeletesTracked int64 // deletes of posts this process emitted recently
	Updates        int64 // post updates seen
	Ignored        int64 // identity, account, repost and other events
	Rejected       int64 // frames and records sent to the Rejecter
	Connections    int64 // successful Jetstream connections
	Gaps           int64 // gaps recorded
	BackfillPosts  int64 // posts emitted by searchPosts backfills
	BackfillErrors int64 // backfill windows abandoned
}

type counters struct {
	events, posts, matched, filtered, duplicates, emitted, deletes, deletesTracked,
	updates, ignored, rejected, connections, gaps, backfillPosts, backfillErrors atomic.Int64
}

// Stats returns the source's counters.
func (s *Source) Stats() Stats {
	c := &s.stats
	return Stats{
		Events: c.events.Load(), Posts: c.posts.Load(), Matched: c.matched.Load(), Filtered: c.filtered.Load(),
		Duplicates: c.duplicates.Load(), Emitted: c.emitted.Load(), Deletes: c.deletes.Load(),
		DeletesTracked: c.deletesTracked.Load(), Updates: c.updates.Load(), Ignored: c.ignored.Load(),
		Rejected: c.rejected.Load(), Connections: c.connections.Load(), Gaps: c.gaps.Load(),
		BackfillPosts: c.backfillPosts.Load(), BackfillErrors: c.backfillErrors.Load(),
	}
}

// New builds a source. reject receives the frames and records that cannot
// become posts (reason + original bytes).
func New(cfg Config, deps ingest.Deps, reject ingest.Rejecter) (*Source, error) {
	cfg = cfg.WithDefaults()
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	if reject == nil {
		return nil, errors.New("bluesky: nil Rejecter")
	}
	tracker, err := ingest.NewTracker(cfg.Terms)
	if err != nil {
		return nil, fmt.Errorf("bluesky: %w", err)
	}
	u, err := url.Parse(cfg.Endpoint)
	if err != nil {
		return nil, fmt.Errorf("bluesky: endpoint: %w", err)
	}
	deps = deps.WithDefaults()
	s := &Source{
		cfg: cfg, deps: deps, reject: reject, tracker: tracker,
		name:   "bluesky:" + u.Host,
		recent: newRecentSet(cfg.DedupeSize),
		sleep:  ingest.Sleep,
	}
	s.key = cfg.CheckpointKey
	if s.key == "" {
		s.key = s.name
	}
	s.log = deps.Logger.With("source", s.name)
	if cfg.HasCredentials() {
		s.xrpc = newXRPCClient(cfg, ingest.Deps{HTTPClient: deps.HTTPClient, Now: deps.Now, Logger: s.log})
	}
	return s, nil
}

// Name implements ingest.Source: "bluesky:<jetstream host>".
func (s *Source) Name() string { return s.name }

// emitError marks a failure of emit or of the Rejecter: the pipeline can no
// longer take posts, so the source stops (without advancing its cursor).
type emitError struct{ err error }

func (e *emitError) Error() string { return e.err.Error() }
func (e *emitError) Unwrap() error { return e.err }

// errSilence is the reason of a reconnection forced by the silence timeout.
var errSilence = errors.New("jetstream silent")

// window is a time range to backfill.
type window struct {
	from, to time.Time
	why      string
}

// backfillQueue bounds the windows waiting for the backfill worker; when it
// is full a window is skipped with a warning (its gap is recorded anyway).
const backfillQueue = 64

// Run implements ingest.Source. It follows Jetstream until ctx ends,
// reconnecting forever; it returns early only when emit, the Rejecter or
// the checkpoint store fail.
func (s *Source) Run(ctx context.Context, emit ingest.Emit) error {
	g, gctx := errgroup.WithContext(ctx)
	var windows chan window
	if s.xrpc != nil {
		windows = make(chan window, backfillQueue)
		g.Go(func() error { return s.backfillWorker(gctx, emit, windows) })
	}
	g.Go(func() error { return s.stream(gctx, emit, windows) })
	err := g.Wait()
	if ctx.Err() != nil {
		return ctx.Err()
	}
	return err
}

func (s *Source) backfillWorker(ctx context.Context, emit ingest.Emit, windows <-chan window) error {
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case w := <-windows:
			n, err := s.Backfill(ctx, emit, w.from, w.to)
			var ee *emitError
			switch {
			case errors.As(err, &ee):
				return fmt.Errorf("bluesky backfill: %w", err)
			case ctx.Err() != nil:
				return ctx.Err()
			case err != nil:
				s.stats.backfillErrors.Add(1)
				s.log.Warn("bluesky backfill abandoned", "why", w.why, "from", w.from, "to", w.to, "posts", n, "error", err.Error())
			default:
				s.log.Info("bluesky backfill done", "why", w.why, "from", w.from, "to", w.to, "posts", n)
			}
		}
	}
}

func (s *Source) enqueue(windows chan window, w window) {
	if windows == nil || !w.to.After(w.from) {
		return
	}
	select {
	case windows <- w:
	default:
		s.log.Warn("bluesky backfill queue full, window skipped (its gap stays recorded)", "from", w.from, "to", w.to)
	}
}

func (s *Source) recordGap(ctx context.Context, from, to time.Time, reason string) {
	s.stats.gaps.Add(1)
	g := ingest.Gap{Source: s.name, From: from.UTC(), To: to.UTC(), Reason: reason}
	if err := s.deps.Gaps.RecordGap(ctx, g); err != nil {
		s.log.Error("cannot record gap", "from", g.From, "to", g.To, "reason", reason, "error", err)
	}
}

func (s *Source) emitBatch(ctx context.Context, emit ingest.Emit, batch []post.Post) error {
	s.emitMu.Lock()
	defer s.emitMu.Unlock()
	if err := emit(ctx, batch); err != nil {
		return &emitError{fmt.Errorf("emit %d posts: %w", len(batch), err)}
	}
	s.stats.emitted.Add(int64(len(batch)))
	return nil
}

// rejectRaw sends input that cannot become a post to the dead-letter
// topic: its original bytes clipped to rawjson.MaxRawBytes, the reason to
// rawjson.MaxReasonBytes (a reason may quote a field the server sent).
func (s *Source) rejectRaw(ctx context.Context, raw []byte, reason, origin string) error {
	s.stats.rejected.Add(1)
	raw = rawjson.ClipRaw(raw)
	if err := s.reject(ctx, ingest.RejectRaw(raw, rawjson.ClipReason("bluesky: "+reason), origin)); err != nil {
		return &emitError{fmt.Errorf("reject: %w", err)}
	}
	return nil
}

// cursorState is the stream position: processed is the time_us of the
// newest event handled (its post possibly still pending), saved the one in
// the checkpoint store (everything before it emitted).
type cursorState struct {
	processed, saved int64
	lastSave         time.Time
}

func (s *Source) loadCursor() (int64, error) {
	v, ok, err := s.deps.Checkpoints.Load(s.key)
	if err != nil {
		return 0, fmt.Errorf("bluesky: load cursor %s: %w", s.key, err)
	}
	if !ok || v == "" {
		return 0, nil
	}
	us, err := strconv.ParseInt(v, 10, 64)
	if err != nil || us < 0 {
		return 0, fmt.Errorf("bluesky: cursor %s=%q is not a time in microseconds", s.key, v)
	}
	return us, nil
}

func (s *Source) saveCursor(st *cursorState) {
	if st.processed <= st.saved {
		return
	}
	if err := s.deps.Checkpoints.Save(s.key, strconv.FormatInt(st.processed, 10)); err != nil {
		// Not fatal: the next save retries; a restart meanwhile replays more.
		s.log.Error("cannot save cursor", "error", err)
		return
	}
	st.saved = st.processed
	st.lastSave = time.Now()
}

// resumeCursor is where to reconnect: the saved cursor minus the rewind,
// clamped to the server's lookback (recording the part that can no longer be
// replayed as a gap, and queueing it for backfill).
func (s *Source) resumeCursor(ctx context.Context, st *cursorState, windows chan window) int64 {
	if st.saved <= 0 {
		return 0
	}
	cursor := st.saved - s.cfg.Rewind.Microseconds()
	floor := s.deps.Now().Add(-s.cfg.MaxCursorAge).UnixMicro()
	if cursor >= floor {
		return cursor
	}
	if st.saved < floor {
		from, to := usTime(st.saved), usTime(floor)
		s.log.Warn("saved cursor older than the Jetstream lookback, clamped", "cursor", from, "floor", to, "max_age", s.cfg.MaxCursorAge)
		s.recordGap(ctx, from, to, fmt.Sprintf("cursor clamped: saved cursor older than the Jetstream lookback (%s)", s.cfg.MaxCursorAge))
		s.enqueue(windows, window{from, to, "cursor clamped"})
		// Remember the clamp so that failed reconnections do not record it again.
		st.saved = floor
		st.processed = max(st.processed, floor)
	}
	return floor
}

// outage is a disconnection in progress.
type outage struct {
	since  time.Time
	lastUS int64
	reason string
}

func (s *Source) stream(ctx context.Context, emit ingest.Emit, windows chan window) error {
	saved, err := s.loadCursor()
	if err != nil {
		return err
	}
	st := &cursorState{processed: saved, saved: saved, lastSave: time.Now()}
	if saved == 0 && s.cfg.BackfillOnStart > 0 {
		now := s.deps.Now()
		s.enqueue(windows, window{now.Add(-s.cfg.BackfillOnStart), now, "start"})
	}
	bo := ingest.Backoff{Min: s.cfg.BackoffMin, Max: s.cfg.BackoffMax}
	var down *outage
	for {
		resume := s.resumeCursor(ctx, st, windows)
		conn, err := s.dial(ctx, resume)
		if err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			if down == nil {
				down = &outage{since: s.deps.Now(), lastUS: st.saved, reason: "connect failed"}
			}
			wait := bo.Next()
			s.log.Warn("jetstream connect failed", "error", err.Error(), "retry_in", wait)
			if !s.sleep(ctx, wait) {
				return ctx.Err()
			}
			continue
		}
		s.stats.connections.Add(1)
		if down != nil {
			now := s.deps.Now()
			s.log.Info("jetstream reconnected", "cursor", resume, "down_for", now.Sub(down.since))
			s.recordGap(ctx, down.since, now, "disconnected: "+down.reason+"; resumed from the saved cursor")
			from := down.since
			if down.lastUS > 0 {
				from = usTime(down.lastUS).Add(-s.cfg.Rewind)
			}
			s.enqueue(windows, window{from, now, "disconnected"})
			down = nil
		} else {
			s.log.Info("jetstream connected", "cursor", resume)
		}
		frames, err := s.session(ctx, conn, emit, st, resume, windows)
		if frames > 0 {
			bo.Reset()
		}
		var ee *emitError
		switch {
		case errors.As(err, &ee):
			return fmt.Errorf("bluesky %s: %w", s.name, err)
		case ctx.Err() != nil:
			return ctx.Err()
		}
		reason := "closed"
		if err != nil {
			reason = err.Error()
		}
		down = &outage{since: s.deps.Now(), lastUS: st.saved, reason: reason}
		wait := bo.Next()
		s.log.Warn("jetstream disconnected, reconnecting", "reason", reason, "frames", frames, "retry_in", wait)
		if !s.sleep(ctx, wait) {
			return ctx.Err()
		}
	}
}

func (s *Source) dial(ctx context.Context, cursor int64) (*websocket.Conn, error) {
	u, err := url.Parse(s.cfg.Endpoint)
	if err != nil {
		return nil, fmt.Errorf("endpoint: %w", err)
	}
	q := u.Query()
	q.Set("wantedCollections", collectionPost)
	q.Set("maxMessageSizeBytes", strconv.Itoa(s.cfg.MaxFrameBytes))
	q.Del("cursor")
	if cursor > 0 {
		q.Set("cursor", strconv.FormatInt(cursor, 10))
	}
	u.RawQuery = q.Encode()
	dctx, cancel := context.WithTimeout(ctx, max(s.cfg.SilenceTimeout, 10*time.Second))
	defer cancel()
	conn, resp, err := websocket.Dial(dctx, u.String(), &websocket.DialOptions{HTTPClient: s.deps.HTTPClient})
	if err != nil {
		if resp != nil {
			return nil, fmt.Errorf("jetstream %s: HTTP %d: %w", u.Host, resp.StatusCode, err)
		}
		return nil, fmt.Errorf("jetstream %s: %w", u.Host, err)
	}
	// The server skips events above maxMessageSizeBytes; frameLimit adds a
	// margin for its own framing so an honest server never trips it. A
	// longer message is drained and rejected (wsmsg.Read); past
	// wsmsg.MaxDiscardBytes the library closes the connection (1009).
	conn.SetReadLimit(wsmsg.MaxDiscardBytes)
	return conn, nil
}

type frame struct {
	typ websocket.MessageType
	b   []byte
	// size of a message longer than frameLimit (b holds its first bytes).
	tooLong int64
}

// frameLimit is the longest message kept: what the server was asked for,
// plus a margin for its own framing.
func (s *Source) frameLimit() int64 { return int64(s.cfg.MaxFrameBytes) + 64<<10 }

// session reads one connection until it fails, emitting matching posts in
// batches and saving the cursor after each successful emit. It returns the
// number of frames read and why the session ended.
func (s *Source) session(ctx context.Context, conn *websocket.Conn, emit ingest.Emit, st *cursorState,
	resume int64, windows chan window) (int, error) {
	ctx, cancel := context.WithCancel(ctx)
	frames := make(chan frame)
	readErr := make(chan error, 1)
	var wg sync.WaitGroup
	defer func() {
		cancel()
		conn.CloseNow()
		wg.Wait()
	}()
	wg.Add(1)
	go func() {
		defer wg.Done()
		for {
			rctx, rcancel := context.WithTimeout(ctx, s.cfg.SilenceTimeout)
			typ, b, size, err := wsmsg.Read(rctx, conn, s.frameLimit())
			silent := errors.Is(rctx.Err(), context.DeadlineExceeded)
			rcancel()
			var tooLong int64
			if errors.Is(err, wsmsg.ErrTooLong) {
				tooLong, err = size, nil
			}
			if err != nil {
				if silent && ctx.Err() == nil {
					err = fmt.Errorf("%w: no message for %s", errSilence, s.cfg.SilenceTimeout)
				}
				readErr <- err
				return
			}
			select {
			case frames <- frame{typ: typ, b: b, tooLong: tooLong}:
			case <-ctx.Done():
				return
			}
		}
	}()

	var pending []post.Post
	flush := func() error {
		if len(pending) > 0 {
			if err := s.emitBatch(ctx, emit, pending); err != nil {
				return err
			}
			pending = nil
		}
		s.saveCursor(st)
		return nil
	}
	tick := time.NewTicker(s.cfg.FlushInterval)
	defer tick.Stop()
	n := 0
	for {
		select {
		case <-ctx.Done():
			// Pending posts are not emitted and the cursor stays before
			// them: the next start replays them.
			return n, ctx.Err()
		case err := <-readErr:
			if ferr := flush(); ferr != nil {
				return n, ferr
			}
			return n, err
		case <-tick.C:
			if len(pending) > 0 || time.Since(st.lastSave) >= s.cfg.CheckpointInterval {
				if err := flush(); err != nil {
					return n, err
				}
			}
		case f := <-frames:
			n++
			if n == 1 {
				s.checkServerClamp(ctx, f, resume, windows)
			}
			p, err := s.handleFrame(ctx, f, st)
			if err != nil {
				return n, err
			}
			if p != nil {
				pending = append(pending, *p)
				if len(pending) >= s.cfg.BatchSize {
					if err := flush(); err != nil {
						return n, err
					}
				}
			}
		}
	}
}

// checkServerClamp detects a cursor the server clamped silently: the first
// event after resuming is much later than the cursor asked for.
func (s *Source) checkServerClamp(ctx context.Context, f frame, resume int64, windows chan window) {
	if resume <= 0 || s.cfg.ServerClampThreshold < 0 || f.typ != websocket.MessageText {
		return
	}
	ev, err := decodeEvent(f.b)
	if err != nil || ev.TimeUS-resume <= s.cfg.ServerClampThreshold.Microseconds() {
		return
	}
	from, to := usTime(resume), usTime(ev.TimeUS)
	s.log.Warn("jetstream resumed later than the cursor: the server clamped it", "cursor", from, "first_event", to)
	s.recordGap(ctx, from, to, "cursor clamped by the server: first event replayed is later than the cursor")
	s.enqueue(windows, window{from, to, "cursor clamped by the server"})
}

// handleFrame turns one frame into a post to emit (or nil). Errors are
// fatal (the Rejecter failed); bad frames are rejected and skipped.
func (s *Source) handleFrame(ctx context.Context, f frame, st *cursorState) (*post.Post, error) {
	s.stats.events.Add(1)
	origin := s.name
	if f.tooLong > 0 {
		return nil, s.rejectRaw(ctx, f.b, fmt.Sprintf("WebSocket message of %d bytes exceeds %d", f.tooLong, s.frameLimit()), origin)
	}
	if f.typ != websocket.MessageText {
		return nil, s.rejectRaw(ctx, f.b, "binary frame (compression was not requested)", origin)
	}
	ev, err := decodeEvent(f.b)
	if err != nil {
		return nil, s.rejectRaw(ctx, f.b, err.Error(), origin)
	}
	origin += " time_us=" + strconv.FormatInt(ev.TimeUS, 10)
	st.processed = max(st.processed, ev.TimeUS)
	c := ev.Commit
	if ev.Kind != "commit" || c.Collection != collectionPost {
		// identity and account events come whatever the subscription;
		// reposts carry no text of their own.
		s.stats.ignored.Add(1)
		return nil, nil
	}
	uri := atURI(ev.Did, c.Rkey)
	switch c.Operation {
	case "delete":
		s.stats.deletes.Add(1)
		if s.recent.Has(uri) {
			s.stats.deletesTracked.Add(1)
			s.log.Info("tracked post deleted on Bluesky; the stored copy is kept (erasure is not implemented)", "uri", uri)
		}
		return nil, nil
	case "create", "update":
	default:
		return nil, s.rejectRaw(ctx, f.b, fmt.Sprintf("unknown commit operation %q", c.Operation), origin)
	}
	s.stats.posts.Add(1)
	if c.Operation == "update" {
		s.stats.updates.Add(1)
	}
	p, err := toPost(ev.Did, c.Rkey, c.Record, usTime(ev.TimeUS))
	var de *dateError
	if err != nil && !errors.As(err, &de) {
		return nil, s.rejectRaw(ctx, f.b, err.Error(), origin)
	}
	nerr := s.normalize(&p, de)
	p.Matched = s.tracker.Match(&p)
	if len(p.Matched) == 0 {
		s.stats.filtered.Add(1)
		return nil, nil
	}
	s.stats.matched.Add(1)
	if de != nil {
		return nil, s.rejectRaw(ctx, f.b, de.Error(), origin)
	}
	if nerr != nil {
		return nil, s.rejectRaw(ctx, f.b, nerr.Error(), origin)
	}
	key := uri
	if c.Operation == "update" {
		key = uri + "#" + c.Rev + c.Cid
	}
	if !s.recent.Add(key) {
		s.stats.duplicates.Add(1)
		return nil, nil
	}
	p.IngestedAt = s.deps.Now().UTC()
	return &p, nil
}

// normalize cleans and validates p as the publisher will (post.Normalize:
// control and bidi characters removed, sizes and dates checked) before it
// is matched, so that an invalid matching post is rejected here with its
// frame's own bytes (clipped) rather than re-encoded whole downstream. A
// post whose date is already refused (de) is only cleaned.
func (s *Source) normalize(p *post.Post, de *dateError) error {
	if de != nil {
		p.CreatedAt = time.Time{}
		_ = post.Normalize(p, time.Time{})
		return nil
	}
	if err := post.Normalize(p, s.deps.Now()); err != nil {
		return fmt.Errorf("post %s: %w", rawjson.ClipReason(p.ID), err)
	}
	return nil
}
