package mastodon

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"golang.org/x/sync/errgroup"

	"github.com/vigie-edu/vigie/ingest"
	"github.com/vigie-edu/vigie/internal/rawjson"
	"github.com/vigie-edu/vigie/post"
)

// Source is the live Mastodon connector, an ingest.Source.
//
// For each instance it streams every hashtag (SSE: one stream per
// instance×hashtag; WebSocket: one socket per instance, one subscription per
// hashtag). Each time a stream connects it backfills every hashtag of that
// stream through the REST hashtag timeline, from the saved checkpoint
// (min_id = the highest status id published for that instance×hashtag) up
// to the present, while the stream is already delivering: a restart or a
// disconnection leaves no hole. Posts are deduplicated on the status uri
// (and edit time) in a bounded set of recent keys, across instances,
// hashtags, stream and backfill.
//
// Post.ID is the status uri itself (its ActivityPub id,
// "https://origin/users/x/statuses/123"), the same whichever instance
// delivered it; the instance-local status id only drives paging and
// checkpoints. Deletes are logged and counted, never propagated: stored
// posts are not erased in this version.
type Source struct {
	cfg   Config
	deps  ingest.Deps
	name  string
	log   *slog.Logger
	insts []*instance
	// sleep waits between attempts and for rate-limit resets (tests replace it).
	sleep func(ctx context.Context, d time.Duration) bool

	emitMu sync.Mutex // serialises dedupe-check, emit and dedupe-mark
	seen   *recentSet

	stats counters
}

// instance is one Mastodon server.
type instance struct {
	base      *url.URL
	host      string
	token     Secret
	gapSource string
	log       *slog.Logger
	tags      []*tagState

	mu           sync.Mutex
	streamBase   *url.URL  // discovered streaming server
	limitedUntil time.Time // REST: no request before this (X-RateLimit-Remaining reached 0)
}

// tagState is one instance×hashtag: its checkpoint and its open gap.
type tagState struct {
	inst *instance
	tag  string // normalised, without '#'
	key  string // checkpoint key: mastodon/HOST/TAG
	log  *slog.Logger

	mu sync.Mutex
	// saved is the highest status id published and saved.
	saved string
	// While a backfill runs, ids the stream publishes are only held: saving
	// them would let a crash skip the part of the hole not yet backfilled.
	filling bool
	held    string
	// downSince is when the stream was last heard of before a disconnection
	// (or the time of the checkpoint at start); zero when there is no hole.
	downSince  time.Time
	downReason string
}

// Stats counts what the source did.
type Stats struct {
	Received        int64 // statuses decoded from streams and pages
	Emitted         int64 // posts handed to emit
	Duplicates      int64 // statuses dropped as already emitted (uri + edit time)
	Edits           int64 // status.update events
	Deletes         int64 // delete events (logged, not propagated)
	Rejected        int64 // frames and statuses sent to the dead-letter topic
	Backfilled      int64 // posts emitted by the REST backfill
	Connects        int64
	Disconnects     int64
	SilenceTimeouts int64
	AuthFailures    int64
	RateLimitWaits  int64
	Gaps            int64
}

type counters struct {
	received, emitted, duplicates, edits, deletes, rejected, backfilled  atomic.Int64
	connects, disconnects, silenceTimeouts, authFailures, rateLimitWaits atomic.Int64
	gaps                                                                 atomic.Int64
}

// fatalError stops Run: emit or the dead-letter writer failed.
type fatalError struct{ err error }

func (e *fatalError) Error() string { return e.err.Error() }
func (e *fatalError) Unwrap() error { return e.err }

// New builds a source. It does no I/O: checkpoints are read when Run starts.
func New(cfg Config, deps ingest.Deps) (*Source, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	cfg = cfg.withDefaults()
	deps = deps.WithDefaults()
	s := &Source{cfg: cfg, deps: deps, sleep: ingest.Sleep, seen: newRecentSet(cfg.DedupeSize)}
	var tags []string
	seenTag := map[string]bool{}
	for _, h := range cfg.Hashtags {
		if t := NormalizeTag(h); !seenTag[t] {
			seenTag[t] = true
			tags = append(tags, t)
		}
	}
	var hosts []string
	for _, raw := range cfg.Instances {
		u, err := parseInstance(raw)
		if err != nil {
			return nil, err
		}
		hosts = append(hosts, u.Host)
	}
	s.name = "mastodon:" + strings.Join(hosts, ",")
	s.log = deps.Logger.With("source", s.name)
	for i, raw := range cfg.Instances {
		u, _ := parseInstance(raw)
		inst := &instance{base: u, host: hosts[i], token: cfg.tokenFor(hosts[i]), gapSource: "mastodon:" + hosts[i],
			log: s.log.With("instance", hosts[i])}
		for _, t := range tags {
			inst.tags = append(inst.tags, &tagState{inst: inst, tag: t, key: "mastodon/" + hosts[i] + "/" + t,
				log: inst.log.With("tag", t)})
		}
		s.insts = append(s.insts, inst)
	}
	return s, nil
}

