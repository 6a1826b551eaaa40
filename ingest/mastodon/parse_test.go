package mastodon

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/vigie-edu/vigie/ingest"
	"github.com/vigie-edu/vigie/post"
)

func TestToPostFromDocumentedStatus(t *testing.T) {
	b, err := os.ReadFile("testdata/status.json")
	if err != nil {
		t.Fatal(err)
	}
	st, err := decodeStatus(b)
	if err != nil {
		t.Fatal(err)
	}
	now := time.Date(2025, 3, 6, 8, 0, 0, 0, time.UTC)
	c, err := toPost(st, "mastodon.example", now)
	if err != nil {
		t.Fatal(err)
	}
	want := post.Post{
		ID:             "https://piaille.example/users/prof_hg/statuses/114115886500000001",
		Source:         "mastodon",
		CreatedAt:      time.Date(2025, 3, 6, 7, 31, 58, 0, time.UTC),
		Author:         "prof_hg@piaille.example",
		AuthorName:     "Mme Durand 📚",
		AuthorLocation: "Lyon (69)",
		AuthorBio:      "Prof d'histoire-géo en collège, Lyon. #EducNat",
		Text:           "Pronote en carafe depuis 8h et l'ENT ne répond plus… #ecolealamaison #Pronote cc @cned_info https://www.education.gouv.fr/continuite-pedagogique",
		Lang:           "fr",
		Hashtags:       []string{"ecolealamaison", "Pronote"},
		URL:            "https://piaille.example/@prof_hg/114115886500000001",
		IngestedAt:     now,
	}
	if got := c.post; !equalPost(got, want) {
		t.Errorf("post\n got %+v\nwant %+v", got, want)
	}
	if c.id != "114115886633571234" || c.dedup != want.ID {
		t.Errorf("id %q dedup %q", c.id, c.dedup)
	}
	if err := post.Normalize(&c.post, now); err != nil {
		t.Errorf("the post does not validate: %v", err)
	}
}

func equalPost(a, b post.Post) bool { return reflect.DeepEqual(a, b) }

func cfgString(cfg Config, format string) string { return fmt.Sprintf(format, cfg) }

func depsForTest() ingest.Deps { return ingest.Deps{Logger: slog.New(slog.DiscardHandler)} }

