package bluesky

import (
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
)

// Secrets of the fake account: tests grep logs and errors for them.
const (
	testIdentifier = "vigie-test.bsky.social"
	testPassword   = "hunter2-app-pass-XYZZY"
	accessPrefix   = "eyJACCESS-SECRET-"
	refreshPrefix  = "eyJREFRESH-SECRET-"
)

// fakeXRPC is a PDS with createSession, refreshSession and searchPosts.
// Access tokens listed in expireAfter answer 401 ExpiredToken once they have
// served that many searches; searches whose 1-based number is in
// rateLimited answer 429 RateLimitExceeded with RateLimit-* headers (Reset
// in epoch seconds, resetIn after the fake's clock); remainingZero marks
// searches whose successful answer says no request remains.
type fakeXRPC struct {
	t     *testing.T
	srv   *httptest.Server
	now   func() time.Time
	posts []json.RawMessage

	mu            sync.Mutex
	pageSize      int
	expireAfter   map[int]int // token generation -> searches served before it expires
	rateLimited   map[int]bool
	remainingZero map[int]bool
	resetIn       time.Duration
	forbiddenHTML bool
	revokeRefresh bool // refreshSession always refused

	gen         int
	access      map[string]int // token -> generation
	served      map[string]int // token -> searches served
	refresh     map[string]bool
	creates     int
	refreshes   int
	searches    int
	queries     []url.Values
	authHeaders []string
}

func newFakeXRPC(t *testing.T, now func() time.Time, posts []json.RawMessage) *fakeXRPC {
	f := &fakeXRPC{t: t, now: now, posts: posts, pageSize: 2, resetIn: 7 * time.Second,
		expireAfter: map[int]int{}, rateLimited: map[int]bool{}, remainingZero: map[int]bool{},
		access: map[string]int{}, served: map[string]int{}, refresh: map[string]bool{}}
	f.srv = httptest.NewServer(f)
	t.Cleanup(f.srv.Close)
	return f
}

func (f *fakeXRPC) counts() (creates, refreshes, searches int) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.creates, f.refreshes, f.searches
}

func (f *fakeXRPC) searchQueries() []url.Values {
	f.mu.Lock()
	defer f.mu.Unlock()
	return slices.Clone(f.queries)
}

func xrpcErr(w http.ResponseWriter, status int, name, msg string) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(map[string]string{"error": name, "message": msg})
}

func (f *fakeXRPC) issue() map[string]string {
	f.gen++
	a, r := fmt.Sprintf("%s%d", accessPrefix, f.gen), fmt.Sprintf("%s%d", refreshPrefix, f.gen)
	f.access[a] = f.gen
	f.refresh[r] = true
	return map[string]string{"accessJwt": a, "refreshJwt": r, "did": "did:plc:vigietest", "handle": testIdentifier}
}

func (f *fakeXRPC) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	f.mu.Lock()
	defer f.mu.Unlock()
	bearer, _ := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	switch r.URL.Path {
	case "/xrpc/com.atproto.server.createSession":
		f.creates++
		var in struct{ Identifier, Password string }
		if r.Method != http.MethodPost || json.NewDecoder(r.Body).Decode(&in) != nil {
			xrpcErr(w, http.StatusBadRequest, "InvalidRequest", "Input must be an object")
			return
		}
		if in.Identifier != testIdentifier || in.Password != testPassword {
			xrpcErr(w, http.StatusUnauthorized, "AuthenticationRequired", "Invalid identifier or password")
			return
		}
		w.Header().Set("Content-Type", "application/json")
		json.NewEncoder(w).Encode(f.issue())
	case "/xrpc/com.atproto.server.refreshSession":
		f.refreshes++
		if f.revokeRefresh || !f.refresh[bearer] {
			xrpcErr(w, http.StatusBadRequest, "ExpiredToken", "Token has been revoked")
			return
		}
		delete(f.refresh, bearer)
		w.Header().Set("Content-Type", "application/json")
		json.NewEncoder(w).Encode(f.issue())
	case "/xrpc/app.bsky.feed.searchPosts":
		f.search(w, r, bearer)
	default:
		xrpcErr(w, http.StatusNotImplemented, "MethodNotImplemented", "Method Not Implemented")
	}
}

