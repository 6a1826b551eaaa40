//go:build unix

package chserver

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/ClickHouse/clickhouse-go/v2"
	"github.com/ClickHouse/clickhouse-go/v2/lib/driver"
)

// needClickHouse skips the test when no clickhouse server binary is installed.
func needClickHouse(t *testing.T) {
	t.Helper()
	if _, err := findBinary("", defaultBinaryDirs()); err != nil {
		t.Skipf("no clickhouse server binary (clickhouse-server or clickhouse) on PATH: %v", err)
	}
}

func testCtx(t *testing.T, d time.Duration) context.Context {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), d)
	t.Cleanup(cancel)
	return ctx
}

func testLogger(t *testing.T) *slog.Logger {
	return slog.New(slog.NewTextHandler(testWriter{t}, &slog.HandlerOptions{Level: slog.LevelDebug}))
}

type testWriter struct{ t *testing.T }

func (w testWriter) Write(p []byte) (int, error) {
	w.t.Log(strings.TrimRight(string(p), "\n"))
	return len(p), nil
}

// startServer starts a server on dir and stops it at the end of the test.
func startServer(t *testing.T, cfg Config) *Server {
	t.Helper()
	if cfg.Logger == nil {
		cfg.Logger = testLogger(t)
	}
	began := time.Now()
	s, err := Start(testCtx(t, 90*time.Second), cfg)
	if err != nil {
		t.Fatalf("Start: %v", err)
	}
	t.Logf("Start took %v (owned=%v, version %s, %s)", time.Since(began).Round(time.Millisecond), s.Owned(), s.Version(), s.Addr())
	t.Cleanup(func() {
		if err := s.Stop(testCtx(t, 30*time.Second)); err != nil {
			t.Errorf("cleanup Stop: %v", err)
		}
	})
	return s
}

func stopServer(t *testing.T, s *Server) {
	t.Helper()
	began := time.Now()
	if err := s.Stop(testCtx(t, 30*time.Second)); err != nil {
		t.Fatalf("Stop: %v", err)
	}
	t.Logf("Stop took %v", time.Since(began).Round(time.Millisecond))
}

func connect(t *testing.T, s *Server, c Credentials) driver.Conn {
	t.Helper()
	conn, err := clickhouse.Open(&clickhouse.Options{
		Addr:        []string{s.Addr()},
		Auth:        clickhouse.Auth{Database: "default", Username: c.User, Password: c.Password},
		DialTimeout: 5 * time.Second,
		ReadTimeout: 20 * time.Second,
	})
	if err != nil {
		t.Fatalf("clickhouse.Open: %v", err)
	}
	t.Cleanup(func() { conn.Close() })
	return conn
}

func countRows(t *testing.T, ctx context.Context, conn driver.Conn, table string) uint64 {
	t.Helper()
	var n uint64
	if err := conn.QueryRow(ctx, "SELECT count() FROM "+table).Scan(&n); err != nil {
		t.Fatalf("count %s: %v", table, err)
	}
	return n
}

func createAndFill(t *testing.T, ctx context.Context, conn driver.Conn, rows int) {
	t.Helper()
	err := conn.Exec(ctx, `CREATE TABLE IF NOT EXISTS posts_test (
		id UInt64, created_at DateTime, lang String, text String
	) ENGINE = MergeTree PARTITION BY toYYYYMM(created_at) ORDER BY (lang, id)`)
	if err != nil {
		t.Fatalf("create table: %v", err)
	}
	batch, err := conn.PrepareBatch(ctx, "INSERT INTO posts_test (id, created_at, lang, text)")
	if err != nil {
		t.Fatalf("PrepareBatch: %v", err)
	}
	defer batch.Close()
	base := time.Date(2021, 4, 6, 8, 0, 0, 0, time.UTC)
	for i := range rows {
		if err := batch.Append(uint64(i), base.Add(time.Duration(i)*time.Minute), "fr", fmt.Sprintf("Pronote en panne #%d", i)); err != nil {
			t.Fatalf("Append: %v", err)
		}
	}
	if err := batch.Send(); err != nil {
		t.Fatalf("Send: %v", err)
	}
}

