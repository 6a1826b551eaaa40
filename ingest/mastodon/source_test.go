package mastodon

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/vigie-edu/vigie/ingest"
	"github.com/vigie-edu/vigie/post"
)

func transports() []string { return []string{TransportSSE, TransportWebSocket} }

func uri(n int) string {
	return fmt.Sprintf("https://piaille.example/users/prof_hg/statuses/%d", 114115886500000000+n)
}

func TestNormalFlow(t *testing.T) {
	for _, tr := range transports() {
		t.Run(tr, func(t *testing.T) {
			clock := newClock()
			f := newFake(t, testToken, clock.Now)
			f.heartbeat, f.wsPing = 20*time.Millisecond, 50*time.Millisecond
			h := newHarness(t, Config{Instances: []string{f.URL()}, Hashtags: []string{"#ÉcoleÀLaMaison", "pronote"}, Transport: tr},
				harnessOpts{clock: clock})
			h.start()
			wantStreams := map[string]int{TransportSSE: 2, TransportWebSocket: 1}[tr]
			waitFor(t, "streams open", func() bool { return f.openStreams() == wantStreams })
			waitFor(t, "initial backfill", func() bool { return len(f.timelineLog()) == 2 })
			if tr == TransportWebSocket {
				waitFor(t, "second subscription", func() bool {
					f.mu.Lock()
					defer f.mu.Unlock()
					return slices.Equal(f.wsSubscribes, []string{"query:ecolealamaison", "subscribe:pronote"})
				})
			}

			created := time.Date(2021, 4, 6, 7, 31, 58, 0, time.UTC)
			id := f.post(statusSpec{uri: uri(1), text: "Pronote en carafe depuis 8h et l'ENT ne répond plus…",
				tags: []string{"EcoleALaMaison", "Pronote"}, lang: "fr", created: created})
			// The status carries both hashtags: it arrives on both streams, once as a post.
			waitFor(t, "first post", func() bool { return h.col.count() == 1 })
			p := h.col.all()[0]
			if p.ID != uri(1) || p.Source != "mastodon" || !p.CreatedAt.Equal(created) || p.Lang != "fr" ||
				p.Author != "prof_hg@piaille.example" || p.AuthorName != "Mme Durand 📚" ||
				p.AuthorBio != "Prof d'histoire-géo en collège, Lyon. #EducNat" || p.AuthorLocation != "Lyon (69)" ||
				p.URL != "https://piaille.example/@prof_hg/statuses/114115886500000001" ||
				p.Text != "Pronote en carafe depuis 8h et l'ENT ne répond plus… #EcoleALaMaison #Pronote" ||
				!slices.Equal(p.Hashtags, []string{"EcoleALaMaison", "Pronote"}) || p.IngestedAt.IsZero() {
				t.Errorf("post = %+v", p)
			}

			// An edit passes once (both streams carry it), with the same ID.
			f.edit(id, statusSpec{uri: uri(1), text: "Pronote revenu à 9h40", tags: []string{"EcoleALaMaison", "Pronote"},
				lang: "fr", created: created, editedAt: "2021-04-06T07:40:12.118Z"})
			waitFor(t, "edit", func() bool { return h.col.count() == 2 })
			if e := h.col.all()[1]; e.ID != uri(1) || !strings.HasPrefix(e.Text, "Pronote revenu à 9h40") {
				t.Errorf("edit = %+v", e)
			}

			// A delete is counted and logged, nothing is emitted or erased.
			f.del(id, "ecolealamaison")
			waitFor(t, "delete", func() bool { return h.src.Stats().Deletes == 1 })
			if !strings.Contains(h.logs.String(), "deletes are not propagated") {
				t.Error("delete not logged")
			}

			// The stream goes on.
			f.post(statusSpec{uri: uri(2), text: "CNED inaccessible", tags: []string{"pronote"}})
			waitFor(t, "third post", func() bool { return h.col.count() == 3 })
			h.stop()
			st := h.src.Stats()
			if st.Emitted != 3 || st.Edits != 2 || st.Duplicates != 2 || st.Rejected != 0 {
				t.Errorf("stats = %+v", st)
			}
			// The checkpoint of each instance×tag is the highest id published on it.
			if v, _, _ := h.cps.Load("mastodon/" + f.host() + "/pronote"); v == "" || !idLess(id, v) {
				t.Errorf("pronote checkpoint = %q, want above %s", v, id)
			}
			if v, _, _ := h.cps.Load("mastodon/" + f.host() + "/ecolealamaison"); v != id {
				t.Errorf("ecolealamaison checkpoint = %q, want %s", v, id)
			}
			// First start: no checkpoint, the newest page was fetched, no gap.
			for _, q := range f.timelineLog() {
				if q.Get("min_id") != "" || q.Get("limit") != "40" {
					t.Errorf("initial backfill query %v", q)
				}
			}
			if g := h.gaps.all(); len(g) != 0 {
				t.Errorf("gaps on a clean run: %+v", g)
			}
		})
	}
}

