package pipeline

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"path/filepath"
	"slices"
	"time"

	"github.com/vigie-edu/vigie/internal/kafkax"
	"github.com/vigie-edu/vigie/store"
	"github.com/vigie-edu/vigie/store/chserver"
)

// KafkaConfig says which Kafka to use: external brokers, or the embedded
// broker persisting under the data folder when Brokers is empty.
type KafkaConfig struct {
	Brokers    []string
	Partitions int
	// EmbeddedPort is the embedded broker's port (0: any free port).
	EmbeddedPort int
}

// Kafka is a ready Kafka: topics exist.
type Kafka struct {
	Config   kafkax.Config
	embedded *kafkax.Embedded
}

// StartKafka starts the embedded broker when no brokers are configured, then
// makes sure the pipeline's topics exist. An external broker that does not
// answer yet is retried with backoff until ctx ends.
func StartKafka(ctx context.Context, dataDir string, cfg KafkaConfig, logger *slog.Logger) (*Kafka, error) {
	k := &Kafka{Config: kafkax.Config{Brokers: cfg.Brokers, Partitions: cfg.Partitions, ReplicationFactor: 1}}
	if len(cfg.Brokers) == 0 {
		e, err := kafkax.StartEmbedded(filepath.Join(dataDir, "kafka"), cfg.EmbeddedPort, logger)
		if err != nil {
			return nil, err
		}
		k.embedded = e
		k.Config.Brokers = e.Brokers()
		logger.Info("embedded kafka broker started", "addr", e.Brokers()[0], "dir", filepath.Join(dataDir, "kafka"))
	}
	if err := k.Config.Validate(); err != nil {
		k.Close()
		return nil, err
	}
	err := WaitFor(ctx, logger, "kafka", []any{"brokers", k.Config.Brokers}, func(ctx context.Context) error {
		tctx, cancel := context.WithTimeout(ctx, 15*time.Second)
		defer cancel()
		return kafkax.EnsureTopics(tctx, k.Config)
	})
	if err != nil {
		k.Close()
		return nil, err
	}
	return k, nil
}

// WaitFor calls try until it succeeds or ctx ends: how a long-running stage
// waits for a dependency (Kafka, ClickHouse) that does not answer yet
// instead of exiting into an orchestrator's restart loop. Each failure is
// logged as "WHAT not reachable, retrying" with attrs, the wait and the
// error; waits start at 0.5 s and double up to 15 s. When ctx ends, the
// last error is returned joined with ctx's.
func WaitFor(ctx context.Context, log *slog.Logger, what string, attrs []any, try func(context.Context) error) error {
	backoff := 500 * time.Millisecond
	for {
		err := try(ctx)
		if err == nil {
			return nil
		}
		if ctx.Err() != nil {
			return errors.Join(err, ctx.Err())
		}
		log.Error(what+" not reachable, retrying", append(slices.Clip(attrs), "retry_in", backoff, "err", err)...)
		select {
		case <-ctx.Done():
		case <-time.After(backoff):
		}
		backoff = min(backoff*2, 15*time.Second)
	}
}

// Close stops the embedded broker, if any.
func (k *Kafka) Close() {
	if k.embedded != nil {
		k.embedded.Close()
		k.embedded = nil
	}
}

// ClickHouseConfig says which ClickHouse to use: an external server at Addr,
// or a local server Vigie starts under the data folder when Addr is empty.
type ClickHouseConfig struct {
	Addr     string
	Database string
	// Writer is the user Vigie writes as, Reader the read-only user the
	// dashboard and researchers use. With a local server both are generated.
	User, Password             string
	ReadUser, ReadPassword     string
	LocalTCPPort, LocalHTTPort int
}

// ClickHouse is a reachable, migrated ClickHouse.
type ClickHouse struct {
	Writer, Reader store.Config
	Server         *chserver.Server // nil for an external server
}

// StartClickHouse starts (or attaches to) the local server when no address
// is configured, and applies the migrations when migrate is set.
func StartClickHouse(ctx context.Context, dataDir string, cfg ClickHouseConfig, migrate bool, logger *slog.Logger) (*ClickHouse, error) {
	ch := &ClickHouse{
		Writer: store.Config{Addr: cfg.Addr, Database: cfg.Database, User: cfg.User, Password: cfg.Password},
		Reader: store.Config{Addr: cfg.Addr, Database: cfg.Database, User: cfg.ReadUser, Password: cfg.ReadPassword},
	}
	if cfg.Addr == "" {
		srv, err := chserver.Start(ctx, chserver.Config{
			Dir: filepath.Join(dataDir, "clickhouse"), TCPPort: cfg.LocalTCPPort, HTTPPort: cfg.LocalHTTPort, Logger: logger,
		})
		if err != nil {
			return nil, err
		}
		ch.Server = srv
		w, r := srv.Writer(), srv.Reader()
		ch.Writer.Addr, ch.Writer.User, ch.Writer.Password = srv.Addr(), w.User, w.Password
		ch.Reader.Addr, ch.Reader.User, ch.Reader.Password = srv.Addr(), r.User, r.Password
		logger.Info("local clickhouse ready", "addr", srv.Addr(), "version", srv.Version(), "started_here", srv.Owned())
	}
	if ch.Reader.User == "" {
		ch.Reader.User, ch.Reader.Password = ch.Writer.User, ch.Writer.Password
	}
	if migrate {
		applied, err := store.Migrate(ctx, ch.Writer)
		if err != nil {
			ch.Stop(context.Background())
			return nil, fmt.Errorf("clickhouse at %s: %w", ch.Writer.Addr, err)
		}
		if len(applied) > 0 {
			logger.Info("migrations applied", "versions", applied)
		}
	}
	return ch, nil
}

// Stop stops the local server if this process started it.
func (c *ClickHouse) Stop(ctx context.Context) error {
	if c.Server == nil {
		return nil
	}
	return c.Server.Stop(ctx)
}