func TestStartWriteStopRestartKeepsDataAndPorts(t *testing.T) {
	needClickHouse(t)
	dir := t.TempDir()
	ctx := testCtx(t, 3*time.Minute)

	s1 := startServer(t, Config{Dir: dir})
	if !s1.Owned() {
		t.Fatal("first Start: Owned() = false, want true")
	}
	if s1.Version() == "" {
		t.Error("Version() is empty")
	}
	if !strings.HasPrefix(s1.Addr(), "127.0.0.1:") || !strings.HasPrefix(s1.HTTPAddr(), "127.0.0.1:") {
		t.Errorf("Addr() = %q, HTTPAddr() = %q; want 127.0.0.1:<port>", s1.Addr(), s1.HTTPAddr())
	}
	if w := s1.Writer(); w.User != "default" || len(w.Password) < 16 {
		t.Errorf("Writer() = user %q, password of %d chars", w.User, len(w.Password))
	}
	if r := s1.Reader(); r.User != "readonly" || len(r.Password) < 16 || r.Password == s1.Writer().Password {
		t.Errorf("Reader() = user %q, password of %d chars (distinct from writer: %v)",
			r.User, len(r.Password), r.Password != s1.Writer().Password)
	}
	for _, name := range []string{"config.xml", "users.xml", "credentials.json", "state.json", "lock",
		"data", "tmp", "user_files", "format_schemas", "log/server.log", "log/stdout.log", "log/stderr.log"} {
		if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
			t.Errorf("layout: %v", err)
		}
	}
	st, err := readState(filepath.Join(dir, "state.json"))
	if err != nil {
		t.Fatal(err)
	}
	if hostPort(st.TCPPort) != s1.Addr() || hostPort(st.HTTPPort) != s1.HTTPAddr() || st.PID != s1.pid || st.Version != s1.Version() {
		t.Errorf("state.json = %+v, server: %s %s pid %d %s", st, s1.Addr(), s1.HTTPAddr(), s1.pid, s1.Version())
	}

	conn := connect(t, s1, s1.Writer())
	createAndFill(t, ctx, conn, 1000)
	if n := countRows(t, ctx, conn, "posts_test"); n != 1000 {
		t.Fatalf("count = %d, want 1000", n)
	}
	conn.Close()
	addr, httpAddr, pid1 := s1.Addr(), s1.HTTPAddr(), s1.pid
	stopServer(t, s1)
	if processAlive(pid1) {
		t.Errorf("pid %d still alive after Stop", pid1)
	}
	if _, err := os.Stat(filepath.Join(dir, "state.json")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("state.json after Stop: %v, want not exist", err)
	}
	if err := s1.Stop(ctx); err != nil {
		t.Errorf("second Stop: %v", err)
	}

	s2 := startServer(t, Config{Dir: dir})
	if !s2.Owned() {
		t.Error("restart: Owned() = false, want true")
	}
	if s2.Addr() != addr || s2.HTTPAddr() != httpAddr {
		t.Errorf("restart ports: %s %s, want the previous %s %s", s2.Addr(), s2.HTTPAddr(), addr, httpAddr)
	}
	if s2.Writer() != s1.Writer() || s2.Reader() != s1.Reader() {
		t.Error("restart: credentials changed")
	}
	conn2 := connect(t, s2, s2.Writer())
	if n := countRows(t, ctx, conn2, "posts_test"); n != 1000 {
		t.Errorf("after restart count = %d, want 1000", n)
	}
}

func TestRestartPicksNewPortsWhenOldAreTaken(t *testing.T) {
	needClickHouse(t)
	dir := t.TempDir()
	s1 := startServer(t, Config{Dir: dir})
	addr := s1.Addr()
	stopServer(t, s1)

	ln, err := net.Listen("tcp", addr) // someone else took the old port
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	s2 := startServer(t, Config{Dir: dir})
	if s2.Addr() == addr {
		t.Fatalf("restart reused busy port %s", addr)
	}
	if s2.HTTPAddr() != s1.HTTPAddr() {
		t.Errorf("HTTP port %s, want the free previous one %s", s2.HTTPAddr(), s1.HTTPAddr())
	}
}

