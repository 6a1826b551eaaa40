package xapi

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"
)

// fakeClock is the time of a test: sleeps and timers advance it at once, so
// the documented minutes-long backoffs take no real time.
type fakeClock struct {
	mu     sync.Mutex
	t      time.Time
	sleeps []time.Duration
	// onSleep runs after each sleep with the number of sleeps so far
	// (tests cancel there to bound retry loops).
	onSleep func(n int, d time.Duration)
}

func newFakeClock(t time.Time) *fakeClock { return &fakeClock{t: t} }

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

func (c *fakeClock) Sleep(ctx context.Context, d time.Duration) bool {
	if ctx.Err() != nil {
		return false
	}
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.sleeps = append(c.sleeps, d)
	n, hook := len(c.sleeps), c.onSleep
	c.mu.Unlock()
	if hook != nil {
		hook(n, d)
	}
	time.Sleep(time.Millisecond) // never a hot loop, even if a test is wrong
	return ctx.Err() == nil
}

func (c *fakeClock) After(d time.Duration) <-chan time.Time {
	c.Advance(d)
	ch := make(chan time.Time, 1)
	ch <- c.Now()
	return ch
}

func (c *fakeClock) Sleeps() []time.Duration {
	c.mu.Lock()
	defer c.mu.Unlock()
	return slices.Clone(c.sleeps)
}

// fuser is a fixture author.
type fuser struct {
	ID, Username, Name, Location, Description string
}

func (u fuser) json() map[string]any {
	return map[string]any{"id": u.ID, "username": u.Username, "name": u.Name, "location": u.Location, "description": u.Description}
}

// ftweet is a fixture post, served by the stream and by recent search.
type ftweet struct {
	ID      uint64
	Created time.Time
	Text    string
	Tags    []string
	User    fuser
}

// idAt builds a snowflake id for time t (seq tells apart posts of the same ms).
func idAt(t time.Time, seq uint64) uint64 {
	return uint64(t.UnixMilli()-twitterEpoch)<<22 | seq&0x3fffff
}

func (f ftweet) data() map[string]any {
	tags := make([]map[string]any, 0, len(f.Tags))
	for _, t := range f.Tags {
		tags = append(tags, map[string]any{"start": 0, "end": len(t) + 1, "tag": t})
	}
	return map[string]any{
		"id": strconv.FormatUint(f.ID, 10), "text": f.Text, "created_at": f.Created.UTC().Format("2006-01-02T15:04:05.000Z"),
		"author_id": f.User.ID, "lang": "fr", "entities": map[string]any{"hashtags": tags},
		"edit_history_tweet_ids": []string{strconv.FormatUint(f.ID, 10)},
	}
}

// line is the stream message of f.
func (f ftweet) line() string {
	b, _ := json.Marshal(map[string]any{
		"data":           f.data(),
		"includes":       map[string]any{"users": []any{f.User.json()}},
		"matching_rules": []any{map[string]any{"id": "1377649934414049282", "tag": "vigie"}},
	})
	return string(b)
}

// step is one action of a scripted stream connection.
type step struct {
	status  int               // answer this status instead of 200 (first step only)
	header  map[string]string // with status; "{reset+N}" is replaced by clock+N s (epoch)
	body    string
	line    string        // a message, sent with "\r\n"
	raw     string        // bytes sent as they are
	keep    bool          // a keep-alive "\r\n"
	advance time.Duration // move the fake clock
	stall   bool          // send nothing more until the client goes away
	abort   bool          // cut the TCP connection (a network error mid-stream)
	wait    <-chan struct{}
}

// fakeX speaks the X API v2 endpoints Vigie uses: stream rules, the
// filtered stream (chunked NDJSON, "\r\n" keep-alives, scripted errors and
// disconnects) and recent search (since_id, start/end_time, next_token
// paging, max_results, rate-limit headers), with bearer-token auth.
type fakeX struct {
	t     *testing.T
	clock *fakeClock

	mu     sync.Mutex
	tokens map[string]bool // accepted everywhere
	// streamTokens, when set, are the only tokens the stream accepts.
	streamTokens map[string]bool
	// echoAuth puts the Authorization header in 401 bodies (a misbehaving
	// proxy), to prove the connector never repeats it.
	echoAuth  bool
	rules     []rule
	ruleSeq   int
	maxRule   int
	ruleCalls []string

	conns        [][]step // one script per stream connection, in order
	streamCalls  int
	streamParams []string

	tweets       []ftweet
	searchFaults []step // consumed one per search call: status/header/body
	searchCalls  []map[string]string
	pageTokens   map[string]int
	// remaining is x-rate-limit-remaining for search (counts down; the
	// window resets 15 min after the first call).
	remaining int
	resetAt   time.Time
}

