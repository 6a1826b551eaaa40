package bluesky

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/vigie-edu/vigie/ingest"
	"github.com/vigie-edu/vigie/post"
)

// backfillHarness is a source with credentials against a fake PDS.
func backfillHarness(t *testing.T, posts []json.RawMessage, now time.Time, terms ...string) (*harness, *fakeXRPC) {
	t.Helper()
	clock := newClock(now)
	x := newFakeXRPC(t, clock.Now, posts)
	cfg := testConfig("ws://127.0.0.1:1/subscribe")
	cfg.SearchEndpoint = x.srv.URL
	cfg.Identifier, cfg.AppPassword = testIdentifier, testPassword
	if len(terms) > 0 {
		cfg.Terms = terms
	}
	h := newHarness(t, cfg, now)
	h.clock = clock
	h.src.deps.Now = clock.Now
	h.src.xrpc.now = clock.Now
	return h, x
}

func fixtureSearchPost(t *testing.T) json.RawMessage {
	t.Helper()
	b, err := os.ReadFile("testdata/bsky_searchPosts.json")
	if err != nil {
		t.Fatal(err)
	}
	var page searchPage
	if err := json.Unmarshal(b, &page); err != nil || len(page.Posts) != 1 {
		t.Fatalf("fixture: %v", err)
	}
	return page.Posts[0]
}

func TestBackfillLoginPagingRateLimitAndRefresh(t *testing.T) {
	day := time.Date(2025, 3, 6, 0, 0, 0, 0, time.UTC)
	posts := []json.RawMessage{fixtureSearchPost(t)}
	var want []string
	want = append(want, fixtureURI)
	for i, text := range []string{
		"Pronote plante encore", "pronote: page blanche", "Connexion Pronote impossible",
		"Pronote et le CNED en rade", "pronote ok chez vous ?",
	} {
		rkey := "bf" + string(rune('a'+i))
		posts = append(posts, postViewJSON("did:plc:other", rkey, text, day.Add(time.Duration(i+8)*time.Hour)))
		want = append(want, atURI("did:plc:other", rkey))
	}
	// Found by the fake's substring search but no tracked word: filtered.
	posts = append(posts, postViewJSON("did:plc:other", "nomatch", "les pronotes du voisin", day.Add(9*time.Hour)))
	// Malformed: the uri is not a post at-URI.
	badView := json.RawMessage(`{"uri": "https://example.org/pronote", "record": {"text": "pronote", "createdAt": "2025-03-06T10:00:00Z"}}`)
	posts = append(posts, badView)
	// Outside the window: the fake leaves it out (since/until).
	posts = append(posts, postViewJSON("did:plc:other", "old", "Pronote en 2024", day.AddDate(0, -3, 0)))

	now := day.Add(20 * time.Hour)
	h, x := backfillHarness(t, posts, now, "pronote", "cned")
	x.pageSize = 2
	x.rateLimited[2] = true   // second search: 429, reset 7 s later
	x.expireAfter[1] = 2      // the first access token expires after two pages
	x.remainingZero[5] = true // fifth search (third page) uses the last request of the window

	from, to := day, day.Add(24*time.Hour)
	n, err := h.src.Backfill(context.Background(), h.sink.emit, from, to)
	if err != nil {
		t.Fatal(err)
	}
	ids := h.sink.ids()
	if n != len(want) || len(ids) != len(want) {
		t.Fatalf("backfill emitted %d (%v), want %d", n, ids, len(want))
	}
	for _, id := range want {
		if !slices.Contains(ids, id) {
			t.Errorf("%s missing", id)
		}
	}
	creates, refreshes, searches := x.counts()
	if creates != 1 || refreshes != 1 {
		t.Errorf("createSession x%d, refreshSession x%d, want 1 and 1", creates, refreshes)
	}
	// pronote: 8 hits in 4 pages of 2, plus a 429 and an ExpiredToken
	// retried; cned: one page (2 hits, both already emitted).
	if searches != 7 {
		t.Errorf("%d searches, want 7", searches)
	}
	sleeps := h.sleeps.all()
	if len(sleeps) != 2 || sleeps[0] != 7*time.Second || sleeps[1] != 7*time.Second {
		t.Errorf("rate-limit waits = %v, want [7s 7s] (429, then remaining 0)", sleeps)
	}
	qs := x.searchQueries()
	first := qs[0]
	if first.Get("q") != "pronote" || first.Get("sort") != "latest" || first.Get("limit") != "100" ||
		first.Get("since") != "2025-03-06T00:00:00.000Z" || first.Get("until") != "2025-03-07T00:00:00.000Z" || first.Has("cursor") {
		t.Errorf("first query = %v", first)
	}
	var cursors []string
	for _, q := range qs {
		if q.Get("q") == "pronote" {
			cursors = append(cursors, q.Get("cursor"))
		}
	}
	if want := []string{"", "2", "2", "4", "4", "6"}; !slices.Equal(cursors, want) {
		t.Errorf("cursors sent = %q, want %q", cursors, want)
	}
	if st := h.src.Stats(); st.Duplicates != 2 || st.Filtered != 1 {
		t.Errorf("duplicates %d, filtered %d: want 2 and 1", st.Duplicates, st.Filtered)
	}
	rej := h.rejects.snapshot()
	var compact bytes.Buffer // the server re-encodes the post compactly
	json.Compact(&compact, badView)
	if len(rej) != 1 || string(rej[0].Value) != compact.String() || !strings.Contains(reasonOf(rej[0]), "at-URI") {
		t.Errorf("rejections = %v", rej)
	}
	// The fixture post keeps its display name; the author is the DID.
	for _, p := range h.sink.snapshot() {
		if p.ID == fixtureURI && (p.Author != "did:plc:z72i7hdynmk6r22z27h6tvur" || p.AuthorName != "Parents vigilants 93" ||
			!slices.Equal(p.Hashtags, []string{"Pronote", "ecolealamaison", "CNED"})) {
			t.Errorf("fixture post = %+v", p)
		}
		if err := post.Normalize(&p, now); err != nil {
			t.Errorf("%s: %v", p.ID, err)
		}
	}
	// A second backfill of the same window emits nothing new (dedupe).
	n, err = h.src.Backfill(context.Background(), h.sink.emit, from, to)
	if err != nil || n != 0 {
		t.Errorf("second backfill: %d posts, %v", n, err)
	}
	assertNoSecrets(t, h.logs.String(), "logs")
}