// Name implements ingest.Source: "mastodon:" and the instance hosts.
func (s *Source) Name() string { return s.name }

// Stats returns the counters.
func (s *Source) Stats() Stats {
	c := &s.stats
	return Stats{
		Received: c.received.Load(), Emitted: c.emitted.Load(), Duplicates: c.duplicates.Load(),
		Edits: c.edits.Load(), Deletes: c.deletes.Load(), Rejected: c.rejected.Load(), Backfilled: c.backfilled.Load(),
		Connects: c.connects.Load(), Disconnects: c.disconnects.Load(), SilenceTimeouts: c.silenceTimeouts.Load(),
		AuthFailures: c.authFailures.Load(), RateLimitWaits: c.rateLimitWaits.Load(), Gaps: c.gaps.Load(),
	}
}

// Run implements ingest.Source. It reconnects forever and returns only when
// ctx ends (ctx.Err()) or when emit or the dead-letter writer fails.
func (s *Source) Run(ctx context.Context, emit ingest.Emit) error {
	now := s.deps.Now()
	for _, inst := range s.insts {
		for _, ts := range inst.tags {
			v, ok, err := s.deps.Checkpoints.Load(ts.key)
			if err != nil {
				return fmt.Errorf("%s: load checkpoint %s: %w", s.name, ts.key, err)
			}
			if !ok || v == "" {
				continue
			}
			ts.mu.Lock()
			if idLess(ts.saved, v) {
				ts.saved = v
			}
			if ts.downSince.IsZero() {
				ts.downSince, ts.downReason = now, "Vigie was not reading (restart); time of the last post unknown"
				if t, ok := snowflakeTime(v, now); ok {
					ts.downSince, ts.downReason = t, "Vigie was not reading (restart)"
				}
			}
			ts.mu.Unlock()
			ts.log.Info("resuming from checkpoint", "min_id", v)
		}
	}
	g, gctx := errgroup.WithContext(ctx)
	for _, inst := range s.insts {
		if s.cfg.Transport == TransportWebSocket {
			g.Go(func() error { return s.runConn(gctx, ctx, emit, inst, inst.tags) })
			continue
		}
		for _, ts := range inst.tags {
			g.Go(func() error { return s.runConn(gctx, ctx, emit, inst, []*tagState{ts}) })
		}
	}
	err := g.Wait()
	if ctx.Err() != nil {
		return ctx.Err()
	}
	return err
}

// runConn keeps one stream connected forever.
func (s *Source) runConn(ctx, emitCtx context.Context, emit ingest.Emit, inst *instance, tags []*tagState) error {
	bo := &ingest.Backoff{Min: s.cfg.BackoffMin, Max: s.cfg.BackoffMax}
	for {
		wait, err := s.session(ctx, emitCtx, emit, inst, tags, bo)
		if err != nil {
			return err
		}
		if !s.sleep(ctx, wait) {
			return ctx.Err()
		}
	}
}

