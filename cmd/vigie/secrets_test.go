package main

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/coder/websocket"

	"github.com/vigie-edu/vigie/internal/chtest"
	"github.com/vigie-edu/vigie/post"
	"github.com/vigie-edu/vigie/store"
)

// TestSecretsNeverLeak runs a whole `vigie run` (the test binary re-executed
// as vigie) with fake secrets in environment variables and files (the X
// bearer token, the Bluesky app password and the session tokens its server
// issues, the Mastodon token, the dashboard token and password, the webhook
// secret), against fake Mastodon, Jetstream + XRPC and X servers that check
// them and, on some answers, echo them back (as misbehaving proxies do).
// It collects every log line, stdout and stderr, the /metrics and health
// pages, the dashboard's pages and API answers, an exported chart and an
// export of the posts, the files the run left in its data folder, and the
// webhook bodies, and fails if any secret value appears in any of them.
func TestSecretsNeverLeak(t *testing.T) {
	secret := func(name string) string {
		b := make([]byte, 12)
		rand.Read(b)
		return "SECRET-" + name + "-" + hex.EncodeToString(b)
	}
	s := map[string]string{
		"x bearer token":        secret("xbearer"),
		"bluesky app password":  secret("bskypass"),
		"bluesky access token":  secret("bskyaccess"),
		"bluesky refresh token": secret("bskyrefresh"),
		"mastodon token":        secret("mastodon"),
		"dashboard token":       secret("dashtoken"),
		"dashboard password":    secret("dashpass"),
		"webhook secret":        secret("webhook"),
	}
	dir := t.TempDir()
	data := filepath.Join(dir, "data")
	writeSecret := func(name, value string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(value+"\n"), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	now := time.Now().UTC().Add(-time.Minute).Truncate(time.Second)
	var seen authLog

	// Mastodon: SSE stream and hashtag timeline. The timeline of #pronote
	// answers 403 with the token echoed in its error.
	masto := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ok := r.Header.Get("Authorization") == "Bearer "+s["mastodon token"]
		seen.add("mastodon", ok)
		switch {
		case r.URL.Path == "/api/v1/streaming/hashtag" && ok:
			w.Header().Set("Content-Type", "text/event-stream")
			fl := w.(http.Flusher)
			fmt.Fprint(w, ":)\n")
			if r.URL.Query().Get("tag") == "cned" {
				st := map[string]any{"id": "1001", "created_at": now.Format(time.RFC3339), "uri": "https://masto.example/statuses/1001",
					"content": "<p>Le site du CNED est en panne #cned</p>", "account": map[string]any{"acct": "prof@masto.example"},
					"tags": []any{map[string]any{"name": "cned"}}}
				b, _ := json.Marshal(st)
				fmt.Fprintf(w, "event: update\ndata: %s\n\n", b)
			}
			fl.Flush()
			keepAlive(w, r, ":thump\n\n")
		case strings.HasPrefix(r.URL.Path, "/api/v1/timelines/tag/pronote"):
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(http.StatusForbidden)
			fmt.Fprintf(w, `{"error":"token %s is not allowed here"}`, r.Header.Get("Authorization"))
		case strings.HasPrefix(r.URL.Path, "/api/v1/timelines/tag/") && ok:
			w.Header().Set("Content-Type", "application/json")
			fmt.Fprint(w, "[]")
		default:
			w.Header().Set("X-Error-Message", "bad token "+r.Header.Get("Authorization"))
			http.Error(w, `{"error":"Invalid access token `+r.Header.Get("Authorization")+`"}`, http.StatusUnauthorized)
		}
	}))
	defer masto.Close()

	// Bluesky: Jetstream, and XRPC whose searchPosts echoes the password
	// and the access token in its error message.
	bsky := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/subscribe":
			c, err := websocket.Accept(w, r, nil)
			if err != nil {
				return
			}
			defer c.CloseNow()
			for i := range 2 {
				us := now.Add(time.Duration(i) * time.Second).UnixMicro()
				ev := fmt.Sprintf(`{"did":"did:plc:secrettest","time_us":%d,"kind":"commit","commit":{"rev":"r%d","operation":"create","collection":"app.bsky.feed.post","rkey":"k%d","cid":"c%d","record":{"$type":"app.bsky.feed.post","text":"Pronote en panne ce matin #ecolealamaison","createdAt":%q}}}`,
					us, i, i, i, now.Format(time.RFC3339))
				if c.Write(r.Context(), websocket.MessageText, []byte(ev)) != nil {
					return
				}
			}
			<-c.CloseRead(r.Context()).Done()
		case "/xrpc/com.atproto.server.createSession":
			var in struct{ Identifier, Password string }
			json.NewDecoder(r.Body).Decode(&in)
			ok := in.Password == s["bluesky app password"]
			seen.add("bluesky login", ok)
			w.Header().Set("Content-Type", "application/json")
			if !ok {
				w.WriteHeader(http.StatusUnauthorized)
				fmt.Fprintf(w, `{"error":"AuthenticationRequired","message":"wrong password %s"}`, in.Password)
				return
			}
			fmt.Fprintf(w, `{"accessJwt":%q,"refreshJwt":%q,"did":"did:plc:me","handle":"me.example"}`, s["bluesky access token"], s["bluesky refresh token"])
		case "/xrpc/app.bsky.feed.searchPosts":
			seen.add("bluesky search", r.Header.Get("Authorization") == "Bearer "+s["bluesky access token"])
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(http.StatusBadRequest)
			fmt.Fprintf(w, `{"error":"InvalidRequest","message":"refused %s for password %s"}`, r.Header.Get("Authorization"), s["bluesky app password"])
		default:
			http.NotFound(w, r)
		}
	}))
	defer bsky.Close()

	// X: stream rules, the filtered stream (its first attempt answers 503
	// with the bearer echoed), recent search.
	var xmu sync.Mutex
	streamCalls := 0
	xsrv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		auth := r.Header.Get("Authorization")
		ok := auth == "Bearer "+s["x bearer token"]
		seen.add("x", ok)
		w.Header().Set("Content-Type", "application/json")
		if !ok {
			w.WriteHeader(http.StatusUnauthorized)
			fmt.Fprintf(w, `{"title":"Unauthorized","detail":"bad %s"}`, auth)
			return
		}
		switch {
		case r.URL.Path == "/2/tweets/search/stream/rules" && r.Method == http.MethodGet:
			fmt.Fprint(w, `{"meta":{"result_count":0}}`)
		case r.URL.Path == "/2/tweets/search/stream/rules":
			var in struct {
				Add []struct{ Value, Tag string } `json:"add"`
			}
			json.NewDecoder(r.Body).Decode(&in)
			var out []map[string]string
			for i, a := range in.Add {
				out = append(out, map[string]string{"id": fmt.Sprint(100 + i), "value": a.Value, "tag": a.Tag})
			}
			json.NewEncoder(w).Encode(map[string]any{"data": out, "meta": map[string]any{"summary": map[string]int{"created": len(out)}}})
		case r.URL.Path == "/2/tweets/search/stream":
			xmu.Lock()
			streamCalls++
			first := streamCalls == 1
			xmu.Unlock()
			if first {
				w.WriteHeader(http.StatusServiceUnavailable)
				fmt.Fprintf(w, `{"title":"Service Unavailable","detail":"upstream refused %s"}`, auth)
				return
			}
			fmt.Fprintf(w, `{"data":{"id":"1379338552210440193","text":"L'ENT ne répond plus #ecolealamaison","created_at":%q,"author_id":"9"},"includes":{"users":[{"id":"9","username":"prof_x","name":"Prof"}]}}`+"\r\n",
				now.Format("2006-01-02T15:04:05.000Z"))
			w.(http.Flusher).Flush()
			keepAlive(w, r, "\r\n")
		case r.URL.Path == "/2/tweets/search/recent": // the backfill, if it runs before the end
			w.WriteHeader(http.StatusServiceUnavailable)
			fmt.Fprintf(w, `{"title":"Service Unavailable","detail":"search refused %s"}`, auth)
		default:
			http.NotFound(w, r)
		}
	}))
	defer xsrv.Close()

	var hookMu sync.Mutex
	var hookBodies []string
	hook := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		hookMu.Lock()
		hookBodies = append(hookBodies, fmt.Sprint(r.Header)+string(b))
		hookMu.Unlock()
	}))
	defer hook.Close()

	httpAddr, metricsAddr := freeAddr(t), freeAddr(t)
	env := []string{
		"VIGIE_MASTODON_TOKEN_FILE=" + writeSecret("mastodon-token", s["mastodon token"]),
		"VIGIE_MASTODON_HASHTAGS=cned,pronote",
		"VIGIE_BLUESKY_IDENTIFIER=me.example",
		"VIGIE_BLUESKY_APP_PASSWORD=" + s["bluesky app password"],
		"VIGIE_BLUESKY_SEARCH_ENDPOINT=" + bsky.URL,
		"VIGIE_BLUESKY_BACKFILL=1h",
		"VIGIE_X_BEARER_TOKEN_FILE=" + writeSecret("x-token", s["x bearer token"]),
		"VIGIE_X_BASE_URL=" + xsrv.URL,
		"VIGIE_HTTP_TOKEN=" + s["dashboard token"],
		"VIGIE_HTTP_PASSWORD_FILE=" + writeSecret("dash-password", s["dashboard password"]),
		"VIGIE_WEBHOOK_SECRET=" + s["webhook secret"],
	}
	var collected strings.Builder
	add := func(what, text string) { fmt.Fprintf(&collected, "\n==== %s\n%s", what, text) }

	cmd, stdout, stderr := vigieWithEnv(t, env, "run", "--data", data, "--http", httpAddr, "--http-user", "union",
		"--metrics-addr", metricsAddr, "--partitions", "1", "--log-level", "debug",
		"--source", "mastodon:"+masto.URL, "--source", "bluesky:ws"+strings.TrimPrefix(bsky.URL, "http")+"/subscribe",
		"--source", "x:stream")
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	stopped := false
	defer func() {
		if !stopped {
			_ = cmd.Process.Kill()
			<-exited
		}
	}()
	deadline := time.Now().Add(3 * time.Minute)
	for chtest.StoredSoFar(data) < 4 { // 1 Mastodon, 2 Bluesky, 1 X post
		select {
		case err := <-exited:
			stopped = true
			t.Fatalf("vigie run exited early: %v\n%s", err, clipLog(readFile(stderr)))
		default:
		}
		if time.Now().After(deadline) {
			t.Fatalf("the posts of the three fake sources were not stored within 3 minutes (%d stored)\n%s",
				chtest.StoredSoFar(data), clipLog(readFile(stderr)))
		}
		time.Sleep(300 * time.Millisecond)
	}

	// Pages: the dashboard with the token and with basic auth, without auth
	// (the 401 page), the metrics and health pages.
	get := func(url string, set func(*http.Request)) {
		req, _ := http.NewRequest(http.MethodGet, url, nil)
		if set != nil {
			set(req)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Errorf("GET %s: %v", url, err)
			return
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(io.LimitReader(resp.Body, 16<<20))
		add(fmt.Sprintf("GET %s: %d %v", url, resp.StatusCode, resp.Header), string(b))
	}
	bearer := func(r *http.Request) { r.Header.Set("Authorization", "Bearer "+s["dashboard token"]) }
	basic := func(r *http.Request) { r.SetBasicAuth("union", s["dashboard password"]) }
	for _, p := range []string{"/", "/api/summary", "/api/filters", "/api/posts", "/api/regions-now", "/api/charts/outages",
		"/api/charts/labels", "/healthz", "/nosuch"} {
		get("http://"+httpAddr+p, bearer)
	}
	get("http://"+httpAddr+"/", basic)
	get("http://"+httpAddr+"/api/summary", nil)
	get("http://"+httpAddr+"/", func(r *http.Request) { r.SetBasicAuth("union", "wrong-"+s["dashboard password"][:8]) })
	for _, p := range []string{"/metrics", "/healthz", "/readyz"} {
		get("http://"+metricsAddr+p, nil)
	}

	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-exited:
		stopped = true
		if err != nil {
			t.Errorf("vigie run after SIGTERM: %v", err)
		}
	case <-time.After(2 * time.Minute):
		t.Fatal("vigie run did not stop within 2 minutes of SIGTERM")
	}
	add("vigie run stdout", readFile(stdout))
	add("vigie run stderr", readFile(stderr))

	// One-off commands, as the operator would run them with the same
	// environment: a chart export, a posts export, incidents with a webhook.
	chartOut, postsOut := filepath.Join(dir, "chart.html"), filepath.Join(dir, "posts.jsonl")
	for _, args := range [][]string{
		{"export", "--data", data, "--chart", "outages", "--format", "html", "--range", "all", "--out", chartOut},
		{"export-posts", "--data", data, "--format", "jsonl", "--out", postsOut},
		{"incidents", "--data", data, "--json", "--webhook", hook.URL},
	} {
		c, out, errOut := vigieWithEnv(t, env, args...)
		err := c.Wait()
		add("vigie "+args[0]+" stdout", readFile(out))
		add("vigie "+args[0]+" stderr", readFile(errOut))
		if err != nil && args[0] != "export" {
			t.Errorf("vigie %s: %v\n%s", args[0], err, clipLog(readFile(errOut)))
		}
	}
	add("chart export", readFile(chartOut))
	add("posts export", readFile(postsOut))
	hookMu.Lock()
	add("webhook bodies", strings.Join(hookBodies, "\n"))
	hookMu.Unlock()
	// Every file the run left under its data folder (checkpoints, broker
	// segments, ClickHouse logs and parts), up to 64 MB each.
	filepath.WalkDir(data, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		if info, err := d.Info(); err == nil && info.Mode().IsRegular() && info.Size() < 64<<20 {
			add("file "+path, readFile(path))
		}
		return nil
	})

	// The test proves something only if the sources used the secrets and
	// their posts arrived.
	for _, who := range []string{"mastodon", "bluesky login", "bluesky search", "x"} {
		if !seen.accepted(who) {
			t.Errorf("%s: the fake server never received the right secret", who)
		}
	}
	db := chtest.Attach(t, data)
	bySource := map[string]int{}
	if err := db.ScanPosts(context.Background(), store.PostFilter{}, func(p post.Classified) error {
		bySource[p.Source]++
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if bySource[post.SourceMastodon] != 1 || bySource[post.SourceBluesky] != 2 || bySource[post.SourceX] != 1 {
		t.Errorf("stored by source %v, want 1 Mastodon, 2 Bluesky, 1 X", bySource)
	}
	all := collected.String()
	if path := os.Getenv("VIGIE_SECRETS_DUMP"); path != "" { // to read what was scanned
		_ = os.WriteFile(path, []byte(all), 0o600)
	}
	if !strings.Contains(all, "upstream refused Bearer [redacted]") || !strings.Contains(all, "is not allowed here") ||
		!strings.Contains(all, "for password [redacted]") {
		t.Error("the servers' echoing error answers are not in the logs: the test did not exercise them")
	}
	for name, value := range s {
		for _, form := range []string{value, value[len(value)-24:]} { // whole, or its random part
			if i := strings.Index(all, form); i >= 0 {
				start := strings.LastIndex(all[:i], "\n==== ")
				where := all[start+6:]
				where = where[:strings.IndexByte(where, '\n')]
				t.Errorf("the %s appears in %s", name, where)
				break
			}
		}
	}
	t.Logf("scanned %.1f MB of logs, pages, exports and data files for %d secrets; stored by source %v",
		float64(len(all))/1e6, len(s), bySource)
}

// authLog records, per fake service, whether a request carried the right
// secret.
type authLog struct {
	mu sync.Mutex
	ok map[string]bool
}

func (a *authLog) add(who string, ok bool) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.ok == nil {
		a.ok = map[string]bool{}
	}
	a.ok[who] = a.ok[who] || ok
}

