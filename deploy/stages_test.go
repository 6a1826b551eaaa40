package deploy

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/vigie-edu/vigie/internal/chtest"
	"github.com/vigie-edu/vigie/internal/kafkax"
	"github.com/vigie-edu/vigie/store"
)

// TestComposeStagesRunLocally runs migrate, ingest, classify, store and
// dashboard as child processes with exactly the environment docker-compose.yml
// (with .env.example) gives their containers, the image's ENV included, and
// these rewrites only: the Kafka and ClickHouse addresses point at an
// embedded broker and a local ClickHouse server, /run/secrets/NAME at files
// holding that server's passwords, the data folder at a temp dir, the
// listening ports at free ones, and the two ClickHouse user names at the
// local server's. One .env setting differs: VIGIE_SPEED=1800, so ingest
// replays the scenario's day in about 26 seconds and can be probed while it
// runs.
func TestComposeStagesRunLocally(t *testing.T) {
	e := setup(t)
	p := loadProject(t, e.root, map[string]string{"VIGIE_SPEED": "1800"})
	image := readDockerfile(t, filepath.Join(e.root, "Dockerfile"))
	ctx, cancel := context.WithTimeout(context.Background(), 6*time.Minute)
	defer cancel()

	broker, err := kafkax.StartEmbedded(t.TempDir(), 0, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(broker.Close)
	partitions, err := strconv.Atoi(p.dotenv["KAFKA_PARTITIONS"])
	if err != nil {
		t.Fatal(err)
	}
	if err := kafkax.EnsureTopics(ctx, kafkax.Config{Brokers: broker.Brokers(), Partitions: partitions, ReplicationFactor: 1}); err != nil {
		t.Fatal(err)
	}
	ch := chtest.Start(t)

	// The secret files Compose would mount, with the local server's values.
	secretsDir := t.TempDir()
	secrets := map[string]string{
		"clickhouse_password":      ch.Writer.Password,
		"clickhouse_read_password": ch.Reader.Password,
		"dashboard_token":          randomToken(t),
		"grafana_admin_password":   randomToken(t),
	}
	for name := range p.file.Secrets {
		v, ok := secrets[name]
		if !ok {
			t.Fatalf("no local value for compose secret %s", name)
		}
		if err := os.WriteFile(filepath.Join(secretsDir, name), []byte(v+"\n"), 0o600); err != nil {
			t.Fatal(err)
		}
	}

	authOn := e.hasFlag("dashboard", "http-token-file")
	ports := map[string]string{} // service -> local metrics address
	var dashboardAddr string
	rewrite := func(svc, key, val string) string {
		switch key {
		case "VIGIE_CLICKHOUSE_USER":
			if val == p.dotenv["CLICKHOUSE_WRITER_USER"] {
				return ch.Writer.User
			}
		case "VIGIE_CLICKHOUSE_READ_USER":
			if val == p.dotenv["CLICKHOUSE_READER_USER"] {
				return ch.Reader.User
			}
		case "VIGIE_METRICS_ADDR":
			addr := "127.0.0.1:" + freePort(t)
			ports[svc] = addr
			return addr
		case "VIGIE_HTTP":
			// Still beyond loopback, as in the container: the dashboard must
			// ask for its token. (Until vigie has --http-token-file, a
			// non-loopback dashboard refuses to start: bind loopback then.)
			port := freePort(t)
			dashboardAddr = "127.0.0.1:" + port
			if !authOn {
				return dashboardAddr
			}
			return "0.0.0.0:" + port
		case "VIGIE_DATA":
			return filepath.Join(t.TempDir(), svc)
		}
		if name, ok := strings.CutPrefix(val, "/run/secrets/"); ok {
			return filepath.Join(secretsDir, name)
		}
		val = strings.ReplaceAll(val, "kafka:9092", strings.Join(broker.Brokers(), ","))
		return strings.ReplaceAll(val, "clickhouse:9000", ch.Writer.Addr)
	}
	leftover := regexp.MustCompile(`kafka:|clickhouse:|/run/secrets|/var/lib|0\.0\.0\.0:9464`)
	containerEnv := func(svc string) []string {
		vars := map[string]string{}
		for k, v := range image.env[len(image.env)-1] {
			vars[k] = v
		}
		for k, v := range p.env(t, svc) {
			vars[k] = v
		}
		out := []string{"PATH=" + os.Getenv("PATH"), "HOME=" + t.TempDir()}
		for _, k := range sortedKeys(vars) {
			v := rewrite(svc, k, vars[k])
			if leftover.MatchString(v) {
				t.Fatalf("%s: %s=%q still points inside the compose network", svc, k, v)
			}
			out = append(out, k+"="+v)
		}
		return out
	}
	start := func(svc string) *child {
		s := p.file.Services[svc]
		return startChild(t, svc, e.bin, s.Command, containerEnv(svc))
	}

	// migrate: one-shot, exits 0 (the schema is already there: idempotent).
	mig := start("migrate")
	if code := mig.wait(t, 90*time.Second); code != 0 {
		t.Fatalf("migrate exited %d:\n%s", code, mig.output())
	}

	stages := []string{"store", "classify", "dashboard", "ingest"}
	children := map[string]*child{}
	for _, svc := range stages {
		children[svc] = start(svc)
	}
	// Every stage answers /healthz while it runs, and the compose healthcheck
	// (and the image's HEALTHCHECK) pass against it; then /readyz.
	for _, svc := range stages {
		waitHTTP(ctx, t, children[svc], "http://"+ports[svc]+"/healthz", nil, http.StatusOK, 60*time.Second)
		checkComposeHealthcheck(ctx, t, p.file.Services[svc], ports[svc])
		checkImageHealthcheck(ctx, t, image, ports[svc])
	}
	for _, svc := range stages {
		waitHTTP(ctx, t, children[svc], "http://"+ports[svc]+"/readyz", nil, http.StatusOK, 60*time.Second)
	}

	// Posts reach ClickHouse.
	db, err := store.Open(ctx, ch.Writer)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	waitPosts(ctx, t, db, 1, children, 120*time.Second)

	// The dashboard serves, behind its token when it listens beyond loopback.
	token := secrets["dashboard_token"]
	summary := "http://" + dashboardAddr + "/api/summary"
	if authOn {
		waitHTTP(ctx, t, children["dashboard"], summary, nil, http.StatusUnauthorized, 30*time.Second)
		waitHTTP(ctx, t, children["dashboard"], summary, map[string]string{"Authorization": "Bearer wrong-" + token}, http.StatusUnauthorized, 5*time.Second)
		waitHTTP(ctx, t, children["dashboard"], summary, map[string]string{"Authorization": "Bearer " + token}, http.StatusOK, 30*time.Second)
	} else {
		t.Log("PENDING: vigie dashboard has no --http-token-file yet: bound to loopback, authentication not checked")
		waitHTTP(ctx, t, children["dashboard"], summary, nil, http.StatusOK, 30*time.Second)
	}

	// Stop ingest (SIGTERM mid-replay or after it finished): it exits 0 and
	// reports what it published; every published post is then stored.
	in := children["ingest"]
	in.signal(t, syscall.SIGTERM)
	if code := in.wait(t, 30*time.Second); code != 0 {
		t.Fatalf("ingest exited %d after SIGTERM:\n%s", code, in.output())
	}
	var counts struct {
		Published int64 `json:"published"`
	}
	if err := json.Unmarshal(bytes.TrimSpace(in.stdout.Bytes()), &counts); err != nil || counts.Published <= 0 {
		t.Fatalf("ingest printed %q (%v), want {\"published\":N>0,...}", in.stdout.Bytes(), err)
	}
	stored := waitPosts(ctx, t, db, uint64(counts.Published), children, 180*time.Second)
	t.Logf("ingest published %d posts, ClickHouse holds %d distinct posts", counts.Published, stored)

	// The Grafana dashboard's SQL runs as the readonly user on the real schema.
	checkGrafanaSQL(ctx, t, e.root, ch.Reader)

	// SIGTERM: every long-running stage exits 0 within 30 s.
	var wg sync.WaitGroup
	for _, svc := range []string{"classify", "store", "dashboard"} {
		c := children[svc]
		c.signal(t, syscall.SIGTERM)
		wg.Add(1)
		go func() {
			defer wg.Done()
			if code := c.wait(t, 30*time.Second); code != 0 {
				t.Errorf("%s exited %d after SIGTERM:\n%s", c.name, code, c.output())
			}
		}()
	}
	wg.Wait()

	// No secret in any output.
	for _, c := range append([]*child{mig}, children["ingest"], children["classify"], children["store"], children["dashboard"]) {
		out := c.output()
		for name, v := range secrets {
			if strings.Contains(out, v) {
				t.Errorf("%s printed the secret %s", c.name, name)
			}
		}
	}
}

// child is a vigie process started like a container.
type child struct {
	name   string
	cmd    *exec.Cmd
	stdout lockedBuffer
	stderr lockedBuffer
	done   chan struct{}
	err    error
}

func startChild(t *testing.T, name, bin string, args, env []string) *child {
	t.Helper()
	c := &child{name: name, done: make(chan struct{})}
	c.cmd = exec.Command(bin, args...)
	c.cmd.Env = env
	c.cmd.Dir = t.TempDir()
	c.cmd.Stdout = &c.stdout
	c.cmd.Stderr = &c.stderr
	if err := c.cmd.Start(); err != nil {
		t.Fatalf("start %s: %v", name, err)
	}
	go func() {
		c.err = c.cmd.Wait()
		close(c.done)
	}()
	t.Cleanup(func() {
		select {
		case <-c.done:
		default:
			_ = c.cmd.Process.Kill()
			<-c.done
		}
	})
	return c
}

func (c *child) exited() bool {
	select {
	case <-c.done:
		return true
	default:
		return false
	}
}

func (c *child) signal(t *testing.T, sig os.Signal) {
	t.Helper()
	if c.exited() {
		return
	}
	if err := c.cmd.Process.Signal(sig); err != nil && !c.exited() {
		t.Fatalf("signal %s: %v", c.name, err)
	}
}

// wait returns the exit code, failing the test when the process outlives d.
func (c *child) wait(t *testing.T, d time.Duration) int {
	t.Helper()
	select {
	case <-c.done:
	case <-time.After(d):
		t.Fatalf("%s still running after %v:\n%s", c.name, d, c.output())
	}
	if c.err == nil {
		return 0
	}
	if ee, ok := c.err.(*exec.ExitError); ok {
		return ee.ExitCode()
	}
	t.Fatalf("%s: %v", c.name, c.err)
	return -1
}

func (c *child) output() string {
	out := c.stdout.String() + c.stderr.String()
	if len(out) > 6000 {
		out = "...\n" + out[len(out)-6000:]
	}
	return out
}

type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) Bytes() []byte {
	b.mu.Lock()
	defer b.mu.Unlock()
	return bytes.Clone(b.buf.Bytes())
}

