package mastodon

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/segmentio/kafka-go"

	"github.com/vigie-edu/vigie/ingest"
	"github.com/vigie-edu/vigie/internal/kafkax"
	"github.com/vigie-edu/vigie/post"
)

const testToken = "tok-S3CRET-abc123xyz"

// fakeClock is the time behind Deps.Now, rate-limit resets and gaps; the
// sleeper advances it instead of waiting.
type fakeClock struct {
	mu sync.Mutex
	t  time.Time
}

func newClock() *fakeClock { return &fakeClock{t: time.Now().UTC().Truncate(time.Millisecond)} }

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *fakeClock) Advance(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

// sleeper replaces the source's sleep: it records each wait, advances the
// clock by it and yields briefly; a wait of `block` or more is never
// simulated (it lasts until the test ends), so a long backoff cannot spin.
type sleeper struct {
	clock *fakeClock
	block time.Duration
	mu    sync.Mutex
	waits []time.Duration
}

func (s *sleeper) sleep(ctx context.Context, d time.Duration) bool {
	s.mu.Lock()
	s.waits = append(s.waits, d)
	s.mu.Unlock()
	if s.block > 0 && d >= s.block {
		<-ctx.Done()
		return false
	}
	s.clock.Advance(d)
	return ingest.Sleep(ctx, min(d, 5*time.Millisecond))
}

func (s *sleeper) all() []time.Duration {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]time.Duration(nil), s.waits...)
}

type collector struct {
	mu    sync.Mutex
	posts []post.Post
	calls int
}

func (c *collector) emit(_ context.Context, batch []post.Post) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.calls++
	c.posts = append(c.posts, batch...)
	return nil
}

func (c *collector) all() []post.Post {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]post.Post(nil), c.posts...)
}

func (c *collector) count() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.posts)
}

type gapLog struct {
	mu   sync.Mutex
	gaps []ingest.Gap
}

func (g *gapLog) RecordGap(_ context.Context, gap ingest.Gap) error {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.gaps = append(g.gaps, gap)
	return nil
}

func (g *gapLog) all() []ingest.Gap {
	g.mu.Lock()
	defer g.mu.Unlock()
	return append([]ingest.Gap(nil), g.gaps...)
}

type rejectLog struct {
	mu   sync.Mutex
	msgs []kafka.Message
}

func (r *rejectLog) reject(_ context.Context, msgs ...kafka.Message) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.msgs = append(r.msgs, msgs...)
	return nil
}

func (r *rejectLog) reasons() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	var out []string
	for _, m := range r.msgs {
		out = append(out, kafkax.Header(m, kafkax.HeaderReason))
	}
	return out
}

// syncBuffer is a goroutine-safe log sink.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// harness runs one Source against fake instances and checks, when the test
// ends, that the token never reached the logs.
type harness struct {
	t       testing.TB
	src     *Source
	col     *collector
	gaps    *gapLog
	rejects *rejectLog
	cps     ingest.Checkpoints
	logs    *syncBuffer
	clock   *fakeClock
	sleeps  *sleeper
	cancel  context.CancelFunc
	done    chan error
}

type harnessOpts struct {
	cps   ingest.Checkpoints
	clock *fakeClock
}

func newHarness(t testing.TB, cfg Config, o harnessOpts) *harness {
	t.Helper()
	h := &harness{t: t, col: &collector{}, gaps: &gapLog{}, rejects: &rejectLog{}, logs: &syncBuffer{}, cps: o.cps, clock: o.clock}
	if h.cps == nil {
		h.cps = &ingest.MemoryCheckpoints{}
	}
	if h.clock == nil {
		h.clock = newClock()
	}
	h.sleeps = &sleeper{clock: h.clock, block: 10 * time.Minute}
	if cfg.Token == "" && cfg.Tokens == nil {
		cfg.Token = testToken
	}
	if cfg.BackoffMin == 0 {
		cfg.BackoffMin, cfg.BackoffMax = 10*time.Millisecond, 50*time.Millisecond
	}
	if cfg.SilenceTimeout == 0 {
		cfg.SilenceTimeout = 5 * time.Second
	}
	cfg.Reject = h.rejects.reject
	logger := slog.New(slog.NewTextHandler(h.logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	src, err := New(cfg, ingest.Deps{Gaps: h.gaps, Checkpoints: h.cps, Logger: logger, Now: h.clock.Now})
	if err != nil {
		t.Fatal(err)
	}
	src.sleep = h.sleeps.sleep
	h.src = src
	t.Cleanup(func() {
		h.stop()
		if logs := h.logs.String(); strings.Contains(logs, testToken) || strings.Contains(logs, "S3CRET") {
			t.Errorf("the token appears in the logs:\n%s", logs)
		}
		if t.Failed() {
			t.Logf("source logs:\n%s", h.logs.String())
		}
	})
	return h
}

func (h *harness) start() {
	ctx, cancel := context.WithCancel(context.Background())
	h.cancel = cancel
	h.done = make(chan error, 1)
	go func() { h.done <- h.src.Run(ctx, h.col.emit) }()
}

// stop cancels Run and checks it returned context.Canceled within bounds.
func (h *harness) stop() {
	if h.cancel == nil {
		return
	}
	h.cancel()
	h.cancel = nil
	select {
	case err := <-h.done:
		if !errors.Is(err, context.Canceled) {
			h.t.Errorf("Run returned %v, want context.Canceled", err)
		}
	case <-time.After(10 * time.Second):
		h.t.Errorf("Run did not return after cancel")
	}
}

// waitFor polls cond for up to 10 s.
func waitFor(t testing.TB, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(2 * time.Millisecond)
	}
}

func postIDs(ps []post.Post) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = p.ID
	}
	return out
}