func TestExplicitPorts(t *testing.T) {
	needClickHouse(t)
	tcp, http, err := choosePorts(0, 0, 0, 0)
	if err != nil {
		t.Fatal(err)
	}
	s := startServer(t, Config{Dir: t.TempDir(), TCPPort: tcp, HTTPPort: http})
	if s.Addr() != hostPort(tcp) || s.HTTPAddr() != hostPort(http) {
		t.Errorf("got %s %s, want ports %d %d", s.Addr(), s.HTTPAddr(), tcp, http)
	}
	// An explicit port in use is reported before launching anything.
	_, err = Start(testCtx(t, 30*time.Second), Config{Dir: t.TempDir(), TCPPort: tcp, Logger: testLogger(t)})
	if err == nil || !strings.Contains(err.Error(), "in use") {
		t.Errorf("Start on a busy explicit port: err = %v, want \"in use\"", err)
	}
}

func TestReaderIsReadonly(t *testing.T) {
	needClickHouse(t)
	ctx := testCtx(t, 2*time.Minute)
	s := startServer(t, Config{Dir: t.TempDir()})
	w := connect(t, s, s.Writer())
	createAndFill(t, ctx, w, 10)

	r := connect(t, s, s.Reader())
	if n := countRows(t, ctx, r, "posts_test"); n != 10 {
		t.Errorf("reader count = %d, want 10", n)
	}
	var lang string
	if err := r.QueryRow(ctx, "SELECT lang FROM posts_test WHERE id = 3").Scan(&lang); err != nil || lang != "fr" {
		t.Errorf("reader select: %q, %v", lang, err)
	}

	wantReadonly := func(what string, err error) {
		t.Helper()
		if err == nil {
			t.Errorf("reader %s: succeeded, want a readonly error", what)
			return
		}
		if !strings.Contains(strings.ToLower(err.Error()), "readonly") {
			t.Errorf("reader %s: %v, want a readonly error", what, err)
		}
	}
	insert := func() error {
		batch, err := r.PrepareBatch(ctx, "INSERT INTO posts_test (id, created_at, lang, text)")
		if err != nil {
			return err
		}
		defer batch.Close()
		if err := batch.Append(uint64(99), time.Now(), "en", "x"); err != nil {
			return err
		}
		return batch.Send()
	}
	wantReadonly("INSERT", insert())
	wantReadonly("INSERT SELECT", r.Exec(ctx, "INSERT INTO posts_test (id, created_at, lang, text) SELECT 100, now(), 'en', 'y'"))
	wantReadonly("CREATE", r.Exec(ctx, "CREATE TABLE evil (x UInt8) ENGINE = MergeTree ORDER BY x"))
	wantReadonly("DROP", r.Exec(ctx, "DROP TABLE posts_test"))
	wantReadonly("ALTER DELETE", r.Exec(ctx, "ALTER TABLE posts_test DELETE WHERE 1"))
	wantReadonly("TRUNCATE", r.Exec(ctx, "TRUNCATE TABLE posts_test"))
	// Per-query settings: current versions refuse them under readonly=1;
	// 18.16 ignores them silently over the native protocol. Either way they
	// must not take effect.
	var ro string
	sctx := clickhouse.Context(ctx, clickhouse.WithSettings(clickhouse.Settings{"readonly": 0, "max_threads": 1}))
	if err := r.QueryRow(sctx, "SELECT value FROM system.settings WHERE name = 'readonly'").Scan(&ro); err != nil {
		wantReadonly("setting change", err)
	} else if ro != "1" {
		t.Errorf("reader sent readonly=0 and got readonly=%s", ro)
	}
	wantReadonly("INSERT with readonly=0 setting", r.Exec(sctx, "INSERT INTO posts_test (id, created_at, lang, text) SELECT 101, now(), 'en', 'z'"))
	wantReadonly("SET readonly", r.Exec(ctx, "SET readonly = 0"))

	if n := countRows(t, ctx, w, "posts_test"); n != 10 {
		t.Errorf("after reader attempts count = %d, want 10", n)
	}
	// Wrong password is refused.
	bad := connect(t, s, Credentials{User: "readonly", Password: "wrong"})
	if err := bad.Ping(ctx); err == nil {
		t.Error("wrong password accepted")
	}
}

