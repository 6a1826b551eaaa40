package xapi

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/segmentio/kafka-go"

	"github.com/vigie-edu/vigie/ingest"
)

func TestTermGroups(t *testing.T) {
	cases := []struct {
		term string
		want string
	}{
		{"ecolealamaison", `#ecolealamaison OR #écoleàlamaison OR #écolealamaison OR #ecoleàlamaison OR "ecolealamaison" OR "écoleàlamaison" OR "écolealamaison" OR "ecoleàlamaison"`},
		{"#ÉcoleÀlaMaison", `#écoleàlamaison OR #ecolealamaison OR #écolealamaison OR #ecoleàlamaison`},
		{"#CNED", `#cned`},
		{"Pronote", `#pronote OR "pronote"`},
		{"ma classe a la maison", `"ma classe a la maison" OR "ma classe à la maison"`},
		{"classe  virtuelle", `"classe virtuelle"`},
		{"l'ENT", `"l'ent"`},
	}
	for _, c := range cases {
		cfg := Config{Terms: []string{c.term}}.WithDefaults()
		got, err := cfg.termGroups()
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != 1 || got[0] != c.want {
			t.Errorf("%q -> %q, want %q", c.term, got, c.want)
		}
	}
	cfg := Config{Terms: []string{"cned", "#CNED", "Cned"}}.WithDefaults()
	if g, _ := cfg.termGroups(); len(g) != 1 {
		t.Errorf("folded duplicates kept: %q", g)
	}
	if _, err := (Config{Terms: []string{"#"}}.WithDefaults()).termGroups(); err == nil {
		t.Error("empty term accepted")
	}
}

func TestPackRespectsLimitsAndRetweetExclusion(t *testing.T) {
	cfg := Config{Terms: ingest.DefaultTerms, ExcludeRetweets: true, Token: "t"}.WithDefaults()
	groups, _ := cfg.termGroups()
	for _, max := range []int{1024, 512, 300} {
		out, err := cfg.pack(groups, max, "rule")
		if err != nil {
			t.Fatal(err)
		}
		joined := ""
		for _, r := range out {
			if n := len([]rune(r)); n > max {
				t.Errorf("max %d: %d characters in %s", max, n, r)
			}
			if !strings.HasPrefix(r, "(") || !strings.HasSuffix(r, ") -is:retweet") {
				t.Errorf("not wrapped: %s", r)
			}
			joined += r
		}
		for _, g := range groups {
			if !strings.Contains(joined, g) {
				t.Errorf("max %d: group lost: %s", max, g)
			}
		}
	}
	if _, err := cfg.pack(groups, 60, "rule"); err == nil {
		t.Error("a group longer than the limit was accepted")
	}
	// The default terms need 503 characters: one rule, one query; with
	// -is:retweet the query no longer fits in 512 and splits in two.
	for _, c := range []struct {
		exclude        bool
		rules, queries int
	}{{false, 1, 1}, {true, 1, 2}} {
		cfg.ExcludeRetweets = c.exclude
		rules, _ := cfg.rules()
		queries, _ := cfg.queries()
		if len(rules) != c.rules || len(queries) != c.queries {
			t.Errorf("exclude retweets %t: %d rules, %d queries, want %d and %d", c.exclude, len(rules), len(queries), c.rules, c.queries)
		}
	}
}

