package xapi

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"sync/atomic"
	"time"
	"unicode/utf8"

	"github.com/vigie-edu/vigie/ingest"
	"github.com/vigie-edu/vigie/post"
)

const (
	streamPath = "/2/tweets/search/stream"
	rulesPath  = "/2/tweets/search/stream/rules"
)

// errKeepAlive ends a stream that sent nothing for KeepAlive.
var errKeepAlive = errors.New("keep-alive timeout")

// stream runs the filtered stream until ctx ends. Every time the stream is
// (re)connected after a window without it (a restart from a checkpoint, a
// disconnect, failed reconnects), that window is searched with recent
// search once BackfillDelay has passed, and recorded as a gap saying why it
// happened and whether the backfill filled it.
func (r *run) stream(ctx context.Context, since uint64) error {
	s := r.s
	if since != 0 {
		r.open = &window{sinceID: since, from: idTime(since), causes: []string{"source not running since its last published post"}}
	}
	if err := r.syncRulesRetry(ctx); err != nil {
		return err
	}
	ns, hs, rs := netSchedule(), httpSchedule(), rateSchedule()
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		if r.reloadToken && s.cfg.TokenFile != "" {
			if tok, ferr := readTokenFile(s.cfg.TokenFile); ferr == nil {
				s.token = tok
			} else {
				s.log.Error("x: re-read token file", "err", ferr)
			}
		}
		attemptAt := s.now()
		resp, cancel, err := s.connect(ctx)
		if err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			wait, cause, ferr := r.connectFailure(ctx, err, &ns, &hs, &rs)
			if ferr != nil {
				return ferr
			}
			if r.open == nil {
				r.open = &window{sinceID: r.maxID, from: attemptAt}
			}
			r.open.addCause(cause)
			s.log.Warn("x: stream connection failed", "err", err, "retry_in", wait)
			if !s.sleep(ctx, wait) {
				return ctx.Err()
			}
			continue
		}
		connectedAt := s.now()
		r.reloadToken = false
		s.log.Info("x: stream connected")
		var backfillTimer <-chan time.Time
		if r.open != nil {
			r.open.to = connectedAt
			r.pending, r.open = r.open, nil
			backfillTimer = s.after(s.cfg.BackfillDelay)
		}
		end := r.consume(ctx, resp.Body, cancel, backfillTimer)
		cancel()
		resp.Body.Close()
		if end.fatal != nil {
			return end.fatal
		}
		if ctx.Err() != nil {
			return ctx.Err()
		}
		if end.healthy {
			ns.reset()
			hs.reset()
			rs.reset()
		}
		if r.pending != nil {
			// Dropped again before the backfill ran: the window grows.
			r.open, r.pending = r.pending, nil
		} else {
			r.open = &window{sinceID: r.maxID, from: end.lastAlive}
		}
		r.open.addCause("stream disconnected: " + end.cause)
		wait := ns.next()
		s.log.Warn("x: stream disconnected", "cause", end.cause, "reconnect_in", wait)
		if !s.sleep(ctx, wait) {
			return ctx.Err()
		}
	}
}

// syncRulesRetry syncs the rules, retrying what a retry can fix. A token
// refused here, before anything worked, is a configuration error: Run
// fails at once with a message naming the environment variables.
func (r *run) syncRulesRetry(ctx context.Context) error {
	s := r.s
	ns, hs, rs := netSchedule(), httpSchedule(), rateSchedule()
	for {
		ch, err := s.syncRules(ctx)
		if err == nil {
			s.log.Info("x: stream rules in place", "rules", len(s.rules), "added", ch.Added,
				"deleted", ch.Deleted, "kept", ch.Kept, "foreign", ch.Foreign)
			return nil
		}
		if ctx.Err() != nil {
			return ctx.Err()
		}
		var wait time.Duration
		var re *ruleError
		ae, isAPI := asAPI(err)
		switch {
		case errors.As(err, &re):
			return err
		case isAPI && ae.Status == http.StatusTooManyRequests && !ae.usageCapped():
			wait = rs.next()
			if until := ae.Reset.Sub(s.now()); until > 0 {
				wait = until + time.Second
			}
		case isAPI && ae.Status >= 500:
			wait = hs.next()
		case isAPI:
			return fmt.Errorf("x: stream rules: %w", err)
		case isNet(err):
			wait = max(ns.next(), time.Second)
		default: // a malformed answer: maybe a proxy; retry slowly
			wait = hs.next()
		}
		s.log.Warn("x: stream rules sync failed, will retry", "err", err, "retry_in", wait)
		if !s.sleep(ctx, wait) {
			return ctx.Err()
		}
	}
}