func TestSecondStartAttaches(t *testing.T) {
	needClickHouse(t)
	ctx := testCtx(t, 2*time.Minute)
	dir := t.TempDir()
	s1 := startServer(t, Config{Dir: dir})
	s2 := startServer(t, Config{Dir: dir})
	if s2.Owned() {
		t.Fatal("second Start: Owned() = true, want false (attached)")
	}
	if s2.Addr() != s1.Addr() || s2.HTTPAddr() != s1.HTTPAddr() || s2.Version() != s1.Version() {
		t.Errorf("attached %s %s %s, owner %s %s %s", s2.Addr(), s2.HTTPAddr(), s2.Version(), s1.Addr(), s1.HTTPAddr(), s1.Version())
	}
	if s2.Writer() != s1.Writer() || s2.Reader() != s1.Reader() {
		t.Error("attached server has other credentials")
	}
	if err := s2.Stop(ctx); err != nil {
		t.Fatalf("attached Stop: %v", err)
	}
	if !processAlive(s1.pid) {
		t.Fatal("attached Stop killed the server")
	}
	if _, err := os.Stat(filepath.Join(dir, "state.json")); err != nil {
		t.Errorf("attached Stop removed the state file: %v", err)
	}
	if err := connect(t, s1, s1.Writer()).Ping(ctx); err != nil {
		t.Errorf("ping after attached Stop: %v", err)
	}
}

func TestConcurrentStartsLaunchOneServer(t *testing.T) {
	needClickHouse(t)
	dir := t.TempDir()
	const n = 3
	servers := make([]*Server, n)
	errs := make([]error, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			servers[i], errs[i] = Start(testCtx(t, 90*time.Second), Config{Dir: dir, Logger: testLogger(t)})
		})
	}
	wg.Wait()
	owned := 0
	for i, s := range servers {
		if errs[i] != nil {
			t.Fatalf("Start %d: %v", i, errs[i])
		}
		defer s.Stop(testCtx(t, 30*time.Second))
		if s.Owned() {
			owned++
		}
		if s.Addr() != servers[0].Addr() {
			t.Errorf("Start %d: %s, Start 0: %s", i, s.Addr(), servers[0].Addr())
		}
	}
	if owned != 1 {
		t.Errorf("%d of %d concurrent Starts launched a server, want exactly 1", owned, n)
	}
}

func TestMissingBinary(t *testing.T) {
	ctx := testCtx(t, 30*time.Second)
	check := func(name string, err error) {
		t.Helper()
		if !errors.Is(err, ErrNotInstalled) {
			t.Errorf("%s: err = %v, want ErrNotInstalled", name, err)
			return
		}
		if !strings.Contains(err.Error(), "apt-get install clickhouse-server") {
			t.Errorf("%s: %q lacks the install hint", name, err)
		}
		if !strings.HasPrefix(err.Error(), "chserver: start: ") {
			t.Errorf("%s: %q lacks the chserver: start: prefix", name, err)
		}
	}
	_, err := Start(ctx, Config{Dir: t.TempDir(), Binary: filepath.Join(t.TempDir(), "no", "clickhouse-server"), Logger: testLogger(t)})
	check("Binary pointing nowhere", err)

	t.Setenv("PATH", t.TempDir())
	_, err = start(ctx, Config{Dir: t.TempDir(), Logger: testLogger(t)}, nil)
	check("empty PATH", err)
}

func TestStaleStateIsReplaced(t *testing.T) {
	needClickHouse(t)
	dead := exec.Command("true")
	if err := dead.Run(); err != nil {
		t.Fatal(err)
	}
	deadPID := dead.Process.Pid
	for _, tc := range []struct {
		name string
		pid  int
	}{
		{"dead pid", deadPID},
		{"pid of another process", os.Getpid()},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			// The state names free ports that nobody listens on: attaching
			// fails, and the new server reuses them (the Dir's last ports).
			tcp, http, err := choosePorts(0, 0, 0, 0)
			if err != nil {
				t.Fatal(err)
			}
			if err := writeState(filepath.Join(dir, "state.json"), state{PID: tc.pid, TCPPort: tcp, HTTPPort: http, Version: "0.0"}); err != nil {
				t.Fatal(err)
			}
			s := startServer(t, Config{Dir: dir, StartTimeout: 60 * time.Second})
			if !s.Owned() {
				t.Fatal("Owned() = false with a stale state file")
			}
			st, err := readState(filepath.Join(dir, "state.json"))
			if err != nil {
				t.Fatal(err)
			}
			if st.PID != s.pid || st.PID == tc.pid || st.Version != s.Version() || s.Addr() != hostPort(tcp) || s.HTTPAddr() != hostPort(http) {
				t.Errorf("state.json not replaced: %+v (server pid %d)", st, s.pid)
			}
		})
	}
}

