package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"strings"
	"time"

	"github.com/peterbourgon/ff/v3"

	"github.com/vigie-edu/vigie/dashboard"
	"github.com/vigie-edu/vigie/internal/kafkax"
	"github.com/vigie-edu/vigie/internal/metrics"
	"github.com/vigie-edu/vigie/pipeline"
	"github.com/vigie-edu/vigie/store"
)

// ffOptions makes every flag settable from VIGIE_* variables and a config file.
func ffOptions() []ff.Option {
	return []ff.Option{
		ff.WithEnvVarPrefix("VIGIE"),
		ff.WithEnvVarSplit(","),
		ff.WithConfigFileFlag("config"),
		ff.WithConfigFileParser(ff.PlainParser),
	}
}

// stringList is a flag that may be given several times.
type stringList []string

func (s *stringList) String() string { return strings.Join(*s, ",") }
func (s *stringList) Set(v string) error {
	*s = append(*s, v)
	return nil
}

// commonFlags are on every command.
type commonFlags struct {
	data      string
	logLevel  string
	logFormat string
}

func newFlagSet(name string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.String("config", "", "read flags from this file (one \"flag value\" per line)")
	return fs
}

func (c *commonFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&c.data, "data", "./data", "data folder: embedded Kafka, local ClickHouse, state")
	fs.StringVar(&c.logLevel, "log-level", "info", "log level: debug, info, warn, error")
	fs.StringVar(&c.logFormat, "log-format", "text", "log format: text or json")
}

// logger builds the process logger; logs go to stderr so stdout stays data.
func (c *commonFlags) logger(stderr io.Writer) (*slog.Logger, error) {
	var level slog.Level
	if err := level.UnmarshalText([]byte(c.logLevel)); err != nil {
		return nil, fmt.Errorf("--log-level: %w", err)
	}
	opts := &slog.HandlerOptions{Level: level}
	switch c.logFormat {
	case "text":
		return slog.New(slog.NewTextHandler(stderr, opts)), nil
	case "json":
		return slog.New(slog.NewJSONHandler(stderr, opts)), nil
	}
	return nil, fmt.Errorf("--log-format %q: want text or json", c.logFormat)
}

// kafkaFlags choose the Kafka cluster.
type kafkaFlags struct {
	brokers      string
	partitions   int
	embeddedPort int
	drain        time.Duration
}

func (k *kafkaFlags) register(fs *flag.FlagSet, embedded bool) {
	help := "Kafka brokers host:port,... (required)"
	if embedded {
		help = "Kafka brokers host:port,... (default: an embedded broker persisting under --data)"
		fs.IntVar(&k.embeddedPort, "kafka-port", 0, "port of the embedded broker (0: any free port)")
	}
	fs.StringVar(&k.brokers, "brokers", "", help)
	fs.IntVar(&k.partitions, "partitions", 4, "partitions of each topic Vigie creates")
	fs.DurationVar(&k.drain, "drain", kafkax.DefaultDrainTimeout,
		"on stop (SIGTERM, Ctrl-C), how long each stage may take to finish and commit the batch in hand; what is left is delivered again on restart")
}

// external connects a single stage to the brokers given with --brokers and
// makes sure the topics exist; stages never start an embedded broker.
func (k *kafkaFlags) external(ctx context.Context, log *slog.Logger) (*pipeline.Kafka, error) {
	if k.brokers == "" {
		return nil, errors.New("--brokers is required (or run everything with 'vigie run')")
	}
	return pipeline.StartKafka(ctx, "", k.config(), log)
}

// stage is what a stage function needs, once Kafka is reachable.
func (k *kafkaFlags) stage(kc *pipeline.Kafka, mt *metrics.Metrics, log *slog.Logger) pipeline.Stage {
	return pipeline.Stage{Kafka: kc.Config, Drain: k.drain, Metrics: mt, Logger: log}
}

// stageFlags are the flags of every stage command (ingest, classify,
// store): logging and data folder, health endpoints, Kafka.
type stageFlags struct {
	common  commonFlags
	metrics metricsFlags
	kafka   kafkaFlags
}

func (s *stageFlags) register(fs *flag.FlagSet) {
	s.common.register(fs)
	s.metrics.register(fs)
	s.kafka.register(fs, false)
}