func TestConfigFromSpec(t *testing.T) {
	dir := t.TempDir()
	tokFile := filepath.Join(dir, "token")
	if err := os.WriteFile(tokFile, []byte("  file-token\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	empty := filepath.Join(dir, "empty")
	_ = os.WriteFile(empty, nil, 0o600)
	env := func(kv ...string) func(string) string {
		m := map[string]string{}
		for i := 0; i+1 < len(kv); i += 2 {
			m[kv[i]] = kv[i+1]
		}
		return func(k string) string { return m[k] }
	}
	cases := []struct {
		name, arg string
		getenv    func(string) string
		wantErr   string
		check     func(t *testing.T, c Config)
	}{
		{"stream with env token", "stream", env(EnvToken, "abc"), "", func(t *testing.T, c Config) {
			if c.Mode != ModeStream || c.Token != "abc" || c.BaseURL != DefaultBaseURL || c.KeepAlive != 20*time.Second ||
				!slices.Equal(c.Terms, ingest.DefaultTerms) {
				t.Errorf("config = %v", c)
			}
		}},
		{"search with token file and terms", "search", env(EnvTokenFile, tokFile, EnvTerms, "pronote, #CNED ,", EnvBaseURL, "http://127.0.0.1:9/", EnvExcludeRetweets, "true"), "", func(t *testing.T, c Config) {
			if c.Mode != ModeSearch || c.Token != "" || c.TokenFile != tokFile || !slices.Equal(c.Terms, []string{"pronote", "#CNED"}) ||
				c.BaseURL != "http://127.0.0.1:9" || !c.ExcludeRetweets {
				t.Errorf("config = %v", c)
			}
		}},
		{"no token", "stream", env(), EnvToken, nil},
		{"both tokens", "stream", env(EnvToken, "a", EnvTokenFile, tokFile), "not both", nil},
		{"empty token file", "stream", env(EnvTokenFile, empty), "empty", nil},
		{"missing token file", "stream", env(EnvTokenFile, filepath.Join(dir, "nope")), "token file", nil},
		{"unknown mode", "firehose", env(EnvToken, "a"), "want", nil},
		{"bad boolean", "stream", env(EnvToken, "a", EnvExcludeRetweets, "maybe"), EnvExcludeRetweets, nil},
		{"bad base URL", "stream", env(EnvToken, "a", EnvBaseURL, "api.x.com"), "base URL", nil},
		{"quoted term", "stream", env(EnvToken, "a", EnvTerms, `"cned"`), "quotes", nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			cfg, err := FromSpec(c.arg, c.getenv)
			if c.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), c.wantErr) {
					t.Fatalf("err = %v, want %q", err, c.wantErr)
				}
				if strings.Contains(err.Error(), "file-token") {
					t.Errorf("error shows the token: %v", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			c.check(t, cfg)
		})
	}
	src, err := Open("stream", []string{"pronote"}, env(EnvTokenFile, tokFile), ingest.Deps{}, func(context.Context, ...kafka.Message) error { return nil })
	if err != nil {
		t.Fatal(err)
	}
	s := src.(*Source)
	if s.Name() != "x:stream" || s.token != "file-token" || !slices.Equal(s.cfg.Terms, []string{"pronote"}) {
		t.Errorf("Open = %s %v", s.Name(), s.cfg)
	}
}

func TestMapTweet(t *testing.T) {
	now := time.Date(2021, 4, 6, 9, 0, 0, 0, time.UTC)
	cases := []struct {
		name, msg string
		wantErr   string
		check     func(t *testing.T, text, author, url string, tags []string, lang, place string)
	}{
		{"posts spelling of the 2026 spec", `{"data":{"id":"1379344212947894275","text":"RT @a: cut…","created_at":"2021-04-06T08:04:22Z","author_id":"2","lang":"FR",
			"referenced_posts":[{"type":"retweeted","id":"1"}]},
			"includes":{"users":[{"id":"2","username":"b"},{"id":"3","username":"a"}],"posts":[{"id":"1","author_id":"3","text":"short &amp; cut","note_post":{"text":"full &gt; long","entities":{"hashtags":[{"tag":"Pronote"}]}}}]}}`,
			"", func(t *testing.T, text, author, url string, tags []string, lang, place string) {
				if text != "RT @a: full > long" || author != "b" || !slices.Equal(tags, []string{"Pronote"}) || lang != "fr" {
					t.Errorf("got %q %q %v %q", text, author, tags, lang)
				}
			}},
		{"retweet of a missing original keeps the cut text", `{"data":{"id":"5","text":"RT @gone: coupé…","created_at":"2021-04-06T08:00:00.000Z","author_id":"2",
			"referenced_tweets":[{"type":"retweeted","id":"404"}]},"includes":{"users":[{"id":"2","username":"b"}]}}`,
			"", func(t *testing.T, text, _, _ string, _ []string, _, _ string) {
				if text != "RT @gone: coupé…" {
					t.Errorf("text %q", text)
				}
			}},
		{"quote keeps its own text", `{"data":{"id":"6","text":"regardez &lt;ça&gt;","created_at":"2021-04-06T08:00:00.000Z","author_id":"2",
			"referenced_tweets":[{"type":"quoted","id":"1"}],"geo":{"place_id":"p"}},"includes":{"tweets":[{"id":"1","text":"autre"}],"places":[{"id":"p","name":"Lille"}]}}`,
			"", func(t *testing.T, text, author, url string, _ []string, _, place string) {
				if text != "regardez <ça>" || author != "2" || url != "https://x.com/i/web/status/6" || place != "Lille" {
					t.Errorf("got %q %q %q %q", text, author, url, place)
				}
			}},
		{"double-escaped entity stays single-unescaped", `{"data":{"id":"7","text":"&amp;lt; &#39;ok&#39; &quot;x&quot;","created_at":"2021-04-06T08:00:00.000Z"}}`,
			"", func(t *testing.T, text, _, _ string, _ []string, _, _ string) {
				if text != `&lt; 'ok' "x"` {
					t.Errorf("text %q", text)
				}
			}},
		{"special language codes", `{"data":{"id":"8","text":"😂","created_at":"2021-04-06T08:00:00.000Z","lang":"qme"}}`,
			"", func(t *testing.T, _, _, _ string, _ []string, lang, _ string) {
				if lang != "" {
					t.Errorf("lang %q", lang)
				}
			}},
		{"numeric id", `{"data":{"id":1379344212947894275,"text":"x","created_at":"2021-04-06T08:00:00.000Z"}}`, "", nil},
		{"no id", `{"data":{"text":"x","created_at":"2021-04-06T08:00:00.000Z"}}`, "without id", nil},
		{"no text", `{"data":{"id":"9","created_at":"2021-04-06T08:00:00.000Z"}}`, "without text", nil},
		{"text not a string", `{"data":{"id":"9","text":12,"created_at":"2021-04-06T08:00:00.000Z"}}`, "malformed tweet", nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var m streamMessage
			if err := json.Unmarshal([]byte(c.msg), &m); err != nil {
				t.Fatal(err)
			}
			tw, err := decodeTweet(m.Data)
			if err == nil {
				pp, _, merr := mapTweet(&tw, &m.Includes, now)
				err = merr
				if err == nil && c.check != nil {
					c.check(t, pp.Text, pp.Author, pp.URL, pp.Hashtags, pp.Lang, pp.Place)
				}
			}
			if c.wantErr == "" && err != nil {
				t.Fatal(err)
			}
			if c.wantErr != "" && (err == nil || !strings.Contains(err.Error(), c.wantErr)) {
				t.Fatalf("err = %v, want %q", err, c.wantErr)
			}
		})
	}
}

