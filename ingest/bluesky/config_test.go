package bluesky

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/vigie-edu/vigie/ingest"
)

func TestFromSpec(t *testing.T) {
	pwFile := filepath.Join(t.TempDir(), "pw")
	if err := os.WriteFile(pwFile, []byte(testPassword+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name     string
		arg      string
		env      map[string]string
		wantErr  string
		endpoint string
		password string
		check    func(t *testing.T, c Config)
	}{
		{name: "default", arg: "jetstream", endpoint: DefaultEndpoint, check: func(t *testing.T, c Config) {
			if c.SearchEndpoint != DefaultSearchEndpoint || !slices.Equal(c.Terms, ingest.DefaultTerms) ||
				c.Rewind != DefaultRewind || c.MaxCursorAge != 36*time.Hour || c.SilenceTimeout != 30*time.Second || c.HasCredentials() {
				t.Errorf("defaults: %+v", c)
			}
		}},
		{name: "url", arg: "wss://js.example.org/subscribe", endpoint: "wss://js.example.org/subscribe"},
		{name: "bad arg", arg: "firehose", wantErr: "want \"jetstream\""},
		{name: "http url", arg: "https://x/subscribe", wantErr: "want \"jetstream\""},
		{name: "credentials", arg: "jetstream", endpoint: DefaultEndpoint, password: testPassword,
			env: map[string]string{EnvIdentifier: testIdentifier, EnvAppPassword: testPassword}},
		{name: "password file", arg: "jetstream", endpoint: DefaultEndpoint, password: testPassword,
			env: map[string]string{EnvIdentifier: testIdentifier, EnvAppPasswordFile: pwFile}},
		{name: "both passwords", arg: "jetstream", wantErr: "not both",
			env: map[string]string{EnvIdentifier: testIdentifier, EnvAppPassword: "x", EnvAppPasswordFile: pwFile}},
		{name: "missing file", arg: "jetstream", wantErr: EnvAppPasswordFile,
			env: map[string]string{EnvIdentifier: testIdentifier, EnvAppPasswordFile: pwFile + ".missing"}},
		{name: "identifier alone", arg: "jetstream", wantErr: "set both",
			env: map[string]string{EnvIdentifier: testIdentifier}},
		{name: "backfill without account", arg: "jetstream", wantErr: "needs credentials",
			env: map[string]string{EnvBackfillOnStart: "6h"}},
		{name: "backfill", arg: "jetstream", endpoint: DefaultEndpoint, password: testPassword,
			env: map[string]string{EnvIdentifier: testIdentifier, EnvAppPassword: testPassword, EnvBackfillOnStart: "6h", EnvSearchEndpoint: "https://pds.example.org"},
			check: func(t *testing.T, c Config) {
				if c.BackfillOnStart != 6*time.Hour || c.SearchEndpoint != "https://pds.example.org" {
					t.Errorf("%+v", c)
				}
			}},
		{name: "bad backfill", arg: "jetstream", wantErr: "duration", env: map[string]string{EnvBackfillOnStart: "soon"}},
		{name: "bad search endpoint", arg: "jetstream", wantErr: "search endpoint", env: map[string]string{EnvSearchEndpoint: "ftp://x"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			cfg, err := FromSpec(c.arg, func(k string) string { return c.env[k] })
			if c.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), c.wantErr) {
					t.Fatalf("err = %v, want %q", err, c.wantErr)
				}
				if strings.Contains(err.Error(), testPassword) {
					t.Fatal("error contains the password")
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if cfg.Endpoint != c.endpoint || cfg.AppPassword != c.password {
				t.Errorf("endpoint %q password set %v", cfg.Endpoint, cfg.AppPassword != "")
			}
			if c.check != nil {
				c.check(t, cfg)
			}
			for _, s := range []string{fmt.Sprint(cfg), fmt.Sprintf("%v %+v %#v %s", cfg, cfg, cfg, cfg)} {
				if strings.Contains(s, testPassword) {
					t.Fatalf("formatted config shows the password: %s", s)
				}
			}
		})
	}
}

