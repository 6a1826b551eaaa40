package mastodon

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/coder/websocket"
)

// fakeMastodon is a local Mastodon instance speaking the documented
// protocols: the SSE hashtag stream (":)" greeting, ":thump" heartbeats,
// event:/data: frames), the multiplexed WebSocket (token checked before the
// upgrade, subscribe messages, payload as a JSON string, server pings), the
// REST hashtag timeline (limit <= 40, max_id/since_id/min_id, Link header
// only on non-empty pages, X-RateLimit-* headers with an ISO reset, 429),
// /api/v2/instance and the health check.
type fakeMastodon struct {
	t     testing.TB
	srv   *httptest.Server
	token string
	now   func() time.Time // the clock behind rate-limit resets

	// Set before use.
	heartbeat time.Duration // 0: none
	wsPing    time.Duration // 0: none
	// streamingURL is what /api/v2/instance advertises ("" -> own ws:// URL).
	streamingURL string
	// linkBase replaces the server's own URL in Link headers (a hostile or
	// broken instance pointing elsewhere).
	linkBase string

	done chan struct{}

	mu         sync.Mutex
	seq        int64
	timeline   map[string][]fakeStatus // by normalised tag, ascending ids
	subs       map[*fakeSub]bool
	streamDown bool // stream requests: 503, and open streams were cut
	silent     bool // streams: greeting, then nothing at all
	hang       bool // SSE: never answer (no headers)
	wsDeaf     bool // WebSocket: accept, then never read, write nor pong
	// REST rate limit: remaining requests until reset; -1: unlimited.
	remaining, limit int
	reset            time.Time
	window           time.Duration
	force429         int // the next N timeline requests answer 429
	// Request log.
	streamRequests int
	wsSubscribes   []string
	timelineCalls  []url.Values
	authSeen       []string
}

type fakeStatus struct {
	id   string
	tags []string // normalised
	json []byte
}

type fakeSub struct {
	ws     bool
	mu     sync.Mutex
	tags   map[string]bool
	frames chan string
	kill   chan struct{}
}

func newFake(t testing.TB, token string, now func() time.Time) *fakeMastodon {
	f := &fakeMastodon{t: t, token: token, now: now, done: make(chan struct{}),
		timeline: map[string][]fakeStatus{}, subs: map[*fakeSub]bool{}, remaining: -1}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /api/v1/streaming/health", func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, "OK") })
	mux.HandleFunc("GET /api/v2/instance", f.serveInstance)
	mux.HandleFunc("GET /api/v1/streaming/hashtag", f.serveSSE)
	mux.HandleFunc("GET /api/v1/streaming", f.serveWS)
	mux.HandleFunc("GET /api/v1/timelines/tag/{tag}", f.serveTimeline)
	f.srv = httptest.NewServer(mux)
	t.Cleanup(func() {
		close(f.done)
		f.srv.CloseClientConnections()
		f.srv.Close()
	})
	return f
}

func (f *fakeMastodon) URL() string  { return f.srv.URL }
func (f *fakeMastodon) host() string { u, _ := url.Parse(f.srv.URL); return u.Host }

// checkAuth answers like streaming/index.js and the Rails API: 401 without
// or with a wrong token. It reports whether the request may go on.
func (f *fakeMastodon) checkAuth(w http.ResponseWriter, r *http.Request, required, ws bool) bool {
	if r.URL.Query().Has("access_token") {
		f.t.Errorf("token sent in the query string (it ends up in access logs)")
	}
	h := r.Header.Get("Authorization")
	f.mu.Lock()
	f.authSeen = append(f.authSeen, h)
	f.mu.Unlock()
	var msg string
	switch {
	case h == "" && required:
		msg = "Missing access token"
	case h != "" && h != "Bearer "+f.token:
		msg = "Invalid access token"
	default:
		return true
	}
	if ws { // before the upgrade: a raw 401, empty body, X-Error-Message
		w.Header().Set("X-Error-Message", msg)
		w.Header().Set("Content-Length", "0")
		w.WriteHeader(http.StatusUnauthorized)
		return false
	}
	if !required {
		msg = "The access token is invalid"
	}
	writeJSON(w, http.StatusUnauthorized, map[string]string{"error": msg})
	return false
}

