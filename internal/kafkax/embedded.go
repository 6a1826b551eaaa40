package kafkax

import (
	"context"
	"fmt"
	"log/slog"
	"os"

	"github.com/twmb/franz-go/pkg/kfake"
)

// Embedded is an in-process Kafka-protocol broker (franz-go's kfake) whose
// topics, records and committed offsets persist in a directory, so a restart
// on the same data folder resumes where it stopped. It serves the
// single-machine mode and the tests; production runs Apache Kafka.
type Embedded struct {
	cluster *kfake.Cluster
	addrs   []string
}

// StartEmbedded starts a one-node broker persisting into dir, listening on
// 127.0.0.1:port (0 picks a free port).
func StartEmbedded(dir string, port int, logger *slog.Logger) (*Embedded, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("kafka: embedded broker dir: %w", err)
	}
	opts := []kfake.Opt{
		kfake.NumBrokers(1),
		kfake.DataDir(dir),
		kfake.ClusterID("vigie"),
		kfake.Ports(port),
		kfake.WithLogger(kfakeLogger{logger}),
	}
	c, err := kfake.NewCluster(opts...)
	if err != nil {
		return nil, fmt.Errorf("kafka: start embedded broker in %s: %w", dir, err)
	}
	return &Embedded{cluster: c, addrs: c.ListenAddrs()}, nil
}

// Brokers returns the broker addresses to give clients.
func (e *Embedded) Brokers() []string { return e.addrs }

// Close stops the broker, flushing its state to disk.
func (e *Embedded) Close() { e.cluster.Close() }

// kfakeLogger forwards kfake's warnings and errors to slog.
type kfakeLogger struct{ l *slog.Logger }

func (k kfakeLogger) Logf(level kfake.LogLevel, msg string, args ...any) {
	if k.l == nil || level > kfake.LogLevelWarn {
		return
	}
	lvl := slog.LevelWarn
	if level == kfake.LogLevelError {
		lvl = slog.LevelError
	}
	k.l.Log(context.Background(), lvl, "kafka broker: "+fmt.Sprintf(msg, args...))
}
