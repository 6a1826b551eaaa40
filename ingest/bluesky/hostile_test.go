package bluesky

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/coder/websocket"

	"github.com/vigie-edu/vigie/internal/hostiletest"
)

// TestHostileJetstream replays the hostile corpus as Jetstream messages,
// each bad frame between two good posts: every good (tracked) post arrives
// once and sanitized, every bad frame is rejected with its reason, a 10 MB
// message is drained and rejected without a reconnection, and the heap
// stays bounded.
func TestHostileJetstream(t *testing.T) {
	corpus := hostiletest.Load(t)
	fm := corpus.Formats["jetstream"]
	cases := corpus.Cases(t, "jetstream", 1000)
	var events []fakeEvent
	for i, c := range cases {
		events = append(events, fakeEvent{us: int64(i), typ: websocket.MessageText, raw: c.Raw})
	}
	big := len(corpus.Frame(t, "ten-mb-line"))
	many := len(corpus.Frame(t, "many-keys"))
	limit := int64(DefaultMaxFrameBytes) + 64<<10
	frames, extra := corpus.FrameReasons(false, map[string]string{
		"ten-mb-line":  fmt.Sprintf("WebSocket message of %d bytes exceeds %d", big, limit),
		"many-keys":    fmt.Sprintf("WebSocket message of %d bytes exceeds", many),
		"empty-object": "event without did", "null": "event without did",
		"invalid-utf8": "event without did",
	}, "malformed JSON")
	n := 5000
	for _, fr := range frames {
		events = append(events, fakeEvent{typ: websocket.MessageText, raw: fr})
		cases = append(cases, hostiletest.Case{Name: "good after frame", Raw: fm.Record(t, n, nil), ID: fm.ID(n), Expect: hostiletest.Stored})
		events = append(events, fakeEvent{typ: websocket.MessageText, raw: cases[len(cases)-1].Raw})
		n++
	}
	events = append(events, fakeEvent{typ: websocket.MessageBinary, raw: []byte{0, 1, 2}})
	extra = append(extra, "binary frame")
	f := newFakeJetstream(t, events)
	cfg := testConfig(f.url())
	h := newHarness(t, cfg, time.Date(2021, 4, 6, 12, 0, 0, 0, time.UTC))
	heap := hostiletest.WatchHeap()
	stop := h.run(t)
	stored, dlq := hostiletest.Count(cases, extra)
	waitFor(t, fmt.Sprintf("%d posts and %d rejections", stored, dlq), func() bool {
		return len(h.sink.snapshot()) >= stored && len(h.rejects.snapshot()) >= dlq
	})
	time.Sleep(50 * time.Millisecond)
	peaks := heap.Stop()
	stop()
	hostiletest.Check(t, cases, h.sink.snapshot(), h.rejects.snapshot(), extra)
	if c := f.connections(); len(c) != 1 {
		t.Errorf("%d connections: the source reconnected on hostile frames", len(c))
	}
	t.Logf("jetstream: %d posts, %d rejections", stored, dlq)
	peaks.CheckHeap(t, "jetstream")
	if logs := h.logs.String(); strings.Contains(logs, strings.Repeat("x", 1000)) {
		t.Error("a hostile frame was copied into the logs")
	}
}

