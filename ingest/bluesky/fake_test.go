package bluesky

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/coder/websocket"
	"github.com/segmentio/kafka-go"

	"github.com/vigie-edu/vigie/ingest"
	"github.com/vigie-edu/vigie/internal/kafkax"
	"github.com/vigie-edu/vigie/post"
)

// ---- fake Jetstream -------------------------------------------------------

// fakeEvent is one entry of the fake's log. us orders it for cursor replay
// (malformed frames get the us of their slot).
type fakeEvent struct {
	us  int64
	typ websocket.MessageType
	raw []byte
}

// connScript is how the fake behaves on one connection: after dropAfter
// frames it closes the TCP connection without a close frame (a slow-consumer
// drop); after silentAfter frames it stops sending but keeps the connection
// open. Zero means never. status answers the handshake with that HTTP
// status instead of upgrading.
type connScript struct {
	dropAfter, silentAfter int
	status                 int
}

type connInfo struct {
	query     url.Values
	cursor    int64
	hasCursor bool
}

// fakeJetstream speaks Jetstream v1 /subscribe: wantedCollections is
// required here (the connector always sends it), cursor is unix µs
// (invalid: 400 before the upgrade), a cursor older than floorUS is clamped
// silently, events are replayed from the cursor in time_us order, identity
// and account events are sent whatever the subscription, and after the log
// the connection stays open as a quiet live tail.
type fakeJetstream struct {
	t    *testing.T
	srv  *httptest.Server
	done chan struct{}

	mu      sync.Mutex
	events  []fakeEvent
	floorUS int64
	scripts []connScript
	conns   []connInfo
}

func newFakeJetstream(t *testing.T, events []fakeEvent, scripts ...connScript) *fakeJetstream {
	f := &fakeJetstream{t: t, events: events, scripts: scripts, done: make(chan struct{})}
	f.srv = httptest.NewServer(f)
	t.Cleanup(func() {
		close(f.done)
		f.srv.Close()
	})
	return f
}

func (f *fakeJetstream) url() string {
	return "ws" + strings.TrimPrefix(f.srv.URL, "http") + "/subscribe"
}

func (f *fakeJetstream) connections() []connInfo {
	f.mu.Lock()
	defer f.mu.Unlock()
	return slices.Clone(f.conns)
}

func (f *fakeJetstream) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path != "/subscribe" {
		http.NotFound(w, r)
		return
	}
	q := r.URL.Query()
	if !slices.Contains(q["wantedCollections"], collectionPost) {
		http.Error(w, "this fake wants wantedCollections=app.bsky.feed.post", http.StatusBadRequest)
		return
	}
	info := connInfo{query: q}
	if c := q.Get("cursor"); c != "" {
		v, err := strconv.ParseInt(c, 10, 64)
		if err != nil {
			http.Error(w, "invalid cursor: "+err.Error(), http.StatusBadRequest)
			return
		}
		info.cursor, info.hasCursor = v, true
	}
	f.mu.Lock()
	idx := len(f.conns)
	f.conns = append(f.conns, info)
	var script connScript
	if idx < len(f.scripts) {
		script = f.scripts[idx]
	}
	events := slices.Clone(f.events)
	floor := f.floorUS
	f.mu.Unlock()
	if script.status != 0 {
		http.Error(w, "unavailable", script.status)
		return
	}
	cursor := info.cursor
	if info.hasCursor && cursor < floor {
		cursor = floor // silently, as the v2 server does
	}
	c, err := websocket.Accept(w, r, nil)
	if err != nil {
		return
	}
	defer c.CloseNow()
	ctx := c.CloseRead(context.Background())
	sent := 0
	for _, e := range events {
		if info.hasCursor && e.us < cursor {
			continue
		}
		if script.dropAfter > 0 && sent == script.dropAfter {
			return // CloseNow: no close frame
		}
		if script.silentAfter > 0 && sent == script.silentAfter {
			break
		}
		if err := c.Write(ctx, e.typ, e.raw); err != nil {
			return
		}
		sent++
	}
	select {
	case <-ctx.Done():
	case <-f.done:
	}
}

// ---- event builders ----------------------------------------------------------

const testDid = "did:plc:testauthor0000000000000"

// baseUS is a fixed instant for generated events: 6 April 2021, 09:00 UTC.
var baseUS = time.Date(2021, 4, 6, 9, 0, 0, 0, time.UTC).UnixMicro()