// connectFailure picks the wait after a failed connection, per the
// documented schedules: network errors linear from 0 by 250 ms up to 16 s;
// HTTP errors exponential from 5 s up to 320 s; 429 until x-rate-limit-reset
// or exponential from 1 min. A refused token (401/403) waits the longest
// HTTP step every time and re-reads the token file, so it never spins.
func (r *run) connectFailure(ctx context.Context, err error, ns, hs, rs *schedule) (time.Duration, string, error) {
	s := r.s
	ae, isAPI := asAPI(err)
	if !isAPI {
		return ns.next(), "network error", nil
	}
	cause := fmt.Sprintf("HTTP %d", ae.Status)
	switch {
	case ae.auth():
		if !s.authOK {
			return 0, "", err
		}
		s.log.Error("x: the API refuses the bearer token; retrying slowly", "err", err, "retry_in", hs.max)
		r.reloadToken = true
		return hs.max, cause + " (token refused)", nil
	case ae.usageCapped():
		wait := rs.max
		if until := ae.Reset.Sub(s.now()); until > 0 {
			wait = until + time.Second
		}
		s.log.Error("x: monthly usage cap reached; the stream stays down until it resets", "err", err, "retry_in", wait)
		return wait, "usage cap reached (HTTP 429)", nil
	case ae.Status == http.StatusTooManyRequests:
		wait := rs.next()
		if until := ae.Reset.Sub(s.now()); until > 0 && !ae.tooManyConnections() {
			wait = until + time.Second
		}
		return wait, fmt.Sprintf("rate limited (HTTP 429, waited %s)", wait.Round(time.Second)), nil
	case ae.Status == http.StatusConflict:
		// "Stream has no rules": someone deleted them; put them back.
		if _, serr := s.syncRules(ctx); serr != nil {
			s.log.Warn("x: rules sync after 409", "err", serr)
		}
		return hs.next(), cause + " (no rules)", nil
	}
	return hs.next(), cause, nil
}

// connect opens the stream; a non-200 answer is an *apiError.
func (s *Source) connect(ctx context.Context) (*http.Response, context.CancelFunc, error) {
	sctx, cancel := context.WithCancel(ctx)
	req, err := s.newRequest(sctx, http.MethodGet, streamPath, fields(url.Values{}), nil)
	if err != nil {
		cancel()
		return nil, nil, err
	}
	var timedOut atomic.Bool
	t := time.AfterFunc(s.cfg.ConnectTimeout, func() { timedOut.Store(true); cancel() })
	resp, err := s.deps.HTTPClient.Do(req)
	t.Stop()
	if err != nil {
		cancel()
		if timedOut.Load() {
			return nil, nil, &netError{fmt.Errorf("x: GET %s: no answer within %s", streamPath, s.cfg.ConnectTimeout)}
		}
		return nil, nil, &netError{fmt.Errorf("x: GET %s: %w", streamPath, err)}
	}
	if resp.StatusCode != http.StatusOK {
		b, _ := io.ReadAll(io.LimitReader(resp.Body, 64<<10))
		resp.Body.Close()
		cancel()
		return nil, nil, s.apiErr(http.MethodGet, streamPath, resp.StatusCode, resp.Header, b)
	}
	s.authOK = true
	return resp, cancel, nil
}

// line is what the reader hands the consumer.
type line struct {
	data      []byte
	keepAlive bool
	tooLong   bool
	err       error // the stream ended
}

// idleReader cancels the stream when one Read waits longer than d: the
// keep-alive watchdog. The timer only runs while the reader waits on the
// network, never while the consumer is busy.
type idleReader struct {
	r     io.Reader
	d     time.Duration
	t     *time.Timer
	fired atomic.Bool
}

func newIdleReader(r io.Reader, d time.Duration, onIdle func()) *idleReader {
	ir := &idleReader{r: r, d: d}
	ir.t = time.AfterFunc(d, func() { ir.fired.Store(true); onIdle() })
	ir.t.Stop()
	return ir
}

func (ir *idleReader) Read(p []byte) (int, error) {
	ir.t.Reset(ir.d)
	n, err := ir.r.Read(p)
	ir.t.Stop()
	return n, err
}

// read splits the body into lines for the consumer until the stream ends
// or the consumer quits.
func (s *Source) read(body io.Reader, cancel context.CancelFunc, out chan<- line, quit <-chan struct{}) {
	defer close(out)
	ir := newIdleReader(body, s.cfg.KeepAlive, cancel)
	lr := ingest.NewLineReader(ir, post.MaxMessageBytes)
	for {
		b, _, err := lr.Next()
		var l line
		switch {
		case errors.Is(err, io.EOF):
			l.err = io.EOF
		case errors.Is(err, ingest.ErrLineTooLong):
			l.tooLong = true
		case err != nil && ir.fired.Load():
			l.err = errKeepAlive
		case err != nil:
			l.err = err
		case len(bytes.TrimSpace(b)) == 0:
			l.keepAlive = true
		default:
			l.data = bytes.Clone(b)
		}
		select {
		case out <- l:
		case <-quit:
			return
		}
		if l.err != nil {
			return
		}
	}
}

// streamEnd says how a connection ended.
type streamEnd struct {
	cause     string
	lastAlive time.Time
	healthy   bool  // a keep-alive or a post arrived
	fatal     error // emit or dead-letter failed: Run returns it
}