func TestAliveButNotAnswering(t *testing.T) {
	dir, err := filepath.Abs(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	l := layoutOf(dir)
	// A process that looks like this Dir's server but answers nothing.
	fake := exec.Command("sh", "-c", "sleep 60; exit 0", "clickhouse-server", "--config-file="+l.config)
	if err := fake.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { fake.Process.Kill(); fake.Wait() })
	tcp, http, err := choosePorts(0, 0, 0, 0)
	if err != nil {
		t.Fatal(err)
	}
	if err := writeState(l.state, state{PID: fake.Process.Pid, TCPPort: tcp, HTTPPort: http}); err != nil {
		t.Fatal(err)
	}
	began := time.Now()
	_, err = Start(testCtx(t, 30*time.Second), Config{Dir: dir, StartTimeout: time.Second, Logger: testLogger(t)})
	if err == nil {
		t.Fatal("Start succeeded next to a stuck server")
	}
	msg := err.Error()
	for _, want := range []string{"is running (pid " + strconv.Itoa(fake.Process.Pid) + ")", "does not answer", "kill "} {
		if !strings.Contains(msg, want) {
			t.Errorf("error %q lacks %q", msg, want)
		}
	}
	if d := time.Since(began); d > 10*time.Second {
		t.Errorf("took %v", d)
	}

	// Without a state file, the same process is still found.
	os.Remove(l.state)
	_, err = Start(testCtx(t, 30*time.Second), Config{Dir: dir, StartTimeout: time.Second, Logger: testLogger(t)})
	if err == nil || !strings.Contains(err.Error(), "already running (pid "+strconv.Itoa(fake.Process.Pid)+")") {
		t.Errorf("Start with an unrecorded server of this Dir: %v", err)
	}
}

