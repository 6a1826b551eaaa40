package xapi

import (
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"net/http/httptest"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/segmentio/kafka-go"

	"github.com/vigie-edu/vigie/ingest"
	"github.com/vigie-edu/vigie/post"
)

const testToken = "AAAAAAAAAAAAAAAAAAAAAFakeBearer%2Ftoken0123456789abcdefXYZ"

// clockStart is the fake time every test starts at: the morning of 6 April 2021.
func clockStart() time.Time { return time.Date(2021, 4, 6, 8, 0, 0, 0, time.UTC) }

type lockedBuf struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuf) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuf) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
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
	return slices.Clone(g.gaps)
}

// sink stands for the publisher: it keeps what was emitted and rejected,
// and checks on every Emit that the checkpoint never ran ahead of it.
type sink struct {
	t        *testing.T
	cps      ingest.Checkpoints
	mu       sync.Mutex
	posts    []post.Post
	batches  int
	rejected []kafka.Message
	failWith error
}

func (s *sink) emit(ctx context.Context, batch []post.Post) error {
	if ctx.Err() != nil {
		return ctx.Err()
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.failWith != nil {
		return s.failWith
	}
	if v, ok, _ := s.cps.Load(CheckpointKey); ok {
		saved, _ := strconv.ParseUint(v, 10, 64)
		for _, p := range batch {
			if id, _ := strconv.ParseUint(p.ID, 10, 64); id <= saved {
				s.t.Errorf("post %s emitted while the checkpoint already says %s", p.ID, v)
			}
		}
	}
	s.posts = append(s.posts, slices.Clone(batch)...)
	s.batches++
	return nil
}

func (s *sink) reject(_ context.Context, dead ...kafka.Message) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.rejected = append(s.rejected, dead...)
	return nil
}

func (s *sink) snapshot() ([]post.Post, []kafka.Message) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.posts), slices.Clone(s.rejected)
}

type env struct {
	t       *testing.T
	clock   *fakeClock
	fx      *fakeX
	srv     *httptest.Server
	logs    *lockedBuf
	gaps    *gapLog
	cps     ingest.Checkpoints
	sink    *sink
	secrets []string
}

func newEnv(t *testing.T) *env {
	t.Helper()
	clock := newFakeClock(clockStart())
	fx, srv := newFakeX(t, clock, testToken)
	e := &env{t: t, clock: clock, fx: fx, srv: srv, logs: &lockedBuf{}, gaps: &gapLog{},
		cps: &ingest.MemoryCheckpoints{}, secrets: []string{testToken}}
	e.sink = &sink{t: t, cps: e.cps}
	t.Cleanup(func() {
		out := e.logs.String()
		for _, s := range e.secrets {
			if strings.Contains(out, s) {
				t.Errorf("a secret appears in the logs:\n%s", out)
			}
		}
		if t.Failed() || os.Getenv("XAPI_SHOW_LOGS") != "" {
			t.Logf("logs:\n%s", out)
		}
	})
	return e
}

func (e *env) config() Config {
	return Config{Mode: ModeStream, BaseURL: e.srv.URL, Token: testToken, KeepAlive: 10 * time.Second, MaxResults: 10}
}

func (e *env) source(cfg Config) *Source {
	e.t.Helper()
	deps := ingest.Deps{
		Gaps: e.gaps, Checkpoints: e.cps, Now: e.clock.Now,
		Logger: slog.New(slog.NewJSONHandler(e.logs, &slog.HandlerOptions{Level: slog.LevelDebug})),
	}
	s, err := New(cfg, deps, e.sink.reject)
	if err != nil {
		e.t.Fatal(err)
	}
	s.sleep, s.after = e.clock.Sleep, e.clock.After
	return s
}

// start runs s in the background; stop cancels it and returns Run's error.
func (e *env) start(s *Source) (stop func() error) {
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	done := make(chan error, 1)
	go func() { done <- s.Run(ctx, e.sink.emit) }()
	return func() error {
		cancel()
		select {
		case err := <-done:
			return err
		case <-time.After(10 * time.Second):
			e.t.Fatal("Run did not return after cancel")
			return nil
		}
	}
}

// waitFor polls cond for up to 10 s of real time.
func (e *env) waitFor(what string, cond func() bool) {
	e.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			posts, rej := e.sink.snapshot()
			e.t.Fatalf("timed out waiting for %s (posts %d, rejected %d, gaps %v, sleeps %v)",
				what, len(posts), len(rej), e.gaps.all(), e.clock.Sleeps())
		}
		time.Sleep(2 * time.Millisecond)
	}
}

func (e *env) waitPosts(n int) []post.Post {
	e.t.Helper()
	e.waitFor(fmt.Sprintf("%d posts", n), func() bool { p, _ := e.sink.snapshot(); return len(p) >= n })
	p, _ := e.sink.snapshot()
	return p
}

func (e *env) checkpoint() uint64 {
	v, _, _ := e.cps.Load(CheckpointKey)
	id, _ := strconv.ParseUint(v, 10, 64)
	return id
}

// fixtures builds n posts, the i-th (from 1) created at from + i*step.
func fixtures(n int, from time.Time, step time.Duration) []ftweet {
	users := []fuser{
		{ID: "11", Username: "prof_idf", Name: "Prof IDF", Location: "Paris", Description: "PE"},
		{ID: "12", Username: "parent_hdf", Name: "Parent", Location: "Lille, France", Description: "papa de 2"},
	}
	out := make([]ftweet, n)
	for i := range out {
		c := from.Add(time.Duration(i+1) * step)
		out[i] = ftweet{ID: idAt(c, uint64(i+1)), Created: c, Text: fmt.Sprintf("Le #CNED est encore en panne (%d)", i+1),
			Tags: []string{"CNED"}, User: users[i%len(users)]}
	}
	return out
}

func ids(posts []post.Post) []string {
	out := make([]string, len(posts))
	for i, p := range posts {
		out[i] = p.ID
	}
	return out
}

func ftIDs(fs []ftweet) []string {
	out := make([]string, len(fs))
	for i, f := range fs {
		out[i] = strconv.FormatUint(f.ID, 10)
	}
	return out
}

// sameSet reports whether got holds exactly want, each once.
func sameSet(got, want []string) bool {
	g, w := slices.Clone(got), slices.Clone(want)
	slices.Sort(g)
	slices.Sort(w)
	return slices.Equal(g, w)
}