// consume reads the stream's lines, publishes posts in batches (a batch
// ends when no more lines are waiting or it is full), and runs the pending
// backfill when its timer fires.
func (r *run) consume(ctx context.Context, body io.Reader, cancel context.CancelFunc, backfillTimer <-chan time.Time) streamEnd {
	s := r.s
	lines := make(chan line, s.cfg.StreamBuffer)
	quit := make(chan struct{})
	done := make(chan struct{})
	go func() { s.read(body, cancel, lines, quit); close(done) }()
	defer func() { close(quit); cancel(); <-done }()

	end := streamEnd{cause: "stream closed by the server", lastAlive: s.now()}
	var posts []post.Post
	var ids []uint64
	flush := func() error {
		if len(posts) == 0 {
			return nil
		}
		err := r.publish(ctx, posts, ids)
		posts, ids = posts[:0], ids[:0]
		return err
	}
	for {
		select {
		case <-ctx.Done():
			return end
		case <-backfillTimer:
			backfillTimer = nil
			if err := flush(); err != nil {
				end.fatal = err
				return end
			}
			if err := r.runPending(ctx); err != nil {
				end.fatal = err
				return end
			}
		case l, ok := <-lines:
			if !ok {
				if err := flush(); err != nil {
					end.fatal = err
				}
				return end
			}
			if l.err != nil {
				switch {
				case errors.Is(l.err, io.EOF):
				case errors.Is(l.err, errKeepAlive):
					end.cause = fmt.Sprintf("keep-alive timeout (nothing for %s)", s.cfg.KeepAlive)
				case ctx.Err() != nil:
					end.cause = "stopped"
				default:
					end.cause = "network error: " + s.scrub(l.err.Error())
				}
				continue // the reader closes the channel next
			}
			end.lastAlive = s.now()
			var stop bool
			var err error
			switch {
			case l.keepAlive:
				end.healthy = true
			case l.tooLong:
				err = r.rejectRaw(ctx, nil, fmt.Sprintf("stream line longer than %d bytes", post.MaxMessageBytes), s.Name())
			default:
				var p *post.Post
				var id uint64
				p, id, stop, err = r.handleLine(ctx, l.data, &end)
				if p != nil {
					posts = append(posts, *p)
					ids = append(ids, id)
				}
			}
			if err == nil && (len(posts) >= s.cfg.BatchSize || len(lines) == 0 || stop) {
				err = flush()
			}
			if err != nil {
				end.fatal = err
				return end
			}
			if stop {
				return end
			}
		}
	}
}

// handleLine decodes one stream message: a post, a rejection, or an
// in-stream error (an operational disconnect stops the connection).
func (r *run) handleLine(ctx context.Context, b []byte, end *streamEnd) (*post.Post, uint64, bool, error) {
	s := r.s
	where := s.Name()
	if !utf8.Valid(b) {
		return nil, 0, false, r.rejectRaw(ctx, b, "stream line is not valid UTF-8", where)
	}
	var m streamMessage
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, 0, false, r.rejectRaw(ctx, b, "malformed JSON: "+err.Error(), where)
	}
	if len(m.Data) == 0 || string(m.Data) == "null" {
		if len(m.Errors) == 0 {
			return nil, 0, false, r.rejectRaw(ctx, b, "stream message without data", where)
		}
		for _, p := range m.Errors {
			if p.operationalDisconnect() {
				end.cause = "operational disconnect: " + p.describe()
				return nil, 0, true, nil
			}
		}
		// Other in-stream errors (a connection notice, a partial failure)
		// are not posts; the server closes the stream if it must.
		s.log.Warn("x: error message in the stream", "error", m.Errors[0].describe(), "errors", len(m.Errors))
		return nil, 0, false, nil
	}
	end.healthy = true
	if len(m.Errors) > 0 {
		s.log.Debug("x: stream message with partial errors", "errors", len(m.Errors), "first", m.Errors[0].describe())
	}
	t, err := decodeTweet(m.Data)
	if err != nil {
		return nil, 0, false, r.rejectRaw(ctx, b, err.Error(), where)
	}
	p, id, err := toValidPost(&t, &m.Includes, s.now())
	if err != nil {
		return nil, 0, false, r.rejectRaw(ctx, b, err.Error(), where)
	}
	return &p, id, false, nil
}

// runPending backfills the pending window and records it as a gap, with
// its causes and whether the backfill filled it. A failed backfill does
// not stop the stream.
func (r *run) runPending(ctx context.Context) error {
	w := r.pending
	if w == nil {
		return nil
	}
	n, err := r.backfill(ctx, w)
	if ctx.Err() != nil {
		return nil // keep the window pending: the next start searches it again
	}
	reason := w.reason()
	if err != nil {
		if isFatal(err) {
			return err
		}
		reason += fmt.Sprintf("; not backfilled (%d posts recovered before recent search failed: %s)", n, err)
		r.s.log.Error("x: backfill failed", "err", err, "from", w.from, "to", w.to)
	} else {
		reason += fmt.Sprintf("; backfilled by recent search (%d posts)", n)
		r.s.log.Info("x: backfill done", "posts", n, "from", w.from, "to", w.to)
	}
	r.recordGap(ctx, w.from, w.to, reason)
	r.pending = nil
	r.checkpoint()
	return nil
}