func TestIDSetIsBounded(t *testing.T) {
	s := newIDSet(3)
	for _, id := range []uint64{1, 2, 3, 2, 4} {
		s.add(id)
	}
	if s.has(1) || !s.has(2) || !s.has(3) || !s.has(4) || len(s.m) != 3 {
		t.Errorf("set = %v", s.m)
	}
	if s.add(4) || !s.add(1) {
		t.Error("add reported wrongly")
	}
}

func TestSchedules(t *testing.T) {
	take := func(s schedule, n int) []time.Duration {
		out := make([]time.Duration, n)
		for i := range out {
			out[i] = s.next()
		}
		return out
	}
	ms := time.Millisecond
	if got := take(netSchedule(), 5); !slices.Equal(got, []time.Duration{0, 250 * ms, 500 * ms, 750 * ms, 1000 * ms}) {
		t.Errorf("net = %v", got)
	}
	if got := take(netSchedule(), 100)[99]; got != 16*time.Second {
		t.Errorf("net cap = %v", got)
	}
	s := time.Second
	if got := take(httpSchedule(), 8); !slices.Equal(got, []time.Duration{5 * s, 10 * s, 20 * s, 40 * s, 80 * s, 160 * s, 320 * s, 320 * s}) {
		t.Errorf("http = %v", got)
	}
	if got := take(rateSchedule(), 6); !slices.Equal(got, []time.Duration{60 * s, 120 * s, 240 * s, 480 * s, 960 * s, 960 * s}) {
		t.Errorf("429 = %v", got)
	}
	h := httpSchedule()
	h.next()
	h.next()
	h.reset()
	if h.next() != 5*s {
		t.Error("reset did not restart the schedule")
	}
}

func TestParseResetAndIDTime(t *testing.T) {
	if got := parseReset("1617696090"); !got.Equal(time.Unix(1617696090, 0)) {
		t.Errorf("epoch = %v", got)
	}
	if got := parseReset("2021-04-06T08:01:30Z"); !got.Equal(time.Date(2021, 4, 6, 8, 1, 30, 0, time.UTC)) {
		t.Errorf("rfc3339 = %v", got)
	}
	if !parseReset("soon").IsZero() || !parseReset("").IsZero() {
		t.Error("garbage parsed")
	}
	// The documented example id, decoded independently (python: (id>>22)+1288834974657 ms).
	if got := idTime(1377650090978992134); !got.Equal(time.Date(2021, 4, 1, 15, 52, 31, 847e6, time.UTC)) {
		t.Errorf("idTime = %v", got)
	}
	at := time.Date(2021, 4, 6, 8, 0, 0, 123e6, time.UTC)
	if got := idTime(idAt(at, 7)); !got.Equal(at) {
		t.Errorf("idTime(idAt(t)) = %v, want %v", got, at)
	}
}