func TestSSEMultiLineDataAndHeartbeats(t *testing.T) {
	f := newFake(t, testToken, time.Now)
	f.heartbeat = 5 * time.Millisecond
	h := newHarness(t, Config{Instances: []string{f.URL()}, Hashtags: []string{"cned"}}, harnessOpts{})
	h.start()
	waitFor(t, "stream", func() bool { return f.openStreams() == 1 })
	js := string(statusJSON("7", f.host(), statusSpec{uri: uri(7), text: "multi", tags: []string{"cned"}}))
	// The same JSON split over three data: lines (joined by '\n', still valid JSON),
	// with comments, an id: field and heartbeats in between.
	cut1, cut2 := strings.Index(js, `,"card"`)+1, strings.LastIndex(js, `,"created_at"`)+1
	f.raw(":thump\n\nevent: update\nid: 1\ndata: "+js[:cut1]+"\n:thump\ndata:"+js[cut1:cut2]+"\ndata: "+js[cut2:]+"\n\n", "")
	waitFor(t, "post", func() bool { return h.col.count() == 1 })
	if p := h.col.all()[0]; p.ID != uri(7) || p.Text != "multi #cned" {
		t.Errorf("post = %+v", p)
	}
}

func TestTwoInstancesSameURICountedOnce(t *testing.T) {
	clock := newClock()
	a, b := newFake(t, testToken, clock.Now), newFake(t, testToken, clock.Now)
	h := newHarness(t, Config{Instances: []string{a.URL(), b.URL()}, Hashtags: []string{"pronote"}}, harnessOpts{clock: clock})
	if want := "mastodon:" + a.host() + "," + b.host(); h.src.Name() != want {
		t.Errorf("Name() = %q, want %q", h.src.Name(), want)
	}
	h.start()
	waitFor(t, "streams", func() bool { return a.openStreams() == 1 && b.openStreams() == 1 })
	waitFor(t, "initial backfills", func() bool { return len(a.timelineLog()) == 1 && len(b.timelineLog()) == 1 })
	sp := statusSpec{uri: uri(1), text: "Pronote HS", tags: []string{"pronote"}}
	idA := a.post(sp)
	idB := b.post(sp) // another local id, the same uri
	b.post(statusSpec{uri: uri(2), text: "ENT HS", tags: []string{"pronote"}})
	waitFor(t, "posts", func() bool { return h.col.count() == 2 && h.src.Stats().Duplicates == 1 })
	time.Sleep(50 * time.Millisecond) // nothing more may come
	if ids := postIDs(h.col.all()); !slices.Equal(ids, []string{uri(1), uri(2)}) {
		t.Errorf("posts = %v", ids)
	}
	// Each instance's checkpoint moved, the duplicate's included.
	if v, _, _ := h.cps.Load("mastodon/" + a.host() + "/pronote"); v != idA {
		t.Errorf("checkpoint a = %q, want %q", v, idA)
	}
	if v, _, _ := h.cps.Load("mastodon/" + b.host() + "/pronote"); v == "" || !idLess(idB, v) {
		t.Errorf("checkpoint b = %q, want above %q", v, idB)
	}
}