// session connects once, backfills the stream's hashtags while reading the
// stream, and returns when the stream ends: the wait before the next
// attempt, or a fatal error. Emit and the dead-letter writer get emitCtx,
// so a dropped connection never interrupts a publish.
func (s *Source) session(ctx, emitCtx context.Context, emit ingest.Emit, inst *instance, tags []*tagState, bo *ingest.Backoff) (time.Duration, error) {
	connCtx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	act := newActivity(s.deps.Now)
	var (
		conn streamConn
		err  error
	)
	if s.cfg.Transport == TransportWebSocket {
		conn, err = s.dialWS(connCtx, inst, tags, act)
	} else {
		conn, err = s.dialSSE(connCtx, inst, tags[0], act)
	}
	if err != nil {
		if ctx.Err() != nil {
			return 0, ctx.Err()
		}
		return s.retryWait(ctx, inst, tags, err, bo), nil
	}
	defer conn.close()
	s.stats.connects.Add(1)
	connected := time.Now()
	inst.log.Info("stream connected", "transport", s.cfg.Transport, "tags", tagNames(tags))
	for _, ts := range tags {
		ts.beginFill()
	}
	go s.watchdog(connCtx, cancel, act)
	bfDone := make(chan error, 1)
	go func() {
		err := s.backfillAll(connCtx, emitCtx, emit, inst, tags)
		if err != nil {
			cancel(err)
		}
		bfDone <- err
	}()
	readErr := conn.read(connCtx, func(ev streamEvent) error {
		act.setBusy(true)
		defer act.setBusy(false)
		return s.handle(emitCtx, emit, inst, tags, ev)
	})
	cancel(readErr)
	bfErr := <-bfDone
	if ctx.Err() != nil {
		return 0, ctx.Err()
	}
	var fe *fatalError
	if errors.As(readErr, &fe) || errors.As(bfErr, &fe) {
		return 0, fe
	}
	why := context.Cause(connCtx)
	if errors.Is(why, errSilence) {
		s.stats.silenceTimeouts.Add(1)
	}
	s.stats.disconnects.Add(1)
	last := act.last()
	for _, ts := range tags {
		ts.markDown(last, "stream down: "+why.Error())
	}
	if (bfErr != nil && errors.Is(why, bfErr)) || authFailed(why) {
		return s.retryWait(ctx, inst, tags, why, bo), nil
	}
	if time.Since(connected) >= s.cfg.SilenceTimeout {
		bo.Reset() // it was a healthy connection: reconnect quickly
	}
	wait := bo.Next()
	inst.log.Warn("stream disconnected, reconnecting", "tags", tagNames(tags), "err", why, "retry_in", wait)
	return wait, nil
}

// retryWait logs a failed attempt and says how long to wait: the long
// AuthBackoff after 401/403 (a bad token) and other 4xx, the server's reset
// after 429, the backoff otherwise.
func (s *Source) retryWait(ctx context.Context, inst *instance, tags []*tagState, err error, bo *ingest.Backoff) time.Duration {
	var he *httpError
	if errors.As(err, &he) {
		switch {
		case he.Status == http.StatusUnauthorized || he.Status == http.StatusForbidden:
			s.stats.authFailures.Add(1)
			inst.log.Error("the instance refused the access token: check "+EnvToken+" (or "+EnvToken+"_"+EnvSuffix(inst.host)+
				", "+EnvTokenFile+"); a user token with scope read:statuses is needed",
				"status", he.Status, "server_said", he.Msg, "retry_in", s.cfg.AuthBackoff)
			return s.cfg.AuthBackoff
		case he.Status == http.StatusTooManyRequests:
			wait := he.RetryAfter
			if wait <= 0 {
				wait = max(bo.Next(), time.Minute)
			}
			wait = min(wait, s.cfg.MaxRateLimitWait)
			s.stats.rateLimitWaits.Add(1)
			now := s.deps.Now()
			s.recordGap(ctx, ingest.Gap{Source: inst.gapSource, From: now, To: now.Add(wait),
				Reason: fmt.Sprintf("rate limited by %s (HTTP 429 on %s #%s): waiting %s", inst.host, he.Op, strings.Join(tagNames(tags), " #"), wait.Round(time.Millisecond))})
			inst.log.Warn("rate limited, waiting for the reset", "op", he.Op, "retry_in", wait)
			return wait
		case he.Status >= 400 && he.Status < 500 && he.Status != http.StatusRequestTimeout:
			inst.log.Error("the instance rejected the request", "err", he, "tags", tagNames(tags), "retry_in", s.cfg.AuthBackoff)
			return s.cfg.AuthBackoff
		}
	}
	wait := bo.Next()
	inst.log.Warn("stream attempt failed, retrying", "tags", tagNames(tags), "err", err, "retry_in", wait)
	return wait
}

// watchdog cancels the connection when nothing arrived for SilenceTimeout.
func (s *Source) watchdog(ctx context.Context, cancel context.CancelCauseFunc, act *activity) {
	t := time.NewTicker(max(s.cfg.SilenceTimeout/8, time.Millisecond))
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			if act.silentFor() > s.cfg.SilenceTimeout {
				cancel(fmt.Errorf("%w for %s", errSilence, s.cfg.SilenceTimeout))
				return
			}
		}
	}
}