func TestValidate(t *testing.T) {
	ok := Config{Endpoint: "ws://localhost:6008/subscribe"}.WithDefaults()
	if err := ok.Validate(); err != nil {
		t.Fatal(err)
	}
	cases := map[string]func(*Config){
		"endpoint scheme": func(c *Config) { c.Endpoint = "ftp://x/subscribe" },
		"endpoint host":   func(c *Config) { c.Endpoint = "ws:///subscribe" },
		"empty term":      func(c *Config) { c.Terms = []string{"#"} },
		"rewind":          func(c *Config) { c.Rewind = -time.Second },
		"max age":         func(c *Config) { c.MaxCursorAge = time.Second; c.Rewind = time.Minute },
		"backoff":         func(c *Config) { c.BackoffMax = c.BackoffMin / 2 },
		"page limit":      func(c *Config) { c.SearchPageLimit = 101 },
		"password alone":  func(c *Config) { c.AppPassword = "x" },
	}
	for name, mutate := range cases {
		c := ok
		mutate(&c)
		if err := c.Validate(); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
	if _, err := New(ok, ingest.Deps{}, nil); err == nil {
		t.Error("New accepted a nil Rejecter")
	}
	s, err := New(Config{Endpoint: DefaultEndpoint}, ingest.Deps{}, (&rejects{}).reject)
	if err != nil {
		t.Fatal(err)
	}
	if s.Name() != "bluesky:jetstream2.us-east.bsky.network" {
		t.Errorf("Name = %q", s.Name())
	}
}

func TestToPost(t *testing.T) {
	seen := time.Date(2025, 3, 6, 7, 32, 31, 0, time.UTC)
	rec := func(fields string) json.RawMessage {
		return json.RawMessage(`{"$type": "app.bsky.feed.post", "text": "Pronote #HS"` + fields + `}`)
	}
	cases := []struct {
		name    string
		raw     json.RawMessage
		created time.Time
		lang    string
		tags    []string
		err     string
		dateErr bool
	}{
		{name: "full", raw: rec(`, "createdAt": "2025-03-06T07:32:30.512Z", "langs": ["fr-FR", "en"]`),
			created: time.Date(2025, 3, 6, 7, 32, 30, 512e6, time.UTC), lang: "fr"},
		{name: "no fraction, offset", raw: rec(`, "createdAt": "2025-03-06T08:32:30+01:00"`), created: time.Date(2025, 3, 6, 7, 32, 30, 0, time.UTC)},
		{name: "no zone", raw: rec(`, "createdAt": "2025-03-06T07:32:30.5"`), created: time.Date(2025, 3, 6, 7, 32, 30, 5e8, time.UTC)},
		{name: "missing createdAt uses time_us", raw: rec(``), created: seen},
		{name: "future clamped to time_us", raw: rec(`, "createdAt": "2031-01-01T00:00:00Z"`), created: seen},
		{name: "old kept for Normalize", raw: rec(`, "createdAt": "1999-01-01T00:00:00Z"`), created: time.Date(1999, 1, 1, 0, 0, 0, 0, time.UTC)},
		{name: "bad date", raw: rec(`, "createdAt": "yesterday"`), dateErr: true},
		{name: "tags", raw: rec(`, "createdAt": "2025-03-06T07:32:30Z", "tags": ["CNED", "#cned", "CNED"], "facets": [{"index": {"byteStart": 8, "byteEnd": 11}, "features": [{"$type": "app.bsky.richtext.facet#tag", "tag": "HS"}, {"$type": "app.bsky.richtext.facet#link", "uri": "https://x"}]}]`),
			created: time.Date(2025, 3, 6, 7, 32, 30, 0, time.UTC), tags: []string{"HS", "CNED", "cned"}},
		{name: "weird lang dropped", raw: rec(`, "createdAt": "2025-03-06T07:32:30Z", "langs": ["x-klingon"]`), created: time.Date(2025, 3, 6, 7, 32, 30, 0, time.UTC)},
		{name: "no text", raw: json.RawMessage(`{"createdAt": "2025-03-06T07:32:30Z"}`), err: "without text"},
		{name: "wrong type", raw: json.RawMessage(`{"$type": "app.bsky.feed.like", "text": ""}`), err: "$type"},
		{name: "null", raw: json.RawMessage(`null`), err: "without record"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p, err := toPost("did:plc:a", "rk", c.raw, seen)
			var de *dateError
			switch {
			case c.err != "":
				if err == nil || !strings.Contains(err.Error(), c.err) {
					t.Fatalf("err = %v, want %q", err, c.err)
				}
				return
			case c.dateErr:
				if !asDateError(err, &de) {
					t.Fatalf("err = %v, want a date error", err)
				}
				return
			case err != nil:
				t.Fatal(err)
			}
			if !p.CreatedAt.Equal(c.created) || p.Lang != c.lang || !slices.Equal(p.Hashtags, c.tags) {
				t.Errorf("got created %v lang %q tags %v", p.CreatedAt, p.Lang, p.Hashtags)
			}
			if p.ID != "at://did:plc:a/app.bsky.feed.post/rk" || p.URL != "https://bsky.app/profile/did:plc:a/post/rk" {
				t.Errorf("id %s url %s", p.ID, p.URL)
			}
		})
	}
}

func asDateError(err error, de **dateError) bool {
	d, ok := err.(*dateError)
	*de = d
	return ok
}

func TestRecentSetIsBounded(t *testing.T) {
	r := newRecentSet(3)
	for _, k := range []string{"a", "b", "c"} {
		if !r.Add(k) {
			t.Fatalf("%s not new", k)
		}
	}
	if r.Add("a") {
		t.Fatal("a added twice")
	}
	r.Add("d") // evicts a
	if r.Has("a") || !r.Has("d") || r.Len() != 3 {
		t.Fatalf("after eviction: a=%v d=%v len=%d", r.Has("a"), r.Has("d"), r.Len())
	}
}

func TestParseATURI(t *testing.T) {
	for uri, ok := range map[string]bool{
		"at://did:plc:a/app.bsky.feed.post/rk":   true,
		"at://did:plc:a/app.bsky.feed.repost/rk": false,
		"at://did:plc:a/app.bsky.feed.post/":     false,
		"https://bsky.app/profile/x/post/y":      false,
		"at://did:plc:a/app.bsky.feed.post/a/b":  false,
	} {
		if _, _, got := parseATURI(uri); got != ok {
			t.Errorf("parseATURI(%q) = %v", uri, got)
		}
	}
}