// fakeBinary writes an executable shell script named clickhouse-server.
func fakeBinary(t *testing.T, script string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "clickhouse-server")
	if err := os.WriteFile(p, []byte("#!/bin/sh\n"+script+"\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestChildExitsBeforeAnswering(t *testing.T) {
	dir := t.TempDir()
	// Old lines must not show up in the error.
	os.MkdirAll(filepath.Join(dir, "log"), 0o755)
	os.WriteFile(filepath.Join(dir, "log", "stderr.log"), []byte("old run noise\n"), 0o644)
	bin := fakeBinary(t, `echo "Exception: Cannot parse config: boom" >&2; echo "$@" > "`+dir+`/args"; exit 3`)
	_, err := Start(testCtx(t, 30*time.Second), Config{Dir: dir, Binary: bin, StartTimeout: 20 * time.Second, Logger: testLogger(t)})
	if err == nil {
		t.Fatal("Start succeeded with a binary that exits")
	}
	msg := err.Error()
	for _, want := range []string{"chserver: start:", "exited before answering", "exit status 3", "Cannot parse config: boom"} {
		if !strings.Contains(msg, want) {
			t.Errorf("error %q lacks %q", msg, want)
		}
	}
	if strings.Contains(msg, "old run noise") {
		t.Errorf("error shows lines of an earlier run: %q", msg)
	}
	args, _ := os.ReadFile(filepath.Join(dir, "args"))
	if want := "--config-file=" + filepath.Join(dir, "config.xml"); strings.TrimSpace(string(args)) != want {
		t.Errorf("clickhouse-server flavour args %q, want %q", args, want)
	}
	if _, err := os.Stat(filepath.Join(dir, "state.json")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("state.json written for a failed start: %v", err)
	}
}

func TestChildNeverAnswersIsKilled(t *testing.T) {
	dir := t.TempDir()
	bin := fakeBinary(t, `echo $$ > "`+dir+`/pid"; exec sleep 60`)
	began := time.Now()
	_, err := Start(testCtx(t, 30*time.Second), Config{Dir: dir, Binary: bin, StartTimeout: time.Second, Logger: testLogger(t)})
	if err == nil || !strings.Contains(err.Error(), "did not answer") {
		t.Fatalf("Start: %v, want a did-not-answer error", err)
	}
	if d := time.Since(began); d > 10*time.Second {
		t.Errorf("Start took %v with StartTimeout 1s", d)
	}
	b, _ := os.ReadFile(filepath.Join(dir, "pid"))
	if pid, _ := strconv.Atoi(strings.TrimSpace(string(b))); pid == 0 || processAlive(pid) {
		t.Errorf("child pid %q still alive after a failed Start", b)
	}
}

func TestListensOnLoopbackOnly(t *testing.T) {
	needClickHouse(t)
	var others []net.IP
	addrs, _ := net.InterfaceAddrs()
	for _, a := range addrs {
		if ipn, ok := a.(*net.IPNet); ok && !ipn.IP.IsLoopback() && !ipn.IP.IsLinkLocalUnicast() {
			others = append(others, ipn.IP)
		}
	}
	if len(others) == 0 {
		t.Skip("this machine has no non-loopback address")
	}
	s := startServer(t, Config{Dir: t.TempDir()})
	for _, a := range []string{s.Addr(), s.HTTPAddr()} {
		c, err := net.DialTimeout("tcp", a, 2*time.Second)
		if err != nil {
			t.Fatalf("dial %s: %v", a, err)
		}
		c.Close()
		_, port, _ := net.SplitHostPort(a)
		for _, ip := range others {
			target := net.JoinHostPort(ip.String(), port)
			if c, err := net.DialTimeout("tcp", target, 2*time.Second); err == nil {
				c.Close()
				t.Errorf("server reachable on %s", target)
			} else {
				t.Logf("%s refused as expected: %v", target, err)
			}
		}
	}
}

func TestClientArgsWithClickHouseClient(t *testing.T) {
	needClickHouse(t)
	client, err := exec.LookPath("clickhouse-client")
	if err != nil {
		if client, err = exec.LookPath("clickhouse"); err != nil {
			t.Skip("no clickhouse-client on PATH")
		}
	}
	s := startServer(t, Config{Dir: t.TempDir()})
	args := s.ClientArgs(s.Reader())
	want := []string{"--host", "127.0.0.1", "--port", strings.TrimPrefix(s.Addr(), "127.0.0.1:"), "--user", "readonly", "--password", s.Reader().Password}
	if strings.Join(args, " ") != strings.Join(want, " ") {
		t.Errorf("ClientArgs = %q", args)
	}
	if filepath.Base(client) == "clickhouse" {
		args = append([]string{"client"}, args...)
	}
	ctx := testCtx(t, 30*time.Second)
	out, err := exec.CommandContext(ctx, client, append(args, "--query", "SELECT value, version() FROM system.settings WHERE name = 'readonly'")...).CombinedOutput()
	if err != nil {
		t.Fatalf("clickhouse-client: %v: %s", err, out)
	}
	if got := strings.Fields(string(out)); len(got) != 2 || got[0] != "1" || got[1] != s.Version() {
		t.Errorf("clickhouse-client printed %q", out)
	}
}

func TestPasswordsNeverLogged(t *testing.T) {
	needClickHouse(t)
	var buf safeBuffer
	log := slog.New(slog.NewTextHandler(&buf, &slog.HandlerOptions{Level: slog.LevelDebug}))
	dir := t.TempDir()
	s1 := startServer(t, Config{Dir: dir, Logger: log})
	s2 := startServer(t, Config{Dir: dir, Logger: log})
	stopServer(t, s2)
	stopServer(t, s1)
	out := buf.String()
	if out == "" {
		t.Fatal("nothing logged")
	}
	for _, p := range []string{s1.Writer().Password, s1.Reader().Password} {
		if strings.Contains(out, p) {
			t.Fatal("a password appears in the logs")
		}
	}
	// Files: only credentials.json holds them, and it is private.
	fi, err := os.Stat(filepath.Join(dir, "credentials.json"))
	if err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("credentials.json: %v, mode %v", err, fi.Mode())
	}
	for _, name := range []string{"config.xml", "users.xml", "state.json", "log/server.log", "log/server.err.log"} {
		b, _ := os.ReadFile(filepath.Join(dir, name))
		for _, p := range []string{s1.Writer().Password, s1.Reader().Password} {
			if bytes.Contains(b, []byte(p)) {
				t.Errorf("%s contains a password", name)
			}
		}
	}
}

type safeBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *safeBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *safeBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// TestServerDiesWithVigie runs Start in a child copy of this test binary,
// kills that copy with SIGKILL, and expects the server to follow (Pdeathsig).
func TestServerDiesWithVigie(t *testing.T) {
	needClickHouse(t)
	if _, err := os.Stat("/proc/self"); err != nil {
		t.Skip("Pdeathsig is Linux only")
	}
	dir := t.TempDir()
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperVigieProcess$")
	cmd.Env = append(os.Environ(), "CHSERVER_HELPER_DIR="+dir)
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = testWriter{t}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { cmd.Process.Kill(); cmd.Wait() }()
	pidc := make(chan int, 1)
	go func() {
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			if p, ok := strings.CutPrefix(sc.Text(), "SERVERPID="); ok {
				pid, _ := strconv.Atoi(p)
				pidc <- pid
			}
		}
		close(pidc)
	}()
	var pid int
	select {
	case pid = <-pidc:
	case <-time.After(90 * time.Second):
		t.Fatal("helper did not start a server")
	}
	if pid == 0 {
		t.Fatal("helper exited without a server")
	}
	defer syscall.Kill(pid, syscall.SIGKILL)
	if !processAlive(pid) {
		t.Fatal("server not running")
	}
	cmd.Process.Signal(syscall.SIGKILL)
	cmd.Wait()
	deadline := time.Now().Add(30 * time.Second)
	for processMatches(pid, filepath.Join(dir, "config.xml")) {
		if time.Now().After(deadline) {
			t.Fatalf("server pid %d still running 30s after its parent was killed", pid)
		}
		time.Sleep(50 * time.Millisecond)
	}
	// The next Start finds a stale state file and starts afresh.
	s := startServer(t, Config{Dir: dir})
	if !s.Owned() {
		t.Error("Start after the parent's death attached instead of launching")
	}
}

func TestHelperVigieProcess(t *testing.T) {
	dir := os.Getenv("CHSERVER_HELPER_DIR")
	if dir == "" {
		t.Skip("helper for TestServerDiesWithVigie")
	}
	s, err := Start(context.Background(), Config{Dir: dir, Logger: slog.New(slog.NewTextHandler(os.Stderr, nil))})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Printf("SERVERPID=%d\n", s.pid)
	time.Sleep(5 * time.Minute)
}

func TestValidate(t *testing.T) {
	for _, tc := range []struct {
		name string
		cfg  Config
		ok   bool
	}{
		{"minimal", Config{Dir: "x"}, true},
		{"full", Config{Dir: "x", TCPPort: 9000, HTTPPort: 8123, Binary: "/usr/bin/clickhouse", StartTimeout: time.Second}, true},
		{"no dir", Config{}, false},
		{"negative tcp", Config{Dir: "x", TCPPort: -1}, false},
		{"tcp too big", Config{Dir: "x", TCPPort: 70000}, false},
		{"http too big", Config{Dir: "x", HTTPPort: 65536}, false},
		{"same ports", Config{Dir: "x", TCPPort: 9000, HTTPPort: 9000}, false},
		{"negative timeout", Config{Dir: "x", StartTimeout: -time.Second}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.cfg.Validate()
			if (err == nil) != tc.ok {
				t.Errorf("Validate() = %v, want ok=%v", err, tc.ok)
			}
		})
	}
	if _, err := Start(context.Background(), Config{}); err == nil || !strings.HasPrefix(err.Error(), "chserver: start: ") {
		t.Errorf("Start with empty config: %v", err)
	}
}

