package xapi

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/vigie-edu/vigie/internal/hostiletest"
	"github.com/vigie-edu/vigie/post"
)

// TestHostileStream sends the hostile corpus as filtered-stream lines,
// each bad line between two good posts: every good post arrives once and
// sanitized, every bad line is rejected with its reason (a 10 MB line is
// skipped without being held), the stream never reconnects, and the heap
// stays bounded.
func TestHostileStream(t *testing.T) {
	corpus := hostiletest.Load(t)
	fm := corpus.Formats["xstream"]
	e := newEnv(t)
	cases := corpus.Cases(t, "xstream", 1000)
	var script []step
	for _, c := range cases {
		script = append(script, step{line: string(c.Raw)})
	}
	frames, extra := corpus.FrameReasons(false, map[string]string{
		"ten-mb-line": fmt.Sprintf("stream line longer than %d", post.MaxMessageBytes), "many-keys": "stream line longer than",
		"invalid-utf8": "not valid UTF-8", "nul-bytes": "malformed JSON", "empty-object": "without data", "null": "without data",
		"number": "malformed JSON", "string": "malformed JSON", "array": "malformed JSON",
	}, "malformed JSON")
	n := 5000
	for _, fr := range frames {
		script = append(script, step{raw: string(fr) + "\r\n"})
		cases = append(cases, hostiletest.Case{Name: "good after frame", Raw: fm.Record(t, n, nil), ID: fm.ID(n), Expect: hostiletest.Stored})
		script = append(script, step{line: string(cases[len(cases)-1].Raw)})
		n++
	}
	e.fx.conns = [][]step{append(script, step{stall: true})}
	heap := hostiletest.WatchHeap()
	stop := e.start(e.source(e.config()))
	stored, dlq := hostiletest.Count(cases, extra)
	e.waitFor(fmt.Sprintf("%d posts and %d rejections", stored, dlq), func() bool {
		p, r := e.sink.snapshot()
		return len(p) >= stored && len(r) >= dlq
	})
	time.Sleep(50 * time.Millisecond)
	peaks := heap.Stop()
	stop()
	posts, rejects := e.sink.snapshot()
	hostiletest.Check(t, cases, posts, rejects, extra)
	if e.fx.streamCalls != 1 {
		t.Errorf("hostile lines caused %d connections", e.fx.streamCalls)
	}
	t.Logf("stream: %d posts, %d rejections", stored, dlq)
	peaks.CheckHeap(t, "stream")
}

// TestHostileSearch serves the hostile corpus as one recent search page
// (bad posts among good ones, deeply nested and 10 MB ones included): each
// bad post is rejected alone and the good ones around it all arrive.
func TestHostileSearch(t *testing.T) {
	corpus := hostiletest.Load(t)
	fm := corpus.Formats["xstream"]
	var cases []hostiletest.Case
	var data []string
	users, places := []any{}, []any{}
	add := func(c hostiletest.Case) {
		var m struct {
			Data     json.RawMessage
			Includes struct{ Users, Places []any }
		}
		if err := json.Unmarshal(c.Raw, &m); err != nil {
			t.Fatalf("%s: %v", c.Name, err)
		}
		if len(m.Data) == 0 { // a mutation that removed data: nothing to search
			return
		}
		cases = append(cases, c)
		data = append(data, string(m.Data))
		users = append(users, m.Includes.Users...)
		places = append(places, m.Includes.Places...)
	}
	for _, c := range corpus.Cases(t, "xstream", 1000) {
		switch c.Name {
		case "users-string", "missing-includes": // includes are shared by a page
			continue
		}
		add(c)
	}
	frames, extra := corpus.FrameReasons(true, map[string]string{"empty-object": "without id", "ten-mb-line": "not a decimal id",
		"many-keys": "without id", "number": "data is not an object", "string": "data is not an object", "array": "data is not an object",
		"null": "data is not an object", "deep-array": "data is not an object"}, "malformed tweet")
	n := 5000
	for _, fr := range frames {
		data = append(data, string(fr))
		add(hostiletest.Case{Name: "good after frame", Raw: fm.Record(t, n, nil), ID: fm.ID(n), Expect: hostiletest.Stored})
		n++
	}
	inc, _ := json.Marshal(map[string]any{"users": users, "places": places})
	page := fmt.Sprintf(`{"data":[%s],"includes":%s,"meta":{"result_count":%d}}`, strings.Join(data, ","), inc, len(data))
	var calls int
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != searchPath || r.Header.Get("Authorization") != "Bearer "+testToken {
			http.Error(w, "no", http.StatusNotFound)
			return
		}
		calls++
		w.Header().Set("Content-Type", "application/json")
		if calls == 1 {
			fmt.Fprint(w, page)
			return
		}
		fmt.Fprint(w, `{"meta":{"result_count":0}}`)
	}))
	defer srv.Close()
	e := newEnv(t)
	cfg := e.config()
	cfg.Mode, cfg.BaseURL, cfg.Terms = ModeSearch, srv.URL, []string{"ecolealamaison"}
	heap := hostiletest.WatchHeap()
	stop := e.start(e.source(cfg))
	stored, dlq := hostiletest.Count(cases, extra)
	e.waitFor("the search page", func() bool {
		p, r := e.sink.snapshot()
		return len(p) >= stored && len(r) >= dlq
	})
	peaks := heap.Stop()
	stop()
	posts, rejects := e.sink.snapshot()
	hostiletest.SortRejects(rejects, cases, extra)
	hostiletest.Check(t, cases, posts, rejects, extra)
	t.Logf("search: %d items in one page (%d bytes), %d posts, %d rejections", len(data), len(page), stored, dlq)
	peaks.CheckHeap(t, "search")
}