func TestToPostEdgeCases(t *testing.T) {
	now := time.Now()
	mk := func(sp statusSpec, edit func(map[string]any)) *status {
		st, err := decodeStatus(statusJSONWith("42", "piaille.fr", sp, edit))
		if err != nil {
			t.Fatal(err)
		}
		return st
	}
	t.Run("reblog is the boosted status", func(t *testing.T) {
		inner := statusSpec{uri: "https://other.example/users/a/statuses/1", text: "original", tags: []string{"cned"}, acct: "a@other.example"}
		c, err := toPost(mk(statusSpec{uri: "https://piaille.fr/users/b/statuses/9/activity", reblogOf: &inner}, nil), "piaille.fr", now)
		if err != nil || c.post.ID != inner.uri || c.post.Text != "original #cned" || c.post.Author != "a@other.example" || c.id != "42" {
			t.Errorf("reblog -> %+v id %q err %v", c.post, c.id, err)
		}
	})
	t.Run("content warning first", func(t *testing.T) {
		c, _ := toPost(mk(statusSpec{uri: uri(1), text: "détails", spoiler: "Colère"}, nil), "piaille.fr", now)
		if c.post.Text != "Colère\n\ndétails" {
			t.Errorf("text = %q", c.post.Text)
		}
	})
	t.Run("local account qualified, null language and url", func(t *testing.T) {
		c, _ := toPost(mk(statusSpec{uri: uri(1), text: "x", acct: "prof"}, func(m map[string]any) { m["url"] = nil }), "piaille.fr:8443", now)
		if c.post.Author != "prof@piaille.fr" || c.post.Lang != "" || c.post.URL != uri(1) {
			t.Errorf("post = %+v", c.post)
		}
	})
	t.Run("edit changes the dedupe key only", func(t *testing.T) {
		a, _ := toPost(mk(statusSpec{uri: uri(1), text: "x"}, nil), "h", now)
		b, _ := toPost(mk(statusSpec{uri: uri(1), text: "y", editedAt: "2021-04-06T08:00:00.000Z"}, nil), "h", now)
		if a.post.ID != b.post.ID || a.dedup == b.dedup {
			t.Errorf("ids %q %q dedup %q %q", a.post.ID, b.post.ID, a.dedup, b.dedup)
		}
	})
	t.Run("numeric id from a compatible server", func(t *testing.T) {
		st, err := decodeStatus([]byte(`{"id":114115886633571234,"uri":"u","created_at":"2021-04-06T07:00:00Z","content":"x"}`))
		if err != nil || st.ID != "114115886633571234" {
			t.Errorf("id %q err %v", st.ID, err)
		}
	})
	t.Run("long bio is clipped, not fatal", func(t *testing.T) {
		c, _ := toPost(mk(statusSpec{uri: uri(1), text: "x"}, func(m map[string]any) {
			m["account"].(map[string]any)["note"] = "<p>" + strings.Repeat("é", 5000) + "</p>"
		}), "h", now)
		if len(c.post.AuthorBio) > post.MaxFieldBytes || !strings.HasSuffix(c.post.AuthorBio, "…") {
			t.Errorf("bio of %d bytes", len(c.post.AuthorBio))
		}
		if err := post.Normalize(&c.post, now); err != nil {
			t.Error(err)
		}
	})
	for _, bad := range []func(map[string]any){
		func(m map[string]any) { m["uri"] = "" },
		func(m map[string]any) { m["created_at"] = "6 avril" },
	} {
		if _, err := toPost(mk(statusSpec{uri: uri(1), text: "x"}, bad), "h", now); !errors.Is(err, errNotPost) {
			t.Errorf("bad status accepted: %v", err)
		}
	}
}

func TestSSEReaderOnDocumentedTranscript(t *testing.T) {
	b, err := os.ReadFile("testdata/hashtag.sse")
	if err != nil {
		t.Fatal(err)
	}
	alive := 0
	r := newSSEReader(bytes.NewReader(b), func() { alive++ })
	var names []string
	for {
		ev, err := r.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		names = append(names, ev.name)
		if ev.name == "delete" && string(ev.data) != "114115886633571234" {
			t.Errorf("delete data %q", ev.data)
		}
		if ev.name == "update" {
			if _, err := decodeStatus(ev.data); err != nil {
				t.Errorf("update data: %v", err)
			}
		}
	}
	if !slices.Equal(names, []string{"update", "status.update", "delete"}) {
		t.Errorf("events %v", names)
	}
	if alive < 8 {
		t.Errorf("alive called %d times, want every line (greeting, heartbeat included)", alive)
	}
}

func TestSSEReaderFraming(t *testing.T) {
	in := ":)\r\nevent: update\r\ndata: {\"a\":\r\ndata:1}\r\n\r\n" + // CRLF, two data lines, no space after colon
		"data: sans event\n\n" + // default event name
		"event: x\nretry: 10\nid: 3\nunknown\n\n" + // no data: not dispatched
		"event: delete\ndata: 1" // cut by the end of the stream: dropped
	r := newSSEReader(strings.NewReader(in), func() {})
	var got []string
	for {
		ev, err := r.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, ev.name+"="+string(ev.data))
	}
	if want := []string{"update={\"a\":\n1}", "message=sans event"}; !slices.Equal(got, want) {
		t.Errorf("events %q, want %q", got, want)
	}
}