type postSpec struct {
	did, rkey string
	us        int64
	text      string
	tags      []string // record.tags
	facetTags []string // facet #tag features
	createdAt *string  // nil: us - 1 s
	op        string   // "" = create
}

func postEvent(p postSpec) fakeEvent {
	if p.did == "" {
		p.did = testDid
	}
	if p.op == "" {
		p.op = "create"
	}
	rec := map[string]any{"$type": collectionPost, "text": p.text, "langs": []string{"fr"}}
	if p.createdAt == nil {
		rec["createdAt"] = usTime(p.us).Add(-time.Second).Format("2006-01-02T15:04:05.000Z")
	} else if *p.createdAt != "" {
		rec["createdAt"] = *p.createdAt
	}
	if len(p.tags) > 0 {
		rec["tags"] = p.tags
	}
	var facets []any
	for _, t := range p.facetTags {
		facets = append(facets, map[string]any{
			"index":    map[string]int{"byteStart": 0, "byteEnd": 1},
			"features": []any{map[string]string{"$type": facetTag, "tag": t}},
		})
	}
	if facets != nil {
		rec["facets"] = facets
	}
	ev := map[string]any{"did": p.did, "time_us": p.us, "kind": "commit", "commit": map[string]any{
		"rev": "rev" + p.rkey, "operation": p.op, "collection": collectionPost, "rkey": p.rkey,
		"record": rec, "cid": "bafy" + p.rkey,
	}}
	return fakeEvent{us: p.us, typ: websocket.MessageText, raw: mustJSON(ev)}
}

func deleteEvent(did, rkey string, us int64) fakeEvent {
	ev := map[string]any{"did": did, "time_us": us, "kind": "commit", "commit": map[string]any{
		"rev": "del" + rkey, "operation": "delete", "collection": collectionPost, "rkey": rkey,
	}}
	return fakeEvent{us: us, typ: websocket.MessageText, raw: mustJSON(ev)}
}

func identityEvent(did string, us int64) fakeEvent {
	ev := map[string]any{"did": did, "time_us": us, "kind": "identity",
		"identity": map[string]any{"did": did, "handle": "someone.bsky.social", "seq": 1}}
	return fakeEvent{us: us, typ: websocket.MessageText, raw: mustJSON(ev)}
}

func rawEvent(us int64, s string) fakeEvent {
	return fakeEvent{us: us, typ: websocket.MessageText, raw: []byte(s)}
}

func mustJSON(v any) []byte {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return b
}

// mixedStream returns n matching posts every 500 ms, each followed by a
// non-matching one 250 ms later, and the at-URIs of the matching ones with
// their time_us.
func mixedStream(n int) ([]fakeEvent, map[string]int64) {
	var evs []fakeEvent
	want := map[string]int64{}
	for i := range n {
		us := baseUS + int64(i)*500_000
		rkey := fmt.Sprintf("m%03d", i)
		evs = append(evs, postEvent(postSpec{rkey: rkey, us: us, text: fmt.Sprintf("Pronote en panne, essai %d", i)}))
		want[atURI(testDid, rkey)] = us
		evs = append(evs, postEvent(postSpec{rkey: fmt.Sprintf("x%03d", i), us: us + 250_000, text: "Il fait beau aujourd'hui"}))
	}
	return evs, want
}

// ---- sinks -----------------------------------------------------------------

// sink collects emitted posts; fail, when set, decides an emit's error.
type sink struct {
	mu      sync.Mutex
	posts   []post.Post
	batches int
	before  func(batch []post.Post) // runs before the batch is accepted
	fail    func(call int) error
}

func (k *sink) emit(_ context.Context, batch []post.Post) error {
	k.mu.Lock()
	defer k.mu.Unlock()
	k.batches++
	if k.before != nil {
		k.before(batch)
	}
	if k.fail != nil {
		if err := k.fail(k.batches); err != nil {
			return err
		}
	}
	k.posts = append(k.posts, batch...)
	return nil
}

func (k *sink) snapshot() []post.Post {
	k.mu.Lock()
	defer k.mu.Unlock()
	return slices.Clone(k.posts)
}

func (k *sink) ids() []string {
	var out []string
	for _, p := range k.snapshot() {
		out = append(out, p.ID)
	}
	return out
}

type rejects struct {
	mu   sync.Mutex
	msgs []kafka.Message
}

func (r *rejects) reject(_ context.Context, dead ...kafka.Message) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.msgs = append(r.msgs, dead...)
	return nil
}

