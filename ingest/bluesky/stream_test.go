package bluesky

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/coder/websocket"

	"github.com/vigie-edu/vigie/internal/kafkax"
	"github.com/vigie-edu/vigie/post"
)

// fixtureEvents reads testdata/jetstream_sequence.ndjson (identity, post
// create, repost, delete of that post, account deactivation).
func fixtureEvents(t *testing.T) []fakeEvent {
	t.Helper()
	b, err := os.ReadFile("testdata/jetstream_sequence.ndjson")
	if err != nil {
		t.Fatal(err)
	}
	var evs []fakeEvent
	sc := bufio.NewScanner(bytes.NewReader(b))
	for sc.Scan() {
		line := slices.Clone(sc.Bytes())
		ev, err := decodeEvent(line)
		if err != nil {
			t.Fatalf("fixture line %q: %v", line, err)
		}
		evs = append(evs, fakeEvent{us: ev.TimeUS, typ: websocket.MessageText, raw: line})
	}
	return evs
}

const fixtureURI = "at://did:plc:z72i7hdynmk6r22z27h6tvur/app.bsky.feed.post/3ljqkz2r5kc2x"

func TestStreamEmitsMatchingPostsAndCountsDeletes(t *testing.T) {
	evs := fixtureEvents(t)
	last := evs[len(evs)-1].us
	extra := []fakeEvent{
		postEvent(postSpec{rkey: "t1", us: last + 1, text: "Le CNED ne répond plus"}),                            // text only
		postEvent(postSpec{rkey: "t2", us: last + 2, text: "rien à signaler", tags: []string{"ÉcoleÀlaMaison"}}), // record.tags only
		postEvent(postSpec{rkey: "t3", us: last + 3, text: "bonjour", facetTags: []string{"BlanquerMent"}}),      // facet only
		postEvent(postSpec{rkey: "n1", us: last + 4, text: "Il fait beau à Lyon"}),
		postEvent(postSpec{rkey: "n2", us: last + 5, text: "pronotes et cnedistes"}), // not whole words
		identityEvent(testDid, last+6),
	}
	evs = append(evs, extra...)
	js := newFakeJetstream(t, evs)
	h := newHarness(t, testConfig(js.url()), usTime(last).Add(time.Minute))
	stop := h.run(t)
	end := last + 6
	waitFor(t, "cursor at the last event", func() bool { return h.cursor() == end })
	if err := stop(); !errors.Is(err, context.Canceled) {
		t.Fatalf("Run = %v, want context.Canceled", err)
	}

	got := h.sink.snapshot()
	ids := h.sink.ids()
	want := []string{fixtureURI, atURI(testDid, "t1"), atURI(testDid, "t2"), atURI(testDid, "t3")}
	if !slices.Equal(ids, want) {
		t.Fatalf("emitted %v, want %v", ids, want)
	}
	p := got[0]
	wantCreated := time.Date(2025, 3, 6, 7, 32, 30, 512_000_000, time.UTC)
	switch {
	case p.Source != post.SourceBluesky:
		t.Errorf("Source = %q", p.Source)
	case !p.CreatedAt.Equal(wantCreated):
		t.Errorf("CreatedAt = %v, want %v", p.CreatedAt, wantCreated)
	case p.Author != "did:plc:z72i7hdynmk6r22z27h6tvur":
		t.Errorf("Author = %q", p.Author)
	case p.URL != "https://bsky.app/profile/did:plc:z72i7hdynmk6r22z27h6tvur/post/3ljqkz2r5kc2x":
		t.Errorf("URL = %q", p.URL)
	case p.Lang != "fr":
		t.Errorf("Lang = %q", p.Lang)
	case !slices.Equal(p.Hashtags, []string{"Pronote", "ecolealamaison", "CNED"}):
		t.Errorf("Hashtags = %v", p.Hashtags)
	case !strings.HasPrefix(p.Text, "Pronote encore en panne ce matin 😤"):
		t.Errorf("Text = %q", p.Text)
	case !slices.Equal(p.Matched, []string{"pronote", "ecolealamaison", "cned"}):
		t.Errorf("Matched = %v", p.Matched)
	case p.IngestedAt.IsZero():
		t.Error("IngestedAt not set")
	}
	for _, p := range got {
		if err := post.Normalize(&p, h.clock.Now()); err != nil {
			t.Errorf("emitted post %s does not validate: %v", p.ID, err)
		}
	}
	st := h.src.Stats()
	if st.Deletes != 1 || st.DeletesTracked != 1 {
		t.Errorf("deletes = %d (tracked %d), want 1 (1)", st.Deletes, st.DeletesTracked)
	}
	if st.Ignored != 4 { // identity x2, repost, account
		t.Errorf("ignored = %d, want 4", st.Ignored)
	}
	if st.Filtered != 2 || st.Emitted != 4 || st.Rejected != 0 {
		t.Errorf("stats = %+v", st)
	}
	if !strings.Contains(h.logs.String(), "erasure is not implemented") {
		t.Error("the delete of a tracked post was not logged")
	}
	conns := js.connections()
	if len(conns) != 1 || conns[0].hasCursor || conns[0].query.Get("maxMessageSizeBytes") != strconv.Itoa(DefaultMaxFrameBytes) {
		t.Errorf("connections = %+v, want one without cursor and with maxMessageSizeBytes", conns)
	}
	if g := h.gaps.snapshot(); len(g) != 0 {
		t.Errorf("gaps = %+v, want none", g)
	}
}