func writeJSON(w http.ResponseWriter, code int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(code)
	json.NewEncoder(w).Encode(v)
}

func (f *fakeMastodon) serveInstance(w http.ResponseWriter, r *http.Request) {
	su := f.streamingURL
	if su == "" {
		su = "ws://" + f.host()
	}
	writeJSON(w, http.StatusOK, map[string]any{"domain": f.host(), "configuration": map[string]any{"urls": map[string]string{"streaming": su}}})
}

func (f *fakeMastodon) register(sub *fakeSub) bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.streamDown {
		return false
	}
	f.subs[sub] = true
	return true
}

func (f *fakeMastodon) unregister(sub *fakeSub) {
	f.mu.Lock()
	delete(f.subs, sub)
	f.mu.Unlock()
}

func (f *fakeMastodon) countStream() {
	f.mu.Lock()
	f.streamRequests++
	f.mu.Unlock()
}

func (f *fakeMastodon) serveSSE(w http.ResponseWriter, r *http.Request) {
	f.countStream()
	if !f.checkAuth(w, r, true, false) {
		return
	}
	tag := NormalizeTag(r.URL.Query().Get("tag"))
	if tag == "" {
		writeJSON(w, http.StatusBadRequest, map[string]string{"error": "Missing tag name parameter"})
		return
	}
	f.mu.Lock()
	hang := f.hang
	f.mu.Unlock()
	if hang {
		select {
		case <-r.Context().Done():
		case <-f.done:
		}
		return
	}
	sub := &fakeSub{tags: map[string]bool{tag: true}, frames: make(chan string, 1024), kill: make(chan struct{})}
	if !f.register(sub) {
		writeJSON(w, http.StatusServiceUnavailable, map[string]string{"error": "An unexpected error occurred"})
		return
	}
	defer f.unregister(sub)
	f.mu.Lock()
	silent := f.silent
	f.mu.Unlock()
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "private, no-store")
	w.WriteHeader(http.StatusOK)
	fl := w.(http.Flusher)
	fmt.Fprint(w, ":)\n")
	fl.Flush()
	var tick <-chan time.Time
	if f.heartbeat > 0 && !silent {
		tk := time.NewTicker(f.heartbeat)
		defer tk.Stop()
		tick = tk.C
	}
	for {
		select {
		case fr := <-sub.frames:
			fmt.Fprint(w, fr)
			fl.Flush()
		case <-tick:
			fmt.Fprint(w, ":thump\n\n")
			fl.Flush()
		case <-sub.kill:
			panic(http.ErrAbortHandler) // cut the connection, no clean end
		case <-r.Context().Done():
			return
		case <-f.done:
			return
		}
	}
}