func TestDisconnectIsBackfilled(t *testing.T) {
	for _, tr := range transports() {
		t.Run(tr, func(t *testing.T) {
			clock := newClock()
			f := newFake(t, testToken, clock.Now)
			f.heartbeat = 20 * time.Millisecond
			h := newHarness(t, Config{Instances: []string{f.URL()}, Hashtags: []string{"cned"}, Transport: tr, BackfillLimit: 2},
				harnessOpts{clock: clock})
			h.start()
			waitFor(t, "stream", func() bool { return f.openStreams() == 1 })
			waitFor(t, "initial backfill", func() bool { return len(f.timelineLog()) == 1 })
			f.post(statusSpec{uri: uri(1), text: "A", tags: []string{"cned"}})
			idB := f.post(statusSpec{uri: uri(2), text: "B", tags: []string{"cned"}})
			waitFor(t, "A and B", func() bool { return h.col.count() == 2 })
			waitFor(t, "checkpoint B", func() bool { v, _, _ := h.cps.Load("mastodon/" + f.host() + "/cned"); return v == idB })

			f.setStreamDown(true) // cut mid-stream; reconnects get 503
			down := clock.Now()
			waitFor(t, "reconnect attempts", func() bool { return f.streamCount() >= 3 })
			for i := 3; i <= 7; i++ { // five posts while nobody listens: three pages of 2
				f.add(statusSpec{uri: uri(i), text: fmt.Sprint(i), tags: []string{"cned"}})
			}
			before := len(f.timelineLog())
			f.setStreamDown(false)
			waitFor(t, "backfill", func() bool { return h.col.count() == 7 })
			waitFor(t, "gap", func() bool { return len(h.gaps.all()) == 1 })
			f.post(statusSpec{uri: uri(8), text: "live again", tags: []string{"cned"}})
			waitFor(t, "live post", func() bool { return h.col.count() == 8 })

			want := []string{uri(1), uri(2), uri(3), uri(4), uri(5), uri(6), uri(7), uri(8)}
			if ids := postIDs(h.col.all()); !slices.Equal(ids, want) {
				t.Errorf("posts = %v\nwant    %v", ids, want)
			}
			calls := f.timelineLog()[before:]
			if len(calls) < 3 || calls[0].Get("min_id") != idB {
				t.Errorf("backfill after reconnect: %v, want min_id=%s first", calls, idB)
			}
			g := h.gaps.all()[0]
			if g.Source != "mastodon:"+f.host() || g.From.After(down) || g.To.Before(down) ||
				!strings.Contains(g.Reason, "#cned: stream down") || !strings.Contains(g.Reason, "recovered 5 posts") {
				t.Errorf("gap = %+v (down at %s)", g, down)
			}
			// Reconnect waits came from the short backoff, not the auth one.
			for _, w := range h.sleeps.all() {
				if w > 50*time.Millisecond {
					t.Errorf("reconnect wait %s, want <= BackoffMax", w)
				}
			}
			if st := h.src.Stats(); st.Backfilled != 5 || st.Disconnects < 1 || st.Connects < 2 {
				t.Errorf("stats = %+v", st)
			}
		})
	}
}

func TestRateLimitHeadersAreHonoured(t *testing.T) {
	clock := newClock()
	f := newFake(t, testToken, clock.Now)
	f.heartbeat = 20 * time.Millisecond
	cps := &ingest.MemoryCheckpoints{}
	first := f.add(statusSpec{uri: uri(0), text: "old", tags: []string{"cned"}})
	cps.Save("mastodon/"+f.host()+"/cned", first)
	for i := 1; i <= 9; i++ {
		f.add(statusSpec{uri: uri(i), text: fmt.Sprint(i), tags: []string{"cned"}})
	}
	f.rateLimit(2, 5*time.Minute) // two requests per 5 minutes
	h := newHarness(t, Config{Instances: []string{f.URL()}, Hashtags: []string{"cned"}, BackfillLimit: 3}, harnessOpts{cps: cps, clock: clock})
	h.start()
	waitFor(t, "backfill", func() bool { return h.col.count() == 9 && strings.Contains(h.logs.String(), "backfill done") })
	// 4 requests (3+3+3+0): the second answer said Remaining 0, so the
	// source waited for the reset (5 min of the fake clock) before the third.
	waits := 0
	for _, w := range h.sleeps.all() {
		if w > 4*time.Minute && w <= 5*time.Minute {
			waits++
		}
	}
	calls := f.timelineLog()
	if waits != 1 || len(calls) != 4 {
		t.Errorf("waits %v, %d calls, want one ~5 min wait and 4 calls", h.sleeps.all(), len(calls))
	}
	var rl []ingest.Gap
	for _, g := range h.gaps.all() {
		if strings.Contains(g.Reason, "rate limited") {
			rl = append(rl, g)
		}
	}
	if len(rl) != 1 || rl[0].To.Sub(rl[0].From) != 5*time.Minute || !strings.Contains(rl[0].Reason, "X-RateLimit-Remaining") {
		t.Errorf("rate-limit gaps = %+v", rl)
	}
	if st := h.src.Stats(); st.RateLimitWaits != 1 {
		t.Errorf("stats = %+v", st)
	}
	if slices.ContainsFunc(calls, func(q url.Values) bool { return q.Get("min_id") == "" }) {
		t.Errorf("a call without min_id: %v", calls)
	}
}

