// Package chserver runs a local ClickHouse server that Vigie starts and stops
// itself: the embedded default when no ClickHouse address is configured.
//
// Everything lives in one data folder (Config.Dir):
//
//	config.xml         generated server config (127.0.0.1 only, ports, paths)
//	users.xml          generated users: "default" (writer) and "readonly" (readonly=1)
//	credentials.json   the two random passwords (mode 0600, kept across restarts)
//	state.json         pid, ports and version of the running server (removed on Stop)
//	lock               flock taken while deciding and starting, so two Starts never launch two servers
//	data/ tmp/ user_files/ format_schemas/   ClickHouse path, tmp_path, user_files_path, format_schema_path
//	log/               server.log, server.err.log, stdout.log, stderr.log
//
// The config keeps to settings that both the Debian clickhouse-server 18.16.1
// and current ClickHouse releases accept. Either binary flavour works:
// clickhouse-server, or the multi-call clickhouse binary run as "clickhouse server".
package chserver

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"sync"
	"syscall"
	"time"
)

// ErrNotInstalled is returned (wrapped, with an install hint) when no
// ClickHouse server binary is found.
var ErrNotInstalled = errors.New("clickhouse server binary not found")

// installHint is appended to ErrNotInstalled errors.
const installHint = `install it with "apt-get install clickhouse-server" on Debian/Ubuntu, ` +
	`or the official packages (https://clickhouse.com/docs/en/install) elsewhere`

const (
	defaultStartTimeout = 60 * time.Second
	// maxAttachWait bounds how long Start waits for an already running server
	// of this Dir to answer before reporting it as stuck.
	maxAttachWait = 10 * time.Second
	// stopLockWait bounds how long Stop waits for the Dir lock.
	stopLockWait = 10 * time.Second

	writerUser = "default"
	readerUser = "readonly"
)

// Config says where and how to run the server.
type Config struct {
	// Dir is the data folder of this server (config, data, logs, state). Required.
	Dir string
	// TCPPort is the native protocol port; 0 = reuse the last one of this Dir
	// if free, else pick a free one.
	TCPPort int
	// HTTPPort is the HTTP port; same rule as TCPPort.
	HTTPPort int
	// Binary is the server binary; "" = look up clickhouse-server, then
	// clickhouse (run as "clickhouse server") on PATH.
	Binary string
	// StartTimeout bounds the wait for a started server to answer; 0 => 60 s.
	StartTimeout time.Duration
	// Logger receives progress logs; nil => slog.Default().
	Logger *slog.Logger
}

// Validate reports the first problem with c.
func (c Config) Validate() error {
	switch {
	case c.Dir == "":
		return errors.New("chserver: config: Dir is required")
	case c.TCPPort < 0 || c.TCPPort > 65535:
		return fmt.Errorf("chserver: config: TCPPort %d out of range 0..65535", c.TCPPort)
	case c.HTTPPort < 0 || c.HTTPPort > 65535:
		return fmt.Errorf("chserver: config: HTTPPort %d out of range 0..65535", c.HTTPPort)
	case c.TCPPort != 0 && c.TCPPort == c.HTTPPort:
		return fmt.Errorf("chserver: config: TCPPort and HTTPPort are both %d", c.TCPPort)
	case c.StartTimeout < 0:
		return fmt.Errorf("chserver: config: negative StartTimeout %v", c.StartTimeout)
	}
	return nil
}

// Credentials are a ClickHouse user name and password.
type Credentials struct{ User, Password string }

// Server is a running local ClickHouse server, started or attached to by Start.
type Server struct {
	dir      string
	tcpPort  int
	httpPort int
	version  string
	writer   Credentials
	reader   Credentials
	owned    bool
	pid      int
	log      *slog.Logger

	// Only set when owned.
	done    chan struct{} // closed when the child has exited and been reaped
	waitErr error         // the child's exit status; read after done is closed

	mu      sync.Mutex
	stopped bool
}