func (f *fakeMastodon) serveWS(w http.ResponseWriter, r *http.Request) {
	f.countStream()
	if !f.checkAuth(w, r, true, true) {
		return
	}
	q := r.URL.Query()
	sub := &fakeSub{ws: true, tags: map[string]bool{}, frames: make(chan string, 1024), kill: make(chan struct{})}
	if q.Get("stream") == "hashtag" && q.Get("tag") != "" {
		sub.tags[NormalizeTag(q.Get("tag"))] = true
		f.mu.Lock()
		f.wsSubscribes = append(f.wsSubscribes, "query:"+q.Get("tag"))
		f.mu.Unlock()
	}
	f.mu.Lock()
	deaf := f.wsDeaf
	f.mu.Unlock()
	// Subscribed before the upgrade completes, as a real server is by the
	// time the client can ask for the backfill.
	if !f.register(sub) {
		http.Error(w, "", http.StatusServiceUnavailable)
		return
	}
	defer f.unregister(sub)
	c, err := websocket.Accept(w, r, nil)
	if err != nil {
		f.t.Errorf("fake: accept: %v", err)
		return
	}
	defer c.CloseNow()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	if deaf {
		select {
		case <-sub.kill:
		case <-f.done:
		}
		return
	}
	go func() { // subscribe/unsubscribe messages
		defer cancel()
		for {
			typ, data, err := c.Read(ctx)
			if err != nil {
				return
			}
			if typ != websocket.MessageText {
				c.Close(websocket.StatusUnsupportedData, "binary")
				return
			}
			var m struct{ Type, Stream, Tag string }
			if json.Unmarshal(data, &m) != nil || m.Stream != "hashtag" {
				c.Write(ctx, websocket.MessageText, []byte(`{"error":"Unknown stream type","status":400}`))
				continue
			}
			if m.Tag == "" {
				c.Write(ctx, websocket.MessageText, []byte(`{"error":"Missing tag name parameter","status":400}`))
				continue
			}
			sub.mu.Lock()
			if m.Type == "subscribe" {
				sub.tags[NormalizeTag(m.Tag)] = true
			} else if m.Type == "unsubscribe" {
				delete(sub.tags, NormalizeTag(m.Tag))
			}
			sub.mu.Unlock()
			f.mu.Lock()
			f.wsSubscribes = append(f.wsSubscribes, m.Type+":"+m.Tag)
			f.mu.Unlock()
		}
	}()
	var tick <-chan time.Time
	if f.wsPing > 0 {
		tk := time.NewTicker(f.wsPing)
		defer tk.Stop()
		tick = tk.C
	}
	for {
		select {
		case fr := <-sub.frames:
			if err := c.Write(ctx, websocket.MessageText, []byte(fr)); err != nil {
				return
			}
		case <-tick:
			go func() {
				pctx, pcancel := context.WithTimeout(ctx, 5*time.Second)
				defer pcancel()
				if c.Ping(pctx) != nil {
					c.CloseNow() // no pong since the last ping: terminate
				}
			}()
		case <-sub.kill:
			return // CloseNow: an abrupt close
		case <-ctx.Done():
			return
		case <-f.done:
			return
		}
	}
}