// handle processes one stream event.
func (s *Source) handle(ctx context.Context, emit ingest.Emit, inst *instance, tags []*tagState, ev streamEvent) error {
	ts := tagFor(tags, ev.tag)
	origin := "mastodon:" + inst.host + " stream"
	if ts != nil {
		origin += " #" + ts.tag
	}
	if ev.bad != "" {
		return s.reject(ctx, ev.data, ev.bad, origin)
	}
	switch ev.name {
	case "update", "status.update":
		st, err := decodeStatus(ev.data)
		if err != nil {
			return s.reject(ctx, ev.data, fmt.Sprintf("malformed status JSON in %q event: %v", ev.name, err), origin)
		}
		s.stats.received.Add(1)
		if ev.name == "status.update" {
			s.stats.edits.Add(1)
		}
		c, err := s.toValidPost(st, inst.host)
		if err != nil {
			if rerr := s.reject(ctx, ev.data, err.Error(), origin); rerr != nil {
				return rerr
			}
			if ts != nil {
				ts.advance(c.id, false, s.deps.Checkpoints)
			}
			return nil
		}
		_, err = s.publish(ctx, emit, ts, []converted{c}, c.id, false)
		return err
	case "delete":
		s.stats.deletes.Add(1)
		id := string(ev.data)
		if len(id) > 64 {
			id = id[:64] + "…"
		}
		inst.log.Info("status deleted on the instance (or its hashtag removed by an edit); stored posts are kept: deletes are not propagated in this version",
			"tag", tagName(ts), "status_id", strconv.Quote(id))
	case "filters_changed", "announcement", "announcement.reaction", "announcement.delete",
		"notification", "notifications_merged", "conversation", "encrypted_message":
		inst.log.Debug("ignoring stream event", "event", ev.name)
	default:
		inst.log.Debug("ignoring unknown stream event", "event", rawjson.ClipReason(ev.name))
	}
	return nil
}

// tagFor finds the hashtag an event belongs to; nil when it cannot tell
// (then no checkpoint moves: advancing the wrong one could skip posts).
func tagFor(tags []*tagState, tag string) *tagState {
	if len(tags) == 1 {
		return tags[0]
	}
	k := NormalizeTag(tag)
	for _, ts := range tags {
		if ts.tag == k {
			return ts
		}
	}
	return nil
}

// publish emits the posts not seen recently, then advances the checkpoint
// of ts to maxID (duplicates count as published: another stream did it).
func (s *Source) publish(ctx context.Context, emit ingest.Emit, ts *tagState, items []converted, maxID string, backfill bool) (int, error) {
	s.emitMu.Lock()
	batch := make([]post.Post, 0, len(items))
	keys := make([]string, 0, len(items))
	inBatch := make(map[string]bool, len(items))
	for i := range items {
		k := items[i].dedup
		if inBatch[k] || s.seen.Has(k) {
			continue
		}
		inBatch[k] = true
		batch = append(batch, items[i].post)
		keys = append(keys, k)
	}
	if len(batch) > 0 {
		if err := emit(ctx, batch); err != nil {
			s.emitMu.Unlock()
			return 0, &fatalError{fmt.Errorf("%s: emit %d posts: %w", s.name, len(batch), err)}
		}
		for _, k := range keys {
			s.seen.Add(k)
		}
	}
	s.emitMu.Unlock()
	s.stats.emitted.Add(int64(len(batch)))
	s.stats.duplicates.Add(int64(len(items) - len(batch)))
	if backfill {
		s.stats.backfilled.Add(int64(len(batch)))
	}
	if ts != nil {
		ts.advance(maxID, backfill, s.deps.Checkpoints)
	}
	return len(batch), nil
}

// toValidPost maps a status and validates the post as the publisher will
// (post.Normalize: control and bidi characters removed, sizes and dates
// checked), so that an invalid post is rejected here, with the status's own
// bytes (clipped), rather than as a whole re-encoded post downstream.
func (s *Source) toValidPost(st *status, host string) (converted, error) {
	now := s.deps.Now()
	c, err := toPost(st, host, now)
	if err != nil {
		return c, err
	}
	if err := post.Normalize(&c.post, now); err != nil {
		return c, fmt.Errorf("status %s: %w", rawjson.ClipReason(c.post.ID), err)
	}
	return c, nil
}