// startedStage is a stage command with its health endpoints up and Kafka
// reachable. /readyz says it is not ready until ready is called.
type startedStage struct {
	log   *slog.Logger
	kafka *pipeline.Kafka
	stage pipeline.Stage
	ready func()
}

// start does what every stage command does first: the logger, the health
// endpoints (/readyz saying "connecting to Kafka at ADDR" and whatever
// waitingFor adds), then Kafka, waited for with backoff. A nil stage with a
// nil error means a stop request came while starting: exit cleanly.
func (s *stageFlags) start(ctx context.Context, stderr io.Writer, waitingFor string) (*startedStage, error) {
	log, err := s.common.logger(stderr)
	if err != nil {
		return nil, err
	}
	mt, err := s.metrics.start(ctx, log)
	if err != nil {
		return nil, err
	}
	ready := mt.Starting("startup", "connecting to Kafka at "+s.kafka.brokers+waitingFor)
	k, err := s.kafka.external(ctx, log)
	if err != nil {
		return nil, stoppedWhileStarting(ctx, err, log)
	}
	return &startedStage{log: log, kafka: k, stage: s.kafka.stage(k, mt, log), ready: ready}, nil
}

// stoppedWhileStarting turns a startup cut short by a stop request (SIGTERM
// while Kafka or ClickHouse is still unreachable) into a clean exit: there
// is nothing in flight to lose. Other errors are returned as they are.
func stoppedWhileStarting(ctx context.Context, err error, log *slog.Logger) error {
	if ctx.Err() != nil && errors.Is(err, ctx.Err()) {
		log.Info("stopped while starting: nothing was in flight", "reason", err)
		return nil
	}
	return err
}

func (k *kafkaFlags) config() pipeline.KafkaConfig {
	return pipeline.KafkaConfig{Brokers: kafkax.ParseBrokers(k.brokers), Partitions: k.partitions, EmbeddedPort: k.embeddedPort}
}

// clickhouseFlags choose the ClickHouse server and its users.
type clickhouseFlags struct {
	addr, database             string
	user, password             string
	readUser, readPassword     string
	passwordFile, readPassFile string
	tcpPort                    int
}

func (c *clickhouseFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&c.addr, "clickhouse", "", "ClickHouse native address host:port (default: a local server Vigie starts under --data)")
	fs.StringVar(&c.database, "database", "vigie", "ClickHouse database")
	fs.StringVar(&c.user, "clickhouse-user", "default", "ClickHouse user Vigie writes as (external server)")
	fs.StringVar(&c.password, "clickhouse-password", "", "password of --clickhouse-user (prefer the env var or --clickhouse-password-file)")
	fs.StringVar(&c.passwordFile, "clickhouse-password-file", "", "file holding the password of --clickhouse-user")
	fs.StringVar(&c.readUser, "clickhouse-read-user", "readonly", "read-only ClickHouse user for the dashboard and queries (external server)")
	fs.StringVar(&c.readPassword, "clickhouse-read-password", "", "password of --clickhouse-read-user")
	fs.StringVar(&c.readPassFile, "clickhouse-read-password-file", "", "file holding the password of --clickhouse-read-user")
	fs.IntVar(&c.tcpPort, "clickhouse-port", 0, "native port of the local server (0: the last one used, or any free port)")
}

// start reaches ClickHouse (starting the local server of dataDir when no
// address is given), applying the migrations when migrate is set.
func (c *clickhouseFlags) start(ctx context.Context, dataDir string, migrate bool, log *slog.Logger) (*pipeline.ClickHouse, error) {
	cfg, err := c.config()
	if err != nil {
		return nil, err
	}
	return pipeline.StartClickHouse(ctx, dataDir, cfg, migrate, log)
}

func (c *clickhouseFlags) config() (pipeline.ClickHouseConfig, error) {
	cfg := pipeline.ClickHouseConfig{
		Addr: c.addr, Database: c.database,
		User: c.user, Password: c.password,
		ReadUser: c.readUser, ReadPassword: c.readPassword,
		LocalTCPPort: c.tcpPort,
	}
	for _, f := range []struct {
		path string
		dst  *string
	}{{c.passwordFile, &cfg.Password}, {c.readPassFile, &cfg.ReadPassword}} {
		if f.path == "" {
			continue
		}
		b, err := os.ReadFile(f.path)
		if err != nil {
			return cfg, fmt.Errorf("read password file: %w", err)
		}
		*f.dst = strings.TrimSpace(string(b))
	}
	return cfg, nil
}