func TestResumeAfterDropNoLossNoDuplicates(t *testing.T) {
	evs, want := mixedStream(20)
	// The first connection drops (no close frame) after 13 frames: the 7th
	// matching post (index 12) is the last one read.
	js := newFakeJetstream(t, evs, connScript{dropAfter: 13})
	h := newHarness(t, testConfig(js.url()), usTime(baseUS).Add(time.Hour))
	stop := h.run(t)
	end := evs[len(evs)-1].us
	waitFor(t, "cursor at the last event", func() bool { return h.cursor() == end })
	stop()

	ids := h.sink.ids()
	if len(ids) != len(want) {
		t.Fatalf("emitted %d posts, want %d: %v", len(ids), len(want), ids)
	}
	seen := map[string]bool{}
	for _, id := range ids {
		if _, ok := want[id]; !ok || seen[id] {
			t.Fatalf("unexpected or duplicate post %s in %v", id, ids)
		}
		seen[id] = true
	}
	conns := js.connections()
	if len(conns) != 2 {
		t.Fatalf("%d connections, want 2", len(conns))
	}
	lastRead := evs[12].us
	if !conns[1].hasCursor || conns[1].cursor != lastRead-2_000_000 {
		t.Errorf("reconnect cursor = %d (set %v), want %d (last read %d minus 2 s)", conns[1].cursor, conns[1].hasCursor, lastRead-2_000_000, lastRead)
	}
	replayed := 0 // matching posts in [cursor, last read], sent twice
	for _, us := range want {
		if us >= lastRead-2_000_000 && us <= lastRead {
			replayed++
		}
	}
	if st := h.src.Stats(); st.Duplicates != int64(replayed) || replayed == 0 {
		t.Errorf("duplicates = %d, want %d", st.Duplicates, replayed)
	}
	gaps := h.gaps.snapshot()
	if len(gaps) != 1 || !strings.Contains(gaps[0].Reason, "disconnected") || gaps[0].To.Before(gaps[0].From) {
		t.Errorf("gaps = %+v, want one disconnect window", gaps)
	}
}