// reject sends what never became a post to the dead-letter topic: the
// original bytes clipped to rawjson.MaxRawBytes, the reason to
// rawjson.MaxReasonBytes.
func (s *Source) reject(ctx context.Context, raw []byte, reason, origin string) error {
	s.stats.rejected.Add(1)
	reason = rawjson.ClipReason("mastodon: " + reason)
	raw = rawjson.ClipRaw(raw)
	if s.cfg.Reject == nil {
		s.log.Warn("rejected input (no dead-letter writer configured)", "origin", origin, "reason", reason)
		return nil
	}
	if err := s.cfg.Reject(ctx, ingest.RejectRaw(append([]byte(nil), raw...), reason, origin)); err != nil {
		return &fatalError{fmt.Errorf("%s: dead-letter: %w", s.name, err)}
	}
	return nil
}

// recordGap stores a gap; a failure is logged, never fatal.
func (s *Source) recordGap(ctx context.Context, g ingest.Gap) {
	s.stats.gaps.Add(1)
	if err := s.deps.Gaps.RecordGap(ctx, g); err != nil {
		s.log.Warn("could not record gap", "from", g.From, "to", g.To, "reason", g.Reason, "err", err)
	}
}

// backfillAll backfills each hashtag of a freshly connected stream. Fetches
// use ctx (the connection's); emit gets emitCtx.
func (s *Source) backfillAll(ctx, emitCtx context.Context, emit ingest.Emit, inst *instance, tags []*tagState) error {
	for _, ts := range tags {
		n, note, err := s.backfill(ctx, emitCtx, emit, inst, ts)
		if err != nil {
			return err
		}
		from, reason, open := ts.endFill(s.deps.Checkpoints)
		if n > 0 || open {
			ts.log.Info("backfill done", "recovered", n)
		}
		if open || note != "" {
			now := s.deps.Now()
			if !open {
				from, reason = now, "backfill incomplete"
			}
			r := fmt.Sprintf("#%s: %s; REST backfill recovered %d posts", ts.tag, reason, n)
			if note != "" {
				r += "; " + note
			}
			s.recordGap(emitCtx, ingest.Gap{Source: inst.gapSource, From: from, To: now, Reason: r})
		}
	}
	return nil
}

// backfill pages the hashtag timeline: from the checkpoint forward
// (min_id, oldest page first, until a short page), or, with no checkpoint
// yet, the InitialPages newest pages. It returns how many posts it emitted
// and a note when it stopped early.
func (s *Source) backfill(ctx, emitCtx context.Context, emit ingest.Emit, inst *instance, ts *tagState) (int, string, error) {
	limit := s.cfg.BackfillLimit
	cursor := ts.savedID()
	total := 0
	if cursor == "" {
		u := timelineURL(inst.base, ts.tag, limit, "", "")
		for i := 0; i < s.cfg.InitialPages; i++ {
			pg, err := s.fetchPage(ctx, inst, u)
			if note, err := s.pageFailed(emitCtx, inst, ts, err); note != "" || err != nil {
				return total, note, err
			}
			n, _, oldest, err := s.publishPage(emitCtx, emit, inst, ts, pg)
			total += n
			if err != nil || len(pg.items) < limit || oldest == "" {
				return total, "", err
			}
			u = pg.links["next"]
			if !sameOrigin(u, inst.base) {
				u = timelineURL(inst.base, ts.tag, limit, "", oldest)
			}
		}
		return total, "", nil
	}
	u := timelineURL(inst.base, ts.tag, limit, cursor, "")
	for pages := 0; ; pages++ {
		if pages >= s.cfg.MaxBackfillPages {
			return total, fmt.Sprintf("backfill stopped after %d pages at id %s, later posts of the window may be missing", pages, cursor), nil
		}
		pg, err := s.fetchPage(ctx, inst, u)
		if note, err := s.pageFailed(emitCtx, inst, ts, err); note != "" || err != nil {
			return total, note, err
		}
		if len(pg.items) == 0 {
			return total, "", nil
		}
		n, newest, _, err := s.publishPage(emitCtx, emit, inst, ts, pg)
		total += n
		if err != nil {
			return total, "", err
		}
		if !idLess(cursor, newest) { // the server ignored min_id: stop rather than loop
			return total, "", nil
		}
		cursor = newest
		if len(pg.items) < limit {
			return total, "", nil
		}
		u = pg.links["prev"]
		if !sameOrigin(u, inst.base) || u.Query().Get("min_id") == "" {
			u = timelineURL(inst.base, ts.tag, limit, cursor, "")
		}
	}
}