// metricsFlags expose a process's Prometheus metrics and health endpoints.
type metricsFlags struct{ addr string }

func (m *metricsFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&m.addr, "metrics-addr", "", "serve /metrics, /healthz and /readyz on this address (e.g. 127.0.0.1:9464; empty: off)")
}

// start serves the endpoints until ctx ends; it returns nil metrics when
// no address is configured.
func (m *metricsFlags) start(ctx context.Context, log *slog.Logger) (*metrics.Metrics, error) {
	if m.addr == "" {
		return nil, nil
	}
	ln, err := net.Listen("tcp", m.addr)
	if err != nil {
		return nil, fmt.Errorf("--metrics-addr: %w", err)
	}
	mt := metrics.New()
	srv := &http.Server{Handler: mt.Handler(), ReadHeaderTimeout: 5 * time.Second}
	go func() { _ = srv.Serve(ln) }()
	go func() {
		<-ctx.Done()
		sctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		_ = srv.Shutdown(sctx)
	}()
	log.Info("metrics and health endpoints ready", "url", "http://"+ln.Addr().String()+"/metrics")
	return mt, nil
}

// httpAuthFlags protect a dashboard bound to a non-local address.
type httpAuthFlags struct {
	token, tokenFile, user, password, passwordFile string
}

func (h *httpAuthFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&h.token, "http-token", "", "bearer token required by the dashboard (required, with or instead of a user, when --http is not a loopback address)")
	fs.StringVar(&h.tokenFile, "http-token-file", "", "file holding the dashboard token")
	fs.StringVar(&h.user, "http-user", "", "basic-auth user of the dashboard")
	fs.StringVar(&h.password, "http-password", "", "basic-auth password of the dashboard (prefer the env var or --http-password-file)")
	fs.StringVar(&h.passwordFile, "http-password-file", "", "file holding the basic-auth password")
}

// auth reads the credentials and checks that addr may be served with them.
func (h *httpAuthFlags) auth(addr string) (dashboard.Auth, error) {
	a, err := dashboard.AuthFromFiles(dashboard.Auth{Token: h.token, User: h.user, Password: h.password}, h.tokenFile, h.passwordFile)
	if err != nil {
		return a, err
	}
	if addr == "" {
		return a, nil
	}
	return a, dashboard.CheckListen(addr, a)
}

// Who a command connects to ClickHouse as.
const (
	asWriter = false
	asReader = true
)

// open reaches ClickHouse (as start does) and connects as the writer or the
// read-only user; closeFn closes the connection and stops a local server
// this process started.
// openWaiting is open for the long-running stages (store, ingest): an
// external ClickHouse that does not answer yet is waited for, each failure
// logged with the address, retried after 0.5 s, doubling up to 15 s, until
// ctx ends (a stage that exits would only be restarted in a loop by its
// orchestrator). A local server that cannot start fails at once.
func (c *clickhouseFlags) openWaiting(ctx context.Context, dataDir string, migrate, reader bool, log *slog.Logger) (db *store.DB, closeFn func(), err error) {
	if c.addr == "" {
		return c.open(ctx, dataDir, migrate, reader, log)
	}
	err = pipeline.WaitFor(ctx, log, "clickhouse", []any{"addr", c.addr}, func(ctx context.Context) error {
		var err error
		db, closeFn, err = c.open(ctx, dataDir, migrate, reader, log)
		return err
	})
	return db, closeFn, err
}

func (c *clickhouseFlags) open(ctx context.Context, dataDir string, migrate, reader bool, log *slog.Logger) (db *store.DB, closeFn func(), err error) {
	ch, err := c.start(ctx, dataDir, migrate, log)
	if err != nil {
		return nil, nil, err
	}
	cfg := ch.Writer
	if reader {
		cfg = ch.Reader
	}
	db, err = store.Open(ctx, cfg)
	if err != nil {
		stopClickHouse(ch)
		return nil, nil, err
	}
	return db, func() { db.Close(); stopClickHouse(ch) }, nil
}