func (f *fakeXRPC) search(w http.ResponseWriter, r *http.Request, bearer string) {
	f.searches++
	f.authHeaders = append(f.authHeaders, r.Header.Get("Authorization"))
	n := f.searches
	q := r.URL.Query()
	f.queries = append(f.queries, q)
	if f.forbiddenHTML {
		w.Header().Set("Content-Type", "text/html")
		w.WriteHeader(http.StatusForbidden)
		fmt.Fprint(w, "<html><body><h1>403 Forbidden</h1>Request forbidden by administrative rules</body></html>")
		return
	}
	gen, ok := f.access[bearer]
	switch {
	case bearer == "":
		xrpcErr(w, http.StatusUnauthorized, "AuthMissing", "Authentication Required")
		return
	case !ok:
		xrpcErr(w, http.StatusUnauthorized, "InvalidToken", "Bad token scope")
		return
	}
	if limit, expires := f.expireAfter[gen]; expires && f.served[bearer] >= limit {
		xrpcErr(w, http.StatusUnauthorized, "ExpiredToken", "Token has expired")
		return
	}
	reset := f.now().Add(f.resetIn).Unix()
	w.Header().Set("RateLimit-Limit", "3000")
	w.Header().Set("RateLimit-Policy", "3000;w=300")
	w.Header().Set("RateLimit-Reset", strconv.FormatInt(reset, 10))
	if f.rateLimited[n] {
		w.Header().Set("RateLimit-Remaining", "0")
		xrpcErr(w, http.StatusTooManyRequests, "RateLimitExceeded", "Rate Limit Exceeded")
		return
	}
	if f.remainingZero[n] {
		w.Header().Set("RateLimit-Remaining", "0")
	} else {
		w.Header().Set("RateLimit-Remaining", "2999")
	}
	term := strings.Trim(q.Get("q"), `"`)
	if term == "" {
		xrpcErr(w, http.StatusBadRequest, "BadQueryString", "q is required")
		return
	}
	limit, err := strconv.Atoi(q.Get("limit"))
	if err != nil || limit < 1 || limit > 100 {
		xrpcErr(w, http.StatusBadRequest, "InvalidRequest", "limit must be within 1..100")
		return
	}
	since, _ := time.Parse(time.RFC3339Nano, q.Get("since"))
	until, _ := time.Parse(time.RFC3339Nano, q.Get("until"))
	var hits []json.RawMessage
	for _, p := range f.posts {
		if !strings.Contains(strings.ToLower(string(p)), strings.ToLower(term)) {
			continue
		}
		var v struct {
			Record struct {
				CreatedAt string `json:"createdAt"`
			} `json:"record"`
		}
		if json.Unmarshal(p, &v) == nil {
			if t, err := time.Parse(time.RFC3339Nano, v.Record.CreatedAt); err == nil {
				if (!since.IsZero() && t.Before(since)) || (!until.IsZero() && !t.Before(until)) {
					continue
				}
			}
		}
		hits = append(hits, p)
	}
	off := 0
	if c := q.Get("cursor"); c != "" {
		off, _ = strconv.Atoi(c)
	}
	size := min(limit, f.pageSize)
	end := min(off+size, len(hits))
	out := map[string]any{"hitsTotal": len(hits), "posts": hits[min(off, len(hits)):end]}
	if end < len(hits) {
		out["cursor"] = strconv.Itoa(end)
	}
	f.served[bearer]++
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	json.NewEncoder(w).Encode(out)
}

// postViewJSON builds a searchPosts postView.
func postViewJSON(did, rkey, text string, created time.Time) json.RawMessage {
	return mustJSON(map[string]any{
		"uri":    atURI(did, rkey),
		"cid":    "bafy" + rkey,
		"author": map[string]any{"did": did, "handle": "someone.bsky.social", "displayName": "Quelqu'un"},
		"record": map[string]any{"$type": collectionPost, "text": text,
			"createdAt": created.Format("2006-01-02T15:04:05.000Z"), "langs": []string{"fr"}},
		"indexedAt": created.Add(time.Second).Format("2006-01-02T15:04:05.000Z"),
		"likeCount": 0,
	})
}
