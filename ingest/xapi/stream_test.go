package xapi

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/vigie-edu/vigie/ingest"
	"github.com/vigie-edu/vigie/internal/kafkax"
	"github.com/vigie-edu/vigie/post"
)

func TestRulesSyncAddsMissingDeletesStaleKeepsForeign(t *testing.T) {
	e := newEnv(t)
	cfg := e.config()
	cfg.MaxRuleLen = 200
	s := e.source(cfg)
	want := s.Rules()
	if len(want) < 3 {
		t.Fatalf("want several rules at 200 characters, got %q", want)
	}
	joined := strings.Join(want, " OR ")
	for _, must := range []string{"#ecolealamaison", "#écoleàlamaison", `"ma classe à la maison"`, `"pronote"`, "#blanquerdémission"} {
		if !strings.Contains(joined, must) {
			t.Errorf("rules lack %s: %q", must, want)
		}
	}
	for _, r := range want {
		if n := len([]rune(r)); n > 200 {
			t.Errorf("rule of %d characters: %s", n, r)
		}
	}
	e.fx.rules = []rule{
		{ID: "101", Value: "#foo OR #bar", Tag: "someone-else"},
		{ID: "102", Value: "#old OR #stale", Tag: "vigie"},
		{ID: "103", Value: want[0], Tag: "vigie"},
		{ID: "104", Value: want[1], Tag: "research-team"}, // a foreign rule with a wanted value
		{ID: "105", Value: "#untagged"},
	}
	ch, err := s.syncRules(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if wantCh := (ruleChanges{Added: len(want) - 2, Deleted: 1, Kept: 1, Foreign: 3}); ch != wantCh {
		t.Errorf("changes = %+v, want %+v", ch, wantCh)
	}
	var values []string
	byID := map[string]rule{}
	for _, r := range e.fx.rules {
		values = append(values, r.Value)
		byID[string(r.ID)] = r
	}
	for _, id := range []string{"101", "103", "104", "105"} {
		if _, ok := byID[id]; !ok {
			t.Errorf("rule %s was removed", id)
		}
	}
	if _, ok := byID["102"]; ok {
		t.Error("the stale vigie rule is still there")
	}
	for _, w := range want {
		if n := slices.Index(values, w); n < 0 || slices.Index(values[n+1:], w) >= 0 {
			t.Errorf("wanted rule present %d times: %s", strings.Count(strings.Join(values, "\n")+"\n", w+"\n"), w)
		}
	}
	for _, c := range e.fx.ruleCalls {
		if c == "add "+want[0] || c == "add "+want[1] {
			t.Errorf("a present rule was added again: %s", c)
		}
	}
	// A second sync changes nothing.
	ch, err = s.syncRules(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if ch.Added != 0 || ch.Deleted != 0 {
		t.Errorf("second sync changed rules: %+v", ch)
	}
}

func TestRulesRefusedStopsRun(t *testing.T) {
	e := newEnv(t)
	e.fx.maxRule = 40 // the account's tier allows less than the config assumes
	s := e.source(e.config())
	err := s.Run(context.Background(), e.sink.emit)
	if err == nil || !strings.Contains(err.Error(), "RuleTooLong") {
		t.Fatalf("Run = %v, want a rule refusal", err)
	}
	if e.fx.streamCalls != 0 {
		t.Error("connected to the stream without rules")
	}
}

func TestStreamMapsPostsAndReconnectsOnOperationalDisconnect(t *testing.T) {
	e := newEnv(t)
	b, err := os.ReadFile(filepath.Join("testdata", "stream.ndjson"))
	if err != nil {
		t.Fatal(err)
	}
	// The recorded stream, then (after the operational disconnect) one more post.
	more := fixtures(1, clockStart().Add(10*time.Minute), time.Second) // newer than the recorded posts
	e.fx.conns = [][]step{{{raw: string(b)}}, {{advance: 3 * time.Second}, {line: more[0].line()}, {stall: true}}}
	stop := e.start(e.source(e.config()))
	posts := e.waitPosts(5)
	e.waitFor("gap", func() bool { return len(e.gaps.all()) == 1 })
	if err := stop(); !errors.Is(err, context.Canceled) {
		t.Fatalf("Run = %v", err)
	}
	if e.fx.streamCalls != 2 {
		t.Errorf("stream connections = %d, want 2", e.fx.streamCalls)
	}
	q := e.fx.streamParams[0]
	for _, want := range []string{"expansions=author_id%2Creferenced_tweets.id%2Cgeo.place_id", "note_tweet", "user.fields=location%2Cdescription%2Cusername%2Cname", "place.fields=full_name%2Ccountry_code"} {
		if !strings.Contains(q, want) {
			t.Errorf("stream query %q lacks %q", q, want)
		}
	}
	origText := "Les serveurs du #CNED sont encore tombés, l'ENT aussi… #ecolealamaison #BlanquerMent https://t.co/AbCdEf1234 parents & profs à bout"
	want := []post.Post{{
		ID: "1379341230797750273", Source: "x", CreatedAt: time.Date(2021, 4, 6, 7, 52, 31, 0, time.UTC),
		Author: "maman_solo_93", AuthorName: "Sarah 🌱", AuthorLocation: "Seine-Saint-Denis, France",
		AuthorBio: "Maman de 3, télétravail + école à la maison = 🤯 #ecolealamaison",
		Text:      origText, Lang: "fr", Hashtags: []string{"CNED", "ecolealamaison", "BlanquerMent"},
		Place: "Montreuil, France", URL: "https://x.com/maman_solo_93/status/1379341230797750273",
	}, {
		ID: "1379343910958006274", Source: "x", CreatedAt: time.Date(2021, 4, 6, 8, 3, 10, 0, time.UTC),
		Author: "prof_hdf", AuthorName: "Mme L.", AuthorLocation: "Lille", AuthorBio: "Prof de maths",
		Text: "Troisième jour sans Pronote ni ENT dans notre collège de Roubaix. Les élèves n'ont pas accès aux devoirs, les parents m'écrivent sur ma boîte perso, " +
			"et la classe virtuelle du CNED plante dès 9h. On nous parle de continuité pédagogique <sic> mais rien ne tient. #Pronote #ecolealamaison #continuitepedagogique",
		Lang: "fr", Hashtags: []string{"Pronote", "ecolealamaison", "continuitepedagogique"},
		URL: "https://x.com/prof_hdf/status/1379343910958006274",
	}, {
		ID: "1379344212947894275", Source: "x", CreatedAt: time.Date(2021, 4, 6, 8, 4, 22, 0, time.UTC),
		Author: "papa_prof", AuthorName: "Karim", AuthorBio: "PE en REP+ & fier",
		Text: "RT @maman_solo_93: " + origText + " <3", Lang: "fr",
		Hashtags: []string{"CNED", "ecolealamaison", "BlanquerMent"},
		URL:      "https://x.com/papa_prof/status/1379344212947894275",
	}, {
		ID: "1379344372331446276", Source: "x", CreatedAt: time.Date(2021, 4, 6, 8, 5, 0, 0, time.UTC),
		Author: "42", Text: "#BlanquerMent encore une fois", Hashtags: []string{"BlanquerMent"},
		URL: "https://x.com/i/web/status/1379344372331446276",
	}}
	for i, w := range want {
		g := posts[i]
		if g.IngestedAt.IsZero() {
			t.Errorf("post %d: no IngestedAt", i)
		}
		g.IngestedAt = time.Time{}
		if !postEqual(g, w) {
			t.Errorf("post %d:\n got %+v\nwant %+v", i, g, w)
		}
		if err := post.Normalize(&g, clockStart()); err != nil {
			t.Errorf("post %d does not validate: %v", i, err)
		}
	}
	if posts[4].ID != strconv.FormatUint(more[0].ID, 10) {
		t.Errorf("post after the reconnect = %s", posts[4].ID)
	}
	g := e.gaps.all()[0]
	if !strings.Contains(g.Reason, "operational disconnect") || g.Source != "x:stream" || g.To.Sub(g.From) != 3*time.Second {
		t.Errorf("gap = %+v", g)
	}
	if _, rej := e.sink.snapshot(); len(rej) != 0 {
		t.Errorf("rejected %d lines", len(rej))
	}
	if e.checkpoint() != more[0].ID {
		t.Errorf("checkpoint = %d, want %d", e.checkpoint(), more[0].ID)
	}
}

func postEqual(a, b post.Post) bool {
	return a.ID == b.ID && a.Source == b.Source && a.CreatedAt.Equal(b.CreatedAt) && a.Author == b.Author &&
		a.AuthorName == b.AuthorName && a.AuthorLocation == b.AuthorLocation && a.AuthorBio == b.AuthorBio &&
		a.Text == b.Text && a.Lang == b.Lang && slices.Equal(a.Hashtags, b.Hashtags) && a.Place == b.Place && a.URL == b.URL
}

func TestKeepAliveTimeoutReconnects(t *testing.T) {
	e := newEnv(t)
	fs := fixtures(2, clockStart(), time.Second)
	// First connection: a keep-alive, a post, then silence with the
	// connection open (the stall a dead upstream produces).
	e.fx.conns = [][]step{
		{{keep: true}, {line: fs[0].line()}, {stall: true}},
		{{advance: 2 * time.Second}, {line: fs[1].line()}, {keep: true}, {stall: true}},
	}
	cfg := e.config()
	cfg.KeepAlive = 300 * time.Millisecond
	began := time.Now()
	stop := e.start(e.source(cfg))
	e.waitPosts(2)
	e.waitFor("gap", func() bool { return len(e.gaps.all()) >= 1 })
	took := time.Since(began)
	if err := stop(); !errors.Is(err, context.Canceled) {
		t.Fatalf("Run = %v", err)
	}
	if n := e.fx.streamCalls; n < 2 {
		t.Fatalf("stream connections = %d, want a reconnect", n)
	}
	if g := e.gaps.all()[0]; !strings.Contains(g.Reason, "keep-alive timeout") {
		t.Errorf("gap reason = %q", g.Reason)
	}
	if took > 8*time.Second {
		t.Errorf("the reconnect took %s with a 300 ms keep-alive", took)
	}
}

// TestDisconnectBackfillLosesNothing cuts the stream in the middle of a
// line; the posts of the disconnect window come back through recent search
// (since_id = the last post seen, next_token paging), and the overlap with
// the new connection is published once.
func TestDisconnectBackfillLosesNothing(t *testing.T) {
	e := newEnv(t)
	cs := clockStart()
	before := fixtures(5, cs.Add(-60*time.Second), 10*time.Second) // seen before the cut
	window := fixtures(25, cs, 4*time.Second)                      // created while disconnected
	after := fixtures(10, cs.Add(130*time.Second), time.Second)    // on the new connection
	for i := range window {
		window[i].ID = idAt(window[i].Created, uint64(100+i))
	}
	for i := range after {
		after[i].ID = idAt(after[i].Created, uint64(200+i))
	}
	all := slices.Concat(before, window, after)
	e.fx.tweets = all
	var conn1 []step
	for _, f := range before {
		conn1 = append(conn1, step{line: f.line()}, step{keep: true})
	}
	half := window[0].line()
	conn1 = append(conn1, step{raw: half[:len(half)/2]}, step{abort: true})
	conn2 := []step{{advance: 125 * time.Second}}
	for _, f := range slices.Concat(window[22:], after) { // the stream re-sends 3 window posts too
		conn2 = append(conn2, step{line: f.line()})
	}
	conn2 = append(conn2, step{stall: true})
	e.fx.conns = [][]step{conn1, conn2}

	stop := e.start(e.source(e.config()))
	e.waitPosts(len(all))
	e.waitFor("gap", func() bool { return len(e.gaps.all()) == 1 })
	time.Sleep(50 * time.Millisecond) // let any duplicate surface
	if err := stop(); !errors.Is(err, context.Canceled) {
		t.Fatalf("Run = %v", err)
	}
	posts, rej := e.sink.snapshot()
	if !sameSet(ids(posts), ftIDs(all)) {
		t.Fatalf("published %d posts, want exactly the %d fixtures once each", len(posts), len(all))
	}
	if len(rej) != 0 {
		t.Errorf("rejected %d (the cut line must not be dead-lettered)", len(rej))
	}
	calls := e.fx.searchCalls
	if len(calls) != 3 {
		t.Fatalf("search calls = %d, want 3 pages of 10", len(calls))
	}
	lastSeen := strconv.FormatUint(before[4].ID, 10)
	for i, c := range calls {
		if c["since_id"] != lastSeen {
			t.Errorf("call %d since_id = %q, want %s", i, c["since_id"], lastSeen)
		}
		if c["end_time"] != "2021-04-06T08:02:06Z" {
			t.Errorf("call %d end_time = %q, want the reconnection time rounded up", i, c["end_time"])
		}
		if (i == 0) != (c["next_token"] == "") {
			t.Errorf("call %d next_token = %q", i, c["next_token"])
		}
		if c["max_results"] != "10" || c["start_time"] != "" {
			t.Errorf("call %d = %v", i, c)
		}
	}
	g := e.gaps.all()[0]
	if !g.From.Equal(cs) || !g.To.Equal(cs.Add(125*time.Second)) {
		t.Errorf("gap window = %s..%s", g.From, g.To)
	}
	if !regexp.MustCompile(`network error.*backfilled by recent search \(\d+ posts\)`).MatchString(g.Reason) {
		t.Errorf("gap reason = %q", g.Reason)
	}
	if e.checkpoint() != after[len(after)-1].ID {
		t.Errorf("checkpoint = %d, want the newest id %d", e.checkpoint(), after[len(after)-1].ID)
	}
}

// TestConnectFailuresBackOff checks the documented schedules through the
// stream's answers, with the fake clock standing in for the waits.
func TestConnectFailuresBackOff(t *testing.T) {
	tooMany := `{"title":"Too Many Requests","detail":"Too Many Requests","type":"about:blank","status":429}`
	cases := []struct {
		name       string
		fails      []step
		wantSleeps []time.Duration
		wantCause  string
	}{
		{"503 exponential from 5s", []step{{status: 503, body: `{"title":"Service Unavailable"}`}, {status: 503}, {status: 503}},
			[]time.Duration{5 * time.Second, 10 * time.Second, 20 * time.Second}, "HTTP 503"},
		{"429 waits for x-rate-limit-reset", []step{{status: 429, body: tooMany, header: map[string]string{"x-rate-limit-reset": "{reset+90}"}}},
			[]time.Duration{91 * time.Second}, "rate limited (HTTP 429, waited 1m31s)"},
		{"429 without reset: 1 min doubling", []step{{status: 429, body: tooMany}, {status: 429, body: tooMany}},
			[]time.Duration{time.Minute, 2 * time.Minute}, "rate limited (HTTP 429"},
		{"too many connections ignores the reset", []step{{status: 429, header: map[string]string{"x-rate-limit-reset": "{reset+600}"},
			body: `{"title":"ConnectionException","detail":"This stream is currently at the maximum allowed connection limit.","connection_issue":"TooManyConnections","type":"https://api.x.com/2/problems/streaming-connection"}`}},
			[]time.Duration{time.Minute}, "rate limited"},
		{"usage cap waits for the reset", []step{{status: 429, header: map[string]string{"x-rate-limit-reset": "{reset+7200}"},
			body: `{"title":"UsageCapExceeded","detail":"Usage cap exceeded: Monthly product cap","type":"https://api.twitter.com/2/problems/usage-capped","period":"Monthly","scope":"Product"}`}},
			[]time.Duration{7201 * time.Second}, "usage cap reached"},
		{"network errors: at once, then +250ms", []step{{abort: true}, {abort: true}, {abort: true}},
			[]time.Duration{0, 250 * time.Millisecond, 500 * time.Millisecond}, "network error"},
		{"500 then 429 keep separate schedules", []step{{status: 500}, {status: 429}, {status: 500}},
			[]time.Duration{5 * time.Second, time.Minute, 10 * time.Second}, "HTTP 500"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			e := newEnv(t)
			fs := fixtures(1, clockStart(), time.Second)
			for _, f := range c.fails {
				e.fx.conns = append(e.fx.conns, []step{f})
			}
			e.fx.conns = append(e.fx.conns, []step{{line: fs[0].line()}, {stall: true}})
			stop := e.start(e.source(e.config()))
			e.waitPosts(1)
			e.waitFor("gap", func() bool { return len(e.gaps.all()) >= 1 })
			if err := stop(); !errors.Is(err, context.Canceled) {
				t.Fatalf("Run = %v", err)
			}
			if got := e.clock.Sleeps(); !slices.Equal(got, c.wantSleeps) {
				t.Errorf("waits = %v, want %v", got, c.wantSleeps)
			}
			if e.fx.streamCalls != len(c.fails)+1 {
				t.Errorf("connections = %d, want %d", e.fx.streamCalls, len(c.fails)+1)
			}
			found := false
			for _, g := range e.gaps.all() {
				found = found || strings.Contains(g.Reason, c.wantCause)
			}
			if !found {
				t.Errorf("no gap says %q: %v", c.wantCause, e.gaps.all())
			}
		})
	}
}

func TestRateLimitGapCoversTheWait(t *testing.T) {
	e := newEnv(t)
	fs := fixtures(1, clockStart(), time.Second)
	e.fx.conns = [][]step{
		{{status: 429, header: map[string]string{"x-rate-limit-reset": "{reset+90}"}, body: `{"title":"Too Many Requests","type":"about:blank"}`}},
		{{line: fs[0].line()}, {stall: true}},
	}
	stop := e.start(e.source(e.config()))
	e.waitPosts(1)
	e.waitFor("gap", func() bool { return len(e.gaps.all()) == 1 })
	stop()
	g := e.gaps.all()[0]
	if !g.From.Equal(clockStart()) || !g.To.Equal(clockStart().Add(91*time.Second)) {
		t.Errorf("gap = %s..%s, want the 91 s wait", g.From, g.To)
	}
	if !strings.Contains(g.Reason, "rate limited") || !strings.Contains(g.Reason, "backfilled by recent search (0 posts)") {
		t.Errorf("gap reason = %q", g.Reason)
	}
	if c := e.fx.searchCalls; len(c) != 1 || c[0]["start_time"] != "2021-04-06T08:00:00Z" || c[0]["since_id"] != "" {
		t.Errorf("search calls = %v, want one from the first attempt", c)
	}
}

func TestMalformedLinesAreRejectedAndTheStreamGoesOn(t *testing.T) {
	e := newEnv(t)
	fs := fixtures(2, clockStart(), time.Second)
	bad := []string{
		`{"data": {"id": "1379341230797750273", "text": "cut`,
		`{"data":{"id":"1379341230797750273","text":"pas de date"}}`,
		`{"includes":{"users":[]}}`,
		`[1,2,3]`,
		`{"data":{"id":"not-a-number","text":"x","created_at":"2021-04-06T08:00:00.000Z"}}`,
		"{\"data\":{\"id\":\"1\",\"text\":\"\xff\xfe\"}}",
		`{"data":{"id":"1379341230797750274","text":"x","created_at":"yesterday"}}`,
	}
	script := []step{{line: fs[0].line()}}
	for _, b := range bad {
		script = append(script, step{line: b})
	}
	huge := `{"data":{"id":"1","text":"` + strings.Repeat("a", post.MaxMessageBytes+10) + `"}}`
	script = append(script,
		step{line: huge},
		step{line: `{"errors":[{"title":"ConnectionException","detail":"a notice","type":"https://api.x.com/2/problems/streaming-connection"}]}`},
		step{line: fs[1].line()}, step{stall: true})
	e.fx.conns = [][]step{script}
	stop := e.start(e.source(e.config()))
	e.waitPosts(2)
	e.waitFor("rejections", func() bool { _, r := e.sink.snapshot(); return len(r) == len(bad)+1 })
	stop()
	posts, rej := e.sink.snapshot()
	if !sameSet(ids(posts), ftIDs(fs)) {
		t.Errorf("posts = %v", ids(posts))
	}
	for i, b := range bad {
		if string(rej[i].Value) != b {
			t.Errorf("rejection %d holds %q, want the raw line %q", i, rej[i].Value, b)
		}
		if kafkax.Header(rej[i], kafkax.HeaderReason) == "" || kafkax.Header(rej[i], kafkax.HeaderOrigin) != "x:stream" {
			t.Errorf("rejection %d headers = %v", i, rej[i].Headers)
		}
	}
	wantReasons := []string{"malformed JSON", "without created_at", "without data", "malformed JSON", "not a decimal id", "not valid UTF-8", "bad created_at", "longer than"}
	for i, w := range wantReasons {
		if r := kafkax.Header(rej[i], kafkax.HeaderReason); !strings.Contains(r, w) {
			t.Errorf("rejection %d reason = %q, want %q", i, r, w)
		}
	}
	if e.fx.streamCalls != 1 {
		t.Errorf("bad lines caused %d connections", e.fx.streamCalls)
	}
}

func TestTokenRefusedAtStartFailsClearlyWithoutRetry(t *testing.T) {
	e := newEnv(t)
	const wrong = "wrong-token-0123456789-secret"
	e.secrets = append(e.secrets, wrong)
	e.fx.echoAuth = true // the 401 body repeats the header: it must not reach errors or logs
	cfg := e.config()
	cfg.Token = wrong
	s := e.source(cfg)
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	err := s.Run(ctx, e.sink.emit)
	if err == nil {
		t.Fatal("Run accepted a refused token")
	}
	msg := err.Error()
	for _, want := range []string{"HTTP 401", EnvToken, EnvTokenFile} {
		if !strings.Contains(msg, want) {
			t.Errorf("error %q lacks %q", msg, want)
		}
	}
	if strings.Contains(msg, wrong) {
		t.Errorf("the error holds the token: %q", msg)
	}
	if len(e.fx.ruleCalls) != 1 || len(e.clock.Sleeps()) != 0 {
		t.Errorf("calls %v, waits %v: want one call, no retry", e.fx.ruleCalls, e.clock.Sleeps())
	}
}

func TestTokenRevokedBacksOffLongAndRereadsTheFile(t *testing.T) {
	e := newEnv(t)
	const rotated = "rotated-token-9876543210-secret"
	e.secrets = append(e.secrets, rotated)
	e.fx.echoAuth = true
	e.fx.tokens[rotated] = true
	e.fx.streamTokens = map[string]bool{rotated: true} // the old token lost stream access
	file := filepath.Join(t.TempDir(), "token")
	if err := os.WriteFile(file, []byte(testToken+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	e.clock.onSleep = func(n int, _ time.Duration) {
		if n == 2 {
			_ = os.WriteFile(file, []byte(rotated), 0o600)
		}
	}
	fs := fixtures(1, clockStart(), time.Second)
	e.fx.conns = [][]step{{{line: fs[0].line()}, {stall: true}}}
	cfg := e.config()
	cfg.Token, cfg.TokenFile = "", file
	stop := e.start(e.source(cfg))
	e.waitPosts(1)
	stop()
	if got := e.clock.Sleeps(); !slices.Equal(got, []time.Duration{320 * time.Second, 320 * time.Second}) {
		t.Errorf("waits = %v, want two long waits", got)
	}
	if e.fx.streamCalls != 3 {
		t.Errorf("stream calls = %d, want 3", e.fx.streamCalls)
	}
	if !strings.Contains(e.logs.String(), "refuses the bearer token") {
		t.Error("no clear error in the logs")
	}
}

func TestTokenRevokedNeverSpins(t *testing.T) {
	e := newEnv(t)
	e.fx.streamTokens = map[string]bool{"nobody-has-this-one": true}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	e.clock.onSleep = func(n int, _ time.Duration) {
		if n == 4 {
			cancel()
		}
	}
	s := e.source(e.config())
	if err := s.Run(ctx, e.sink.emit); !errors.Is(err, context.Canceled) {
		t.Fatalf("Run = %v", err)
	}
	sleeps := e.clock.Sleeps()
	for _, d := range sleeps {
		if d != 320*time.Second {
			t.Errorf("wait %s after a 401, want 320s", d)
		}
	}
	if e.fx.streamCalls != len(sleeps) {
		t.Errorf("%d connection attempts for %d waits", e.fx.streamCalls, len(sleeps))
	}
}

func TestCheckpointResumeAfterRestart(t *testing.T) {
	e := newEnv(t)
	path := filepath.Join(t.TempDir(), "checkpoints.json")
	cps, err := ingest.OpenFileCheckpoints(path)
	if err != nil {
		t.Fatal(err)
	}
	e.cps, e.sink.cps = cps, cps
	cs := clockStart()
	first := fixtures(3, cs.Add(-40*time.Second), 10*time.Second)
	downtime := fixtures(5, cs.Add(time.Second), 10*time.Second)
	for i := range downtime {
		downtime[i].ID = idAt(downtime[i].Created, uint64(50+i))
	}
	live := fixtures(1, cs.Add(90*time.Second), time.Second)
	e.fx.tweets = slices.Concat(first, downtime)

	// Run 1: three posts, then the process stops.
	e.fx.conns = [][]step{{{line: first[0].line()}, {line: first[1].line()}, {line: first[2].line()}, {stall: true}}}
	stop := e.start(e.source(e.config()))
	e.waitPosts(3)
	stop()
	if e.checkpoint() != first[2].ID {
		t.Fatalf("checkpoint after run 1 = %d, want %d", e.checkpoint(), first[2].ID)
	}

	// Run 2, a new process: the checkpoint file is read again.
	cps2, err := ingest.OpenFileCheckpoints(path)
	if err != nil {
		t.Fatal(err)
	}
	e.cps, e.sink.cps = cps2, cps2
	e.sink.posts = nil
	e.fx.conns = [][]step{{{advance: 60 * time.Second}, {line: live[0].line()}, {stall: true}}}
	stop = e.start(e.source(e.config()))
	e.waitPosts(len(downtime) + 1)
	e.waitFor("gap", func() bool { return len(e.gaps.all()) == 1 })
	stop()
	posts, _ := e.sink.snapshot()
	if !sameSet(ids(posts), ftIDs(slices.Concat(downtime, live))) {
		t.Errorf("run 2 published %v, want the downtime posts and the live one", ids(posts))
	}
	if c := e.fx.searchCalls; len(c) != 1 || c[0]["since_id"] != strconv.FormatUint(first[2].ID, 10) {
		t.Errorf("search calls = %v, want since_id = the checkpoint", c)
	}
	if g := e.gaps.all()[0]; !strings.Contains(g.Reason, "not running") || !g.From.Equal(first[2].Created) {
		t.Errorf("gap = %+v", g)
	}
	if e.checkpoint() != live[0].ID {
		t.Errorf("checkpoint = %d, want %d", e.checkpoint(), live[0].ID)
	}
}

func TestEmitFailureStopsRunAndKeepsTheCheckpoint(t *testing.T) {
	e := newEnv(t)
	e.sink.failWith = errors.New("kafka gone")
	fs := fixtures(1, clockStart(), time.Second)
	e.fx.conns = [][]step{{{line: fs[0].line()}, {stall: true}}}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	err := e.source(e.config()).Run(ctx, e.sink.emit)
	if err == nil || !strings.Contains(err.Error(), "kafka gone") {
		t.Fatalf("Run = %v, want the emit error", err)
	}
	if _, ok, _ := e.cps.Load(CheckpointKey); ok {
		t.Error("checkpoint saved although emit failed")
	}
}

func TestSearchModePagesWaitsForRateLimitsAndSavesTheCheckpoint(t *testing.T) {
	e := newEnv(t)
	fs := fixtures(25, clockStart().Add(-2*time.Hour), time.Minute)
	e.fx.tweets = fs
	e.fx.searchFaults = []step{{status: 429, header: map[string]string{"x-rate-limit-reset": "{reset+120}", "x-rate-limit-remaining": "0"},
		body: `{"title":"Too Many Requests","detail":"Too Many Requests","type":"about:blank","status":429}`}}
	e.fx.resetAt, e.fx.remaining = clockStart().Add(15*time.Minute), 2
	cfg := e.config()
	cfg.Mode = ModeSearch
	s := e.source(cfg)
	if s.Name() != "x:search" {
		t.Errorf("Name = %s", s.Name())
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := s.Run(ctx, e.sink.emit); err != nil {
		t.Fatal(err)
	}
	posts, _ := e.sink.snapshot()
	if !sameSet(ids(posts), ftIDs(fs)) {
		t.Errorf("published %d posts, want the 25", len(posts))
	}
	// 121 s for the 429, then the rest of the window once remaining hit 0.
	want := []time.Duration{121 * time.Second, 15*time.Minute - 121*time.Second + time.Second}
	if got := e.clock.Sleeps(); !slices.Equal(got, want) {
		t.Errorf("waits = %v, want %v", got, want)
	}
	if n := len(e.fx.searchCalls); n != 4 {
		t.Errorf("search calls = %d, want 1 refused + 3 pages", n)
	}
	if c := e.fx.searchCalls[0]; c["since_id"] != "" || c["start_time"] != "" || c["end_time"] != "" {
		t.Errorf("first search without a checkpoint = %v, want X's default window", c)
	}
	if e.checkpoint() != fs[24].ID {
		t.Errorf("checkpoint = %d, want the newest %d", e.checkpoint(), fs[24].ID)
	}
	if g := e.gaps.all(); len(g) != 0 {
		t.Errorf("gaps = %v: waiting out a rate limit in search mode loses nothing", g)
	}
	if e.fx.streamCalls != 0 || len(e.fx.ruleCalls) != 0 {
		t.Error("search mode touched the stream")
	}
}

func TestSearchBeyondSevenDaysRecordsAGap(t *testing.T) {
	e := newEnv(t)
	now := clockStart()
	old := idAt(now.Add(-9*24*time.Hour), 1)
	_ = e.cps.Save(CheckpointKey, strconv.FormatUint(old, 10))
	recent := fixtures(3, now.Add(-time.Hour), time.Minute)
	e.fx.tweets = slices.Concat(fixtures(1, now.Add(-8*24*time.Hour), time.Minute), recent)
	cfg := e.config()
	cfg.Mode = ModeSearch
	if err := e.source(cfg).Run(context.Background(), e.sink.emit); err != nil {
		t.Fatal(err)
	}
	posts, _ := e.sink.snapshot()
	if !sameSet(ids(posts), ftIDs(recent)) {
		t.Errorf("posts = %v", ids(posts))
	}
	gaps := e.gaps.all()
	if len(gaps) != 1 || gaps[0].Reason != "beyond recent search (older than 7 days)" ||
		!gaps[0].From.Equal(idTime(old)) || !gaps[0].To.Equal(now.Add(-7*24*time.Hour+searchMargin)) {
		t.Fatalf("gaps = %+v", gaps)
	}
	if c := e.fx.searchCalls[0]; c["since_id"] != "" || c["start_time"] != "2021-03-30T08:02:00Z" {
		t.Errorf("search = %v, want start_time 7 days back instead of since_id", c)
	}
}

func TestSearchGivesUpAfterRetriesAndRecordsAnUnfilledGap(t *testing.T) {
	e := newEnv(t)
	fs := fixtures(2, clockStart(), time.Second)
	for range 5 {
		e.fx.searchFaults = append(e.fx.searchFaults, step{status: 503, body: `{"title":"Service Unavailable"}`})
	}
	e.fx.conns = [][]step{
		{{line: fs[0].line()}, {abort: true}},
		{{advance: 10 * time.Second}, {line: fs[1].line()}, {stall: true}},
	}
	stop := e.start(e.source(e.config()))
	e.waitPosts(2)
	e.waitFor("gap", func() bool { return len(e.gaps.all()) == 1 })
	stop()
	if g := e.gaps.all()[0]; !strings.Contains(g.Reason, "not backfilled") || !strings.Contains(g.Reason, "HTTP 503") {
		t.Errorf("gap reason = %q", g.Reason)
	}
	if n := len(e.fx.searchCalls); n != 5 {
		t.Errorf("search attempts = %d, want SearchRetries = 5", n)
	}
	if e.checkpoint() != fs[1].ID {
		t.Errorf("checkpoint = %d, want %d (the failed backfill releases it)", e.checkpoint(), fs[1].ID)
	}
}

func TestNoRulesConflictResyncs(t *testing.T) {
	e := newEnv(t)
	fs := fixtures(1, clockStart(), time.Second)
	e.fx.conns = [][]step{{{line: fs[0].line()}, {stall: true}}}
	s := e.source(e.config())
	// Someone deletes every rule between the sync and the connection.
	e.fx.rules = nil
	r := &run{s: s, emit: e.sink.emit, seen: newIDSet(10)}
	ns, hs, rs := netSchedule(), httpSchedule(), rateSchedule()
	_, _, err := s.connect(context.Background())
	if ae, ok := asAPI(err); !ok || ae.Status != 409 {
		t.Fatalf("connect without rules = %v, want 409", err)
	}
	wait, cause, ferr := r.connectFailure(context.Background(), err, &ns, &hs, &rs)
	if ferr != nil || wait != 5*time.Second || !strings.Contains(cause, "no rules") {
		t.Errorf("409 -> %s %q %v", wait, cause, ferr)
	}
	if len(e.fx.rules) != len(s.Rules()) {
		t.Errorf("rules after 409 = %d, want %d", len(e.fx.rules), len(s.Rules()))
	}
}

func TestLogsNeverHoldTheToken(t *testing.T) {
	e := newEnv(t)
	cfg := e.config()
	var buf bytes.Buffer
	for _, f := range []string{"%v", "%+v", "%#v", "%s"} {
		buf.WriteString(strings.ReplaceAll(f, "%", "") + ": ")
		buf.WriteString(strings.TrimSpace(fmt.Sprintf(f, cfg)))
	}
	if strings.Contains(buf.String(), testToken) {
		t.Errorf("formatting the config shows the token: %s", buf.String())
	}
	s := e.source(cfg)
	s.log.Info("config", "cfg", cfg)
	s.log.Info("config pointer", "cfg", &cfg)
	// the env cleanup greps the whole log for the token
}