func (b *lockedBuffer) String() string { return string(b.Bytes()) }

func freePort(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	_, port, _ := net.SplitHostPort(ln.Addr().String())
	return port
}

func randomToken(t *testing.T) string {
	t.Helper()
	b := make([]byte, 16)
	if _, err := rand.Read(b); err != nil {
		t.Fatal(err)
	}
	return hex.EncodeToString(b)
}

// waitHTTP polls url until it answers want, failing when c exits first or
// after d.
func waitHTTP(ctx context.Context, t *testing.T, c *child, url string, header map[string]string, want int, d time.Duration) {
	t.Helper()
	deadline := time.Now().Add(d)
	client := &http.Client{Timeout: 5 * time.Second}
	last := "no answer"
	for time.Now().Before(deadline) {
		if c.exited() {
			t.Fatalf("%s exited before %s answered %d:\n%s", c.name, url, want, c.output())
		}
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
		if err != nil {
			t.Fatal(err)
		}
		for k, v := range header {
			req.Header.Set(k, v)
		}
		resp, err := client.Do(req)
		if err == nil {
			body, _ := io.ReadAll(io.LimitReader(resp.Body, 2048))
			resp.Body.Close()
			if resp.StatusCode == want {
				return
			}
			last = fmt.Sprintf("%d %s", resp.StatusCode, bytes.TrimSpace(body))
		} else {
			last = err.Error()
		}
		time.Sleep(200 * time.Millisecond)
	}
	t.Fatalf("%s: %s never answered %d (last: %s)\n%s", c.name, url, want, last, c.output())
}