func TestCursorSavedOnlyAfterEmit(t *testing.T) {
	evs, want := mixedStream(9)
	cfg := testConfig("")
	cfg.BatchSize = 3
	cfg.FlushInterval = time.Hour // emit by size only
	cfg.CheckpointInterval = time.Hour
	errBoom := errors.New("kafka unavailable")

	js := newFakeJetstream(t, evs)
	cfg.Endpoint = js.url()
	h := newHarness(t, cfg, usTime(baseUS).Add(time.Hour))
	var violations []string
	var afterFirst int64
	h.sink.before = func(batch []post.Post) {
		// While emit has not returned, the saved cursor must not cover any
		// post of the batch.
		c := h.cursor()
		for _, p := range batch {
			if c >= want[p.ID] {
				violations = append(violations, p.ID)
			}
		}
	}
	h.sink.fail = func(call int) error {
		if call == 1 {
			return nil
		}
		afterFirst = h.cursor()
		return errBoom
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	// Run returns by itself: a failing emit is fatal.
	if err := h.src.Run(ctx, h.sink.emit); !errors.Is(err, errBoom) {
		t.Fatalf("Run with a failing emit = %v, want %v", err, errBoom)
	}
	if len(violations) > 0 {
		t.Fatalf("cursor covered posts still being emitted: %v", violations)
	}
	firstBatchEnd := want[atURI(testDid, "m002")]
	if afterFirst != firstBatchEnd {
		t.Fatalf("cursor after the first emit = %d, want %d (third matching post)", afterFirst, firstBatchEnd)
	}
	if c := h.cursor(); c != firstBatchEnd {
		t.Fatalf("cursor after failed emits = %d, want it left at %d", c, firstBatchEnd)
	}
}

// TestFailedEmitIsReplayedOnRestart: the posts whose emit failed come back
// after a restart from the saved cursor.
func TestFailedEmitIsReplayedOnRestart(t *testing.T) {
	evs, want := mixedStream(6)
	cfg := testConfig("")
	cfg.BatchSize = 2
	cfg.FlushInterval = time.Hour
	cfg.CheckpointInterval = time.Hour
	js := newFakeJetstream(t, evs)
	cfg.Endpoint = js.url()
	h := newHarness(t, cfg, usTime(baseUS).Add(time.Hour))
	errBoom := errors.New("broker down")
	h.sink.fail = func(call int) error {
		if call >= 2 {
			return errBoom
		}
		return nil
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := h.src.Run(ctx, h.sink.emit); !errors.Is(err, errBoom) {
		t.Fatalf("Run = %v, want %v", err, errBoom)
	}
	if n := len(h.sink.ids()); n != 2 {
		t.Fatalf("%d posts accepted before the failure, want 2", n)
	}
	saved := h.cursor()
	// Restart: a new source on the same checkpoints, emit working again.
	cfg.FlushInterval = 10 * time.Millisecond
	cfg.CheckpointInterval = 10 * time.Millisecond
	h2 := newHarness(t, cfg, usTime(baseUS).Add(time.Hour))
	h2.ckpt = h.ckpt
	h2.src.deps.Checkpoints = h.ckpt
	stop := h2.run(t)
	end := evs[len(evs)-1].us
	waitFor(t, "cursor at the end", func() bool { return h2.cursor() == end })
	stop()
	all := append(h.sink.ids(), h2.sink.ids()...)
	for id := range want {
		if !slices.Contains(all, id) {
			t.Errorf("post %s lost across the failed emit", id)
		}
	}
	if conns := js.connections(); len(conns) != 2 || conns[1].cursor != saved-2_000_000 {
		t.Errorf("restart cursor = %+v, want %d", conns, saved-2_000_000)
	}
}

func TestClampedCursorRecordsGap(t *testing.T) {
	now := usTime(baseUS).Add(time.Hour)
	evs, _ := mixedStream(3)
	js := newFakeJetstream(t, evs)
	cfg := testConfig(js.url())
	h := newHarness(t, cfg, now)
	saved := now.Add(-48 * time.Hour).UnixMicro()
	h.ckpt.Save(h.src.key, strconv.FormatInt(saved, 10))
	stop := h.run(t)
	end := evs[len(evs)-1].us
	waitFor(t, "cursor at the end", func() bool { return h.cursor() == end })
	stop()
	floor := now.Add(-DefaultMaxCursorAge)
	conns := js.connections()
	if len(conns) == 0 || conns[0].cursor != floor.UnixMicro() {
		t.Fatalf("connections = %+v, want cursor %d (now - 36 h)", conns, floor.UnixMicro())
	}
	gaps := h.gaps.snapshot()
	var clamp, server int
	for _, g := range gaps {
		switch {
		case strings.HasPrefix(g.Reason, "cursor clamped:"):
			clamp++
			if !g.From.Equal(usTime(saved)) || !g.To.Equal(floor) {
				t.Errorf("clamp gap %v..%v, want %v..%v", g.From, g.To, usTime(saved), floor)
			}
		case strings.HasPrefix(g.Reason, "cursor clamped by the server"):
			server++ // the first event is 35 h after the clamped cursor
		}
	}
	if clamp != 1 || server != 1 {
		t.Fatalf("gaps = %+v, want one client clamp and one server clamp", gaps)
	}
}

func TestServerClampDetected(t *testing.T) {
	now := usTime(baseUS).Add(time.Hour)
	evs, _ := mixedStream(3) // events from baseUS on
	js := newFakeJetstream(t, evs)
	js.floorUS = baseUS
	h := newHarness(t, testConfig(js.url()), now)
	saved := baseUS - int64(20*time.Minute/time.Microsecond)
	h.ckpt.Save(h.src.key, strconv.FormatInt(saved, 10))
	stop := h.run(t)
	end := evs[len(evs)-1].us
	waitFor(t, "cursor at the end", func() bool { return h.cursor() == end })
	stop()
	gaps := h.gaps.snapshot()
	if len(gaps) != 1 || !strings.Contains(gaps[0].Reason, "clamped by the server") ||
		!gaps[0].From.Equal(usTime(saved-2_000_000)) || !gaps[0].To.Equal(usTime(baseUS)) {
		t.Fatalf("gaps = %+v, want one server clamp from the cursor to the first event", gaps)
	}
}

func TestMalformedFramesRejectedStreamContinues(t *testing.T) {
	bad := "not-a-date"
	us := baseUS
	cases := []struct {
		ev     fakeEvent
		reason string // "" = not rejected
	}{
		{rawEvent(us+1, `{"did": "did:plc:x", "time_us": 17`), "malformed JSON"},
		{fakeEvent{us: us + 2, typ: websocket.MessageBinary, raw: []byte{0x28, 0xb5, 0x2f, 0xfd}}, "binary frame"},
		{rawEvent(us+3, `{"time_us": 1617699600000003, "kind": "commit"}`), "without did"},
		{rawEvent(us+4, `{"did": "did:plc:x", "kind": "commit", "commit": {}}`), "time_us"},
		{rawEvent(us+5, `{"did": "did:plc:x", "time_us": 1617699600000005, "kind": "commit", "commit": {"operation": "create", "collection": "app.bsky.feed.post"}}`), "without collection, rkey"},
		{rawEvent(us+6, `{"did": "did:plc:x", "time_us": 1617699600000006, "kind": "commit", "commit": {"operation": "create", "collection": "app.bsky.feed.post", "rkey": "r6"}}`), "without record"},
		{rawEvent(us+7, `{"did": "did:plc:x", "time_us": 1617699600000007, "kind": "commit", "commit": {"operation": "create", "collection": "app.bsky.feed.post", "rkey": "r7", "record": {"text": 42}}}`), "malformed post record"},
		{rawEvent(us+8, `{"did": "did:plc:x", "time_us": 1617699600000008, "kind": "commit", "commit": {"operation": "explode", "collection": "app.bsky.feed.post", "rkey": "r8"}}`), "unknown commit operation"},
		{postEvent(postSpec{rkey: "d9", us: us + 9, text: "#Pronote HS", createdAt: &bad}), "createdAt"},
		{postEvent(postSpec{rkey: "d10", us: us + 10, text: "rien à voir", createdAt: &bad}), ""}, // not tracked: filtered, not rejected
		{postEvent(postSpec{rkey: "ok", us: us + 11, text: "Pronote toujours en panne"}), ""},
	}
	var evs []fakeEvent
	var wantReasons []string
	for _, c := range cases {
		evs = append(evs, c.ev)
		if c.reason != "" {
			wantReasons = append(wantReasons, c.reason)
		}
	}
	js := newFakeJetstream(t, evs)
	h := newHarness(t, testConfig(js.url()), usTime(baseUS).Add(time.Hour))
	stop := h.run(t)
	waitFor(t, "the good post", func() bool { return len(h.sink.ids()) == 1 })
	stop()
	if ids := h.sink.ids(); ids[0] != atURI(testDid, "ok") {
		t.Fatalf("emitted %v", ids)
	}
	got := h.rejects.snapshot()
	if len(got) != len(wantReasons) {
		t.Fatalf("%d rejections, want %d: %v", len(got), len(wantReasons), got)
	}
	j := 0
	for _, c := range cases {
		if c.reason == "" {
			continue
		}
		m := got[j]
		j++
		if r := reasonOf(m); !strings.Contains(r, c.reason) || !strings.HasPrefix(r, "bluesky: ") {
			t.Errorf("reason %q, want it to mention %q", r, c.reason)
		}
		if !bytes.Equal(m.Value, c.ev.raw) {
			t.Errorf("rejected bytes %q, want the original frame %q", m.Value, c.ev.raw)
		}
		if o := kafkax.Header(m, kafkax.HeaderOrigin); !strings.HasPrefix(o, h.src.Name()) {
			t.Errorf("origin %q", o)
		}
	}
	if st := h.src.Stats(); st.Rejected != int64(len(wantReasons)) || st.Filtered != 1 {
		t.Errorf("stats = %+v", st)
	}
}

func TestSilenceTimeoutReconnects(t *testing.T) {
	evs, want := mixedStream(5)
	js := newFakeJetstream(t, evs, connScript{silentAfter: 4})
	cfg := testConfig(js.url())
	cfg.SilenceTimeout = 150 * time.Millisecond
	h := newHarness(t, cfg, usTime(baseUS).Add(time.Hour))
	start := time.Now()
	stop := h.run(t)
	end := evs[len(evs)-1].us
	waitFor(t, "cursor at the end", func() bool { return h.cursor() == end })
	stop()
	if d := time.Since(start); d < cfg.SilenceTimeout {
		t.Errorf("finished in %v, before the silence timeout could fire", d)
	}
	if n := len(js.connections()); n < 2 {
		t.Fatalf("%d connections, want a reconnect", n)
	}
	ids := h.sink.ids()
	if len(ids) != len(want) {
		t.Fatalf("emitted %v, want %d posts", ids, len(want))
	}
	gaps := h.gaps.snapshot()
	if len(gaps) == 0 || !strings.Contains(gaps[0].Reason, "no message for 150ms") {
		t.Errorf("gaps = %+v, want a silence gap", gaps)
	}
}

func TestConnectFailuresBackOffWithoutSpinning(t *testing.T) {
	evs, want := mixedStream(2)
	js := newFakeJetstream(t, evs,
		connScript{status: 503}, connScript{status: 503}, connScript{status: 503})
	cfg := testConfig(js.url())
	h := newHarness(t, cfg, usTime(baseUS).Add(time.Hour))
	stop := h.run(t)
	waitFor(t, "posts", func() bool { return len(h.sink.ids()) == len(want) })
	stop()
	sleeps := h.sleeps.all()
	if len(sleeps) < 3 {
		t.Fatalf("sleeps = %v, want one per failed connection", sleeps)
	}
	for _, d := range sleeps[:3] {
		if d < cfg.BackoffMin || d > cfg.BackoffMax {
			t.Errorf("backoff %v outside [%v, %v]", d, cfg.BackoffMin, cfg.BackoffMax)
		}
	}
	gaps := h.gaps.snapshot()
	if len(gaps) != 1 || !strings.Contains(gaps[0].Reason, "connect failed") {
		t.Errorf("gaps = %+v, want one window for the three failures", gaps)
	}
	if !strings.Contains(h.logs.String(), "HTTP 503") {
		t.Error("the handshake status is not logged")
	}
}