func TestParseWSFrame(t *testing.T) {
	b, err := os.ReadFile("testdata/ws_frame.json")
	if err != nil {
		t.Fatal(err)
	}
	ev, inBand := parseWSFrame(b)
	if inBand != nil || ev.bad != "" || ev.name != "update" || ev.tag != "ecolealamaison" {
		t.Fatalf("frame -> %+v %v", ev, inBand)
	}
	if _, err := decodeStatus(ev.data); err != nil {
		t.Errorf("payload after the second decode: %v", err)
	}
	if ev, _ := parseWSFrame([]byte(`{"stream":["hashtag","cned"],"event":"delete","payload":"123"}`)); string(ev.data) != "123" {
		t.Errorf("delete payload %q", ev.data)
	}
	if _, inBand := parseWSFrame([]byte(`{"error":"Missing tag name parameter","status":400}`)); inBand == nil || inBand.Status != 400 {
		t.Errorf("in-band error -> %v", inBand)
	}
	if ev, _ := parseWSFrame([]byte(`{"event":"update","payload":42}`)); ev.bad != "" || string(ev.data) != "42" {
		t.Errorf("object payload -> %+v", ev)
	}
	for _, bad := range []string{`{`, `{"stream":["hashtag"]}`, `{"event":"update","payload":"\u"}`} {
		if ev, _ := parseWSFrame([]byte(bad)); ev.bad == "" {
			t.Errorf("%s accepted", bad)
		}
	}
}

func TestParseLinks(t *testing.T) {
	base, _ := url.Parse("https://piaille.fr/api/v1/timelines/tag/cned?limit=40")
	h := `<https://piaille.fr/api/v1/timelines/tag/cned?limit=40&max_id=100>; rel="next", ` +
		`</api/v1/timelines/tag/cned?limit=40&min_id=200>; rel="prev"; title="a, b", <https://x.example/>; rel="other self"`
	l := parseLinks(h, base)
	if l["next"].Query().Get("max_id") != "100" || l["prev"].String() != "https://piaille.fr/api/v1/timelines/tag/cned?limit=40&min_id=200" ||
		l["self"].Host != "x.example" || len(l) != 4 {
		t.Errorf("links %v", l)
	}
	if !sameOrigin(l["prev"], base) || sameOrigin(l["self"], base) || sameOrigin(nil, base) {
		t.Error("sameOrigin")
	}
	if len(parseLinks("", base)) != 0 || len(parseLinks("<unterminated", base)) != 0 {
		t.Error("empty or broken headers")
	}
}

func TestRateLimitWait(t *testing.T) {
	now := time.Date(2025, 3, 6, 7, 30, 0, 0, time.UTC)
	cases := []struct {
		h    map[string]string
		want time.Duration
	}{
		{map[string]string{"X-RateLimit-Reset": "2025-03-06T07:35:00.000000Z"}, 5 * time.Minute},
		{map[string]string{"X-RateLimit-Reset": "1741246260"}, time.Minute}, // epoch seconds
		{map[string]string{"Retry-After": "30", "X-RateLimit-Reset": "2025-03-06T07:35:00.000000Z"}, 30 * time.Second},
		{map[string]string{"Retry-After": "Thu, 06 Mar 2025 07:32:00 GMT"}, 2 * time.Minute},
		{map[string]string{"X-RateLimit-Reset": "2025-03-06T07:00:00Z"}, 0}, // past
		{map[string]string{"X-RateLimit-Reset": "bientôt"}, 0},
		{nil, 0},
	}
	for _, c := range cases {
		h := http.Header{}
		for k, v := range c.h {
			h.Set(k, v)
		}
		if got := rateLimitWait(h, now); got != c.want {
			t.Errorf("rateLimitWait(%v) = %s, want %s", c.h, got, c.want)
		}
	}
}