func TestTooManyRequestsWaitsForReset(t *testing.T) {
	clock := newClock()
	f := newFake(t, testToken, clock.Now)
	f.heartbeat = 20 * time.Millisecond
	f.add(statusSpec{uri: uri(1), text: "posted before the start", tags: []string{"cned"}})
	f.force429 = 1 // the first timeline request gets 429, reset in 90 s
	h := newHarness(t, Config{Instances: []string{f.URL()}, Hashtags: []string{"cned"}}, harnessOpts{clock: clock})
	h.start()
	waitFor(t, "post after the 429", func() bool { return h.col.count() == 1 })
	if w := h.sleeps.all(); len(w) == 0 || w[0] != 90*time.Second {
		t.Errorf("waits = %v, want 90s first (X-RateLimit-Reset)", w)
	}
	if len(f.timelineLog()) != 2 {
		t.Errorf("timeline calls = %v, want the 429 then one retry", f.timelineLog())
	}
	g := h.gaps.all()
	if len(g) != 1 || !strings.Contains(g[0].Reason, "429") || g[0].To.Sub(g[0].From) != 90*time.Second {
		t.Errorf("gaps = %+v", g)
	}
}

func TestBadTokenBacksOffLong(t *testing.T) {
	for _, tr := range transports() {
		t.Run(tr, func(t *testing.T) {
			f := newFake(t, "the-right-token", time.Now)
			h := newHarness(t, Config{Instances: []string{f.URL()}, Hashtags: []string{"cned"}, Transport: tr}, harnessOpts{})
			h.start()
			waitFor(t, "auth failure", func() bool { return h.src.Stats().AuthFailures == 1 })
			time.Sleep(200 * time.Millisecond) // no retry may follow soon: the wait is long
			if n := f.streamCount(); n != 1 {
				t.Errorf("%d stream attempts, want 1 (no spinning on a bad token)", n)
			}
			if w := h.sleeps.all(); len(w) != 1 || w[0] != DefaultAuthBackoff {
				t.Errorf("waits = %v, want [%s]", w, DefaultAuthBackoff)
			}
			logs := h.logs.String()
			if !strings.Contains(logs, "refused the access token") || !strings.Contains(logs, "Invalid access token") {
				t.Errorf("the bad token is not logged clearly:\n%s", logs)
			}
			f.mu.Lock()
			defer f.mu.Unlock()
			if !slices.Contains(f.authSeen, "Bearer "+testToken) {
				t.Errorf("token not sent as a Bearer header: %q", f.authSeen)
			}
		})
	}
}