// serveTimeline is GET /api/v1/timelines/tag/:hashtag.
func (f *fakeMastodon) serveTimeline(w http.ResponseWriter, r *http.Request) {
	if !f.checkAuth(w, r, false, false) {
		return
	}
	q := r.URL.Query()
	f.mu.Lock()
	f.timelineCalls = append(f.timelineCalls, q)
	now := f.now()
	if f.force429 > 0 {
		f.force429--
		reset := now.Add(90 * time.Second)
		f.mu.Unlock()
		f.rateHeaders(w, 0, reset)
		writeJSON(w, http.StatusTooManyRequests, map[string]string{"error": "Too many requests"})
		return
	}
	if f.remaining >= 0 {
		if !now.Before(f.reset) {
			f.remaining, f.reset = f.limit, now.Add(f.window)
		}
		if f.remaining == 0 {
			reset := f.reset
			f.mu.Unlock()
			f.rateHeaders(w, 0, reset)
			writeJSON(w, http.StatusTooManyRequests, map[string]string{"error": "Too many requests"})
			return
		}
		f.remaining--
		f.rateHeaders(w, f.remaining, f.reset)
	}
	all := slices.Clone(f.timeline[NormalizeTag(r.PathValue("tag"))])
	f.mu.Unlock()

	limit := 20
	if v, err := strconv.Atoi(q.Get("limit")); err == nil && v > 0 {
		limit = min(v, 40)
	}
	var sel []fakeStatus
	if minID := q.Get("min_id"); minID != "" { // the page immediately after min_id
		for _, s := range all {
			if idLess(minID, s.id) && len(sel) < limit {
				sel = append(sel, s)
			}
		}
		slices.Reverse(sel)
	} else {
		maxID, sinceID := q.Get("max_id"), q.Get("since_id")
		for i := len(all) - 1; i >= 0 && len(sel) < limit; i-- {
			s := all[i]
			if (maxID == "" || idLess(s.id, maxID)) && (sinceID == "" || idLess(sinceID, s.id)) {
				sel = append(sel, s)
			}
		}
	}
	if len(sel) > 0 {
		base := f.srv.URL + r.URL.Path
		if f.linkBase != "" {
			base = f.linkBase + r.URL.Path
		}
		w.Header().Set("Link", fmt.Sprintf(`<%s?limit=%d&max_id=%s>; rel="next", <%s?limit=%d&min_id=%s>; rel="prev"`,
			base, limit, sel[len(sel)-1].id, base, limit, sel[0].id))
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	parts := make([]string, len(sel))
	for i, s := range sel {
		parts[i] = string(s.json)
	}
	fmt.Fprint(w, "["+strings.Join(parts, ",")+"]")
}

func (f *fakeMastodon) rateHeaders(w http.ResponseWriter, remaining int, reset time.Time) {
	w.Header().Set("X-RateLimit-Limit", "300")
	w.Header().Set("X-RateLimit-Remaining", strconv.Itoa(remaining))
	w.Header().Set("X-RateLimit-Reset", reset.UTC().Format("2006-01-02T15:04:05.000000Z"))
}

// rateLimit makes the timeline allow n requests per window.
func (f *fakeMastodon) rateLimit(n int, window time.Duration) {
	f.mu.Lock()
	f.limit, f.remaining, f.window, f.reset = n, n, window, f.now().Add(window)
	f.mu.Unlock()
}

// nextID returns a snowflake id: milliseconds << 16 | sequence.
func (f *fakeMastodon) nextID() string {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.seq++
	return strconv.FormatUint(uint64(time.Now().UnixMilli())<<16|uint64(f.seq&0xffff), 10)
}

// add stores a status in its hashtags' timelines without streaming it (it
// arrived while nobody listened). It returns the local id.
func (f *fakeMastodon) add(sp statusSpec) string {
	id := f.nextID()
	b := statusJSON(id, f.host(), sp)
	f.mu.Lock()
	defer f.mu.Unlock()
	fs := fakeStatus{id: id, json: b}
	for _, t := range sp.tags {
		fs.tags = append(fs.tags, NormalizeTag(t))
	}
	for _, t := range fs.tags {
		f.timeline[t] = append(f.timeline[t], fs)
	}
	return id
}

// post stores a status and streams it as an update on each of its hashtags.
func (f *fakeMastodon) post(sp statusSpec) string {
	id := f.add(sp)
	f.mu.Lock()
	defer f.mu.Unlock()
	tl := f.timeline[NormalizeTag(sp.tags[0])]
	f.broadcastLocked(tl[len(tl)-1].tags, "update", tl[len(tl)-1].json)
	return id
}

// edit streams a status.update for a stored status.
func (f *fakeMastodon) edit(id string, sp statusSpec) {
	b := statusJSON(id, f.host(), sp)
	f.mu.Lock()
	defer f.mu.Unlock()
	var tags []string
	for _, t := range sp.tags {
		tags = append(tags, NormalizeTag(t))
		tl := f.timeline[NormalizeTag(t)]
		for i := range tl {
			if tl[i].id == id {
				tl[i].json = b
			}
		}
	}
	f.broadcastLocked(tags, "status.update", b)
}

// del streams a delete (the bare id) on tags.
func (f *fakeMastodon) del(id string, tags ...string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	for i := range tags {
		tags[i] = NormalizeTag(tags[i])
	}
	f.broadcastLocked(tags, "delete", []byte(id))
}

func (f *fakeMastodon) broadcastLocked(tags []string, event string, payload []byte) {
	for sub := range f.subs {
		sub.mu.Lock()
		for _, t := range tags {
			if !sub.tags[t] {
				continue
			}
			if sub.ws {
				fr, _ := json.Marshal(map[string]any{"stream": []string{"hashtag", t}, "event": event, "payload": string(payload)})
				sub.frames <- string(fr)
			} else {
				sub.frames <- "event: " + event + "\ndata: " + string(payload) + "\n\n"
			}
		}
		sub.mu.Unlock()
	}
}

// raw sends a frame as is to every open stream (SSE text or WS message).
func (f *fakeMastodon) raw(sse, ws string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	for sub := range f.subs {
		if sub.ws {
			sub.frames <- ws
		} else {
			sub.frames <- sse
		}
	}
}

// setStreamDown cuts every open stream and refuses new ones (503), or lets
// them in again.
func (f *fakeMastodon) setStreamDown(down bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.streamDown = down
	if down {
		for sub := range f.subs {
			close(sub.kill)
			delete(f.subs, sub)
		}
	}
}

func (f *fakeMastodon) openStreams() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return len(f.subs)
}

