package pipeline

import (
	"context"
	"fmt"
	"log/slog"
	"runtime"
	"sync/atomic"
	"time"

	"github.com/vigie-edu/vigie/classify"
	"github.com/vigie-edu/vigie/ingest"
	"github.com/vigie-edu/vigie/internal/kafkax"
	"github.com/vigie-edu/vigie/internal/metrics"
	"github.com/vigie-edu/vigie/store"
)

// RunClassify runs the classify stage alone until ctx ends (one process of a
// scaled-out deployment; run several: they share the consumer group).
func RunClassify(ctx context.Context, kc kafkax.Config, workers int, m *metrics.Metrics, log *slog.Logger) error {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	c, err := classify.New(classify.Config{})
	if err != nil {
		return fmt.Errorf("classify: %w", err)
	}
	var done atomic.Int64
	watchLag(ctx, m, kc)
	loop, closeFn := newClassifyStage(kc, c, workers, &done, observer(m), log)
	defer closeFn()
	log.Info("classify stage running", "brokers", kc.Brokers, "version", classify.Version, "workers", workers)
	return loop.Run(ctx)
}

// RunStore runs the store stage alone until ctx ends.
func RunStore(ctx context.Context, kc kafkax.Config, db *store.DB, m *metrics.Metrics, log *slog.Logger) error {
	var done atomic.Int64
	watchLag(ctx, m, kc)
	if m != nil {
		m.AddReadiness("clickhouse", db.Ping)
	}
	loop, closeFn := newStoreStage(kc, db, &done, observer(m), log)
	defer closeFn()
	refresher := make(chan struct{})
	rctx, stop := context.WithCancel(context.WithoutCancel(ctx))
	go func() {
		defer close(refresher)
		RefreshRollupsLoop(rctx, db, 500*time.Millisecond, time.Minute, log)
	}()
	// The store stage owns the incident detection of a split deployment: it
	// has the writer connection and sees every insert.
	incidents := DefaultIncidentConfig()
	incidents.Logger = log
	detector := make(chan struct{})
	go func() {
		defer close(detector)
		DetectIncidentsLoop(rctx, db, incidents, 30*time.Second, log)
	}()
	log.Info("store stage running", "brokers", kc.Brokers)
	err := loop.Run(ctx)
	stop()
	<-refresher
	<-detector
	return err
}

// IngestConfig configures the ingest stage.
type IngestConfig struct {
	// DataDir holds the live sources' checkpoints.
	DataDir string
	// Gaps records coverage gaps (nil: they are only logged).
	Gaps    ingest.GapRecorder
	Sources []string
	Speed   float64
	Scale   int
	Terms   []string
}

// RunIngest runs the sources into the raw topic until they are exhausted or
// ctx ends, and returns what the publisher did.
func RunIngest(ctx context.Context, kc kafkax.Config, cfg IngestConfig, m *metrics.Metrics, log *slog.Logger) (PublisherCounts, error) {
	in, err := newIngest(kc, Config{DataDir: cfg.DataDir, Sources: cfg.Sources, Speed: cfg.Speed, Scale: cfg.Scale, Terms: cfg.Terms}, cfg.Gaps, log)
	if err != nil {
		return PublisherCounts{}, err
	}
	defer in.close()
	if m != nil {
		m.RegisterIngest(in.counts)
		m.AddReadiness("kafka", func(ctx context.Context) error {
			_, err := kafkax.EndOffsets(ctx, kc, kafkax.TopicRaw)
			return err
		})
	}
	err = in.run(ctx)
	s := in.publisher.Stats()
	return PublisherCounts{Published: s.Published, Unmatched: s.Unmatched, DeadLettered: s.DeadLettered}, err
}

// PublisherCounts is what an ingest run published.
type PublisherCounts struct {
	Published    int64 `json:"published"`
	Unmatched    int64 `json:"unmatched"`
	DeadLettered int64 `json:"dlq"`
}