// checkComposeHealthcheck runs the service's compose healthcheck command on
// this machine, against the stage's local port.
func checkComposeHealthcheck(ctx context.Context, t *testing.T, svc composeService, addr string) {
	t.Helper()
	test := svc.Healthcheck.Test
	if test[0] != "CMD" {
		t.Fatalf("healthcheck %v: want the CMD form", test)
	}
	if _, err := exec.LookPath(test[1]); err != nil {
		t.Logf("%s not installed here: compose healthcheck not run", test[1])
		return
	}
	args := slices.Clone(test[2:])
	for i, a := range args {
		args[i] = regexp.MustCompile(`^http://127\.0\.0\.1:\d+`).ReplaceAllString(a, "http://"+addr)
	}
	if out, err := exec.CommandContext(ctx, test[1], args...).CombinedOutput(); err != nil {
		t.Errorf("compose healthcheck %v against %s: %v\n%s", test[1:], addr, err, out)
	}
}

// checkImageHealthcheck runs the Dockerfile's HEALTHCHECK command with sh,
// against the stage's address (it passes) and a closed port (it fails).
func checkImageHealthcheck(ctx context.Context, t *testing.T, image dockerfile, addr string) {
	t.Helper()
	hc := image.lines["HEALTHCHECK"][0]
	i := strings.Index(hc, "CMD ")
	if i < 0 {
		t.Fatalf("HEALTHCHECK %q has no CMD", hc)
	}
	script := hc[i+len("CMD "):]
	if _, err := exec.LookPath("wget"); err != nil {
		t.Log("wget not installed here: image HEALTHCHECK not run")
		return
	}
	run := func(metricsAddr string) error {
		cmd := exec.CommandContext(ctx, "sh", "-c", script)
		cmd.Env = []string{"PATH=" + os.Getenv("PATH"), "VIGIE_METRICS_ADDR=" + metricsAddr}
		return cmd.Run()
	}
	if err := run(addr); err != nil {
		t.Errorf("image HEALTHCHECK against %s: %v", addr, err)
	}
	if err := run("0.0.0.0:" + freePort(t)); err == nil {
		t.Error("image HEALTHCHECK passes against a closed port")
	}
}