func TestMalformedFramesAreRejectedAndStreamGoesOn(t *testing.T) {
	for _, tr := range transports() {
		t.Run(tr, func(t *testing.T) {
			f := newFake(t, testToken, time.Now)
			h := newHarness(t, Config{Instances: []string{f.URL()}, Hashtags: []string{"cned"}, Transport: tr}, harnessOpts{})
			h.start()
			waitFor(t, "stream", func() bool { return f.openStreams() == 1 })
			waitFor(t, "initial backfill", func() bool { return len(f.timelineLog()) == 1 })
			noURI := string(statusJSON("5", f.host(), statusSpec{text: "no uri", tags: []string{"cned"}}))
			badDate := string(statusJSONWith("6", f.host(), statusSpec{uri: uri(6), text: "x", tags: []string{"cned"}},
				func(m map[string]any) { m["created_at"] = "yesterday" }))
			wsFrame := func(event, payload string) string {
				b, _ := json.Marshal(map[string]any{"stream": []string{"hashtag", "cned"}, "event": event, "payload": payload})
				return string(b)
			}
			f.raw("event: update\ndata: {not json\n\n", wsFrame("update", "{not json"))
			f.raw("event: update\ndata: "+noURI+"\n\n", wsFrame("update", noURI))
			f.raw("event: update\ndata: "+badDate+"\n\n", wsFrame("update", badDate))
			f.raw("event: update\ndata: "+strings.Repeat("x", maxFrameBytes+10)+"\n\n", `{"stream":["hashtag","cned"],"event":`)
			f.raw("event: filters_changed\ndata: undefined\n\n", `{"event":"filters_changed"}`) // no payload: ignored
			f.post(statusSpec{uri: uri(1), text: "still flowing", tags: []string{"cned"}})
			waitFor(t, "good post", func() bool { return h.col.count() == 1 && h.src.Stats().Received == 3 })
			reasons := h.rejects.reasons()
			want := []string{"malformed status JSON", "has no uri", "created_at", map[string]string{
				TransportSSE: "SSE line longer than", TransportWebSocket: "malformed WebSocket frame"}[tr]}
			if len(reasons) != len(want) {
				t.Fatalf("reasons = %q, want %d", reasons, len(want))
			}
			for i, w := range want {
				if !strings.HasPrefix(reasons[i], "mastodon: ") || !strings.Contains(reasons[i], w) {
					t.Errorf("reason %d = %q, want it to contain %q", i, reasons[i], w)
				}
			}
			h.rejects.mu.Lock()
			defer h.rejects.mu.Unlock()
			if m := h.rejects.msgs[0]; string(m.Value) != "{not json" || !strings.Contains(string(m.Key), f.host()) {
				t.Errorf("dead letter = key %q value %q", m.Key, m.Value)
			}
			if f.streamCount() != 1 {
				t.Errorf("the stream reconnected (%d) on bad frames", f.streamCount())
			}
		})
	}
}

func TestSilenceTimeoutReconnects(t *testing.T) {
	cases := []struct {
		name, transport string
		setup           func(f *fakeMastodon)
	}{
		{"sse-no-heartbeat", TransportSSE, func(f *fakeMastodon) { f.silent = true }},
		{"ws-no-pong", TransportWebSocket, func(f *fakeMastodon) { f.wsDeaf = true }},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := newFake(t, testToken, time.Now)
			c.setup(f)
			h := newHarness(t, Config{Instances: []string{f.URL()}, Hashtags: []string{"cned"}, Transport: c.transport,
				SilenceTimeout: 100 * time.Millisecond}, harnessOpts{})
			h.start()
			waitFor(t, "reconnects", func() bool { return f.streamCount() >= 3 && h.src.Stats().SilenceTimeouts >= 2 })
			if !strings.Contains(h.logs.String(), "silence timeout") {
				t.Error("silence timeout not logged")
			}
		})
	}
	t.Run("sse-no-headers", func(t *testing.T) {
		f := newFake(t, testToken, time.Now)
		f.hang = true
		h := newHarness(t, Config{Instances: []string{f.URL()}, Hashtags: []string{"cned"}, RequestTimeout: 100 * time.Millisecond}, harnessOpts{})
		h.start()
		waitFor(t, "retries", func() bool { return f.streamCount() >= 3 })
		if !strings.Contains(h.logs.String(), "no response headers within 100ms") {
			t.Error("header timeout not logged")
		}
	})
	t.Run("heartbeats-keep-it-open", func(t *testing.T) {
		f := newFake(t, testToken, time.Now)
		f.heartbeat = 20 * time.Millisecond
		h := newHarness(t, Config{Instances: []string{f.URL()}, Hashtags: []string{"cned"}, SilenceTimeout: 400 * time.Millisecond}, harnessOpts{})
		h.start()
		waitFor(t, "stream", func() bool { return f.openStreams() == 1 })
		time.Sleep(time.Second)
		if n, st := f.streamCount(), h.src.Stats(); n != 1 || st.SilenceTimeouts != 0 {
			t.Errorf("%d connections, stats %+v: heartbeats did not keep the stream open", n, st)
		}
	})
}