func (r *rejects) snapshot() []kafka.Message {
	r.mu.Lock()
	defer r.mu.Unlock()
	return slices.Clone(r.msgs)
}

func reasonOf(m kafka.Message) string { return kafkax.Header(m, kafkax.HeaderReason) }

type gapSink struct {
	mu   sync.Mutex
	gaps []ingest.Gap
}

func (g *gapSink) RecordGap(_ context.Context, gap ingest.Gap) error {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.gaps = append(g.gaps, gap)
	return nil
}

func (g *gapSink) snapshot() []ingest.Gap {
	g.mu.Lock()
	defer g.mu.Unlock()
	return slices.Clone(g.gaps)
}

// logBuffer is a goroutine-safe slog destination.
type logBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *logBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *logBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// fakeClock is a settable clock.
type fakeClock struct{ ns atomic.Int64 }

func newClock(t time.Time) *fakeClock {
	c := &fakeClock{}
	c.Set(t)
	return c
}

func (c *fakeClock) Now() time.Time          { return time.Unix(0, c.ns.Load()).UTC() }
func (c *fakeClock) Set(t time.Time)         { c.ns.Store(t.UnixNano()) }
func (c *fakeClock) Advance(d time.Duration) { c.ns.Add(int64(d)) }

// ---- harness ---------------------------------------------------------------

type harness struct {
	src     *Source
	sink    *sink
	rejects *rejects
	gaps    *gapSink
	ckpt    *ingest.MemoryCheckpoints
	logs    *logBuffer
	clock   *fakeClock
	sleeps  *durations
}

type durations struct {
	mu sync.Mutex
	d  []time.Duration
}

func (d *durations) add(x time.Duration) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.d = append(d.d, x)
}

func (d *durations) all() []time.Duration {
	d.mu.Lock()
	defer d.mu.Unlock()
	return slices.Clone(d.d)
}

// testConfig is a configuration with short timers for tests.
func testConfig(endpoint string) Config {
	return Config{
		Endpoint:           endpoint,
		SearchEndpoint:     "http://127.0.0.1:1", // unused without credentials
		Terms:              ingest.DefaultTerms,
		Rewind:             2 * time.Second,
		SilenceTimeout:     5 * time.Second,
		BackoffMin:         5 * time.Millisecond,
		BackoffMax:         20 * time.Millisecond,
		FlushInterval:      10 * time.Millisecond,
		CheckpointInterval: 10 * time.Millisecond,
		LoginBackoffMin:    time.Minute,
		LoginBackoffMax:    time.Minute,
	}
}

// newHarness builds a source whose waits are recorded and shortened to 1 ms.
func newHarness(t *testing.T, cfg Config, now time.Time) *harness {
	t.Helper()
	h := &harness{sink: &sink{}, rejects: &rejects{}, gaps: &gapSink{}, ckpt: &ingest.MemoryCheckpoints{},
		logs: &logBuffer{}, clock: newClock(now), sleeps: &durations{}}
	logger := slog.New(slog.NewTextHandler(h.logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	src, err := New(cfg, ingest.Deps{Gaps: h.gaps, Checkpoints: h.ckpt, Logger: logger, Now: h.clock.Now}, h.rejects.reject)
	if err != nil {
		t.Fatal(err)
	}
	sleep := func(ctx context.Context, d time.Duration) bool {
		h.sleeps.add(d)
		return ingest.Sleep(ctx, time.Millisecond)
	}
	src.sleep = sleep
	if src.xrpc != nil {
		src.xrpc.sleep = sleep
	}
	h.src = src
	return h
}

// run starts the source; stop cancels it and returns Run's error.
func (h *harness) run(t *testing.T) (stop func() error) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- h.src.Run(ctx, h.sink.emit) }()
	var once sync.Once
	var err error
	stop = func() error {
		once.Do(func() {
			cancel()
			select {
			case err = <-done:
			case <-time.After(10 * time.Second):
				t.Fatal("Run did not return after cancel")
			}
		})
		return err
	}
	t.Cleanup(func() { stop() })
	return stop
}

func (h *harness) cursor() int64 {
	v, ok, _ := h.ckpt.Load(h.src.key)
	if !ok {
		return 0
	}
	n, _ := strconv.ParseInt(v, 10, 64)
	return n
}

// waitFor polls cond for up to 10 s.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(2 * time.Millisecond)
	}
}