func TestBackfillBadCredentialsBacksOff(t *testing.T) {
	now := time.Date(2025, 3, 6, 12, 0, 0, 0, time.UTC)
	h, x := backfillHarness(t, nil, now)
	h.src.xrpc.password = "wrong-" + testPassword
	_, err := h.src.Backfill(context.Background(), h.sink.emit, now.Add(-time.Hour), now)
	if !errors.Is(err, ErrBadCredentials) {
		t.Fatalf("err = %v, want ErrBadCredentials", err)
	}
	if !strings.Contains(err.Error(), testIdentifier) || !strings.Contains(err.Error(), "Invalid identifier or password") {
		t.Errorf("error %q does not say what was refused", err)
	}
	for range 5 { // no spin: within the backoff, the server is not asked again
		_, err = h.src.Backfill(context.Background(), h.sink.emit, now.Add(-time.Hour), now)
		if !errors.Is(err, ErrBadCredentials) || !strings.Contains(err.Error(), "not retried before") {
			t.Fatalf("err = %v", err)
		}
	}
	if c, _, s := x.counts(); c != 1 || s != 0 {
		t.Fatalf("createSession x%d, searches x%d: want 1 and 0", c, s)
	}
	h.clock.Advance(2 * time.Minute) // past LoginBackoffMax
	h.src.Backfill(context.Background(), h.sink.emit, now.Add(-time.Hour), now)
	if c, _, _ := x.counts(); c != 2 {
		t.Fatalf("createSession x%d after the backoff, want 2", c)
	}
	assertNoSecrets(t, h.logs.String()+err.Error(), "logs and errors")
	if !strings.Contains(h.logs.String(), "bluesky login refused") {
		t.Error("the refusal is not logged clearly")
	}
}