func TestCheckpointResumeAfterRestart(t *testing.T) {
	clock := newClock()
	f := newFake(t, testToken, clock.Now)
	f.heartbeat = 20 * time.Millisecond
	cps := &ingest.MemoryCheckpoints{}
	h1 := newHarness(t, Config{Instances: []string{f.URL()}, Hashtags: []string{"pronote"}}, harnessOpts{cps: cps, clock: clock})
	h1.start()
	waitFor(t, "stream", func() bool { return f.openStreams() == 1 })
	f.post(statusSpec{uri: uri(1), text: "A", tags: []string{"pronote"}})
	idB := f.post(statusSpec{uri: uri(2), text: "B", tags: []string{"pronote"}})
	waitFor(t, "A, B", func() bool { return h1.col.count() == 2 })
	waitFor(t, "checkpoint", func() bool { v, _, _ := cps.Load("mastodon/" + f.host() + "/pronote"); return v == idB })
	h1.stop()
	waitFor(t, "stream closed", func() bool { return f.openStreams() == 0 })

	f.add(statusSpec{uri: uri(3), text: "C while stopped", tags: []string{"pronote"}})
	f.add(statusSpec{uri: uri(4), text: "D while stopped", tags: []string{"pronote"}})
	before := len(f.timelineLog())
	clock.Advance(time.Minute)
	h2 := newHarness(t, Config{Instances: []string{f.URL()}, Hashtags: []string{"pronote"}}, harnessOpts{cps: cps, clock: clock})
	h2.start()
	waitFor(t, "C, D", func() bool { return h2.col.count() == 2 })
	waitFor(t, "gap", func() bool { return len(h2.gaps.all()) == 1 })
	if ids := postIDs(h2.col.all()); !slices.Equal(ids, []string{uri(3), uri(4)}) {
		t.Errorf("second run emitted %v, want C and D only", ids)
	}
	if q := f.timelineLog()[before]; q.Get("min_id") != idB {
		t.Errorf("first backfill query %v, want min_id=%s", q, idB)
	}
	g := h2.gaps.all()[0]
	bt, _ := snowflakeTime(idB, time.Now().Add(time.Hour))
	if !g.From.Equal(bt) || !strings.Contains(g.Reason, "restart") || !strings.Contains(g.Reason, "recovered 2 posts") {
		t.Errorf("gap = %+v, want from %s (time of B's id)", g, bt)
	}
	waitFor(t, "checkpoint D", func() bool {
		v, _, _ := cps.Load("mastodon/" + f.host() + "/pronote")
		return idLess(idB, v)
	})
}

func TestStreamingHostDiscovery(t *testing.T) {
	clock := newClock()
	streaming := newFake(t, testToken, clock.Now) // the streaming node
	web := newFake(t, testToken, clock.Now)       // the instance, advertising it
	web.streamingURL = "ws://" + streaming.host()
	h := newHarness(t, Config{Instances: []string{web.URL()}, Hashtags: []string{"cned"}}, harnessOpts{clock: clock})
	h.start()
	waitFor(t, "stream on the streaming host", func() bool { return streaming.openStreams() == 1 })
	if web.streamCount() != 0 {
		t.Error("streamed from the web host")
	}
	streaming.post(statusSpec{uri: uri(1), text: "via streaming host", tags: []string{"cned"}})
	waitFor(t, "post", func() bool { return h.col.count() == 1 })
	if len(web.timelineLog()) == 0 {
		t.Error("backfill did not use the web host")
	}
}