// waitPosts waits until ClickHouse holds at least n distinct posts, failing
// when a stage dies meanwhile.
func waitPosts(ctx context.Context, t *testing.T, db *store.DB, n uint64, children map[string]*child, d time.Duration) uint64 {
	t.Helper()
	deadline := time.Now().Add(d)
	var got uint64
	for time.Now().Before(deadline) {
		for _, svc := range []string{"classify", "store"} {
			if c := children[svc]; c.exited() {
				t.Fatalf("%s exited while posts were expected:\n%s", svc, c.output())
			}
		}
		tot, err := db.Totals(ctx)
		if err == nil {
			got = tot.Posts
			if got >= n {
				return got
			}
		}
		time.Sleep(250 * time.Millisecond)
	}
	t.Fatalf("ClickHouse holds %d distinct posts after %v, want at least %d\nclassify:\n%s\nstore:\n%s",
		got, d, n, children["classify"].output(), children["store"].output())
	return got
}

// checkGrafanaSQL runs every ClickHouse query of the provisioned Grafana
// dashboard as the readonly user, the macro $__timeFilter(col) expanded to
// the scenario's day, and wants rows from the posts and rollup panels.
func checkGrafanaSQL(ctx context.Context, t *testing.T, root string, reader store.Config) {
	t.Helper()
	db, err := store.Open(ctx, reader)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	macro := regexp.MustCompile(`\$__timeFilter\(([a-z_]+)\)`)
	day := `$1 >= toDateTime('2021-04-06 00:00:00', 'UTC') AND $1 < toDateTime('2021-04-07 00:00:00', 'UTC')`
	d := readGrafanaDashboard(t, root)
	for _, panel := range d.Panels {
		for _, tg := range panel.Targets {
			if tg.RawSQL == "" {
				continue
			}
			q := macro.ReplaceAllString(tg.RawSQL, day)
			if strings.Contains(q, "$") {
				t.Errorf("panel %q: unexpanded macro in %q", panel.Title, q)
				continue
			}
			rows := 0
			err := db.QueryTSV(ctx, q, func([]string) error { rows++; return nil })
			if err != nil {
				t.Errorf("panel %q: %v\n%s", panel.Title, err, q)
				continue
			}
			rows-- // the header line
			if strings.Contains(q, "FROM posts") || strings.Contains(q, "FROM rollup_") {
				if rows == 0 {
					t.Errorf("panel %q: no row for the scenario's day", panel.Title)
				}
			}
			t.Logf("grafana panel %q: %d rows", panel.Title, rows)
		}
	}
}