func TestIDOrderAndSnowflake(t *testing.T) {
	cases := []struct {
		a, b string
		less bool
	}{
		{"", "1", true}, {"1", "", false}, {"9", "10", true}, {"114115886633571234", "114115886633571235", true},
		{"0010", "9", false}, {"abc", "abd", true}, {"5", "5", false},
	}
	for _, c := range cases {
		if idLess(c.a, c.b) != c.less {
			t.Errorf("idLess(%q, %q) = %v", c.a, c.b, !c.less)
		}
	}
	now := time.Date(2025, 3, 7, 0, 0, 0, 0, time.UTC)
	if ts, ok := snowflakeTime("114115886633571234", now); !ok || ts.Format("2006-01-02") != "2025-03-06" {
		t.Errorf("snowflake -> %s %v", ts, ok)
	}
	for _, bad := range []string{"12", "abc", "99999999999999999999999"} {
		if _, ok := snowflakeTime(bad, now); ok {
			t.Errorf("snowflakeTime(%q) accepted", bad)
		}
	}
}

func TestRecentSetIsBounded(t *testing.T) {
	r := newRecentSet(100)
	for i := range 10_000 {
		r.Add(string(rune(i)))
		if r.Len() > 100 {
			t.Fatalf("holds %d keys, bound 100", r.Len())
		}
	}
	for i := 10_000 - 50; i < 10_000; i++ { // the 50 most recent are always there
		if !r.Has(string(rune(i))) {
			t.Fatalf("recent key %d forgotten", i)
		}
	}
	if r.Has(string(rune(0))) {
		t.Error("oldest key kept")
	}
}

func TestNormalizeTag(t *testing.T) {
	for in, want := range map[string]string{
		"#ÉcoleÀLaMaison": "ecolealamaison", "BlanquerMent": "blanquerment", "#ma_classe": "ma_classe",
		"ｃｎｅｄ": "cned", "pro-note!": "pronote", "#": "", "Œuvre": "oeuvre",
	} {
		if got := NormalizeTag(in); got != want {
			t.Errorf("NormalizeTag(%q) = %q, want %q", in, got, want)
		}
	}
	if got := DefaultHashtags(); !slices.Equal(got, []string{"ecolealamaison", "blanquerment", "blanquerdemission", "pronote", "cned", "continuitepedagogique"}) {
		t.Errorf("DefaultHashtags = %v", got)
	}
}