func TestEmitFailureStopsRun(t *testing.T) {
	f := newFake(t, testToken, time.Now)
	f.add(statusSpec{uri: uri(1), text: "x", tags: []string{"cned"}})
	h := newHarness(t, Config{Instances: []string{f.URL()}, Hashtags: []string{"cned"}}, harnessOpts{})
	boom := errors.New("kafka gone")
	done := make(chan error, 1)
	go func() {
		done <- h.src.Run(context.Background(), func(context.Context, []post.Post) error { return boom })
	}()
	select {
	case err := <-done:
		if !errors.Is(err, boom) {
			t.Errorf("Run = %v, want %v", err, boom)
		}
		// Nothing was published, so no position may be saved.
		if v, ok, _ := h.cps.Load("mastodon/" + f.host() + "/cned"); ok {
			t.Errorf("checkpoint saved (%s) although emit failed", v)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Run did not stop on an emit failure")
	}
}

// A live post that arrives while a backfill is still paging must not move
// the checkpoint past the part of the hole not yet backfilled: a stop at
// that moment would skip it for good.
func TestStreamDoesNotCheckpointPastAnUnfinishedBackfill(t *testing.T) {
	clock := newClock()
	f := newFake(t, testToken, clock.Now)
	f.heartbeat = 20 * time.Millisecond
	cps := &ingest.MemoryCheckpoints{}
	key := "mastodon/" + f.host() + "/cned"
	cps.Save(key, f.add(statusSpec{uri: uri(0), text: "seen before the stop", tags: []string{"cned"}}))
	for i := 1; i <= 6; i++ {
		f.add(statusSpec{uri: uri(i), text: fmt.Sprint(i), tags: []string{"cned"}})
	}
	f.rateLimit(1, time.Hour) // one page, then a reset too far for the sleeper: the backfill stalls
	h1 := newHarness(t, Config{Instances: []string{f.URL()}, Hashtags: []string{"cned"}, BackfillLimit: 2}, harnessOpts{cps: cps, clock: clock})
	h1.start()
	waitFor(t, "first page", func() bool { return h1.col.count() == 2 })
	waitFor(t, "stream", func() bool { return f.openStreams() == 1 })
	page1, _, _ := cps.Load(key)
	live := f.post(statusSpec{uri: uri(7), text: "live", tags: []string{"cned"}})
	waitFor(t, "live post", func() bool { return h1.col.count() == 3 })
	time.Sleep(20 * time.Millisecond)
	if v, _, _ := cps.Load(key); v != page1 || !idLess(v, live) {
		t.Errorf("checkpoint = %s, want it held at the first page (%s), below the live post %s", v, page1, live)
	}
	h1.stop()

	f.rateLimit(100, time.Hour)
	h2 := newHarness(t, Config{Instances: []string{f.URL()}, Hashtags: []string{"cned"}, BackfillLimit: 2}, harnessOpts{cps: cps, clock: clock})
	h2.start()
	waitFor(t, "rest of the hole", func() bool { return h2.col.count() == 5 })
	if ids := postIDs(h2.col.all()); !slices.Equal(ids, []string{uri(3), uri(4), uri(5), uri(6), uri(7)}) {
		t.Errorf("after the restart: %v", ids)
	}
	waitFor(t, "checkpoint at the live post", func() bool { v, _, _ := cps.Load(key); return v == live })
}

// Link headers pointing to another host are not followed: the token would
// go with the request.
func TestForeignLinksAreNotFollowed(t *testing.T) {
	clock := newClock()
	f := newFake(t, testToken, clock.Now)
	elsewhere := newFake(t, "other", clock.Now)
	f.linkBase = elsewhere.URL()
	cps := &ingest.MemoryCheckpoints{}
	cps.Save("mastodon/"+f.host()+"/cned", f.add(statusSpec{uri: uri(0), text: "0", tags: []string{"cned"}}))
	for i := 1; i <= 5; i++ {
		f.add(statusSpec{uri: uri(i), text: fmt.Sprint(i), tags: []string{"cned"}})
	}
	h := newHarness(t, Config{Instances: []string{f.URL()}, Hashtags: []string{"cned"}, BackfillLimit: 2}, harnessOpts{cps: cps, clock: clock})
	h.start()
	waitFor(t, "backfill", func() bool { return h.col.count() == 5 })
	if n := len(elsewhere.timelineLog()); n != 0 {
		t.Errorf("%d requests (with the token) followed a Link to another host", n)
	}
}
