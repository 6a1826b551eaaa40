package mastodon

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/segmentio/kafka-go"

	"github.com/vigie-edu/vigie/internal/hostiletest"
)

// TestHostileStream streams the hostile corpus on the SSE and WebSocket
// transports, each bad frame between two good statuses: every good post
// arrives once and sanitized, every bad frame is rejected with its reason,
// the stream never reconnects, and the heap stays bounded (10 MB frames are
// skipped, not buffered).
func TestHostileStream(t *testing.T) {
	corpus := hostiletest.Load(t)
	for _, tr := range transports() {
		t.Run(tr, func(t *testing.T) {
			f := newFake(t, testToken, time.Now)
			h := newHarness(t, Config{Instances: []string{f.URL()}, Hashtags: []string{"cned"}, Transport: tr}, harnessOpts{})
			heap := hostiletest.WatchHeap()
			h.start()
			waitFor(t, "stream", func() bool { return f.openStreams() == 1 })
			waitFor(t, "initial backfill", func() bool { return len(f.timelineLog()) == 1 })

			wsFrame := func(payload []byte) string {
				b, _ := json.Marshal(map[string]any{"stream": []string{"hashtag", "cned"}, "event": "update", "payload": string(payload)})
				return string(b)
			}
			send := func(status []byte) { f.raw("event: update\ndata: "+string(status)+"\n\n", wsFrame(status)) }
			cases := corpus.Cases(t, "mastodon", 1000)
			for _, c := range cases {
				send(c.Raw)
			}
			// Frames: on SSE as the data of an update event; on WebSocket as
			// the message itself (the outer frame is what is hostile).
			big := len(corpus.Frame(t, "ten-mb-line"))
			sseReasons := map[string]string{"ten-mb-line": "SSE line longer than", "invalid-utf8": "has no uri",
				"many-keys": "has no uri", "empty-object": "has no uri", "null": "has no uri"}
			wsReasons := map[string]string{"ten-mb-line": fmt.Sprintf("WebSocket message of %d bytes exceeds", big),
				"invalid-utf8": "WebSocket frame without event", "many-keys": "WebSocket frame without event",
				"empty-object": "WebSocket frame without event", "null": "WebSocket frame without event"}
			reasons, dflt := sseReasons, "malformed status JSON"
			if tr == TransportWebSocket {
				reasons, dflt = wsReasons, "malformed WebSocket frame"
			}
			frames, extra := corpus.FrameReasons(false, reasons, dflt)
			good := corpus.Formats["mastodon"]
			n := 5000
			for _, fr := range frames {
				f.raw("event: update\ndata: "+string(fr)+"\n\n", string(fr))
				cases = append(cases, hostiletest.Case{Name: "good after frame", Raw: good.Record(t, n, nil), ID: good.ID(n), Expect: hostiletest.Stored})
				send(cases[len(cases)-1].Raw)
				n++
			}
			if tr == TransportWebSocket { // a 10 MB status inside a well-formed message
				f.raw("", wsFrame(corpus.Frame(t, "ten-mb-line")))
				extra = append(extra, "WebSocket message of")
				cases = append(cases, hostiletest.Case{Name: "good after wrapped frame", Raw: good.Record(t, n, nil), ID: good.ID(n), Expect: hostiletest.Stored})
				send(cases[len(cases)-1].Raw)
			}
			stored, dlq := hostiletest.Count(cases, extra)
			waitFor(t, fmt.Sprintf("%d posts and %d rejections", stored, dlq), func() bool {
				return h.col.count() >= stored && len(h.rejects.reasons()) >= dlq
			})
			time.Sleep(50 * time.Millisecond) // anything more would be a duplicate
			peaks := heap.Stop()
			h.rejects.mu.Lock()
			rejects := append([]kafka.Message(nil), h.rejects.msgs...)
			h.rejects.mu.Unlock()
			hostiletest.Check(t, cases, h.col.all(), rejects, extra)
			if f.streamCount() != 1 {
				t.Errorf("the stream reconnected (%d connections) on hostile frames", f.streamCount())
			}
			t.Logf("%s: %d posts, %d rejections", tr, stored, dlq)
			peaks.CheckHeap(t, tr)
		})
	}
}