func TestBackfillForbiddenHTML(t *testing.T) {
	now := time.Date(2025, 3, 6, 12, 0, 0, 0, time.UTC)
	h, x := backfillHarness(t, nil, now)
	x.forbiddenHTML = true
	_, err := h.src.Backfill(context.Background(), h.sink.emit, now.Add(-time.Hour), now)
	if err == nil || !strings.Contains(err.Error(), "HTTP 403") || !strings.Contains(err.Error(), "text/html") || strings.Contains(err.Error(), "<html>") {
		t.Fatalf("err = %v, want a short 403 error without the HTML", err)
	}
}

func TestBackfillWithoutCredentials(t *testing.T) {
	h := newHarness(t, testConfig("ws://127.0.0.1:1/subscribe"), time.Now())
	if _, err := h.src.Backfill(context.Background(), h.sink.emit, time.Now().Add(-time.Hour), time.Now()); !errors.Is(err, ErrNoCredentials) {
		t.Fatalf("err = %v", err)
	}
}

// TestReconnectBackfillsTheWindow: after a drop, searchPosts covers the
// window from the saved cursor (minus the rewind) to the reconnection; a
// post the stream never delivered (skipped by maxMessageSizeBytes, say) is
// found, and posts the stream delivered are not emitted twice. Credentials
// never show in the logs.
func TestReconnectBackfillsTheWindow(t *testing.T) {
	evs, want := mixedStream(6)
	js := newFakeJetstream(t, evs, connScript{dropAfter: 5})
	now := usTime(baseUS).Add(time.Minute)
	missing := postViewJSON("did:plc:big", "huge", "Pronote: capture d'écran énorme", usTime(baseUS+1_200_000))
	seen := postViewJSON(testDid, "m001", "Pronote en panne, essai 1", usTime(baseUS+500_000))
	h, x := backfillHarness(t, []json.RawMessage{missing, seen}, now)
	h.src.cfg.Endpoint = js.url()
	stop := h.run(t)
	end := evs[len(evs)-1].us
	waitFor(t, "stream end and backfill", func() bool {
		return h.cursor() == end && len(h.sink.ids()) == len(want)+1
	})
	stop()
	ids := h.sink.ids()
	slices.Sort(ids)
	if len(slices.Compact(ids)) != len(want)+1 || !slices.Contains(ids, atURI("did:plc:big", "huge")) {
		t.Fatalf("emitted %v", ids)
	}
	qs := x.searchQueries()
	if len(qs) == 0 {
		t.Fatal("no backfill search after the reconnect")
	}
	lastRead := evs[4].us
	if s := qs[0].Get("since"); s != usTime(lastRead).Add(-2*time.Second).Format("2006-01-02T15:04:05.000Z") {
		t.Errorf("since = %s, want the saved cursor minus the rewind", s)
	}
	if u := qs[0].Get("until"); u != now.Format("2006-01-02T15:04:05.000Z") {
		t.Errorf("until = %s, want the reconnection time", u)
	}
	if st := h.src.Stats(); st.BackfillPosts != 1 {
		t.Errorf("backfill posts = %d, want 1", st.BackfillPosts)
	}
	assertNoSecrets(t, h.logs.String(), "logs")
}

// TestBadCredentialsDoNotStopTheStream: a refused login is logged once per
// backoff window and the stream goes on.
func TestBadCredentialsDoNotStopTheStream(t *testing.T) {
	evs, want := mixedStream(6)
	js := newFakeJetstream(t, evs, connScript{dropAfter: 3}, connScript{dropAfter: 3}, connScript{dropAfter: 3})
	now := usTime(baseUS).Add(time.Minute)
	h, x := backfillHarness(t, nil, now)
	h.src.cfg.Endpoint = js.url()
	h.src.cfg.BackfillOnStart = time.Hour
	h.src.xrpc.password = "wrong-" + testPassword
	stop := h.run(t)
	end := evs[len(evs)-1].us
	waitFor(t, "stream end", func() bool { return h.cursor() == end })
	waitFor(t, "backfills tried", func() bool { return h.src.Stats().BackfillErrors >= 3 })
	stop()
	if len(h.sink.ids()) != len(want) {
		t.Fatalf("emitted %d, want %d", len(h.sink.ids()), len(want))
	}
	if c, _, _ := x.counts(); c != 1 {
		t.Errorf("createSession x%d across %d backfill windows, want 1 (backoff)", c, h.src.Stats().BackfillErrors)
	}
	logs := h.logs.String()
	if !strings.Contains(logs, "credentials refused") {
		t.Error("no clear error in the logs")
	}
	assertNoSecrets(t, logs, "logs")
}