func TestFromSpec(t *testing.T) {
	tokenFile := t.TempDir() + "/token"
	if err := os.WriteFile(tokenFile, []byte(" file-"+testToken+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	env := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	t.Run("one token for all, default hashtags", func(t *testing.T) {
		cfg, err := FromSpec("mastodon.social, piaille.fr", env(map[string]string{EnvToken: testToken}))
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(cfg.Instances, []string{"mastodon.social", "piaille.fr"}) || cfg.Token != testToken ||
			!slices.Equal(cfg.Hashtags, DefaultHashtags()) {
			t.Errorf("cfg = %+v", cfg)
		}
		src, err := New(cfg, depsForTest())
		if err != nil {
			t.Fatal(err)
		}
		if src.Name() != "mastodon:mastodon.social,piaille.fr" || src.insts[0].base.String() != "https://mastodon.social" {
			t.Errorf("name %q base %s", src.Name(), src.insts[0].base)
		}
	})
	t.Run("per-host tokens, hashtags and transport from env", func(t *testing.T) {
		cfg, err := FromSpec("piaille.fr,mastodon.social", env(map[string]string{
			"VIGIE_MASTODON_TOKEN_PIAILLE_FR": "p-" + testToken, "VIGIE_MASTODON_TOKEN_MASTODON_SOCIAL": "m-" + testToken,
			EnvHashtags: "#CNED, Pronote", EnvTransport: "WS"}))
		if err != nil {
			t.Fatal(err)
		}
		if cfg.tokenFor("piaille.fr") != "p-"+testToken || cfg.tokenFor("mastodon.social") != "m-"+testToken ||
			!slices.Equal(cfg.Hashtags, []string{"#CNED", "Pronote"}) || cfg.Transport != TransportWebSocket {
			t.Errorf("cfg = %+v", cfg)
		}
	})
	t.Run("token file", func(t *testing.T) {
		cfg, err := FromSpec("piaille.fr", env(map[string]string{EnvTokenFile: tokenFile}))
		if err != nil || cfg.Token != Secret("file-"+testToken) {
			t.Errorf("token from file: %v", err)
		}
		cfg, err = FromSpec("piaille.fr", env(map[string]string{EnvTokenFile: tokenFile, EnvToken: "env-wins"}))
		if err != nil || cfg.Token != "env-wins" {
			t.Errorf("env should win over the file: %v", err)
		}
	})
	errCases := []struct {
		name, arg string
		env       map[string]string
		want      string
	}{
		{"no instance", " , ", map[string]string{EnvToken: testToken}, "no instance"},
		{"missing token names the variables", "piaille.fr,mastodon.social", map[string]string{"VIGIE_MASTODON_TOKEN_PIAILLE_FR": testToken},
			"VIGIE_MASTODON_TOKEN_MASTODON_SOCIAL"},
		{"missing token file", "piaille.fr", map[string]string{EnvTokenFile: "/nonexistent/token"}, EnvTokenFile},
		{"clear-text http", "http://piaille.fr", map[string]string{EnvToken: testToken}, "want https"},
		{"path", "piaille.fr/api", map[string]string{EnvToken: testToken}, "bare base URL"},
		{"credentials in URL", "https://user:" + testToken + "@piaille.fr", map[string]string{EnvToken: testToken}, "bare base URL"},
		{"bad transport", "piaille.fr", map[string]string{EnvToken: testToken, EnvTransport: "grpc"}, "unknown transport"},
		{"empty hashtag", "piaille.fr", map[string]string{EnvToken: testToken, EnvHashtags: "#!"}, "no letter"},
	}
	for _, c := range errCases {
		t.Run(c.name, func(t *testing.T) {
			_, err := FromSpec(c.arg, env(c.env))
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("err = %v, want it to mention %q", err, c.want)
			}
			if strings.Contains(err.Error(), "S3CRET") {
				t.Errorf("the token leaks into the error: %v", err)
			}
		})
	}
	t.Run("loopback http is allowed", func(t *testing.T) {
		if _, err := FromSpec("http://127.0.0.1:8080", env(map[string]string{EnvToken: testToken})); err != nil {
			t.Error(err)
		}
	})
}

func TestSecretNeverPrints(t *testing.T) {
	cfg := Config{Instances: []string{"piaille.fr"}, Hashtags: []string{"cned"}, Token: testToken,
		Tokens: map[string]Secret{"piaille.fr": testToken}}
	var buf bytes.Buffer
	for _, s := range []string{cfgString(cfg, "%v"), cfgString(cfg, "%+v"), cfgString(cfg, "%#v"), cfgString(cfg, "%s")} {
		buf.WriteString(s)
	}
	j, _ := json.Marshal(cfg.Token)
	buf.Write(j)
	if strings.Contains(buf.String(), "S3CRET") || !strings.Contains(buf.String(), redacted) {
		t.Errorf("printed config: %s", buf.String())
	}
	if redact("echo "+testToken, testToken) != "echo "+redacted {
		t.Error("redact")
	}
}

func TestValidateRejectsBadValues(t *testing.T) {
	base := Config{Instances: []string{"piaille.fr"}, Hashtags: []string{"cned"}, Token: "t"}
	for name, mod := range map[string]func(*Config){
		"limit":     func(c *Config) { c.BackfillLimit = 41 },
		"duration":  func(c *Config) { c.SilenceTimeout = -time.Second },
		"backoff":   func(c *Config) { c.BackoffMin, c.BackoffMax = time.Minute, time.Second },
		"duplicate": func(c *Config) { c.Instances = []string{"piaille.fr", "https://PIAILLE.fr/"} },
		"hashtags":  func(c *Config) { c.Hashtags = nil },
	} {
		c := base
		mod(&c)
		if err := c.Validate(); err == nil {
			t.Errorf("%s: accepted %+v", name, c)
		}
	}
	if err := base.Validate(); err != nil {
		t.Error(err)
	}
}