func (a *authLog) accepted(who string) bool {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.ok[who]
}

// keepAlive writes a heartbeat every 100 ms until the client goes away.
func keepAlive(w http.ResponseWriter, r *http.Request, beat string) {
	t := time.NewTicker(100 * time.Millisecond)
	defer t.Stop()
	for {
		select {
		case <-r.Context().Done():
			return
		case <-t.C:
			if _, err := io.WriteString(w, beat); err != nil {
				return
			}
			w.(http.Flusher).Flush()
		}
	}
}

// vigieWithEnv starts `vigie args...` (this test binary) with extra
// environment variables; stdout and stderr go to files whose paths it
// returns.
func vigieWithEnv(t *testing.T, env []string, args ...string) (*exec.Cmd, string, string) {
	t.Helper()
	for _, a := range args {
		if strings.ContainsAny(a, " \t\n") {
			t.Fatalf("argument %q: VIGIE_TEST_ARGS is split on blanks", a)
		}
	}
	dir := t.TempDir()
	outPath, errPath := filepath.Join(dir, "stdout"), filepath.Join(dir, "stderr")
	out, err := os.Create(outPath)
	if err != nil {
		t.Fatal(err)
	}
	errf, err := os.Create(errPath)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { out.Close(); errf.Close() })
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(append(os.Environ(), env...), "VIGIE_TEST_AS_MAIN=1", "VIGIE_TEST_ARGS="+strings.Join(args, " "))
	cmd.Stdout, cmd.Stderr = out, errf
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	return cmd, outPath, errPath
}

func freeAddr(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

func readFile(path string) string {
	b, _ := os.ReadFile(path)
	return string(b)
}