// addRaw stores a status with its own JSON on the fake's timeline of tag
// (ids must grow).
func (f *fakeMastodon) addRaw(id, tag string, raw []byte) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.timeline[tag] = append(f.timeline[tag], fakeStatus{id: id, tags: []string{tag}, json: raw})
}

// TestHostileTimeline serves the hostile corpus through the REST hashtag
// timeline (the backfill): each bad status of a page is rejected alone, the
// good ones around it all arrive, and a page that is not a JSON array at
// all is dead-lettered without stopping the stream.
func TestHostileTimeline(t *testing.T) {
	corpus := hostiletest.Load(t)
	t.Run("statuses", func(t *testing.T) {
		f := newFake(t, testToken, time.Now)
		cases := corpus.Cases(t, "mastodon", 1000)
		frames, extra := corpus.FrameReasons(true, map[string]string{
			"ten-mb-line": "has no uri", "many-keys": "has no uri", "empty-object": "has no uri", "null": "has no uri"},
			"malformed status in timeline page")
		id := 1000
		for _, c := range cases {
			f.addRaw(fmt.Sprint(id), "cned", c.Raw)
			id++
		}
		good := corpus.Formats["mastodon"]
		for _, fr := range frames {
			f.addRaw(fmt.Sprint(id), "cned", fr)
			id++
			cases = append(cases, hostiletest.Case{Name: "good after frame", Raw: good.Record(t, id, nil), ID: good.ID(id), Expect: hostiletest.Stored})
			f.addRaw(fmt.Sprint(id), "cned", cases[len(cases)-1].Raw)
			id++
		}
		h := newHarness(t, Config{Instances: []string{f.URL()}, Hashtags: []string{"cned"}, InitialPages: 100}, harnessOpts{})
		heap := hostiletest.WatchHeap()
		h.start()
		stored, dlq := hostiletest.Count(cases, extra)
		waitFor(t, "backfill", func() bool { return h.col.count() >= stored && len(h.rejects.reasons()) >= dlq })
		time.Sleep(50 * time.Millisecond)
		peaks := heap.Stop()
		h.rejects.mu.Lock()
		rejects := append([]kafka.Message(nil), h.rejects.msgs...)
		h.rejects.mu.Unlock()
		// The backfill reads pages newest first and each page oldest
		// first: compare reasons as multisets, not in order.
		hostiletest.SortRejects(rejects, cases, extra)
		hostiletest.Check(t, cases, h.col.all(), rejects, extra)
		t.Logf("timeline: %d posts, %d rejections in %d pages", stored, dlq, len(f.timelineLog()))
		peaks.CheckHeap(t, "timeline")
	})
	t.Run("malformed page", func(t *testing.T) {
		f := newFake(t, testToken, time.Now)
		good := corpus.Formats["mastodon"]
		f.addRaw("1000", "cned", good.Record(t, 1000, nil))
		f.addRaw("1001", "cned", []byte(`{"id":"1001","content":"cut`)) // unbalanced: the page is no JSON array
		f.addRaw("1002", "cned", good.Record(t, 1002, nil))
		h := newHarness(t, Config{Instances: []string{f.URL()}, Hashtags: []string{"cned"}}, harnessOpts{})
		h.start()
		waitFor(t, "page rejected", func() bool { return len(h.rejects.reasons()) == 1 })
		if r := h.rejects.reasons()[0]; !strings.Contains(r, "malformed timeline page") {
			t.Errorf("reason %q", r)
		}
		waitFor(t, "gap recorded", func() bool {
			for _, g := range h.gaps.all() {
				if strings.Contains(g.Reason, "malformed timeline page") {
					return true
				}
			}
			return false
		})
		// The stream still flows on the same connection.
		f.raw("event: update\ndata: "+string(good.Record(t, 1003, nil))+"\n\n", "")
		waitFor(t, "stream post", func() bool { return h.col.count() == 1 })
		if f.streamCount() != 1 {
			t.Errorf("the stream reconnected (%d) after a malformed page", f.streamCount())
		}
	})
}