// TestHostileSearchPosts serves the hostile corpus as searchPosts postViews
// (one page holds them all, bad ones among good ones): each bad post is
// rejected alone, the good ones around it all arrive, and a page that is
// not JSON at all is dead-lettered while the other terms still run.
func TestHostileSearchPosts(t *testing.T) {
	corpus := hostiletest.Load(t)
	fm := corpus.Formats["jetstream"]
	view := func(n int, edit func(v any)) []byte {
		ev := fm.Record(t, n, edit)
		var e struct {
			Did    string
			Commit struct {
				Rkey   string
				Record json.RawMessage
			}
		}
		if err := json.Unmarshal(ev, &e); err != nil {
			return ev // a mutation that breaks the event: serve it as the view
		}
		return []byte(fmt.Sprintf(`{"uri":%q,"cid":"bafy","author":{"did":%q,"handle":"h.bsky.social","displayName":"Mme Durand"},"record":%s,"indexedAt":"2021-04-06T07:32:00.000Z"}`,
			atURI(e.Did, e.Commit.Rkey), e.Did, e.Commit.Record))
	}
	var cases []hostiletest.Case
	n := 1000
	add := func(name, expect, reason, stored string, raw []byte) {
		cases = append(cases, hostiletest.Case{Name: name, Raw: raw, ID: fm.ID(n), Expect: expect, Reason: reason, Stored: stored})
		n++
	}
	good := func() { add("good", hostiletest.Stored, "", "", view(n, nil)) }
	good()
	for _, f := range fm.Fields {
		for _, s := range corpus.Strings {
			add(f.Path+"="+s.Name, hostiletest.Stored, "", s.Stored, view(n, func(v any) { f.Append(v, s.Value) }))
			good()
		}
	}
	for _, s := range corpus.Strings { // the display name only searchPosts carries
		raw := view(n, nil)
		name, _ := json.Marshal("Mme Durand " + s.Value)
		raw = []byte(strings.Replace(string(raw), `"Mme Durand"`, string(name), 1))
		add("displayName="+s.Name, hostiletest.Stored, "", s.Stored, raw)
		good()
	}
	for _, m := range fm.Mutations {
		switch m.Name {
		case "missing-did", "time-string": // envelope fields a postView does not have
			continue
		case "record-array", "operation-1mb":
			continue
		}
		add(m.Name, m.Expect, m.Reason, "", view(n, func(v any) { m.Apply(t, v) }))
		good()
	}
	frames, extra := corpus.FrameReasons(true, map[string]string{
		"empty-object": "is not an app.bsky.feed.post at-URI", "null": "is not an app.bsky.feed.post at-URI",
		"ten-mb-line": "is not an app.bsky.feed.post at-URI", "many-keys": "is not an app.bsky.feed.post at-URI",
	}, "malformed postView")
	var items []string
	for _, c := range cases {
		items = append(items, string(c.Raw))
	}
	for _, fr := range frames {
		items = append(items, string(fr))
		good()
		items = append(items, string(cases[len(cases)-1].Raw))
	}
	page := `{"posts":[` + strings.Join(items, ",") + `]}`

	var mu sync.Mutex
	searches := 0
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		switch r.URL.Path {
		case "/xrpc/com.atproto.server.createSession":
			fmt.Fprint(w, `{"accessJwt":"acc-hostile","refreshJwt":"ref-hostile","did":"did:plc:me","handle":"me"}`)
		case "/xrpc/app.bsky.feed.searchPosts":
			mu.Lock()
			searches++
			first := searches == 1
			mu.Unlock()
			if first {
				fmt.Fprint(w, `{"posts":[{"uri":`) // cut: the first term's page is not JSON
				return
			}
			if r.URL.Query().Get("q") == "cned" {
				fmt.Fprint(w, page)
				return
			}
			fmt.Fprint(w, `{"posts":[]}`)
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	cfg := testConfig("ws://127.0.0.1:1/subscribe")
	cfg.SearchEndpoint, cfg.Identifier, cfg.AppPassword = srv.URL, "me.bsky.social", "app-pass-hostile"
	cfg.Terms = []string{"ecolealamaison", "cned"}
	cfg.SearchPageLimit, cfg.SearchMaxPages = 100, 1
	h := newHarness(t, cfg, time.Date(2021, 4, 6, 12, 0, 0, 0, time.UTC))
	// The term "cned" matches nothing in the text: track ecolealamaison
	// (every post's hashtag) while searching for both.
	heap := hostiletest.WatchHeap()
	_, err := h.src.Backfill(t.Context(), h.sink.emit, time.Date(2021, 4, 6, 7, 0, 0, 0, time.UTC), time.Date(2021, 4, 6, 8, 0, 0, 0, time.UTC))
	peaks := heap.Stop()
	if err != nil {
		t.Fatalf("backfill: %v", err)
	}
	extra = append(extra, "malformed searchPosts page")
	rejects := h.rejects.snapshot()
	// The malformed page came first: move it to the end, where extras go.
	if len(rejects) > 0 {
		rejects = append(rejects[1:], rejects[0])
	}
	hostiletest.Check(t, cases, h.sink.snapshot(), rejects, extra)
	t.Logf("searchPosts: %d items in one page (%d bytes), %d rejections", len(items), len(page), len(rejects))
	peaks.CheckHeap(t, "searchPosts")
}
