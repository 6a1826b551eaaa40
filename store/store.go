// Package store is Vigie's ClickHouse side: the connection, the embedded
// numbered migrations, the batch sink the store stage writes with, and the
// typed queries that are the only SQL the dashboard and the CLI run.
//
// Every statement here runs on ClickHouse 18.16.1 (what the tests use) and on
// current versions: no server-side parameters (values are bound by the
// client), inserts through PrepareBatch with a column list, posts
// deduplicated by ReplacingMergeTree and read with FINAL.
package store

import (
	"context"
	"errors"
	"fmt"
	"net"
	"regexp"
	"sync/atomic"
	"time"

	"github.com/ClickHouse/clickhouse-go/v2"
	"github.com/ClickHouse/clickhouse-go/v2/lib/driver"
)

// Config says where ClickHouse is and who Vigie is there.
type Config struct {
	// Addr is host:port of the native protocol.
	Addr     string
	Database string
	User     string
	Password string
	// DialTimeout and ReadTimeout bound a connection and a query.
	DialTimeout time.Duration
	ReadTimeout time.Duration
}

var identRe = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)

// Validate reports a configuration that cannot work.
func (c Config) Validate() error {
	if _, _, err := net.SplitHostPort(c.Addr); err != nil {
		return fmt.Errorf("clickhouse: address %q: %w", c.Addr, err)
	}
	if !identRe.MatchString(c.Database) {
		return fmt.Errorf("clickhouse: database name %q is not a plain identifier", c.Database)
	}
	if c.User == "" {
		return errors.New("clickhouse: no user")
	}
	return nil
}

// DB is a connection pool to Vigie's database.
type DB struct {
	conn driver.Conn
	cfg  Config
	// version orders rollup recounts made through this pool.
	version atomic.Uint64
}

// Open connects to ClickHouse and checks that it answers. It does not create
// the database: Migrate does.
func Open(ctx context.Context, cfg Config) (*DB, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	return open(ctx, cfg, cfg.Database)
}

func open(ctx context.Context, cfg Config, database string) (*DB, error) {
	if cfg.DialTimeout == 0 {
		cfg.DialTimeout = 10 * time.Second
	}
	if cfg.ReadTimeout == 0 {
		cfg.ReadTimeout = 60 * time.Second
	}
	conn, err := clickhouse.Open(&clickhouse.Options{
		Protocol:     clickhouse.Native,
		Addr:         []string{cfg.Addr},
		Auth:         clickhouse.Auth{Database: database, Username: cfg.User, Password: cfg.Password},
		DialTimeout:  cfg.DialTimeout,
		ReadTimeout:  cfg.ReadTimeout,
		MaxOpenConns: 8,
		MaxIdleConns: 4,
	})
	if err != nil {
		return nil, fmt.Errorf("clickhouse: open %s: %w", cfg.Addr, err)
	}
	if err := conn.Ping(ctx); err != nil {
		conn.Close()
		return nil, fmt.Errorf("clickhouse: ping %s as %s: %w", cfg.Addr, cfg.User, err)
	}
	return &DB{conn: conn, cfg: cfg}, nil
}

// Close releases the connections.
func (db *DB) Close() error { return db.conn.Close() }

// ServerVersion returns the server's version, e.g. "18.16.1".
func (db *DB) ServerVersion() (string, error) {
	v, err := db.conn.ServerVersion()
	if err != nil {
		return "", fmt.Errorf("clickhouse: server version: %w", err)
	}
	return fmt.Sprintf("%d.%d.%d", v.Version.Major, v.Version.Minor, v.Version.Patch), nil
}

// Ping checks that the server answers.
func (db *DB) Ping(ctx context.Context) error {
	if err := db.conn.Ping(ctx); err != nil {
		return fmt.Errorf("clickhouse: ping: %w", err)
	}
	return nil
}