func assertNoSecrets(t *testing.T, s, where string) {
	t.Helper()
	for _, secret := range []string{testPassword, accessPrefix, refreshPrefix} {
		if strings.Contains(s, secret) {
			t.Errorf("%s contain a secret (%q)", where, secret)
		}
	}
}

// TestRefreshFailureLogsInAgain: when refreshSession is refused too, the
// client logs in again and the search goes on.
func TestRefreshFailureLogsInAgain(t *testing.T) {
	day := time.Date(2025, 3, 6, 0, 0, 0, 0, time.UTC)
	var posts []json.RawMessage
	for i := range 4 {
		posts = append(posts, postViewJSON("did:plc:o", fmt.Sprintf("r%d", i), "Pronote HS", day.Add(time.Duration(i)*time.Hour)))
	}
	h, x := backfillHarness(t, posts, day.Add(12*time.Hour), "pronote")
	x.expireAfter[1] = 1
	x.revokeRefresh = true
	n, err := h.src.Backfill(context.Background(), h.sink.emit, day, day.Add(24*time.Hour))
	if err != nil || n != 4 {
		t.Fatalf("backfill = %d, %v; want 4 posts", n, err)
	}
	if c, r, _ := x.counts(); c != 2 || r != 1 {
		t.Errorf("createSession x%d, refreshSession x%d; want 2 and 1", c, r)
	}
	assertNoSecrets(t, h.logs.String(), "logs")
}

func TestRateLimitHeaders(t *testing.T) {
	now := time.Date(2025, 3, 6, 12, 0, 0, 0, time.UTC)
	cases := []struct {
		name    string
		status  int
		headers map[string]string
		want    time.Duration // 0: no wait
	}{
		{"429 reset epoch", 429, map[string]string{"RateLimit-Remaining": "0", "RateLimit-Reset": fmt.Sprint(now.Add(42 * time.Second).Unix())}, 42 * time.Second},
		{"429 retry-after", 429, map[string]string{"Retry-After": "9"}, 9 * time.Second},
		{"429 reset delta", 429, map[string]string{"RateLimit-Reset": "30"}, 30 * time.Second},
		{"429 no headers", 429, nil, time.Second},
		{"ok remaining 0", 200, map[string]string{"RateLimit-Remaining": "0", "RateLimit-Reset": fmt.Sprint(now.Add(5 * time.Second).Unix())}, 5 * time.Second},
		{"ok remaining 10", 200, map[string]string{"RateLimit-Remaining": "10", "RateLimit-Reset": fmt.Sprint(now.Add(5 * time.Second).Unix())}, 0},
		{"ok reset past", 200, map[string]string{"RateLimit-Remaining": "0", "RateLimit-Reset": fmt.Sprint(now.Add(-5 * time.Second).Unix())}, 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			x := newXRPCClient(Config{MaxRateWait: time.Minute}.WithDefaults(),
				ingest.Deps{Now: func() time.Time { return now }, Logger: slog.New(slog.DiscardHandler)}.WithDefaults())
			resp := &http.Response{StatusCode: c.status, Header: http.Header{}}
			for k, v := range c.headers {
				resp.Header.Set(k, v)
			}
			x.noteRate(resp)
			var got time.Duration
			if !x.rateNotBefore.IsZero() {
				got = x.rateNotBefore.Sub(now)
			}
			if got != c.want {
				t.Fatalf("wait = %v, want %v", got, c.want)
			}
		})
	}
}