func TestBinaryFlavour(t *testing.T) {
	for _, tc := range []struct {
		path string
		want []string
	}{
		{"/usr/sbin/clickhouse-server", []string{"--config-file=/d/config.xml"}},
		{"/usr/bin/clickhouse", []string{"server", "--config-file=/d/config.xml"}},
		{"/opt/ch/clickhouse", []string{"server", "--config-file=/d/config.xml"}},
	} {
		if got := binaryAt(tc.path).args("/d/config.xml"); strings.Join(got, " ") != strings.Join(tc.want, " ") {
			t.Errorf("%s: args %q, want %q", tc.path, got, tc.want)
		}
	}
	// PATH lookup order: clickhouse-server before clickhouse; extra dirs after PATH.
	d1, d2 := t.TempDir(), t.TempDir()
	for _, p := range []string{filepath.Join(d1, "clickhouse"), filepath.Join(d2, "clickhouse-server")} {
		if err := os.WriteFile(p, []byte("#!/bin/sh\n"), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	t.Setenv("PATH", d1)
	b, err := findBinary("", []string{d2})
	if err != nil || b.path != filepath.Join(d1, "clickhouse") || !b.multi {
		t.Errorf("findBinary = %+v, %v; want %s/clickhouse (multi)", b, err, d1)
	}
	t.Setenv("PATH", t.TempDir())
	b, err = findBinary("", []string{d1, d2})
	if err != nil || b.path != filepath.Join(d2, "clickhouse-server") || b.multi {
		t.Errorf("findBinary from extra dirs = %+v, %v; want %s/clickhouse-server", b, err, d2)
	}
}

func TestChoosePorts(t *testing.T) {
	tcp, http, err := choosePorts(0, 0, 0, 0)
	if err != nil || tcp == 0 || http == 0 || tcp == http {
		t.Fatalf("choosePorts fresh = %d, %d, %v", tcp, http, err)
	}
	// Previous ports are reused when free.
	if a, b, err := choosePorts(0, 0, tcp, http); err != nil || a != tcp || b != http {
		t.Errorf("reuse = %d, %d, %v; want %d, %d", a, b, err, tcp, http)
	}
	ln, err := net.Listen("tcp", hostPort(tcp))
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	if a, b, err := choosePorts(0, 0, tcp, http); err != nil || a == tcp || b != http || a == b {
		t.Errorf("busy previous tcp: %d, %d, %v", a, b, err)
	}
	if _, _, err := choosePorts(tcp, 0, 0, 0); err == nil {
		t.Error("busy explicit port accepted")
	}
}

func TestCredentialsFileIsPrivateAndReused(t *testing.T) {
	p := filepath.Join(t.TempDir(), "credentials.json")
	c1, err := loadOrCreateCredentials(p)
	if err != nil {
		t.Fatal(err)
	}
	if c1.Writer.User != "default" || c1.Reader.User != "readonly" || c1.Writer.Password == c1.Reader.Password || len(c1.Writer.Password) < 16 {
		t.Errorf("generated %q/%d chars, %q/%d chars", c1.Writer.User, len(c1.Writer.Password), c1.Reader.User, len(c1.Reader.Password))
	}
	fi, err := os.Stat(p)
	if err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("mode %v, %v", fi.Mode(), err)
	}
	os.Chmod(p, 0o644)
	c2, err := loadOrCreateCredentials(p)
	if err != nil || c2 != c1 {
		t.Errorf("reload = %v (same: %v)", err, c2 == c1)
	}
	if fi, _ := os.Stat(p); fi.Mode().Perm() != 0o600 {
		t.Errorf("mode after reload %v, want 0600", fi.Mode())
	}
}

func TestConfigXMLEscapesAndParses(t *testing.T) {
	l := layoutOf("/tmp/a&b <c>")
	b := serverConfigXML(l, 19000, 18123)
	p := filepath.Join(t.TempDir(), "config.xml")
	if err := os.WriteFile(p, b, 0o600); err != nil {
		t.Fatal(err)
	}
	tcp, http, err := readConfigPorts(p)
	if err != nil || tcp != 19000 || http != 18123 {
		t.Errorf("ports %d %d %v in\n%s", tcp, http, err, b)
	}
	if !bytes.Contains(b, []byte("<path>/tmp/a&amp;b &lt;c&gt;/data/</path>")) {
		t.Errorf("path not escaped:\n%s", b)
	}
	if !bytes.Contains(b, []byte("<listen_host>127.0.0.1</listen_host>")) {
		t.Error("not bound to 127.0.0.1")
	}
	u := usersXML(credentialsFile{Writer: Credentials{"default", "pw1"}, Reader: Credentials{"readonly", "pw2"}})
	if bytes.Contains(u, []byte("pw1")) || bytes.Contains(u, []byte("pw2")) {
		t.Error("users.xml holds a plain password")
	}
}