func newFakeX(t *testing.T, clock *fakeClock, token string) (*fakeX, *httptest.Server) {
	fx := &fakeX{t: t, clock: clock, tokens: map[string]bool{token: true}, maxRule: 1024,
		pageTokens: map[string]int{}, remaining: 450}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /2/tweets/search/stream/rules", fx.listRules)
	mux.HandleFunc("POST /2/tweets/search/stream/rules", fx.postRules)
	mux.HandleFunc("GET /2/tweets/search/stream", fx.stream)
	mux.HandleFunc("GET /2/tweets/search/recent", fx.search)
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return fx, srv
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

func (fx *fakeX) authorized(w http.ResponseWriter, r *http.Request, accepted map[string]bool) bool {
	h := r.Header.Get("Authorization")
	tok, ok := strings.CutPrefix(h, "Bearer ")
	if ok && accepted[tok] {
		return true
	}
	detail := "Unauthorized"
	if fx.echoAuth {
		detail = "Unauthorized: got " + h
	}
	writeJSON(w, http.StatusUnauthorized, map[string]any{"title": "Unauthorized", "type": "about:blank", "status": 401, "detail": detail})
	return false
}

func (fx *fakeX) listRules(w http.ResponseWriter, r *http.Request) {
	fx.mu.Lock()
	defer fx.mu.Unlock()
	fx.ruleCalls = append(fx.ruleCalls, "GET")
	if !fx.authorized(w, r, fx.tokens) {
		return
	}
	lim := 1000
	if v := r.URL.Query().Get("max_results"); v != "" {
		lim, _ = strconv.Atoi(v)
	}
	start := 0
	if p := r.URL.Query().Get("pagination_token"); p != "" {
		start, _ = strconv.Atoi(strings.TrimPrefix(p, "rules-"))
	}
	end := min(start+lim, len(fx.rules))
	meta := map[string]any{"sent": fx.clock.Now().Format(time.RFC3339), "result_count": end - start}
	if end < len(fx.rules) {
		meta["next_token"] = "rules-" + strconv.Itoa(end)
	}
	out := map[string]any{"meta": meta}
	if end > start {
		out["data"] = fx.rules[start:end]
	}
	writeJSON(w, http.StatusOK, out)
}

func (fx *fakeX) postRules(w http.ResponseWriter, r *http.Request) {
	fx.mu.Lock()
	defer fx.mu.Unlock()
	if !fx.authorized(w, r, fx.tokens) {
		return
	}
	var req struct {
		Add    []rule `json:"add"`
		Delete *struct {
			IDs    []string `json:"ids"`
			Values []string `json:"values"`
		} `json:"delete"`
	}
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil || (req.Add == nil) == (req.Delete == nil) {
		writeJSON(w, http.StatusBadRequest, map[string]any{"title": "Invalid Request", "detail": "want add or delete", "type": "https://api.x.com/2/problems/invalid-request"})
		return
	}
	dry := r.URL.Query().Get("dry_run") == "true"
	sent := fx.clock.Now().Format(time.RFC3339)
	if req.Add != nil {
		var created []rule
		var errs []map[string]any
		invalid := 0
		for _, a := range req.Add {
			fx.ruleCalls = append(fx.ruleCalls, "add "+a.Value)
			dup := slices.ContainsFunc(fx.rules, func(x rule) bool { return x.Value == a.Value })
			switch {
			case utf8.RuneCountInString(a.Value) > fx.maxRule:
				invalid++
				errs = append(errs, map[string]any{"value": a.Value, "title": "RuleTooLong", "details": []string{"Rule too long"}, "type": "https://api.x.com/2/problems/invalid-rules"})
			case dup:
				errs = append(errs, map[string]any{"value": a.Value, "id": "0", "title": "DuplicateRule", "type": "https://api.x.com/2/problems/duplicate-rules"})
			default:
				fx.ruleSeq++
				nr := rule{ID: flexID(strconv.Itoa(1377649934414049000 + fx.ruleSeq)), Value: a.Value, Tag: a.Tag}
				created = append(created, nr)
				if !dry {
					fx.rules = append(fx.rules, nr)
				}
			}
		}
		out := map[string]any{"meta": map[string]any{"sent": sent, "summary": map[string]int{
			"created": len(created), "not_created": len(req.Add) - len(created), "valid": len(req.Add) - invalid, "invalid": invalid}}}
		if len(created) > 0 {
			out["data"] = created
		}
		if len(errs) > 0 {
			out["errors"] = errs
		}
		writeJSON(w, http.StatusCreated, out)
		return
	}
	deleted, notDeleted := 0, 0
	for _, id := range req.Delete.IDs {
		fx.ruleCalls = append(fx.ruleCalls, "delete "+id)
		i := slices.IndexFunc(fx.rules, func(x rule) bool { return string(x.ID) == id })
		if i < 0 {
			notDeleted++
			continue
		}
		deleted++
		if !dry {
			fx.rules = slices.Delete(fx.rules, i, i+1)
		}
	}
	writeJSON(w, http.StatusOK, map[string]any{"meta": map[string]any{"sent": sent,
		"summary": map[string]int{"deleted": deleted, "not_deleted": notDeleted}}})
}

func (fx *fakeX) expandHeader(h map[string]string) map[string]string {
	out := map[string]string{}
	for k, v := range h {
		if n, ok := strings.CutPrefix(v, "{reset+"); ok {
			secs, _ := strconv.Atoi(strings.TrimSuffix(n, "}"))
			v = strconv.FormatInt(fx.clock.Now().Add(time.Duration(secs)*time.Second).Unix(), 10)
		}
		out[k] = v
	}
	return out
}

func (fx *fakeX) stream(w http.ResponseWriter, r *http.Request) {
	fx.mu.Lock()
	accepted := fx.tokens
	if fx.streamTokens != nil {
		accepted = fx.streamTokens
	}
	fx.streamCalls++
	fx.streamParams = append(fx.streamParams, r.URL.RawQuery)
	if !fx.authorized(w, r, accepted) {
		fx.mu.Unlock()
		return
	}
	if len(fx.rules) == 0 {
		fx.mu.Unlock()
		writeJSON(w, http.StatusConflict, map[string]any{"title": "ConnectionException", "detail": "Stream has no rules", "type": "https://api.x.com/2/problems/streaming-connection"})
		return
	}
	var script []step
	if len(fx.conns) > 0 {
		script, fx.conns = fx.conns[0], fx.conns[1:]
	}
	fx.mu.Unlock()

	// Leading clock moves happen before the answer: time passed while the
	// client was away.
	for len(script) > 0 && script[0].advance > 0 {
		fx.clock.Advance(script[0].advance)
		script = script[1:]
	}
	if len(script) > 0 && script[0].status != 0 {
		for k, v := range fx.expandHeader(script[0].header) {
			w.Header().Set(k, v)
		}
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(script[0].status)
		_, _ = w.Write([]byte(script[0].body))
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(http.StatusOK)
	fl := w.(http.Flusher)
	fl.Flush()
	for _, s := range script {
		switch {
		case s.advance > 0:
			fx.clock.Advance(s.advance)
		case s.wait != nil:
			select {
			case <-s.wait:
			case <-r.Context().Done():
				return
			}
		case s.keep:
			_, _ = w.Write([]byte("\r\n"))
		case s.line != "":
			_, _ = w.Write([]byte(s.line + "\r\n"))
		case s.raw != "":
			_, _ = w.Write([]byte(s.raw))
		case s.abort:
			fl.Flush()
			panic(http.ErrAbortHandler)
		case s.stall:
			<-r.Context().Done()
			return
		}
		fl.Flush()
	}
	if len(script) == 0 {
		<-r.Context().Done() // no script left: an idle stream until the client goes
	}
}

// queryMatches applies a rule/query the way X would for the fixtures:
// #tag is an exact (case-insensitive) hashtag match, "phrase" a
// case-insensitive substring, clauses joined by OR.
func queryMatches(query string, f ftweet) bool {
	q := strings.TrimSuffix(query, " -is:retweet")
	q = strings.TrimSuffix(strings.TrimPrefix(q, "("), ")")
	for _, c := range strings.Split(q, " OR ") {
		if tag, ok := strings.CutPrefix(c, "#"); ok {
			if slices.ContainsFunc(f.Tags, func(t string) bool { return strings.EqualFold(t, tag) }) {
				return true
			}
			continue
		}
		if strings.Contains(strings.ToLower(f.Text), strings.ToLower(strings.Trim(c, `"`))) {
			return true
		}
	}
	return false
}

func (fx *fakeX) search(w http.ResponseWriter, r *http.Request) {
	fx.mu.Lock()
	defer fx.mu.Unlock()
	q := r.URL.Query()
	call := map[string]string{}
	for k := range q {
		call[k] = q.Get(k)
	}
	fx.searchCalls = append(fx.searchCalls, call)
	if !fx.authorized(w, r, fx.tokens) {
		return
	}
	now := fx.clock.Now()
	if fx.resetAt.IsZero() || !now.Before(fx.resetAt) {
		fx.resetAt, fx.remaining = now.Add(15*time.Minute), 450
	}
	if len(fx.searchFaults) > 0 {
		f := fx.searchFaults[0]
		fx.searchFaults = fx.searchFaults[1:]
		for k, v := range fx.expandHeader(f.header) {
			w.Header().Set(k, v)
		}
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(f.status)
		_, _ = w.Write([]byte(f.body))
		return
	}
	bad := func(detail string) {
		writeJSON(w, http.StatusBadRequest, map[string]any{"errors": []any{map[string]any{"parameters": map[string]any{}, "message": detail}},
			"title": "Invalid Request", "detail": detail, "type": "https://api.x.com/2/problems/invalid-request"})
	}
	query := q.Get("query")
	if query == "" || utf8.RuneCountInString(query) > 512 {
		bad("query must be 1..512 characters")
		return
	}
	lim := 10
	if v := q.Get("max_results"); v != "" {
		lim, _ = strconv.Atoi(v)
		if lim < 10 || lim > 100 {
			bad("max_results must be within 10..100")
			return
		}
	}
	var since uint64
	var start, end time.Time
	if v := q.Get("since_id"); v != "" {
		since, _ = strconv.ParseUint(v, 10, 64)
	}
	if v := q.Get("start_time"); v != "" {
		start, _ = time.Parse(time.RFC3339, v)
		if start.Before(now.Add(-7 * 24 * time.Hour)) {
			bad("Invalid 'start_time':'" + v + "'. 'start_time' must be on or after " + now.Add(-7*24*time.Hour).Format(time.RFC3339))
			return
		}
	}
	end = now.Add(-30 * time.Second)
	if v := q.Get("end_time"); v != "" {
		end, _ = time.Parse(time.RFC3339, v)
		if end.After(now.Add(-10 * time.Second)) {
			bad("Invalid 'end_time':'" + v + "'. 'end_time' must be a minimum of 10 seconds prior to the request time.")
			return
		}
	}
	if !strings.Contains(q.Get("tweet.fields"), "created_at") || !strings.Contains(q.Get("expansions"), "author_id") {
		bad("the fake wants created_at and the author_id expansion")
		return
	}
	var hits []ftweet
	for _, f := range fx.tweets {
		if f.ID > since && !f.Created.Before(start) && f.Created.Before(end) && queryMatches(query, f) {
			hits = append(hits, f)
		}
	}
	slices.SortFunc(hits, func(a, b ftweet) int { return -cmpU(a.ID, b.ID) })
	off := 0
	if tok := q.Get("next_token"); tok != "" {
		var ok bool
		if off, ok = fx.pageTokens[tok]; !ok {
			bad("invalid next_token")
			return
		}
	}
	page := hits[min(off, len(hits)):min(off+lim, len(hits))]
	fx.remaining--
	w.Header().Set("x-rate-limit-limit", "450")
	w.Header().Set("x-rate-limit-remaining", strconv.Itoa(max(fx.remaining, 0)))
	w.Header().Set("x-rate-limit-reset", strconv.FormatInt(fx.resetAt.Unix(), 10))
	meta := map[string]any{"result_count": len(page)}
	out := map[string]any{"meta": meta}
	if len(page) > 0 {
		var data, users []any
		seen := map[string]bool{}
		for _, f := range page {
			data = append(data, f.data())
			if !seen[f.User.ID] {
				seen[f.User.ID] = true
				users = append(users, f.User.json())
			}
		}
		out["data"] = data
		out["includes"] = map[string]any{"users": users}
		meta["newest_id"] = strconv.FormatUint(page[0].ID, 10)
		meta["oldest_id"] = strconv.FormatUint(page[len(page)-1].ID, 10)
		if off+lim < len(hits) {
			tok := fmt.Sprintf("b26v89c19zqg8o3fo%06d", len(fx.pageTokens)+1)
			fx.pageTokens[tok] = off + lim
			meta["next_token"] = tok
		}
	}
	writeJSON(w, http.StatusOK, out)
}

func cmpU(a, b uint64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}