// Start ensures a server is serving cfg.Dir. If one is already running for
// this Dir (state.json names a live process of this Dir that answers a ping)
// it attaches to it, and Stop will leave it running. Otherwise it writes the
// config, starts the binary as a child process, waits until it answers, and
// records its state.
func Start(ctx context.Context, cfg Config) (*Server, error) {
	return start(ctx, cfg, defaultBinaryDirs())
}

// start is Start with the extra directories searched for a binary after PATH
// (tests pass none).
func start(ctx context.Context, cfg Config, extraDirs []string) (*Server, error) {
	if err := cfg.Validate(); err != nil {
		return nil, fmt.Errorf("chserver: start: %w", err)
	}
	if cfg.StartTimeout == 0 {
		cfg.StartTimeout = defaultStartTimeout
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	dir, err := filepath.Abs(cfg.Dir)
	if err != nil {
		return nil, fmt.Errorf("chserver: start: %w", err)
	}
	cfg.Dir = dir
	l := layoutOf(dir)
	log := cfg.Logger.With("component", "chserver", "dir", dir)

	if err := l.makeDirs(); err != nil {
		return nil, fmt.Errorf("chserver: start: %w", err)
	}
	unlock, err := lockDir(ctx, l.lock)
	if err != nil {
		return nil, fmt.Errorf("chserver: start: lock %s: %w", l.lock, err)
	}
	defer unlock()

	creds, err := loadOrCreateCredentials(l.credentials)
	if err != nil {
		return nil, fmt.Errorf("chserver: start: %w", err)
	}

	// A server already running for this Dir?
	st, stErr := readState(l.state)
	switch {
	case errors.Is(stErr, os.ErrNotExist):
	case stErr != nil:
		log.Warn("chserver: ignoring unreadable state file", "file", l.state, "err", stErr)
	default:
		s, err := attach(ctx, cfg, l, st, creds, log)
		if s != nil || err != nil {
			return s, err
		}
	}
	if pid := findServerProcess(l.config); pid != 0 {
		return nil, fmt.Errorf("chserver: start: a clickhouse server for %s is already running (pid %d) "+
			"but %s does not describe it; stop it (kill %d) and start again", dir, pid, l.state, pid)
	}
	return launch(ctx, cfg, l, st, creds, extraDirs, log)
}

// attach returns a Server attached to the server described by st when that
// server is alive, belongs to this Dir and answers. It returns (nil, nil) when
// st is stale, and an error when the server is alive but does not answer.
func attach(ctx context.Context, cfg Config, l layout, st state, creds credentialsFile, log *slog.Logger) (*Server, error) {
	if st.PID <= 0 || !processAlive(st.PID) {
		log.Info("chserver: replacing stale state file: process is gone", "pid", st.PID)
		return nil, nil
	}
	if !processMatches(st.PID, l.config) {
		log.Info("chserver: replacing stale state file: pid belongs to another process", "pid", st.PID)
		return nil, nil
	}
	wait := min(cfg.StartTimeout, maxAttachWait)
	version, err := waitReady(ctx, wait, st.TCPPort, st.HTTPPort, creds.Writer, nil)
	if err != nil {
		return nil, fmt.Errorf("chserver: start: a clickhouse server for %s is running (pid %d) but does not answer "+
			"on 127.0.0.1:%d (waited %v): %w; see %s, or stop it (kill %d) and start again",
			l.dir, st.PID, st.TCPPort, wait, err, l.errLog, st.PID)
	}
	if (cfg.TCPPort != 0 && cfg.TCPPort != st.TCPPort) || (cfg.HTTPPort != 0 && cfg.HTTPPort != st.HTTPPort) {
		log.Warn("chserver: the running server uses other ports than configured",
			"tcp", st.TCPPort, "http", st.HTTPPort, "configured_tcp", cfg.TCPPort, "configured_http", cfg.HTTPPort)
	}
	log.Info("chserver: attached to running server", "pid", st.PID, "addr", hostPort(st.TCPPort),
		"http", hostPort(st.HTTPPort), "version", version)
	return &Server{
		dir: l.dir, tcpPort: st.TCPPort, httpPort: st.HTTPPort, version: version,
		writer: creds.Writer, reader: creds.Reader, owned: false, pid: st.PID, log: log,
	}, nil
}

// launch writes the config, starts the child and waits until it answers.
func launch(ctx context.Context, cfg Config, l layout, prev state, creds credentialsFile, extraDirs []string, log *slog.Logger) (*Server, error) {
	bin, err := findBinary(cfg.Binary, extraDirs)
	if err != nil {
		return nil, fmt.Errorf("chserver: start: %w", err)
	}
	prevTCP, prevHTTP := prev.TCPPort, prev.HTTPPort
	if prevTCP == 0 || prevHTTP == 0 {
		if t, h, err := readConfigPorts(l.config); err == nil {
			prevTCP, prevHTTP = t, h
		}
	}
	tcpPort, httpPort, err := choosePorts(cfg.TCPPort, cfg.HTTPPort, prevTCP, prevHTTP)
	if err != nil {
		return nil, fmt.Errorf("chserver: start: %w", err)
	}
	if err := writeFileAtomic(l.config, serverConfigXML(l, tcpPort, httpPort), 0o644); err != nil {
		return nil, fmt.Errorf("chserver: start: write config: %w", err)
	}
	if err := writeFileAtomic(l.users, usersXML(creds), 0o600); err != nil {
		return nil, fmt.Errorf("chserver: start: write users: %w", err)
	}

	// Remember where the logs end, so a failure shows only this run's lines.
	marks := logMarks(l.errLog, l.stderrLog)

	stdout, err := os.OpenFile(l.stdoutLog, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
	if err != nil {
		return nil, fmt.Errorf("chserver: start: %w", err)
	}
	defer stdout.Close()
	stderr, err := os.OpenFile(l.stderrLog, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
	if err != nil {
		return nil, fmt.Errorf("chserver: start: %w", err)
	}
	defer stderr.Close()

	// Not exec.CommandContext: the server must outlive ctx, which only bounds Start.
	cmd := exec.Command(bin.path, bin.args(l.config)...)
	cmd.Dir = l.dir
	cmd.Stdout = stdout
	cmd.Stderr = stderr
	// Foreground server, no watchdog fork (recent versions), so the pid we
	// hold is the server itself and Pdeathsig reaches it.
	cmd.Env = append(os.Environ(), "CLICKHOUSE_WATCHDOG_ENABLE=0")
	cmd.SysProcAttr = sysProcAttr()

	began := time.Now()
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("chserver: start: run %s: %w", bin.path, err)
	}
	s := &Server{
		dir: l.dir, tcpPort: tcpPort, httpPort: httpPort,
		writer: creds.Writer, reader: creds.Reader, owned: true, pid: cmd.Process.Pid, log: log,
		done: make(chan struct{}),
	}
	go func() {
		s.waitErr = cmd.Wait()
		close(s.done)
	}()
	log.Info("chserver: starting server", "binary", bin.path, "pid", s.pid,
		"addr", s.Addr(), "http", s.HTTPAddr())

	version, err := waitReady(ctx, cfg.StartTimeout, tcpPort, httpPort, creds.Writer, s.done)
	if err != nil {
		select {
		case <-s.done:
			return nil, fmt.Errorf("chserver: start: clickhouse server exited before answering (%v)%s",
				s.waitErr, tails(marks))
		default:
		}
		s.kill()
		return nil, fmt.Errorf("chserver: start: clickhouse server (pid %d) did not answer on %s: %w%s",
			s.pid, s.Addr(), err, tails(marks))
	}
	s.version = version
	err = writeState(l.state, state{
		PID: s.pid, TCPPort: tcpPort, HTTPPort: httpPort, Version: version,
		Binary: bin.path, Config: l.config, StartedAt: time.Now().UTC(),
	})
	if err != nil {
		s.kill()
		return nil, fmt.Errorf("chserver: start: write state: %w", err)
	}
	log.Info("chserver: server ready", "pid", s.pid, "addr", s.Addr(), "http", s.HTTPAddr(),
		"version", version, "took", time.Since(began).Round(time.Millisecond))
	return s, nil
}

// Addr is the native protocol address, "127.0.0.1:<tcp port>".
func (s *Server) Addr() string { return hostPort(s.tcpPort) }

// HTTPAddr is the HTTP address, "127.0.0.1:<http port>".
func (s *Server) HTTPAddr() string { return hostPort(s.httpPort) }

// Writer is the user Vigie writes as ("default").
func (s *Server) Writer() Credentials { return s.writer }

// Reader is the "readonly" user (readonly=1 profile) for the dashboard and
// researchers. Under readonly=1 a query may not change any setting, so
// connections as this user must not send per-query settings.
func (s *Server) Reader() Credentials { return s.reader }

// Version is the server version, e.g. "18.16.1" (from select version()).
func (s *Server) Version() string { return s.version }

// Owned reports whether this Server started the process (false when attached).
func (s *Server) Owned() bool { return s.owned }

// Stop stops an owned server: SIGTERM, wait up to ctx, then SIGKILL; it
// removes the state file. It is idempotent. On an attached Server it does
// nothing: the server keeps running for its owner.
func (s *Server) Stop(ctx context.Context) error {
	if !s.owned {
		return nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.stopped {
		return nil
	}
	s.stopped = true
	l := layoutOf(s.dir)

	// Hold the Dir lock so a concurrent Start does not attach to a dying server.
	lctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), stopLockWait)
	unlock, lerr := lockDir(lctx, l.lock)
	cancel()
	if lerr != nil {
		s.log.Warn("chserver: stopping without the dir lock", "err", lerr)
	} else {
		defer unlock()
	}

	began := time.Now()
	var stopErr error
	select {
	case <-s.done:
		s.log.Warn("chserver: server had already exited", "pid", s.pid, "status", s.waitErr)
	default:
		_ = signalGroup(s.pid, syscall.SIGTERM)
		select {
		case <-s.done:
		case <-ctx.Done():
			s.log.Warn("chserver: server did not stop in time, killing it", "pid", s.pid)
			s.kill()
			stopErr = fmt.Errorf("chserver: stop: server pid %d did not stop in time and was killed: %w", s.pid, ctx.Err())
		}
	}
	if st, err := readState(l.state); err == nil && st.PID == s.pid {
		if err := os.Remove(l.state); err != nil && !errors.Is(err, os.ErrNotExist) && stopErr == nil {
			stopErr = fmt.Errorf("chserver: stop: %w", err)
		}
	}
	s.log.Info("chserver: server stopped", "pid", s.pid, "took", time.Since(began).Round(time.Millisecond))
	return stopErr
}

// kill sends SIGKILL to the child's process group and waits for it to be reaped.
func (s *Server) kill() {
	_ = signalGroup(s.pid, syscall.SIGKILL)
	select {
	case <-s.done:
	case <-time.After(10 * time.Second):
		s.log.Error("chserver: server survived SIGKILL", "pid", s.pid)
	}
}

// ClientArgs returns the clickhouse-client arguments that connect to this
// server as c. The password is among them, so it shows in the process list
// of the machine while the client runs.
func (s *Server) ClientArgs(c Credentials) []string {
	return []string{
		"--host", "127.0.0.1",
		"--port", strconv.Itoa(s.tcpPort),
		"--user", c.User,
		"--password", c.Password,
	}
}

func hostPort(port int) string { return "127.0.0.1:" + strconv.Itoa(port) }