// pageFailed sorts a failed page fetch: a malformed page goes to the
// dead-letter topic and ends the backfill with a note for its gap (no retry
// would fix it, and the stream must go on); other errors are returned.
func (s *Source) pageFailed(ctx context.Context, inst *instance, ts *tagState, err error) (string, error) {
	var bp *badPageError
	if !errors.As(err, &bp) {
		return "", err
	}
	if rerr := s.reject(ctx, bp.raw, bp.Error(), "mastodon:"+inst.host+" backfill #"+ts.tag); rerr != nil {
		return "", rerr
	}
	ts.log.Warn("malformed timeline page sent to the dead-letter topic; backfill of this hashtag stopped", "err", rawjson.ClipReason(bp.Error()))
	return "backfill stopped at a malformed timeline page (dead-lettered), later posts of the window may be missing", nil
}

// publishPage converts a page (oldest first), rejects what cannot become a
// post and publishes the rest. It returns the page's newest and oldest ids.
func (s *Source) publishPage(ctx context.Context, emit ingest.Emit, inst *instance, ts *tagState, pg page) (n int, newest, oldest string, err error) {
	origin := "mastodon:" + inst.host + " backfill #" + ts.tag
	items := make([]converted, 0, len(pg.items))
	for i := len(pg.items) - 1; i >= 0; i-- {
		raw := pg.items[i]
		var idOnly struct {
			ID flexID `json:"id"`
		}
		_ = json.Unmarshal(raw, &idOnly) // best effort, for paging past a bad status
		if id := string(idOnly.ID); id != "" {
			if idLess(newest, id) {
				newest = id
			}
			if oldest == "" || idLess(id, oldest) {
				oldest = id
			}
		}
		st, derr := decodeStatus(raw)
		if derr != nil {
			if err := s.reject(ctx, raw, "malformed status in timeline page: "+derr.Error(), origin); err != nil {
				return 0, newest, oldest, err
			}
			continue
		}
		s.stats.received.Add(1)
		c, cerr := s.toValidPost(st, inst.host)
		if cerr != nil {
			if err := s.reject(ctx, raw, cerr.Error(), origin); err != nil {
				return 0, newest, oldest, err
			}
			continue
		}
		items = append(items, c)
	}
	n, err = s.publish(ctx, emit, ts, items, newest, true)
	return n, newest, oldest, err
}

func (ts *tagState) savedID() string {
	ts.mu.Lock()
	defer ts.mu.Unlock()
	return ts.saved
}

// beginFill: a backfill starts; stream ids are held until it ends.
func (ts *tagState) beginFill() {
	ts.mu.Lock()
	ts.filling = true
	ts.mu.Unlock()
}

// endFill: the backfill reached the present; the held stream ids can be
// saved. It returns the open hole (from, reason), if any, and closes it.
func (ts *tagState) endFill(cps ingest.Checkpoints) (time.Time, string, bool) {
	ts.mu.Lock()
	defer ts.mu.Unlock()
	ts.filling = false
	if idLess(ts.saved, ts.held) {
		ts.saveLocked(ts.held, cps)
	}
	ts.held = ""
	from, reason, open := ts.downSince, ts.downReason, !ts.downSince.IsZero()
	ts.downSince, ts.downReason = time.Time{}, ""
	return from, reason, open
}

// advance records that every status up to id was published (or rejected).
func (ts *tagState) advance(id string, backfill bool, cps ingest.Checkpoints) {
	if id == "" {
		return
	}
	ts.mu.Lock()
	defer ts.mu.Unlock()
	if ts.filling && !backfill {
		if idLess(ts.held, id) {
			ts.held = id
		}
		return
	}
	if idLess(ts.saved, id) {
		ts.saveLocked(id, cps)
	}
}

func (ts *tagState) saveLocked(id string, cps ingest.Checkpoints) {
	if err := cps.Save(ts.key, id); err != nil {
		// Not fatal: the next save overwrites it; at worst a restart
		// backfills (and dedupes) a little more.
		ts.log.Warn("could not save checkpoint", "err", err)
		return
	}
	ts.saved = id
}

// markDown opens a hole at the last sign of life, unless one is open.
func (ts *tagState) markDown(last time.Time, reason string) {
	ts.mu.Lock()
	defer ts.mu.Unlock()
	if ts.downSince.IsZero() {
		ts.downSince, ts.downReason = last, reason
	}
}

func tagNames(tags []*tagState) []string {
	out := make([]string, len(tags))
	for i, ts := range tags {
		out[i] = ts.tag
	}
	return out
}

func tagName(ts *tagState) string {
	if ts == nil {
		return ""
	}
	return ts.tag
}