func (f *fakeMastodon) streamCount() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.streamRequests
}

func (f *fakeMastodon) timelineLog() []url.Values {
	f.mu.Lock()
	defer f.mu.Unlock()
	return slices.Clone(f.timelineCalls)
}

// statusSpec describes a status for statusJSON.
type statusSpec struct {
	uri      string
	text     string   // plain text before the hashtag links
	tags     []string // as the author wrote them
	acct     string   // "" -> prof_hg@piaille.example
	lang     string
	spoiler  string
	editedAt string
	created  time.Time
	reblogOf *statusSpec
}

// statusJSON renders a Status entity as Mastodon sends it.
func statusJSON(id, host string, sp statusSpec) []byte {
	return statusJSONWith(id, host, sp, nil)
}

// statusJSONWith lets edit change the map before it is encoded.
func statusJSONWith(id, host string, sp statusSpec, edit func(map[string]any)) []byte {
	m := statusMap(id, host, sp)
	if edit != nil {
		edit(m)
	}
	b, err := json.Marshal(m)
	if err != nil {
		panic(err)
	}
	return b
}

func statusMap(id, host string, sp statusSpec) map[string]any {
	if sp.created.IsZero() {
		sp.created = time.Now().UTC().Add(-time.Minute).Truncate(time.Millisecond)
	}
	acct := sp.acct
	if acct == "" {
		acct = "prof_hg@piaille.example"
	}
	var content strings.Builder
	content.WriteString("<p>" + htmlEscape(sp.text))
	var tags []map[string]string
	for _, t := range sp.tags {
		fmt.Fprintf(&content, ` <a href="https://%s/tags/%s" class="mention hashtag" rel="tag">#<span>%s</span></a>`, host, t, t)
		tags = append(tags, map[string]string{"name": NormalizeTag(t), "url": "https://" + host + "/tags/" + NormalizeTag(t)})
	}
	content.WriteString("</p>")
	var lang any
	if sp.lang != "" {
		lang = sp.lang
	}
	var edited any
	if sp.editedAt != "" {
		edited = sp.editedAt
	}
	var reblog any
	if sp.reblogOf != nil {
		reblog = statusMap(id+"0", host, *sp.reblogOf)
	}
	username, _, _ := strings.Cut(acct, "@")
	return map[string]any{
		"id": id, "created_at": sp.created.Format("2006-01-02T15:04:05.000Z"),
		"in_reply_to_id": nil, "in_reply_to_account_id": nil,
		"sensitive": sp.spoiler != "", "spoiler_text": sp.spoiler, "visibility": "public", "language": lang,
		"uri": sp.uri, "url": strings.Replace(sp.uri, "/users/", "/@", 1),
		"replies_count": 0, "reblogs_count": 0, "favourites_count": 0, "edited_at": edited,
		"content": content.String(), "reblog": reblog,
		"account": map[string]any{
			"id": "109876543210987654", "username": username, "acct": acct, "display_name": "Mme Durand 📚",
			"locked": false, "bot": false, "created_at": "2022-11-05T00:00:00.000Z",
			"note": `<p>Prof d&#39;histoire-géo en collège, Lyon. <a href="https://piaille.example/tags/EducNat" class="mention hashtag" rel="tag">#<span>EducNat</span></a></p>`,
			"url":  "https://piaille.example/@" + username, "uri": "https://piaille.example/users/" + username,
			"fields": []map[string]any{{"name": "Site", "value": `<a href="https://example.org">example.org</a>`, "verified_at": nil}, {"name": "Localisation", "value": "Lyon (69)", "verified_at": nil}},
		},
		"media_attachments": []any{}, "mentions": []any{}, "tags": tags, "emojis": []any{}, "card": nil, "poll": nil,
	}
}

func htmlEscape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", "'", "&#39;", `"`, "&quot;").Replace(s)
}
