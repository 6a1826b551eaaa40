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

// Stage is what every stage function needs besides its own settings.
type Stage struct {
	Kafka kafkax.Config
	// Drain bounds how long a stop (ctx ending) may take to finish and
	// commit the batch in hand (0: kafkax.DefaultDrainTimeout).
	Drain time.Duration
	// Metrics, if set, receives the stage's metrics and readiness checks.
	Metrics *metrics.Metrics
	Logger  *slog.Logger
}

func (s Stage) logger() *slog.Logger {
	if s.Logger == nil {
		return slog.Default()
	}
	return s.Logger
}

// RunClassify runs the classify stage alone until ctx ends (one process of a
// scaled-out deployment; run several: they share the consumer group).
func RunClassify(ctx context.Context, s Stage, workers int) error {
	log := s.logger()
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	loaded := s.Metrics.Starting("classifier", "loading the language models")
	watchLag(ctx, s.Metrics, s.Kafka)
	c, err := classify.New(classify.Config{})
	if err != nil {
		return fmt.Errorf("classify: %w", err)
	}
	var done atomic.Int64
	loop, closeFn := newClassifyStage(s.Kafka, c, workers, s.Drain, &done, observer(s.Metrics), log)
	defer closeFn()
	loaded()
	log.Info("classify stage running", "brokers", s.Kafka.Brokers, "version", classify.Version, "workers", workers)
	return loop.Run(ctx)
}

// StopRollupDrain bounds the rollup recount a stopping store stage does
// after its last batch: a stop takes at most the loop's drain plus this.
const StopRollupDrain = 10 * time.Second

// RunStore runs the store stage alone until ctx ends.
func RunStore(ctx context.Context, s Stage, db *store.DB) error {
	log := s.logger()
	var done atomic.Int64
	watchLag(ctx, s.Metrics, s.Kafka)
	if s.Metrics != nil {
		s.Metrics.AddReadiness("clickhouse", db.Ping)
	}
	loop, closeFn := newStoreStage(s.Kafka, db, s.Drain, &done, observer(s.Metrics), log)
	defer closeFn()
	refresher := make(chan struct{})
	rctx, stop := context.WithCancel(context.WithoutCancel(ctx))
	go func() {
		defer close(refresher)
		// The final recount is bounded too: hours it leaves marked are
		// recounted by the next start.
		RefreshRollupsLoop(rctx, db, 500*time.Millisecond, StopRollupDrain, &done, log)
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
	log.Info("store stage running", "brokers", s.Kafka.Brokers)
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
// When ctx ends, the batches the sources already handed over are still
// published (within s.Drain) before it returns.
func RunIngest(ctx context.Context, s Stage, cfg IngestConfig) (PublisherCounts, error) {
	log := s.logger()
	in, err := newIngest(s.Kafka, Config{DataDir: cfg.DataDir, Sources: cfg.Sources, Speed: cfg.Speed, Scale: cfg.Scale,
		Terms: cfg.Terms, Drain: s.Drain}, cfg.Gaps, log)
	if err != nil {
		return PublisherCounts{}, err
	}
	defer in.close()
	if m := s.Metrics; m != nil {
		m.RegisterIngest(in.counts)
		m.AddReadiness("kafka", func(ctx context.Context) error {
			_, err := kafkax.EndOffsets(ctx, s.Kafka, kafkax.TopicRaw)
			return err
		})
	}
	err = in.run(ctx)
	st := in.publisher.Stats()
	return PublisherCounts{Published: st.Published, Unmatched: st.Unmatched, DeadLettered: st.DeadLettered}, err
}

// PublisherCounts is what an ingest run published.
type PublisherCounts struct {
	Published    int64 `json:"published"`
	Unmatched    int64 `json:"unmatched"`
	DeadLettered int64 `json:"dlq"`
}
